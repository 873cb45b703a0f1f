"""The paragraphs of a Word file as texts: before and after a reviewer's edits.

With tracked changes, "before" is the file with every change rejected and "after"
the file with every change accepted (``revisions.py`` does both on the document
model). Without, "before" is the unit's Word file as the builder makes it now.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

from baocao.text import nfc, squash
from baocao.wordin import revisions

_TEXT = (qn("w:t"), qn("w:tab"))


@dataclass(frozen=True)
class WordParagraph:
    text: str
    in_table: bool = False
    heading: bool = False  # a "Heading N" style


@dataclass
class Versions:
    """The file's paragraphs before and after the edits, its comments, and the text each
    comment marks (between its range marks; the same order as ``comments``)."""

    before: list[WordParagraph]
    after: list[WordParagraph]
    tracked: int = 0
    comments: list[revisions.Comment] = field(default_factory=list)
    marked: list[str] = field(default_factory=list)


def paragraphs(document: Document) -> list[WordParagraph]:
    """Every paragraph of the body in order, table cells included."""
    out = []
    for element in document.element.body.iter(qn("w:p")):
        text = "".join(
            "\t" if node.tag == _TEXT[1] else (node.text or "") for node in element.iter(*_TEXT)
        )
        in_table = next(element.iterancestors(qn("w:tc")), None) is not None
        out.append(WordParagraph(nfc(text), in_table, _is_heading(element)))
    return out


def _is_heading(element) -> bool:
    style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and (style.get(qn("w:val")) or "").lower().startswith("heading")


def read_versions(data: bytes, build: Callable[[], Path]) -> Versions:
    """``data`` (a .docx) before and after its edits; ``build`` makes the unit's Word
    file as it is now, called only when the file holds no tracked changes."""
    after = docx.Document(io.BytesIO(data))
    tracked = revisions.count_changes(after)
    revisions.accept(after)
    comments = revisions.comments(after)
    marked = marked_texts(after)
    if tracked:
        before = docx.Document(io.BytesIO(data))
        revisions.reject(before)
        return Versions(paragraphs(before), paragraphs(after), tracked, comments, marked)
    built = paragraphs(docx.Document(str(build())))
    return Versions(built, paragraphs(after), 0, comments, marked)


def marked_texts(document: Document) -> list[str]:
    """For each comment, in the comments part's order, the text between its range marks."""
    part = revisions._comments_part(document)
    if part is None:
        return []
    ids = [c.get(qn("w:id")) for c in part.element.iter(qn("w:comment"))]
    texts: dict[str, list[str]] = {i: [] for i in ids}
    open_ids: set[str] = set()
    start, end, text = qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")
    for element in document.element.body.iter(start, end, text):
        if element.tag == start:
            open_ids.add(element.get(qn("w:id")))
        elif element.tag == end:
            open_ids.discard(element.get(qn("w:id")))
        else:
            for comment_id in open_ids & texts.keys():
                texts[comment_id].append(element.text or "")
    return [squash("".join(texts[i])) for i in ids]
