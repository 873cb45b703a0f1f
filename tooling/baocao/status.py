"""Who has submitted: each expected unit's state in the year being collected.

The year is ``year`` in ``reports/units.yaml``, or else the year most units report
on. A unit is ``missing`` (no folder, or only a report of another year),
``drafting`` (a report with errors or required sections not yet written) or
``complete``, with the date it became complete (``history.py``). It is overdue when
the year's deadline (``han_nop``) passed before it became complete.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from baocao.history import complete_since
from baocao.i18n import t
from baocao.project import Project

STATES = ("missing", "drafting", "complete")


class Found(NamedTuple):
    """What a unit's folder holds: the year its report names (None when its front matter
    cannot be read: then it is being written, not missing) and whether it is complete."""

    year: int | None
    complete: bool


@dataclass
class Submission:
    slug: str
    name: str
    state: str
    report_year: int | None = None
    since: dt.date | None = None
    overdue: bool = False


@dataclass
class Status:
    year: int | None
    deadline: dt.date | None
    today: dt.date
    units: list[Submission] = field(default_factory=list)

    def count(self, state: str) -> int:
        return sum(unit.state == state for unit in self.units)

    @property
    def overdue(self) -> int:
        return sum(unit.overdue for unit in self.units)


def collection_year(project: Project, found: dict[str, Found]) -> int | None:
    if project.units.year is not None:
        return project.units.year
    years = Counter(f.year for f in found.values() if f.year is not None)
    return max(years, key=lambda year: (years[year], year)) if years else None


def submission_status(project: Project, found: dict[str, Found], today: dt.date) -> Status:
    """The state of every unit expected in the year (listed, or with a folder)."""
    year = collection_year(project, found)
    deadline = project.units.deadlines.get(year) if year is not None else None
    listed = project.units.units
    slugs = sorted(
        slug
        for slug in set(listed) | set(found)
        if slug not in listed or listed[slug].expected_in(year)
    )
    units = [_submission(slug, listed, found.get(slug), year) for slug in slugs]
    complete = [unit.slug for unit in units if unit.state == "complete"]
    for slug, since in complete_since(project, complete).items():
        next(unit for unit in units if unit.slug == slug).since = since
    for unit in units:
        unit.overdue = _overdue(unit, deadline, today)
    return Status(year, deadline, today, units)


def _submission(slug: str, listed: dict, found: Found | None, year: int | None) -> Submission:
    name = listed[slug].name if slug in listed else slug
    other_year = year is not None and found is not None and found.year not in (None, year)
    if found is None or other_year:
        state = "missing"
    else:
        state = "complete" if found.complete else "drafting"
    return Submission(slug, name, state, found.year if found else None)


def _overdue(unit: Submission, deadline: dt.date | None, today: dt.date) -> bool:
    if deadline is None:
        return False
    if unit.state == "complete":
        return unit.since is not None and unit.since > deadline
    return today > deadline


def summary_line(answer: Status) -> str:
    """ "38/52 đơn vị đã đủ, 6 quá hạn." """
    return t(
        "status.summary",
        complete=answer.count("complete"),
        expected=len(answer.units),
        overdue=answer.overdue,
    )


def state_label(state: str) -> str:
    return t(f"status.state.{state}")
