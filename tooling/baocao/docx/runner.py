"""Prepare and convert units one by one or in worker processes, reporting each as it ends.

With one job everything stays in this process. With more, a process pool does
the work. Where processes are forked (Linux), a worker inherits the loaded Sphinx
environment and prepares its units itself (doctree, lint, pandoc document), so
the main process only hands out unit names; elsewhere the main process prepares
each ``Job`` and workers convert it. A run may finish its Jobs otherwise than by
converting them (``baocao diff`` writes redlines instead): such a step runs where
the unit was prepared.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from baocao.docx.convert import Job, Outcome, convert, failed
from baocao.docx.pandoc import close_writers, kill_writers
from baocao.interrupts import ignore_interrupt, stop_children

Prepare = Callable[[str], Job]
Finish = Callable[[Job], Outcome]

# The preparing and finishing functions of the current run, inherited by forked
# workers (a bound method of the Sphinx builder cannot be sent to a worker).
_prepare: Prepare | None = None
_finish: Finish = convert


def default_jobs() -> int:
    """The CPUs this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def prepare_and_finish(unit: str) -> Outcome:
    """Prepare ``unit`` with the inherited preparing function, then finish it (convert)."""
    start = time.perf_counter()
    try:
        assert _prepare is not None, "workers are forked after the run starts"
        job = _prepare(unit)
    except Exception as err:  # this unit cannot be prepared; the others go on
        return failed(unit, False, start, err)
    return _finish(job)


class Runner:
    """Converts units and hands back their outcomes; use it as a context manager."""

    def __init__(self, jobs: int, prepare: Prepare, finish: Finish = convert) -> None:
        """``finish`` other than ``convert`` runs where the unit was prepared: in this
        process where workers are not forked (it may need the builder's environment)."""
        self.fork = "fork" in multiprocessing.get_all_start_methods()
        self.jobs = max(jobs, 1) if self.fork or finish is convert else 1
        self.prepare = prepare
        self.finish = finish
        self._pool: ProcessPoolExecutor | None = None
        self._pending: dict[Future[Outcome], str] = {}
        self._ready: list[Outcome] = []

    def __enter__(self) -> Runner:
        global _prepare, _finish
        if self.jobs > 1:
            _prepare, _finish = self.prepare, self.finish
            context = multiprocessing.get_context("fork" if self.fork else None)
            self._pool = ProcessPoolExecutor(
                self.jobs, mp_context=context, initializer=ignore_interrupt
            )
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_exc: object) -> None:
        """Wait for the work when it ended well; on Ctrl+C or an error, stop it at once."""
        global _prepare, _finish
        _prepare, _finish = None, convert
        if exc_type is not None:
            stop_children()  # the workers, and with them their pandoc
            if self._pool is not None:
                # The workers are gone: this waits only for the pool's own thread to
                # end. Left ending, it closed its wake-up pipe while Python's exit wrote
                # to it ("OSError: Bad file descriptor" printed after Ctrl+C).
                self._pool.shutdown(wait=True, cancel_futures=True)
            kill_writers()
            return
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        close_writers()

    def submit(self, unit: str) -> None:
        if self._pool is not None and self.fork:
            self._pending[self._pool.submit(prepare_and_finish, unit)] = unit
            return
        start = time.perf_counter()
        try:
            job = self.prepare(unit)
        except Exception as err:  # this unit cannot be prepared; the others go on
            self._ready.append(failed(unit, False, start, err))
            return
        if self._pool is None:
            self._ready.append(self.finish(job))
        else:
            self._pending[self._pool.submit(convert, job)] = unit

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
        unit = self._pending.pop(future)
        try:
            return future.result()
        except Exception as err:  # the worker process died: this unit failed
            return failed(unit, False, time.perf_counter(), err)
