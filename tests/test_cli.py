"""The command line: Vietnamese by default, English on request, no tracebacks, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from baocao import __version__
from baocao.cli import main


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baocao.cli", *args], cwd=cwd, capture_output=True, text=True
    )


def test_version(tmp_project: Path) -> None:
    done = run("--version", cwd=tmp_project)
    assert done.returncode == 0 and done.stdout.strip() == f"baocao {__version__}"


def test_help_in_vietnamese_and_english(tmp_project: Path) -> None:
    vi = run("--help", cwd=tmp_project)
    en = run("--lang", "en", "new", "--help", cwd=tmp_project)
    assert "báo cáo tổng kết thi đua" in vi.stdout and "lint" in vi.stdout
    assert "Never overwrites" in en.stdout


def test_usage_error_exits_2_without_traceback(tmp_project: Path) -> None:
    done = run("new", "--khong-co", cwd=tmp_project)
    assert done.returncode == 2
    assert "Lỗi cách dùng lệnh" in done.stderr and "Traceback" not in done.stderr
    unknown = run("khong-co-lenh", cwd=tmp_project)
    assert unknown.returncode == 2


def test_error_message_in_english(tmp_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "new", "Bad Slug"]) == 1
    assert "is not a valid unit slug" in capsys.readouterr().err


def test_config_error_exits_2(tmp_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pyproject = tmp_project / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace('tone_style = "hòa"', 'tone_style = "hoa"')
    pyproject.write_text(text, "utf-8")
    assert main(["lint"]) == 2
    err = capsys.readouterr().err
    assert "tone_style" in err and "Traceback" not in err


def test_unknown_form_exits_2(tmp_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "don-vi", "--form", "mau-99"]) == 2
    assert "mau-02" in capsys.readouterr().err


def test_click_texts_are_vietnamese(tmp_project: Path) -> None:
    usage = run("new", "--year", "1800", "x", cwd=tmp_project)
    assert usage.returncode == 2
    assert "Giá trị không hợp lệ cho '--year'" in usage.stderr
    help_text = run("--help", cwd=tmp_project).stdout
    assert "Cách dùng:" in help_text and "Tùy chọn:" in help_text and "Usage:" not in help_text
    english = run("--lang", "en", "new", "--bad", cwd=tmp_project)
    assert "No such option '--bad'" in english.stderr


def test_atomic_write_gives_normal_permissions(tmp_path: Path) -> None:
    from baocao.fsutil import write_atomic

    target = tmp_path / "a.txt"
    write_atomic(target, "một")
    assert target.read_text("utf-8") == "một"
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()
    target.chmod(0o640)
    write_atomic(target, "hai")
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def _umask() -> int:
    import os

    current = os.umask(0)
    os.umask(current)
    return current


def test_decimal_numbers_follow_the_language() -> None:
    from baocao.i18n import decimal

    assert decimal(0.94, lang="vi") == "0,9" and decimal(12.25, 2, lang="en") == "12.25"
