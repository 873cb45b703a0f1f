"""Closed years on disk: ``archive/<year>/<unit>/`` keeps a unit's report of a past
year in the same layout as ``reports/<unit>/`` (written by ``baocao nam-moi``).

Every command that reads a past year (last year's commendation numbers, the
dashboard's past years) finds it here, and reads inside it under the same boundary
as a current unit (``unitpaths``).
"""

from __future__ import annotations

from pathlib import Path

from baocao.unitpaths import real_unit_dir

ARCHIVE_DIR = "archive"


def archive_target(root: Path, year: int, slug: str) -> Path:
    """Where ``slug``'s report of ``year`` is kept once the year is closed."""
    return root / ARCHIVE_DIR / str(year) / slug


def archived_unit_dir(root: Path, year: int, slug: str) -> Path | None:
    """The folder of ``slug``'s report of ``year``, None when there is none (or when
    it is not a real folder inside the archive)."""
    folder = archive_target(root, year, slug)
    return folder if folder.is_dir() and real_unit_dir(folder) is not None else None


def archived_years(root: Path) -> list[int]:
    """The closed years in the archive, oldest first."""
    base = root / ARCHIVE_DIR
    if not base.is_dir():
        return []
    return sorted(int(p.name) for p in base.iterdir() if p.name.isdigit() and p.is_dir())
