"""The limits on one unit (``baocao.limits``): past one, the unit gets BC008 naming the
limit and its setting, it is neither read nor built, and the other units go on."""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, suppress
from pathlib import Path

import pytest
from attacks import EXAMPLES, add_unit, docx_text, make_project
from attacks import run_here as run
from baocao import limits
from baocao.config import Settings
from baocao.errors import ConfigError
from baocao.faults import UnitFault
from baocao.limits import deadline

VICTIM = "qua-lon"


def set_limit(project: Path, line: str) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text("utf-8") + line + "\n", "utf-8")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CI", "true")
    root = make_project(tmp_path)
    add_unit(root, VICTIM)
    return root


def big_file(unit: Path) -> None:
    (unit / "phu-luc.md").write_text("# Phụ lục\n\n" + "Nội dung dài. " * 2000, "utf-8")


def many_files(unit: Path) -> None:
    for n in range(60):
        (unit / f"tep-{n}.md").write_text(f"# Tệp {n}\n", "utf-8")


def deep_file(unit: Path) -> None:
    folder = unit.joinpath(*[f"c{n}" for n in range(9)])
    folder.mkdir(parents=True)
    (folder / "sau.md").write_text("# Sâu\n", "utf-8")


def big_unit(unit: Path) -> None:
    for n in range(8):
        (unit / f"phan-{n}.md").write_text("# Phần\n\n" + "Nội dung. " * 3000, "utf-8")


@pytest.mark.parametrize(
    ("make", "setting"),
    [
        (big_file, "max_file_bytes = 20000"),
        (many_files, "max_unit_files = 50"),
        (deep_file, "max_depth = 6"),
        (big_unit, "max_unit_bytes = 150000"),
    ],
    ids=["file-bytes", "unit-files", "depth", "unit-bytes"],
)
def test_a_unit_past_a_limit_is_a_finding_and_not_built(
    project: Path, make: Callable[[Path], None], setting: str
) -> None:
    make(project / "reports" / VICTIM)
    set_limit(project, setting)
    name = setting.split(" ", 1)[0]
    code, out, err = run(project, "lint", "--format", "json")
    assert code == 1
    units = {unit["unit"]: unit["diagnostics"] for unit in json.loads(out)["units"]}
    found = units[VICTIM]
    assert [d["code"] for d in found] == ["BC008"]
    assert name in found[0]["message"] and "pyproject.toml" in found[0]["message"]
    assert found[0]["file"].startswith(f"reports/{VICTIM}")
    assert all(d["code"] != "BC008" for unit in EXAMPLES for d in units[unit])

    code, _, err = run(project, "build", "html", "-j", "1")
    assert code == 1 and "Traceback" not in err
    html = project / "_build" / "html" / "reports"
    assert not (html / VICTIM).exists()
    assert all((html / unit / "index.html").is_file() for unit in EXAMPLES)
    code, _, err = run(project, "build", "docx", "-j", "1")
    docx = project / "_build" / "docx"
    assert not list(docx.glob(f"{VICTIM}*.docx"))
    assert all("BÁO CÁO" in docx_text(docx / f"{unit}.docx") for unit in EXAMPLES)


def _slow_for_victim(original: Callable, where: Callable[..., str]) -> Callable:
    """``original``, but blocking far past the one-second limit for the victim unit."""

    def patched(*args, **kwargs):
        if f"reports/{VICTIM}" in where(*args, **kwargs):
            time.sleep(60)
        return original(*args, **kwargs)

    return patched


def only_the_victim_timed(
    monkeypatch: pytest.MonkeyPatch, *modules: object
) -> list[tuple[str, str, int]]:
    """The time limit as the setting gives it for the victim only; an hour for the others.

    An example unit is read or converted in well under the setting's one second, but not
    on a loaded machine, where a real one-second limit left it out too. The victim's
    limit is certain to pass: its stand-in blocks for a minute. Returns the (unit,
    setting, limit) each deadline was given, for the test to check the setting's value."""
    given: list[tuple[str, str, int]] = []

    def deadline(
        seconds: float, file: str, setting: str, limit: int
    ) -> AbstractContextManager[None]:
        given.append((file, setting, limit))
        return limits.deadline(seconds if VICTIM in file else 3600, file, setting, limit)

    for module in modules:
        monkeypatch.setattr(module, "deadline", deadline)
    return given


def test_reading_a_unit_past_its_time_leaves_out_its_page(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from baocao.sphinxext import reading
    from baocao.sphinxext.parser import SafeMystParser

    set_limit(project, "html_seconds_per_unit = 1")
    given = only_the_victim_timed(monkeypatch, reading)
    slow = _slow_for_victim(SafeMystParser.parse, lambda self, text, doc: doc["source"])
    monkeypatch.setattr(SafeMystParser, "parse", slow)
    code, _, err = run(project, "build", "html", "-j", "1")
    assert code == 1 and "html_seconds_per_unit" in err
    html = project / "_build" / "html"
    assert not (html / "reports" / VICTIM / "index.html").exists()
    assert all((html / "reports" / unit / "index.html").is_file() for unit in EXAMPLES)
    assert "html_seconds_per_unit" in (html / "index.html").read_text("utf-8")
    assert (f"reports/{VICTIM}", "html_seconds_per_unit", 1) in given


def test_converting_a_unit_past_its_time_leaves_out_its_word_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from baocao.docx import convert
    from baocao.sphinxext import docx_builder

    assert run(project, "build", "html", "-j", "1")[0] == 0
    set_limit(project, "docx_seconds_per_unit = 1")
    given = only_the_victim_timed(monkeypatch, convert, docx_builder)
    slow = _slow_for_victim(convert.finish, lambda data, meta, nd: f"reports/{meta.unit}")
    monkeypatch.setattr(convert, "finish", slow)
    code, _, err = run(project, "build", "docx", "-j", "1")
    assert code == 1 and "docx_seconds_per_unit" in err
    docx = project / "_build" / "docx"
    assert not list(docx.glob(f"{VICTIM}*.docx"))
    assert all("BÁO CÁO" in docx_text(docx / f"{unit}.docx") for unit in EXAMPLES)
    assert (f"reports/{VICTIM}", "docx_seconds_per_unit", 1) in given


@pytest.mark.parametrize("name", ["max_file_bytes", "max_depth", "docx_seconds_per_unit"])
def test_a_negative_limit_is_a_configuration_error(name: str) -> None:
    with pytest.raises(ConfigError):
        Settings(**{name: -1})


def test_a_limit_of_zero_switches_it_off(project: Path) -> None:
    big_file(project / "reports" / VICTIM)
    set_limit(project, "max_file_bytes = 0")
    _, out, _ = run(project, "lint", "--format", "json")
    units = {unit["unit"]: unit["diagnostics"] for unit in json.loads(out)["units"]}
    assert all(d["code"] != "BC008" for d in units[VICTIM])


class AlarmedWhileFinalized:
    """An object whose finalizer receives the deadline's timer signal, as the timer can
    fire while the garbage collector runs one: Python can only print the error there."""

    def __del__(self) -> None:
        signal.raise_signal(signal.SIGALRM)


def test_a_deadline_falling_in_a_finalizer_still_stops_the_block(
    capfd: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(UnitFault) as stopped, deadline(60, "a/index.md", "x_seconds", 60):
        finalized = AlarmedWhileFinalized()
        del finalized
        threading.Event().wait(5)  # without the timer again, the unit would run on
    assert stopped.value.diagnostic.params["setting"] == "x_seconds"
    assert "Exception ignored" not in capfd.readouterr().err


def test_a_deadline_caught_by_a_library_fires_again() -> None:
    with pytest.raises(UnitFault), deadline(0.05, "a/index.md", "x_seconds", 60):
        with suppress(Exception):  # a library that takes every error for its own, goes on
            threading.Event().wait(5)
        threading.Event().wait(5)


def test_a_block_that_ran_past_its_deadline_is_a_fault_even_if_it_ended() -> None:
    timed = deadline(0.05, "a/index.md", "x_seconds", 60)
    with pytest.raises(UnitFault), timed, suppress(Exception):  # the fault taken, the block ends
        threading.Event().wait(5)
