"""A unit's redline made inside today's Word build, from the base's pandoc document.

In ``baocao diff`` the docx builder's worker, once it has written a unit's Word
file, makes the unit's document at the merge base from today's environment
(``baocao.sphinxext.revision``: only the files that differ are read again), writes
it to Word bytes with the same pandoc and finishing, and writes the redline. The
base's Word file is cached by content (``baocao.redline.cache``) as the old way
caches it. A unit whose base cannot be made that way is left to the old way
(``baocao.redline.source``): its outcome carries no redline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from baocao.docx.convert import Job, Outcome, render
from baocao.project import Project
from baocao.redline import cache
from baocao.redline.write import Task, UnitDiff, unit_diff


@dataclass(frozen=True)
class RedlinePlan:
    """What every unit's redline needs: the base's units, cache keys, authors, titles.

    ``older`` is a project holding the changed units that existed at the base, as
    they were there (``baocao.redline.source.export``).
    """

    out: Path
    older: Project
    keys: dict[str, str]
    authors: dict[str, tuple[str, dt.datetime]]
    titles: dict[str, str]

    def existed(self, unit: str) -> bool:
        return (self.older.reports_dir / unit / "index.md").is_file()


class Unmade(Exception):
    """The unit's base document could not be made within today's build."""


def unit_redline(
    plan: RedlinePlan, project: Project, job: Job, today: Outcome, older: Callable[[], Job]
) -> UnitDiff | None:
    """The unit's redline, written; None when its base must be built the old way.

    ``job`` is today's Job of the unit, ``today`` what its conversion gave, ``older``
    makes the base's Job. Never raises: what goes wrong is the unit's error."""
    unit = today.unit
    try:
        before = _before(plan, project, today, older)
    except Unmade:
        return None
    except Exception as err:  # the cache's files: this unit's error, not the run's
        return UnitDiff(unit, error=" ".join(str(err).split()) or type(err).__name__)
    author, date = plan.authors[unit]
    task = Task(plan.out, unit, plan.titles[unit], today, before, plan.existed(unit), author, date)
    return unit_diff(task)


def _before(
    plan: RedlinePlan, project: Project, today: Outcome, older: Callable[[], Job]
) -> bytes | None:
    """The unit's Word bytes at the base: cached, or made from ``older``'s job."""
    unit = today.unit
    if not today.ok or not plan.existed(unit):
        return None
    key = {unit: plan.keys[unit]}
    before = cache.load(project, key).get(unit)
    if before is None:
        try:
            before = render(older())
        except Exception as err:  # not followable here: the old way builds it, or says why
            raise Unmade(unit) from err
        cache.store(project, key, {unit: before})
    return before
