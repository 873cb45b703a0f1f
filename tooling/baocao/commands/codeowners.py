"""``baocao codeowners [--check]``: write or check .github/CODEOWNERS."""

from __future__ import annotations

import click

from baocao.cli import set_exit_code
from baocao.codeowners import CODEOWNERS, check_codeowners, review_t, write_codeowners
from baocao.project import Project


@click.command(help=review_t("codeowners.help"))
@click.option("--check", is_flag=True, help=review_t("codeowners.opt.check"))
def codeowners(check: bool) -> None:
    project = Project.discover()
    path = CODEOWNERS.as_posix()
    if check:
        if check_codeowners(project):
            click.echo(review_t("codeowners.up-to-date", path=path))
        else:
            click.echo(review_t("codeowners.stale", path=path), err=True)
            set_exit_code(1)
        return
    if write_codeowners(project):
        click.echo(review_t("codeowners.written", path=path, units=len(project.units.units)))
    else:
        click.echo(review_t("codeowners.unchanged", path=path))
