"""``baocao import`` from start to end: read the file, write the unit, lint it, fix it.

The linter's modules are imported while pandoc reads the body (``_load_linter``): the
two run side by side, and the import's start-up is that much shorter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from baocao.project import Project
from baocao.scaffold import check_new, create_unit, report_year
from baocao.wordin.importer import Imported, read_word

if TYPE_CHECKING:
    from baocao.lint.engine import UnitResult
    from baocao.wordin.recognise import Recognised


@dataclass
class Outcome:
    target: Path
    imported: Imported
    recognised: list[Recognised]
    result: UnitResult
    fixed: int = 0
    lines: list[str] = field(default_factory=list)


def _load_linter() -> None:
    """Import what comes after pandoc (the linter, the form alignment, the parser)."""
    from baocao.lint import engine, fixer  # noqa: F401
    from baocao.mdparser import parser
    from baocao.wordin import recognise, summary, unit  # noqa: F401

    parser()


def import_file(
    project: Project,
    file: Path,
    unit: str,
    *,
    single_file: bool = False,
    changes: str | None = None,
    name: str | None = None,
    form_id: str | None = None,
    fix: bool = True,
) -> Outcome:
    """Import ``file`` as the new unit ``unit``; nothing is written if reading fails."""
    check_new(project, unit)
    form = project.form(form_id)
    imported = read_word(file, form.document_type, changes, _load_linter)
    from baocao.lint import fixer
    from baocao.lint.engine import lint_unit
    from baocao.wordin.recognise import recognise
    from baocao.wordin.summary import report_lines
    from baocao.wordin.unit import render

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
    lines = report_lines(imported, recognised, project.rel(target / "index.md"))
    result = lint_unit(project, target)
    fixed = 0
    if fix:
        changed = fixer.fixed_texts(result)
        if changed:
            fixer.apply(changed)
            fixed = len(changed)
            result = lint_unit(project, target)
    return Outcome(target, imported, recognised, result, fixed, lines)
