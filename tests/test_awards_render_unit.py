"""What ``{bang-khen-thuong}`` shows for a unit (baocao.awards.render_unit), on real files.

The expected numbers are summed in the test from the data file read with plain
``yaml.safe_load``, not through the loader or the renderer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from baocao.awards.render import RenderedTable
from baocao.awards.render_unit import Note, Request, unit_tables
from baocao.awards.schema import load_schema
from baocao.errors import ConfigError
from baocao.project import Project

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("cong-ty-cap-nuoc-binh-minh", "so-noi-vu", "truong-thpt-le-quy-don")


def shown(project_root: Path, unit: str, request: Request | None = None):
    request = request or Request()
    project = Project.discover(project_root)
    return unit_tables(project, project.reports_dir / unit, request)


def data(project_root: Path, unit: str) -> dict:
    return yaml.safe_load((project_root / "reports" / unit / "khen-thuong.yaml").read_text("utf-8"))


def number(text: str) -> int:
    return int(text.replace(".", ""))


@pytest.mark.parametrize("unit", EXAMPLES)
def test_each_examples_tables_add_up_to_its_data(example_project: Path, unit: str) -> None:
    result = shown(example_project, unit, Request(names=True))
    tables = [p for p in result.parts if isinstance(p, RenderedTable)]
    assert [t.id for t in tables] == ["mau-10", "mau-11", "danh-sach"]
    raw = data(example_project, unit)
    for table in tables[:2]:
        typed = raw[table.id]
        columns = [c.text for c in table.header[-1]]
        ids = _column_ids(table)
        total_row = next(r for r in table.rows if r.label == "Tổng cộng")
        for column_id, cell in zip(ids, total_row.cells, strict=True):
            if column_id is None:  # a share
                continue
            expected = sum(row.get(column_id, 0) for row in typed.values())
            assert number(cell) == expected, (table.id, column_id, columns)
        assert len(table.rows) == len(typed) + 1  # one row per kind typed, then the total
    names = tables[2]
    assert [r.cells[0] for r in names.rows] == [n["ten"] for n in raw["danh-sach-de-nghi"]]
    assert not [p for p in result.parts if isinstance(p, Note)]


def schema_columns() -> list[dict]:
    path = ROOT / "_templates" / "forms" / "mau-02" / "khen-thuong.yaml"
    return yaml.safe_load(path.read_text("utf-8"))["columns"]


def _column_ids(table: RenderedTable) -> list[str | None]:
    """The column id of each number column, None for a share, from the header texts."""
    by_label = {column["label"]: column["id"] for column in schema_columns()}
    ids: list[str | None] = []
    bottom = iter(table.header[1]) if len(table.header) > 1 else iter(())
    for top in table.header[0][1:]:
        if top.cols == 1:
            ids.append(by_label[top.text])
            continue
        for _ in range(top.cols):
            label = next(bottom).text
            if label == "Tổng số":
                ids.append(by_label[top.text])
            elif label.startswith("Tỷ lệ"):
                ids.append(None)
            else:
                ids.append(by_label[label])
    return ids


def test_the_share_of_people_working_directly_is_computed(example_project: Path) -> None:
    (mau10,) = [p for p in shown(example_project, "so-noi-vu").parts if p.id == "mau-10"]
    assert "Tỷ lệ người trực tiếp" in [c.text for c in mau10.header[1]]
    share = _column_ids(mau10).index("truc-tiep") + 1  # the share follows its breakdown
    giay_khen = next(r for r in mau10.rows if r.label == "Giấy khen")
    raw = data(example_project, "so-noi-vu")["mau-10"]["giay-khen"]
    expected = round(100 * raw["truc-tiep"] / raw["ca-nhan"], 1)  # 66 of 96: 68.75
    assert giay_khen.cells[share] == f"{expected:.1f}".replace(".", ",") + "\u00a0%"


def test_one_table_when_the_option_names_it(example_project: Path) -> None:
    parts = shown(example_project, "so-noi-vu", Request(tables=("mau-11",))).parts
    assert [p.id for p in parts] == ["mau-11"]


def test_an_unknown_table_is_a_note_naming_the_known_ones(example_project: Path) -> None:
    (note,) = shown(example_project, "so-noi-vu", Request(tables=("mau-12",))).parts
    assert isinstance(note, Note)
    assert "mau-12" in note.text and "mau-10, mau-11" in note.text


def test_a_unit_without_data_gets_a_note_saying_what_to_do(example_project: Path) -> None:
    (example_project / "reports" / "so-noi-vu" / "khen-thuong.yaml").unlink()
    result = shown(example_project, "so-noi-vu")
    (note,) = result.parts
    assert isinstance(note, Note)
    assert "reports/so-noi-vu/khen-thuong.yaml" in note.text
    assert note.text.startswith("Chưa có số liệu khen thưởng")


def test_data_with_errors_gets_a_note_with_the_lines_never_a_table(
    example_project: Path,
) -> None:
    path = example_project / "reports" / "so-noi-vu" / "khen-thuong.yaml"
    lines = path.read_text("utf-8").splitlines()
    bad = next(i for i, line in enumerate(lines) if line.strip().startswith("giay-khen:"))
    lines[bad] = "  giay-khen: {tap-the: 18, ca-nhan: 96 người, truc-tiep: 66}"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    (note,) = shown(example_project, "so-noi-vu").parts
    assert isinstance(note, Note)
    assert "reports/so-noi-vu/khen-thuong.yaml" in note.text
    assert any(item.startswith(f"dòng {bad + 1}:") for item in note.items), note.items


def test_unreadable_yaml_is_a_note_with_its_line(example_project: Path) -> None:
    path = example_project / "reports" / "so-noi-vu" / "khen-thuong.yaml"
    path.write_text("nam: 2025\nmau-10:\n  giay-khen: {tap-the: 1\n", "utf-8")
    (note,) = shown(example_project, "so-noi-vu").parts
    assert isinstance(note, Note) and note.items
    assert note.items[0].startswith("dòng ")


def test_a_data_file_linking_outside_the_unit_is_not_read(example_project: Path) -> None:
    secret = example_project / "bi-mat.yaml"
    secret.write_text("nam: 2025\nmau-10:\n  giay-khen: {tap-the: 999}\n", "utf-8")
    path = example_project / "reports" / "so-noi-vu" / "khen-thuong.yaml"
    path.unlink()
    path.symlink_to(secret)
    parts = shown(example_project, "so-noi-vu").parts
    assert [type(p) for p in parts] == [Note]
    assert "999" not in repr(parts)


def test_a_form_without_a_schema_is_a_note(example_project: Path) -> None:
    (example_project / "_templates" / "forms" / "mau-02" / "khen-thuong.yaml").unlink()
    (note,) = shown(example_project, "so-noi-vu").parts
    assert isinstance(note, Note)
    assert "_templates/forms/mau-02/khen-thuong.yaml" in note.text


def test_last_years_data_in_the_archive_adds_its_totals_and_the_change(
    example_project: Path,
) -> None:
    archived = example_project / "archive" / "2024" / "so-noi-vu"
    archived.mkdir(parents=True)
    index = (example_project / "reports" / "so-noi-vu" / "index.md").read_text("utf-8")
    (archived / "index.md").write_text(index.replace("nam: 2025", "nam: 2024", 1), "utf-8")
    (archived / "khen-thuong.yaml").write_text(
        "nam: 2024\nmau-10:\n  giay-khen: {tap-the: 15, ca-nhan: 85, truc-tiep: 52}\n", "utf-8"
    )
    result = shown(example_project, "so-noi-vu")
    mau10, mau11 = result.parts
    assert archived / "khen-thuong.yaml" in result.read
    labels = [r.label for r in mau10.rows]
    assert labels[-3:] == [
        "Tổng cộng",
        "Tổng cộng năm 2024",
        "Tăng (+), giảm (-) so với năm 2024",
    ]
    raw = data(example_project, "so-noi-vu")["mau-10"]
    now_people = sum(row.get("ca-nhan", 0) for row in raw.values())
    now_direct = sum(row.get("truc-tiep", 0) for row in raw.values())
    before, change = mau10.rows[-2], mau10.rows[-1]
    ids = _column_ids(mau10)
    people, direct = ids.index("ca-nhan"), ids.index("truc-tiep")
    assert number(before.cells[people]) == 85
    assert change.cells[people] == f"+{now_people - 85}"
    assert change.cells[direct] == f"+{now_direct - 52}"
    share_change = 100 * now_direct / now_people - 100 * 52 / 85
    shown_change = change.cells[direct + 1].split("\u00a0")[0]
    assert float(shown_change.replace(",", ".")) == pytest.approx(share_change, abs=0.051)
    # Last year had no Mẫu 11 table: its total row is blank, the change counts from 0.
    assert mau11.rows[-2].cells[0] == ""


def test_last_years_data_with_an_error_is_not_compared(example_project: Path) -> None:
    archived = example_project / "archive" / "2024" / "so-noi-vu"
    archived.mkdir(parents=True)
    index = (example_project / "reports" / "so-noi-vu" / "index.md").read_text("utf-8")
    (archived / "index.md").write_text(index.replace("nam: 2025", "nam: 2024", 1), "utf-8")
    (archived / "khen-thuong.yaml").write_text(
        "nam: 2024\nmau-10:\n  giay-khen: {tap-the: 15, ca-nhan: -85}\n", "utf-8"
    )
    mau10, _ = shown(example_project, "so-noi-vu").parts
    assert [r.label for r in mau10.rows][-1] == "Tổng cộng"  # no comparison rows


def test_the_shipped_schema_marks_the_two_shares_the_form_asks_for() -> None:
    shares = {c["id"]: c.get("share") for c in schema_columns() if c.get("share")}
    assert shares == {"tap-the-nho": "Tỷ lệ tập thể nhỏ", "truc-tiep": "Tỷ lệ người trực tiếp"}


def test_a_share_label_on_a_total_column_is_refused_with_its_line(tmp_path: Path) -> None:
    form = tmp_path / "mau-02"
    form.mkdir()
    text = (ROOT / "_templates" / "forms" / "mau-02" / "khen-thuong.yaml").read_text("utf-8")
    text = text.replace("    label: Cá nhân\n", "    label: Cá nhân\n    share: Tỷ lệ\n", 1)
    (form / "khen-thuong.yaml").write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_schema(form)
    expected = next(i for i, line in enumerate(text.splitlines(), 1) if line == "    share: Tỷ lệ")
    assert caught.value.line == expected
    assert caught.value.message_id == "awards-table.schema-share"
