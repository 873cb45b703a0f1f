"""A unit's redline made inside today's Word build, from the two pandoc documents.

In ``baocao diff`` the docx builder's worker prepares a unit's Job as ``baocao
build docx`` does, but does not convert it: it makes the unit's Job at the merge
base from today's environment (``baocao.sphinxext.revision``: only the files that
differ are read again) and writes the redline from the two Jobs
(``baocao.redline.ast_diff.redline_docx``: one pandoc run, neither version's Word
file built; ``_build/docx`` is ``baocao build docx``'s alone). The base's Job is
cached by content (``baocao.redline.cache``, as JSON). A unit whose base cannot be
made that way is left to the old way (``baocao.redline.run.diff_old_way``, which
compares two Word files): its outcome then carries today's Word file as bytes
(``OldWay``), converted for it alone, written nowhere.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from baocao.docx.convert import Job, Outcome, failed, render_in_time
from baocao.docx.meta import DocumentMeta
from baocao.project import Project
from baocao.redline import cache
from baocao.redline.ast_diff import redline_docx
from baocao.redline.write import UnitDiff, write_redline

CACHED_JOB = ".json"


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

    def result(self) -> RedlinePlan:
        """The plan itself (``BuildPlan.redline`` may also be a ``run.Planning``, making it)."""
        return self

    def existed(self, unit: str) -> bool:
        return (self.older.reports_dir / unit / "index.md").is_file()


class Unmade(Exception):
    """The unit's base document could not be made within today's build."""


@dataclass(frozen=True)
class OldWay:
    """A unit left to the old way, with today's Word file to compare with its base's."""

    today: bytes


def unit_redline(
    plan: RedlinePlan, project: Project, job: Job, older: Callable[[], Job]
) -> Outcome:
    """The unit's outcome in ``baocao diff``: ``after`` is its redline, written
    (``UnitDiff``), or ``OldWay`` when its base must be built the old way.

    ``job`` is today's Job of the unit, ``older`` makes the base's Job. Never
    raises: what goes wrong is the unit's error."""
    start = time.perf_counter()
    unit, draft = job.unit, job.meta.draft
    try:
        before = _before(plan, project, job, older)
    except Unmade:
        return _old_way(job, start)
    except Exception as err:  # the cache's files: this unit's error, not the run's
        made = UnitDiff(unit, error=" ".join(str(err).split()) or type(err).__name__)
        return Outcome(unit, None, draft, time.perf_counter() - start, made.error, made)
    author, date = plan.authors[unit]
    make = partial(redline_docx, before, job, author, date)
    made = write_redline(plan.out, unit, plan.titles[unit], make)
    return Outcome(unit, made.docx, draft, time.perf_counter() - start, made.error, made)


def _old_way(job: Job, start: float) -> Outcome:
    """Today's Word file of ``job`` as bytes, for the old way to compare."""
    try:
        data = render_in_time(job)
    except Exception as err:  # any failure is this unit's, as in ``convert``
        return failed(job.unit, job.meta.draft, start, err)
    return Outcome(job.unit, None, job.meta.draft, time.perf_counter() - start, after=OldWay(data))


def _before(plan: RedlinePlan, project: Project, job: Job, older: Callable[[], Job]) -> Job | None:
    """The unit's Job at the base: cached, or made by ``older``."""
    unit = job.unit
    if not plan.existed(unit):
        return None
    key = {unit: plan.keys[unit]}
    cached = cache.load(project, key, CACHED_JOB).get(unit)
    if cached is not None:
        return loads(cached, job)
    try:
        before = older()
    except Exception as err:  # not followable here: the old way builds it, or says why
        raise Unmade(unit) from err
    cache.store(project, key, {unit: dumps(before)}, CACHED_JOB)
    return before


def dumps(job: Job) -> bytes:
    """What of a base's Job the redline reads (pandoc document, front matter), as JSON."""
    meta = asdict(job.meta)
    meta["ngay"] = job.meta.ngay.isoformat() if job.meta.ngay else None
    return json.dumps({"pandoc": job.pandoc_json, "meta": meta}, ensure_ascii=False).encode()


def loads(data: bytes, today: Job) -> Job:
    """A base's Job from ``dumps``, with today's settings and reference (the cache key
    holds them)."""
    saved: dict[str, Any] = json.loads(data)
    meta = saved["meta"]
    meta["ngay"] = dt.date.fromisoformat(meta["ngay"]) if meta["ngay"] else None
    meta["noi_nhan"] = tuple(meta["noi_nhan"])
    return replace(today, pandoc_json=saved["pandoc"], meta=DocumentMeta(**meta))
