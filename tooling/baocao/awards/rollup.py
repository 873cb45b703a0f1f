"""The province's roll-up of the units' commendation numbers: the ONE computation that
the board's page and its charts, the export (``baocao xuat``) and the board's own report
(``baocao tong-hop``) read.

A unit is summed only when its data file is there, is for the roll-up's year and has no
data error (the linter's BC6xx findings of severity error, see ``is_data_error``). Every
other unit is listed in ``Rollup.left_out`` with why: never summed silently.

Numbers are kept per (table, kind of award, column) of the schema, for the province, per
unit and per kind of unit (``kind`` in reports/units.yaml). Last year's numbers are
summed like for like: over the units summed this year whose archived data of the year
before is there and clean, so the change says how those units' numbers moved, not which
units' data happened to be readable (``Rollup.previous_units`` names them).

This module computes only; ``baocao.awards.collect`` gathers its input from the project.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from baocao.awards.model import AwardSchema, Column, UnitAwards
from baocao.i18n import t

Key = tuple[str, str, str]
"""(table id, kind id, column id) of the schema: "mau-10", "giay-khen", "ca-nhan"."""

DATA_CODE_PREFIX = "BC6"
"""Codes of the rules on a unit's commendation data (BC601–BC619)."""

MISSING, ERRORS, UNCHECKED, OTHER_YEAR = "missing", "errors", "unchecked", "other-year"
REASONS = (MISSING, ERRORS, UNCHECKED, OTHER_YEAR)
"""Why a unit is left out; each has a message ``rollup.left-out.<reason>``."""


def is_data_error(code: str, severity: str) -> bool:
    """Whether a lint finding keeps a unit's numbers out of the roll-up."""
    return severity == "error" and code.startswith(DATA_CODE_PREFIX)


@dataclass(frozen=True)
class DataError:
    """A finding on a unit's data, as the roll-up's readers show it."""

    code: str
    file: str
    line: int
    message: str

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> DataError:
        """From the site's plain record of a finding (``code, file, line, message``)."""
        return cls(str(record["code"]), str(record["file"]), int(record["line"]), record["message"])


def data_errors(records: Iterable[Mapping[str, Any]]) -> tuple[DataError, ...]:
    """The data errors among a unit's findings as plain records (the site's domain)."""
    return tuple(
        DataError.from_record(r) for r in records if is_data_error(r["code"], r["severity"])
    )


@dataclass(frozen=True)
class UnitInput:
    """One unit as the roll-up reads it."""

    slug: str
    name: str
    kind: str  # kind of unit, from reports/units.yaml ("" when not said)
    awards: UnitAwards | None  # None: the unit has no data file
    errors: tuple[DataError, ...] = ()
    previous: UnitAwards | None = None  # last year's data, from the archive
    previous_errors: tuple[DataError, ...] = ()
    checked: bool = True  # False: the linter could not read the unit, ``errors`` say why


@dataclass(frozen=True)
class Counts:
    """Numbers by (table, kind, column); a key never set counts 0."""

    values: Mapping[Key, int] = field(default_factory=dict)

    def get(self, table: str, kind: str, column: str) -> int:
        return self.values.get((table, kind, column), 0)

    def total(self, table: str, column: str) -> int:
        """``column`` over every kind of ``table``."""
        return sum(n for (t, _, c), n in self.values.items() if t == table and c == column)

    def count(self, table: str, kind: str | None, column: str) -> int:
        """One kind's count, or with ``kind`` None the table's total."""
        return self.total(table, column) if kind is None else self.get(table, kind, column)


@dataclass(frozen=True)
class UnitCounts:
    """A unit summed into the roll-up, with its own numbers."""

    slug: str
    name: str
    kind: str
    counts: Counts
    previous: Counts | None = None


@dataclass(frozen=True)
class LeftOut:
    """A unit not summed, and why (``reason`` is one of ``REASONS``)."""

    slug: str
    name: str
    kind: str
    reason: str
    errors: tuple[DataError, ...] = ()
    year: int | None = None  # the year its data is for, when that is why


@dataclass(frozen=True)
class Share:
    """A breakdown's share of its total: ``part`` among ``whole`` (people working directly
    among individuals, small collectives among collectives)."""

    table: str
    kind: str | None  # None: the whole table
    column: str  # the breakdown column
    of_column: str  # the column it is part of
    part: int
    whole: int

    @property
    def value(self) -> float | None:
        """The share in [0, 1], None when the total is 0."""
        return self.part / self.whole if self.whole else None


@dataclass(frozen=True)
class Rollup:
    """The province's numbers for one year."""

    schema: AwardSchema
    year: int | None
    units: tuple[UnitCounts, ...]
    left_out: tuple[LeftOut, ...]
    total: Counts
    by_unit_kind: dict[str, Counts]
    previous: Counts | None  # None when no summed unit has last year's data
    previous_units: tuple[str, ...] = ()

    def every_key(self) -> Iterator[Key]:
        """Every (table, kind, column) of the schema a kind can count, in its order."""
        for table in self.schema.tables:
            for kind in table.kinds:
                for column in self.columns_for(kind):
                    yield table.id, kind, column.id

    def columns_for(self, kind_id: str | None) -> tuple[Column, ...]:
        """The columns a kind of award can count: those of the recipients it may go to
        (collectives, individuals, households); every column for a whole table, or when
        the schema does not say whom a column counts."""
        kind = self.schema.kind(kind_id) if kind_id else None
        if kind is None:
            return self.schema.columns
        takes = {
            "collective": kind.collective,
            "individual": kind.individual,
            "household": kind.household,
        }
        return tuple(c for c in self.schema.columns if takes.get(self.schema.recipient(c.id), True))

    def why(self, unit: LeftOut, lang: str | None = None) -> str:
        """Why ``unit`` is left out, in words (``rollup.left-out.<reason>``)."""
        return t(
            f"rollup.left-out.{unit.reason}",
            lang,
            count=len(unit.errors),
            year=unit.year,
            rollup_year=self.year,
        )

    def change(self, table: str, kind: str | None, column: str) -> int | None:
        """This year's count less last year's, None without last year's data."""
        if self.previous is None:
            return None
        return self.total.count(table, kind, column) - self.previous.count(table, kind, column)

    def shares(self, counts: Counts | None = None) -> list[Share]:
        """Every breakdown's share of its total, per kind and per table (of ``counts``,
        the province's by default)."""
        counts = counts or self.total
        found = []
        for table in self.schema.tables:
            for kind in (*table.kinds, None):
                for column in self.columns_for(kind):
                    if column.part_of:
                        part = counts.count(table.id, kind, column.id)
                        whole = counts.count(table.id, kind, column.part_of)
                        found.append(Share(table.id, kind, column.id, column.part_of, part, whole))
        return found


def unit_counts(schema: AwardSchema, awards: UnitAwards) -> Counts:
    """A unit's numbers for every (table, kind, column) of the schema."""
    values: dict[Key, int] = {}
    for spec in schema.tables:
        table = awards.tables.get(spec.id)
        rows = {row.kind: row for row in table.rows} if table else {}
        for kind in spec.kinds:
            row = rows.get(kind)
            for column in schema.columns:
                values[spec.id, kind, column.id] = row.count(column.id) if row else 0
    return Counts(values)


def add(counts: Iterable[Counts]) -> Counts:
    total: Counter[Key] = Counter()
    for item in counts:
        total.update(item.values)
    return Counts(dict(total))


def rollup_year(inputs: Iterable[UnitInput]) -> int | None:
    """The year most units' data is for (the latest on a tie), None when none says."""
    years = Counter(u.awards.year for u in inputs if u.awards and u.awards.year is not None)
    if not years:
        return None
    return max(years, key=lambda year: (years[year], year))


def rollup(schema: AwardSchema, inputs: Iterable[UnitInput], year: int | None = None) -> Rollup:
    """The roll-up of ``inputs`` for ``year`` (by default the year most units' data is for)."""
    inputs = list(inputs)
    year = year if year is not None else rollup_year(inputs)
    summed: list[UnitCounts] = []
    left_out: list[LeftOut] = []
    for unit in inputs:
        reason = _left_out(unit, year)
        if reason is not None:
            left_out.append(reason)
        elif unit.awards is not None:
            summed.append(_summed(schema, unit, unit.awards))
    with_previous = [u for u in summed if u.previous is not None]
    return Rollup(
        schema=schema,
        year=year,
        units=tuple(summed),
        left_out=tuple(left_out),
        total=add(u.counts for u in summed),
        by_unit_kind=_by_unit_kind(summed),
        previous=add(u.previous for u in with_previous if u.previous) if with_previous else None,
        previous_units=tuple(u.slug for u in with_previous),
    )


def _left_out(unit: UnitInput, year: int | None) -> LeftOut | None:
    awards = unit.awards
    if awards is None:
        return LeftOut(unit.slug, unit.name, unit.kind, MISSING)
    if unit.errors:
        reason = ERRORS if unit.checked else UNCHECKED
        return LeftOut(unit.slug, unit.name, unit.kind, reason, unit.errors)
    if year is not None and awards.year is not None and awards.year != year:
        return LeftOut(unit.slug, unit.name, unit.kind, OTHER_YEAR, year=awards.year)
    return None


def _summed(schema: AwardSchema, unit: UnitInput, awards: UnitAwards) -> UnitCounts:
    previous = None
    if unit.previous is not None and not unit.previous_errors:
        previous = unit_counts(schema, unit.previous)
    return UnitCounts(unit.slug, unit.name, unit.kind, unit_counts(schema, awards), previous)


def _by_unit_kind(units: list[UnitCounts]) -> dict[str, Counts]:
    kinds = dict.fromkeys(u.kind for u in units)
    return {kind: add(u.counts for u in units if u.kind == kind) for kind in kinds}
