"""What the ``{bang-khen-thuong}`` directive shows for one unit: its tables, or a note.

The unit's data (``khen-thuong.yaml``, read by ``awards.load`` under the unit's
boundary) is shown only when the form has a schema and the data has no error (the
linter's own check, ``awards.check``): a unit without data, or with errors in it,
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
from baocao.project import Project

MAX_LISTED_ERRORS = 5


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


@dataclass
class Shown:
    """The parts to show, and every file they were made from (the page depends on them)."""

    parts: list[Part] = field(default_factory=list)
    read: list[Path] = field(default_factory=list)


def _vi(key: str, **params: object) -> str:
    return t(key, "vi", **params)


def data_errors(awards: UnitAwards, schema: AwardSchema) -> list[tuple[int, str]]:
    """The errors of a unit's data, each (line, message), first line first."""
    found = [(line, _vi(key, **params)) for line, key, params in awards.problems]
    for table in awards.tables.values():
        for row in table.rows:
            for column, cell in row.cells.items():
                if cell.count is None:
                    found.append((cell.line, f"{row.kind}.{column}: {cell.value!r}"))
    return sorted(found)


def unit_tables(project: Project, unit_dir: Path, form_dir: Path, request: Request) -> Shown:
    """The tables (or notes) of the unit in ``unit_dir`` for the form in ``form_dir``."""
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
        shown.parts.append(Note(_vi("awards-table.note.no-data", file=data_file)))
        return shown
    errors = data_errors(awards, schema)
    if errors:
        shown.parts.append(_errors_note(data_file, errors))
        return shown
    previous = _previous(project, unit_dir.name, awards, schema, shown)
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


def _previous(
    project: Project, slug: str, awards: UnitAwards, schema: AwardSchema, shown: Shown
) -> UnitAwards | None:
    """Last year's data of the unit, when it is in the archive and has no error."""
    if awards.year is None:
        return None
    previous = previous_awards(project.root, slug, awards.year)
    if previous is None:
        return None
    shown.read.append(previous.path)
    return None if data_errors(previous, schema) else previous


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
