"""A unit's khen-thuong.yaml read into the model: every value kept as typed with its
line, anything unreadable a problem of the unit (never an exception)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from baocao.awards.load import load_unit_awards, previous_awards
from baocao.awards.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent

DATA = """\
nam: 2025
mau-10:
  giay-khen:
    tap-the: 18
    ca-nhan: 96
    truc-tiep: 66
  lao-dong-tien-tien: {ca-nhan: "12 người"}
  tong-cong:
    tap-the: 18
mau-11:
  bang-khen-ubnd-tinh: {tap-the: 1, ca-nhan: 1}
danh-sach-de-nghi:
  - ten: Nguyễn Thị Thu Thủy
    chuc-vu: Chuyên viên
    don-vi: Phòng Tổ chức bộ máy
    hinh-thuc: bang-khen-ubnd-tinh
    thanh-tich: Xây dựng 11 đề án
    ghi-chu: x
  - ten: Phòng Tổ chức bộ máy
    hinh-thuc: bang-khen-ubnd-tinh
    tap-the: true
"""


def unit(tmp_path: Path, text: str | bytes, name: str = "don-vi") -> Path:
    folder = tmp_path / "reports" / name
    folder.mkdir(parents=True)
    target = folder / "khen-thuong.yaml"
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, "utf-8")
    return folder


def test_no_data_file_is_none(tmp_path: Path) -> None:
    folder = tmp_path / "reports" / "don-vi"
    folder.mkdir(parents=True)
    assert load_unit_awards(folder) is None


def test_values_keep_their_lines(tmp_path: Path) -> None:
    awards = load_unit_awards(unit(tmp_path, DATA))
    assert awards is not None and awards.year == 2025 and not awards.problems
    table = awards.tables["mau-10"]
    giay_khen = table.rows[0]
    assert (giay_khen.kind, giay_khen.line) == ("giay-khen", 3)
    assert giay_khen.cells["truc-tiep"].value == 66
    assert giay_khen.cells["truc-tiep"].line == 6
    assert table.stated_total is not None and table.stated_total.line == 8
    assert table.stated_total.count("tap-the") == 18
    typed = table.rows[1].cells["ca-nhan"]
    assert (typed.value, typed.line, typed.count) == ("12 người", 7, None)
    assert table.total("ca-nhan") == 96  # a value that is not a count adds nothing
    assert awards.tables["mau-11"].rows[0].cells["tap-the"].line == 11


def test_nominees_are_read_with_their_lines(tmp_path: Path) -> None:
    awards = load_unit_awards(unit(tmp_path, DATA))
    first, second = awards.nominees
    assert (first.name, first.post, first.unit, first.kind, first.line) == (
        "Nguyễn Thị Thu Thủy",
        "Chuyên viên",
        "Phòng Tổ chức bộ máy",
        "bang-khen-ubnd-tinh",
        13,
    )
    assert not first.collective and second.collective
    assert awards.unknown_keys == (("danh-sach-de-nghi[1].ghi-chu", 18),)


@pytest.mark.parametrize(
    ("text", "line", "message_id"),
    [
        ("nam: 2025\nmau-10:\n  giay-khen: {tap-the: 1\n", 4, "awards.yaml-syntax"),
        ("- a\n- b\n", 1, "awards.not-mapping"),
        ("", 1, "awards.not-mapping"),
        (b"nam: 2025\nmau-10:\n  giay-khen: {ca-nh\xe2n: 1}\n", 1, "awards.not-utf8"),
        ("nam: 2025\nmau-10: 5\n", 2, "awards.table-not-mapping"),
        ("nam: 2025\nmau-10:\n  giay-khen: 5\n", 3, "awards.row-not-mapping"),
        ("nam: 2025\ndanh-sach-de-nghi: Nguyễn Văn A\n", 2, "awards.nominees-not-list"),
        ("nam: 2025\ndanh-sach-de-nghi:\n  - Nguyễn Văn A\n", 3, "awards.nominee-not-mapping"),
        ("danh-sach-de-nghi:\n  - ten: A\n    tap-the: có\n", 3, "awards.nominee-flag"),
    ],
)
def test_what_cannot_be_read_is_a_problem_with_its_line(
    tmp_path: Path, text: str | bytes, line: int, message_id: str
) -> None:
    awards = load_unit_awards(unit(tmp_path, text))
    assert awards is not None
    assert [(p[0], p[1]) for p in awards.problems] == [(line, message_id)]


def test_yaml_references_are_refused_before_anything_is_built(tmp_path: Path) -> None:
    """Nine lines of "&a … *a" would make a billion values: the file is not read."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    awards = load_unit_awards(unit(tmp_path, "\n".join(lines) + "\n"))
    assert [(p[0], p[1]) for p in awards.problems] == [(2, "awards.yaml-alias")]
    assert awards.tables == {}


def test_year_is_kept_as_typed(tmp_path: Path) -> None:
    awards = load_unit_awards(unit(tmp_path, "\nnam: hai nghìn\nmau-10: {}\n"))
    assert awards.year is None
    assert (awards.year_cell.value, awards.year_cell.line) == ("hai nghìn", 2)
    assert awards.tables["mau-10"].rows == ()


def test_a_file_past_the_size_limit_is_not_read(tmp_path: Path) -> None:
    awards = load_unit_awards(unit(tmp_path, DATA), max_bytes=100)
    assert awards.problems[0][1] == "awards.too-large"
    assert awards.tables == {}


def test_a_link_leaving_the_unit_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(DATA, "utf-8")
    folder = tmp_path / "reports" / "don-vi"
    folder.mkdir(parents=True)
    os.symlink(secret, folder / "khen-thuong.yaml")
    awards = load_unit_awards(folder)
    assert [p[1] for p in awards.problems] == ["awards.outside-unit"]
    assert awards.tables == {} and awards.nominees == ()


@pytest.mark.parametrize("make", ["folder", "pipe"])
def test_what_is_not_a_file_is_never_opened(tmp_path: Path, make: str) -> None:
    folder = tmp_path / "reports" / "don-vi"
    folder.mkdir(parents=True)
    target = folder / "khen-thuong.yaml"
    if make == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)  # reading it would wait for ever
    awards = load_unit_awards(folder)
    assert [p[1] for p in awards.problems] == ["awards.not-a-file"]


def test_last_years_data_comes_from_the_archive(tmp_path: Path) -> None:
    archived = tmp_path / "archive" / "2024" / "so-noi-vu"
    archived.mkdir(parents=True)
    (archived / "khen-thuong.yaml").write_text(DATA.replace("2025", "2024"), "utf-8")
    last = previous_awards(tmp_path, "so-noi-vu", 2025)
    assert last is not None and last.year == 2024
    assert last.path == archived / "khen-thuong.yaml"
    assert previous_awards(tmp_path, "so-noi-vu", 2024) is None
    assert previous_awards(tmp_path, "khac", 2025) is None


def test_every_example_unit_has_data_the_schema_knows() -> None:
    schema = load_schema(ROOT / "_templates" / "forms" / "mau-02")
    units = [p for p in (ROOT / "reports").iterdir() if p.is_dir()]
    assert len(units) == 3
    for folder in units:
        awards = load_unit_awards(folder)
        assert awards is not None, folder.name
        assert awards.year == 2025 and not awards.problems and not awards.unknown_keys
        for table_id, table in awards.tables.items():
            spec = schema.table(table_id)
            assert spec is not None
            for row in table.rows:
                assert row.kind in spec.kinds, (folder.name, row.kind)
                for column, cell in row.cells.items():
                    assert schema.column(column) is not None and cell.count is not None


def test_the_examples_numbers_match_their_typed_tables() -> None:
    """The numbers of the data are those the reports typed in 2.4 a)."""
    noi_vu = load_unit_awards(ROOT / "reports" / "so-noi-vu")
    granted = noi_vu.tables["mau-10"]
    by_kind = {row.kind: row for row in granted.rows}
    assert by_kind["giay-khen"].count("tap-the") == 18
    assert by_kind["giay-khen"].count("ca-nhan") == 96
    assert by_kind["giay-khen"].count("truc-tiep") == 66
    assert by_kind["lao-dong-tien-tien"].count("ca-nhan") == 198
    proposed = {row.kind: row for row in noi_vu.tables["mau-11"].rows}
    assert proposed["bang-khen-ubnd-tinh"].count("ca-nhan") == 9
    assert len(noi_vu.nominees) == 4 + 9 + 3
