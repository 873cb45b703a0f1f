"""Atomic file writes: a reader never sees half a file, a crash never leaves one."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"  # temporary files are ".<name>.<random>.tmp" beside their target


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    A link at ``path`` is replaced, never written through.
    """
    replace_if_unchanged(path, data, None)


def write_output(path: Path, data: str | bytes) -> None:
    """Write a file the user named on the command line (``--output``).

    A path that is not a file (``/dev/null``, ``/dev/stdout``, a pipe) is written to as
    it is: renaming a file onto it would replace the device or the link. Any other path
    is written atomically.
    """
    if not _is_special(path):
        write_atomic(path, data)
        return
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with open(path, "wb") as handle:
        handle.write(payload)


def _is_special(path: Path) -> bool:
    """Whether ``path`` (its links followed) exists and is neither a file nor a folder."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def replace_if_unchanged(path: Path, data: str | bytes, digest: bytes | None) -> bool:
    """Like :func:`write_atomic`, but only while ``path`` still holds what was read.

    ``digest`` is the SHA-256 of the bytes read earlier (None: write in any case). The
    file is read again once the new text is ready, just before the rename; if it
    changed meanwhile (an edit saved in between), it is left as it is and the result
    is False.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _written_beside(path, data)
    try:
        if digest is not None and _digest_of(path) != digest:
            Path(tmp).unlink()
            return False
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_new(path: Path, data: str | bytes) -> None:
    """Write a new file whole at once; raise FileExistsError, and change nothing, when
    ``path`` exists (even when it appears while the text is written)."""
    tmp = _written_beside(path, data)
    try:
        os.link(tmp, path)  # never replaces an existing file
    finally:
        Path(tmp).unlink(missing_ok=True)


def _written_beside(path: Path, data: str | bytes) -> str:
    """A temporary file in ``path``'s folder holding ``data``, with ``path``'s mode."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, _mode_for(path))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _digest_of(path: Path) -> bytes | None:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return None


def make_dir_like_mkdir(path: Path) -> None:
    """Give a folder made by ``tempfile.mkdtemp`` (0o700) the mode ``mkdir`` would give."""
    os.chmod(path, 0o777 & ~_umask())


def _mode_for(path: Path) -> int:
    """Keep an existing file's mode; a new file gets 0o666 less the umask, as open() does."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    return 0o666 & ~_umask()


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
