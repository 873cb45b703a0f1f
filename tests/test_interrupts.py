"""Ctrl+C is told apart from a failure even when a library turns it into another error
(Sphinx's parallel reading turns it into a KeyError from its task bookkeeping)."""

from __future__ import annotations

import io
import os
import shutil
import signal
import threading
from pathlib import Path

import pytest
from baocao.cli import main
from baocao.interrupts import noting_interrupt
from baocao.project import Project
from baocao.sphinxext import run, watch
from baocao.sphinxext.progress import BuildProgress
from baocao.sphinxext.watch import SiteWatcher
from sphinx.errors import SphinxParallelError
from test_html_site import ROOT


def ctrl_c_then_key_error(*args: object, **kwargs: object) -> None:
    """What Sphinx does when Ctrl+C arrives while it waits for its readers."""
    try:
        os.kill(os.getpid(), signal.SIGINT)
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)  # deliver it now
    except KeyboardInterrupt:
        raise KeyError(3) from None


def test_the_event_is_set_before_keyboard_interrupt_and_the_handler_restored() -> None:
    event = threading.Event()
    before = signal.getsignal(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt), noting_interrupt(event):
        os.kill(os.getpid(), signal.SIGINT)
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)
    assert event.is_set()
    assert signal.getsignal(signal.SIGINT) is before


def test_outside_the_main_thread_nothing_is_installed() -> None:
    seen: list[object] = []

    def inside() -> None:
        with noting_interrupt(threading.Event()):
            seen.append(signal.getsignal(signal.SIGINT))

    before = signal.getsignal(signal.SIGINT)
    thread = threading.Thread(target=inside)
    thread.start()
    thread.join()
    assert seen == [before]


@pytest.fixture
def project(example_project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example units with conf.py, as the current directory; plain progress lines."""
    shutil.copy(ROOT / "conf.py", example_project / "conf.py")
    monkeypatch.setenv("CI", "true")
    return example_project


def test_the_command_exits_130_not_as_an_internal_error(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(run, "build", ctrl_c_then_key_error)
    assert main(["build", "html"]) == 130
    assert "Lỗi nội bộ" not in capsys.readouterr().err


def ctrl_c_then_reader_error(*args: object, **kwargs: object) -> None:
    """A reader process's error reaching Sphinx before the Ctrl+C itself."""
    try:
        os.kill(os.getpid(), signal.SIGINT)
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)
    except KeyboardInterrupt:
        raise SphinxParallelError("KeyboardInterrupt", "in a reader") from None


def test_a_command_that_takes_ctrl_c_for_a_failure_still_exits_130(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "build", ctrl_c_then_reader_error)
    assert main(["build", "html"]) == 130


class Quiet:
    def __init__(self) -> None:
        self.told: list[str] = []

    def changed(self, paths: list[str]) -> None:
        self.told.append("changed")

    def built(self, result: object) -> None:
        self.told.append("built")

    def failed(self, error: str) -> None:
        self.told.append(f"failed: {error}")


def test_the_watcher_stops_instead_of_reporting_a_failure(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watch, "build", ctrl_c_then_key_error)
    listener = Quiet()
    progress = BuildProgress(False, io.StringIO())
    watcher = SiteWatcher(Project.discover(project), progress, 1, listener)
    assert watcher.run() is None  # ended, not failed; without noting it, it would wait on
    assert listener.told == [] and watcher.stop.is_set()


class SignalledWhileFinalized:
    """An object whose finalizer receives ``signum``, as a signal can arrive while the
    garbage collector runs one: Python can only print the handler's exception there."""

    def __init__(self, signum: int) -> None:
        self.signum = signum

    def __del__(self) -> None:
        signal.raise_signal(self.signum)


def test_ctrl_c_falling_in_a_finalizer_is_raised_again_not_printed(
    capfd: pytest.CaptureFixture[str],
) -> None:
    event = threading.Event()
    with pytest.raises(KeyboardInterrupt), noting_interrupt(event):
        finalized = SignalledWhileFinalized(signal.SIGINT)
        del finalized
        threading.Event().wait(5)  # without raising it again, the command would go on
    assert event.is_set()
    assert "Exception ignored" not in capfd.readouterr().err
