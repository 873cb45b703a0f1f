"""Lint many units in several processes; results come back without their parsed trees.

Small runs (the pre-commit case, a pull request) stay in one process: starting
workers costs more than it saves. Results are returned in the order of ``units``.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from baocao.interrupts import ignore_interrupt, workers_stopped_on_error
from baocao.lint.engine import UnitResult, lint_unit
from baocao.lint.rules.base import Rule
from baocao.project import Project

MIN_UNITS_PER_WORKER = 40


def workers_for(count: int, jobs: int) -> int:
    """``jobs`` workers, or with 0 as many as the cores and the number of units make worth it."""
    if jobs > 0:
        return jobs
    return max(1, min(os.cpu_count() or 1, count // MIN_UNITS_PER_WORKER))


def run(
    project: Project,
    units: list[Path],
    rules: list[type[Rule]],
    keep_reports: bool = False,
    jobs: int = 0,
    explain: bool = False,
) -> list[UnitResult]:
    workers = 1 if keep_reports else workers_for(len(units), jobs)
    if workers == 1:
        return [
            lint_unit(project, unit, rules, keep_report=keep_reports, explain=explain)
            for unit in units
        ]
    chunks = [units[i::workers] for i in range(workers)]
    with (
        ProcessPoolExecutor(max_workers=workers, initializer=ignore_interrupt) as pool,
        workers_stopped_on_error(pool),
    ):
        jobs_args = [(project, chunk, rules, explain) for chunk in chunks]
        with _interrupt_held():  # the workers are forked here
            pending = pool.map(_lint_chunk, jobs_args)
        parts = list(pending)
    order = {unit: i for i, unit in enumerate(units)}
    results = [r for part in parts for r in part]
    return sorted(results, key=lambda r: order[project.root / r.path])


@contextmanager
def _interrupt_held() -> Iterator[None]:
    """Ctrl+C held while the workers are forked, delivered right after: raised inside
    Python's own fork handlers, it would print a traceback instead of stopping cleanly."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _lint_chunk(args: tuple[Project, list[Path], list[type[Rule]], bool]) -> list[UnitResult]:
    project, chunk, rules, explain = args
    return [lint_unit(project, unit, rules, keep_report=False, explain=explain) for unit in chunk]
