"""One build of a tree at a time: ``build html``, ``build docx`` and the watcher take a lock.

The lock is ``_build/.baocao.lock``, held with ``flock`` for as long as the build runs;
the system releases it when the process ends, however it ends (Ctrl+C, SIGKILL), so a
lock is never stale. The file holds the holder's process id, for the message. A second
build refuses at once, naming that process, or with ``--wait`` waits for it. Once the
lock is held, temporary files that a killed build left in ``_build`` are removed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from baocao.errors import BaocaoError
from baocao.fsutil import TEMP_SUFFIX
from baocao.i18n import t

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: builds are not serialised there
    fcntl = None  # type: ignore[assignment]

BUILD_DIR = "_build"
LOCK_NAME = ".baocao.lock"
# What fsutil.write_atomic leaves when killed before its rename: ".<name>.<random>.tmp"
_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")


class BuildBusy(BaocaoError):
    """Another build holds the tree's lock (exit code 1: the work was not done)."""


def say_waiting(pid: str, path: Path) -> None:
    click.echo(t("buildlock.waiting", file=path, pid=pid), err=True)


@contextmanager
def exclusive_build(
    root: Path, wait: bool, on_wait: Callable[[str, Path], None] = say_waiting
) -> Iterator[None]:
    """Hold the build lock of the project at ``root`` while the block runs.

    Without ``wait``, a lock held elsewhere raises :class:`BuildBusy`; with it,
    ``on_wait(pid, lock file)`` is told once and the build waits its turn.
    """
    build_dir = root / BUILD_DIR
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _lock(fd, path, wait, on_wait)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        remove_temp_files(build_dir)
        yield
    finally:
        os.close(fd)  # releases the lock


def _lock(fd: int, path: Path, wait: bool, on_wait: Callable[[str, Path], None]) -> None:
    if fcntl is None:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        holder = _holder(fd)
    if not wait:
        raise BuildBusy("buildlock.busy", file=path, pid=holder)
    on_wait(holder, path)
    fcntl.flock(fd, fcntl.LOCK_EX)  # Ctrl+C interrupts the wait


def _holder(fd: int) -> str:
    """The process id the lock file names ("?" while the holder is still writing it)."""
    data = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return data if data.isdigit() else "?"


def remove_temp_files(folder: Path) -> int:
    """Delete the temporary files of interrupted atomic writes under ``folder``."""
    removed = 0
    for path in folder.rglob(f"*{TEMP_SUFFIX}"):
        if _TEMP.match(path.name) and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
            removed += 1
    return removed
