"""The parts of the Word reader one at a time: list labels, Markdown escaping, tables,
header and signer parsing, heading levels, revisions."""

from __future__ import annotations

import docx
import pytest
from baocao.mdparser import parser
from baocao.numbering import parse
from baocao.wordin import revisions
from baocao.wordin.header import Header, parse_columns
from baocao.wordin.headings import _Candidate, _levels
from baocao.wordin.inlines import escape
from baocao.wordin.listlabels import letter, roman
from baocao.wordin.myst import paragraph
from baocao.wordin.signer import Signer, parse_recipients, parse_signer
from baocao.wordin.tables import pipe_table
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from import_helpers import plain


def test_list_labels_count_in_roman_and_letters() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert [letter(n) for n in (1, 2, 26, 27)] == ["a", "b", "z", "aa"]


@pytest.mark.parametrize(
    "text",
    [
        "# không phải đề mục",
        "% không phải ghi chú",
        "> không phải trích dẫn",
        "2025. Năm bản lề",
        "a*b*c và _d_ [e](f) `g` <b> | h",
        "&amp; và \\ ngược",
        "=== bằng",
        "(nhan)= không phải nhãn",
    ],
)
def test_text_that_looks_like_markdown_reads_back_as_the_same_text(text: str) -> None:
    markdown = paragraph(escape(text))
    tokens = parser().parse(markdown)
    assert [t.type for t in tokens if t.type.endswith("_open")] == ["paragraph_open"]
    assert plain(tokens) == [text]


@pytest.mark.parametrize(
    ("text", "markdown"),
    [("- gạch đầu dòng", "- gạch đầu dòng"), ("+ ý phụ", "  - ý phụ"), ("1. ý một", "1. ý một")],
)
def test_typed_bullets_and_numbers_become_list_items(text: str, markdown: str) -> None:
    assert paragraph(escape(text)) == markdown


def _cell(text: str, rowspan: int = 1, colspan: int = 1) -> list:
    blocks = [{"t": "Plain", "c": [{"t": "Str", "c": text}]}] if text else []
    return [["", [], []], {"t": "AlignDefault"}, rowspan, colspan, blocks]


def _table(rows: list[list]) -> list:
    body = [["", [], []], 0, [], [[["", [], []], row] for row in rows]]
    specs = [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}]] * 3
    return [["", [], []], [None, []], specs, [["", [], []], []], [body], [["", [], []], []]]


def test_a_cell_spanning_rows_and_columns_is_split_and_reported() -> None:
    rows = [
        [_cell("Đơn vị", rowspan=2), _cell("Số lượng", colspan=2)],
        [_cell("Tập thể"), _cell("Cá nhân")],
        [_cell("Sở"), _cell("3"), _cell("12")],
    ]
    table = pipe_table(_table(rows), lambda blocks: blocks[0]["c"][0]["c"] if blocks else "")
    assert table.merged and table.first_cell == "Đơn vị"
    assert table.text.split("\n") == [
        "| Đơn vị | Số lượng |  |",
        "| --- | --- | --- |",
        "|  | Tập thể | Cá nhân |",
        "| Sở | 3 | 12 |",
    ]


def test_a_table_without_spans_is_not_reported() -> None:
    rows = [[_cell("a"), _cell("b"), _cell("c")], [_cell("1"), _cell("2"), _cell("3")]]
    assert not pipe_table(_table(rows), lambda b: b[0]["c"][0]["c"]).merged


def test_header_columns_without_bold_and_a_blank_date() -> None:
    header = Header()
    left = [("UBND TỈNH", False), ("SỞ TÀI CHÍNH", False), ("Số:   /BC-STC", False)]
    right = [("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Bình Minh, ngày   tháng   năm", False)]
    right.append(("Dòng lạ", False))
    parse_columns(left, right, header)
    assert header.values == {
        "co_quan_chu_quan": "UBND TỈNH",
        "co_quan": "SỞ TÀI CHÍNH",
        "so_ky_hieu": "/BC-STC",
        "dia_danh": "Bình Minh",
    }
    assert header.unplaced == ["Dòng lạ"]


def test_header_agency_over_two_bold_lines() -> None:
    header = Header()
    left = [("UBND TỈNH BÌNH MINH", False), ("SỞ KHOA HỌC", True), ("VÀ CÔNG NGHỆ", True)]
    parse_columns(left, [("Bình Minh, ngày 05 tháng 01 năm 2026", False)], header)
    assert header.values["co_quan"] == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert str(header.values["ngay"]) == "2026-01-05"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Trần Văn Bình"],
            {"quyen_han": "KT. GIÁM ĐỐC", "chuc_vu": "PHÓ GIÁM ĐỐC", "nguoi_ky": "Trần Văn Bình"},
        ),
        (["GIÁM ĐỐC", "", "Lê Thị Hoa"], {"chuc_vu": "GIÁM ĐỐC", "nguoi_ky": "Lê Thị Hoa"}),
        (["HIỆU TRƯỞNG"], {"chuc_vu": "HIỆU TRƯỞNG"}),
    ],
)
def test_signer_lines(lines: list[str], expected: dict) -> None:
    signer = Signer()
    parse_signer(lines, signer)
    assert signer.values == expected


def test_recipients_keep_the_archive_line_with_its_period() -> None:
    signer = Signer()
    parse_recipients(["Nơi nhận:", "- Như trên;", "- UBND tỉnh (b/c);", "- Lưu: VT, TĐKT."], signer)
    assert signer.values["noi_nhan"] == ["Như trên", "UBND tỉnh (b/c)", "Lưu: VT, TĐKT."]


def _candidates(texts: list[str]) -> list[_Candidate]:
    return [_Candidate(None, t, None, parse(t), None) for t in texts]


def test_without_roman_numbers_the_shallowest_numbering_is_level_one() -> None:
    texts = ["1. Kết quả", "1.1. Lãnh đạo", "a) Phong trào", "2. Phương hướng"]
    assert _levels(_candidates(texts)) == [1, 2, 3, 1]


def test_a_letter_heading_is_one_below_the_heading_it_follows() -> None:
    texts = ["I. Tình hình", "1. Lãnh đạo", "a) Một", "2. Kết quả", "2.2. Theo đợt", "a) Hai"]
    assert _levels(_candidates(texts)) == [1, 2, 3, 2, 3, 4]


def _mark(paragraph, tag: str) -> None:
    r_pr = OxmlElement("w:rPr")
    change = OxmlElement(tag)
    change.set(qn("w:id"), "7")
    change.set(qn("w:author"), "A")
    r_pr.append(change)
    paragraph._p.get_or_add_pPr().append(r_pr)


@pytest.mark.parametrize(("choice", "joined"), [("accept", True), ("reject", False)])
def test_a_deleted_paragraph_mark_joins_the_paragraphs_when_accepted(choice, joined) -> None:
    document = docx.Document()
    first = document.add_paragraph("Đoạn một,")
    document.add_paragraph(" nối tiếp.")
    _mark(first, "w:del")
    assert revisions.count_changes(document) == 1
    getattr(revisions, choice)(document)
    texts = [p.text for p in document.paragraphs]
    assert texts == (["Đoạn một, nối tiếp."] if joined else ["Đoạn một,", " nối tiếp."])
    assert revisions.count_changes(document) == 0


def test_a_rejected_formatting_change_brings_back_the_old_format() -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("chữ")
    run.bold = True
    change = OxmlElement("w:rPrChange")
    change.set(qn("w:id"), "8")
    change.set(qn("w:author"), "A")
    change.append(OxmlElement("w:rPr"))
    run._r.get_or_add_rPr().append(change)
    revisions.reject(document)
    assert document.paragraphs[0].runs[0].bold is None
    assert revisions.count_changes(document) == 0


def test_headings_longer_than_the_loader_allows_are_paragraphs_in_both() -> None:
    from baocao.report import BOLD_HEADING_MAX_WORDS
    from baocao.wordin.headings import MAX_WORDS

    assert MAX_WORDS == BOLD_HEADING_MAX_WORDS


def test_a_table_in_a_cell_is_flattened_into_the_cell_and_reported() -> None:
    from baocao.wordin.myst import MystWriter

    inner = {"t": "Table", "c": _table([[_cell("lồng"), _cell("a|b"), _cell("")]])}
    outer = _table([[_cell("x"), _cell("y"), _cell("z")], [_cell("1"), _cell(""), _cell("")]])
    outer[4][0][3][1][1][1][4] = [inner]  # the second row's second cell holds the table
    writer = MystWriter(lambda path: path)
    body = writer.write({"blocks": [{"t": "Table", "c": outer}]})
    assert body.items[0].text.split("\n")[2] == "| 1 | lồng; a\\|b |  |"
    assert [(d.what, d.text) for d in body.dropped] == [("nested-table", "lồng")]
