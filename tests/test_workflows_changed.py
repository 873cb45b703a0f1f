"""``baocao changed``: which units a pull request touches, for building their files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from baocao.cli import main
from test_precommit import git


@pytest.fixture
def repo(example_project: Path) -> tuple[Path, str]:
    """The example units in a git repository, on a branch from the base commit."""
    git(example_project, "init", "-q", "-b", "main")
    git(example_project, "add", "-A")
    git(example_project, "commit", "-q", "-m", "base")
    git(example_project, "checkout", "-q", "-b", "pr")
    return example_project, git(example_project, "rev-parse", "HEAD").strip()


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def test_lists_units_with_committed_uncommitted_and_new_files(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = repo
    _append(project / "reports/so-noi-vu/3-phuong-huong.md", "\nThêm.\n")
    git(project, "commit", "-q", "-am", "pr")
    _append(project / "reports/cong-ty-cap-nuoc-binh-minh/index.md", "\nThêm.\n")
    (project / "reports/truong-thpt-le-quy-don/phu-luc.md").write_text("# Phụ lục\n", "utf-8")
    assert main(["changed", "--since", "main"]) == 0
    assert capsys.readouterr().out.split() == [
        "cong-ty-cap-nuoc-binh-minh",
        "so-noi-vu",
        "truong-thpt-le-quy-don",
    ]


def test_nothing_changed_is_an_empty_list(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, base = repo
    output = project.parent / "output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    assert main(["changed", "--since", base, "--github-output"]) == 0
    assert capsys.readouterr().out == ""
    assert output.read_text("utf-8") == "units=\ncount=0\n"


def test_deleted_units_and_non_slug_folders_are_not_listed(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = repo
    shutil.rmtree(project / "reports/so-noi-vu")
    odd = project / "reports" / "--output=x"
    odd.mkdir()
    (odd / "index.md").write_text("# x\n", "utf-8")
    assert main(["changed", "--since", "main"]) == 0
    assert capsys.readouterr().out == ""


def test_a_form_or_settings_change_selects_every_unit(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, _ = repo
    summary = project.parent / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _append(project / "_templates/forms/mau-02/form.yaml", "\n# sửa mẫu\n")
    assert main(["changed", "--since", "main", "--summary"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == [
        "cong-ty-cap-nuoc-binh-minh",
        "so-noi-vu",
        "truong-thpt-le-quy-don",
    ]
    assert "::notice title=" in out
    text = summary.read_text("utf-8")
    assert "Pull request này không sửa báo cáo của đơn vị nào." in text
    assert "mọi đơn vị đều được kiểm tra và dựng lại" in text
    assert "`_templates/forms/mau-02/form.yaml`" in text


def test_summary_names_units_and_files_outside_them(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, _ = repo
    summary = project.parent / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _append(project / "reports/so-noi-vu/index.md", "\n")
    _append(project / "reports/so-noi-vu/3-phuong-huong.md", "\n")
    _append(project / "reports/truong-thpt-le-quy-don/index.md", "\n")
    _append(project / "reports/units.yaml", "\n")
    assert main(["changed", "--since", "main", "--summary"]) == 0
    capsys.readouterr()
    lines = summary.read_text("utf-8").splitlines()
    assert "| `so-noi-vu` | Sở Nội vụ | 2 |" in lines
    assert "| `truong-thpt-le-quy-don` | Trường THPT Lê Quý Đôn | 1 |" in lines
    assert any("sửa báo cáo của 2 đơn vị" in line for line in lines)
    assert any("`reports/units.yaml`" in line for line in lines)


def test_bad_ref_is_a_usage_error_with_a_hint(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["changed", "--since", "khong-co-nhanh"]) == 2
    err = capsys.readouterr().err
    assert "khong-co-nhanh" in err and "fetch-depth: 0" in err and "Traceback" not in err
    assert main(["--lang", "en", "changed", "--since", "khong-co-nhanh"]) == 2
    assert "Cannot compare with 'khong-co-nhanh'" in capsys.readouterr().err


def test_github_output_needs_the_variable(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_OUTPUT", raising=False)
    assert main(["changed", "--since", "main", "--github-output"]) == 2
    assert "GITHUB_OUTPUT" in capsys.readouterr().err
