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

from baocao.text import nfc
from baocao.wordin import revisions

_TEXT = (qn("w:t"), qn("w:tab"))


@dataclass(frozen=True)
class WordParagraph:
    text: str
    in_table: bool = False


@dataclass
class Versions:
    """The file's paragraphs before and after the edits, and its comments."""

    before: list[WordParagraph]
    after: list[WordParagraph]
    tracked: int = 0
    comments: list[revisions.Comment] = field(default_factory=list)


def paragraphs(document: Document) -> list[WordParagraph]:
    """Every paragraph of the body in order, table cells included."""
    out = []
    for element in document.element.body.iter(qn("w:p")):
        text = "".join(
            "\t" if node.tag == _TEXT[1] else (node.text or "") for node in element.iter(*_TEXT)
        )
        in_table = next(element.iterancestors(qn("w:tc")), None) is not None
        out.append(WordParagraph(nfc(text), in_table))
    return out


def read_versions(data: bytes, build: Callable[[], Path]) -> Versions:
    """``data`` (a .docx) before and after its edits; ``build`` makes the unit's Word
    file as it is now, called only when the file holds no tracked changes."""
    after = docx.Document(io.BytesIO(data))
    tracked = revisions.count_changes(after)
    revisions.accept(after)
    comments = revisions.comments(after)
    if tracked:
        before = docx.Document(io.BytesIO(data))
        revisions.reject(before)
        return Versions(paragraphs(before), paragraphs(after), tracked, comments)
    built = paragraphs(docx.Document(str(build())))
    return Versions(built, paragraphs(after), 0, comments)
