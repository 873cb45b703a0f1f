"""The roll-up (baocao.awards.rollup) on hand-made model objects: what is summed, what is
left out and why, per kind of unit, shares and last year's change. Expected numbers
are computed here by plain Python over the same dictionaries the objects are made from."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
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
from baocao.awards.rollup import (
    ERRORS,
    MISSING,
    OTHER_YEAR,
    DataError,
    UnitInput,
    data_errors,
    is_data_error,
    rollup,
    rollup_year,
)

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
        Column("tap-the-nho", "Tập thể nhỏ", part_of="tap-the"),
        Column("ca-nhan", "Cá nhân"),
        Column("truc-tiep", "Người trực tiếp", part_of="ca-nhan"),
    ),
)
COLUMNS = ("tap-the", "tap-the-nho", "ca-nhan", "truc-tiep")


def awards(data: dict, year: int | None = 2025) -> UnitAwards:
    """Model objects made by hand from {table: {kind: {column: value}}}."""
    tables = {
        table_id: AwardTable(
            table_id,
            1,
            tuple(
                AwardRow(kind, 1, {c: Cell(v, 1) for c, v in cells.items()})
                for kind, cells in rows.items()
            ),
        )
        for table_id, rows in data.items()
    }
    return UnitAwards(Path("khen-thuong.yaml"), year, tables)


def plain_sum(datas: list[dict], table: str, kind: str, column: str) -> int:
    return sum(d.get(table, {}).get(kind, {}).get(column, 0) for d in datas)


A = {"mau-10": {"giay-khen": {"tap-the": 5, "tap-the-nho": 2, "ca-nhan": 30, "truc-tiep": 20}}}
B = {
    "mau-10": {"giay-khen": {"tap-the": 3, "ca-nhan": 10}, "ldtt": {"ca-nhan": 40}},
    "mau-11": {"bang-khen": {"tap-the": 1, "ca-nhan": 2, "truc-tiep": 1}},
}
C = {"mau-10": {"giay-khen": {"tap-the": 100, "ca-nhan": 900}}}


def unit(slug: str, data: dict | None, kind: str = "so-nganh", **extra) -> UnitInput:
    return UnitInput(slug, slug.upper(), kind, awards(data) if data is not None else None, **extra)


def test_sums_every_clean_unit_and_only_those():
    error = DataError("BC604", "reports/c/khen-thuong.yaml", 3, "Số không hợp lệ")
    result = rollup(
        SCHEMA,
        [unit("a", A), unit("b", B, "xa-phuong"), unit("c", C, errors=(error,)), unit("d", None)],
    )
    assert result.year == 2025
    assert [u.slug for u in result.units] == ["a", "b"]
    for table, kind, column in result.every_key():
        assert result.total.get(table, kind, column) == plain_sum([A, B], table, kind, column)
    assert result.total.total("mau-10", "ca-nhan") == 30 + 10 + 40
    left = {u.slug: u for u in result.left_out}
    assert left["c"].reason == ERRORS and left["c"].errors == (error,)
    assert left["d"].reason == MISSING and left["d"].errors == ()


def test_data_of_another_year_is_left_out_with_its_year():
    old = UnitInput("old", "Old", "so-nganh", awards(C, year=2024))
    result = rollup(SCHEMA, [unit("a", A), unit("b", B), old])
    assert result.year == 2025
    assert [(u.slug, u.reason, u.year) for u in result.left_out] == [("old", OTHER_YEAR, 2024)]
    assert result.total.get("mau-10", "giay-khen", "tap-the") == 5 + 3


def test_the_year_is_the_one_most_units_report_else_the_latest():
    older = [UnitInput(s, s, "", awards(A, year=2024)) for s in ("x", "y")]
    assert rollup_year([*older, unit("a", A)]) == 2024
    assert rollup_year([older[0], unit("a", A)]) == 2025
    assert rollup_year([unit("d", None)]) is None
    assert rollup(SCHEMA, [*older, unit("a", A)], year=2025).units[0].slug == "a"


def test_totals_per_kind_of_unit():
    result = rollup(SCHEMA, [unit("a", A), unit("b", B, "xa-phuong"), unit("c", C)])
    assert list(result.by_unit_kind) == ["so-nganh", "xa-phuong"]
    assert result.by_unit_kind["so-nganh"].get("mau-10", "giay-khen", "ca-nhan") == 30 + 900
    assert result.by_unit_kind["xa-phuong"].get("mau-11", "bang-khen", "tap-the") == 1
    for key in result.every_key():
        assert sum(c.get(*key) for c in result.by_unit_kind.values()) == result.total.get(*key)


def test_shares_of_each_breakdown_per_kind_and_per_table():
    result = rollup(SCHEMA, [unit("a", A), unit("b", B)])
    shares = {(s.table, s.kind, s.column): s for s in result.shares()}
    direct = shares["mau-10", None, "truc-tiep"]
    assert (direct.part, direct.whole, direct.of_column) == (20, 30 + 10 + 40, "ca-nhan")
    assert direct.value == pytest.approx(20 / 80)
    small = shares["mau-10", "giay-khen", "tap-the-nho"]
    assert (small.part, small.whole) == (2, 8)
    assert shares["mau-10", "ldtt", "tap-the-nho"].value is None  # no collective at all


def test_change_against_last_year_is_like_for_like():
    last_a = {"mau-10": {"giay-khen": {"tap-the": 4, "ca-nhan": 25}}}
    last_c = {"mau-10": {"giay-khen": {"tap-the": 50}}}
    bad = DataError("BC604", "archive/2024/b/khen-thuong.yaml", 2, "Số không hợp lệ")
    result = rollup(
        SCHEMA,
        [
            unit("a", A, previous=awards(last_a, 2024)),
            unit("b", B, previous=awards(B, 2024), previous_errors=(bad,)),
            unit("c", C, errors=(bad,), previous=awards(last_c, 2024)),
        ],
    )
    assert result.previous_units == ("a",)
    assert result.previous is not None
    assert result.previous.get("mau-10", "giay-khen", "tap-the") == 4
    assert result.change("mau-10", "giay-khen", "tap-the") == (5 + 3) - 4
    assert result.change("mau-10", None, "ca-nhan") == (30 + 10 + 40) - 25


def test_no_change_without_last_year():
    result = rollup(SCHEMA, [unit("a", A)])
    assert result.previous is None and result.previous_units == ()
    assert result.change("mau-10", "giay-khen", "tap-the") is None


def test_kinds_and_tables_outside_the_schema_are_not_summed():
    odd = {"mau-10": {"giay-khen": {"tap-the": 1}, "khac": {"tap-the": 7}}, "mau-99": {}}
    result = rollup(SCHEMA, [unit("a", odd)])
    assert result.total.total("mau-10", "tap-the") == 1
    assert all(key[0] in ("mau-10", "mau-11") for key in result.total.values)


def test_what_counts_as_a_data_error():
    assert is_data_error("BC604", "error")
    assert not is_data_error("BC619", "warning")
    assert not is_data_error("BC101", "error")
    records = [
        {"code": "BC604", "severity": "error", "file": "f", "line": 3, "message": "m"},
        {"code": "BC610", "severity": "warning", "file": "f", "line": 4, "message": "w"},
        {"code": "BC101", "severity": "error", "file": "g", "line": 1, "message": "x"},
    ]
    assert data_errors(records) == (DataError("BC604", "f", 3, "m"),)


def test_many_generated_units_equal_a_plain_sum():
    rng = random.Random(14)
    datas, inputs = [], []
    for index in range(300):
        data = {
            table.id: {
                kind: {c: rng.randint(0, 50) for c in COLUMNS if rng.random() < 0.8}
                for kind in table.kinds
                if rng.random() < 0.7
            }
            for table in SCHEMA.tables
        }
        broken = index % 17 == 0
        if not broken:
            datas.append(data)
        errors = (DataError("BC604", "f", 1, "m"),) if broken else ()
        inputs.append(unit(f"u{index:03}", data, errors=errors))
    result = rollup(SCHEMA, inputs)
    assert len(result.units) == len(datas) and len(result.left_out) == 300 - len(datas)
    for key in result.every_key():
        assert result.total.get(*key) == plain_sum(datas, *key)


def test_why_a_unit_is_left_out_is_said_in_both_languages():
    error = DataError("BC604", "f", 1, "m")
    old = UnitInput("old", "Old", "", awards(C, year=2024))
    result = rollup(SCHEMA, [unit("a", A), unit("c", C, errors=(error,)), unit("d", None), old])
    said = {u.slug: result.why(u) for u in result.left_out}
    assert said == {
        "c": "Số liệu khen thưởng có 1 lỗi; sửa theo 'baocao lint' rồi dựng lại.",
        "d": "Chưa có tệp số liệu khen thưởng (khen-thuong.yaml).",
        "old": "Số liệu là của năm 2024, không phải năm 2025 đang tổng hợp.",
    }
    assert result.why(result.left_out[0], "en").startswith("The commendation data has 1 error;")


def test_a_kind_counts_only_the_columns_of_whom_it_may_go_to():
    columns = (
        Column("tap-the", "Tập thể", recipient="collective"),
        Column("tap-the-nho", "Tập thể nhỏ", part_of="tap-the"),
        Column("ca-nhan", "Cá nhân", recipient="individual"),
        Column("truc-tiep", "Người trực tiếp", part_of="ca-nhan"),
    )
    schema = dataclasses.replace(SCHEMA, columns=columns)
    result = rollup(schema, [unit("a", A), unit("b", B)])
    assert [c.id for c in result.columns_for("ldtt")] == ["ca-nhan", "truc-tiep"]
    assert [c.id for c in result.columns_for("giay-khen")] == list(COLUMNS)
    assert [c.id for c in result.columns_for(None)] == list(COLUMNS)
    keys = list(result.every_key())
    assert ("mau-10", "ldtt", "tap-the") not in keys and ("mau-10", "ldtt", "ca-nhan") in keys
    assert ("mau-10", "ldtt", "tap-the-nho") not in {
        (s.table, s.kind, s.column) for s in result.shares()
    }
