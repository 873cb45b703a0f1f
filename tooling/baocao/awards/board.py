"""The board's page of the province's commendation numbers, as a view for the site.

``board_view`` lays out one ``Rollup`` (``baocao.awards.rollup``, the one computation):
for each table of the schema, its totals by kind of award with last year's and the
change, and a chart per total column; by kind of unit; the shares of the breakdowns
(people working directly among individuals, small collectives among collectives); the
units left out with why. Numbers are written as Vietnamese write them; nothing is
computed here that the roll-up does not give.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from baocao.awards.charts import Chart, Series, render
from baocao.awards.model import AwardSchema, Column, TableSpec
from baocao.awards.rollup import MISSING, Counts, LeftOut, Rollup, Share
from baocao.sphinxext.texts import text


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    head: tuple[str, ...]  # the first heads the row labels
    rows: tuple[Row, ...]
    foot: Row | None = None


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: str = ""
    charts: tuple[str, ...] = ()  # SVG elements
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True)
class UnitLink:
    """A unit the page lists apart: its name, its page (docname) and what is wrong."""

    slug: str
    name: str
    page: str | None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Board:
    title: str
    summary: str
    sections: tuple[Section, ...] = ()
    left_out: tuple[UnitLink, ...] = ()
    missing: tuple[UnitLink, ...] = ()


@dataclass(frozen=True)
class Places:
    """What the site knows of the units: their pages and the labels of kinds of unit."""

    pages: Mapping[str, str | None]  # slug -> docname of its page, None without one
    kind_label: Callable[[str], str]


def number(value: int | None) -> str:
    """1234 as Vietnamese write it, "1.234"; "–" for no value."""
    return "–" if value is None else f"{value:,}".replace(",", ".")


def percent(value: float | None) -> str:
    """0.6875 as "68,8 %"; "–" when there is nothing to divide by."""
    return "–" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def signed(delta: int | None) -> str:
    if delta is None:
        return "–"
    return f"+{number(delta)}" if delta > 0 else ("0" if delta == 0 else f"−{number(-delta)}")


def board_view(rollup: Rollup, places: Places) -> Board:
    year = rollup.year
    title = text("board.title", year=year) if year else text("board.title-no-year")
    missing = [unit for unit in rollup.left_out if unit.reason == MISSING]
    summary = text(
        "board.summary",
        counted=len(rollup.units),
        left_out=len(rollup.left_out) - len(missing),
        missing=len(missing),
    )
    sections = [table_section(rollup, spec) for spec in rollup.schema.tables]
    if rollup.units:
        sections.append(unit_kinds_section(rollup, places))
        sections.append(shares_section(rollup, places))
    left_out = tuple(
        UnitLink(unit.slug, unit.name, places.pages.get(unit.slug), reasons(rollup, unit))
        for unit in rollup.left_out
        if unit.reason != MISSING
    )
    missing_links = tuple(UnitLink(u.slug, u.name, places.pages.get(u.slug)) for u in missing)
    return Board(title, summary, tuple(sections), left_out, missing_links)


def reasons(rollup: Rollup, unit: LeftOut) -> tuple[str, ...]:
    """Why, then each error where it is: "reports/x/khen-thuong.yaml:12: …"."""
    where = tuple(f"{e.file}:{e.line}: {e.message}" for e in unit.errors)
    return (rollup.why(unit, "vi"), *where)


def kind_label(schema: AwardSchema, kind_id: str) -> str:
    kind = schema.kind(kind_id)
    return kind.label if kind else kind_id


def shown_columns(schema: AwardSchema) -> tuple[Column, ...]:
    """Every column, each breakdown right after the column it is part of."""
    ordered: list[Column] = []
    for column in schema.totals():
        ordered += [column, *schema.parts(column.id)]
    return tuple(ordered)


def table_section(rollup: Rollup, spec: TableSpec) -> Section:
    schema = rollup.schema
    columns = shown_columns(schema)
    head = (text("board.col.kind"), *(column.label for column in columns))
    rows = tuple(
        Row(
            kind_label(schema, kind),
            tuple(number(rollup.total.get(spec.id, kind, c.id)) for c in columns),
        )
        for kind in spec.kinds
    )
    totals = tuple(number(rollup.total.total(spec.id, c.id)) for c in columns)
    foot = Row(text("board.total"), totals)
    caption = text("board.caption.year", table=spec.label, year=rollup.year)
    tables = [Table(caption, head, rows, foot)]
    if rollup.previous is not None:
        tables.append(comparison_table(rollup, spec, rollup.previous))
    drawn = (kind_chart(rollup, spec, column) for column in schema.totals())
    charts = tuple(render(chart) for chart in drawn if chart.categories)
    intro = previous_note(rollup)
    title = text("board.section.table", label=spec.label, title=spec.title)
    return Section(f"bang-{spec.id}", title, intro, charts, tuple(tables))


def previous_note(rollup: Rollup) -> str:
    if rollup.year is None:
        return ""
    if rollup.previous is None:
        return text("board.no-previous", year=rollup.year - 1)
    return text(
        "board.previous-units",
        year=rollup.year - 1,
        units=len(rollup.previous_units),
        counted=len(rollup.units),
    )


def comparison_table(rollup: Rollup, spec: TableSpec, previous: Counts) -> Table:
    year = rollup.year
    before = year - 1 if year else None
    totals = rollup.schema.totals()
    head = [text("board.col.kind")]
    for column in totals:
        head += [
            text("board.col.of-year", column=column.label, year=year),
            text("board.col.of-year", column=column.label, year=before),
            text("board.col.change", column=column.label),
        ]
    lines = []
    for kind in (*spec.kinds, None):
        cells: list[str] = []
        for column in totals:
            cells += [
                number(rollup.total.count(spec.id, kind, column.id)),
                number(previous.count(spec.id, kind, column.id)),
                signed(rollup.change(spec.id, kind, column.id)),
            ]
        label = text("board.total") if kind is None else kind_label(rollup.schema, kind)
        lines.append(Row(label, tuple(cells)))
    caption = text("board.caption.compare", table=spec.label, year=year, before=before)
    return Table(caption, tuple(head), tuple(lines[:-1]), lines[-1])


def kind_chart(rollup: Rollup, spec: TableSpec, column: Column) -> Chart:
    year = rollup.year
    series = [
        Series(
            text("board.year", year=year),
            tuple(rollup.total.get(spec.id, kind, column.id) for kind in spec.kinds),
        )
    ]
    compare = ""
    if rollup.previous is not None and year is not None:
        previous = rollup.previous
        series.append(
            Series(
                text("board.year", year=year - 1),
                tuple(previous.get(spec.id, kind, column.id) for kind in spec.kinds),
            )
        )
        compare = text("board.chart.compare", year=year - 1)
    chart = Chart(
        id=f"bieu-do-{spec.id}-{column.id}",
        title=text("board.chart.kind-title", table=spec.label, column=column.label),
        desc=text("board.chart.kind-desc", column=column.label.lower(), year=year, compare=compare),
        categories=tuple(kind_label(rollup.schema, kind) for kind in spec.kinds),
        series=tuple(series),
    )
    return without_zeros(chart)


def without_zeros(chart: Chart) -> Chart:
    """The chart without the categories that are 0 in every series (the table shows them)."""
    keep = [i for i in range(len(chart.categories)) if any(s.values[i] for s in chart.series)]
    series = [s for s in chart.series if any(s.values)] or list(chart.series[:1])
    return dataclasses.replace(
        chart,
        categories=tuple(chart.categories[i] for i in keep),
        series=tuple(
            dataclasses.replace(s, values=tuple(s.values[i] for i in keep)) for s in series
        ),
    )


def unit_kinds_section(rollup: Rollup, places: Places) -> Section:
    schema = rollup.schema
    pairs = [(spec, column) for spec in schema.tables for column in schema.totals()]
    head = (
        text("board.col.unit-kind"),
        text("board.col.units"),
        *(f"{spec.label}: {column.label}" for spec, column in pairs),
    )
    kinds = list(rollup.by_unit_kind)
    labels = [places.kind_label(kind) if kind else text("board.no-unit-kind") for kind in kinds]
    rows = tuple(
        Row(
            label,
            (
                number(sum(unit.kind == kind for unit in rollup.units)),
                *(number(rollup.by_unit_kind[kind].total(s.id, c.id)) for s, c in pairs),
            ),
        )
        for kind, label in zip(kinds, labels, strict=True)
    )
    drawn = (unit_kind_chart(rollup, spec, kinds, labels) for spec in schema.tables)
    charts = tuple(render(chart) for chart in drawn if chart.categories)
    table = Table(text("board.caption.unit-kinds", year=rollup.year), head, rows)
    return Section("theo-loai-don-vi", text("board.section.unit-kinds"), "", charts, (table,))


def unit_kind_chart(rollup: Rollup, spec: TableSpec, kinds: list[str], labels: list[str]) -> Chart:
    series = tuple(
        Series(
            column.label,
            tuple(rollup.by_unit_kind[kind].total(spec.id, column.id) for kind in kinds),
        )
        for column in rollup.schema.totals()
    )
    chart = Chart(
        id=f"bieu-do-loai-don-vi-{spec.id}",
        title=text("board.chart.unit-kind-title", table=spec.label),
        desc=text("board.chart.unit-kind-desc", table=spec.label, year=rollup.year),
        categories=tuple(labels),
        series=series,
    )
    return without_zeros(chart)


def share_label(schema: AwardSchema, share: Share) -> str:
    spec = schema.table(share.table)
    part, whole = schema.column(share.column), schema.column(share.of_column)
    return text(
        "board.share",
        part=part.label if part else share.column,
        whole=(whole.label if whole else share.of_column).lower(),
        table=spec.label if spec else share.table,
    )


def shares_section(rollup: Rollup, places: Places) -> Section:
    """Each table-wide share (one row each): for the province this year and, like for
    like, last year, then for each kind of unit this year."""
    year = rollup.year
    scopes: list[tuple[str, Counts]] = [(text("board.province", year=year), rollup.total)]
    if rollup.previous is not None and year is not None:
        scopes.append((text("board.province", year=year - 1), rollup.previous))
    for kind, counts in rollup.by_unit_kind.items():
        scopes.append((places.kind_label(kind) if kind else text("board.no-unit-kind"), counts))
    columns = [table_shares(rollup, counts) for _, counts in scopes]
    labels = [share_label(rollup.schema, s) for s in rollup.shares() if s.kind is None]
    rows = tuple(
        Row(label, tuple(column[i] for column in columns)) for i, label in enumerate(labels)
    )
    head = (text("board.col.share"), *(scope for scope, _ in scopes))
    table = Table(text("board.caption.shares", year=year), head, rows)
    return Section("ti-le", text("board.section.shares"), text("board.shares-intro"), (), (table,))


def table_shares(rollup: Rollup, counts: Counts) -> list[str]:
    return [share_cell(s) for s in rollup.shares(counts) if s.kind is None]


def share_cell(share: Share) -> str:
    """ "68,8 % (22/32)": the share with the counts it divides."""
    return f"{percent(share.value)} ({number(share.part)}/{number(share.whole)})"
