"""``baocao build html`` as a command: incremental rebuilds, progress lines, exit codes,
and the dashboard's "last change" dates from git."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from baocao.cli import main
from baocao.project import Project
from baocao.sphinxext import lastchange
from baocao.sphinxext.progress import BuildProgress, wants_bar
from baocao.sphinxext.run import build_site
from bs4 import BeautifulSoup
from test_html_site import ROOT, build


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example units in a throw-away project; plain progress lines as in CI."""
    monkeypatch.setenv("CI", "true")
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "_templates", tmp_path / "_templates")
    shutil.copytree(ROOT / "reports", tmp_path / "reports")
    return tmp_path


def pages(root: Path) -> dict[str, int]:
    out = root / "_build" / "html"
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.html")}


def touch_later(path: Path, text: str) -> None:
    """Change a file and make sure its time is newer than the last build's outputs."""
    path.write_text(path.read_text("utf-8") + text, "utf-8")
    later = path.stat().st_mtime + 5
    os.utime(path, (later, later))


def test_edit_rebuilds_only_that_unit_and_the_dashboard(project: Path) -> None:
    code, _, err = build(project, "-j", "1")
    assert code == 0 and "Đọc tệp nguồn: 13 tệp" in err
    before = pages(project)
    touch_later(project / "reports/so-noi-vu/3-phuong-huong.md", "\nĐoạn bổ sung mới.\n")

    code, out, err = build(project, "-j", "1")
    assert code == 0 and "0 không tải được" in out
    # The edited file and its unit's index (which lints the unit) are read again.
    assert "Đọc tệp nguồn: 2 tệp" in err
    after = pages(project)
    changed = {page for page in after if after[page] != before[page]}
    assert changed == {
        "index.html",
        "search.html",
        "khen-thuong.html",  # the board's roll-up, like the dashboard, on every build
        "reports/so-noi-vu/index.html",
        "reports/so-noi-vu/3-phuong-huong.html",
    }
    unit = (project / "_build/html/reports/so-noi-vu/index.html").read_text("utf-8")
    assert "Đoạn bổ sung mới." in unit


def test_nothing_changed_writes_only_the_dashboard_and_search_pages(project: Path) -> None:
    build(project, "-j", "1")
    before = pages(project)
    code, _, err = build(project, "-j", "1")
    assert code == 0 and "Đọc tệp nguồn" not in err and "Ghi trang: 1 tệp" in err
    after = pages(project)
    rewritten = {page for page in after if after[page] != before[page]}
    assert rewritten == {"index.html", "search.html", "khen-thuong.html"}


def test_a_shared_file_change_lints_every_unit_again(project: Path) -> None:
    build(project, "-j", "1")
    units = project / "reports" / "units.yaml"
    text = units.read_text("utf-8").replace("name: Sở Nội vụ", "name: Sở Nội vụ tỉnh")
    units.write_text(text, "utf-8")
    later = units.stat().st_mtime + 5
    os.utime(units, (later, later))
    code, _, err = build(project, "-j", "1")
    assert code == 0 and "Đọc tệp nguồn: 3 tệp" in err  # the three units' index files
    dashboard = (project / "_build/html/index.html").read_text("utf-8")
    assert "Sở Nội vụ tỉnh" in dashboard


def test_clean_builds_everything_again(project: Path) -> None:
    build(project, "-j", "1")
    code, _, err = build(project, "-j", "1", "--clean")
    assert code == 0 and "Đọc tệp nguồn: 13 tệp" in err


def test_without_conf_py_exit_code_2(project: Path) -> None:
    (project / "conf.py").unlink()
    code, _, err = build(project)
    assert code == 2 and "Không có tệp conf.py" in err


def test_messages_in_english(project: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(project),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main(["--lang", "en", "build", "html", "-j", "1"])
    assert code == 0
    assert "Reading sources: 13 files" in err.getvalue()
    assert out.getvalue().startswith("Built 3 units (0 failed to load, 0 warnings)")


def git(root: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def changed_dates(root: Path) -> dict[str, str]:
    soup = BeautifulSoup((root / "_build/html/index.html").read_text("utf-8"), "lxml")
    return {
        row["data-slug"]: row.select_one("time")["datetime"]
        for row in soup.select("#baocao-dashboard tbody tr")
    }


def test_last_change_is_the_last_commit_or_the_newest_uncommitted_file(project: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the dates from commits cannot be checked")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "units", date="2025-12-20T10:00:00+07:00")
    school = project / "reports" / "truong-thpt-le-quy-don" / "index.md"
    school.write_text(school.read_text("utf-8") + "\nThêm.\n", "utf-8")
    stamp = 1767225600  # 2026-01-01 00:00 UTC
    os.utime(school, (stamp, stamp))
    data = school.parent / "khen-thuong.yaml"  # the unit's other file, older than the edit
    os.utime(data, (stamp - 86400, stamp - 86400))
    build(project, "-j", "1")
    dates = changed_dates(project)
    assert dates["so-noi-vu"] == "2025-12-20"
    assert dates["cong-ty-cap-nuoc-binh-minh"] == "2025-12-20"
    assert dates["truong-thpt-le-quy-don"] == dt.date.fromtimestamp(stamp).isoformat()


@pytest.mark.parametrize(
    ("conf", "told"),
    [
        ('project = "x"\nextensions = [\n', "conf.py:2: Tệp conf.py có lỗi (SyntaxError:"),
        ('extensions = ["baocao.sphinxext"]\nx = y\n', "conf.py:2: Tệp conf.py có lỗi (NameError:"),
        ('project = "x"\n', "conf.py: Tệp conf.py không nạp phần mở rộng baocao.sphinxext."),
    ],
)
def test_a_broken_conf_py_is_told_with_its_line(project: Path, conf: str, told: str) -> None:
    (project / "conf.py").write_text(conf, "utf-8")
    code, _, err = build(project, "-j", "1")
    assert code == 2
    assert f"Lỗi: {told}" in err and "Traceback" not in err


def test_commit_dates_are_read_again_only_when_head_moves(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the dates from commits cannot be checked")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "units", date="2025-12-20T10:00:00+07:00")
    logs: list[tuple[Path, str]] = []
    read_log = lastchange.committed_dates
    monkeypatch.setattr(
        lastchange, "committed_dates", lambda *args: logs.append(args) or read_log(*args)
    )
    build(project, "-j", "1")
    build(project, "-j", "1")
    assert len(logs) == 1  # the second build kept the dates read at the same HEAD

    section = project / "reports/so-noi-vu/3-phuong-huong.md"
    section.write_text(section.read_text("utf-8") + "\nThêm.\n", "utf-8")
    git(project, "commit", "-q", "-am", "more", date="2026-01-05T09:00:00+07:00")
    build(project, "-j", "1")
    assert len(logs) == 2
    dates = changed_dates(project)
    assert dates["so-noi-vu"] == "2026-01-05" and dates["truong-thpt-le-quy-don"] == "2025-12-20"


def test_a_failed_or_shallow_log_is_not_remembered(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the dates from commits cannot be checked")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "units", date="2025-12-20T10:00:00+07:00")
    memo: dict[str, object] = {}
    with monkeypatch.context() as failing:
        failing.setattr(lastchange, "committed_dates", lambda *args: None)
        assert lastchange.remembered_dates(project, "reports", memo) == {}
    assert memo == {}
    dates = lastchange.remembered_dates(project, "reports", memo)
    assert dates["so-noi-vu"] == "2025-12-20" and memo["dates"] == dates

    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", project.as_uri(), str(clone))
    shallow_memo: dict[str, object] = {}
    assert lastchange.remembered_dates(clone, "reports", shallow_memo)["so-noi-vu"] == "2025-12-20"
    assert shallow_memo == {}


def test_word_files_are_linked_from_the_dashboard_and_the_unit_page(project: Path) -> None:
    build(project, "-j", "1")
    before = pages(project)
    docx = project / "_build" / "docx"
    docx.mkdir(parents=True)
    (docx / "so-noi-vu.docx").write_bytes(b"PK word file")
    (docx / "truong-thpt-le-quy-don-du-thao.docx").write_bytes(b"PK draft")
    code, _, _ = build(project, "-j", "1")
    assert code == 0
    after = pages(project)
    rewritten = {page for page in after if after[page] != before[page]}
    assert rewritten == {
        "index.html",
        "search.html",
        "khen-thuong.html",
        "reports/so-noi-vu/index.html",
        "reports/truong-thpt-le-quy-don/index.html",
    }
    site = project / "_build" / "html"
    assert (site / "docx" / "so-noi-vu.docx").read_bytes() == b"PK word file"
    dashboard = BeautifulSoup((site / "index.html").read_text("utf-8"), "lxml")
    links = {a["href"]: a.get_text() for a in dashboard.select("a.baocao-link-docx")}
    assert links == {
        "docx/so-noi-vu.docx": "Word",
        "docx/truong-thpt-le-quy-don-du-thao.docx": "Word (dự thảo)",
    }
    unit = BeautifulSoup((site / "reports/so-noi-vu/index.html").read_text("utf-8"), "lxml")
    link = unit.select_one("a.baocao-docx")
    assert link is not None and link["href"] == "../../docx/so-noi-vu.docx"

    (docx / "so-noi-vu.docx").unlink()
    build(project, "-j", "1")
    unit = BeautifulSoup((site / "reports/so-noi-vu/index.html").read_text("utf-8"), "lxml")
    assert unit.select_one("a.baocao-docx") is None


def test_progress_bar_and_warnings_on_a_terminal(project: Path) -> None:
    shutil.copytree(ROOT / "tests/fixtures/html/thieu-tep", project / "reports/thieu-tep")
    stream = io.StringIO()
    result = build_site(Project.discover(project), BuildProgress(True, stream), 1, False)
    assert [row.slug for row in result.broken] == ["thieu-tep"]
    assert result.warnings == 1
    assert "cảnh báo:" in stream.getvalue() and "2-ket-qua" in stream.getvalue()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert wants_bar(Terminal()) and not wants_bar(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not wants_bar(Terminal())


def test_pages_are_replaced_whole_never_written_in_place(project: Path) -> None:
    assert build(project, "-j", "1")[0] == 0
    out = project / "_build" / "html"
    dashboard, unit = out / "index.html", out / "reports/so-noi-vu/index.html"
    inodes = (dashboard.stat().st_ino, unit.stat().st_ino)
    touch_later(project / "reports/so-noi-vu/3-phuong-huong.md", "\nĐoạn bổ sung mới.\n")
    assert build(project, "-j", "1")[0] == 0
    # A new file moved into place (a reader never sees a half-written page) ...
    assert (dashboard.stat().st_ino, unit.stat().st_ino) != inodes
    assert "Đoạn bổ sung mới." in unit.read_text("utf-8")
    # ... and nothing half-written is left behind.
    assert not list(out.rglob("*.partial"))
