"""The roll-up of a project on disk (baocao.awards.collect) against sums computed here
independently: plain Python over the data files read with yaml.safe_load, not through
the loader or the roll-up. On the example units and on 300 generated units, some of
them with broken data, data of another year, or none at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from awards_helpers import assert_equal_sums, generated_project, plain_sums
from baocao.awards.collect import collect, project_rollup
from baocao.awards.rollup import ERRORS, MISSING, OTHER_YEAR, UNCHECKED, DataError
from baocao.project import Project


def test_the_examples_roll_up_to_the_plain_sum_of_their_files(example_project: Path):
    files = sorted((example_project / "reports").glob("*/khen-thuong.yaml"))
    assert len(files) == 3
    rollup = project_rollup(Project.discover(example_project))
    assert rollup.year == 2025
    assert rollup.left_out == ()
    assert len(rollup.units) == 3
    assert_equal_sums(rollup, plain_sums(files))
    names = {u.slug: u.name for u in rollup.units}
    assert names["so-noi-vu"] == "Sở Nội vụ"


def test_300_generated_units_roll_up_to_the_plain_sum_of_the_clean_ones(tmp_project: Path):
    summed, left = generated_project(tmp_project, 300)
    assert len(summed) > 200 and {MISSING, ERRORS, OTHER_YEAR} == set(left.values())
    rollup = project_rollup(Project.discover(tmp_project), year=2025)
    assert {u.slug: u.reason for u in rollup.left_out} == left
    assert len(rollup.units) == len(summed)
    assert_equal_sums(rollup, plain_sums(summed))
    for unit in rollup.left_out:
        assert (unit.reason == ERRORS) == bool(unit.errors)


def test_per_kind_of_unit_the_plain_sums_of_its_units(tmp_project: Path):
    summed, _ = generated_project(tmp_project, 60)
    entries = yaml.safe_load((tmp_project / "reports/units.yaml").read_text("utf-8"))["units"]
    kind_of = {e["slug"]: e["kind"] for e in entries}
    rollup = project_rollup(Project.discover(tmp_project), year=2025)
    for kind, counts in rollup.by_unit_kind.items():
        files = [p for p in summed if kind_of[p.parent.name] == kind]
        sums = plain_sums(files)
        assert all(counts.get(*key) == sums.get(key, 0) for key in rollup.every_key()), kind


def test_last_year_comes_from_the_archive_like_for_like(example_project: Path):
    archive = example_project / "archive/2024"
    for slug in ("so-noi-vu", "truong-thpt-le-quy-don"):
        (archive / slug).mkdir(parents=True)
        text = (example_project / "reports" / slug / "khen-thuong.yaml").read_text("utf-8")
        (archive / slug / "khen-thuong.yaml").write_text(text.replace("nam: 2025", "nam: 2024"))
        index = (example_project / "reports" / slug / "index.md").read_text("utf-8")
        (archive / slug / "index.md").write_text(index.replace("nam: 2025", "nam: 2024"))
    rollup = project_rollup(Project.discover(example_project))
    assert rollup.previous_units == ("so-noi-vu", "truong-thpt-le-quy-don")
    files = [archive / s / "khen-thuong.yaml" for s in rollup.previous_units]
    sums = plain_sums(files)
    assert rollup.previous is not None
    for key in rollup.every_key():
        assert rollup.previous.get(*key) == sums.get(key, 0), key


def test_a_listed_unit_without_folder_is_missing_and_an_unlisted_folder_is_summed(
    example_project: Path,
):
    units = example_project / "reports/units.yaml"
    units.write_text(
        units.read_text("utf-8") + "  - slug: xa-moi\n    name: UBND xã Mới\n    kind: xa-phuong\n",
        "utf-8",
    )
    extra = example_project / "reports/don-vi-them"
    shutil.copytree(example_project / "reports/so-noi-vu", extra)
    inputs = {u.slug: u for u in collect(Project.discover(example_project))}
    assert inputs["xa-moi"].awards is None and inputs["xa-moi"].name == "UBND xã Mới"
    rollup = project_rollup(Project.discover(example_project))
    assert [(u.slug, u.reason) for u in rollup.left_out] == [("xa-moi", MISSING)]
    assert "don-vi-them" in [u.slug for u in rollup.units]


def test_data_of_a_unit_the_linter_cannot_read_is_not_summed(example_project: Path):
    """Without its index.md the unit's report cannot be read, so its data is not checked
    (the year, the rules): it is kept out with the finding that says why."""
    extra = example_project / "reports/don-vi-them"
    extra.mkdir()
    (extra / "khen-thuong.yaml").write_text("nam: 2025\nmau-10:\n  giay-khen: {tap-the: -2}\n")
    rollup = project_rollup(Project.discover(example_project))
    [left] = rollup.left_out
    assert (left.slug, left.reason) == ("don-vi-them", UNCHECKED)
    assert [e.code for e in left.errors] == ["BC003"]
    assert "Chưa kiểm tra được số liệu khen thưởng" in rollup.why(left)


def test_last_year_data_with_errors_is_not_compared(example_project: Path):
    archive = example_project / "archive/2024"
    for slug, extra in (
        ("so-noi-vu", ""),
        ("truong-thpt-le-quy-don", "  giay-khen: {ca-nhan: -4}\n"),
    ):
        (archive / slug).mkdir(parents=True)
        index = (example_project / "reports" / slug / "index.md").read_text("utf-8")
        (archive / slug / "index.md").write_text(index.replace("nam: 2025", "nam: 2024"))
        data = f"nam: 2024\nmau-10:\n  lao-dong-tien-tien: {{ca-nhan: 10}}\n{extra}"
        (archive / slug / "khen-thuong.yaml").write_text(data, "utf-8")
    inputs = {u.slug: u for u in collect(Project.discover(example_project))}
    bad = inputs["truong-thpt-le-quy-don"].previous_errors
    assert [e.code for e in bad] and all(e.code.startswith("BC6") for e in bad)
    assert bad[0].file == "archive/2024/truong-thpt-le-quy-don/khen-thuong.yaml"
    assert inputs["so-noi-vu"].previous_errors == ()
    rollup = project_rollup(Project.discover(example_project))
    assert rollup.previous_units == ("so-noi-vu",)
    assert rollup.previous.get("mau-10", "lao-dong-tien-tien", "ca-nhan") == 10


def test_errors_the_caller_already_has_are_used_and_not_found_again(example_project: Path):
    error = DataError("BC605", "reports/so-noi-vu/khen-thuong.yaml", 7, "Số không hợp lệ")
    known = {"so-noi-vu": (error,), "truong-thpt-le-quy-don": ()}
    rollup = project_rollup(Project.discover(example_project), known=known)
    assert [(u.slug, u.errors) for u in rollup.left_out] == [("so-noi-vu", (error,))]
    assert {u.slug for u in rollup.units} == {
        "truong-thpt-le-quy-don",
        "cong-ty-cap-nuoc-binh-minh",
    }
