"""Which units to lint: folders, files, the reports root, or what changed since a git ref."""

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


def from_paths(project: Project, paths: list[str]) -> list[Path]:
    if not paths:
        return project.unit_dirs()
    units: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise UsageError("lint.no-such-path", file=raw)
        if path.resolve() == project.reports_dir.resolve():
            units.update(dict.fromkeys(project.unit_dirs()))
            continue
        unit = unit_of(project, path)
        if unit is not None:
            units[unit] = None
    return sorted(units)


def changed_since(project: Project, ref: str) -> list[Path]:
    """Units with a file changed, added or deleted since ``ref`` (see baocao.changes)."""
    slugs, *_ = changed_units(project, ref)
    return [project.reports_dir / slug for slug in slugs]
