"""``baocao diff``'s work: build both versions of the changed units, write the redlines.

Today's files come from the Word builder as ``baocao build docx`` writes them;
the older ones from a temporary project holding the units as they were at the
merge base. Each unit's redline is written to ``_build/diff/<unit>.docx`` and
``<unit>.html`` atomically; what goes wrong in one unit is that unit's outcome.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from pathlib import Path

from baocao.docx.build import BUILD_DIR, BuildPlan, build_docx
from baocao.docx.convert import Outcome
from baocao.fsutil import write_atomic
from baocao.i18n import t
from baocao.project import Project
from baocao.redline import cache
from baocao.redline.document import redline
from baocao.redline.history import authorships
from baocao.redline.page import render
from baocao.redline.source import build_at, git


@dataclass
class UnitDiff:
    """One unit's redline: its files and changed sections, or why there is none."""

    unit: str
    docx: Path | None = None
    html: Path | None = None
    sections: list[str] = field(default_factory=list)
    error: str | None = None


PARALLEL_FROM = 8  # fewer units are written in this process: starting workers costs more


def output_dir(project: Project) -> Path:
    return project.root / BUILD_DIR / "diff"


def merge_base(project: Project, ref: str) -> str:
    return str(git(project, ref, "merge-base", ref, "HEAD")).strip()


def diff_units(project: Project, ref: str, units: Sequence[str], jobs: int) -> list[UnitDiff]:
    """Build the older files in another process while today's are built in this one.

    Each build then has a Sphinx application of its own, in a process of its own
    (Sphinx's registries are global to a process). The redlines are then written
    by ``jobs`` worker processes.
    """
    base = merge_base(project, ref)
    with (
        tempfile.TemporaryDirectory(prefix="baocao-diff-") as tmp,
        ProcessPoolExecutor(1, mp_context=_context()) as pool,
    ):
        older = pool.submit(build_before, project.root, base, list(units), Path(tmp), jobs)
        outcomes = build_docx(project, list(units), BuildPlan(jobs=jobs))
        before, existed = older.result()
    today = {o.unit: o for o in outcomes}
    who = authorships(project, base, units)
    tasks = [
        Task(
            output_dir(project),
            unit,
            unit_title(project, unit),
            today.get(unit),
            before.get(unit),
            unit in existed,
            who[unit].author,
            who[unit].date or dt.datetime.now(dt.UTC),
        )
        for unit in units
    ]
    if jobs < 2 or len(tasks) < PARALLEL_FROM:
        return [unit_diff(task) for task in tasks]
    with ProcessPoolExecutor(jobs, mp_context=_context()) as pool:
        return list(pool.map(unit_diff, tasks, chunksize=4))


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def build_before(
    root: Path, base: str, units: list[str], workdir: Path, jobs: int
) -> tuple[dict[str, bytes], set[str]]:
    """The units' Word files at ``base``, and the units that existed there (in a worker).

    Files built before from the same inputs come from the cache; the others are
    built, then cached.
    """
    project = Project.discover(root)
    keys = cache.unit_keys(project, base, units)
    found = cache.load(project, keys)
    missing = [unit for unit in units if unit in keys and unit not in found]
    if not missing:
        return found, set(keys)
    built = build_at(project, base, missing, workdir, jobs)
    cache.store(project, keys, built)
    return found | built, set(keys)


@dataclass(frozen=True)
class Task:
    """Everything needed to write one unit's redline (plain data, for a worker)."""

    out: Path
    unit: str
    title: str
    today: Outcome | None
    before: bytes | None
    existed: bool  # the unit's folder was there at the base (so ``before`` should be too)
    author: str
    date: dt.datetime


def unit_diff(task: Task) -> UnitDiff:
    """Write one unit's redline files; never raises."""
    today, unit = task.today, task.unit
    if today is None or not today.ok or today.path is None:
        return UnitDiff(unit, error=today.error if today is not None else "")
    if task.existed and task.before is None:  # not a new unit: its older file failed
        return UnitDiff(unit, error=t("diff.base-failed"))
    try:
        data = redline(task.before, today.path.read_bytes(), task.author, task.date)
        html, sections = render(data, task.title)
        write_atomic(task.out / f"{unit}.docx", data)
        write_atomic(task.out / f"{unit}.html", html.encode("utf-8"))
    except Exception as err:  # any failure is this unit's, reported, not raised
        return UnitDiff(unit, error=" ".join(str(err).split()) or type(err).__name__)
    return UnitDiff(unit, task.out / f"{unit}.docx", task.out / f"{unit}.html", sections)


def unit_title(project: Project, unit: str) -> str:
    known = project.units.units
    return known[unit].name if unit in known and known[unit].name else unit
