"""``baocao build html --watch``: a rebuild after each change, in one process.

The command runs as a real process (its lines read as they come, Ctrl+C sent as
SIGINT); the watcher's parts are tested in this process.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from queue import Empty, Queue
from threading import Event

import pytest
from baocao.errors import ConfigError
from baocao.project import Project
from baocao.sphinxext.filewatch import Changes, changes_config, watched_paths
from baocao.sphinxext.progress import BuildProgress
from baocao.sphinxext.texts import text
from baocao.sphinxext.watch import Rebuild, error_text, watch_site
from bs4 import BeautifulSoup
from sphinx.errors import ExtensionError
from test_html_site import ROOT

BAOCAO = Path(sys.executable).parent / "baocao"
WAIT_S = 60  # a first build of the examples takes a few seconds; CI machines are slower
UNIT = "reports/so-noi-vu"
SECTION = f"{UNIT}/3-phuong-huong.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "_templates", tmp_path / "_templates")
    shutil.copytree(ROOT / "reports", tmp_path / "reports")
    return tmp_path


class Watcher:
    """``baocao build html --watch`` in ``root``: its lines, stdout and stderr together."""

    def __init__(self, root: Path) -> None:
        env = {**os.environ, "CI": "true", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [str(BAOCAO), "build", "html", "--watch", "-j", "1"],
            cwd=root,
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.lines: Queue[str] = Queue()
        self.seen: list[str] = []
        for stream in (self.process.stdout, self.process.stderr):
            threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: object) -> None:
        for line in iter(stream.readline, ""):  # type: ignore[attr-defined]
            self.lines.put(line.rstrip("\n"))

    def until_waiting(self) -> list[str]:
        """The lines up to the next "waiting for a change" line."""
        got: list[str] = []
        while True:
            try:
                line = self.lines.get(timeout=WAIT_S)
            except Empty:
                pytest.fail(f"no rebuild within {WAIT_S} s; lines so far: {self.seen + got}")
            got.append(line)
            if line == text("cli.watch.waiting"):
                self.seen += got
                return got

    def stop(self) -> tuple[int, list[str]]:
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=WAIT_S)
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get())
        return code, rest


@pytest.fixture
def watcher(project: Path) -> Iterator[Watcher]:
    running = Watcher(project)
    yield running
    if running.process.poll() is None:
        running.process.kill()
        running.process.wait()


def unit_text(root: Path) -> str:
    page = root / "_build/html/reports/so-noi-vu/index.html"
    return BeautifulSoup(page.read_text("utf-8"), "html.parser").get_text(" ")


def mtimes(root: Path) -> dict[str, int]:
    out = root / "_build/html"
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.html")}


def test_an_edit_is_rebuilt_by_the_running_watcher(project: Path, watcher: Watcher) -> None:
    first = watcher.until_waiting()
    assert text("cli.watch.start", paths="reports, _templates/forms, conf.py, pyproject.toml") in (
        first
    )
    assert any(line.startswith("Đã dựng 3 đơn vị (0 không tải được") for line in first)
    before = mtimes(project)

    section = project / SECTION
    section.write_text(section.read_text("utf-8") + "\nĐoạn viết thêm khi đang theo dõi.\n")
    lines = watcher.until_waiting()

    assert f"Có thay đổi: {SECTION}" in lines
    assert any(line.startswith("Đã dựng 3 đơn vị (0 không tải được") for line in lines)
    assert "Đoạn viết thêm khi đang theo dõi." in unit_text(project)
    after = mtimes(project)
    rewritten = {page for page in after if after[page] != before[page]}
    assert rewritten == {
        "index.html",
        "search.html",
        "reports/so-noi-vu/index.html",
        "reports/so-noi-vu/3-phuong-huong.html",
    }


def test_a_broken_units_list_is_reported_and_watching_goes_on(
    project: Path, watcher: Watcher
) -> None:
    watcher.until_waiting()
    units = project / "reports/units.yaml"
    good = units.read_text("utf-8")
    units.write_text(good + "thua: [\n", "utf-8")
    lines = watcher.until_waiting()
    failed = [line for line in lines if line.startswith("Không dựng được trang web:")]
    assert len(failed) == 1 and "units.yaml:" in failed[0] and "sai cú pháp YAML" in failed[0]
    assert watcher.process.poll() is None

    units.write_text(good.replace("name: Sở Nội vụ", "name: Sở Nội vụ tỉnh"), "utf-8")
    lines = watcher.until_waiting()
    assert any(line.startswith("Đã dựng 3 đơn vị (0 không tải được") for line in lines)
    dashboard = (project / "_build/html/index.html").read_text("utf-8")
    assert "Sở Nội vụ tỉnh" in dashboard


def test_ctrl_c_stops_the_watcher_cleanly(watcher: Watcher) -> None:
    watcher.until_waiting()
    code, rest = watcher.stop()
    assert code == 0
    assert text("cli.watch.stopped") in rest
    assert not any("Traceback" in line for line in watcher.seen + rest)


def run_watch(project: Path, stop: Event, reports: Queue[Rebuild]) -> threading.Thread:
    thread = threading.Thread(
        target=watch_site,
        args=(Project.discover(project), BuildProgress(False, io.StringIO()), 1),
        kwargs={"report": reports.put, "stop": stop},
        daemon=True,
    )
    thread.start()
    return thread


def test_a_settings_change_takes_effect_while_watching(project: Path) -> None:
    stop, reports = Event(), Queue[Rebuild]()
    thread = run_watch(project, stop, reports)
    try:
        first = reports.get(timeout=WAIT_S)
        assert first.error is None and first.result is not None and first.result.units == 3
        assert dashboard_warnings(project) == [0, 0, 0]
        settings = project / "pyproject.toml"
        # Every required section now needs more words than any has (BC205, a warning).
        settings.write_text(settings.read_text("utf-8") + "min_words = 100000\n", "utf-8")
        again = reports.get(timeout=WAIT_S)
        assert again.changed == ["pyproject.toml"] and again.error is None
    finally:
        stop.set()
        thread.join(WAIT_S)
    assert not thread.is_alive()
    # The new minimum is in force: every unit has too-short sections now.
    assert all(count > 5 for count in dashboard_warnings(project))


def test_a_form_change_is_read_again_while_watching(project: Path) -> None:
    stop, reports = Event(), Queue[Rebuild]()
    thread = run_watch(project, stop, reports)
    try:
        assert reports.get(timeout=WAIT_S).error is None
        assert "BÁO CÁO THỬ" not in unit_text(project)
        form = project / "_templates/forms/mau-02/form.yaml"
        source = form.read_text("utf-8")
        form.write_text(source.replace("document_type: BÁO CÁO", "document_type: BÁO CÁO THỬ"))
        again = reports.get(timeout=WAIT_S)
        assert again.changed == ["_templates/forms/mau-02/form.yaml"] and again.error is None
    finally:
        stop.set()
        thread.join(WAIT_S)
    assert "BÁO CÁO THỬ" in unit_text(project)


def dashboard_warnings(root: Path) -> list[int]:
    page = (root / "_build/html/index.html").read_text("utf-8")
    rows = BeautifulSoup(page, "html.parser").select("tr.baocao-row")
    return [int(row["data-warnings"]) for row in rows]


def test_changes_made_during_a_build_come_as_one_batch(project: Path) -> None:
    changes = Changes(Project.discover(project), Event())
    changes.start()
    written = [f"{UNIT}/1-dac-diem-tinh-hinh.md", SECTION, "reports/units.yaml"]
    for name in written:
        path = project / name
        path.write_text(path.read_text("utf-8") + "\n", "utf-8")
    time.sleep(1)  # all three land while "a build" runs
    batch = next(iter(changes))
    changes.stop.set()
    assert batch == sorted(written)


def test_watched_paths_are_the_sources_and_the_settings(project: Path) -> None:
    paths = [p.relative_to(project).as_posix() for p in watched_paths(Project.discover(project))]
    assert paths == ["reports", "_templates/forms", "conf.py", "pyproject.toml"]
    found = Project.discover(project)
    assert changes_config(found, ["reports/x.md", "pyproject.toml"])
    assert changes_config(found, ["_templates/forms/mau-02/form.yaml"])
    assert not changes_config(found, ["reports/conf.py", "reports/units.yaml"])


def test_an_error_inside_sphinx_is_told_in_the_users_words() -> None:
    cause = ConfigError("units.yaml-syntax", file="reports/units.yaml", line=4, problem="x")
    wrapped = ExtensionError("Handler threw an exception", orig_exc=cause)
    assert error_text(wrapped) == cause.render()
    assert error_text(wrapped).startswith("reports/units.yaml:4: ")
    assert error_text(RuntimeError()) == "RuntimeError"
