"""``baocao new <slug>``: scaffold a unit's report from the form."""

from __future__ import annotations

import click

from baocao.i18n import t
from baocao.project import Project
from baocao.scaffold import new_unit, report_year


@click.command(help=t("new.help"))
@click.argument("slug")
@click.option("--form", "form_id", default=None, help=t("new.opt.form"))
@click.option("--year", type=click.IntRange(2000, 2100), default=None, help=t("new.opt.year"))
@click.option("--co-quan", default=None, help=t("new.opt.co-quan"))
@click.option("--single-file", is_flag=True, help=t("new.opt.single-file"))
def new(
    slug: str, form_id: str | None, year: int | None, co_quan: str | None, single_file: bool
) -> None:
    project = Project.discover()
    year = year or report_year()
    target = new_unit(
        project, slug, form_id=form_id, year=year, co_quan=co_quan, single_file=single_file
    )
    click.echo(t("new.created", path=project.rel(target), year=year))
