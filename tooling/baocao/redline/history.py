"""Who changed a unit since a commit, and when: the tracked changes' author and date.

The authors of the commits that touched the unit's folder since the merge base,
newest first; the date of the newest. Uncommitted edits are the current git
user's, made now.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from baocao.project import Project
from baocao.redline.source import git, reports_path

NOBODY = "baocao"


@dataclass(frozen=True)
class Authorship:
    author: str
    date: dt.datetime


def authorship(project: Project, base: str, unit: str) -> Authorship:
    folder = str(reports_path(project) / unit)
    log = str(
        git(project, base, "log", "--format=%an%x00%aI", f"{base}..HEAD", "--", f":/{folder}")
    )
    entries = [line.split("\0") for line in log.splitlines() if "\0" in line]
    names = list(dict.fromkeys(name for name, _ in entries if name))
    dirty = str(git(project, base, "status", "--porcelain", "--", f":/{folder}")).strip()
    if dirty:
        user = str(git(project, base, "config", "--default", "", "user.name")).strip()
        names = list(dict.fromkeys([user or NOBODY, *names]))
        return Authorship(", ".join(names), dt.datetime.now(dt.UTC))
    if not entries:
        return Authorship(NOBODY, dt.datetime.now(dt.UTC))
    return Authorship(", ".join(names), dt.datetime.fromisoformat(entries[0][1]))
