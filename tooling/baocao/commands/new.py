"""``baocao new <slug>``: scaffold a unit's report from the form."""

from __future__ import annotations

import click

from baocao.awards.model import DATA_FILE
from baocao.awards.scaffold import add_data_file
from baocao.codeowners import CODEOWNERS, normal_handle, write_codeowners
from baocao.errors import BaocaoError, ConfigError
from baocao.i18n import t
from baocao.project import Project
from baocao.report import load_report
from baocao.scaffold import new_unit, report_year
from baocao.unitpaths import real_unit_dir
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
@click.option("--data-only", is_flag=True, help=t("awards.opt.data-only"))
def new(
    slug: str,
    form_id: str | None,
    year: int | None,
    co_quan: str | None,
    kind: str | None,
    owners: tuple[str, ...],
    single_file: bool,
    data_only: bool,
) -> None:
    project = Project.discover()
    if data_only:
        _data_only(project, slug, form_id, year)
        return
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


def _data_only(project: Project, slug: str, form_id: str | None, year: int | None) -> None:
    """Write the sample khen-thuong.yaml into the existing unit ``slug``, for the form
    and year of its report unless told otherwise."""
    unit_dir = project.reports_dir / slug
    if real_unit_dir(unit_dir) is None:
        raise BaocaoError("awards.no-unit", slug=slug, folder=project.rel(project.reports_dir))
    report = load_report(unit_dir, project.root, project.known_forms, project.settings)
    declared = report.front_matter.get("nam")
    year = year or (declared if isinstance(declared, int) else report_year())
    form = project.form(form_id or _known(project, report.front_matter.get("mau")))
    target = add_data_file(unit_dir, form.path.parent, year, project.rel(unit_dir / DATA_FILE))
    click.echo(t("awards.data-created", path=project.rel(target), year=year))


def _known(project: Project, form_id: object) -> str | None:
    return form_id if isinstance(form_id, str) and form_id in project.known_forms else None


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
