"""The finishing of a merged document: what pandoc cannot mark, marked on the document model.

pandoc writes the word-level ``w:ins`` / ``w:del`` runs. The flags of
``ast_blocks`` and ``ast_styles`` arrive as bookmarks: here a flagged range of
blocks gets every run, paragraph mark and table row marked deleted or inserted
(``redline.marks``), a flagged row the same, a flagged paragraph its old style
as a ``w:pPrChange``; the bookmarks are then removed. The parts the finishing
makes from the front matter (the header block, the signature block, the page
headers) are compared with the same parts made from the old front matter by
the element-level ``Differ``. Revision ids are made unique last.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.run import Run

from baocao.redline.ast_blocks import DELETED, INSERTED, PREFIX, ROW, SEPARATOR
from baocao.redline.ast_styles import FLAG_STYLES, WAS
from baocao.redline.blocks import Differ
from baocao.redline.marks import (
    DEL,
    INS,
    Revision,
    as_deleted,
    inserted,
    mark_paragraph,
    mark_row,
    record_properties,
    runs_of,
    wrap,
)

P, TBL, TR = qn("w:p"), qn("w:tbl"), qn("w:tr")
START, END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
HEAD_BLOCKS = 4  # the header table, "BÁO CÁO", the trích yếu and its rule (docx.header)
PAGE_PARTS = ("first_page_header", "header", "first_page_footer", "footer")
_REVISIONS = tuple(qn(t) for t in ("w:ins", "w:del", "w:pPrChange", "w:rPrChange"))
_TAGS = {DELETED: DEL, INSERTED: INS}


def separators(document: Document) -> None:
    """Each separator of two tables made the empty paragraph pandoc puts between them."""
    body = document.element.body
    ends = {end.get(qn("w:id")): end for end in body.iter(END)}
    for start in [s for s in body.iter(START) if s.get(qn("w:name")) == SEPARATOR]:
        end = ends.get(start.get(qn("w:id")))
        if end is not None:
            end.getparent().remove(end)
        start.addprevious(OxmlElement("w:p"))
        start.getparent().remove(start)


def apply_flags(document: Document, revision: Revision) -> None:
    """Turn every flag bookmark of the body into revision marks; remove the bookmarks."""
    body = document.element.body
    ends = {end.get(qn("w:id")): end for end in body.iter(END)}
    for start in [s for s in body.iter(START) if s.get(qn("w:name"), "").startswith(PREFIX)]:
        end = ends.get(start.get(qn("w:id")))
        kind = start.get(qn("w:name"))[len(PREFIX) :].rsplit("_", 1)[0]
        if kind in _TAGS:
            for element in _between(start, end):
                mark_all(element, _TAGS[kind], revision)
        elif kind.startswith(ROW):
            row = _ancestor(start, TR)
            if row is not None:
                mark_all(row, _TAGS[kind[len(ROW) :]], revision)
        elif kind.startswith(WAS):
            paragraph = _ancestor(start, P)
            if paragraph is not None:
                old_style(document, paragraph, FLAG_STYLES[kind[len(WAS) :]], revision)
        for mark in (start, end):
            if mark is not None and mark.getparent() is not None:
                mark.getparent().remove(mark)


def _between(start: BaseOxmlElement, end: BaseOxmlElement | None) -> Iterator[BaseOxmlElement]:
    node = start.getnext()
    while node is not None and node is not end:
        if node.tag in (P, TBL):
            yield node
        node = node.getnext()


def _ancestor(element: BaseOxmlElement, tag: str) -> BaseOxmlElement | None:
    node = element.getparent()
    while node is not None and node.tag != tag:
        node = node.getparent()
    return node


def mark_all(element: BaseOxmlElement, tag: str, revision: Revision) -> None:
    """Mark everything in a paragraph, table or row deleted or inserted, in place."""
    if tag == INS:
        inserted(element, revision)
        if element.tag == TR:
            mark_row(element, INS, revision)
        return
    for run in runs_of(element):
        wrap(as_deleted(run), revision.mark(DEL))
    for paragraph in element.iter(P):
        mark_paragraph(paragraph, DEL, revision)
    for row in element.iter(TR):
        mark_row(row, DEL, revision)


def old_style(
    document: Document, paragraph: BaseOxmlElement, style: str, revision: Revision
) -> None:
    """Record that ``paragraph`` had the style named ``style`` in the old version."""
    before = OxmlElement("w:p")
    properties = copy.deepcopy(paragraph.get_or_add_pPr())
    properties.get_or_add_pStyle().set(qn("w:val"), document.styles[style].style_id)
    before.append(properties)
    record_properties(paragraph, before, revision)


def bold_header_rows(document: Document) -> None:
    """Marked runs of repeated header rows bold too, as the finishing makes the others."""
    for row in document.element.body.iter(TR):
        properties = row.trPr
        if properties is None or properties.find(qn("w:tblHeader")) is None:
            continue
        for run in row.iter(qn("w:r")):
            if run.getparent().tag in (qn(INS), qn(DEL)):
                Run(run, None).bold = True


def front_matter(document: Document, old: Document | None, revision: Revision) -> None:
    """Mark the changes of the header block, the signature block and the page headers."""
    body = document.element.body
    head, signature = _head(body), _signature(body)
    if old is None:
        for element in [*head, *signature]:
            inserted(element, revision)
        return
    differ = Differ(revision)
    old_body = old.element.body
    _compare(differ, head, [copy.deepcopy(e) for e in _head(old_body)])
    _compare(differ, signature, [copy.deepcopy(e) for e in _signature(old_body)])
    for kind in PAGE_PARTS:
        new_part, old_part = getattr(document.sections[0], kind), getattr(old.sections[0], kind)
        if not new_part.is_linked_to_previous and not old_part.is_linked_to_previous:
            differ.container(new_part._element, old_part._element)


def _head(body: BaseOxmlElement) -> list[BaseOxmlElement]:
    return [child for child in body if child.tag in (P, TBL)][:HEAD_BLOCKS]


def _signature(body: BaseOxmlElement) -> list[BaseOxmlElement]:
    tables = [child for child in body if child.tag == TBL]
    return tables[-1:]


def _compare(differ: Differ, new: list[BaseOxmlElement], old: list[BaseOxmlElement]) -> None:
    """Redline the blocks ``new`` (in the body) against ``old``, where they stand."""
    if not new:
        return
    parent = new[0].getparent()
    at = parent.index(new[0])
    new_box, old_box = OxmlElement("w:body"), OxmlElement("w:body")
    for element in new:
        new_box.append(element)
    for element in old:
        old_box.append(element)
    differ.container(new_box, old_box)
    for offset, element in enumerate(list(new_box)):
        parent.insert(at + offset, element)


def unique_ids(document: Document) -> None:
    """Number the revision marks of the body and the page headers from one counter."""
    parts = [document.element]
    section = document.sections[0]
    for kind in PAGE_PARTS:
        part = getattr(section, kind)
        if not part.is_linked_to_previous:
            parts.append(part._element)
    taken = [int(b.get(qn("w:id"), 0)) for p in parts for b in p.iter(START)]
    number = max(taken, default=0)
    for part in parts:
        for mark in part.iter(*_REVISIONS):
            number += 1
            mark.set(qn("w:id"), str(number))
