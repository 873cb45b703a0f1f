"""Small questions about Word paragraphs that several import steps ask."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph

from baocao.text import nfc, strip_marks

_NOT_LETTERS = re.compile(r"[^A-Z0-9]")
_RULE = re.compile(r"^[\s_\-–—=*.·]*$")


def fold(text: str) -> str:
    """Upper-case ASCII letters and digits only: "Cộng hoà xã hội" -> "CONGHOAXAHOI"."""
    return _NOT_LETTERS.sub("", strip_marks(nfc(text)).upper())


def is_rule(text: str) -> bool:
    """A line drawn with characters (underscores, dashes) or nothing at all."""
    return _RULE.match(text) is not None


def body_items(document: Document) -> Iterator[Paragraph | Table]:
    """The body's paragraphs and tables, in order."""
    for element in list(document.element.body.iterchildren()):
        if element.tag == qn("w:p"):
            yield Paragraph(element, document._body)
        elif element.tag == qn("w:tbl"):
            yield Table(element, document._body)


def remove(element: BaseOxmlElement) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def has_picture(paragraph: Paragraph) -> bool:
    return bool(paragraph._p.xpath(".//w:drawing | .//w:pict | .//w:object"))


def lines(paragraph: Paragraph) -> list[str]:
    """The paragraph's text split at line breaks, NFC."""
    return [nfc(line) for line in paragraph.text.split("\n")]


def _style_chain(paragraph: Paragraph):
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def is_bold(paragraph: Paragraph) -> bool:
    """Every run holding a letter or digit is bold (itself, by its style or the paragraph's)."""
    style_bold = any(s.font.bold for s in _style_chain(paragraph) if s.font.bold is not None)
    runs = [r for r in paragraph.runs if any(ch.isalnum() for ch in r.text)]
    if not runs:
        return False
    return all(_run_bold(run, style_bold) for run in runs)


def _run_bold(run, style_bold: bool) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    if run.style is not None and run.style.font.bold:
        return True
    return style_bold


def alignment(paragraph: Paragraph) -> WD_ALIGN_PARAGRAPH | None:
    if paragraph.paragraph_format.alignment is not None:
        return paragraph.paragraph_format.alignment
    for style in _style_chain(paragraph):
        if style.paragraph_format.alignment is not None:
            return style.paragraph_format.alignment
    return None


def is_centred(paragraph: Paragraph) -> bool:
    return alignment(paragraph) == WD_ALIGN_PARAGRAPH.CENTER


def left_indent_mm(paragraph: Paragraph) -> float:
    indent = paragraph.paragraph_format.left_indent
    if indent is None:
        for style in _style_chain(paragraph):
            if style.paragraph_format.left_indent is not None:
                indent = style.paragraph_format.left_indent
                break
    return (indent or 0) / Mm(1)


def style_names(paragraph: Paragraph) -> list[str]:
    return [s.name or "" for s in _style_chain(paragraph)]


def cell_lines(table: Table, column: int) -> list[tuple[str, bool]]:
    """Each line of the cells starting at grid ``column``, top to bottom, with whether it is
    bold; a cell merged down from above is read once."""
    out: list[tuple[str, bool]] = []
    for tr in table._tbl.tr_lst:
        start = 0
        for tc in tr.tc_lst:
            if start == column and tc.vMerge != "continue":
                for paragraph in (Paragraph(p, table) for p in tc.p_lst):
                    bold = is_bold(paragraph)
                    out += [(line.strip(), bold) for line in lines(paragraph)]
            start += tc.grid_span
    return out


def columns(table: Table) -> int:
    return len(table._tbl.tblGrid.gridCol_lst)


def table_text(table: Table) -> str:
    return " ".join(p.text for row in table.rows for c in row.cells for p in c.paragraphs)
