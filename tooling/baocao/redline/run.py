"""``baocao diff``'s work: the changed units' redlines, in a build of today's units.

The Word builder prepares each unit's Job as ``baocao build docx`` does but writes
no Word file: in the same worker, the unit's document at the merge base is made
from today's environment and the unit's redline written from the two Jobs
(``baocao.redline.within``). A unit whose base cannot be made that way (a file
gone since, a changed file that is not Markdown, a fault) is built at the base in
a temporary project (``baocao.redline.source``), then compared with today's file,
converted for it alone (in memory). Each unit's redline is written to
``_build/diff/<unit>.docx`` and ``<unit>.html`` atomically; ``baocao diff`` writes
nothing else there but the cache; what goes wrong in one unit is that unit's
outcome.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import shutil
import tempfile
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from pathlib import Path

from baocao.docx.build import BUILD_DIR, BuildPlan, build_docx
from baocao.docx.convert import Outcome
from baocao.interrupts import ignore_interrupt
from baocao.project import Project
from baocao.redline import cache
from baocao.redline.history import authorships
from baocao.redline.source import build_at, export, git, units_at
from baocao.redline.within import OldWay, RedlinePlan
from baocao.redline.write import Task, UnitDiff, unit_diff

PARALLEL_FROM = 8  # fewer units are written in this process: starting workers costs more


def output_dir(project: Project) -> Path:
    return project.root / BUILD_DIR / "diff"


def merge_base(project: Project, ref: str) -> str:
    return str(git(project, ref, "merge-base", ref, "HEAD")).strip()


def diff_units(project: Project, ref: str, units: Sequence[str], jobs: int) -> list[UnitDiff]:
    """Every unit's redline: made within today's build, or else the old way."""
    base = merge_base(project, ref)
    with tempfile.TemporaryDirectory(prefix="baocao-diff-") as tmp:
        planning = Planning(project, base, units, Path(tmp) / "base")
        try:
            outcomes = build_docx(project, list(units), BuildPlan(jobs=jobs, redline=planning))
        finally:
            planning.close()  # its files are in ``tmp``, whatever happened
        plan = planning.result()
        today = {o.unit: o for o in outcomes}
        made = {o.unit: o.after for o in outcomes if isinstance(o.after, UnitDiff)}
        rest = [u for u in units if u not in made]
        if rest:
            made |= diff_old_way(project, base, plan, rest, today, Path(tmp) / "old", jobs)
    return [made[unit] for unit in units]


def redline_plan(project: Project, base: str, units: Sequence[str], workdir: Path) -> RedlinePlan:
    """The changed units as they were at ``base`` (in ``workdir``), their cache keys,
    authors and titles."""
    workdir.mkdir()
    older = export(project, base, units_at(project, base, units), workdir)
    who = authorships(project, base, units)
    authors = {u: (who[u].author, who[u].date or dt.datetime.now(dt.UTC)) for u in units}
    keys = cache.unit_keys(project, base, units)
    titles = {u: unit_title(project, u) for u in units}
    return RedlinePlan(output_dir(project), older, keys, authors, titles)


class Planning:
    """``redline_plan`` made in a forked process while today's Sphinx application starts.

    Its steps (git commands, the base's files written) then use the second CPU; the
    docx builder asks for the ``result`` before its own workers start. Where processes
    are not forked, or when the child fails, the plan is made here (a failure is then
    raised as usual: a git error is the command's usage error).
    """

    def __init__(self, project: Project, base: str, units: Sequence[str], workdir: Path):
        self.out = output_dir(project)
        self._args = (project, base, units, workdir)
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[RedlinePlan | None] | None = None
        self._plan: RedlinePlan | None = None
        if "fork" in multiprocessing.get_all_start_methods():
            self._pool = ProcessPoolExecutor(1, _context(), initializer=ignore_interrupt)
            self._future = self._pool.submit(_plan_or_none, *self._args)

    def result(self) -> RedlinePlan:
        """The plan (made once: asked for again, the same plan)."""
        if self._plan is not None:
            return self._plan
        try:
            self._plan = self._future.result() if self._future is not None else None
        except BrokenProcessPool:
            self._plan = None
        finally:
            self.close()
        if self._plan is None:
            shutil.rmtree(self._args[3], ignore_errors=True)  # what the child left
            self._plan = redline_plan(*self._args)
        return self._plan

    def close(self) -> None:
        """Wait for the child: no other process is forked while it runs."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _plan_or_none(
    project: Project, base: str, units: Sequence[str], workdir: Path
) -> RedlinePlan | None:
    """``redline_plan`` in the child; None when it fails (the parent then makes it)."""
    try:
        return redline_plan(project, base, units, workdir)
    except Exception:  # made again in the parent, which reports it (errors do not pickle)
        return None


def diff_old_way(
    project: Project,
    base: str,
    plan: RedlinePlan,
    units: list[str],
    today: dict[str, Outcome],
    workdir: Path,
    jobs: int,
) -> dict[str, UnitDiff]:
    """The redlines of ``units`` from their files built at ``base`` in a temporary project
    and today's files that ``today``'s outcomes carry (``OldWay``).

    That build has a Sphinx application of its own, in a process of its own
    (Sphinx's registries are global to a process).
    """
    workdir.mkdir()
    files = {u: o.after.today for u, o in today.items() if isinstance(o.after, OldWay)}
    built = [u for u in units if u in files]
    before: dict[str, bytes] = {}
    if built:
        with ProcessPoolExecutor(1, mp_context=_context()) as pool:
            before = pool.submit(build_before, project.root, base, built, workdir, jobs).result()
    tasks = [
        Task(
            plan.out,
            u,
            plan.titles[u],
            files.get(u),
            before.get(u),
            plan.existed(u),
            *plan.authors[u],
            error=today[u].error if u in today else None,
        )
        for u in units
    ]
    if jobs < 2 or len(tasks) < PARALLEL_FROM:
        return {task.unit: unit_diff(task) for task in tasks}
    with ProcessPoolExecutor(jobs, mp_context=_context()) as pool:
        return {d.unit: d for d in pool.map(unit_diff, tasks, chunksize=4)}


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def build_before(
    root: Path, base: str, units: list[str], workdir: Path, jobs: int
) -> dict[str, bytes]:
    """The units' Word files at ``base`` (in a worker).

    Files built before from the same inputs come from the cache; the others are
    built, then cached.
    """
    project = Project.discover(root)
    keys = cache.unit_keys(project, base, units)
    found = cache.load(project, keys)
    missing = [unit for unit in units if unit in keys and unit not in found]
    if not missing:
        return found
    built = build_at(project, base, missing, workdir, jobs)
    cache.store(project, keys, built)
    return found | built


def unit_title(project: Project, unit: str) -> str:
    known = project.units.units
    return known[unit].name if unit in known and known[unit].name else unit
