"""Which units to lint: folders, files, the reports root, or what changed since a git ref."""

from __future__ import annotations

import subprocess
from pathlib import Path

from baocao.errors import BaocaoError
from baocao.project import Project


class LintUsageError(BaocaoError):
    """A path, git reference or output file the command cannot use: exit code 2 (usage)."""

    exit_code = 2


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
            raise LintUsageError("lint.no-such-path", file=raw)
        if path.resolve() == project.reports_dir.resolve():
            units.update(dict.fromkeys(project.unit_dirs()))
            continue
        unit = unit_of(project, path)
        if unit is not None:
            units[unit] = None
    return sorted(units)


def changed_since(project: Project, ref: str) -> list[Path]:
    """Units with a file changed, added or deleted since ``ref`` (committed or not).

    Paths are taken relative to the project (which may sit in a subfolder of the
    repository). A change to the forms or to the settings can make any unit
    incomplete, so it selects every unit.
    """
    names = _git(project, "diff", "--name-only", "--relative", ref, "--")
    names += _git(project, "ls-files", "--others", "--exclude-standard")
    if any(_affects_every_unit(project, name) for name in names):
        return project.unit_dirs()
    units: dict[Path, None] = {}
    for name in names:
        unit = unit_of(project, project.root / name)
        if unit is not None and (unit / "index.md").exists():
            units[unit] = None
    return sorted(units)


def _affects_every_unit(project: Project, name: str) -> bool:
    path = (project.root / name).resolve()
    return path == (project.root / "pyproject.toml").resolve() or path.is_relative_to(
        project.forms_dir.resolve()
    )


def _git(project: Project, *args: str) -> list[str]:
    try:
        done = subprocess.run(
            ["git", *args], cwd=project.root, capture_output=True, text=True, check=True
        )
    except FileNotFoundError:
        raise LintUsageError("lint.no-git") from None
    except subprocess.CalledProcessError as err:
        raise LintUsageError("lint.git-failed", detail=err.stderr.strip()[:200]) from None
    return [line for line in done.stdout.splitlines() if line.strip()]
