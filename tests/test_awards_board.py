"""The board page's view (baocao.awards.board) of a roll-up made from hand-made units: the
tables show the roll-up's numbers as Vietnamese write them, last year's and the change,
by kind of unit, the shares, and the units left out with what is wrong. Expected numbers
are added up here in plain Python from the dictionaries the units are made from."""

from __future__ import annotations

from pathlib import Path

import pytest
from baocao.awards.board import Board, Places, Table, board_view, number, percent, signed
from baocao.awards.model import (
    AwardRow,
    AwardSchema,
    AwardTable,
    Cell,
    Column,
    Kind,
    TableSpec,
    UnitAwards,
)
from baocao.awards.rollup import DataError, UnitInput, rollup
from lxml import etree

SCHEMA = AwardSchema(
    path=Path("khen-thuong.yaml"),
    tables=(
        TableSpec("mau-10", "Mẫu số 10", "Khen thưởng theo thẩm quyền", ("giay-khen", "ldtt")),
        TableSpec("mau-11", "Mẫu số 11", "Đề nghị UBND tỉnh khen thưởng", ("bang-khen",)),
    ),
    kinds=(
        Kind("giay-khen", "Giấy khen"),
        Kind("ldtt", "Lao động tiên tiến", collective=False),
        Kind("bang-khen", "Bằng khen của Chủ tịch UBND tỉnh"),
    ),
    columns=(
        Column("tap-the", "Tập thể"),
        Column("tap-the-nho", "Trong đó tập thể nhỏ", part_of="tap-the"),
        Column("ca-nhan", "Cá nhân"),
        Column("truc-tiep", "Trong đó người trực tiếp", part_of="ca-nhan"),
    ),
)
SHOWN = ("tap-the", "tap-the-nho", "ca-nhan", "truc-tiep")  # breakdown after its total
A = {"mau-10": {"giay-khen": {"tap-the": 5, "tap-the-nho": 2, "ca-nhan": 1030, "truc-tiep": 20}}}
B = {
    "mau-10": {"giay-khen": {"tap-the": 3, "ca-nhan": 10}, "ldtt": {"ca-nhan": 40}},
    "mau-11": {"bang-khen": {"tap-the": 1, "ca-nhan": 2, "truc-tiep": 1}},
}
BAD = {"mau-10": {"giay-khen": {"tap-the": 100, "ca-nhan": 900}}}
A_BEFORE = {"mau-10": {"giay-khen": {"tap-the": 7, "ca-nhan": 1000, "truc-tiep": 10}}}
PAGES = {"so-a": "reports/so-a/index", "so-b": "reports/so-b/index", "xa-c": None}
KINDS = {"so-nganh": "Sở, ban, ngành", "xa-phuong": "Xã, phường, thị trấn"}


def awards(data: dict, year: int = 2025) -> UnitAwards:
    tables = {
        table: AwardTable(
            table,
            1,
            tuple(
                AwardRow(kind, 1, {c: Cell(v, 1) for c, v in cells.items()})
                for kind, cells in rows.items()
            ),
        )
        for table, rows in data.items()
    }
    return UnitAwards(Path("khen-thuong.yaml"), year, tables)


def plain(datas: list[dict], table: str, kind: str | None, column: str) -> int:
    kinds = [kind] if kind else [k for s in SCHEMA.tables if s.id == table for k in s.kinds]
    return sum(d.get(table, {}).get(k, {}).get(column, 0) for d in datas for k in kinds)


def make_board(previous: bool = True) -> Board:
    error = DataError("BC603", "reports/xa-c/khen-thuong.yaml", 7, "Số 'ca-nhan' âm.")
    inputs = [
        UnitInput("so-a", "Sở A", "so-nganh", awards(A), previous=awards(A_BEFORE, 2024)),
        UnitInput("so-b", "Sở B", "so-nganh", awards(B)),
        UnitInput("xa-c", "Xã C", "xa-phuong", awards(BAD), errors=(error,)),
        UnitInput("xa-d", "Xã D", "xa-phuong", None),
    ]
    if not previous:
        inputs[0] = UnitInput("so-a", "Sở A", "so-nganh", awards(A))
    return board_view(rollup(SCHEMA, inputs, 2025), Places(PAGES, KINDS.__getitem__))


def table(board: Board, section: str, index: int = 0) -> Table:
    return next(s for s in board.sections if s.id == section).tables[index]


def cells(table: Table) -> dict[str, tuple[str, ...]]:
    rows = [*table.rows, *([table.foot] if table.foot else [])]
    return {row.label: row.cells for row in rows}


def test_numbers_and_signs_as_vietnamese_write_them() -> None:
    assert (number(1234567), number(0), number(None)) == ("1.234.567", "0", "–")
    assert (percent(0.6875), percent(1), percent(None)) == ("68,8 %", "100,0 %", "–")
    assert (signed(12), signed(0), signed(-1500), signed(None)) == ("+12", "0", "−1.500", "–")


def test_each_table_shows_the_sums_of_the_clean_units_only() -> None:
    board = make_board()
    counted = [A, B]  # xa-c has errors, xa-d no data
    for spec in SCHEMA.tables:
        shown = table(board, f"bang-{spec.id}")
        assert shown.head[1:] == (
            "Tập thể",
            "Trong đó tập thể nhỏ",
            "Cá nhân",
            "Trong đó người trực tiếp",
        )
        rows = cells(shown)
        for kind in spec.kinds:
            label = SCHEMA.kind(kind).label
            expected = tuple(number(plain(counted, spec.id, kind, c)) for c in SHOWN)
            assert rows[label] == expected
        total = tuple(number(plain(counted, spec.id, None, c)) for c in SHOWN)
        assert rows["Tổng cộng"] == total
    assert cells(table(board, "bang-mau-10"))["Giấy khen"] == ("8", "2", "1.040", "20")


def test_last_year_like_for_like_with_the_change() -> None:
    compare = cells(table(make_board(), "bang-mau-10", 1))
    # Last year's numbers are so-a's only (the one unit with archived data): like for like.
    assert compare["Giấy khen"] == ("8", "7", "+1", "1.040", "1.000", "+40")
    assert compare["Tổng cộng"] == ("8", "7", "+1", "1.080", "1.000", "+80")


def test_without_last_year_the_section_says_so_and_draws_one_series() -> None:
    board = make_board(previous=False)
    section = next(s for s in board.sections if s.id == "bang-mau-10")
    assert len(section.tables) == 1
    assert section.intro == "Chưa có số liệu lưu trữ của năm 2024 để so sánh."
    legend = etree.fromstring(section.charts[0].encode()).xpath("//*[local-name()='text']/text()")
    assert "Năm 2025" in legend and "Năm 2024" not in legend


def test_charts_draw_only_the_kinds_and_columns_with_numbers() -> None:
    section = next(s for s in make_board().sections if s.id == "bang-mau-10")
    titles = [etree.fromstring(c.encode())[0].text for c in section.charts]
    assert titles == [
        "Mẫu số 10: Tập thể theo hình thức khen thưởng",
        "Mẫu số 10: Cá nhân theo hình thức khen thưởng",
    ]
    words = etree.fromstring(section.charts[0].encode()).xpath("//*[local-name()='text']/text()")
    assert "Giấy khen" in words and "Lao động tiên tiến" not in words  # no collective got it


def test_by_kind_of_unit() -> None:
    rows = cells(table(make_board(), "theo-loai-don-vi"))
    assert list(rows) == ["Sở, ban, ngành"]  # the commune's data is not summed
    head = table(make_board(), "theo-loai-don-vi").head
    assert head[:3] == ("Loại đơn vị", "Số đơn vị đã cộng", "Mẫu số 10: Tập thể")
    expected = [
        number(plain([A, B], s.id, None, c)) for s in SCHEMA.tables for c in ("tap-the", "ca-nhan")
    ]
    assert rows["Sở, ban, ngành"] == ("2", *expected)


def test_shares_with_the_counts_they_divide() -> None:
    shares = table(make_board(), "ti-le")
    assert shares.head == ("Tỉ lệ", "Toàn tỉnh, năm 2025", "Toàn tỉnh, năm 2024", "Sở, ban, ngành")
    rows = cells(shares)
    direct = rows["Trong đó người trực tiếp trong tổng số cá nhân (Mẫu số 10)"]
    assert direct == ("1,9 % (20/1.080)", "1,0 % (10/1.000)", "1,9 % (20/1.080)")
    small = rows["Trong đó tập thể nhỏ trong tổng số tập thể (Mẫu số 11)"]
    assert small[0] == "0,0 % (0/1)"


def test_units_left_out_are_listed_with_what_is_wrong_and_where() -> None:
    board = make_board()
    assert [(u.slug, u.page) for u in board.left_out] == [("xa-c", None)]
    reasons = board.left_out[0].reasons
    assert reasons[0].startswith("Số liệu khen thưởng có 1 lỗi")
    assert reasons[1] == "reports/xa-c/khen-thuong.yaml:7: Số 'ca-nhan' âm."
    assert [u.slug for u in board.missing] == ["xa-d"]
    assert board.summary == (
        "Đã cộng số liệu của 2 đơn vị; 1 đơn vị có lỗi trong số liệu, không được cộng; "
        "1 đơn vị chưa có số liệu."
    )
    assert board.title == "Tổng hợp số liệu khen thưởng năm 2025"


@pytest.mark.parametrize("previous", [True, False])
def test_every_chart_is_safe_and_named(previous: bool) -> None:
    for section in make_board(previous).sections:
        for chart in section.charts:
            root = etree.fromstring(chart.encode())
            assert root.get("role") == "img" and root[0].text and root[1].text
            assert not root.xpath("//*[local-name()='script']")
