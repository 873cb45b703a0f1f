"""What a newcomer hit around the linter (issue 12, item 9), each fixed and held here.

Each test failed on main before the fix: an empty front-matter value told as a missing
line, columns that moved with the NFD fix, ISO dates in messages, a unit's slug refused,
``--lang`` refused after the subcommand, and "1 units" in English.
"""

from __future__ import annotations

import string
import unicodedata
from pathlib import Path

import click
import pytest
from baocao.commands.build_docx import check_units
from baocao.i18n import catalogue, fill, set_lang, t
from baocao.lint import lines
from baocao.project import Project
from baocao.sphinxext.texts import text as site_text
from lint_helpers import DEPARTMENT, SCHOOL, lint, make_project, run_cli

INDEX = Path("reports") / SCHOOL / "index.md"


def edit(root: Path, old: str, new: str) -> None:
    path = root / INDEX
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_bytes(text.replace(old, new).encode("utf-8"))


def test_an_empty_value_is_told_as_empty_and_a_missing_key_as_missing(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    edit(root, "so_ky_hieu: 85/BC-THPTLQD", "so_ky_hieu:")
    edit(root, "chuc_vu: HIỆU TRƯỞNG\n", "")
    found = {d.field: d for d in lint(root, SCHOOL).diagnostics if d.code == "BC301"}
    assert sorted(found) == ["chuc_vu", "so_ky_hieu"]
    empty, missing = found["so_ky_hieu"].message("vi"), found["chuc_vu"].message("vi")
    assert "đang để trống" in empty and "Thêm dòng" not in empty
    assert found["so_ky_hieu"].line == 6
    assert "Thêm dòng" in missing
    assert "is empty" in found["so_ky_hieu"].message("en")


def test_a_column_is_the_same_before_and_after_the_nfd_fix(tmp_path: Path) -> None:
    line = "Công tác thi đua được  triển khai"
    expected = line.index("  ") + 1
    columns = []
    for form in ("NFC", "NFD"):
        root = make_project(tmp_path / form, SCHOOL)
        old = "Nhà trường phát động đợt thi đua chào mừng Ngày Nhà giáo Việt Nam 20/11."
        edit(root, old, unicodedata.normalize(form, line))
        (stray,) = [d for d in lint(root, SCHOOL).diagnostics if d.code == "BC404"]
        columns.append(stray.params["column"])
    assert columns == [expected, expected]


def test_column_counts_visible_characters() -> None:
    nfd = unicodedata.normalize("NFD", "Tiếng Việt x")
    assert lines.column(nfd, nfd.index("x")) == 12
    assert lines.column("ab", 0) == 1


def test_dates_in_messages_are_written_day_month_year(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    edit(root, "ngay: 2025-12-15", "ngay: 2026-09-30")
    (late,) = [d for d in lint(root, SCHOOL).diagnostics if d.code == "BC303"]
    message = late.message("vi")
    assert "30/09/2026" in message
    assert "từ 01/01/2025 đến 30/04/2026" in message
    assert "2026-" not in message and "2025-" not in message


def test_lint_accepts_a_units_slug(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL, DEPARTMENT)
    done = run_cli(root, "lint", DEPARTMENT, "--format", "json")
    assert done.code == 0, done.err
    assert [u["unit"] for u in done.json()["units"]] == [DEPARTMENT]
    both = run_cli(root, "lint", f"{SCHOOL}/", f"reports/{DEPARTMENT}", "--format", "json")
    assert [u["unit"] for u in both.json()["units"]] == [DEPARTMENT, SCHOOL]
    unknown = run_cli(root, "lint", "so-y-te")
    assert unknown.code == 2
    assert "so-y-te" in unknown.err and "tên đơn vị" in unknown.err
    assert "Traceback" not in unknown.err


def test_build_docx_accepts_a_units_path_or_slug(tmp_path: Path, monkeypatch) -> None:
    root = make_project(tmp_path, SCHOOL, DEPARTMENT)
    monkeypatch.chdir(root)
    project = Project.discover(root)
    named = (f"reports/{DEPARTMENT}", DEPARTMENT, f"reports/{SCHOOL}/index.md")
    assert check_units(project, named) == (DEPARTMENT, SCHOOL)
    with pytest.raises(click.UsageError):
        check_units(project, ("..",))


@pytest.mark.parametrize("args", [("lint", "--lang", "en"), ("lint", "--lang=en")])
def test_global_options_after_the_subcommand(tmp_path: Path, args: tuple[str, ...]) -> None:
    root = make_project(tmp_path, SCHOOL)
    done = run_cli(root, *args)
    assert done.code == 0, done.err
    assert done.out.rstrip().endswith("Total: 1 unit, 0 errors, 0 warnings.")


def test_english_counts_agree_with_their_number() -> None:
    assert t("lint.total", "en", units=1, errors=1, warnings=2) == (
        "Total: 1 unit, 1 error, 2 warnings."
    )
    assert t("lint.total", "en", units=0, errors=0, warnings=1) == (
        "Total: 0 units, 0 errors, 1 warning."
    )
    assert t("lint.total", "vi", units=1, errors=2, warnings=1) == (
        "Tổng cộng: 1 đơn vị, 2 lỗi, 1 cảnh báo."
    )
    assert t("lint.fixed", "en", files=1, unit="a") == "Fixed 1 file of unit a."


def test_every_message_fills_in_with_numbers_through_every_path() -> None:
    """A plural choice ("{units:unit|units}") works wherever messages are filled in."""
    for entry in catalogue().values():
        for template in entry.values():
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
            fill(template, **dict.fromkeys(names, 1))
    set_lang("en")
    try:
        built = site_text("cli.done", units=1, broken=0, warnings=1, seconds="0.5", path="x")
    finally:
        set_lang("vi")
    assert built.startswith("Built 1 unit (0 failed to load, 1 warning)")
