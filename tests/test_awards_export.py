"""``baocao xuat``: the files it writes, the workbook's shape, and the workbook opened in
LibreOffice headless, whose recalculated totals must equal the roll-up."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from awards_helpers import generated_project, plain_sums, read_csv, recalculated, row_of, value
from baocao.awards.collect import project_rollup
from baocao.awards.export import export_dir, file_names
from baocao.awards.labels import kind_label, unit_kind_label
from baocao.awards.rollup import Rollup
from baocao.project import Project
from bs4 import BeautifulSoup
from import_helpers import ROOT
from lint_helpers import run_cli
from openpyxl.utils import get_column_letter

SCHEMA = Path("_templates/forms/mau-02/khen-thuong.yaml")


def exported(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> dict[str, Path]:
    done = run_cli(root, "xuat", *args, monkeypatch=monkeypatch)
    assert done.code == 0, done.err
    rollup = project_rollup(Project.discover(root))
    return {key: export_dir(root) / name for key, name in file_names(rollup.year).items()}


def test_xuat_writes_the_workbook_and_the_csv_files(example_project, monkeypatch):
    done = run_cli(example_project, "xuat", monkeypatch=monkeypatch)
    assert done.code == 0, done.err
    files = exported(example_project, monkeypatch)
    for path in files.values():
        assert path.is_file() and f"Đã ghi {path.relative_to(example_project)}" in done.out
    assert "Năm 2025: đã tổng hợp cả 3 đơn vị." in done.out
    units = read_csv(files["units"])
    assert units[0] == [
        "Mã đơn vị", "Đơn vị", "Loại đơn vị", "Biểu", "Hình thức khen thưởng", "Đối tượng",
        "Số lượng",
    ]  # fmt: skip
    assert {row[0] for row in units[1:]} == {
        "so-noi-vu",
        "truong-thpt-le-quy-don",
        "cong-ty-cap-nuoc-binh-minh",
    }
    assert read_csv(files["left-out"]) == [
        ["Mã đơn vị", "Đơn vị", "Loại đơn vị", "Lý do", "Chi tiết"]
    ]


def test_the_totals_csv_equals_the_plain_sum_of_the_data_files(example_project, monkeypatch):
    files = exported(example_project, monkeypatch)
    sums = plain_sums(sorted((example_project / "reports").glob("*/khen-thuong.yaml")))
    rollup = project_rollup(Project.discover(example_project))
    rows = read_csv(files["totals"])
    assert rows[0] == ["Biểu", "Hình thức khen thưởng", "Đối tượng", "Năm 2025"]
    assert len(rows) - 1 == len(list(rollup.every_key()))
    for row, key in zip(rows[1:], rollup.every_key(), strict=True):
        assert row[1] == kind_label(rollup.schema, key[1])
        assert int(row[3]) == sums.get(key, 0), key


def test_units_left_out_are_listed_with_why_and_the_command_says_so(example_project, monkeypatch):
    (example_project / "reports/so-noi-vu/khen-thuong.yaml").unlink()
    done = run_cli(example_project, "--lang", "en", "xuat", monkeypatch=monkeypatch)
    assert done.code == 0
    assert "so-noi-vu: left out. No commendation data file (khen-thuong.yaml) yet." in done.err
    assert "2025: 2 units rolled up, 1 left out" in done.out
    rows = read_csv(export_dir(example_project) / "khen-thuong-2025-chua-tong-hop.csv")
    assert rows[1][:4] == [
        "so-noi-vu",
        "Sở Nội vụ",
        "Sở, ban, ngành",
        "Chưa có tệp số liệu khen thưởng (khen-thuong.yaml).",
    ]


def test_a_folder_that_cannot_be_written_fails_with_what_to_do(example_project, monkeypatch):
    (example_project / "_build").mkdir()
    (example_project / "_build/xuat").write_text("not a folder", "utf-8")
    done = run_cli(example_project, "xuat", monkeypatch=monkeypatch)
    assert done.code == 1
    assert "Không ghi được vào _build/xuat" in done.err and "chạy lại" in done.err
    assert "Traceback" not in done.err + done.out


def test_a_form_without_a_schema_has_nothing_to_export(example_project, monkeypatch):
    (example_project / "_templates/forms/mau-02/khen-thuong.yaml").unlink()
    done = run_cli(example_project, "xuat", monkeypatch=monkeypatch)
    assert done.code == 0
    assert "không có tệp khen-thuong.yaml" in done.out
    assert not export_dir(example_project).exists()


def test_the_workbook_has_formulas_frozen_headers_and_formats(example_project, monkeypatch):
    files = exported(example_project, monkeypatch)
    book = openpyxl.load_workbook(files["xlsx"])
    assert book.sheetnames == [
        "Tổng hợp",
        "Mẫu số 10",
        "Mẫu số 11",
        "Biểu 0603",
        "Đơn vị chưa tổng hợp",
    ]
    sheet = book["Mẫu số 10"]
    assert sheet.freeze_panes == "D4"
    assert [sheet.cell(2, c).value for c in (1, 2, 3)] == ["STT", "Đơn vị", "Loại đơn vị"]
    assert sheet.cell(2, 4).value == "Chiến sĩ thi đua cơ sở"
    # an award given only to individuals has only the individuals' columns
    schema = yaml.safe_load((example_project / SCHEMA).read_text("utf-8"))
    people = [
        " ".join(c["label"].split())
        for c in schema["columns"]
        if c.get("recipient") == "individual" or c.get("part_of") == "ca-nhan"
    ]
    end = 4 + len(people)
    assert [sheet.cell(3, c).value for c in range(4, end)] == people
    assert f"D2:{get_column_letter(end - 1)}2" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(2, end).value == "Tập thể lao động tiên tiến"
    assert sheet.cell(3, end).value == "Tập thể"
    assert sheet.cell(7, 2).value == "Tổng cộng"
    assert sheet.cell(7, 4).value == "=SUM(D4:D6)"
    assert sheet.cell(8, 2).value.startswith("Trong đó: ")
    assert sheet.cell(8, 4).value.startswith('=SUMIF($C$4:$C$6,"')
    assert sheet.cell(4, 4).number_format == "#,##0"
    assert sheet.column_dimensions["B"].width >= 24
    summary = book["Tổng hợp"]
    assert summary.cell(4, 3).value is None  # no collective is a Chiến sĩ thi đua
    assert summary.cell(4, 7).value == "='Mẫu số 10'!D7"  # its individuals
    assert summary.freeze_panes == "C3"
    shares = [c.value for c in summary[2] if c.value and str(c.value).startswith("Tỷ lệ")]
    assert f"Tỷ lệ {people[-1]} / Cá nhân" in shares


# --------------------------------------------------------------------------- LibreOffice


def check_table_sheets(rollup: Rollup, sheets: dict, suffix: str = "") -> None:
    counts = rollup.total if not suffix else rollup.previous
    for spec in rollup.schema.tables:
        sheet = sheets[spec.label + suffix]
        keys = [(kind, c.id) for kind in spec.kinds for c in rollup.columns_for(kind)]
        total = row_of(sheet, "Tổng cộng")[3:]
        assert [int(value(v)) for v in total] == [counts.get(spec.id, *key) for key in keys]
        if suffix:
            continue
        for kind, by_kind in rollup.by_unit_kind.items():
            row = row_of(sheet, f"Trong đó: {unit_kind_label(kind)}")[3:]
            assert [int(value(v)) for v in row] == [by_kind.get(spec.id, *key) for key in keys]


def check_summary(rollup: Rollup, sheet: list[list[str]]) -> None:
    columns = rollup.schema.columns
    parts = [c for c in columns if c.part_of]
    for spec in rollup.schema.tables:
        for kind in spec.kinds:
            row = row_of(sheet, kind_label(rollup.schema, kind))
            takes = {c.id for c in rollup.columns_for(kind)}
            for offset, column in enumerate(columns):
                cell = row[2 + offset]
                expected = rollup.total.get(spec.id, kind, column.id)
                assert int(value(cell)) == expected if column.id in takes else cell == ""
            shares = {(s.column): s.value for s in rollup.shares() if s.kind == kind}
            for offset, part in enumerate(parts):
                cell = row[2 + len(columns) + offset]
                expected = shares.get(part.id)
                assert (cell == "") if expected is None else value(cell) == pytest.approx(expected)


def check_comparison(rollup: Rollup, sheet: list[list[str]]) -> None:
    columns = rollup.schema.columns
    for spec in rollup.schema.tables:
        for kind in spec.kinds:
            row = row_of(sheet, kind_label(rollup.schema, kind), column=0)
            takes = {c.id for c in rollup.columns_for(kind)}
            for position, column in enumerate(columns):
                if column.id not in takes:
                    assert row[1 + 3 * position : 4 + 3 * position] == ["", "", ""]
                    continue
                now, before, change = (
                    int(value(v)) for v in row[1 + 3 * position : 4 + 3 * position]
                )
                assert now == rollup.total.get(spec.id, kind, column.id)
                assert before == rollup.previous.get(spec.id, kind, column.id)
                assert change == rollup.change(spec.id, kind, column.id)


@pytest.fixture
def generated(tmp_project: Path) -> Path:
    """60 generated units, some left out, ten of them with last year's data archived."""
    generated_project(tmp_project, 60)
    for folder in sorted((tmp_project / "reports").glob("don-vi-0[0-4]*"))[:10]:
        archived = tmp_project / "archive/2024" / folder.name
        shutil.copytree(folder, archived)
        for name in ("index.md", "khen-thuong.yaml"):
            path = archived / name
            if path.is_file():
                path.write_text(path.read_text("utf-8").replace("2025", "2024"), "utf-8")
    return tmp_project


def test_libreoffice_recalculates_the_totals_of_the_roll_up(generated, monkeypatch, tmp_path):
    files = exported(generated, monkeypatch)
    rollup = project_rollup(Project.discover(generated))
    assert rollup.left_out and rollup.previous is not None
    sheets = recalculated(files["xlsx"], tmp_path / "lo")
    check_table_sheets(rollup, sheets)
    check_table_sheets(rollup, sheets, suffix=" (2024)")
    check_summary(rollup, sheets["Tổng hợp"])
    check_comparison(rollup, sheets["So với năm 2024"])
    left = sheets["Đơn vị chưa tổng hợp"]
    assert [row[1] for row in left[2:]] == [u.name for u in rollup.left_out]


def test_a_number_corrected_in_a_unit_row_moves_the_totals(example_project, monkeypatch, tmp_path):
    files = exported(example_project, monkeypatch)
    rollup = project_rollup(Project.discover(example_project))
    before = rollup.total.get("mau-10", "chien-si-thi-dua-co-so", "ca-nhan")
    book = openpyxl.load_workbook(files["xlsx"])
    cell = book["Mẫu số 10"].cell(4, 4)  # the first unit, Chiến sĩ thi đua cơ sở, cá nhân
    cell.value += 1000
    edited = tmp_path / "sua.xlsx"
    book.save(edited)
    sheets = recalculated(edited, tmp_path / "lo")
    assert int(value(row_of(sheets["Mẫu số 10"], "Tổng cộng")[3])) == before + 1000
    people = [c.id for c in rollup.schema.columns].index("ca-nhan")
    summary = row_of(sheets["Tổng hợp"], "Chiến sĩ thi đua cơ sở")
    assert int(value(summary[2 + people])) == before + 1000


# --------------------------------------------------------------------------- the site


@pytest.fixture
def site_project(example_project: Path) -> Path:
    shutil.copy(ROOT / "conf.py", example_project / "conf.py")
    return example_project


def test_the_site_links_the_exports_and_publishes_them(site_project, monkeypatch):
    example_project = site_project
    exported(example_project, monkeypatch)
    stale = export_dir(example_project) / "khen-thuong-2024.xlsx"  # an older year's file
    stale.write_bytes(b"old")
    done = run_cli(example_project, "build", "html", monkeypatch=monkeypatch)
    assert done.code == 0, done.err
    site = example_project / "_build/html"
    page = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    block = page.find(id="baocao-exports")
    assert block is not None
    assert "Tải số liệu khen thưởng tổng hợp năm 2025" in block.get_text()
    links = {a.get_text(): a["href"] for a in block.find_all("a")}
    assert links == {
        "Bảng tính Excel (.xlsx)": "xuat/khen-thuong-2025.xlsx",
        "Số liệu từng đơn vị (CSV)": "xuat/khen-thuong-2025-don-vi.csv",
        "Tổng hợp toàn tỉnh (CSV)": "xuat/khen-thuong-2025-tong-hop.csv",
        "Đơn vị chưa tổng hợp (CSV)": "xuat/khen-thuong-2025-chua-tong-hop.csv",
        "Biểu 0603 của Bộ Nội vụ, điền từ số đề nghị của đơn vị (CSV)": (
            "xuat/khen-thuong-2025-bieu-0603.csv"
        ),
    }
    for href in links.values():
        assert (site / href).read_bytes() == (export_dir(example_project) / href[5:]).read_bytes()
    assert not (site / "xuat/khen-thuong-2024.xlsx").exists()


def test_a_site_built_without_exports_has_no_links(site_project, monkeypatch):
    done = run_cli(site_project, "build", "html", monkeypatch=monkeypatch)
    assert done.code == 0, done.err
    page = (site_project / "_build/html/index.html").read_text("utf-8")
    assert 'id="baocao-exports"' not in page
