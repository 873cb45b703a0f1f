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
from collections.abc import Iterator
from pathlib import Path


def real_unit_dir(unit_dir: Path) -> Path | None:
    """The real path of a unit's folder; None when it is a link, not a folder, or
    not directly inside its parent's real path."""
    path = os.fspath(unit_dir)
    if os.path.islink(path) or not os.path.isdir(path):
        return None
    real = os.path.realpath(path)
    parent = os.path.realpath(os.path.dirname(path))
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
    """One unit's folder (absolute, as named) and its real path, for many ``may_read``."""

    def __init__(self, unit_dir: Path, real_unit: Path | None):
        self.unit = os.path.abspath(unit_dir)
        self.real = os.fspath(real_unit) if real_unit is not None else None

    def may_read(self, path: str) -> bool:
        """``may_read`` of the normalised ``path`` (never, when the unit has no real folder)."""
        if self.real is None:
            return False
        rel = self._relative(path, self.real)
        if not rel:
            return False
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
    real_unit = real_unit or real_unit_dir(unit_dir)
    if real_unit is None:
        return
    for folder, dirs, files in os.walk(unit_dir, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            if not os.path.islink(path) or (
                os.path.isfile(path) and may_read(unit_dir, Path(path), real_unit)
            ):
                yield path


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
    real_unit = real_unit or real_unit_dir(unit_dir)
    if real_unit is None:
        return []
    real = os.fspath(real_unit)
    found = []
    for folder, dirs, files in os.walk(unit_dir, followlinks=False):
        for name in sorted([*dirs, *files]):
            path = os.path.join(folder, name)
            if os.path.islink(path) and not _inside(os.path.realpath(path), real):
                found.append(Path(path))
    return found
