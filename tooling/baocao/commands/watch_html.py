"""``baocao build html --watch``: the watcher's lines for its user.

Each change is announced ("Có thay đổi: ..."), then the build's result or error and,
for each unit the change touched, where it stands (required sections, errors,
warnings) and its page, then a line saying the watcher waits for the next change.
Exit status: 0 when stopped with Ctrl+C, 1 when watching itself failed.
"""

from __future__ import annotations

from pathlib import Path

import click

from baocao.cli import set_exit_code
from baocao.commands.build_html import echo_result
from baocao.filewatch import watched_paths
from baocao.project import Project
from baocao.sphinxext.dashboard import Row
from baocao.sphinxext.policy import unit_slug
from baocao.sphinxext.progress import BuildProgress, wants_bar
from baocao.sphinxext.run import SiteResult, clean_site
from baocao.sphinxext.texts import text
from baocao.sphinxext.watch import SiteWatcher, error_text

# Changed files named in a line before "and N more".
SHOWN_CHANGES = 3


class Echo:
    """The watcher's listener: one line per event, errors on standard error."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.units: set[str] = set()  # the units the last change touched

    def changed(self, paths: list[str]) -> None:
        click.echo(text("cli.watch.changed", files=describe(paths)))
        reports_dir = self.project.settings.reports_dir
        self.units = {slug for path in paths if (slug := unit_slug(path, reports_dir))}

    def built(self, result: SiteResult) -> None:
        echo_result(self.project, result)
        for row in result.rows:
            if row.slug in self.units and row.page is not None:
                self.echo_unit(row, result.outdir / f"{row.page}.html")
        self.units = set()
        click.echo(text("cli.watch.waiting"))

    def echo_unit(self, row: Row, page: Path) -> None:
        """Where the edited unit stands, as the linter says it."""
        summary = text(
            "lint.unit-summary",
            present=row.present,
            required=row.required,
            errors=row.errors,
            warnings=row.warnings,
        )
        where = self.project.rel(page)
        click.echo(text("cli.watch.unit", unit=row.name, summary=summary, page=where))

    def failed(self, error: str) -> None:
        click.echo(text("cli.failed", error=error), err=True)
        click.echo(text("cli.watch.waiting"))


def describe(changed: list[str]) -> str:
    shown = ", ".join(changed[:SHOWN_CHANGES])
    rest = len(changed) - SHOWN_CHANGES
    return text("cli.watch.more", files=shown, rest=rest) if rest > 0 else shown


def watch_html(project: Project, workers: int, clean: bool) -> None:
    if clean:
        clean_site(project.root)
    click.echo(text("cli.watch.start", paths=", ".join(watched_paths(project))))
    watcher = SiteWatcher(project, BuildProgress(wants_bar()), workers, Echo(project))
    failure = watcher.run()
    if failure is not None:
        click.echo(text("cli.watch.lost", error=error_text(failure)), err=True)
        set_exit_code(1)
        return
    click.echo(text("cli.watch.stopped"))
    set_exit_code(130)  # stopped by Ctrl+C, as every command (the shell's convention)
