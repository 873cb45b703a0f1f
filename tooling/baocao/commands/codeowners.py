"""``baocao codeowners [--check]``: write or check .github/CODEOWNERS."""

from __future__ import annotations

import click

from baocao.cli import set_exit_code
from baocao.codeowners import CODEOWNERS, check_codeowners, write_codeowners
from baocao.i18n import t
from baocao.project import Project


@click.command(help=t("codeowners.help"))
@click.option("--check", is_flag=True, help=t("codeowners.opt.check"))
def codeowners(check: bool) -> None:
    project = Project.discover()
    path = CODEOWNERS.as_posix()
    if check:
        if check_codeowners(project):
            click.echo(t("codeowners.up-to-date", path=path))
        else:
            click.echo(t("codeowners.stale", path=path), err=True)
            set_exit_code(1)
        return
    if write_codeowners(project):
        click.echo(t("codeowners.written", path=path, units=len(project.units.units)))
    else:
        click.echo(t("codeowners.unchanged", path=path))
