"""The roll-up as CSV files, for other tools (a database, a pivot table, a script).

UTF-8 with a byte order mark: Excel opens a CSV file without one in the machine's legacy
code page (Windows-1258 on a Vietnamese Windows), which garbles every diacritic ("Sá»Ÿ"
for "Sở"); with the mark it reads UTF-8, and other tools (LibreOffice, Python's
``utf-8-sig``, pandas) skip it. Fields are separated by commas (RFC 4180): where the
system's list separator is ";" (Vietnamese regional settings), Excel's Data > From
Text/CSV reads the file, and the .xlsx export is the file to double-click.

Numbers are plain whole numbers, one row per unit, table, kind of award and column
(the long form every pivot table reads), then the province's totals with last year's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from baocao.awards.bieu import StatLayout
from baocao.awards.labels import column_label, kind_label, left_out_rows, text, unit_kind_label
from baocao.awards.rollup import Rollup

ENCODING = "utf-8-sig"


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue()


def units_rows(rollup: Rollup) -> list[list[object]]:
    """Every summed unit's numbers, one row per (table, kind, column)."""
    keys = ("unit-id", "unit", "unit-kind", "table", "kind", "column", "count")
    rows: list[list[object]] = [[text(f"xuat.col.{key}") for key in keys]]
    schema = rollup.schema
    for unit in rollup.units:
        for table, kind, column in rollup.every_key():
            rows.append(
                [
                    unit.slug,
                    unit.name,
                    unit_kind_label(unit.kind),
                    _table_label(rollup, table),
                    kind_label(schema, kind),
                    column_label(schema, column),
                    unit.counts.get(table, kind, column),
                ]
            )
    return rows


def totals_rows(rollup: Rollup) -> list[list[object]]:
    """The province's totals per (table, kind, column), with last year's and the change
    when last year's data is there."""
    year = rollup.year or 0
    header: list[object] = [text(f"xuat.col.{key}") for key in ("table", "kind", "column")]
    header.append(text("xuat.col.year", year=year))
    if rollup.previous is not None:
        header += [text("xuat.col.year", year=year - 1), text("xuat.col.change")]
    rows = [header]
    for table, kind, column in rollup.every_key():
        row: list[object] = [
            _table_label(rollup, table),
            kind_label(rollup.schema, kind),
            column_label(rollup.schema, column),
            rollup.total.get(table, kind, column),
        ]
        if rollup.previous is not None:
            row += [rollup.previous.get(table, kind, column), rollup.change(table, kind, column)]
        rows.append(row)
    return rows


def left_out_csv_rows(rollup: Rollup) -> list[list[object]]:
    keys = ("unit-id", "unit", "unit-kind", "reason", "details")
    rows: list[list[object]] = [[text(f"xuat.col.{key}") for key in keys]]
    for unit, values in zip(rollup.left_out, left_out_rows(rollup), strict=True):
        rows.append([unit.slug, *values])
    return rows


def _table_label(rollup: Rollup, table_id: str) -> str:
    spec = rollup.schema.table(table_id)
    return spec.label if spec else table_id


def bieu_rows(rollup: Rollup, layout: StatLayout) -> list[list[object]]:
    """The Ministry's Biểu filled from the roll-up's totals; blank where the units' data
    cannot fill a cell (the workbook's sheet says why)."""
    keys = ("label", "code", "unit", "total")
    header = [text(f"xuat.bieu.col.{key}") for key in keys]
    rows: list[list[object]] = [header + [c.label for c in layout.columns]]
    for row in layout.rows:
        if row.heading:
            rows.append([row.label])
            continue
        values = [layout.value(rollup, row, column) for column in layout.columns]
        known = [v for v in values if v is not None]
        total = sum(known) if known else None
        rows.append(
            [row.label, row.code, row.unit, *("" if v is None else v for v in (total, *values))]
        )
    return rows
