"""``baocao nam-moi``: the examples rolled over to a new year load, lint with only the
"not yet written" findings, keep last year in the archive byte for byte, and show last
year's plan in part II; refusals and failures change nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from baocao import rollover, units_file
from baocao.archive import archived_unit_dir, archived_years
from baocao.awards.load import load_unit_awards
from baocao.cli import main
from baocao.lint import lint_unit
from baocao.project import Project
from baocao.scaffold import yaml_text
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

ORDER = ("so-noi-vu", "truong-thpt-le-quy-don", "cong-ty-cap-nuoc-binh-minh")
EXAMPLES = ("cong-ty-cap-nuoc-binh-minh", "so-noi-vu", "truong-thpt-le-quy-don")
CARRIED = ("co_quan_chu_quan", "co_quan", "dia_danh", "quyen_han", "chuc_vu", "nguoi_ky")
# A new report is not written yet: its sections (BC201), its number and date (BC301).
EXPECTED = {("BC201", None), ("BC301", "so_ky_hieu"), ("BC301", "ngay")}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def run(*args: str) -> int:
    return main(["nam-moi", *args])


def test_the_examples_start_a_new_year(example_project: Path) -> None:
    assert run("2026") == 0
    project = Project.discover(example_project)
    assert archived_years(example_project) == [2025]
    for slug in EXAMPLES:
        archived = archived_unit_dir(example_project, 2025, slug)
        assert archived is not None
        assert snapshot(archived) == snapshot(ROOT / "reports" / slug)
        old = lint_unit(project, ROOT / "reports" / slug).report.front_matter
        result = lint_unit(project, example_project / "reports" / slug)
        front = result.report.front_matter
        assert front.get("nam") == 2026
        assert front.get("so_ky_hieu") is None and front.get("ngay") is None
        assert {key: front.get(key) for key in CARRIED} == {key: old.get(key) for key in CARRIED}
        assert front.get("noi_nhan") == old.get("noi_nhan")
        assert "năm 2026, phương hướng nhiệm vụ năm 2027" in front.get("trich_yeu")
        assert result.required == 19 and result.present == 0
        found = {(d.code, d.field if d.code == "BC301" else None) for d in result.diagnostics}
        assert found == EXPECTED, (slug, found)


def test_a_single_file_unit_stays_a_single_file(example_project: Path) -> None:
    assert run("2026", "truong-thpt-le-quy-don") == 0
    files = sorted(p.name for p in (example_project / "reports/truong-thpt-le-quy-don").iterdir())
    assert files == ["index.md", "khen-thuong.yaml"]
    tree = sorted(p.name for p in (example_project / "reports/so-noi-vu").iterdir())
    assert "2-ket-qua" in tree and "3-phuong-huong.md" in tree  # not rolled over: untouched


def test_last_years_plan_is_quoted_in_part_two(example_project: Path) -> None:
    plan = (ROOT / "reports/so-noi-vu/3-phuong-huong.md").read_text("utf-8")
    sentence = next(line for line in plan.splitlines() if line.startswith("Năm 2026, Sở"))
    assert run("2026", "so-noi-vu") == 0
    part_two = (example_project / "reports/so-noi-vu/2-ket-qua/index.md").read_text("utf-8")
    assert f"% {sentence}" in part_two
    assert "% ## 2. Giải pháp tổ chức thực hiện" in part_two
    assert "mục III. Phương hướng" in part_two and "báo cáo năm 2025" in part_two
    # Before the toctree, under the heading of part II; none of it outside a comment.
    head, _, rest = part_two.partition("```{toctree}")
    assert sentence in head and sentence not in rest
    body = [line for line in head.splitlines()[1:] if line.strip()]
    assert all(line.startswith("%") for line in body)


def test_the_plan_of_a_single_file_unit(example_project: Path) -> None:
    old = (ROOT / "reports/truong-thpt-le-quy-don/index.md").read_text("utf-8")
    _, _, part_three = old.partition("\n## III.")
    first = next(line for line in part_three.splitlines()[1:] if line and not line.startswith("#"))
    assert run("2026", "truong-thpt-le-quy-don") == 0
    new = (example_project / "reports/truong-thpt-le-quy-don/index.md").read_text("utf-8")
    part_two = new.partition("\n## II.")[2].partition("\n### 1.")[0]
    assert f"% {first}" in part_two


def test_units_yaml_gets_the_new_year_and_keeps_its_comments(example_project: Path) -> None:
    units = example_project / "reports/units.yaml"
    units.write_text("# danh sách\nyear: 2025  # năm đang tổng hợp\n" + units.read_text("utf-8"))
    assert run("2026") == 0
    text = units.read_text("utf-8")
    assert text.startswith("# danh sách\nyear: 2026  # năm đang tổng hợp\n")
    assert [u["slug"] for u in yaml.safe_load(text)["units"]] == list(ORDER)


def test_units_yaml_without_a_year_is_left_alone(example_project: Path) -> None:
    before = (example_project / "reports/units.yaml").read_bytes()
    assert run("2026") == 0
    assert (example_project / "reports/units.yaml").read_bytes() == before


def test_an_edit_of_units_yaml_meanwhile_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "units.yaml"
    path.write_text("year: 2025\nunits: []\n", "utf-8")
    real = units_file.replace_if_unchanged
    calls = []

    def edit_first(target: Path, data: str, digest: bytes | None) -> bool:
        if not calls:  # a writer saves the file while it is being rewritten
            target.write_text("year: 2025\nboard: ['@ban']\nunits: []\n", "utf-8")
        calls.append(data)
        return real(target, data, digest)

    monkeypatch.setattr(units_file, "replace_if_unchanged", edit_first)
    assert units_file.set_year(path, 2026)
    assert len(calls) == 2
    assert yaml.safe_load(path.read_text("utf-8")) == {
        "year": 2026,
        "board": ["@ban"],
        "units": [],
    }


def test_an_archived_year_is_never_overwritten(
    example_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = example_project / "archive/2025/so-noi-vu"
    kept.mkdir(parents=True)
    (kept / "index.md").write_text("bản đã ký", "utf-8")
    before = snapshot(example_project / "reports/so-noi-vu")
    assert run("2026") == 1
    err = capsys.readouterr().err
    assert "so-noi-vu: chưa chuyển sang năm mới: archive/2025/so-noi-vu:" in err
    assert "không bao giờ ghi đè" in err and "Traceback" not in err
    assert snapshot(kept) == {"index.md": "bản đã ký".encode()}
    assert snapshot(example_project / "reports/so-noi-vu") == before
    # The other units are rolled over.
    assert archived_unit_dir(example_project, 2025, "truong-thpt-le-quy-don") is not None


def test_an_empty_archive_folder_is_not_overwritten_either(example_project: Path) -> None:
    (example_project / "archive/2025/so-noi-vu").mkdir(parents=True)
    before = snapshot(example_project / "reports/so-noi-vu")
    assert run("2026", "so-noi-vu") == 1
    assert snapshot(example_project / "reports/so-noi-vu") == before


def test_a_unit_that_does_not_exist(
    example_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(example_project)
    assert run("2026", "so-noi-vu", "so-khong-co") == 2
    err = capsys.readouterr().err
    assert "Không có đơn vị 'so-khong-co' trong reports/" in err
    assert "chưa đơn vị nào được chuyển" in err
    assert snapshot(example_project) == before


def test_in_english(example_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "nam-moi", "2026", "so-noi-vu"]) == 0
    out = capsys.readouterr().out
    assert "so-noi-vu: the report of 2025 is kept in archive/2025/so-noi-vu/" in out
    assert "Moved 1 of 1 unit to 2026." in out
    assert main(["nam-moi", "--lang", "en", "2026", "nope"]) == 2
    assert "There is no unit 'nope' in reports/" in capsys.readouterr().err


def test_a_unit_still_being_written_is_rolled_over_and_told(
    example_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    part = example_project / "reports/so-noi-vu/1-dac-diem-tinh-hinh.md"
    part.write_text("# I. Đặc điểm tình hình\n", "utf-8")
    assert run("2026", "so-noi-vu") == 0
    out = capsys.readouterr().out
    assert "so-noi-vu: lưu ý: báo cáo năm 2025 được lưu khi còn 1 lỗi (đang soạn dở)" in out
    archived = example_project / "archive/2025/so-noi-vu/1-dac-diem-tinh-hinh.md"
    assert archived.read_text("utf-8") == "# I. Đặc điểm tình hình\n"


def test_a_unit_already_in_the_new_year_is_left_alone(
    example_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("2026", "so-noi-vu") == 0
    before = snapshot(example_project / "reports/so-noi-vu")
    assert run("2026", "so-noi-vu") == 1
    assert "đã ở năm mới" in capsys.readouterr().err
    assert snapshot(example_project / "reports/so-noi-vu") == before


def test_a_unit_with_no_year_is_refused(
    example_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = example_project / "reports/so-noi-vu/index.md"
    index.write_text(index.read_text("utf-8").replace("nam: 2025\n", ""), "utf-8")
    assert run("2026", "so-noi-vu") == 1
    err = capsys.readouterr().err
    assert "reports/so-noi-vu/index.md:" in err and "Ghi năm, ví dụ nam: 2025" in err
    assert not (example_project / "archive").exists()


def test_a_failure_half_way_changes_nothing(
    example_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The unit's folder is moved into the archive, then putting the new one in its
    place fails: the folder comes back and nothing is left behind."""
    before = snapshot(example_project)
    real = os.rename

    def fail_second(source: Path, target: Path) -> None:
        if Path(source).name.startswith("."):
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr(rollover.os, "rename", fail_second)
    assert run("2026", "so-noi-vu") == 1
    assert "No space left on device" in capsys.readouterr().err
    assert snapshot(example_project) == before
    assert sorted(p.name for p in (example_project / "reports").iterdir()) == sorted(
        [*EXAMPLES, "units.yaml"]
    )
    assert not (example_project / "archive/2025/so-noi-vu").exists()


def test_a_crash_while_writing_the_new_files_leaves_no_staging(
    example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(example_project)
    real = Path.write_text
    monkeypatch.setattr(
        Path,
        "write_text",
        lambda self, *a, **k: (
            (_ for _ in ()).throw(RuntimeError("disk"))
            if self.name == "3-phuong-huong.md"
            else real(self, *a, **k)
        ),
    )
    assert run("2026", "so-noi-vu") == 1
    assert snapshot(example_project) == before
    assert not any(p.name.startswith(".") for p in (example_project / "reports").iterdir())


def test_the_other_form_keys_are_checked(tmp_path: Path) -> None:
    from baocao.errors import ConfigError
    from baocao.forms import load_form

    shutil.copytree(ROOT / "_templates/forms/mau-02", tmp_path / "mau-02")
    form = tmp_path / "mau-02/form.yaml"
    form.write_text(form.read_text("utf-8").replace("section: III", "section: IV"), "utf-8")
    with pytest.raises(ConfigError) as raised:
        load_form(tmp_path, "mau-02")
    assert "mục 'IV'" in raised.value.render("vi")


def test_the_new_year_gets_an_empty_commendation_data_file(
    example_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = (ROOT / "reports/so-noi-vu/khen-thuong.yaml").read_bytes()
    assert run("2026", "so-noi-vu") == 0
    out = capsys.readouterr().out
    assert "so-noi-vu: số liệu khen thưởng năm trước (khen-thuong.yaml) được lưu" in out
    assert (example_project / "archive/2025/so-noi-vu/khen-thuong.yaml").read_bytes() == old
    data = load_unit_awards(example_project / "reports/so-noi-vu")
    assert data is not None and not data.problems
    assert data.year == 2026
    cells = [
        c.value for table in data.tables.values() for r in table.rows for c in r.cells.values()
    ]
    assert len(cells) > 10 and set(cells) == {0}


def test_no_data_file_last_year_none_this_year(example_project: Path) -> None:
    (example_project / "reports/so-noi-vu/khen-thuong.yaml").unlink()
    assert run("2026", "so-noi-vu") == 0
    assert not (example_project / "reports/so-noi-vu/khen-thuong.yaml").exists()


def test_a_required_year_in_the_settings_is_told_and_spares_the_archive(
    example_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from baocao.archive import closed_year_project

    settings = example_project / "pyproject.toml"
    settings.write_text(settings.read_text("utf-8") + "year = 2025\n", "utf-8")
    assert run("2026", "so-noi-vu") == 0
    assert "sửa thành 2026" in capsys.readouterr().out
    settings.write_text(settings.read_text("utf-8").replace("year = 2025", "year = 2026"))
    project = Project.discover(example_project)
    archived = example_project / "archive/2025/so-noi-vu"
    assert lint_unit(project, archived).errors == 1  # the year, against today's setting
    assert lint_unit(closed_year_project(project), archived).errors == 0  # as the site reads it


def test_ctrl_c_while_moving_leaves_nothing_claimed(
    example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(example_project)

    def interrupted(source: Path, target: Path) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:  # the project stays the current folder
        patched.setattr(rollover.os, "rename", interrupted)
        assert run("2026", "so-noi-vu") == 130
    assert Path.cwd() == example_project
    assert snapshot(example_project) == before
    assert not (example_project / "archive/2025/so-noi-vu").exists()
    assert not any(p.name.startswith(".") for p in (example_project / "reports").iterdir())
    assert run("2026", "so-noi-vu") == 0  # nothing left in the way


@given(st.text(min_size=1, max_size=40))
@settings(max_examples=300, deadline=None)
def test_a_carried_value_reads_back_as_written(value: str) -> None:
    """Whatever text a unit wrote (a colon, a #, quotes, digits), the new front matter
    reads it back the same, with the scaffold's comment after it."""
    line = f"co_quan: {yaml_text(value)} # cơ quan ban hành"
    assert yaml.safe_load(line) == {"co_quan": value}
    item = yaml.safe_load(f"noi_nhan:\n  - {yaml_text(value)}\n")
    assert item == {"noi_nhan": [value]}
