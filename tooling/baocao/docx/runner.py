"""Run conversions one by one or in worker processes, reporting each as it ends.

With one job the work stays in this process. With more, a process pool (fork
where available: workers inherit the loaded libraries) converts units while the
caller prepares the next ones; ``poll`` and ``drain`` yield outcomes as they come.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from baocao.docx.convert import Job, Outcome, convert, failed


def default_jobs() -> int:
    """The CPUs this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Runner:
    """Converts jobs and hands back their outcomes; use it as a context manager."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(jobs, 1)
        self._pool: ProcessPoolExecutor | None = None
        self._pending: dict[Future[Outcome], Job] = {}
        self._ready: list[Outcome] = []

    def __enter__(self) -> Runner:
        if self.jobs > 1:
            fork = "fork" in multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if fork else None)
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=context)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, job: Job) -> None:
        if self._pool is None:
            self._ready.append(convert(job))
        else:
            self._pending[self._pool.submit(convert, job)] = job

    def add(self, outcome: Outcome) -> None:
        """Record an outcome decided without converting (a unit that could not be prepared)."""
        self._ready.append(outcome)

    def poll(self) -> Iterator[Outcome]:
        """Outcomes available now, without waiting."""
        yield from self._take_ready()
        for future in [f for f in self._pending if f.done()]:
            yield self._result(future)

    def drain(self) -> Iterator[Outcome]:
        """Every remaining outcome, waiting for the workers."""
        yield from self._take_ready()
        while self._pending:
            finished, _ = wait(self._pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield self._result(future)

    def _take_ready(self) -> Iterator[Outcome]:
        while self._ready:
            yield self._ready.pop(0)

    def _result(self, future: Future[Outcome]) -> Outcome:
        job = self._pending.pop(future)
        try:
            return future.result()
        except Exception as err:  # the worker process died: this unit failed
            return failed(job.unit, job.meta.draft, time.perf_counter(), err)
