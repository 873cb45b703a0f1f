"""``baocao nam-moi`` on disk: last year's folder moved into the archive, the new
year's skeleton moved into its place, both by renames.

The new files are written first into a hidden staging folder beside the unit. The
archive's place is claimed by creating it (this fails when it exists, so a closed
year is never overwritten), then the unit's folder is renamed onto it (everything in
the folder goes, an edit saved a moment before included: nothing is copied, so
nothing is left behind), then the staging folder is renamed into the unit's place.
A failure at any step undoes the steps before it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from baocao.archive import archive_target
from baocao.errors import BaocaoError
from baocao.fsutil import make_dir_like_mkdir
from baocao.newyear import NewYear
from baocao.project import Project


def roll_over(project: Project, unit: NewYear) -> Path:
    """Archive ``unit``'s current folder and put the new year's files in its place;
    return the archive folder. Raise ``BaocaoError`` (nothing changed) on failure."""
    target = archive_target(project.root, unit.old_year, unit.slug)
    if target.exists() or target.is_symlink():
        raise BaocaoError("newyear.archived", file=project.rel(target), year=unit.old_year)
    staging = _stage(unit)
    try:
        _claim(project, target, unit.old_year)
        _swap(project, unit.unit_dir, target, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _stage(unit: NewYear) -> Path:
    """The new year's files in a hidden folder beside the unit's (never listed as a unit)."""
    parent = unit.unit_dir.parent
    staging = Path(tempfile.mkdtemp(prefix=f".{unit.slug}.{unit.new_year}.", dir=parent))
    make_dir_like_mkdir(staging)
    try:
        for rel, text in unit.files.items():
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            (staging / rel).write_text(text, "utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _claim(project: Project, target: Path, year: int) -> None:
    """Create the archive folder, empty: failing when it exists, so it is never overwritten."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        target.mkdir()
    except FileExistsError:
        raise BaocaoError("newyear.archived", file=project.rel(target), year=year) from None


def _swap(project: Project, unit_dir: Path, target: Path, staging: Path) -> None:
    """The unit's folder onto the (empty) archive folder, then the new files into its place."""
    try:
        os.rename(unit_dir, target)  # replaces only an empty folder
    except BaseException as err:  # Ctrl+C included: the archive's place is given back
        target.rmdir()
        if isinstance(err, OSError):
            raise _move_failed(project, unit_dir, err) from None
        raise
    try:
        os.rename(staging, unit_dir)
    except BaseException as err:
        os.rename(target, unit_dir)  # last year's folder back in place, as it was
        if isinstance(err, OSError):
            raise _move_failed(project, unit_dir, err) from None
        raise


def _move_failed(project: Project, unit_dir: Path, err: OSError) -> BaocaoError:
    return BaocaoError("newyear.move-failed", file=project.rel(unit_dir), error=err.strerror or err)
