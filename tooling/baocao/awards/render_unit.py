"""What the ``{bang-khen-thuong}`` directive shows for one unit: its tables, or a note.

The unit's data (``khen-thuong.yaml``, read by ``awards.load`` under the unit's
boundary) is shown only when the form has a schema and the linter's rules of the data
(BC6xx) find no error in it: a unit without data, or with errors in it,
gets a note saying why and what to do, in the very place of the table. Last year's
data (``archive/<year-1>/<unit>/``) adds last year's totals and the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from baocao.awards.load import load_unit_awards, previous_awards
from baocao.awards.model import DATA_FILE, AwardSchema, AwardTable, UnitAwards
from baocao.awards.render import RenderedTable, count_table, nominee_table
from baocao.awards.schema import load_schema, schema_path
from baocao.errors import ConfigError
from baocao.i18n import t
from baocao.lint import choose_rules, lint_unit
from baocao.project import Project

MAX_LISTED_ERRORS = 5
AWARDS_FAMILY = "awards"  # the lint rules of the data (BC6xx)


@dataclass(frozen=True)
class Note:
    """Why a table is not shown, and what to do (Vietnamese, as the report is)."""

    text: str
    items: tuple[str, ...] = ()


Part = RenderedTable | Note


@dataclass(frozen=True)
class Request:
    """The directive's options: which tables (empty: every table of the form) and
    whether to list the names proposed."""

    tables: tuple[str, ...] = ()
    names: bool = False


@dataclass(frozen=True)
class Checked:
    """What the linter says of a unit's data: its form's folder, the data's errors."""

    form_dir: Path
    errors: list[tuple[int, str]]


@dataclass
class Shown:
    """The parts to show, and every file they were made from (the page depends on them)."""

    parts: list[Part] = field(default_factory=list)
    read: list[Path] = field(default_factory=list)


def _vi(key: str, **params: object) -> str:
    return t(key, "vi", **params)


def checked_by_lint(project: Project, unit_dir: Path) -> Checked:
    """The errors the linter finds in a unit's data file (the BC6xx rules the project
    runs), each (line, message), and the unit's form folder as the linter reads it."""
    rules = choose_rules(project.settings.select, project.settings.ignore)
    result = lint_unit(project, unit_dir, [r for r in rules if r.family == AWARDS_FAMILY], False)
    data_file = project.rel(unit_dir / DATA_FILE)
    errors = [
        (d.line, d.message("vi"))
        for d in result.diagnostics
        if d.severity == "error" and d.file == data_file
    ]
    form_id = result.form or project.settings.default_form
    return Checked(project.forms_dir / form_id, errors)


def unit_tables(
    project: Project, unit_dir: Path, request: Request, checked: Checked | None = None
) -> Shown:
    """The tables (or notes) of the unit in ``unit_dir``; ``checked`` is what the unit's
    lint found (the site's build has it), else the unit is linted here."""
    checked = checked or checked_by_lint(project, unit_dir)
    form_dir = checked.form_dir
    shown = Shown(read=[schema_path(form_dir), unit_dir / DATA_FILE])
    data_file = project.rel(unit_dir / DATA_FILE)
    try:
        schema = load_schema(form_dir)
    except ConfigError as err:
        problem = t(err.message_id, "vi", **err.params)
        if err.line:
            problem = _vi("awards-table.note.error-line", line=err.line, message=problem)
        file = project.rel(schema_path(form_dir))
        shown.parts.append(Note(_vi("awards-table.note.no-schema", file=file, problem=problem)))
        return shown
    unknown = [table for table in request.tables if schema.table(table) is None]
    if unknown:
        known = ", ".join(table.id for table in schema.tables)
        note = _vi("awards-table.note.unknown-table", table=", ".join(unknown), known=known)
        shown.parts.append(Note(note))
        return shown
    awards = load_unit_awards(unit_dir, project.settings.max_file_bytes)
    if awards is None:
        note = _vi("awards-table.note.no-data", file=data_file, slug=unit_dir.name)
        shown.parts.append(Note(note))
        return shown
    if checked.errors:
        shown.parts.append(_errors_note(data_file, checked.errors))
        return shown
    previous = _previous(project, unit_dir.name, awards, shown)
    shown.parts.extend(_tables(schema, awards, previous, request, data_file))
    return shown


def _errors_note(data_file: str, errors: Sequence[tuple[int, str]]) -> Note:
    items = [
        _vi("awards-table.note.error-line", line=line, message=message)
        for line, message in errors[:MAX_LISTED_ERRORS]
    ]
    if len(errors) > MAX_LISTED_ERRORS:
        items.append(_vi("awards-table.note.more-errors", count=len(errors) - MAX_LISTED_ERRORS))
    return Note(_vi("awards-table.note.errors", file=data_file), tuple(items))


def _previous(project: Project, slug: str, awards: UnitAwards, shown: Shown) -> UnitAwards | None:
    """Last year's data of the unit, when it is in the archive and the linter finds no
    error in it (read in last year's report, as the linter reads any unit)."""
    if awards.year is None:
        return None
    previous = previous_awards(project.root, slug, awards.year)
    if previous is None:
        return None
    shown.read.append(previous.path)
    return None if checked_by_lint(project, previous.path.parent).errors else previous


def _tables(
    schema: AwardSchema,
    awards: UnitAwards,
    previous: UnitAwards | None,
    request: Request,
    data_file: str,
) -> list[Part]:
    parts: list[Part] = []
    year = previous.year if previous else None
    for spec in schema.tables:
        if request.tables and spec.id not in request.tables:
            continue
        current = awards.tables.get(spec.id)
        before = previous.tables.get(spec.id) if previous else None
        if current is None and before is None:
            note = _vi(
                "awards-table.note.no-table", file=data_file, label=spec.label, table=spec.id
            )
            parts.append(Note(note))
            continue
        if previous is not None and before is None:  # last year's file, none of this table
            before = AwardTable(spec.id, 0)
        parts.append(count_table(schema, spec, current, before, awards.year, year))
    if request.names:
        if awards.nominees:
            parts.append(nominee_table(schema, awards))
        else:
            parts.append(Note(_vi("awards-table.note.no-names", file=data_file)))
    return parts
