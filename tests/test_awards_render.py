"""The commendation tables as computed for a report (baocao.awards.render*), on hand-made data.

The numbers each test expects are worked out by hand in the test from the data it
builds, never taken from the code under test.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from baocao.awards.model import (
    AwardRow,
    AwardSchema,
    AwardTable,
    Cell,
    Column,
    Kind,
    Nominee,
    TableSpec,
    UnitAwards,
)
from baocao.awards.render import (
    ROW_CHANGE,
    ROW_PREVIOUS,
    ROW_TOTAL,
    count_table,
    nominee_table,
)
from baocao.awards.render_nodes import note_nodes, table_nodes
from baocao.awards.render_numbers import (
    change_text,
    count_text,
    decimal_text,
    points_text,
    share_text,
)
from docutils import nodes

NBSP = "\u00a0"

SCHEMA = AwardSchema(
    path=Path("khen-thuong.yaml"),
    tables=(
        TableSpec("mau-10", "Mẫu số 10", "Khen thưởng theo thẩm quyền", ("lao-dong", "giay-khen")),
        TableSpec("mau-11", "Mẫu số 11", "Đề nghị UBND tỉnh khen thưởng", ("bang-khen",)),
    ),
    kinds=(
        Kind("lao-dong", "Lao động tiên tiến", collective=False),
        Kind("giay-khen", "Giấy khen"),
        Kind("bang-khen", "Bằng khen của Chủ tịch UBND tỉnh"),
    ),
    columns=(
        Column("tap-the", "Tập thể"),
        Column("doanh-nghiep", "Trong đó doanh nghiệp", part_of="tap-the"),
        Column("tap-the-nho", "Trong đó tập thể nhỏ", part_of="tap-the", share="Tỷ lệ tập thể nhỏ"),
        Column("ho-gia-dinh", "Hộ gia đình"),
        Column("ca-nhan", "Cá nhân"),
        Column("truc-tiep", "Trong đó trực tiếp", part_of="ca-nhan", share="Tỷ lệ trực tiếp"),
    ),
)


def row(kind: str, line: int, **counts: object) -> AwardRow:
    cells = {key.replace("_", "-"): Cell(value, line) for key, value in counts.items()}
    return AwardRow(kind, line, cells)


CURRENT = AwardTable(
    "mau-10",
    3,
    (
        row("lao-dong", 4, ca_nhan=1198, truc_tiep=1000),
        row("giay-khen", 5, tap_the=18, tap_the_nho=6, ca_nhan=96, truc_tiep=66),
    ),
)
PREVIOUS = AwardTable(
    "mau-10",
    3,
    (
        row("lao-dong", 4, ca_nhan=1100, truc_tiep=800),
        row("giay-khen", 5, tap_the=20, tap_the_nho=4, ca_nhan=90, truc_tiep=50),
    ),
)


# --- numbers as a Vietnamese report writes them


def test_counts_use_a_dot_between_thousands() -> None:
    assert [count_text(n) for n in (0, 7, 999, 1000, 1234, 1234567)] == [
        "0",
        "7",
        "999",
        "1.000",
        "1.234",
        "1.234.567",
    ]
    assert [change_text(n) for n in (5, 0, -1234)] == ["+5", "0", "-1.234"]


def test_shares_use_a_decimal_comma_rounded_half_up() -> None:
    assert share_text(66, 96) == f"68,8{NBSP}%"  # 68.75 rounds up
    assert share_text(1, 8) == f"12,5{NBSP}%"
    assert share_text(1, 3) == f"33,3{NBSP}%"
    assert share_text(2, 3) == f"66,7{NBSP}%"
    assert share_text(96, 96) == f"100,0{NBSP}%"
    assert share_text(0, 5) == f"0,0{NBSP}%"
    assert share_text(0, 0) == "–"  # a share of nothing is no number
    assert decimal_text(Fraction(123456, 100)) == "1.234,6"


def test_changes_of_shares_are_percentage_points_with_their_sign() -> None:
    assert points_text(Fraction(76, 10)) == f"+7,6{NBSP}điểm{NBSP}%"
    assert points_text(Fraction(-1, 3)) == f"-0,3{NBSP}điểm{NBSP}%"
    assert points_text(Fraction(-1, 100)) == f"0,0{NBSP}điểm{NBSP}%"


# --- the count tables


def test_rows_totals_and_shares_are_computed_from_the_counts() -> None:
    table = count_table(SCHEMA, SCHEMA.tables[0], CURRENT, year=2025)
    assert table.caption == "Khen thưởng theo thẩm quyền năm 2025 (Mẫu số 10)"
    top, bottom = table.header
    assert [(c.text, c.cols, c.rows) for c in top] == [
        ("Hình thức khen thưởng", 1, 2),
        ("Tập thể", 3, 1),
        ("Cá nhân", 3, 1),
    ]
    # doanh-nghiep and ho-gia-dinh hold nothing: neither is shown
    assert [c.text for c in bottom] == [
        "Tổng số",
        "Trong đó tập thể nhỏ",
        "Tỷ lệ tập thể nhỏ",
        "Tổng số",
        "Trong đó trực tiếp",
        "Tỷ lệ trực tiếp",
    ]
    assert table.width == 7 and table.wide
    rows = {r.label: r.cells for r in table.rows}
    # Lao động tiên tiến is no collective's: its collective cells were not typed, so blank
    assert rows["Lao động tiên tiến"] == ("", "", "", "1.198", "1.000", f"83,5{NBSP}%")
    assert rows["Giấy khen"] == ("18", "6", f"33,3{NBSP}%", "96", "66", f"68,8{NBSP}%")
    # 1198 + 96 = 1294 people, 1000 + 66 = 1066 working directly: 82.38 %
    assert rows["Tổng cộng"] == ("18", "6", f"33,3{NBSP}%", "1.294", "1.066", f"82,4{NBSP}%")
    assert [r.role for r in table.rows][-1] == ROW_TOTAL


def test_a_breakdown_is_shown_when_it_holds_a_number_and_a_typed_zero_is_kept() -> None:
    current = AwardTable(
        "mau-10",
        3,
        (
            row("giay-khen", 5, tap_the=3, doanh_nghiep=2, tap_the_nho=0),
            row("lao-dong", 6, tap_the=0, tap_the_nho=0),
        ),
    )
    table = count_table(SCHEMA, SCHEMA.tables[0], current, year=2025)
    # tap-the-nho holds only zeros, ca-nhan nothing: neither is shown
    assert [c.text for c in table.header[0]] == ["Hình thức khen thưởng", "Tập thể"]
    assert [c.text for c in table.header[1]] == ["Tổng số", "Trong đó doanh nghiệp"]
    assert [(r.label, r.cells) for r in table.rows] == [
        ("Lao động tiên tiến", ("0", "")),
        ("Giấy khen", ("3", "2")),
        ("Tổng cộng", ("3", "2")),
    ]


def test_a_share_of_nothing_is_a_dash_and_an_untyped_share_is_blank() -> None:
    current = AwardTable(
        "mau-10",
        3,
        (
            row("giay-khen", 5, ca_nhan=0, truc_tiep=0),
            row("lao-dong", 6, ca_nhan=10, truc_tiep=4),
        ),
    )
    table = count_table(SCHEMA, SCHEMA.tables[0], current, year=2025)
    rows = {r.label: r.cells for r in table.rows}
    assert rows["Giấy khen"] == ("0", "0", "–")
    assert rows["Lao động tiên tiến"] == ("10", "4", f"40,0{NBSP}%")
    assert rows["Tổng cộng"] == ("10", "4", f"40,0{NBSP}%")


def test_last_years_totals_and_the_change_follow_the_total_row() -> None:
    table = count_table(SCHEMA, SCHEMA.tables[0], CURRENT, PREVIOUS, 2025, 2024)
    total, before, change = table.rows[-3:]
    assert (total.role, before.role, change.role) == (ROW_TOTAL, ROW_PREVIOUS, ROW_CHANGE)
    assert before.label == "Tổng cộng năm 2024"
    assert change.label == "Tăng (+), giảm (-) so với năm 2024"
    # 2024: 20 collectives (4 small: 20 %), 1190 people (850 directly: 71.43 %)
    assert before.cells == ("20", "4", f"20,0{NBSP}%", "1.190", "850", f"71,4{NBSP}%")
    # 2025 against 2024: 18-20, 6-4, 33.33-20 = +13.3 points; 1294-1190, 1066-850, 82.38-71.43
    assert change.cells == (
        "-2",
        "+2",
        f"+13,3{NBSP}điểm{NBSP}%",
        "+104",
        "+216",
        f"+11,0{NBSP}điểm{NBSP}%",
    )


def test_a_kind_typed_last_year_only_keeps_its_row_blank_this_year() -> None:
    previous = AwardTable("mau-10", 3, (row("lao-dong", 4, ca_nhan=10, truc_tiep=5),))
    current = AwardTable("mau-10", 3, (row("giay-khen", 5, ca_nhan=4, truc_tiep=1),))
    table = count_table(SCHEMA, SCHEMA.tables[0], current, previous, 2025, 2024)
    labels = [r.label for r in table.rows]
    assert labels[:2] == ["Lao động tiên tiến", "Giấy khen"]  # the schema's order
    assert table.rows[0].cells == ("", "", "")  # nothing typed this year
    assert table.rows[1].cells == ("4", "1", f"25,0{NBSP}%")
    before, change = table.rows[-2:]
    assert before.cells == ("10", "5", f"50,0{NBSP}%")
    assert change.cells == ("-6", "-4", f"-25,0{NBSP}điểm{NBSP}%")


def test_a_table_with_one_header_row_when_no_column_has_breakdowns_shown() -> None:
    schema = AwardSchema(
        path=SCHEMA.path,
        tables=SCHEMA.tables,
        kinds=SCHEMA.kinds,
        columns=(Column("tap-the", "Tập thể"), Column("ca-nhan", "Cá nhân")),
    )
    current = AwardTable("mau-11", 3, (row("bang-khen", 4, tap_the=4, ca_nhan=9),))
    table = count_table(schema, schema.tables[1], current, year=2025)
    assert len(table.header) == 1
    assert [c.text for c in table.header[0]] == ["Hình thức khen thưởng", "Tập thể", "Cá nhân"]
    assert not table.wide
    assert [(r.label, r.cells) for r in table.rows] == [
        ("Bằng khen của Chủ tịch UBND tỉnh", ("4", "9")),
        ("Tổng cộng", ("4", "9")),
    ]


def test_the_names_proposed_are_numbered_with_the_kind_by_its_label() -> None:
    awards = UnitAwards(
        path=Path("khen-thuong.yaml"),
        year=2025,
        nominees=(
            Nominee(10, "Nguyễn Thị Thu Thủy", "Chuyên viên", "Phòng A", "bang-khen", "Đề án"),
            Nominee(15, "Phòng B", "", "Sở Nội vụ", "bang-khen", "Số hóa", collective=True),
        ),
    )
    table = nominee_table(SCHEMA, awards)
    assert [c.text for c in table.header[0]][:2] == ["TT", "Họ và tên (tên tập thể)"]
    assert [(r.label, r.cells) for r in table.rows] == [
        (
            "1",
            (
                "Nguyễn Thị Thu Thủy",
                "Chuyên viên",
                "Phòng A",
                "Bằng khen của Chủ tịch UBND tỉnh",
                "Đề án",
            ),
        ),
        ("2", ("Phòng B", "", "Sở Nội vụ", "Bằng khen của Chủ tịch UBND tỉnh", "Số hóa")),
    ]
    assert not table.numeric


# --- docutils nodes


def test_table_nodes_carry_spans_right_aligned_numbers_and_the_landscape_mark() -> None:
    table = count_table(SCHEMA, SCHEMA.tables[0], CURRENT, PREVIOUS, 2025, 2024)
    container = table_nodes(table)
    assert "baocao-awards" in container["classes"]
    assert "baocao-landscape" in container["classes"]  # 7 columns: wide
    (node,) = container.children
    assert isinstance(node, nodes.table)
    assert node.children[0].astext() == table.caption
    head = next(iter(node.findall(nodes.thead)))
    first, second = head.children
    assert [e.get("morerows", 0) for e in first.children] == [1, 0, 0]
    assert [e.get("morecols", 0) for e in first.children] == [0, 2, 2]
    assert len(second.children) == 6
    body_rows = list(next(iter(node.findall(nodes.tbody))).children)
    assert len(body_rows) == len(table.rows)
    for body_row in body_rows:
        label, *numbers = body_row.children
        assert "text-right" not in label["classes"]
        assert all("text-right" in cell["classes"] for cell in numbers)
    total = body_rows[-3]
    assert "baocao-awards-total" in total["classes"]
    assert all(list(cell.findall(nodes.strong)) for cell in total.children)
    colspecs = list(node.findall(nodes.colspec))
    assert [c["colwidth"] for c in colspecs] == [3, 1, 1, 1, 1, 1, 1]


def test_a_narrow_table_is_not_marked_landscape() -> None:
    current = AwardTable("mau-11", 3, (row("bang-khen", 4, tap_the=4, ca_nhan=9),))
    narrow = AwardSchema(
        path=SCHEMA.path,
        tables=SCHEMA.tables,
        kinds=SCHEMA.kinds,
        columns=(Column("tap-the", "Tập thể"), Column("ca-nhan", "Cá nhân")),
    )
    container = table_nodes(count_table(narrow, narrow.tables[1], current, year=2025))
    assert container["classes"] == ["baocao-awards"]


def test_a_note_is_a_titled_admonition_with_its_items() -> None:
    note = note_nodes("Bảng số liệu khen thưởng", "Có lỗi:", ["dòng 4: sai", "dòng 9: sai"])
    assert isinstance(note, nodes.admonition)
    assert note.children[0].astext() == "Bảng số liệu khen thưởng"
    assert [i.astext() for i in note.findall(nodes.list_item)] == ["dòng 4: sai", "dòng 9: sai"]


@pytest.mark.parametrize("value", [0, 1, 12, 1234])
def test_a_count_reads_back_as_the_same_number(value: int) -> None:
    assert int(count_text(value).replace(".", "")) == value
