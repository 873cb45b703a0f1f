"""``baocao build docx [UNIT ...]``: each unit's report as a Word file, in parallel.

Progress is a bar on a terminal and one plain line per unit elsewhere (CI logs).
Exit status 1 when any unit has no Word file, 2 for an unknown unit.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import click
from sphinx.errors import SphinxError

from baocao.buildlock import exclusive_build
from baocao.cli import set_exit_code
from baocao.docx.build import BuildPlan, build_docx, output_dir
from baocao.docx.convert import Outcome
from baocao.docx.runner import default_jobs
from baocao.docx.texts import text
from baocao.i18n import decimal
from baocao.lint.targets import unit_named
from baocao.project import Project


@click.command("docx", help=text("docx.help"))
@click.argument("units", nargs=-1)
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, help=text("docx.opt.jobs"))
@click.option("--wait", is_flag=True, help=text("buildlock.opt.wait"))
def docx(units: tuple[str, ...], jobs: int, wait: bool) -> None:
    project = Project.discover()
    units = check_units(project, units)
    with exclusive_build(project.root, wait):
        _docx(project, units, jobs)


def _docx(project: Project, units: tuple[str, ...], jobs: int) -> None:
    start = time.perf_counter()
    plan = BuildPlan(jobs=jobs or default_jobs())
    try:
        with Reporter(project) as reporter:
            plan.on_units, plan.on_outcome = reporter.begin, reporter.done
            outcomes = build_docx(project, list(units), plan)
    except SphinxError as err:  # the site's configuration, not one unit
        click.echo(text("docx.sphinx-error", error=err), err=True)
        set_exit_code(2)
        return
    summarise(project, outcomes, output_dir(project), time.perf_counter() - start)


def check_units(project: Project, units: tuple[str, ...]) -> tuple[str, ...]:
    """The slugs of the named units (slugs or paths); an unknown one is a usage error."""
    slugs = []
    for unit in units:
        found = unit_named(project, unit)
        if found is None:
            known = ", ".join(path.name for path in project.unit_dirs())
            reports = project.rel(project.reports_dir)
            message = text("docx.unknown-unit", unit=unit, reports=reports, known=known)
            raise click.UsageError(message)
        slugs.append(found.name)
    return tuple(dict.fromkeys(slugs))


def outcome_line(project: Project, outcome: Outcome) -> str:
    if not outcome.ok:
        return text("docx.failed", unit=outcome.unit, error=outcome.error)
    key = "docx.written-draft" if outcome.draft else "docx.written"
    return text(key, unit=outcome.unit, path=project.rel(outcome.path or Path()))


class Reporter:
    """A progress bar (rich) on a terminal; one plain line per unit otherwise."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.fancy = sys.stderr.isatty() and not os.environ.get("CI")
        self.progress: Any = None
        self.task: Any = None

    def __enter__(self) -> Reporter:
        if self.fancy:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
            console = Console(stderr=True)
            self.progress = Progress(TextColumn("{task.description}"), *columns, console=console)
            self.progress.start()
            self.task = self.progress.add_task(text("docx.reading"), total=None)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def begin(self, units: list[str]) -> None:
        if self.progress is not None:
            self.progress.update(self.task, description=text("docx.progress"), total=len(units))

    def done(self, outcome: Outcome) -> None:
        line = outcome_line(self.project, outcome)
        if self.progress is None:
            click.echo(line, err=not outcome.ok)
            return
        if not outcome.ok or outcome.draft:
            self.progress.console.print(line, markup=False, highlight=False)
        self.progress.advance(self.task)


def summarise(project: Project, outcomes: list[Outcome], outdir: Path, seconds: float) -> None:
    if not outcomes:
        click.echo(text("docx.nothing"))
        return
    written = [o for o in outcomes if o.ok]
    click.echo(
        text(
            "docx.summary",
            written=len(written),
            drafts=sum(o.draft for o in written),
            seconds=decimal(seconds),
            outdir=project.rel(outdir),
        )
    )
    failed = sorted(o.unit for o in outcomes if not o.ok)
    if failed:
        click.echo(
            text("docx.summary-failed", failed=len(failed), units=", ".join(failed)), err=True
        )
        set_exit_code(1)
