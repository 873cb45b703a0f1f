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
    if unit_dir.is_symlink() or not unit_dir.is_dir():
        return None
    real = unit_dir.resolve()
    return real if real.parent == unit_dir.parent.resolve() else None


def named_path(target: str, base_dir: Path, srcdir: Path) -> Path:
    """The path ``target`` names, without following links: ``/x`` is relative to the
    source root (as Sphinx reads it), anything else to ``base_dir``."""
    base = srcdir if target.startswith("/") else base_dir
    return Path(os.path.normpath(os.path.join(base, target.lstrip("/"))))


def may_read(unit_dir: Path, path: Path, real_unit: Path | None = None) -> bool:
    """Whether the build of the unit in ``unit_dir`` may read ``path`` (absolute).

    ``path`` must be named inside the unit's folder with no linked folder on the
    way, and its real path must lie inside the unit's real folder. A caller that
    checks many paths of one unit may pass ``real_unit_dir(unit_dir)`` once.
    """
    real_unit = real_unit or real_unit_dir(unit_dir)
    if real_unit is None:
        return False
    rel = _relative(Path(os.path.normpath(path)), unit_dir, real_unit)
    if rel is None or not rel.parts:
        return False
    folder = real_unit
    for part in rel.parts[:-1]:
        folder = folder / part
        if folder.is_symlink():
            return False
    return (real_unit / rel).resolve().is_relative_to(real_unit)


def _relative(path: Path, unit_dir: Path, real_unit: Path) -> Path | None:
    """``path`` relative to the unit's folder, as named or as its real path."""
    for base in (Path(os.path.normpath(unit_dir.absolute())), real_unit):
        if path.is_relative_to(base):
            return path.relative_to(base)
    return None


def unit_files(unit_dir: Path) -> Iterator[Path]:
    """Every file the unit may read, in a stable order, never walking through a link.

    Links to folders are not entered; links to files are listed when they stay
    inside the unit and lead to a file.
    """
    if real_unit_dir(unit_dir) is None:
        return
    for folder, dirs, files in os.walk(unit_dir, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if not path.is_symlink() or (path.is_file() and may_read(unit_dir, path)):
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


def links_leaving(unit_dir: Path) -> list[Path]:
    """The links inside the unit's folder (to files or folders) that lead outside it."""
    real_unit = real_unit_dir(unit_dir)
    if real_unit is None:
        return []
    found = []
    for folder, dirs, files in os.walk(unit_dir, followlinks=False):
        for name in sorted([*dirs, *files]):
            path = Path(folder) / name
            if path.is_symlink() and not path.resolve().is_relative_to(real_unit):
                found.append(path)
    return found
