"""The shapes of commendation data: the form's schema and one unit's numbers.

Every value a unit typed keeps its line, so a lint finding names the line in
``khen-thuong.yaml``. Raw cells are kept as typed (``Cell.value`` may be text, a
negative number or a fraction): deciding what is wrong is the linter's job, and the
roll-up sums only units whose data has no error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DATA_FILE = "khen-thuong.yaml"
"""The name of a unit's data file, in the unit's folder."""

SCHEMA_FILE = "khen-thuong.yaml"
"""The name of the schema file, in the form's folder beside form.yaml."""


@dataclass(frozen=True)
class LegalBasis:
    """A legal text a schema entry rests on, with its dates and where it was read."""

    id: str
    title: str  # "Thông tư 02/2023/TT-BNV ..."
    issued: str  # dd/mm/yyyy
    effective: str  # dd/mm/yyyy, "" when unknown
    source: str  # where the fact was read (URL or publication)
    replaced_by: str = ""  # id of the basis that replaced it, "" when in force


@dataclass(frozen=True)
class Column:
    """A column of the tables: "tap-the", or a breakdown such as "truc-tiep" of
    "ca-nhan" (``part_of``), which can never exceed the column it is part of."""

    id: str
    label: str
    part_of: str = ""
    recipient: str = ""  # who a total counts: "collective", "individual" or "household"


@dataclass(frozen=True)
class Kind:
    """A kind of award ("bang-khen-ubnd-tinh"), with who may receive it."""

    id: str
    label: str
    collective: bool = True
    individual: bool = True
    household: bool = False
    aliases: tuple[str, ...] = ()  # other names units write for it in prose


@dataclass(frozen=True)
class TableSpec:
    """One table a unit fills: "mau-10" (granted within the unit's authority) or
    "mau-11" (proposed to the provincial People's Committee)."""

    id: str
    label: str  # "Mẫu số 10"
    title: str  # the table's caption in the report
    kinds: tuple[str, ...]  # kinds allowed in this table, in display order


@dataclass(frozen=True)
class RatioRule:
    """A cap of one count as a share of another, with the legal text it cites."""

    id: str
    message: str  # what the rule says, in Vietnamese
    table: str
    kind: str
    column: str
    of_kind: str
    of_column: str
    max_share: float  # 0.15 for 15 %
    basis: str  # a LegalBasis id


@dataclass(frozen=True)
class AwardSchema:
    """What a form's commendation data may hold (``khen-thuong.yaml`` of the form)."""

    path: Path
    tables: tuple[TableSpec, ...]
    kinds: tuple[Kind, ...]
    columns: tuple[Column, ...]
    ratio_rules: tuple[RatioRule, ...] = ()
    bases: tuple[LegalBasis, ...] = ()
    section: str = ""  # the form node whose prose states the counts ("II.2.4.a")
    nominee_table: str = ""  # the table the list of names proposed belongs to ("mau-11")

    def table(self, table_id: str) -> TableSpec | None:
        return next((t for t in self.tables if t.id == table_id), None)

    def kind(self, kind_id: str) -> Kind | None:
        return next((k for k in self.kinds if k.id == kind_id), None)

    def column(self, column_id: str) -> Column | None:
        return next((c for c in self.columns if c.id == column_id), None)

    def basis(self, basis_id: str) -> LegalBasis | None:
        return next((b for b in self.bases if b.id == basis_id), None)

    def totals(self) -> tuple[Column, ...]:
        """The columns that are not a breakdown of another."""
        return tuple(c for c in self.columns if not c.part_of)

    def parts(self, column_id: str) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.part_of == column_id)

    def recipient(self, column_id: str) -> str:
        """Who ``column_id`` counts, a breakdown counting who its total counts."""
        column = self.column(column_id)
        if column is None:
            return ""
        total = self.column(column.part_of) if column.part_of else column
        return total.recipient if total else ""


@dataclass(frozen=True)
class Cell:
    """A value as the unit typed it, with its 1-based line in the data file."""

    value: object
    line: int

    @property
    def count(self) -> int | None:
        """The value as a whole number ≥ 0, None when it is not one."""
        value = self.value
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return None
        return value


@dataclass(frozen=True)
class AwardRow:
    """One kind of award in one table: its cells by column id."""

    kind: str
    line: int
    cells: dict[str, Cell] = field(default_factory=dict)

    def count(self, column_id: str) -> int:
        """The count in ``column_id``; 0 when absent or not a whole number ≥ 0."""
        cell = self.cells.get(column_id)
        return (cell.count or 0) if cell else 0


@dataclass(frozen=True)
class AwardTable:
    """One table of a unit (``mau-10`` or ``mau-11``). ``stated_total`` is the total
    row the unit typed, when it typed one (checked, never displayed)."""

    id: str
    line: int
    rows: tuple[AwardRow, ...] = ()
    stated_total: AwardRow | None = None

    def total(self, column_id: str) -> int:
        return sum(row.count(column_id) for row in self.rows)


@dataclass(frozen=True)
class Nominee:
    """One name on the list proposed upward (Mẫu số 11)."""

    line: int
    name: str
    post: str
    unit: str
    kind: str  # a Kind id
    achievement: str
    collective: bool = False


@dataclass(frozen=True)
class UnitAwards:
    """One unit's commendation data for one year, as read from its data file.

    ``problems`` are what the loader could not read at all (YAML syntax, a top-level
    value of the wrong shape), each (line, message id, params); the linter reports
    them and everything else it finds by reading the model.
    """

    path: Path
    year: int | None
    tables: dict[str, AwardTable] = field(default_factory=dict)
    nominees: tuple[Nominee, ...] = ()
    unknown_keys: tuple[tuple[str, int], ...] = ()  # (key path "mau-10.abc", line)
    problems: tuple[tuple[int, str, dict], ...] = ()
    year_cell: Cell | None = None  # "nam" as typed, None when absent
