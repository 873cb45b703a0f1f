"""Building blocks of the header and signature blocks: borderless tables and short rules."""

from __future__ import annotations

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Mm
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from baocao.docx import ooxml

CELL_MARGIN = 1.905  # mm: Word's default left and right cell margin (108 twips)


def borderless_table(
    document: Document, widths: list[float], rows: int = 1, outdent: float = 0.0
) -> Table:
    """A table of fixed column widths (mm) with no borders, appended to the body.

    ``outdent`` (mm) moves it that far into the left margin.
    """
    table = document.add_table(rows=rows, cols=len(widths))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    tbl_pr = table._tbl.tblPr
    ooxml.table_borders(tbl_pr, val="nil")
    ooxml.table_indent(tbl_pr, -round(Mm(outdent).twips))
    for index, width in enumerate(widths):
        table.columns[index].width = Mm(width)
        for cell in table.columns[index].cells:
            cell.width = Mm(width)
    return table


def inner_width(width: float) -> float:
    """The room for text in a cell ``width`` mm wide."""
    return width - 2 * CELL_MARGIN


def style_ids(document: Document) -> dict[str, str]:
    """Style ids by style name (python-docx's own lookup scans every style each time)."""
    return {style.name: style.style_id for style in document.styles}


def set_style(paragraph: Paragraph, style_id: str) -> Paragraph:
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def add(cell: _Cell, style_id: str, text: str = "") -> Paragraph:
    """A paragraph of a style at the end of ``cell`` (its first, blank one if unused)."""
    first = cell.paragraphs[0]
    fresh = len(cell.paragraphs) == 1 and not first.runs and first._p.pPr is None
    paragraph = set_style(first if fresh else cell.add_paragraph(), style_id)
    if text:
        paragraph.add_run(text)
    return paragraph


def add_rule(paragraph: Paragraph, available: float, length: float) -> Paragraph:
    """Make ``paragraph`` (of the rule style) a solid line ``length`` mm long, centred."""
    length = max(min(length, available), 0.0)
    side = (available - length) / 2
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    ooxml.paragraph_border(paragraph._p.get_or_add_pPr(), "top", size=6)
    return paragraph


def move_to_start(document: Document, elements: list) -> None:
    """Move body elements (built at the end) to the top of the body, in order."""
    body = document.element.body
    for index, item in enumerate(elements):
        body.insert(index, item)
