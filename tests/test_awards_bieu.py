"""The Ministry's Biểu 0603 as data (``bieu-0603.yaml``) and as baocao xuat fills it: the
CSV against plain sums over the units' data files, the workbook's sheet recalculated by
LibreOffice, a mistake in the layout file named with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from awards_helpers import plain_sums, read_csv, recalculated, row_of, value
from baocao.awards.bieu import layout_path, load_layout
from baocao.awards.collect import project_rollup, project_schema
from baocao.awards.export import export_dir
from baocao.errors import ConfigError
from baocao.project import Project
from lint_helpers import run_cli

FORM = Path("_templates/forms/mau-02")


def layout_data(root: Path) -> dict:
    return yaml.safe_load((root / FORM / "bieu-0603.yaml").read_text("utf-8"))


def test_the_shipped_layout_names_its_basis_and_what_it_cannot_fill(root: Path):
    schema = project_schema(Project.discover(root))
    layout = load_layout(root / FORM, schema)
    assert layout is not None
    assert layout.code == "0603.N/BNV-TĐKT" and layout.table == "mau-11"
    assert layout.basis["issued"] == "23/03/2023" and layout.basis["effective"] == "10/05/2023"
    assert [r.code for r in layout.rows if r.code] == [f"{n:02}" for n in range(1, 18)]
    assert [c.code for c in layout.columns] == ["2", "3", "4", "5"]
    missing = dict(layout.missing())
    assert set(missing) == {"11, 12, 13, 14, 15, 16, 17", "5"}


def recipients(root: Path) -> tuple[dict[str, str], dict[str, dict]]:
    """Whom each column of the schema counts, and each kind's entry, read plainly."""
    schema = yaml.safe_load((root / FORM / "khen-thuong.yaml").read_text("utf-8"))
    columns = {c["id"]: c for c in schema["columns"]}
    whom = {
        c["id"]: columns[c.get("part_of") or c["id"]].get("recipient", "")
        for c in schema["columns"]
    }
    return whom, {k["id"]: k for k in schema["kinds"]}


def expected_cells(root: Path) -> dict[tuple[str, str], int | None]:
    """(row code, column code) -> the plain sum over the units' files, from the layout
    file read plainly; None for a cell the data cannot fill, or that no kind of the
    column can count (a flag never goes to individuals)."""
    data = layout_data(root)
    sums = plain_sums(sorted((root / "reports").glob("*/khen-thuong.yaml")))
    whom, kinds = recipients(root)
    rows = {r["code"]: r for r in data["rows"] if "code" in r}
    cells: dict[tuple[str, str], int | None] = {}
    for column in data["columns"]:
        for code, row in rows.items():
            counted = [
                kind
                for kind in column["kinds"]
                if row.get("column")
                and kinds[kind].get(whom[row["column"]], whom[row["column"]] != "household")
            ]
            cells[code, column["code"]] = (
                sum(sums.get((data["table"], kind, row["column"]), 0) for kind in counted)
                if counted
                else None
            )
        parts = [cells[code, column["code"]] for code in rows["01"]["sum_of"]]
        known = [p for p in parts if p is not None]
        cells["01", column["code"]] = sum(known) if known else None
    return cells


def test_the_csv_biểu_equals_plain_sums_of_the_proposals(example_project, monkeypatch):
    assert run_cli(example_project, "xuat", monkeypatch=monkeypatch).code == 0
    rows = read_csv(export_dir(example_project) / "khen-thuong-2025-bieu-0603.csv")
    assert rows[0][:4] == ["Chỉ tiêu", "Mã số", "Đơn vị tính", "Tổng số"]
    expected = expected_cells(example_project)
    by_code = {row[1]: row for row in rows[1:] if len(row) > 1}
    assert len(by_code) == 17
    for (code, column), cell in expected.items():
        written = by_code[code][2 + int(column)]
        assert written == ("" if cell is None else str(cell)), (code, column)
    assert int(by_code["05"][3]) == sum(int(v) for v in by_code["05"][4:] if v)
    assert int(by_code["02"][4]) > 0  # the examples propose Bằng khen for collectives


def test_libreoffice_recalculates_the_biểu_sheet(example_project, monkeypatch, tmp_path):
    assert run_cli(example_project, "xuat", monkeypatch=monkeypatch).code == 0
    sheets = recalculated(export_dir(example_project) / "khen-thuong-2025.xlsx", tmp_path)
    sheet = sheets["Biểu 0603"]
    assert sheet[0][0] == "Biểu số: 0603.N/BNV-TĐKT"
    expected = expected_cells(example_project)
    for (code, column), cell in expected.items():
        written = row_of(sheet, code)[2 + int(column)]
        assert (written == "") if cell is None else int(value(written)) == cell, (code, column)
    total = row_of(sheet, "01")
    assert int(value(total[3])) == sum(int(value(v)) for v in total[4:] if v)


@pytest.mark.parametrize(
    ("change", "line_of", "words"),
    [
        (lambda d: d["columns"][0]["kinds"].append("giay-khen"), "giay-khen", "giay-khen"),
        (lambda d: d["rows"][2].update(column="ca-nhan-x"), "ca-nhan-x", "ca-nhan-x"),
        (lambda d: d["rows"][0]["sum_of"].append("99"), "'99'", "'99'"),
        (lambda d: d.update(table="mau-99"), "mau-99", "mau-99"),
        (lambda d: d["rows"][2].update(mau="x"), "mau: x", "'mau'"),
    ],
)
def test_a_mistake_in_the_layout_names_the_file_and_line(tmp_project, change, line_of, words):
    data = layout_data(tmp_project)
    change(data)
    path = tmp_project / FORM / "bieu-0603.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, "utf-8")
    schema = project_schema(Project.discover(tmp_project))
    with pytest.raises(ConfigError) as caught:
        load_layout(tmp_project / FORM, schema)
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if line_of in t)
    assert caught.value.file == str(layout_path(tmp_project / FORM))
    assert caught.value.line == line
    assert words in caught.value.render("vi")


def test_a_form_without_the_layout_exports_no_biểu(example_project, monkeypatch):
    (example_project / FORM / "bieu-0603.yaml").unlink()
    done = run_cli(example_project, "xuat", monkeypatch=monkeypatch)
    assert done.code == 0
    assert not (export_dir(example_project) / "khen-thuong-2025-bieu-0603.csv").exists()
    rollup = project_rollup(Project.discover(example_project))
    assert rollup.units  # the rest of the export is unchanged
