""" "Mục bắt buộc" counts sections really written, in the CLI and on the site (issue 12, item 9)."""

from __future__ import annotations

from pathlib import Path

from baocao.sphinxext.document import findings_panel
from lint_helpers import REPORTS, SCHOOL, lint, make_project, run_cli

INDEX = REPORTS / SCHOOL / "index.md"
THREE_TWO = "Một số tổ chuyên môn đăng ký thi đua còn hình thức; việc viết sáng kiến chưa đều"


def _school(tmp_path: Path, old: str, new: str) -> Path:
    root = make_project(tmp_path, SCHOOL)
    path = root / "reports" / SCHOOL / "index.md"
    text = path.read_text("utf-8")
    line = next(ln for ln in text.split("\n") if ln.startswith(old))
    path.write_text(text.replace(line, new), "utf-8")
    return root


def test_a_written_unit_counts_every_section(tmp_path: Path) -> None:
    result = lint(make_project(tmp_path, SCHOOL), SCHOOL)
    assert result.present == result.required == 19 and result.complete


def test_a_fresh_draft_counts_none(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run_cli(root, "new", "don-vi-moi", "--year", "2025").code == 0
    result = lint(root, "don-vi-moi")
    assert (result.present, result.required) == (0, 19)
    text = run_cli(root, "lint").out
    assert "0/19 mục bắt buộc" in text and "Đủ" not in text


def test_placeholders_only_do_not_count(tmp_path: Path) -> None:
    root = _school(tmp_path, THREE_TWO, "……………………; [điền vào] ...")
    result = lint(root, SCHOOL)
    assert result.present == 18 and not result.complete


def test_nothing_to_report_does_not_count_for_a_required_section(tmp_path: Path) -> None:
    result = lint(_school(tmp_path, THREE_TWO, "Không có."), SCHOOL)
    assert result.present == 18


def test_guidance_left_does_not_count(tmp_path: Path) -> None:
    guidance = (
        "Nêu khái quát đặc điểm tình hình chung; những thuận lợi, khó khăn của cơ quan, "
        "đơn vị trong năm 2025."
    )
    root = make_project(tmp_path, SCHOOL)
    path = root / "reports" / SCHOOL / "index.md"
    text = path.read_text("utf-8")
    start = text.index("## I. Đặc điểm tình hình")
    end = text.index("## II. Kết quả thực hiện")
    path.write_text(text[:start] + "## I. Đặc điểm tình hình\n\n" + guidance + "\n\n" + text[end:])
    assert lint(root, SCHOOL).present == 18


def test_text_under_sub_headings_counts(tmp_path: Path) -> None:
    new = "##### Về tổ chuyên môn\n\n" + THREE_TWO + " giữa các tổ."
    root = _school(tmp_path, THREE_TWO, new)
    result = lint(root, SCHOOL)
    assert result.present == 19
    assert not [d for d in result.diagnostics if d.code == "BC105"]


def _info(present: int, complete: bool) -> dict:
    return {
        "present": present,
        "required": 19,
        "errors": 0 if complete else 3,
        "warnings": 0,
        "complete": complete,
        "diagnostics": [],
        "load_errors": [],
    }


def test_the_unit_page_never_says_enough_when_incomplete() -> None:
    incomplete = findings_panel(_info(18, False), []).astext()
    assert "Đủ" not in incomplete and "18/19" in incomplete
    complete = findings_panel(_info(19, True), []).astext()
    assert "Đủ 19/19 mục bắt buộc" in complete
