"""Each example's Word file, reopened with python-docx, against Nghị định 30/2020/NĐ-CP."""

from __future__ import annotations

import datetime as dt
import getpass
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from baocao.docx.table import is_number
from baocao.report import load_report
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from test_docx_support import (
    DRAFT,
    EXAMPLES,
    FONT,
    Built,
    body_paragraphs,
    build_once,
    effective,
    effective_format,
    field_codes,
    has_top_border,
)

CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_once(tmp_path_factory.getbasetemp())


@pytest.fixture(params=EXAMPLES)
def example(request: pytest.FixtureRequest, built: Built) -> tuple[Document, dict[str, Any]]:
    """An example's Word file and the front matter of its report."""
    unit = request.param
    front = load_report(built.project / "reports" / unit, built.project).front_matter.values
    return built.document(f"{unit}.docx"), front | {"unit": unit}


def texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def mm(length) -> float:
    return round(length.mm, 1)


def expected_date(front: dict[str, Any]) -> str:
    date: dt.date = front["ngay"]
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{front['dia_danh']}, ngày {date.day:02d} tháng {month} năm {date.year}"


def test_page_is_a4_portrait_with_the_decree_margins(example) -> None:
    """A4 portrait, but for the landscape pages of a wide table (tests/test_awards_docx.py)."""
    document, _ = example
    sections = list(document.sections)
    assert sections[0].orientation == sections[-1].orientation == WD_ORIENT.PORTRAIT
    for section in sections:
        size = (mm(section.page_width), mm(section.page_height))
        if section.orientation == WD_ORIENT.PORTRAIT:
            assert size == (210.0, 297.0)
        else:
            assert size == (297.0, 210.0)
        margins = (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
        assert [mm(m) for m in margins] == [20.0, 20.0, 30.0, 15.0]


def test_times_new_roman_in_every_font_slot(example) -> None:
    document, _ = example
    parts = [document.styles.element, document.element]
    parts += [document.sections[0].header._element, document.sections[0].first_page_header._element]
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    all_fonts = [f for part in parts for f in part.iter(qn("w:rFonts"))]
    assert defaults.find(qn("w:rPr")).find(qn("w:rFonts")) in all_fonts
    assert len(all_fonts) > 20
    for fonts in all_fonts:
        assert [fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")] == [
            FONT
        ] * 4
        assert not any(fonts.get(qn(f"w:{t}")) for t in ("asciiTheme", "hAnsiTheme", "cstheme"))
    colours = {c.get(qn("w:val")) for part in parts for c in part.iter(qn("w:color"))}
    assert colours <= {"000000", "auto"}


def test_body_text_is_14pt_justified_with_first_line_indent(example) -> None:
    document, _ = example
    body = [
        p for p in body_paragraphs(document) if p.style.name in ("Body Text", "First Paragraph")
    ]
    assert len(body) >= 10
    for paragraph in body:
        assert effective(paragraph, "size") == Pt(14)
        assert effective(paragraph, "name") == FONT
        assert effective_format(paragraph, "alignment") == JUSTIFY
        assert mm(effective_format(paragraph, "first_line_indent")) == 12.7
        assert effective_format(paragraph, "space_after") == Pt(6)


def test_headings_use_word_heading_styles_bold_and_indented(example) -> None:
    document, _ = example
    headings = [p for p in body_paragraphs(document) if p.style.name.startswith("Heading")]
    levels = {p.style.name for p in headings}
    assert {"Heading 1", "Heading 2", "Heading 3", "Heading 4"} <= levels
    roman = [p.text.split(" ", 1)[0] for p in headings if p.style.name == "Heading 1"]
    assert roman == ["I.", "II.", "III."]
    for paragraph in headings:
        assert effective(paragraph, "bold") is True
        assert effective(paragraph, "size") == Pt(14)
        assert effective_format(paragraph, "alignment") != CENTER
        assert mm(effective_format(paragraph, "first_line_indent")) == 12.7
        assert effective_format(paragraph, "keep_with_next") is True
        if paragraph.style.name == "Heading 4":
            assert paragraph.text[:2] in ("a)", "b)", "c)")
            assert effective(paragraph, "italic") is True


def borders(table: Table) -> set[str]:
    found = table._tbl.tblPr.find(qn("w:tblBorders"))
    return {b.get(qn("w:val")) for b in found}


def test_header_block_is_a_borderless_two_column_table(example) -> None:
    document, front = example
    first = document.element.body[0]
    assert first.tag == qn("w:tbl")
    table = document.tables[0]
    assert (len(table.rows), len(table.columns)) == (2, 2)
    assert borders(table) == {"nil"}
    agencies = table.cell(0, 0).paragraphs
    assert [p.text for p in agencies] == [
        front["co_quan_chu_quan"].upper(),
        front["co_quan"].upper(),
        "",
    ]
    parent, unit, rule = agencies
    assert effective(parent, "bold") in (None, False)
    assert effective(unit, "bold") is True
    for paragraph in (parent, unit):
        assert effective(paragraph, "size") in (Pt(12), Pt(13))
        assert effective_format(paragraph, "alignment") == CENTER
    assert has_top_border(rule)
    column = table.columns[0].width
    line = column - rule.paragraph_format.left_indent - rule.paragraph_format.right_indent
    assert 0 < line < column / 2
    (number,) = table.cell(1, 0).paragraphs
    assert number.text == f"Số: {front['so_ky_hieu']}"
    assert effective(number, "size") == Pt(13)
    title, motto, motto_rule = table.cell(0, 1).paragraphs
    assert (title.text, motto.text) == (NATIONAL_TITLE, MOTTO)
    assert effective(title, "bold") is True and effective(title, "size") in (Pt(12), Pt(13))
    assert effective(motto, "bold") is True and effective(motto, "size") in (Pt(13), Pt(14))
    assert has_top_border(motto_rule)
    (date,) = table.cell(1, 1).paragraphs
    assert date.text == expected_date(front)
    assert effective(date, "italic") is True
    assert effective(date, "size") in (Pt(13), Pt(14))
    assert effective_format(date, "alignment") == CENTER


def test_document_type_and_title_under_the_header(example) -> None:
    document, front = example
    body = document.element.body
    kind, title, rule = (document.paragraphs[i] for i in range(3))
    assert body.index(kind._p) == 1
    assert kind.text == "BÁO CÁO"
    assert title.text == front["trich_yeu"]
    for paragraph in (kind, title):
        assert effective(paragraph, "bold") is True
        assert effective(paragraph, "size") == Pt(14)
        assert effective_format(paragraph, "alignment") == CENTER
    assert rule.text == "" and has_top_border(rule)


def test_body_tables_have_borders_and_a_bold_repeated_header(example) -> None:
    document, _ = example
    tables = document.tables[1:-1]
    assert tables, "each example reports its commendations in a table"
    counted = 0
    for table in tables:
        assert borders(table) == {"single"}
        header = table.rows[0]
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(r.bold for c in header.cells for p in c.paragraphs for r in p.runs)
        last = [c.paragraphs[0] for c in table.rows[-1].cells[1:] if is_number(c.text)]
        assert all(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in last)
        counted += bool(last)
    assert counted, "the numbers of the commendation tables are right-aligned"


def test_signature_and_recipients_close_the_document(example) -> None:
    document, front = example
    table = document.tables[-1]
    assert document.element.body[-2] is table._tbl  # then only the section properties
    assert borders(table) == {"nil"}
    label, *recipients = table.cell(0, 0).paragraphs
    assert label.text == "Nơi nhận:"
    assert effective(label, "bold") is True and effective(label, "italic") is True
    assert effective(label, "size") == Pt(12)
    expected = [f"- {item.rstrip('.;')};" for item in front["noi_nhan"]]
    expected[-1] = expected[-1][:-1] + "."
    assert [p.text for p in recipients] == expected
    assert recipients[-1].text.startswith("- Lưu: ")
    assert {effective(p, "size") for p in recipients} == {Pt(11)}
    signer = table.cell(0, 1).paragraphs
    lines = [front.get("quyen_han"), front["chuc_vu"], front["nguoi_ky"]]
    assert [p.text for p in signer] == [line for line in lines if line]
    for paragraph in signer:
        assert effective(paragraph, "bold") is True
        assert effective(paragraph, "size") == Pt(14)
        assert effective_format(paragraph, "alignment") == CENTER
    assert effective_format(signer[-1], "space_before") >= Pt(48)


def test_page_numbers_from_page_two_centred_in_the_header(example) -> None:
    document, _ = example
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert not section.header.is_linked_to_previous
    assert field_codes(section.header.paragraphs) == ["PAGE"]
    number = next(p for p in section.header.paragraphs if field_codes([p]))
    assert effective_format(number, "alignment") == CENTER
    assert effective(number, "size") in (Pt(13), Pt(14))
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert field_codes(first.paragraphs) == []
    assert "".join(p.text for p in first.paragraphs) == ""
    assert "DỰ THẢO" not in "".join(p.text for p in section.header.paragraphs)


def test_core_properties_from_the_report(example, built: Built) -> None:
    document, front = example
    props = document.core_properties
    assert props.title == front["trich_yeu"]
    assert props.author == front["co_quan"]
    assert props.last_modified_by == front["co_quan"]
    stamp = dt.datetime.combine(front["ngay"], dt.time(), tzinfo=dt.UTC)
    assert props.created == stamp and props.modified == stamp
    path = built.docx_dir / f"{front['unit']}.docx"
    archive = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    assert {i.date_time[:3] for i in archive.infolist()} == {front["ngay"].timetuple()[:3]}
    leaks = [str(built.project).encode(), str(Path.home()).encode(), getpass.getuser().encode()]
    for name in archive.namelist():
        data = archive.read(name)
        assert not [leak for leak in leaks if len(leak) > 3 and leak in data], name


def test_a_draft_carries_the_mark_on_every_page(built: Built) -> None:
    document = built.document(f"{DRAFT}-du-thao.docx")
    section = document.sections[0]
    for header in (section.first_page_header, section.header):
        marks = [p for p in header.paragraphs if p.text == "DỰ THẢO"]
        assert len(marks) == 1
        assert effective(marks[0], "bold") is True
        assert marks[0]._p.find(".//" + qn("w:bdr")) is not None
    assert document.tables[0].cell(1, 1).paragraphs[0].text == "An Lạc, ngày 05 tháng 01 năm 2026"
    agencies = texts(document.tables[0].cell(0, 0))
    assert agencies[0] == "TRUNG TÂM Y TẾ HUYỆN AN LẠC"
    assert [p.text for p in document.tables[-1].cell(0, 1).paragraphs] == [
        "GIÁM ĐỐC",
        "Phạm Thị Lan",
    ]
