"""Which units a command means: folders, files, slugs, the reports root, or what changed."""

from __future__ import annotations

from pathlib import Path

from baocao.changes import changed_units
from baocao.errors import UsageError
from baocao.project import Project


def unit_of(project: Project, path: Path) -> Path | None:
    """The unit folder (reports/<slug>) holding ``path``, if any."""
    reports = project.reports_dir.resolve()
    try:
        rel = path.resolve().relative_to(reports)
    except ValueError:
        return None
    return reports / rel.parts[0] if rel.parts and (reports / rel.parts[0]).is_dir() else None


def unit_named(project: Project, raw: str) -> Path | None:
    """The unit a command-line argument names: a path in a unit's folder, or its slug.

    ``reports/so-y-te``, ``reports/so-y-te/index.md`` and ``so-y-te`` all name the unit
    so-y-te; every command that takes units reads its arguments here.
    """
    path = Path(raw)
    unit = unit_of(project, path) if path.exists() else None
    if unit is not None:
        return unit
    slug = raw.rstrip("/")
    if slug and Path(slug).name == slug and slug not in (".", ".."):
        return next((d for d in project.unit_dirs() if d.name == slug), None)
    return None


def from_paths(project: Project, paths: list[str]) -> list[Path]:
    if not paths:
        return project.unit_dirs()
    units: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if path.exists() and path.resolve() == project.reports_dir.resolve():
            units.update(dict.fromkeys(project.unit_dirs()))
            continue
        unit = unit_named(project, raw)
        if unit is None and not path.exists():
            raise UsageError("lint.no-such-path", file=raw)
        if unit is not None:
            units[unit] = None
    return sorted(units)


def changed_since(project: Project, ref: str) -> list[Path]:
    """Units with a file changed, added or deleted since ``ref`` (see baocao.changes)."""
    slugs, *_ = changed_units(project, ref)
    return [project.reports_dir / slug for slug in slugs]
