"""``baocao xuat``: the province's roll-up of commendation numbers as files for the board
(.xlsx with formulas, CSV), in ``_build/xuat/``.

Units left out of the roll-up (no data, data errors, another year) are listed with why;
they do not fail the command, which exits 1 only when a file could not be written.
"""

from __future__ import annotations

import click

from baocao.awards.bieu import load_layout
from baocao.awards.collect import project_rollup
from baocao.awards.export import export_dir, write_exports
from baocao.awards.schema import has_schema
from baocao.cli import set_exit_code
from baocao.i18n import t
from baocao.project import Project


@click.command("xuat", help=t("xuat.help"))
@click.option("--year", type=click.IntRange(2000, 2100), default=None, help=t("xuat.opt.year"))
def xuat(year: int | None) -> None:
    project = Project.discover()
    form_dir = project.forms_dir.resolve() / project.settings.default_form
    if not has_schema(form_dir):
        click.echo(t("xuat.no-schema", form=project.settings.default_form))
        return
    rollup = project_rollup(project, year)
    layout = load_layout(form_dir, rollup.schema)
    for unit in rollup.left_out:
        click.echo(t("xuat.left-out", unit=unit.slug, why=rollup.why(unit)), err=True)
    folder = export_dir(project.root)
    try:
        written = write_exports(rollup, folder, layout)
    except OSError as err:
        click.echo(
            t("xuat.failed", folder=project.rel(folder), error=err.strerror or err), err=True
        )
        set_exit_code(1)
        return
    for path in written:
        click.echo(t("xuat.written", path=project.rel(path)))
    key = "xuat.summary-left-out" if rollup.left_out else "xuat.summary"
    year = rollup.year or "?"
    click.echo(t(key, year=year, summed=len(rollup.units), left_out=len(rollup.left_out)))
