"""``baocao new <slug>``: scaffold a unit's report from the form."""

from __future__ import annotations

import click

from baocao.codeowners import CODEOWNERS, normal_handle, write_codeowners
from baocao.errors import ConfigError
from baocao.i18n import t
from baocao.project import Project
from baocao.scaffold import new_unit, report_year
from baocao.units_file import known_kinds


def _owners(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple:
    handles = tuple(normal_handle(value) for value in values)
    for value, handle in zip(values, handles, strict=True):
        if handle is None:
            raise click.BadParameter(t("new.bad-owner", owner=value))
    return handles


@click.command(help=t("new.help"))
@click.argument("slug")
@click.option("--form", "form_id", default=None, help=t("new.opt.form"))
@click.option("--year", type=click.IntRange(2000, 2100), default=None, help=t("new.opt.year"))
@click.option("--co-quan", default=None, help=t("new.opt.co-quan"))
@click.option("--kind", type=click.Choice(known_kinds()), default=None, help=t("new.opt.kind"))
@click.option("--owner", "owners", multiple=True, callback=_owners, help=t("new.opt.owner"))
@click.option("--single-file", is_flag=True, help=t("new.opt.single-file"))
def new(
    slug: str,
    form_id: str | None,
    year: int | None,
    co_quan: str | None,
    kind: str | None,
    owners: tuple[str, ...],
    single_file: bool,
) -> None:
    project = Project.discover()
    year = year or report_year()
    target = new_unit(
        project,
        slug,
        form_id=form_id,
        year=year,
        co_quan=co_quan,
        single_file=single_file,
        kind=kind or "",
        owners=owners,
    )
    click.echo(t("new.created", path=project.rel(target), year=year))
    if not kind or not owners:
        click.echo(t("new.no-kind-owner", file=project.rel(project.units_file), slug=slug))
    _update_codeowners(project)


def _update_codeowners(project: Project) -> None:
    """Keep a committed CODEOWNERS current, so no later lint calls it stale."""
    if not (project.root / CODEOWNERS).is_file():
        return
    try:
        write_codeowners(Project.discover(project.root))  # read units.yaml again
    except ConfigError as error:
        click.echo(t("new.codeowners-failed", error=error.render()), err=True)
        return
    click.echo(t("new.codeowners-updated", path=str(CODEOWNERS)))
