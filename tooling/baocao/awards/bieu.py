"""The Ministry's statistical form Biểu 0603 as data (``bieu-0603.yaml`` beside the form's
schema), and its cells as the roll-up fills them.

The layout, its legal basis and its sources are the data file's; this module reads and
checks it (a mistake names the file and line) and says, for each row and column of the
Biểu, which kinds and column of the schema it counts, or that the units' data cannot
fill it and why. Nothing here is a legal fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from baocao.awards.model import AwardSchema
from baocao.awards.rollup import Rollup
from baocao.errors import ConfigError
from baocao.forms import read_form_file
from baocao.yamlio import LineMap

LAYOUT_FILE = "bieu-0603.yaml"
TOP = {
    "id": str,
    "code": str,
    "title": str,
    "period": str,
    "table": str,
    "basis": dict,
    "columns": list,
    "rows": list,
}
BASIS = {
    "id": str,
    "title": str,
    "issued": str,
    "effective": str,
    "replaced_by": str,
    "sources": list,
    "unverified": list,
}
COLUMN = {"code": str, "label": str, "kinds": list, "missing": str}
ROW = {
    "code": str,
    "label": str,
    "unit": str,
    "column": str,
    "sum_of": list,
    "missing": str,
    "heading": str,
}
Where = tuple[str | int, ...]


@dataclass(frozen=True)
class StatColumn:
    code: str
    label: str
    kinds: tuple[str, ...]  # empty: the units' data cannot fill it
    missing: str = ""


@dataclass(frozen=True)
class StatRow:
    code: str  # "" for a heading
    label: str
    unit: str = ""
    column: str = ""  # the schema column it counts; "" when none
    sum_of: tuple[str, ...] = ()  # codes of the rows it adds up
    missing: str = ""

    @property
    def heading(self) -> bool:
        return not self.code


@dataclass(frozen=True)
class StatLayout:
    """One statistical form: where it comes from, its columns and rows."""

    path: Path
    code: str
    title: str
    period: str
    table: str
    basis: dict[str, Any]
    columns: tuple[StatColumn, ...]
    rows: tuple[StatRow, ...]

    def value(self, rollup: Rollup, row: StatRow, column: StatColumn) -> int | None:
        """The cell's count in the province's totals; None when the units' data cannot
        fill it, or when none of the column's kinds can go to whom the row counts."""
        if row.sum_of:
            values = [self.value(rollup, self.row(code), column) for code in row.sum_of]
            known = [v for v in values if v is not None]
            return sum(known) if known else None
        kinds = self.kinds_for(rollup, row, column)
        return sum(rollup.total.get(self.table, k, row.column) for k in kinds) if kinds else None

    def kinds_for(self, rollup: Rollup, row: StatRow, column: StatColumn) -> tuple[str, ...]:
        """The column's kinds that can count the row's column of the schema."""
        if not row.column:
            return ()
        return tuple(
            kind for kind in column.kinds if row.column in {c.id for c in rollup.columns_for(kind)}
        )

    def row(self, code: str) -> StatRow:
        return next(r for r in self.rows if r.code == code)

    def missing(self) -> list[tuple[str, str]]:
        """(rows or column, why) of what the units' data cannot fill."""
        found: dict[str, list[str]] = {}
        for row in self.rows:
            if row.missing:
                found.setdefault(row.missing, []).append(row.code)
        for column in self.columns:
            if column.missing:
                found.setdefault(column.missing, []).append(column.code)
        return [(", ".join(codes), why) for why, codes in found.items()]


def layout_path(form_dir: Path) -> Path:
    return form_dir / LAYOUT_FILE


def load_layout(form_dir: Path, schema: AwardSchema) -> StatLayout | None:
    """The Biểu of ``form_dir``, None when the form has none; ConfigError on a mistake."""
    path = layout_path(form_dir)
    if not path.is_file():
        return None
    data, lines = read_form_file(path)
    return _Reader(path, lines, schema).layout(data)


class _Reader:
    def __init__(self, path: Path, lines: LineMap, schema: AwardSchema) -> None:
        self.path = path
        self.lines = lines
        self.schema = schema

    def fail(self, where: Where, message_id: str, **params: Any) -> NoReturn:
        raise ConfigError(message_id, file=self.path, line=self.lines.line(where), **params)

    def mapping(self, data: Any, where: Where, spec: dict[str, type]) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(where, "form.not-mapping", key=".".join(map(str, where)) or "(gốc)")
        for key, value in data.items():
            if key not in spec:
                self.fail((*where, key), "form.unknown-key", key=key, known=", ".join(spec))
            if not isinstance(value, spec[key]):
                self.fail((*where, key), "form.wrong-type", key=key, expected=spec[key].__name__)
        return data

    def layout(self, data: Any) -> StatLayout:
        data = self.mapping(data, (), TOP)
        for key in TOP:
            if key not in data:
                self.fail((), "form.missing-key", key=key)
        table = self.schema.table(data["table"])
        if table is None:
            known = {t.id for t in self.schema.tables}
            self.ref(("table",), "table", data["table"], known)
        self.mapping(data["basis"], ("basis",), BASIS)
        columns = tuple(
            self.column(item, index, table.kinds) for index, item in enumerate(data["columns"])
        )
        rows = tuple(self.row_of(item, index) for index, item in enumerate(data["rows"]))
        self.check_sums(rows)
        return StatLayout(
            self.path,
            data["code"],
            " ".join(data["title"].split()),
            data["period"],
            data["table"],
            data["basis"],
            columns,
            rows,
        )

    def require(self, entry: dict[str, Any], where: Where, keys: tuple[str, ...]) -> None:
        for key in keys:
            if entry.get(key) in ("", None):
                self.fail(where, "form.missing-key", key=key)

    def column(self, item: Any, index: int, kinds: tuple[str, ...]) -> StatColumn:
        where: Where = ("columns", index)
        entry = self.mapping(item, where, COLUMN)
        self.require(entry, where, ("code", "label"))
        for position, kind in enumerate(entry.get("kinds", [])):
            if kind not in kinds:
                self.ref((*where, "kinds", position), "kinds", str(kind), set(kinds))
        return StatColumn(
            entry["code"],
            " ".join(entry["label"].split()),
            tuple(entry.get("kinds", [])),
            entry.get("missing", ""),
        )

    def row_of(self, item: Any, index: int) -> StatRow:
        where: Where = ("rows", index)
        entry = self.mapping(item, where, ROW)
        if "heading" in entry:
            return StatRow("", entry["heading"])
        self.require(entry, where, ("code", "label"))
        column = entry.get("column", "")
        if column and self.schema.column(column) is None:
            self.ref((*where, "column"), "column", column, {c.id for c in self.schema.columns})
        return StatRow(
            entry["code"],
            " ".join(entry["label"].split()),
            entry.get("unit", ""),
            column,
            tuple(entry.get("sum_of", [])),
            entry.get("missing", ""),
        )

    def check_sums(self, rows: tuple[StatRow, ...]) -> None:
        """A sum adds rows that are not sums themselves (so it never loops)."""
        codes = {r.code for r in rows if r.code and not r.sum_of}
        for index, row in enumerate(rows):
            for position, code in enumerate(row.sum_of):
                if code not in codes:
                    self.ref(("rows", index, "sum_of", position), "sum_of", code, codes)

    def ref(self, where: Where, key: str, value: str, known: set[str]) -> NoReturn:
        self.fail(
            where, "awards.schema-unknown-ref", key=key, id=value, known=", ".join(sorted(known))
        )
