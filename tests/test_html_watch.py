"""``baocao build html --watch``: a rebuild after each change, in one process.

The command runs as a real process (its lines read as they come, Ctrl+C sent as
SIGINT); the watcher itself also runs in a thread of this process, with a listener
that records what it is told.
"""

from __future__ import annotations

import importlib.util
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
from typing import Any

import pytest
import watchfiles
from baocao import filewatch
from baocao.cli import main
from baocao.errors import ConfigError
from baocao.filewatch import Changes, changes_config, watch_of, watched_paths
from baocao.lint import lint_unit
from baocao.project import Project
from baocao.sphinxext.progress import BuildProgress
from baocao.sphinxext.run import SiteResult
from baocao.sphinxext.texts import text
from baocao.sphinxext.watch import SiteWatcher, error_text
from bs4 import BeautifulSoup
from sphinx.errors import ExtensionError
from test_html_build import pages
from test_html_site import ROOT

BAOCAO = Path(sys.executable).parent / "baocao"
WAIT_S = 60  # a first build of the examples takes a few seconds; CI machines are slower
UNIT = "reports/so-noi-vu"
SECTION = f"{UNIT}/3-phuong-huong.md"
BUILT = "Đã dựng 3 đơn vị (0 không tải được"


@pytest.fixture
def project(example_project: Path) -> Path:
    """The example units with conf.py and the user guide, as the current directory."""
    shutil.copy(ROOT / "conf.py", example_project / "conf.py")
    shutil.copytree(ROOT / "docs", example_project / "docs")
    return example_project


class Process:
    """``baocao build html --watch`` in ``root``: its output lines (stderr merged, in order)."""

    def __init__(self, root: Path, jobs: str = "1") -> None:
        env = {**os.environ, "CI": "true", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [str(BAOCAO), "build", "html", "--watch", "-j", jobs],
            cwd=root,
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.lines: Queue[str] = Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in iter(self.process.stdout.readline, ""):
            self.lines.put(line.rstrip("\n"))

    def until(self, wanted: str) -> list[str]:
        """The lines up to one that starts with ``wanted``."""
        got: list[str] = []
        deadline = time.monotonic() + WAIT_S
        while True:
            try:
                line = self.lines.get(timeout=1)
            except Empty:
                ended = self.process.poll() is not None
                if ended or time.monotonic() > deadline:
                    why = f"exited with {self.process.returncode}" if ended else f"{WAIT_S} s"
                    pytest.fail(f"no {wanted!r} ({why}); lines so far: {self.seen + got}")
                continue
            got.append(line)
            if line.startswith(wanted):
                self.seen += got
                return got

    def until_waiting(self) -> list[str]:
        return self.until(text("cli.watch.waiting"))

    def stop(self) -> tuple[int, list[str]]:
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=WAIT_S)
        self.reader.join(timeout=WAIT_S)  # it ends at the end of the output
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get())
        return code, rest


@pytest.fixture
def process(project: Path) -> Iterator[Process]:
    running = Process(project)
    yield running
    if running.process.poll() is None:
        running.process.kill()
        running.process.wait()


def page_text(root: Path, page: str = "reports/so-noi-vu/index.html") -> str:
    html = (root / "_build/html" / page).read_text("utf-8")
    return BeautifulSoup(html, "html.parser").get_text(" ")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def test_an_edit_is_rebuilt_by_the_running_watcher(project: Path, process: Process) -> None:
    first = process.until_waiting()
    watched = "reports, _templates/forms, conf.py, docs/chuyen-tu-word.md, docs/huong-dan.md, "
    watched += "docs/nam-moi.md, docs/quy-trinh.md, "
    assert text("cli.watch.start", paths=watched + "docs/rules.md, pyproject.toml") in first
    assert any(line.startswith(BUILT) for line in first)
    before = pages(project)

    append(project / SECTION, "\nĐoạn viết thêm khi đang theo dõi.\n")
    lines = process.until_waiting()

    assert lines[0] == f"Có thay đổi: {SECTION}"  # announced before the build's own lines
    assert any(line.startswith(BUILT) for line in lines)
    assert "Đoạn viết thêm khi đang theo dõi." in page_text(project)
    after = pages(project)
    rewritten = {page for page in after if after[page] != before[page]}
    assert rewritten == {
        "index.html",
        "search.html",
        "khen-thuong.html",  # the board's roll-up, like the dashboard, on every build
        "reports/so-noi-vu/index.html",
        "reports/so-noi-vu/3-phuong-huong.html",
    }


def test_the_edited_unit_is_told_where_it_stands(project: Path, process: Process) -> None:
    process.until_waiting()
    append(project / SECTION, "\nMột chữ <b>đậm</b> viết bằng HTML.\n")
    lines = process.until_waiting()
    found = Project.discover(project)
    result = lint_unit(found, project / UNIT)
    assert result.errors >= 1  # the HTML is an error (BC501)
    summary = text(
        "lint.unit-summary",
        present=result.present,
        required=result.required,
        errors=result.errors,
        warnings=result.warnings,
    )
    name = found.units.units["so-noi-vu"].name
    page = "_build/html/reports/so-noi-vu/index.html"
    assert text("cli.watch.unit", unit=name, summary=summary, page=page) in lines


def test_a_file_with_an_old_time_is_read_again(project: Path, process: Process) -> None:
    """Sphinx alone compares times: a file copied with its old time would be skipped."""
    process.until_waiting()
    section = project / SECTION
    old = section.stat().st_mtime - 86400 * 365
    append(section, "\nĐoạn chép từ bản cũ.\n")
    os.utime(section, (old, old))
    process.until_waiting()
    assert "Đoạn chép từ bản cũ." in page_text(project)


def test_a_broken_units_list_is_reported_and_watching_goes_on(
    project: Path, process: Process
) -> None:
    process.until_waiting()
    units = project / "reports/units.yaml"
    good = units.read_text("utf-8")
    units.write_text(good + "thua: [\n", "utf-8")
    lines = process.until_waiting()
    failed = [line for line in lines if line.startswith("Không dựng được trang web:")]
    assert len(failed) == 1 and "units.yaml:" in failed[0] and "sai cú pháp YAML" in failed[0]
    assert process.process.poll() is None

    units.write_text(good.replace("name: Sở Nội vụ", "name: Sở Nội vụ tỉnh"), "utf-8")
    lines = process.until_waiting()
    assert any(line.startswith(BUILT) for line in lines)
    assert "Sở Nội vụ tỉnh" in page_text(project, "index.html")


def test_ctrl_c_stops_the_watcher_cleanly(process: Process) -> None:
    process.until_waiting()
    code, rest = process.stop()
    assert code == 130
    assert text("cli.watch.stopped") in rest
    assert not any("Traceback" in line for line in process.seen + rest)


def generated_project(root: Path, units: int) -> Path:
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench/gen_corpus.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    generator.generate(units, root, seed=0)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "_templates", root / "_templates")
    return root


def test_ctrl_c_during_a_parallel_read_stops_the_watcher(tmp_path: Path) -> None:
    root = generated_project(tmp_path / "big", 15)  # over 80 documents: read by 2 processes
    running = Process(root, jobs="2")
    try:
        running.until("Đọc tệp nguồn:")
        time.sleep(0.3)
        code, rest = running.stop()
    finally:
        if running.process.poll() is None:
            running.process.kill()
    assert code == 130
    assert text("cli.watch.stopped") in rest
    assert not [line for line in rest if "Traceback" in line or "Không dựng được" in line], rest


class Recorder:
    """A listener that queues what the watcher tells."""

    def __init__(self) -> None:
        self.events: Queue[tuple[str, object]] = Queue()

    def changed(self, paths: list[str]) -> None:
        self.events.put(("changed", paths))

    def built(self, result: SiteResult) -> None:
        self.events.put(("built", result))

    def failed(self, error: str) -> None:
        self.events.put(("failed", error))

    def next_build(self) -> tuple[list[str], SiteResult]:
        """The paths announced before the next build (none for the first) and its result."""
        changed: list[str] = []
        while True:
            kind, value = self.events.get(timeout=WAIT_S)
            if kind == "changed":
                changed = value  # type: ignore[assignment]
            elif kind == "built":
                return changed, value  # type: ignore[return-value]
            else:
                pytest.fail(f"the build failed: {value}")

    def next_failure(self) -> str:
        """The error of the next failed build, past any change announced before it."""
        while True:
            kind, value = self.events.get(timeout=WAIT_S)
            if kind == "failed":
                return str(value)
            if kind == "built":
                pytest.fail("a build succeeded where one should fail")


class InThread:
    """The watcher in a thread of this process, stopped on leaving the ``with``."""

    def __init__(self, root: Path) -> None:
        self.recorder = Recorder()
        progress = BuildProgress(False, io.StringIO())
        self.watcher = SiteWatcher(Project.discover(root), progress, 1, self.recorder)
        self.thread = threading.Thread(target=self.watcher.run, daemon=True)

    def __enter__(self) -> Recorder:
        self.thread.start()
        return self.recorder

    def __exit__(self, *exc: object) -> None:
        self.watcher.stop.set()
        self.thread.join(WAIT_S)
        assert not self.thread.is_alive()


def top_link(root: Path) -> str:
    html = (root / "_build/html/index.html").read_text("utf-8")
    link = BeautifulSoup(html, "html.parser").select_one("a.baocao-guide-link")
    assert link is not None
    return str(link["href"])


def test_a_settings_change_makes_a_new_configuration(project: Path) -> None:
    settings = project / "pyproject.toml"
    with InThread(project) as recorder:
        recorder.next_build()
        assert top_link(project) == "docs/huong-dan.html"
        # A setting Sphinx's configuration is made from (include_patterns, the guide).
        append(settings, 'guide_pages = ["docs/quy-trinh.md"]\n')
        changed, result = recorder.next_build()
        assert changed == ["pyproject.toml"] and result.units == 3
        assert top_link(project) == "docs/quy-trinh.html"


def test_a_folder_the_new_settings_name_is_watched_from_then_on(project: Path) -> None:
    (project / "guide").mkdir()
    (project / "guide/trang.md").write_text("# Trang hướng dẫn riêng\n\nMột.\n", "utf-8")
    with InThread(project) as recorder:
        recorder.next_build()
        append(project / "pyproject.toml", 'guide_pages = ["guide/trang.md"]\n')
        assert recorder.next_build()[0] == ["pyproject.toml"]
        assert top_link(project) == "guide/trang.html"
        append(project / "guide/trang.md", "\nHai.\n")
        changed, _ = recorder.next_build()
        assert changed == ["guide/trang.md"]
        assert "Hai." in page_text(project, "guide/trang.html")


def test_a_reports_folder_removed_and_restored_is_watched_again(project: Path) -> None:
    reports = project / "reports"
    with InThread(project) as recorder:
        recorder.next_build()
        kept = project.parent / f"{project.name}-reports"
        reports.rename(kept)  # as `git checkout` of a removed folder does
        assert recorder.next_build()[1].units == 0
        kept.rename(reports)
        assert recorder.next_build()[1].units == 3
        append(project / SECTION, "\nSau khi khôi phục thư mục.\n")
        until_page_has(recorder, project, "Sau khi khôi phục thư mục.")


def test_a_reports_folder_made_again_in_place_is_watched_again(project: Path) -> None:
    reports = project / "reports"
    kept = project.parent / f"{project.name}-copy"
    shutil.copytree(reports, kept)
    with InThread(project) as recorder:
        recorder.next_build()
        shutil.rmtree(reports)  # the new folder may even get the old inode number back
        shutil.copytree(kept, reports)
        append(project / SECTION, "\nSau khi tạo lại thư mục.\n")
        until_page_has(recorder, project, "Sau khi tạo lại thư mục.")


def test_an_event_on_a_watched_folder_itself_makes_the_watches_again(project: Path) -> None:
    """Whatever the inode numbers say (ext4 may give a folder made again the old one)."""
    found = Project.discover(project)
    changes = Changes(found, threading.Event())
    changes.start()
    changes.close()
    assert not changes.stale(found, [SECTION, "reports/units.yaml", "conf.py"])
    for folder in ("reports", "_templates", "_templates/forms", "docs"):
        assert changes.stale(found, [folder])


def until_page_has(recorder: Recorder, root: Path, wanted: str) -> None:
    """Builds until the unit's page shows ``wanted`` (batches may split on a slow machine)."""
    deadline = time.monotonic() + WAIT_S
    while wanted not in page_text(root):
        assert time.monotonic() < deadline, f"{wanted!r} never reached the page"
        recorder.next_build()


def test_a_folder_gone_while_the_watches_are_set_up_is_not_a_failure(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    real_watch = filewatch.watchfiles.watch

    def gone_once(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        if len(calls) == 1:
            raise FileNotFoundError("docs")
        return real_watch(*args, **kwargs)

    monkeypatch.setattr(filewatch.watchfiles, "watch", gone_once)
    changes = Changes(Project.discover(project), threading.Event())
    changes.start()
    try:
        append(project / SECTION, "\n")
        assert next(iter(changes)) == [SECTION]
    finally:
        changes.close()
    assert len(calls) >= 3  # the failed attempt, then both watches again


def test_a_guide_folder_made_after_the_start_is_watched(project: Path) -> None:
    docs = project.parent / f"{project.name}-docs"
    (project / "docs").rename(docs)
    with InThread(project) as recorder:
        recorder.next_build()
        docs.rename(project / "docs")
        recorder.next_build()
        assert top_link(project) == "docs/huong-dan.html"
        append(project / "docs/quy-trinh.md", "\nDòng thêm vào hướng dẫn.\n")
        assert recorder.next_build()[0] == ["docs/quy-trinh.md"]
        assert "Dòng thêm vào hướng dẫn." in page_text(project, "docs/quy-trinh.html")


def test_files_of_a_failed_build_are_read_again_after_it(project: Path) -> None:
    conf = project / "conf.py"
    good = conf.read_text("utf-8")
    section = project / SECTION
    with InThread(project) as recorder:
        recorder.next_build()
        save(conf, good + "\nthis is not python\n")
        assert recorder.next_failure().startswith("conf.py:")
        old = section.stat().st_mtime - 86400
        append(section, "\nViết trong lúc cấu hình hỏng.\n")
        os.utime(section, (old, old))  # a time Sphinx alone would take for unchanged
        assert recorder.next_failure().startswith("conf.py:")  # still broken: not built
        save(conf, good)
        changed, _ = recorder.next_build()
        assert SECTION in changed  # the failed build's file comes again
        assert "Viết trong lúc cấu hình hỏng." in page_text(project)


def save(path: Path, content: str) -> None:
    """Save as an editor does: a new file renamed over the old one."""
    draft = path.with_name(path.name + ".new")
    draft.write_text(content, "utf-8")
    draft.replace(path)


def test_settings_saved_by_renaming_are_seen_every_time(project: Path) -> None:
    settings = project / "pyproject.toml"
    with InThread(project) as recorder:
        recorder.next_build()
        for minimum in (100000, 0):
            draft = project / "pyproject.toml.new"
            draft.write_text(settings.read_text("utf-8") + f"min_words = {minimum}\n", "utf-8")
            draft.replace(settings)  # as editors and git save: a new file renamed over
            changed, _ = recorder.next_build()
            assert changed == ["pyproject.toml"]
            settings.write_text(settings.read_text("utf-8").replace(f"min_words = {minimum}\n", ""))
            assert recorder.next_build()[0] == ["pyproject.toml"]


def test_a_form_change_is_read_again_while_watching(project: Path) -> None:
    form = project / "_templates/forms/mau-02/form.yaml"
    with InThread(project) as recorder:
        recorder.next_build()
        assert "BÁO CÁO THỬ" not in page_text(project)
        source = form.read_text("utf-8")
        form.write_text(source.replace("document_type: BÁO CÁO", "document_type: BÁO CÁO THỬ"))
        changed, _ = recorder.next_build()
        assert changed == ["_templates/forms/mau-02/form.yaml"]
        assert "BÁO CÁO THỬ" in page_text(project)


def test_a_guide_page_edit_is_rebuilt(project: Path) -> None:
    with InThread(project) as recorder:
        recorder.next_build()
        append(project / "docs/quy-trinh.md", "\nMột dòng mới của hướng dẫn.\n")
        changed, _ = recorder.next_build()
        assert changed == ["docs/quy-trinh.md"]
        assert "Một dòng mới của hướng dẫn." in page_text(project, "docs/quy-trinh.html")


def queued(changes: Changes) -> set[str]:
    """The paths of the batches waiting to be taken."""
    with changes.batches.mutex:
        return {path for batch in changes.batches.queue for path in batch}


def test_changes_made_during_a_build_come_as_one_batch(project: Path) -> None:
    changes = Changes(Project.discover(project), threading.Event())
    changes.start()
    written = [f"{UNIT}/1-dac-diem-tinh-hinh.md", SECTION, "pyproject.toml", "reports/units.yaml"]
    for name in written:
        append(project / name, "\n")
    deadline = time.monotonic() + WAIT_S  # all of them land while "a build" runs
    while queued(changes) != set(written) and time.monotonic() < deadline:
        time.sleep(0.05)
    batch = next(iter(changes))
    changes.close()
    assert batch == sorted(written)


def test_what_needs_a_new_configuration(project: Path) -> None:
    found = Project.discover(project)
    guide = ["docs/huong-dan", "docs/quy-trinh", "docs/rules"]
    assert changes_config(found, ["reports/x.md", "pyproject.toml"], guide)
    assert changes_config(found, ["_templates/forms/mau-02/form.yaml"], guide)
    assert not changes_config(found, ["reports/conf.py", "reports/units.yaml"], guide)
    assert not changes_config(found, ["docs/rules.md"], guide)  # an edit: a rebuild
    (project / "docs/rules.md").unlink()
    assert changes_config(found, ["docs/rules.md"], guide)  # gone: the guide changes


def test_watched_paths_name_the_folders_then_the_files(project: Path) -> None:
    (project / "docs/rules.md").unlink()
    assert watched_paths(Project.discover(project)) == [
        "reports",
        "_templates/forms",
        "conf.py",
        "docs/chuyen-tu-word.md",
        "docs/huong-dan.md",
        "docs/nam-moi.md",
        "docs/quy-trinh.md",
        "pyproject.toml",
    ]


def test_a_watch_that_cannot_start_is_told_and_exits_1(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_watch(*args: object, **kwargs: object) -> Iterator[set[object]]:
        raise OSError("OS file watch limit reached")

    monkeypatch.setattr(filewatch.watchfiles, "watch", no_watch)
    monkeypatch.chdir(project)
    assert main(["build", "html", "--watch"]) == 1
    err = capsys.readouterr().err
    assert "Không theo dõi được các thay đổi: OSError: OS file watch limit reached." in err
    assert "Lỗi nội bộ" not in err


def test_an_error_inside_sphinx_is_told_in_the_users_words() -> None:
    cause = ConfigError("units.yaml-syntax", file="reports/units.yaml", line=4, problem="x")
    wrapped = ExtensionError("Handler threw an exception", orig_exc=cause)
    assert error_text(wrapped) == cause.render()
    assert error_text(wrapped).startswith("reports/units.yaml:4: ")
    assert error_text(RuntimeError()) == "RuntimeError"
    assert error_text(KeyError(0)) == "KeyError: 0"


@pytest.mark.parametrize(
    ("name", "counts"),
    [
        ("index.md", True),
        ("bieu-do.png", True),
        ("units.yaml", True),
        ("sedAbC123", False),  # sed -i
        ("4913", False),  # vim checks it may write the folder
        (".index.md.swp", False),
        ("index.md~", False),
        (".index.md.k2j3h4.tmp", False),  # baocao's own atomic writes
        (".goutputstream-X1Y2Z3", False),  # gedit
        ("bao-cao.docx.crdownload", False),
    ],
)
def test_editors_temporary_files_are_not_changes(tmp_path: Path, name: str, counts: bool) -> None:
    watch = watch_of([tmp_path])
    assert watch.accepts(watchfiles.Change.added, str(tmp_path / "don-vi" / name)) is counts


def test_a_new_folder_without_a_suffix_is_a_change(tmp_path: Path) -> None:
    (tmp_path / "2-ket-qua").mkdir()
    watch = watch_of([tmp_path.parent])
    assert watch.accepts(watchfiles.Change.added, str(tmp_path / "2-ket-qua"))
