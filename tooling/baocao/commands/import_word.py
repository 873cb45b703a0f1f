"""``baocao import FILE UNIT``: a unit's Word report into ``reports/<UNIT>/``."""

from __future__ import annotations

from pathlib import Path

import click

from baocao.i18n import t
from baocao.lint import fixer
from baocao.lint.engine import UnitResult, lint_unit
from baocao.project import Project
from baocao.scaffold import check_new, create_unit, report_year
from baocao.wordin.importer import ACCEPT, REJECT, read_word
from baocao.wordin.recognise import recognise
from baocao.wordin.summary import report_lines
from baocao.wordin.unit import render


@click.command(name="import", help=t("import.help"))
@click.argument("file", type=click.Path(path_type=Path))
@click.argument("unit")
@click.option("--single-file", is_flag=True, help=t("import.opt.single-file"))
@click.option("--accept-changes", "changes", flag_value=ACCEPT, help=t("import.opt.accept"))
@click.option("--reject-changes", "changes", flag_value=REJECT, help=t("import.opt.reject"))
@click.option("--name", default=None, help=t("import.opt.name"))
@click.option("--form", "form_id", default=None, help=t("import.opt.form"))
@click.option("--no-fix", is_flag=True, help=t("import.opt.no-fix"))
def import_word(
    file: Path,
    unit: str,
    single_file: bool,
    changes: str | None,
    name: str | None,
    form_id: str | None,
    no_fix: bool,
) -> None:
    project = Project.discover()
    check_new(project, unit)
    form = project.form(form_id)
    imported = read_word(file, changes)
    year = imported.values.get("nam")
    year = year if isinstance(year, int) else report_year()
    imported.values = values = {"mau": form.id, **imported.values}
    recognised = recognise(imported.body.items, form, year)
    title = str(values.get("trich_yeu") or form.title_for(year))
    files: dict[str, str | bytes] = dict(
        render(values, title, imported.body.items, recognised, single_file)
    )
    files.update(imported.media)
    unit_name = (name or str(values.get("co_quan") or unit)).strip()
    target = create_unit(project, unit, files, unit_name)
    click.echo(t("import.done", file=str(file), path=project.rel(target)))
    for line in report_lines(imported, recognised, project.rel(target / "index.md")):
        click.echo(line)
    result = lint_unit(project, target)
    fixed = 0
    if not no_fix:
        changes_made = fixer.fixed_texts(result)
        if changes_made:
            fixer.apply(changes_made)
            fixed = len(changes_made)
            result = lint_unit(project, target)
    _summary(result, fixed, unit)


def _summary(result: UnitResult, fixed: int, unit: str) -> None:
    if fixed:
        click.echo(t("import.fixed", count=fixed))
    click.echo(
        t(
            "import.lint",
            errors=result.errors,
            warnings=result.warnings,
            present=result.present,
            required=result.required,
            unit=unit,
        )
    )
