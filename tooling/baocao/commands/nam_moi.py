"""``baocao nam-moi NĂM [UNIT ...]``: close the year of every unit (or those named)
and start the new year's report from last year's."""

from __future__ import annotations

from pathlib import Path

import click

from baocao.cli import set_exit_code
from baocao.errors import BaocaoError, UsageError
from baocao.faults import reason
from baocao.i18n import t
from baocao.lint.targets import unit_named
from baocao.newyear import prepare
from baocao.project import Project
from baocao.rollover import roll_over
from baocao.units_file import set_year


@click.command(help=t("newyear.help"))
@click.argument("year", metavar=t("newyear.metavar"), type=click.IntRange(2000, 2100))
@click.argument("units", nargs=-1)
def nam_moi(year: int, units: tuple[str, ...]) -> None:
    project = Project.discover()
    unit_dirs = _units(project, units)
    done = sum(_one(project, unit_dir, year) for unit_dir in unit_dirs)
    if done and set_year(project.units_file, year):
        click.echo(t("newyear.units-year", file=project.rel(project.units_file), year=year))
    click.echo(t("newyear.summary", done=done, units=len(unit_dirs), year=year))
    if project.settings.year and project.settings.year != year:
        click.echo(t("newyear.settings-year", year=year, setting=project.settings.year))
    if done < len(unit_dirs):
        set_exit_code(1)


def _units(project: Project, names: tuple[str, ...]) -> list[Path]:
    """The units named (each must exist: nothing is done on a typo), or every unit."""
    if not names:
        return project.unit_dirs()
    found = []
    for name in names:
        unit = unit_named(project, name)
        if unit is None:
            raise UsageError(
                "newyear.no-such-unit", unit=name, folder=project.rel(project.reports_dir)
            )
        found.append(project.reports_dir / unit.name)
    return list(dict.fromkeys(found))


def _one(project: Project, unit_dir: Path, year: int) -> bool:
    """Roll one unit over; its failure is told and the other units go on."""
    try:
        unit = prepare(project, unit_dir, year)
        archived = roll_over(project, unit)
    except BaocaoError as err:
        click.echo(t("newyear.refused", unit=unit_dir.name, error=err.render()), err=True)
        return False
    except Exception as err:  # this unit's fault (baocao.faults); the others go on
        click.echo(t("newyear.failed", unit=unit_dir.name, error=reason(err)), err=True)
        return False
    rel = project.rel(unit_dir)
    click.echo(
        t(
            "newyear.done",
            unit=unit.slug,
            old=unit.old_year,
            new=year,
            archive=project.rel(archived),
            path=rel,
        )
    )
    if unit.errors:
        click.echo(t("newyear.was-draft", unit=unit.slug, errors=unit.errors, year=unit.old_year))
    if not unit.plan_found:
        click.echo(t("newyear.no-plan", unit=unit.slug, year=unit.old_year))
    if unit.awards:
        click.echo(t("newyear.awards", unit=unit.slug, archive=project.rel(archived), year=year))
    return True
