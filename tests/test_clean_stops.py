"""Clean stops: Ctrl+C ends each command with 130 and no process left; one build at a time;
a build clears the temporary files a killed build left.

The Ctrl+C tests run the real command in its own session and send SIGINT to its whole
process group, as a terminal does. Every process the command starts inherits a marker
in its environment; afterwards /proc must hold no process with that marker.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pypandoc
import pytest
from baocao.buildlock import LOCK_NAME, BuildBusy, exclusive_build, remove_temp_files
from lint_helpers import SCHOOL, make_project, run_cli

ROOT = Path(__file__).resolve().parent.parent
BAOCAO = Path(sys.executable).parent / "baocao"
BOUND_S = 10  # generous: the target is 2 s; shared CI machines are slow
START_S = 120  # how long a command may take to get going

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/environ").exists(), reason="needs /proc to find left-over processes"
)


def corpus(tmp_path: Path, units: int) -> Path:
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    module.generate(units, tmp_path, words=300)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "_templates", tmp_path / "_templates")
    return tmp_path


def marked(marker: str) -> list[int]:
    """Processes whose environment holds ``marker`` (started by the command under test)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if f"BAOCAO_STOP_TEST={marker}".encode() in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


class Command:
    """A command in its own session, with a marker every process it starts inherits."""

    def __init__(self, root: Path, *args: str, **extra_env: str) -> None:
        self.marker = uuid.uuid4().hex
        env = {**os.environ, "CI": "true", "PYTHONUNBUFFERED": "1", **extra_env}
        env["BAOCAO_STOP_TEST"] = self.marker
        self.process = subprocess.Popen(
            [str(BAOCAO), *args],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def until_processes(self, count: int) -> None:
        """Wait until the command runs ``count`` processes (itself included)."""
        self.until(lambda names: len(names) >= count)

    def until(self, ready: Callable[[list[str]], bool]) -> None:
        """Wait until ``ready`` holds for the names of the command's processes."""
        deadline = time.monotonic() + START_S
        while not ready(names := [_name(pid) for pid in marked(self.marker)]):
            if self.process.poll() is not None or time.monotonic() > deadline:
                out = self.process.communicate()[0].decode("utf-8", "replace")
                pytest.fail(f"never ready ({names}, exit {self.process.returncode}): {out}")
            time.sleep(0.05)

    def ctrl_c(self) -> tuple[int, float, str]:
        started = time.monotonic()
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            out, _ = self.process.communicate(timeout=BOUND_S)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            pytest.fail(f"still running {BOUND_S} s after Ctrl+C")
        return self.process.returncode, time.monotonic() - started, out.decode("utf-8", "replace")

    def left_over(self) -> list[int]:
        """Marked processes still there once the command ended (a moment to be reaped)."""
        deadline = time.monotonic() + 2
        while (left := marked(self.marker)) and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        return left


@pytest.fixture(scope="module")
def built_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 generated units, their doctrees made by a first build (as `make build` does)."""
    root = corpus(tmp_path_factory.mktemp("stops"), 40)
    done = subprocess.run(
        [str(BAOCAO), "build", "html", "-j", "2"], cwd=root, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    return root


def test_ctrl_c_stops_build_docx_and_its_pandoc_and_workers(built_corpus: Path) -> None:
    command = Command(built_corpus, "build", "docx", "-j", "2")
    command.until(lambda names: names.count("pandoc") == 2)  # two workers, each its pandoc
    code, _seconds, out = command.ctrl_c()
    assert code == 130, out
    assert command.left_over() == []
    assert "Traceback" not in out and "Interrupted" not in out, out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_a_pandoc_deaf_to_it(built_corpus: Path, tmp_path: Path, jobs: str) -> None:
    """A pandoc busy with a long document does not end on SIGINT (nor SIGTERM) and the
    command used to wait for it: a stand-in pandoc that ignores both, deterministically."""
    fake = tmp_path / "pandoc"
    real = pypandoc.get_pandoc_path()
    fake.write_text(
        f'#!/bin/sh\nif [ "$1" = lua ]; then trap "" INT TERM; read line; exec sleep 600; fi\n'
        f'exec "{real}" "$@"\n',
        "utf-8",
    )
    fake.chmod(0o755)
    command = Command(built_corpus, "build", "docx", "-j", jobs, PYPANDOC_PANDOC=str(fake))
    command.until(lambda names: "sleep" in names)  # pandoc is "converting"
    code, _seconds, out = command.ctrl_c()
    assert code == 130, out
    assert command.left_over() == []


def test_ctrl_c_stops_build_html_and_its_readers(built_corpus: Path) -> None:
    command = Command(built_corpus, "build", "html", "--clean", "-j", "2")
    command.until_processes(2)  # Sphinx's reader processes are running
    code, _seconds, out = command.ctrl_c()
    assert code == 130, out
    assert command.left_over() == []


def test_ctrl_c_stops_lint_and_its_workers(built_corpus: Path) -> None:
    command = Command(built_corpus, "lint", "-j", "2", "--format", "json")
    command.until_processes(3)
    code, _seconds, out = command.ctrl_c()
    assert code in (130, 0, 1), out  # lint of 40 short units may end before the signal
    if code == 130:
        assert "Traceback" not in out
    assert command.left_over() == []


# ---- one build of a tree at a time ----


def test_a_second_build_refuses_at_once_naming_the_holder(example_project: Path) -> None:
    shutil.copy(ROOT / "conf.py", example_project / "conf.py")
    with exclusive_build(example_project, wait=False):
        for args in (["build", "html"], ["build", "docx"]):
            done = run_cli(example_project, *args)
            assert done.code == 1, done.err
            assert f"tiến trình số {os.getpid()}" in done.err
            assert "--wait" in done.err and LOCK_NAME in done.err
        assert not (example_project / "_build" / "html").exists()
    assert run_cli(example_project, "build", "docx", SCHOOL).code == 0  # released


def test_exclusive_build_refuses_while_held(tmp_path: Path) -> None:
    with (
        exclusive_build(tmp_path, wait=False),
        pytest.raises(BuildBusy) as busy,
        exclusive_build(tmp_path, wait=False),
    ):
        pass
    assert busy.value.params["pid"] == str(os.getpid())
    with pytest.raises(RuntimeError), exclusive_build(tmp_path, wait=False):
        raise RuntimeError("a failed build")
    with exclusive_build(tmp_path, wait=False):  # the failure released it
        pass


def test_wait_waits_for_the_holder_then_builds(example_project: Path) -> None:
    """A holder in another process; the build says it waits, and builds once released."""
    shutil.copy(ROOT / "conf.py", example_project / "conf.py")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from baocao.buildlock import exclusive_build\n"
            "with exclusive_build(Path(sys.argv[1]), wait=False):\n"
            "    print('held', flush=True); sys.stdin.readline()\n",
            str(example_project),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "held"
    build = subprocess.Popen(
        [str(BAOCAO), "build", "docx", "--wait", SCHOOL],
        cwd=example_project,
        env={**os.environ, "CI": "true"},
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert build.stderr is not None
    waiting = build.stderr.readline()
    assert f"tiến trình số {holder.pid}" in waiting and "đang chờ" in waiting, waiting
    assert build.poll() is None  # still waiting while the lock is held
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.wait(timeout=START_S) == 0
    assert build.wait(timeout=START_S) == 0, build.stderr.read()
    assert (example_project / "_build" / "docx" / f"{SCHOOL}.docx").is_file()


# ---- temporary files of a killed build ----


def test_a_build_clears_what_a_killed_build_left(example_project: Path) -> None:
    """What SIGKILL between a temporary file's write and its rename leaves is not kept."""
    shutil.copy(ROOT / "conf.py", example_project / "conf.py")
    html = example_project / "_build" / "html"
    docx = example_project / "_build" / "docx"
    html.mkdir(parents=True)
    docx.mkdir(parents=True)
    left = [html / ".index.html.k3j_a9xq.tmp", docx / f".{SCHOOL}.docx.0a1b2c3d.tmp"]
    for path in left:
        path.write_text("half a file", "utf-8")
    kept = html / "ghi-chu.tmp"  # not a temporary file of ours: a user's, kept
    kept.write_text("x", "utf-8")
    assert run_cli(example_project, "build", "html").code == 0
    assert [p for p in left if p.exists()] == []
    assert kept.exists()
    (docx / ".x.docx.zzzzzzzz.tmp").write_text("half", "utf-8")
    assert run_cli(example_project, "build", "docx", SCHOOL).code == 0
    assert not (docx / ".x.docx.zzzzzzzz.tmp").exists()


def test_remove_temp_files_keeps_other_files(tmp_path: Path) -> None:
    names = [".a.html.abcdefgh.tmp", "a.tmp", ".a.tmp", ".a.html.abc.tmp", "page.html"]
    for name in names:
        (tmp_path / name).write_text("x", "utf-8")
    assert remove_temp_files(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[1:])


def test_fix_has_nothing_to_do_with_the_lock(tmp_path: Path) -> None:
    """lint never takes the build lock: it writes no build output."""
    root = make_project(tmp_path, SCHOOL)
    with exclusive_build(root, wait=False):
        assert run_cli(root, "lint").code == 0
