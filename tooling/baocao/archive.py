"""Closed years on disk: ``archive/<year>/<unit>/`` keeps a unit's report of a past
year in the same layout as ``reports/<unit>/`` (written by ``baocao nam-moi``).

Every command that reads a past year (last year's commendation numbers, the
dashboard's past years) finds it here, and reads inside it under the same boundary
as a current unit (``unitpaths``). The archive folder and each year's folder must be
real folders too (not links): nothing of the archive is walked through a link.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from baocao.project import Project
from baocao.unitpaths import real_unit_dir, unit_folders

ARCHIVE_DIR = "archive"


def archive_target(root: Path, year: int, slug: str) -> Path:
    """Where ``slug``'s report of ``year`` is kept once the year is closed."""
    return root / ARCHIVE_DIR / str(year) / slug


def archived_unit_dir(root: Path, year: int, slug: str) -> Path | None:
    """The folder of ``slug``'s report of ``year``, None when there is none (or when
    it is not a real folder inside the archive)."""
    if year not in archived_years(root):
        return None
    folder = archive_target(root, year, slug)
    return folder if folder.is_dir() and real_unit_dir(folder) is not None else None


def archived_years(root: Path) -> list[int]:
    """The closed years in the archive, oldest first (real folders named by a year)."""
    base = root / ARCHIVE_DIR
    if base.is_symlink() or not base.is_dir():
        return []
    return sorted(int(p.name) for p in base.iterdir() if p.name.isdigit() and _real_dir(p))


def _real_dir(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def archived_unit_dirs(root: Path, year: int | None = None) -> list[Path]:
    """The unit folders of one closed year (or of every one), as named (a link is
    listed too, for the reader to refuse, never walked: ``unitpaths``)."""
    known = archived_years(root)
    years = known if year is None else [y for y in known if y == year]
    return [path for y in years for path in unit_folders(root / ARCHIVE_DIR / str(y))]


def year_page(year: int) -> str:
    """The site's page listing the units of a closed year (``archive/2025/index.html``)."""
    return f"{ARCHIVE_DIR}/{year}/index"


def closed_year_project(project: Project) -> Project:
    """The project as a closed year's unit is linted for its page: the report year the
    settings require (``year``) is the current year's, not the closed year's."""
    return Project(project.root, replace(project.settings, year=0))
