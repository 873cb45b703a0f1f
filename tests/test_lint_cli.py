"""``baocao lint`` end to end: the examples, a fresh unit, exit codes, options, fixes, git."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from baocao.forms import load_form
from lint_helpers import (
    COMPANY,
    DEPARTMENT,
    EXAMPLES,
    ROOT,
    SCHOOL,
    make_project,
    run_cli,
    snapshot,
)

FILLED_BY_NEW = {"mau", "nam", "trich_yeu", "noi_nhan"}
UNFILLED = {"co_quan", "so_ky_hieu", "dia_danh", "ngay", "chuc_vu", "nguoi_ky"}


def required_leaves() -> list[str]:
    form = load_form((ROOT / "_templates" / "forms").resolve(), "mau-02")
    return [n.id for n in form.walk() if n.required and not n.children]


def new_unit(
    tmp_path: Path, slug: str = "don-vi-moi", *units: str, single_file: bool = False
) -> Path:
    root = make_project(tmp_path, *units)
    extra = ("--single-file",) if single_file else ()
    done = run_cli(root, "new", slug, "--year", "2025", *extra)
    assert done.code == 0, done.err
    return root


# ---- the examples and a fresh unit ----


def test_examples_lint_clean_in_the_repository() -> None:
    done = run_cli(ROOT, "lint", "--format", "json")
    assert done.code == 0, done.out
    data = done.json()
    assert sorted(u["unit"] for u in data["units"]) == sorted(EXAMPLES)
    assert data["summary"] == {"units": 3, "errors": 0, "warnings": 0}
    for unit in data["units"]:
        assert unit["complete"] and unit["sections"] == {"required": 19, "present": 19}


def test_examples_lint_clean_through_the_console_script() -> None:
    exe = Path(sys.executable).with_name("baocao")
    done = subprocess.run(
        [str(exe), "lint", *(f"reports/{u}" for u in EXAMPLES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.count("19/19") == 3


@pytest.mark.parametrize("single_file", [False, True], ids=["tree", "single-file"])
def test_new_unit_reports_empty_sections_and_unfilled_keys_only(
    tmp_path: Path, single_file: bool
) -> None:
    root = new_unit(tmp_path, single_file=single_file)
    done = run_cli(root, "lint", "--format", "json")
    assert done.code == 1
    (unit,) = done.json()["units"]
    found = unit["diagnostics"]
    empty = [d for d in found if d["code"] == "BC201"]
    missing = [d for d in found if d["code"] == "BC301"]
    assert len(required_leaves()) == 13
    assert sorted(d["section"] for d in empty) == sorted(required_leaves())
    assert all(d["severity"] == "error" for d in empty)
    assert sorted(d["field"] for d in missing) == sorted(UNFILLED)
    assert len(found) == 13 + 6, [d["code"] for d in found]
    # nothing is written yet: no required section counts (issue 12, item 9)
    assert unit["sections"] == {"required": 19, "present": 0}
    assert not unit["complete"]


# ---- exit codes ----


def test_exit_0_when_only_warnings(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    index = root / "reports" / SCHOOL / "index.md"
    index.write_text(index.read_text("utf-8") + "\n## Phụ lục\n\nXem bảng kèm theo.\n", "utf-8")
    done = run_cli(root, "lint", "--format", "json")
    assert done.code == 0
    assert done.json()["summary"]["warnings"] >= 1
    assert done.json()["summary"]["errors"] == 0


@pytest.mark.parametrize(
    "args",
    [
        ("--select", "BC999"),
        ("--ignore", "no-such-rule"),
        ("--select", "BC301", "--select", "nonsense"),
        ("--format", "xml"),
        ("--no-such-option",),
        ("reports/khong-co-don-vi-nay",),
        ("--output", "khong-co-thu-muc/ket-qua.json"),
        ("--output", "reports"),
    ],
    ids=[
        "bad-select",
        "bad-ignore",
        "one-bad-select",
        "bad-format",
        "bad-option",
        "bad-path",
        "output-in-missing-folder",
        "output-is-a-folder",
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    root = make_project(tmp_path, SCHOOL)
    done = run_cli(root, "lint", *args)
    assert done.code == 2, (done.out, done.err)
    assert "Traceback" not in done.err
    assert done.err.strip()


def test_bad_settings_exit_2(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace('tone_style = "hòa"', 'tone_style = "hoa"')
    pyproject.write_text(text, "utf-8")
    assert run_cli(root, "lint").code == 2
    pyproject.write_text(text.replace('tone_style = "hoa"', "no_such_setting = 1"), "utf-8")
    assert run_cli(root, "lint").code == 2


def test_exit_1_with_errors(tmp_path: Path) -> None:
    root = new_unit(tmp_path, "don-vi-moi", SCHOOL)
    assert run_cli(root, "lint", f"reports/{SCHOOL}").code == 0
    assert run_cli(root, "lint", "reports/don-vi-moi").code == 1
    assert run_cli(root, "lint").code == 1


def test_paths_reports_root_and_files(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL, DEPARTMENT, COMPANY)
    every = run_cli(root, "lint", "reports", "--format", "json").json()
    assert every["summary"]["units"] == 3
    one = run_cli(root, "lint", f"reports/{DEPARTMENT}/3-phuong-huong.md", "--format", "json")
    assert [u["unit"] for u in one.json()["units"]] == [DEPARTMENT]


# ---- formats, output file, language ----


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_every_format_and_output_file(tmp_path: Path, fmt: str) -> None:
    root = new_unit(tmp_path)
    to_stdout = run_cli(root, "lint", "--format", fmt)
    out_file = root / "out" / f"lint.{fmt}"
    out_file.parent.mkdir()
    to_file = run_cli(root, "lint", "--format", fmt, "--output", str(out_file))
    assert to_stdout.code == to_file.code == 1
    assert to_file.out == ""
    assert out_file.read_text("utf-8") == to_stdout.out
    assert "BC201" in to_stdout.out


def test_lang_en(tmp_path: Path) -> None:
    root = new_unit(tmp_path)
    vi = run_cli(root, "lint", "--format", "json").json()
    en = run_cli(root, "--lang", "en", "lint", "--format", "json").json()
    vi_messages = [d["message"] for d in vi["units"][0]["diagnostics"]]
    en_messages = [d["message"] for d in en["units"][0]["diagnostics"]]
    assert len(vi_messages) == len(en_messages) == 19
    assert all(a != b for a, b in zip(vi_messages, en_messages, strict=True))
    assert any("front matter" in m for m in en_messages)
    assert any("đang để trống" in m for m in vi_messages)  # the scaffold's keys, unfilled
    text_en = run_cli(root, "--lang", "en", "lint").out
    assert "0/19 required sections, 19 errors, 0 warnings." in text_en
    assert text_en.rstrip().endswith("Total: 1 unit, 19 errors, 0 warnings.")


def test_github_step_summary(tmp_path: Path, monkeypatch) -> None:
    root = new_unit(tmp_path, "don-vi-moi", SCHOOL, DEPARTMENT)
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n\n", "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    done = run_cli(root, "lint", "--format", "github")
    assert done.code == 1
    lines = done.out.splitlines()
    assert len(lines) == 19 and all(line.startswith("::error file=") for line in lines)
    text = summary.read_text("utf-8")
    assert text.startswith("# Earlier step")
    for unit in ("don-vi-moi", SCHOOL, DEPARTMENT):
        rows = [row for row in text.splitlines() if row.startswith(f"| `{unit}` |")]
        assert len(rows) == 1, text
    assert "| `don-vi-moi` | 0/19 | 19 | 0 |" in text
    # every finding is in the summary, not only the first ten GitHub shows
    assert text.count("BC201 empty-section") == 13


def test_github_without_step_summary_writes_nothing_else(tmp_path: Path, monkeypatch) -> None:
    root = make_project(tmp_path, SCHOOL)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    done = run_cli(root, "lint", "--format", "github")
    assert done.code == 0 and done.out == ""


# ---- select, ignore, inline suppression ----


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--select", "BC301"), {"BC301"}),
        (("--select", "missing-field"), {"BC301"}),
        (("--select", "metadata"), {"BC301"}),
        (("--select", "BC2"), {"BC201"}),
        (("--select", "BC201,BC301"), {"BC201", "BC301"}),
        (("--ignore", "BC201"), {"BC301"}),
        (("--ignore", "empty-section", "--ignore", "BC3"), set()),
        (("--select", "BC2", "--ignore", "BC201"), set()),
    ],
)
def test_select_and_ignore(tmp_path: Path, args: tuple[str, ...], expected: set[str]) -> None:
    root = new_unit(tmp_path)
    done = run_cli(root, "lint", "--format", "json", *args)
    found = {d["code"] for d in done.json()["units"][0]["diagnostics"]}
    assert found == expected
    assert done.code == (1 if expected else 0)


def test_select_and_ignore_from_settings(tmp_path: Path) -> None:
    root = new_unit(tmp_path)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text("utf-8") + 'ignore = ["BC201"]\n', "utf-8")
    found = run_cli(root, "lint", "--format", "json").json()["units"][0]["diagnostics"]
    assert {d["code"] for d in found} == {"BC301"}


def test_inline_ignore_silences_one_finding(tmp_path: Path) -> None:
    root = new_unit(tmp_path)
    path = root / "reports" / "don-vi-moi" / "2-ket-qua" / "3-danh-gia-chung.md"
    text = path.read_text("utf-8")
    assert "## 3.2. Tồn tại, hạn chế, nguyên nhân" in text
    path.write_text(
        text.replace(
            "## 3.2. Tồn tại, hạn chế, nguyên nhân",
            "% baocao: ignore BC201\n## 3.2. Tồn tại, hạn chế, nguyên nhân",
        ),
        "utf-8",
    )
    found = run_cli(root, "lint", "--format", "json").json()["units"][0]["diagnostics"]
    empty = [d["section"] for d in found if d["code"] == "BC201"]
    assert len(empty) == 12 and "II.3.2" not in empty and "II.3.1" in empty


def test_inline_ignore_of_another_code_silences_nothing(tmp_path: Path) -> None:
    root = new_unit(tmp_path)
    path = root / "reports" / "don-vi-moi" / "2-ket-qua" / "3-danh-gia-chung.md"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace(
            "## 3.2. Tồn tại", "% baocao: ignore BC202, stray-whitespace\n## 3.2. Tồn tại"
        ),
        "utf-8",
    )
    found = run_cli(root, "lint", "--format", "json").json()["units"][0]["diagnostics"]
    assert len([d for d in found if d["code"] == "BC201"]) == 13


def test_inline_ignore_by_rule_name(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    index = root / "reports" / SCHOOL / "index.md"
    index.write_text(
        index.read_text("utf-8") + "\n% baocao: ignore unknown-section\n## Phụ lục\n\nXem bảng.\n",
        "utf-8",
    )
    found = run_cli(root, "lint", "--format", "json").json()["units"][0]["diagnostics"]
    assert found == []


# ---- --fix and --diff ----

NFD_LINE = unicodedata.normalize("NFD", "Công tác thi đua được quan tâm thường xuyên.")
TCVN3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"
QUOC_HIEU = "Cộng hòa xã hội chủ nghĩa Việt Nam"


def broken_for_fixing(tmp_path: Path) -> tuple[Path, Path]:
    """The department's tree with one fixable problem of each kind, in three of its files."""
    root = make_project(tmp_path, DEPARTMENT)
    unit = root / "reports" / DEPARTMENT
    first = unit / "1-dac-diem-tinh-hinh.md"
    first.write_text(first.read_text("utf-8") + f"\n{NFD_LINE}\n\n{TCVN3}\n\n{VNI}\n", "utf-8")
    third = unit / "3-phuong-huong.md"
    text = third.read_text("utf-8")
    assert "## 2. Giải pháp tổ chức" in text
    third.write_text(
        text.replace("## 2. Giải pháp tổ chức", "**2. Giải pháp tổ chức").replace(
            "công tác thi đua, khen thưởng\n\nSở đề cao",
            "công tác thi đua, khen thưởng**\n\nSở đề cao",
        )
        + "\nSở phối hợp hoà giải ở cơ sở.\n",
        "utf-8",
    )
    return root, unit


def test_fix_repairs_then_is_idempotent(tmp_path: Path) -> None:
    root, unit = broken_for_fixing(tmp_path)
    before = run_cli(root, "lint", "--format", "json").json()["units"][0]["diagnostics"]
    assert {d["code"] for d in before} >= {"BC401", "BC402", "BC403", "BC104"}
    assert all(d["fixable"] for d in before), before
    untouched = {
        k: v
        for k, v in snapshot(unit).items()
        if k not in ("1-dac-diem-tinh-hinh.md", "3-phuong-huong.md")
    }

    fixed = run_cli(root, "lint", "--fix", "--format", "json")
    assert fixed.code == 0, fixed.out
    assert fixed.json()["units"][0]["diagnostics"] == []
    first = (unit / "1-dac-diem-tinh-hinh.md").read_text("utf-8")
    assert unicodedata.is_normalized("NFC", first)
    assert unicodedata.normalize("NFC", NFD_LINE) in first
    assert first.count(QUOC_HIEU) == 2, first
    third = (unit / "3-phuong-huong.md").read_text("utf-8")
    assert "\n## 2. Giải pháp tổ chức thực hiện" in third and "**" not in third
    assert "hòa giải ở cơ sở" in third and "hoà giải" not in third
    after_fix = snapshot(unit)
    assert {k: after_fix[k] for k in untouched} == untouched  # bytes and mtime
    assert not list(unit.rglob(".*.tmp"))

    time.sleep(0.01)
    again = run_cli(root, "lint", "--fix", "--format", "json")
    assert again.code == 0
    assert snapshot(unit) == after_fix  # nothing rewritten, mtimes unchanged


def test_fix_never_touches_a_clean_unit(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL, DEPARTMENT)
    before = snapshot(root / "reports")
    time.sleep(0.01)
    done = run_cli(root, "lint", "--fix")
    assert done.code == 0
    assert snapshot(root / "reports") == before


def test_fix_leaves_unfixable_findings_and_their_files(tmp_path: Path) -> None:
    root = new_unit(tmp_path)
    before = snapshot(root / "reports")
    done = run_cli(root, "lint", "--fix", "--format", "json")
    assert done.code == 1
    assert len(done.json()["units"][0]["diagnostics"]) == 19
    assert snapshot(root / "reports") == before


def test_diff_shows_and_changes_nothing(tmp_path: Path) -> None:
    root, unit = broken_for_fixing(tmp_path)
    before = snapshot(unit)
    done = run_cli(root, "lint", "--diff")
    assert snapshot(unit) == before
    out = done.out
    assert f"--- a/reports/{DEPARTMENT}/1-dac-diem-tinh-hinh.md" in out
    assert f"+++ b/reports/{DEPARTMENT}/3-phuong-huong.md" in out
    assert f"-{TCVN3}" in out and f"+{QUOC_HIEU}" in out
    assert "+## 2. Giải pháp tổ chức" in out
    assert "+Sở phối hợp hòa giải ở cơ sở." in out
    assert done.code == 1  # the findings remain until --fix


def test_fix_with_diff_writes_nothing(tmp_path: Path) -> None:
    root, unit = broken_for_fixing(tmp_path)
    before = snapshot(unit)
    run_cli(root, "lint", "--fix", "--diff")
    assert snapshot(unit) == before


def test_fix_tone_style_to_the_configured_style(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text("utf-8").replace('tone_style = "hòa"', 'tone_style = "hoà"'), "utf-8"
    )
    index = root / "reports" / SCHOOL / "index.md"
    index.write_text(index.read_text("utf-8") + "\nTrường phối hợp hoà giải ở cơ sở.\n", "utf-8")
    assert run_cli(root, "lint", "--select", "BC403", "--format", "json").json()["units"][0][
        "diagnostics"
    ]  # mixed: "văn hóa" with "hoà"
    assert run_cli(root, "lint", "--select", "BC403", "--fix").code == 0
    text = index.read_text("utf-8")
    assert "văn hoá công sở" in text and "văn hóa" not in text
    assert "Thuý" in text
    assert run_cli(root, "lint", "--format", "json").json()["summary"]["warnings"] == 0


# ---- --changed-since ----


def _git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


def test_changed_since_lints_only_changed_units(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL, DEPARTMENT, COMPANY)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "start")
    assert (
        run_cli(root, "lint", "--changed-since", "HEAD", "--format", "json").json()["units"] == []
    )
    changed = root / "reports" / DEPARTMENT / "2-ket-qua" / "4-kien-nghi-de-xuat.md"
    changed.write_text(changed.read_text("utf-8") + "\nBổ sung kiến nghị.\n", "utf-8")
    done = run_cli(root, "lint", "--changed-since", "HEAD", "--format", "json")
    assert [u["unit"] for u in done.json()["units"]] == [DEPARTMENT]
    _git(root, "commit", "-q", "-am", "change")
    done = run_cli(root, "lint", "--changed-since", "HEAD~1", "--format", "json")
    assert [u["unit"] for u in done.json()["units"]] == [DEPARTMENT]
    assert run_cli(root, "new", "don-vi-moi", "--year", "2025").code == 0  # untracked
    done = run_cli(root, "lint", "--changed-since", "HEAD", "--format", "json")
    assert [u["unit"] for u in done.json()["units"]] == ["don-vi-moi"]
    assert done.code == 1


def test_changed_since_bad_ref_is_an_error_without_traceback(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    _git(root, "init", "-q")
    done = run_cli(root, "lint", "--changed-since", "no-such-ref")
    assert done.code == 2
    assert "Traceback" not in done.err and done.err.strip()


# ---- line endings: one line model for findings and fixes ----


def test_crlf_file_fixes_keep_their_line_endings(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    index = root / "reports" / SCHOOL / "index.md"
    text = index.read_text("utf-8").replace(
        "#### 3.2. Tồn tại, hạn chế, nguyên nhân", "**3.2. Tồn tại, hạn chế, nguyên nhân**"
    )
    text += f"\n{TCVN3}\n"
    index.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    found = run_cli(root, "lint", "--format", "json").json()["units"][0]["diagnostics"]
    assert [(d["code"], d["line"]) for d in found] == [("BC104", 89), ("BC402", 107)]
    assert run_cli(root, "lint", "--fix").code == 0
    data = index.read_bytes()
    assert data.count(b"\r\n") == text.count("\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert "#### 3.2. Tồn tại, hạn chế, nguyên nhân\r\n" in data.decode("utf-8")
    assert QUOC_HIEU in data.decode("utf-8")


def test_lone_cr_and_line_separator_count_as_markdown_counts(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    index = root / "reports" / SCHOOL / "index.md"
    text = index.read_text("utf-8")
    text = text.replace(
        "#### 3.2. Tồn tại, hạn chế, nguyên nhân", "**3.2. Tồn tại, hạn chế, nguyên nhân**"
    )
    # a lone CR ends a line for markdown; U+2028 and a form feed do not
    text = text.replace("Nhà trường nhận được", "Nhà\u2028trường\x0cnhận\rđược", 1)
    text += f"\n{TCVN3}\n"
    index.write_bytes(text.encode("utf-8"))
    found = run_cli(root, "lint", "--format", "json").json()["units"][0]["diagnostics"]
    codes_lines = {(d["code"], d["line"]) for d in found}
    assert ("BC104", 90) in codes_lines and ("BC402", 108) in codes_lines, codes_lines
    run_cli(root, "lint", "--fix")
    fixed = index.read_bytes().decode("utf-8")
    assert "\n#### 3.2. Tồn tại, hạn chế, nguyên nhân\n" in fixed
    assert "Nhà\u2028trường\x0cnhận\rđược" in fixed
    assert "+++ b/" not in run_cli(root, "lint", "--diff").out


def test_fix_settles_when_one_fix_moves_the_alignment(tmp_path: Path) -> None:
    """Bold II, heading II, bold I: fixing bold I re-aligns bold II; one --fix does both."""
    root = make_project(tmp_path)
    unit = root / "reports" / "u"
    unit.mkdir(parents=True)
    ii = "II. Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2025"
    (unit / "index.md").write_text(
        f"---\n---\n\n# Báo cáo\n\n**{ii}**\n\n# {ii}\n\n**I. Đặc điểm tình hình**\n", "utf-8"
    )
    run_cli(root, "lint", "--fix")
    after = snapshot(unit)
    run_cli(root, "lint", "--fix")
    assert snapshot(unit) == after
    assert "+++ b/" not in run_cli(root, "lint", "--diff").out


def test_fix_writes_atomically(tmp_path: Path, monkeypatch) -> None:
    """A write that fails half-way leaves the old file whole and no temporary file."""
    import baocao.fsutil

    root, unit = broken_for_fixing(tmp_path)
    before = snapshot(unit)

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(baocao.fsutil.os, "replace", failing_replace)
    done = run_cli(root, "lint", "--fix")
    assert done.code != 0
    assert snapshot(unit) == before
    assert not [p for p in unit.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_diff_keeps_a_machine_report_parseable(tmp_path: Path, fmt: str) -> None:
    root, _ = broken_for_fixing(tmp_path)
    done = run_cli(root, "lint", "--diff", "--format", fmt)
    assert done.json()  # stdout is the report alone
    assert f"--- a/reports/{DEPARTMENT}/1-dac-diem-tinh-hinh.md" in done.err
    out_file = root / "lint.json"
    done = run_cli(root, "lint", "--diff", "--format", fmt, "--output", str(out_file))
    assert json.loads(out_file.read_text("utf-8"))
    assert f"--- a/reports/{DEPARTMENT}/1-dac-diem-tinh-hinh.md" in done.out


def test_changed_since_in_a_project_below_the_repository_root(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL, DEPARTMENT)  # tmp_path/proj, the repo is tmp_path
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "start")
    changed = root / "reports" / SCHOOL / "index.md"
    changed.write_text(changed.read_text("utf-8") + "\nBổ sung.\n", "utf-8")
    done = run_cli(root, "lint", "--changed-since", "HEAD", "--format", "json")
    assert [u["unit"] for u in done.json()["units"]] == [SCHOOL]


@pytest.mark.parametrize("changed", ["_templates/forms/mau-02/form.yaml", "pyproject.toml"])
def test_changed_since_a_form_or_settings_change_lints_every_unit(
    tmp_path: Path, changed: str
) -> None:
    root = make_project(tmp_path, SCHOOL, DEPARTMENT)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "start")
    path = root / changed
    path.write_text(path.read_text("utf-8") + "\n# a comment\n", "utf-8")
    done = run_cli(root, "lint", "--changed-since", "HEAD", "--format", "json")
    assert sorted(u["unit"] for u in done.json()["units"]) == sorted([SCHOOL, DEPARTMENT])


def test_output_file_is_replaced_whole(tmp_path: Path) -> None:
    root = new_unit(tmp_path)
    out_file = root / "lint.json"
    out_file.write_text("bản cũ", "utf-8")
    inode = out_file.stat().st_ino
    assert run_cli(root, "lint", "--format", "json", "--output", str(out_file)).code == 1
    assert out_file.stat().st_ino != inode  # moved into place, not rewritten in place
    assert json.loads(out_file.read_text("utf-8"))["summary"]["units"] == 1
    assert [p.name for p in root.iterdir() if p.name.startswith(".lint.json")] == []
