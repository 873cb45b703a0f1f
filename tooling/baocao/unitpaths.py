"""What a unit may read: the one rule for the linter, the site and the Word builder.

A unit's folder must be a real folder (not a symbolic link) directly inside the
reports folder. A file its build reads (a toctree document, an include, an image, a
download, a data file) may be read only when its real path (every symbolic link
followed) lies inside the unit's real folder and it is reached without passing
through a linked folder. A link to a file that stays inside the unit is allowed.
Folders are never walked through symbolic links, so a link to ``/`` walks nothing.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path


def real_unit_dir(unit_dir: Path) -> Path | None:
    """The real path of a unit's folder; None when it is a link, not a folder, or
    not directly inside its parent's real path."""
    path = os.fspath(unit_dir)
    try:
        mode = os.lstat(path).st_mode
    except (OSError, ValueError):
        return None
    if not stat.S_ISDIR(mode):  # a link, or not a folder
        return None
    parent = os.path.realpath(os.path.dirname(path))
    name = os.path.basename(path)
    if name not in ("", ".", ".."):  # no link: its real path is its parent's and its name
        return Path(os.path.join(parent, name))
    real = os.path.realpath(path)
    return Path(real) if os.path.dirname(real) == parent else None


def named_path(target: str, base_dir: Path, srcdir: Path) -> Path:
    """The path ``target`` names, without following links: ``/x`` is relative to the
    source root (as Sphinx reads it), anything else to ``base_dir``."""
    base = srcdir if target.startswith("/") else base_dir
    return Path(os.path.normpath(os.path.join(base, target.lstrip("/"))))


def may_read(unit_dir: Path, path: Path, real_unit: Path | None = None) -> bool:
    """Whether the build of the unit in ``unit_dir`` may read ``path`` (absolute).

    ``path`` must be named inside the unit's folder with no linked folder on the
    way, and its real path must lie inside the unit's real folder. A caller that
    checks many paths of one unit may pass ``real_unit_dir(unit_dir)`` once, or ask
    a ``UnitScope``.
    """
    real_unit = real_unit or real_unit_dir(unit_dir)
    if real_unit is None:
        return False
    return UnitScope(unit_dir, real_unit).may_read(os.path.normpath(path))


class UnitScope:
    """One unit's folder (absolute, as named) and its real path, for many ``may_read``.

    ``no_links``: a walk of the whole folder, just done, met no link (``UnitWalk``):
    then no path inside it passes through one, and nothing need be asked of the disk.
    """

    def __init__(self, unit_dir: Path, real_unit: Path | None, no_links: bool = False):
        self.unit = os.path.abspath(unit_dir)
        self.real = os.fspath(real_unit) if real_unit is not None else None
        self.no_links = no_links

    def may_read(self, path: str) -> bool:
        """``may_read`` of the normalised ``path`` (never, when the unit has no real folder)."""
        if self.real is None:
            return False
        rel = self._relative(path, self.real)
        if not rel:
            return False
        if self.no_links:
            return True
        folder = self.real
        for part in rel.split(os.sep)[:-1]:
            folder = os.path.join(folder, part)
            if os.path.islink(folder):
                return False
        target = os.path.join(self.real, rel)
        # no link on the way: the real path is the path itself, inside the real folder
        return not os.path.islink(target) or _inside(os.path.realpath(target), self.real)

    def _relative(self, path: str, real: str) -> str | None:
        """``path`` relative to the unit's folder, as named or as its real path ("" for
        the folder itself), or None when it lies in neither."""
        for base in (self.unit, real):
            if path == base:
                return ""
            if _inside(path, base):
                return path[len(base.rstrip(os.sep)) + 1 :]
        return None


def _inside(path: str, folder: str) -> bool:
    """Whether the normalised ``path`` is ``folder`` or lies under it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def unit_files(unit_dir: Path, real_unit: Path | None = None) -> Iterator[Path]:
    """Every file the unit may read, in a stable order, never walking through a link.

    Links to folders are not entered; links to files are listed when they stay
    inside the unit and lead to a file. ``real_unit``: ``real_unit_dir(unit_dir)``,
    when the caller has it.
    """
    return map(Path, unit_file_names(unit_dir, real_unit))


def unit_file_names(unit_dir: Path, real_unit: Path | None = None) -> Iterator[str]:
    """``unit_files`` as strings (the paths as the walk names them)."""
    return UnitWalk(unit_dir, real_unit).files()


class UnitWalk:
    """One walk of a unit's folder (``os.walk`` order, sorted, never through a link):
    the files the unit may read, listed lazily, and the links leaving it, noted on the
    way: the limits and the loader share one walk instead of two."""

    def __init__(self, unit_dir: Path, real_unit: Path | None = None):
        self.unit_dir = unit_dir
        self.real_unit = real_unit or real_unit_dir(unit_dir)
        self.leaving: list[Path] = []  # complete once ``files`` has been read to its end
        self.complete = False
        self.saw_link = False  # a link anywhere in the folder
        self.unreadable = False  # a folder that could not be listed

    def files(self) -> Iterator[str]:
        """Every file the unit may read, in a stable order (``unit_files``)."""
        if self.real_unit is None:
            return
        real = os.fspath(self.real_unit)
        self.leaving = []
        for folder in _folders(os.fspath(self.unit_dir)):
            if folder is None:
                self.unreadable = True
                continue
            for entry in folder:
                if not entry.is_symlink():
                    if not _is_dir(entry):
                        yield entry.path
                    continue
                self.saw_link = True
                if not _inside(os.path.realpath(entry.path), real):
                    self.leaving.append(Path(entry.path))
                elif os.path.isfile(entry.path) and may_read(
                    self.unit_dir, Path(entry.path), self.real_unit
                ):
                    yield entry.path
        self.complete = True

    @property
    def no_links(self) -> bool:
        """The whole folder was listed and holds no link (``UnitScope``)."""
        return self.complete and not self.saw_link and not self.unreadable

    def links_leaving(self) -> list[Path]:
        """The links inside the unit's folder that lead outside it (walking it if need be)."""
        if not self.complete:
            for _ in self.files():
                pass
        return self.leaving


def _folders(top: str) -> Iterator[list[os.DirEntry] | None]:
    """The entries of ``top`` and of each folder under it, top-down, sorted by name,
    folders descended in that order and never through a link (``os.walk``'s order);
    None for a folder that cannot be listed."""
    try:
        with os.scandir(top) as found:
            entries = sorted(found, key=lambda entry: entry.name)
    except OSError:
        yield None
        return
    yield entries
    for entry in entries:
        if _is_dir(entry) and not entry.is_symlink():
            yield from _folders(entry.path)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def unit_folders(reports_dir: Path) -> list[Path]:
    """The entries of the reports folder that name a unit (links included, so that
    the linter can tell them), hidden and underscore entries left out."""
    if not reports_dir.is_dir():
        return []
    return sorted(
        path
        for path in reports_dir.iterdir()
        if not path.name.startswith((".", "_")) and (path.is_dir() or path.is_symlink())
    )


def links_leaving(unit_dir: Path, real_unit: Path | None = None) -> list[Path]:
    """The links inside the unit's folder (to files or folders) that lead outside it."""
    return UnitWalk(unit_dir, real_unit).links_leaving()
