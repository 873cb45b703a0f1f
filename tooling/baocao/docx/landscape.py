"""Landscape pages for wide tables: the blocks a doctree marked, in sections of their own.

A doctree container with ``nd30.LANDSCAPE_CLASS`` becomes a pandoc ``Div`` with an
identifier starting with ``BOOKMARK_PREFIX`` (``ast.py``); pandoc writes it as a
bookmark around the blocks. Here each such range gets a section of its own, turned
to A4 landscape with the decree's margins, its tables widened to the landscape text
width; two ranges in a row share their pages. The first section keeps the header
block's first-page header; every later section shows the page number (no different
first page, headers carried over from the first section), so the numbering runs on.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.section import CT_SectPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Mm
from docx.table import Table

from baocao.docx.nd30 import ND30

BOOKMARK_PREFIX = "baocao_landscape_"


def landscape_sections(document: Document, nd: ND30) -> None:
    """Put every marked range on landscape pages; the rest of the document stays portrait."""
    body = document.element.body
    ranges = list(_marked_ranges(body))
    final = body.sectPr
    if not ranges or final is None:
        return
    last_break = None
    for index, (start, end) in enumerate(ranges):
        if last_break is not None and _only_between(last_break, start):
            body.remove(last_break)  # the previous range's pages go on
        else:
            portrait = final.clone() if index == 0 else _continued(final.clone())
            start.addprevious(_break(portrait))
        _widen_tables(document, start, end, nd)
        landscape = _continued(final.clone())
        _turn(Section(landscape, document.part), nd)
        last_break = _break(landscape)
        end.addnext(last_break)
        body.remove(start)
        body.remove(end)
    _continued(final)


def _marked_ranges(body: BaseOxmlElement) -> Iterator[tuple[BaseOxmlElement, BaseOxmlElement]]:
    """Each marked bookmark's start and end, as children of the body, in order."""
    ends = {end.get(qn("w:id")): end for end in body.findall(qn("w:bookmarkEnd"))}
    for start in body.findall(qn("w:bookmarkStart")):
        end = ends.get(start.get(qn("w:id")))
        if start.get(qn("w:name"), "").startswith(BOOKMARK_PREFIX) and end is not None:
            yield start, end


def _only_between(first: BaseOxmlElement, second: BaseOxmlElement) -> bool:
    """Whether nothing but bookmarks lies between two children of the body."""
    node = first.getnext()
    while node is not None and node is not second:
        if node.tag not in (qn("w:bookmarkStart"), qn("w:bookmarkEnd")):
            return False
        node = node.getnext()
    return node is second


def _break(sect_pr: CT_SectPr) -> BaseOxmlElement:
    """An empty paragraph that ends a section with ``sect_pr``."""
    paragraph = OxmlElement("w:p")
    paragraph.set_sectPr(sect_pr)
    return paragraph


def _continued(sect_pr: CT_SectPr) -> CT_SectPr:
    """A section after the first: no different first page, the first section's headers."""
    for reference in (*sect_pr.headerReference_lst, *sect_pr.footerReference_lst):
        sect_pr.remove(reference)
    sect_pr._remove_titlePg()
    return sect_pr


def _turn(section: Section, nd: ND30) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = Mm(nd.page_height)
    section.page_height = Mm(nd.page_width)


def _widen_tables(
    document: Document, start: BaseOxmlElement, end: BaseOxmlElement, nd: ND30
) -> None:
    """The range's tables across the landscape text width, columns in proportion."""
    node = start.getnext()
    while node is not None and node is not end:
        if node.tag == qn("w:tbl"):
            table = Table(node, document._body)
            grid = node.tblGrid.gridCol_lst
            total = sum(col.w or 0 for col in grid) or 1
            for index, col in enumerate(grid):
                table.columns[index].width = Mm(nd.landscape_text_width * (col.w or 0) / total)
        node = node.getnext()
