"""``baocao tong-hop``: the board's own report, a working draft gathered from the units.

Exit status 0 when the page and the Word file were written (units kept apart are
news, listed, not a failure), 1 when either could not be built, 2 for a usage or
configuration error.
"""

from __future__ import annotations

import os

import click
from sphinx.errors import SphinxError

from baocao.buildlock import exclusive_build
from baocao.cli import set_exit_code
from baocao.i18n import t
from baocao.project import Project
from baocao.summary.make import Made, make_summary


@click.command("tong-hop", help=t("tong-hop.help"))
@click.option("--jobs", "-j", type=click.IntRange(1), default=None, help=t("tong-hop.opt.jobs"))
@click.option("--wait", is_flag=True, help=t("buildlock.opt.wait"))
def tong_hop(jobs: int | None, wait: bool) -> None:
    project = Project.discover()
    with exclusive_build(project.root, wait):
        try:
            made = make_summary(project, jobs or os.cpu_count() or 1)
        except SphinxError as err:  # the site's configuration, not the report
            click.echo(t("tong-hop.no-page", problem=err), err=True)
            set_exit_code(1)
            return
    report(project, made)


def report(project: Project, made: Made) -> None:
    click.echo(made.read_line)
    for note in made.notes:
        click.echo(note, err=True)
    for line in made.apart_lines:
        click.echo(line, err=True)
    built = made.built
    if built.page is None:
        problem = built.site.broken[0].problem if built.site.broken else "?"
        click.echo(t("tong-hop.no-page", problem=problem), err=True)
    if built.docx is None:
        problem = built.outcome.error if built.outcome else "?"
        click.echo(t("tong-hop.no-docx", problem=problem), err=True)
    if built.page is None or built.docx is None:
        set_exit_code(1)
        return
    click.echo(
        t(
            "tong-hop.written",
            gathered=made.gathered,
            expected=made.expected,
            apart=len(made.apart_lines),
            page=project.rel(built.page),
            docx=project.rel(built.docx),
        )
    )
