"""Who changed each unit since a commit, and when: the tracked changes' author and date.

For each unit, the authors of the commits that touched its folder since the merge
base, newest first, and the date of the newest. Uncommitted edits are the current
git user's, made now. Two git commands answer for every unit at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from baocao.project import Project
from baocao.redline.source import git, reports_path

NOBODY = "baocao"
_COMMIT = "\x01"


@dataclass
class Authorship:
    """The authors (newest first) and the date of a unit's newest change."""

    authors: list[str] = field(default_factory=list)
    date: dt.datetime | None = None

    @property
    def author(self) -> str:
        return ", ".join(self.authors) or NOBODY

    def add(self, name: str, date: dt.datetime) -> None:
        if name and name not in self.authors:
            self.authors.append(name)
        if self.date is None:
            self.date = date


def authorships(project: Project, base: str, units: Sequence[str]) -> dict[str, Authorship]:
    reports = reports_path(project)
    found = {unit: Authorship() for unit in units}
    log = str(
        git(
            project,
            base,
            "log",
            f"--format={_COMMIT}%an%x00%aI",
            "--name-only",
            f"{base}..HEAD",
            "--",
            f":/{reports}",
        )
    )
    for name, date, files in _commits(log):
        for unit in {_unit_of(path, str(reports)) for path in files} & found.keys():
            found[unit].add(name, date)
    status = str(git(project, base, "status", "--porcelain", "-z", "--", f":/{reports}"))
    entries = [e[3:] for e in status.split("\0") if len(e) > 3 and e[2] == " "]
    dirty = {_unit_of(path, str(reports)) for path in entries} & found.keys()
    if dirty:
        user = str(git(project, base, "config", "--default", "", "user.name")).strip() or NOBODY
        now = dt.datetime.now(dt.UTC)
        for unit in dirty:
            found[unit].authors = [user, *(a for a in found[unit].authors if a != user)]
            found[unit].date = now
    return found


def _commits(log: str) -> list[tuple[str, dt.datetime, list[str]]]:
    commits = []
    for chunk in log.split(_COMMIT)[1:]:
        head, *files = chunk.strip("\n").split("\n")
        name, date = head.split("\0")
        commits.append((name, dt.datetime.fromisoformat(date), [f for f in files if f]))
    return commits


def _unit_of(path: str, reports: str) -> str:
    """The unit folder a path from the top of the repository belongs to ("" when none)."""
    prefix = reports.strip("/") + "/" if reports not in ("", ".") else ""
    return path[len(prefix) :].split("/", 1)[0] if path.startswith(prefix) else ""
