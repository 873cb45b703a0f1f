"""What changed since a git reference, by unit: for pull requests and pre-commit.

Changes are taken from the merge base of REF and HEAD to the working tree, plus
untracked files, so the answer is the same on a pull request's checkout and on an
officer's machine with uncommitted edits. Paths are relative to the project, which
may sit in a subfolder of the repository.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

from baocao.errors import UsageError
from baocao.project import Project
from baocao.scaffold import SLUG


def _git(project: Project, ref: str, *args: str) -> list[str]:
    try:
        done = subprocess.run(
            ["git", *args], cwd=project.root, capture_output=True, text=True, check=True
        )
    except FileNotFoundError as err:
        raise UsageError("changed.git-failed", ref=ref, problem=str(err)) from None
    except subprocess.CalledProcessError as err:
        problem = err.stderr.strip().splitlines()[-1] if err.stderr.strip() else str(err)
        raise UsageError("changed.git-failed", ref=ref, problem=problem) from None
    return [item for item in done.stdout.split("\0") if item]


def changed_files(project: Project, ref: str) -> list[str]:
    """Paths (POSIX, relative to the project root) changed since ``ref``."""
    base = _git(project, ref, "merge-base", ref, "HEAD")[0].strip()
    tracked = _git(project, ref, "diff", "--name-only", "--relative", "-z", base)
    untracked = _git(project, ref, "ls-files", "--others", "--exclude-standard", "-z")
    return sorted(set(tracked) | set(untracked))


def unit_slugs(project: Project) -> set[str]:
    """The units there are: folders with an index.md whose names are slugs."""
    return {
        path.name
        for path in project.unit_dirs()
        if (path / "index.md").is_file() and SLUG.match(path.name)
    }


def affects_every_unit(project: Project, name: str) -> bool:
    """A change to the settings or to the forms can change every unit's result."""
    forms = Path(project.settings.forms_dir).as_posix().strip("/") + "/"
    return name == "pyproject.toml" or name.startswith(forms)


def split_by_unit(project: Project, files: list[str]) -> tuple[Counter[str], list[str]]:
    """Count changed files per existing unit; return them and the files outside units."""
    units = unit_slugs(project)
    reports = Path(project.settings.reports_dir).as_posix().strip("/") + "/"
    per_unit: Counter[str] = Counter()
    outside: list[str] = []
    for name in files:
        parts = name[len(reports) :].split("/") if name.startswith(reports) else []
        if len(parts) > 1 and parts[0] in units:
            per_unit[parts[0]] += 1
        else:
            outside.append(name)
    return per_unit, outside


def changed_units(
    project: Project, ref: str
) -> tuple[list[str], Counter[str], list[str], list[str]]:
    """(slugs to check, files per unit, files outside units, files that affect every unit).

    A change to the forms or the settings selects every unit.
    """
    per_unit, outside = split_by_unit(project, changed_files(project, ref))
    everything = [name for name in outside if affects_every_unit(project, name)]
    slugs = sorted(unit_slugs(project) if everything else per_unit)
    return slugs, per_unit, outside, everything
