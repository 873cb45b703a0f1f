"""A unit's commendation tables as a reader sees them: rows, totals and shares computed.

Nothing here is typed by the unit except the counts: the total row, every share
(a breakdown such as people working directly, as a share of its column) and last
year's comparison are computed from ``UnitAwards``. The result is plain data
(texts and spans) that the site's directive turns into docutils nodes and the Word
builder into a Word table; no Sphinx or docutils here.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from baocao.awards.model import AwardSchema, AwardTable, Column, TableSpec, UnitAwards
from baocao.awards.render_numbers import change_text, count_text, points_text, share, share_text
from baocao.i18n import t

# More columns than this (the label included) do not fit the width of a portrait A4
# page at the tables' 13 pt: the table goes in a landscape section.
PORTRAIT_COLUMNS = 6

ROW_KIND, ROW_TOTAL, ROW_PREVIOUS, ROW_CHANGE = "kind", "total", "previous", "change"


@dataclass(frozen=True)
class HeaderCell:
    text: str
    cols: int = 1
    rows: int = 1


@dataclass(frozen=True)
class Shown:
    """A column of the rendered table: a count column, or the share of ``column``
    in the column it is part of."""

    column: Column
    is_share: bool = False


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[str, ...]
    role: str = ROW_KIND


@dataclass(frozen=True)
class RenderedTable:
    id: str
    caption: str
    header: tuple[tuple[HeaderCell, ...], ...]
    rows: tuple[Row, ...]
    numeric: bool = True  # every column after the first holds numbers (right-aligned)

    @property
    def width(self) -> int:
        return sum(cell.cols for cell in self.header[0])

    @property
    def wide(self) -> bool:
        return self.width > PORTRAIT_COLUMNS


def count_table(
    schema: AwardSchema,
    spec: TableSpec,
    current: AwardTable | None,
    previous: AwardTable | None = None,
    year: int | None = None,
    previous_year: int | None = None,
) -> RenderedTable:
    """The table ``spec`` of a unit: one row per kind it typed (this year or last), the
    total row, and, when last year's table is given, last year's totals and the change.

    A breakdown with a ``share`` label in the schema (people working directly, small
    collectives) is shown with its share of its total, row by row.
    """
    kinds = _kinds(spec, current, previous)
    shown = _shown_columns(schema, [t for t in (current, previous) if t], kinds)
    rows = [_kind_row(schema, kind, current, shown) for kind in kinds]
    this_year = _totals(current, shown)
    rows.append(Row(_text("awards-table.total"), _cells(this_year, shown), ROW_TOTAL))
    if previous is not None:
        last_year = _totals(previous, shown)
        year = str(previous_year) if previous_year else ""
        rows.append(
            Row(_text("awards-table.previous", year=year), _cells(last_year, shown), ROW_PREVIOUS)
        )
        rows.append(
            Row(
                _text("awards-table.change", year=year),
                _changes(this_year, last_year, shown),
                ROW_CHANGE,
            )
        )
    key = "awards-table.caption" if year else "awards-table.caption-no-year"
    caption = _text(key, title=spec.title, year=year, label=spec.label)
    return RenderedTable(spec.id, caption, _header(schema, shown), tuple(rows))


def _text(key: str, **params: object) -> str:
    """A text of the tables: the report is Vietnamese whatever the command's language."""
    return t(key, "vi", **params)


def _kinds(spec: TableSpec, *tables: AwardTable | None) -> list[str]:
    typed = {row.kind for table in tables if table for row in table.rows}
    return [kind for kind in spec.kinds if kind in typed]


def _shown_columns(schema: AwardSchema, tables: list[AwardTable], kinds: list[str]) -> list[Shown]:
    """The columns worth a reader's look, in the schema's order: those holding a number
    other than 0 in a row shown (this year or last), each breakdown's share after it when
    the schema gives it a share label, and the total column over a breakdown shown; every
    total column when none holds anything."""

    def used(column: Column) -> bool:
        rows = (row for table in tables for row in table.rows if row.kind in kinds)
        return any(row.count(column.id) for row in rows)

    def shown(column: Column) -> bool:
        return used(column) or any(used(part) for part in schema.parts(column.id))

    totals = [c for c in schema.totals() if shown(c)] or list(schema.totals())
    result: list[Shown] = []
    for total in totals:
        result.append(Shown(total))
        for part in (p for p in schema.parts(total.id) if used(p)):
            result.append(Shown(part))
            if part.share:
                result.append(Shown(part, is_share=True))
    return result


def _header(schema: AwardSchema, shown: list[Shown]) -> tuple[tuple[HeaderCell, ...], ...]:
    """Two rows: each total column over its breakdowns, then the columns themselves."""
    top: list[HeaderCell] = [HeaderCell(_text("awards-table.kind"), rows=2)]
    bottom: list[HeaderCell] = []
    for column in (s.column for s in shown if not s.column.part_of):
        group = [s for s in shown if s.column.id == column.id or s.column.part_of == column.id]
        if len(group) == 1:
            top.append(HeaderCell(column.label, rows=2))
            continue
        top.append(HeaderCell(column.label, cols=len(group)))
        bottom.extend(HeaderCell(_label(s)) for s in group)
    if not bottom:
        return (tuple(HeaderCell(c.text) for c in top),)
    return tuple(top), tuple(bottom)


def _label(shown: Shown) -> str:
    if shown.is_share:
        return shown.column.share
    return shown.column.label if shown.column.part_of else _text("awards-table.count")


Counts = dict[str, int | None]  # by column id; None: not typed


def _totals(table: AwardTable | None, shown: list[Shown]) -> Counts:
    """Each shown column's total over the rows; None when no row typed the column."""
    rows = table.rows if table else ()
    return {
        column: sum(row.count(column) for row in rows)
        if any(column in row.cells for row in rows)
        else None
        for column in _needed(shown)
    }


def _needed(shown: list[Shown]) -> set[str]:
    return {s.column.id for s in shown} | {s.column.part_of for s in shown if s.is_share}


def _kind_row(schema: AwardSchema, kind: str, table: AwardTable | None, shown: list[Shown]) -> Row:
    """A kind's row: what the unit typed, a blank where it typed nothing."""
    found = next((row for row in table.rows if row.kind == kind), None) if table else None
    counts: Counts = {
        column: found.count(column) if found and column in found.cells else None
        for column in _needed(shown)
    }
    label = schema.kind(kind)
    return Row(label.label if label else kind, _cells(counts, shown))


def _cells(counts: Counts, shown: list[Shown]) -> tuple[str, ...]:
    cells = []
    for s in shown:
        value = counts[s.column.id]
        if value is None:
            cells.append("")
        elif s.is_share:
            cells.append(share_text(value, counts[s.column.part_of] or 0))
        else:
            cells.append(count_text(value))
    return tuple(cells)


def _changes(now: Counts, before: Counts, shown: list[Shown]) -> tuple[str, ...]:
    """This year's totals against last year's: a count column not typed in one year
    counts 0 there; a share needs both years."""
    cells = []
    for s in shown:
        column = s.column.id
        if now[column] is None and before[column] is None:
            cells.append("")
        elif not s.is_share:
            cells.append(change_text((now[column] or 0) - (before[column] or 0)))
        else:
            this, last = _share_of(now, s.column), _share_of(before, s.column)
            cells.append(points_text(this - last) if this is not None and last is not None else "")
    return tuple(cells)


def _share_of(counts: Counts, part: Column) -> Fraction | None:
    value = counts[part.id]
    return None if value is None else share(value, counts[part.part_of] or 0)


def nominee_table(schema: AwardSchema, awards: UnitAwards) -> RenderedTable:
    """The names proposed upward (Mẫu số 11), numbered, in the order the unit wrote them."""
    header = tuple(
        HeaderCell(_text(key))
        for key in (
            "awards-table.names.number",
            "awards-table.names.name",
            "awards-table.names.post",
            "awards-table.names.unit",
            "awards-table.names.kind",
            "awards-table.names.achievement",
        )
    )
    rows = []
    for index, nominee in enumerate(awards.nominees, start=1):
        kind = schema.kind(nominee.kind)
        cells = (
            nominee.name,
            nominee.post,
            nominee.unit,
            kind.label if kind else nominee.kind,
            nominee.achievement,
        )
        rows.append(Row(str(index), cells))
    return RenderedTable(
        "danh-sach", _text("awards-table.names.caption"), (header,), tuple(rows), False
    )
