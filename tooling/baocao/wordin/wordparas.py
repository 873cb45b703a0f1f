"""The paragraphs of a Word file as texts: before and after a reviewer's edits.

With tracked changes, "before" is the file with every change rejected and "after"
the file with every change accepted (``revisions.py`` does both on the document
model). Without, "before" is the unit's Word file as the builder makes it now; with,
that file is read too ("built"), so that what differs from it with no tracked change
(edited with Track Changes off, or accepted before the save) is known.
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

_T, _TAB, _BR, _CR, _CHAR, _INSTR, _SIMPLE = (
    qn(tag) for tag in ("w:t", "w:tab", "w:br", "w:cr", "w:fldChar", "w:instrText", "w:fldSimple")
)
_NOTE, _END_NOTE = qn("w:footnoteReference"), qn("w:endnoteReference")
_BREAKS = {_TAB: "\t", _BR: "\n", _CR: "\n"}
KEPT_FIELDS = ("HYPERLINK",)  # fields whose shown text is the author's words


@dataclass(frozen=True)
class WordParagraph:
    text: str
    in_table: bool = False
    heading: bool = False  # a "Heading N" style
    formatted: str | None = None  # the words whose formatting changed ("": the paragraph's)
    fields: int = 0  # fields Word computes (PAGE, DATE…), whose shown text is left out
    notes: int = 0  # footnote and endnote references


@dataclass
class Versions:
    """The file's paragraphs before and after the edits, its comments, and the text each
    comment marks (between its range marks; the same order as ``comments``)."""

    before: list[WordParagraph]
    after: list[WordParagraph]
    tracked: int = 0
    comments: list[revisions.Comment] = field(default_factory=list)
    marked: list[str] = field(default_factory=list)
    part_edits: list[tuple[str, str, str]] = field(default_factory=list)  # headers, notes
    built: list[WordParagraph] | None = None  # the current build, when ``before`` is not


def paragraphs(document: Document, formatted: dict | None = None) -> list[WordParagraph]:
    """Every paragraph of the body in order, table cells included; ``formatted``: the
    paragraph elements whose formatting changed, with the words it changed."""
    out = []
    formatted = formatted or {}
    for element in document.element.body.iter(qn("w:p")):
        text, fields = _text(element)
        in_table = next(element.iterancestors(qn("w:tc")), None) is not None
        changed = formatted.get(element)
        notes = len(element.findall(f".//{_NOTE}")) + len(element.findall(f".//{_END_NOTE}"))
        heading = _is_heading(element)
        out.append(WordParagraph(nfc(text), in_table, heading, changed, fields, notes))
    return out


def _computed(instruction: str | None) -> bool:
    words = (instruction or "").split()
    return not words or words[0].upper() not in KEPT_FIELDS


def _text(paragraph) -> tuple[str, int]:
    """The paragraph's text (a line break as a newline) without what Word computes (a
    field's instruction, and its shown result unless it is a hyperlink's), and how many
    such fields it holds."""
    parts: list[str] = []
    fields = 0
    open_fields: list[list[str]] = []  # the instruction of each field begun, innermost last
    for node in paragraph.iter(_T, _TAB, _BR, _CR, _CHAR, _INSTR, _SIMPLE):
        if node.tag == _SIMPLE:
            fields += _computed(node.get(qn("w:instr")))
        elif node.tag == _CHAR:
            fields += _field_mark(node.get(qn("w:fldCharType")), open_fields)
        elif node.tag == _INSTR:
            if open_fields:
                open_fields[-1].append(node.text or "")
        elif node.tag == _BR and node.get(qn("w:type")) in ("page", "column"):
            continue  # a page break is layout, not text
        elif not _hidden(node, open_fields):
            parts.append(_BREAKS.get(node.tag) or node.text or "")
    return "".join(parts), fields


def _field_mark(kind: str | None, open_fields: list[list[str]]) -> int:
    if kind == "begin":
        open_fields.append([])
    elif kind == "end" and open_fields:
        return int(_computed("".join(open_fields.pop())))
    return 0


def _hidden(node, open_fields: list[list[str]]) -> bool:
    if open_fields and _computed("".join(open_fields[-1])):
        return True
    simple = next(node.iterancestors(_SIMPLE), None)
    return simple is not None and _computed(simple.get(qn("w:instr")))


def _is_heading(element) -> bool:
    style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and (style.get(qn("w:val")) or "").lower().startswith("heading")


def read_versions(data: bytes, build: Callable[[], Path]) -> Versions:
    """``data`` (a .docx) before and after its edits; ``build`` makes the unit's Word
    file as it is now, called only when the file holds no tracked changes."""
    after = docx.Document(io.BytesIO(data))
    tracked = revisions.count_changes(after)
    formatted = revisions.formatted(after)
    part_edits = revisions.part_edits(after)
    revisions.accept(after)
    comments = revisions.comments(after)
    marked = marked_texts(after)
    accepted = paragraphs(after, formatted)
    built = paragraphs(docx.Document(str(build())))
    if tracked:
        before = docx.Document(io.BytesIO(data))
        revisions.reject(before)
        rejected = paragraphs(before)
        return Versions(rejected, accepted, tracked, comments, marked, part_edits, built)
    return Versions(built, accepted, 0, comments, marked, part_edits)


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
