"""Tracked changes and comments: count them, accept or reject them, list the comments.

Works on the document model (lxml elements through python-docx): an insertion
(``w:ins``, ``w:moveTo``) is kept or removed with its content, a deletion
(``w:del``, ``w:moveFrom``) removed or restored; a changed paragraph mark joins
the paragraph with the next one; formatting changes (``w:*PrChange``) keep the
new or the old properties. Runs of paragraph marks deleted one after another join
into one paragraph, as in Word. Changes in the page headers and footers and in the
footnotes (parts read on their own) are read separately, to be listed.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from baocao.text import squash

INSERTED = ("w:ins", "w:moveTo")
DELETED = ("w:del", "w:moveFrom")
FORMATTING = ("w:rPrChange", "w:pPrChange", "w:tblPrChange", "w:trPrChange", "w:tcPrChange")
FORMATTING += ("w:sectPrChange", "w:tblGridChange", "w:numberingChange")
MARKS = ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference")
SHOWN = ("w:rPrChange", "w:pPrChange")  # formatting a reader sees: of a run or a paragraph


@dataclass(frozen=True)
class Comment:
    author: str
    text: str
    anchor: str  # the text of the paragraph the comment is on


def _all(root: BaseOxmlElement, tags: tuple[str, ...]) -> list[BaseOxmlElement]:
    return [el for el in root.iter(*(qn(tag) for tag in tags))]


def _roots(document: Document) -> list[BaseOxmlElement]:
    return [document.element.body]


def formatted(document: Document) -> dict[BaseOxmlElement, str]:
    """The body paragraphs with a tracked change of their runs' or their own formatting
    (the formatting of the paragraph mark alone is not shown), each with the words whose
    runs changed ("" when only the paragraph's own formatting did)."""
    out: dict[BaseOxmlElement, str] = {}
    last_run = None
    for change in _all(document.element.body, SHOWN):
        properties = change.getparent()
        run = properties.getparent()
        if change.tag == qn("w:rPrChange") and run.tag != qn("w:r"):
            continue
        paragraph = next(change.iterancestors(qn("w:p")), None)
        if paragraph is None:
            continue
        words = out.get(paragraph, "")
        if change.tag == qn("w:rPrChange"):
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            joined = last_run is not None and run.getprevious() is last_run
            words = words + text if joined or not words else f"{words} … {text}"
            last_run = run
        out[paragraph] = words
    return out


PAGE, NOTE = "page", "note"
_PARTS = {RT.HEADER: PAGE, RT.FOOTER: PAGE, RT.FOOTNOTES: NOTE, RT.ENDNOTES: NOTE}


def part_edits(document: Document) -> list[tuple[str, str, str]]:
    """Each paragraph of a page header or footer (``page``) or of a footnote or endnote
    (``note``) with tracked changes: the part's kind, its text with the changes rejected
    and accepted."""
    out = []
    for rel in document.part.rels.values():
        kind = _PARTS.get(rel.reltype)
        if rel.is_external or kind is None:
            continue
        for paragraph in _part_root(rel.target_part).iter(qn("w:p")):
            if not _all(paragraph, INSERTED + DELETED):
                continue
            rejected, accepted = deepcopy(paragraph), deepcopy(paragraph)
            _reject_root(rejected)
            _accept_root(accepted)
            out.append((kind, squash(_text(rejected)), squash(_text(accepted))))
    return out


def _part_root(part) -> BaseOxmlElement:
    """The root element of a part; python-docx reads some parts (footnotes) only as bytes."""
    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)


def count_changes(document: Document) -> int:
    """Insertions, deletions, moves and formatting changes in the body."""
    tags = INSERTED + DELETED + FORMATTING
    return sum(len(_all(root, tags)) for root in _roots(document))


def comments(document: Document) -> list[Comment]:
    """Every comment with its author and the paragraph it is anchored to."""
    part = _comments_part(document)
    if part is None:
        return []
    anchors = _anchors(document)
    out = []
    for element in part.element.iter(qn("w:comment")):
        text = " ".join(_text(p) for p in element.iter(qn("w:p")))
        comment_id = element.get(qn("w:id"))
        out.append(
            Comment(element.get(qn("w:author")) or "", squash(text), anchors.get(comment_id, ""))
        )
    return out


def _comments_part(document: Document):
    for rel in document.part.rels.values():
        if rel.reltype == RT.COMMENTS and not rel.is_external:
            return rel.target_part
    return None


def _anchors(document: Document) -> dict[str, str]:
    anchors: dict[str, str] = {}
    for tag in ("w:commentRangeStart", "w:commentReference"):
        for mark in document.element.body.iter(qn(tag)):
            paragraph = next(mark.iterancestors(qn("w:p")), None)
            if paragraph is not None:
                anchors.setdefault(mark.get(qn("w:id")), squash(_text(paragraph)))
    return anchors


def _text(element: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t"), qn("w:delText")))


def drop_comment_marks(document: Document) -> None:
    """Remove the comment anchors from the body (the comments are listed in the report)."""
    for mark in _all(document.element.body, MARKS):
        parent = mark.getparent()
        if mark.tag == qn("w:commentReference") and parent.tag == qn("w:r"):
            mark = parent
            parent = mark.getparent()
        parent.remove(mark)


def accept(document: Document) -> None:
    for root in _roots(document):
        _accept_root(root)


def reject(document: Document) -> None:
    for root in _roots(document):
        _reject_root(root)


def _accept_root(root: BaseOxmlElement) -> None:
    _join_marks(root, DELETED)
    for element in _all(root, DELETED):
        _drop(element)
    for element in _all(root, INSERTED):
        _unwrap(element)
    for element in _all(root, FORMATTING):
        _drop(element)


def _reject_root(root: BaseOxmlElement) -> None:
    _join_marks(root, INSERTED)
    for element in _all(root, INSERTED):
        _drop(element)
    for element in _all(root, DELETED):
        for text in _all(element, ("w:delText",)):
            text.tag = qn("w:t")
        for text in _all(element, ("w:delInstrText",)):
            text.tag = qn("w:instrText")
        _unwrap(element)
    for element in _all(root, FORMATTING):
        _restore(element)


def _join_marks(root: BaseOxmlElement, tags: tuple[str, ...]) -> None:
    """A paragraph whose mark goes away (``w:pPr/w:rPr/w:del`` on accept) joins the next one;
    from the last to the first, so that several marks gone in a row join all their
    paragraphs into one."""
    for paragraph in reversed(list(root.iter(qn("w:p")))):
        mark = paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        if mark is None or not any(mark.find(qn(tag)) is not None for tag in tags):
            continue
        following = paragraph.getnext()
        if following is None or following.tag != qn("w:p"):
            continue
        for child in list(following):
            if child.tag != qn("w:pPr"):
                paragraph.append(child)
        following.getparent().remove(following)


def _drop(element: BaseOxmlElement) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _unwrap(element: BaseOxmlElement) -> None:
    """Put the element's children in its place (a mark in ``w:rPr`` has none: it goes)."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _restore(change: BaseOxmlElement) -> None:
    """Reject a formatting change: the properties before the change come back."""
    props = change.getparent()
    old = change[0] if len(change) else None
    for child in list(props):
        if child is not change:
            props.remove(child)
    props.remove(change)
    if old is not None:
        for child in list(old):
            props.append(child)
