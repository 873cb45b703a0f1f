"""``baocao import FILE UNIT``: a unit's Word report into ``reports/<UNIT>/``."""

from __future__ import annotations

from pathlib import Path

import click

from baocao.commands.import_onto import FORMATS, TEXT, run_onto
from baocao.errors import UsageError
from baocao.i18n import t
from baocao.project import Project
from baocao.wordin.importer import ACCEPT, REJECT
from baocao.wordin.run import import_file


@click.command(name="import", help=t("import.help"))
@click.argument("file", type=click.Path(path_type=Path))
@click.argument("unit", required=False)
@click.option("--single-file", is_flag=True, help=t("import.opt.single-file"))
@click.option("--accept-changes", "changes", flag_value=ACCEPT, help=t("import.opt.accept"))
@click.option("--reject-changes", "changes", flag_value=REJECT, help=t("import.opt.reject"))
@click.option("--name", default=None, help=t("import.opt.name"))
@click.option("--form", "form_id", default=None, help=t("import.opt.form"))
@click.option("--no-fix", is_flag=True, help=t("import.opt.no-fix"))
@click.option("--onto", metavar="UNIT", default=None, help=t("onto.opt.onto"))
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default=TEXT, help=t("onto.opt.format")
)
@click.option("--dry-run", is_flag=True, help=t("onto.opt.dry-run"))
def import_word(
    file: Path,
    unit: str | None,
    single_file: bool,
    changes: str | None,
    name: str | None,
    form_id: str | None,
    no_fix: bool,
    onto: str | None,
    fmt: str,
    dry_run: bool,
) -> None:
    if onto is not None or unit is None:
        others = single_file or changes or name or form_id or no_fix
        if onto is None or unit is not None or others:
            raise UsageError("onto.usage")
        run_onto(file, onto, fmt, dry_run)
        return
    project = Project.discover()
    outcome = import_file(
        project,
        file,
        unit,
        single_file=single_file,
        changes=changes,
        name=name,
        form_id=form_id,
        fix=not no_fix,
    )
    click.echo(t("import.done", file=str(file), path=project.rel(outcome.target)))
    for line in outcome.lines:
        click.echo(line)
    if outcome.fixed:
        click.echo(t("import.fixed", count=outcome.fixed))
    result = outcome.result
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
