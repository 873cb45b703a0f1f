"""The limits on one unit: largest file, largest unit (bytes and files), deepest folder.

Checked before anything of the unit is read, by the linter and both builders: a
unit past a limit gets an error finding (BC008 ``limit-exceeded``) naming the limit
and its setting in ``[tool.baocao]``, and is not read; the other units go on. The
time limits per unit of each builder are applied where the builders do the work.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from baocao.config import Settings
from baocao.diagnostics import Diagnostic
from baocao.faults import UnitFault
from baocao.interrupts import raised_again
from baocao.unitpaths import UnitWalk

CODE, RULE = "BC008", "limit-exceeded"


def unit_limits(
    unit_dir: Path,
    settings: Settings,
    root: Path,
    real_unit: Path | None = None,
    walk: UnitWalk | None = None,
) -> list[Diagnostic]:
    """The limits ``unit_dir`` is past (at most one finding per limit). ``real_unit``:
    ``unitpaths.real_unit_dir(unit_dir)``, when the caller has it; ``walk``: the walk
    of the unit the caller reads the rest from."""
    found: list[Diagnostic] = []
    total = 0
    top = len(os.fspath(unit_dir).rstrip(os.sep)) + 1
    names = (walk or UnitWalk(unit_dir, real_unit)).files()
    for count, name in enumerate(names, start=1):
        size = os.stat(name).st_size
        total += size
        depth = name.count(os.sep, top)
        if 0 < settings.max_file_bytes < size and not _has(found, "max_file_bytes"):
            found.append(
                _exceeded(_rel(Path(name), root), "max_file_bytes", size, settings.max_file_bytes)
            )
        if 0 < settings.max_depth < depth and not _has(found, "max_depth"):
            found.append(_exceeded(_rel(Path(name), root), "max_depth", depth, settings.max_depth))
        if 0 < settings.max_unit_files < count:
            found.append(
                _exceeded(_rel(unit_dir, root), "max_unit_files", count, settings.max_unit_files)
            )
            break
    if 0 < settings.max_unit_bytes < total:
        found.append(
            _exceeded(_rel(unit_dir, root), "max_unit_bytes", total, settings.max_unit_bytes)
        )
    return found


def time_exceeded(file: str, setting: str, limit: float) -> Diagnostic:
    """The finding of a unit whose build took longer than ``setting`` allows."""
    return _exceeded(file, setting, limit, limit)


def _exceeded(file: str, setting: str, value: float, limit: float) -> Diagnostic:
    params = {"setting": setting, "value": value, "limit": limit}
    return Diagnostic(CODE, RULE, "error", file, 1, f"limits.{setting}", params)


def _has(found: list[Diagnostic], setting: str) -> bool:
    return any(d.params["setting"] == setting for d in found)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@contextmanager
def deadline(seconds: float, file: str, setting: str, limit: int) -> Iterator[None]:
    """Raise ``UnitFault`` (BC008 naming ``setting``) when the block runs past ``seconds``.

    A timer signal stops the block: it works in the main thread of a process (the
    command, or a worker process); elsewhere, and with ``limit`` 0, nothing is timed.
    The timer fires again every ``RETRY_S`` until the block ends (a library may take the
    fault for its own error and go on), at once if it fired inside a finalizer; a block
    that ends after its time had run out is a fault all the same.
    """
    if limit <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    fired = False

    def expired(signum: int, frame: FrameType | None) -> None:
        nonlocal fired
        fired = True
        raise UnitFault(time_exceeded(file, setting, limit))

    previous = signal.signal(signal.SIGALRM, expired)
    try:
        signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001), RETRY_S)
        with raised_again(UnitFault, lambda: signal.setitimer(signal.ITIMER_REAL, 0.001, RETRY_S)):
            yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        raise UnitFault(time_exceeded(file, setting, limit))


RETRY_S = 0.5
