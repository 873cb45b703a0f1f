"""Small questions about Word paragraphs that several import steps ask."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table
from docx.text.paragraph import Paragraph

from baocao.text import nfc, strip_marks

TWIPS_PER_MM = 1440 / 25.4
_P, _TBL = qn("w:p"), qn("w:tbl")
_BLOCKS = (_P, _TBL)
_NOT_LETTERS = re.compile(r"[^A-Z0-9]")
_RULE = re.compile(r"^[\s_\-–—=*.·]*$")


def fold(text: str) -> str:
    """Upper-case ASCII letters and digits only: "Cộng hoà xã hội" -> "CONGHOAXAHOI"."""
    return _NOT_LETTERS.sub("", strip_marks(nfc(text)).upper())


def is_rule(text: str) -> bool:
    """A line drawn with characters (underscores, dashes) or nothing at all."""
    return _RULE.match(text) is not None


def body_items(
    document: Document, first: int | None = None, last: int | None = None
) -> Iterator[Paragraph | Table]:
    """The body's paragraphs and tables in order; only the ``first`` or ``last`` n if given."""
    elements = [el for el in document.element.body.iterchildren() if el.tag in _BLOCKS]
    if first is not None:
        elements = elements[:first]
    if last is not None:
        elements = elements[-last:]
    for element in elements:
        if element.tag == _P:
            yield Paragraph(element, document._body)
        else:
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
    return _all_runs(paragraph, "bold")


def is_italic(paragraph: Paragraph) -> bool:
    """Every run holding a letter or digit is in italics (itself, or by a style)."""
    return _all_runs(paragraph, "italic")


def _all_runs(paragraph: Paragraph, attr: str) -> bool:
    styled = any(
        getattr(s.font, attr) for s in _style_chain(paragraph) if getattr(s.font, attr) is not None
    )
    runs = [r for r in paragraph.runs if any(ch.isalnum() for ch in r.text)]
    if not runs:
        return False
    return all(_run_has(run, attr, styled) for run in runs)


def _run_has(run, attr: str, styled: bool) -> bool:
    value = getattr(run, attr)
    if value is not None:
        return bool(value)
    if run.style is not None and getattr(run.style.font, attr):
        return True
    return styled


def alignment(paragraph: Paragraph) -> str | None:
    """The paragraph's ``w:jc`` value as written ("center", "right", "end", ...), from the
    paragraph or its styles; read as text, since files from LibreOffice use values
    ("start", "end") that python-docx does not know."""
    for p_pr in [paragraph._p.pPr, *(s.element.pPr for s in _style_chain(paragraph))]:
        jc = p_pr.find(qn("w:jc")) if p_pr is not None else None
        if jc is not None:
            return jc.get(qn("w:val"))
    return None


def is_centred(paragraph: Paragraph) -> bool:
    return alignment(paragraph) == "center"


def is_right(paragraph: Paragraph) -> bool:
    return alignment(paragraph) in ("center", "right", "end")


def left_indent_mm(paragraph: Paragraph) -> float:
    """The left indent ("w:left" or "w:start", in twips) of the paragraph or its styles."""
    for p_pr in [paragraph._p.pPr, *(s.element.pPr for s in _style_chain(paragraph))]:
        ind = p_pr.find(qn("w:ind")) if p_pr is not None else None
        value = None if ind is None else ind.get(qn("w:left")) or ind.get(qn("w:start"))
        if value is not None:
            try:
                return float(value) / TWIPS_PER_MM
            except ValueError:
                return 0.0
    return 0.0


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
