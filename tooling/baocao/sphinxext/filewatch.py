"""Changes to a project's sources, gathered by watchfiles in a thread.

Watching starts before the first build and goes on during every build, so no save
is missed: changes that arrive while a build runs are handed over together when it
ends. Paths are relative to the project root.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from queue import Empty, Queue
from threading import Event, Thread

import watchfiles

from baocao.project import Project

CONFIG_FILES = ("conf.py", "pyproject.toml")
# How long watchfiles waits for more events before handing over a batch: a save is
# often several events (milliseconds).
STEP_MS = 50
# How often the watching thread wakes up with nothing to report (milliseconds), and
# how often the waiting side looks at its stop event (seconds).
IDLE_MS = 200
POLL_S = 0.2


def watched_paths(project: Project) -> list[Path]:
    """The reports and forms folders, conf.py and pyproject.toml (those that exist)."""
    paths = [project.reports_dir, project.forms_dir]
    paths += [project.root / name for name in CONFIG_FILES]
    return [path for path in paths if path.exists()]


class Changes:
    """Batches of changed paths, from ``start()`` until ``stop`` is set."""

    def __init__(self, project: Project, stop: Event) -> None:
        self.project = project
        self.stop = stop
        self.ready = Event()
        self.failure: BaseException | None = None
        self.batches: Queue[list[str]] = Queue()

    def start(self) -> None:
        """Start watching; return once the watch is in place (or raise why it is not)."""
        Thread(target=self._watch, name="baocao-watch", daemon=True).start()
        self.ready.wait()
        if self.failure is not None:
            raise self.failure

    def __iter__(self) -> Iterator[list[str]]:
        """Each batch as one list; batches that queued up during a build come as one."""
        while not self.stop.is_set():
            try:
                changed = self.batches.get(timeout=POLL_S)
            except Empty:
                continue
            while not self.batches.empty():
                changed += self.batches.get_nowait()
            yield sorted(set(changed))

    def _watch(self) -> None:
        try:
            for batch in watchfiles.watch(
                *watched_paths(self.project),
                step=STEP_MS,
                rust_timeout=IDLE_MS,
                yield_on_timeout=True,  # the first yield says the watch is in place
                stop_event=self.stop,
                raise_interrupt=False,
            ):
                self.ready.set()
                if batch:
                    self.batches.put([self.project.rel(Path(path)) for _, path in batch])
        except Exception as err:  # handed to start() or ends the watch
            self.failure = err
            self.stop.set()
        finally:
            self.ready.set()


def changes_config(project: Project, changed: list[str]) -> bool:
    """Whether the change touches conf.py, pyproject.toml or a form (the configuration)."""
    forms = project.rel(project.forms_dir) + "/"
    return any(path in CONFIG_FILES or path.startswith(forms) for path in changed)
