"""The commendation tables in a Word file: a real table, landscape pages for a wide one.

A hand-made doctree (a report's text around the tables' nodes) goes the Word
builder's way (panflute → pandoc → the ND30 finish); the file is read back with
python-docx.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from baocao.awards.model import AwardRow, AwardTable, Cell
from baocao.awards.render import count_table
from baocao.awards.render_nodes import table_nodes
from baocao.docx.ast import to_json, to_pandoc
from baocao.docx.convert import Job, convert
from baocao.docx.meta import DocumentMeta
from baocao.docx.nd30 import ND30
from baocao.docx.reference import reference_docx
from docutils import nodes
from docutils.utils import new_document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from test_awards_render import CURRENT, PREVIOUS, SCHEMA

BEFORE, AFTER = "Đoạn văn trước bảng.", "Đoạn văn sau bảng."


def wide() -> nodes.container:
    return table_nodes(count_table(SCHEMA, SCHEMA.tables[0], CURRENT, PREVIOUS, 2025, 2024))


def narrow() -> nodes.container:
    """Two count columns and no breakdown: fits a portrait page."""
    schema = replace(SCHEMA, columns=tuple(c for c in SCHEMA.columns if not c.part_of))
    current = AwardTable("mau-11", 3, (AwardRow("bang-khen", 4, {"tap-the": Cell(4, 4)}),))
    return table_nodes(count_table(schema, schema.tables[1], current, year=2025))


def build(tmp_path: Path, *blocks: nodes.Node) -> docx.document.Document:
    document = new_document("test")
    section = nodes.section(ids=["bao-cao"])
    section += nodes.title("Báo cáo", "Báo cáo")
    section += nodes.paragraph(BEFORE, BEFORE)
    for block in blocks:
        section += block
    section += nodes.paragraph(AFTER, AFTER)
    document += section
    reference = tmp_path / "reference.docx"
    reference.write_bytes(reference_docx(ND30()))
    meta = DocumentMeta(
        unit="don-vi",
        co_quan="SỞ NỘI VỤ",
        so_ky_hieu="1/BC-SNV",
        document_type="BÁO CÁO",
        title="Tổng kết",
        ngay=dt.date(2025, 12, 1),
    )
    job = Job(
        "don-vi", to_json(to_pandoc(document, srcdir=tmp_path)), meta, tmp_path, reference, ND30()
    )
    outcome = convert(job)
    assert outcome.ok, outcome.error
    return docx.Document(str(outcome.path))


def section_of(document, element) -> int:
    """The index of the section holding a body element (sections end at a sectPr)."""
    index = 0
    for child in document.element.body:
        if child is element:
            return index
        if child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            index += 1
    raise AssertionError("not in the body")


def paragraph_with(document, text: str):
    return next(p for p in document.paragraphs if p.text == text)


def test_a_wide_table_gets_landscape_pages_of_its_own(tmp_path: Path) -> None:
    document = build(tmp_path, wide())
    portrait, landscape, rest = document.sections
    assert portrait.orientation == rest.orientation == WD_ORIENT.PORTRAIT
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    assert (round(landscape.page_width.mm), round(landscape.page_height.mm)) == (297, 210)
    margins = (landscape.top_margin, landscape.bottom_margin)
    assert [round(m.mm) for m in margins] == [20, 20]
    assert [round(m.mm) for m in (landscape.left_margin, landscape.right_margin)] == [30, 15]
    table = document.tables[1]  # after the header block
    assert section_of(document, table._tbl) == 1
    assert section_of(document, paragraph_with(document, BEFORE)._p) == 0
    assert section_of(document, paragraph_with(document, AFTER)._p) == 2
    width = sum(column.width.mm for column in table.columns)
    assert width == pytest.approx(297 - 30 - 15, abs=1)
    # No bookmark of the mark is left behind.
    names = [b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))]
    assert not [n for n in names if n.startswith("baocao_landscape")]


def test_page_numbers_run_on_through_the_landscape_pages(tmp_path: Path) -> None:
    document = build(tmp_path, wide())
    first, *later = document.sections
    assert first.different_first_page_header_footer
    assert not first.header.is_linked_to_previous
    for section in later:
        assert not section.different_first_page_header_footer
        assert section.header.is_linked_to_previous  # the first section's page number
        assert section._sectPr.find(qn("w:pgNumType")) is None  # numbering not restarted


def test_the_table_is_a_word_table_with_bold_repeated_header_and_right_aligned_numbers(
    tmp_path: Path,
) -> None:
    document = build(tmp_path, wide())
    table = document.tables[1]
    header_rows = [r for r in table.rows if r._tr.trPr is not None]
    repeated = [r for r in header_rows if r._tr.trPr.find(qn("w:tblHeader")) is not None]
    assert len(repeated) == 2  # the two header rows
    for header in repeated:
        assert all(run.bold for cell in header.cells for p in cell.paragraphs for run in p.runs)
    body = table.rows[2:]
    expected = count_table(SCHEMA, SCHEMA.tables[0], CURRENT, PREVIOUS, 2025, 2024).rows
    assert [row.cells[0].text for row in body] == [r.label for r in expected]
    for row, rendered in zip(body, expected, strict=True):
        numbers = row.cells[1:]
        assert tuple(c.text for c in numbers) == rendered.cells
        assert {c.paragraphs[0].alignment for c in numbers if c.text} == {WD_ALIGN_PARAGRAPH.RIGHT}
    assert row.cells[0].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT


def test_a_narrow_table_stays_on_portrait_pages(tmp_path: Path) -> None:
    document = build(tmp_path, narrow())
    assert len(document.sections) == 1
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT


def test_two_wide_tables_in_a_row_share_their_landscape_pages(tmp_path: Path) -> None:
    document = build(tmp_path, wide(), wide())
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    first, second = document.tables[1:3]
    assert section_of(document, first._tbl) == section_of(document, second._tbl) == 1


def test_wide_tables_apart_get_a_landscape_section_each(tmp_path: Path) -> None:
    document = build(tmp_path, wide(), nodes.paragraph("Giữa.", "Giữa."), wide())
    orientations = [s.orientation for s in document.sections]
    assert orientations == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
        WD_ORIENT.PORTRAIT,
    ]
    assert section_of(document, paragraph_with(document, "Giữa.")._p) == 2
