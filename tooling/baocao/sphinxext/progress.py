"""Progress of ``baocao build html``: a bar on a terminal, plain lines otherwise.

Plain lines are used when standard error is not a terminal or ``CI=true``. Progress
follows Sphinx's events in the main process: documents read (one by one when
reading serially, a chunk at a time when reading in parallel) and pages written.
Warnings are printed as they come, without Sphinx's colours. rich is imported only
for the bar: it takes longer to import than a small rebuild takes to run.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from sphinx.application import Sphinx
from sphinx.util.console import strip_colors

from baocao.sphinxext.texts import text

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


def wants_bar(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    return stream.isatty() and os.environ.get("CI", "").lower() not in ("true", "1")


def progress_bar(stream: TextIO) -> Progress:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(file=stream, highlight=False)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    return Progress(*columns, console=console, transient=True)


class BuildProgress:
    """Reports the phases of each build (``with progress:``); also the stream Sphinx
    writes warnings to, counting them in ``warnings`` for as long as it lives.
    """

    def __init__(self, bar: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.wants_bar = bar
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.phase = ""
        self.warnings = 0
        self.pid = os.getpid()

    def __enter__(self) -> BuildProgress:
        if self.wants_bar:
            self.bar = progress_bar(self.stream)
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.finish_phase()
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def connect(self, app: Sphinx) -> None:
        app.connect("env-before-read-docs", self.on_read_start)
        app.connect("doctree-read", self.on_doctree_read)
        app.connect("env-merge-info", self.on_merge)
        app.connect("baocao-writing", self.on_write_start)
        app.connect("baocao-written", self.on_written)

    def start_phase(self, key: str, total: int) -> None:
        self.finish_phase()
        self.phase = text(key)
        if self.bar is not None:
            self.task = self.bar.add_task(self.phase, total=total)
        else:
            self.line(text("cli.phase.start", phase=self.phase, total=total))

    def finish_phase(self) -> None:
        if not self.phase:
            return
        if self.bar is None:
            self.line(text("cli.phase.done", phase=self.phase))
        self.phase, self.task = "", None

    def advance(self, steps: int) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task, steps)

    def line(self, message: str) -> None:
        if self.bar is not None:
            self.bar.console.print(message, markup=False, soft_wrap=True)
        else:
            print(message, file=self.stream, flush=True)

    # Sphinx events (main process only: parallel readers are other processes)
    def on_read_start(self, app: Sphinx, env: Any, docnames: list[str]) -> None:
        if docnames:
            self.start_phase("cli.phase.read", len(docnames))

    def on_doctree_read(self, app: Sphinx, doctree: Any) -> None:
        if os.getpid() == self.pid:
            self.advance(1)

    def on_merge(self, app: Sphinx, env: Any, docnames: Any, other: Any) -> None:
        self.advance(len(docnames))

    def on_write_start(self, app: Sphinx, total: int) -> None:
        self.start_phase("cli.phase.write", total)

    def on_written(self, app: Sphinx, docname: str) -> None:
        self.advance(1)

    # the warning stream
    def write(self, data: str) -> int:
        message = strip_colors(data).strip()
        if message:
            self.warnings += 1
            self.line(text("cli.warning", message=message))
        return len(data)

    def flush(self) -> None:
        self.stream.flush()
