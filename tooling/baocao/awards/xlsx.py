"""The roll-up as an Excel workbook (openpyxl) the board works in.

One sheet per table of the schema (Mẫu số 10, Mẫu số 11): a row per unit summed, a
column per kind of award and column it can count, the province's total and each kind
of unit's subtotal as formulas (``=SUM``, ``=SUMIF``), never typed numbers, so a number
the board corrects in a unit's row moves every total. The summary, comparison and
left-out sheets are ``xlsx_summary``'s, the Ministry's Biểu ``xlsx_bieu``'s. Headers are
Vietnamese, frozen, repeated on printed pages, with number formats and column widths.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

from baocao.awards.bieu import StatLayout
from baocao.awards.labels import kind_label, text, unit_kind_label
from baocao.awards.model import TableSpec
from baocao.awards.rollup import Counts, Rollup
from baocao.awards.xlsx_bieu import bieu_sheet
from baocao.awards.xlsx_style import BOLD, TotalCells, count, header, landscape, title
from baocao.awards.xlsx_summary import comparison_sheet, left_out_sheet, summary_sheet

FIRST_DATA_COLUMN = 4  # A: STT, B: đơn vị, C: loại đơn vị
FIRST_UNIT_ROW = 4  # 1: title, 2: kinds of award, 3: columns


@dataclass(frozen=True)
class Row:
    """A unit's row of a table sheet."""

    name: str
    kind: str  # the kind of unit's label
    counts: Counts


def workbook_bytes(rollup: Rollup, layout: StatLayout | None = None) -> bytes:
    """The workbook of ``rollup`` (with the Ministry's Biểu of ``layout``, when given) as
    the bytes of an .xlsx file."""
    book = Workbook()
    book.remove(book.active)
    current = _table_sheets(book, rollup, rollup.year, _rows(rollup, previous=False))
    summary_sheet(book, rollup, current)
    if layout is not None:
        bieu_sheet(book, rollup, layout, current[layout.table])
    if rollup.previous is not None:
        year = rollup.year - 1 if rollup.year else None
        previous = _table_sheets(book, rollup, year, _rows(rollup, previous=True))
        comparison_sheet(book, rollup, current, previous)
    left_out_sheet(book, rollup)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rows(rollup: Rollup, previous: bool) -> list[Row]:
    rows = []
    for unit in rollup.units:
        counts = unit.previous if previous else unit.counts
        if counts is not None:
            rows.append(Row(unit.name, unit_kind_label(unit.kind), counts))
    return rows


def sheet_title(spec: TableSpec, year: int | None, current: int | None) -> str:
    """The table's label, with the year for last year's sheet (31 characters at most)."""
    name = spec.label if year == current else f"{spec.label} ({year})"
    return name[:31]


def _table_sheets(
    book: Workbook, rollup: Rollup, year: int | None, rows: list[Row]
) -> dict[str, TotalCells]:
    sheets = {}
    for spec in rollup.schema.tables:
        sheet = book.create_sheet(sheet_title(spec, year, rollup.year))
        sheets[spec.id] = _table_sheet(sheet, rollup, spec, year, rows)
    return sheets


def _table_sheet(
    sheet: Worksheet, rollup: Rollup, spec: TableSpec, year: int | None, rows: list[Row]
) -> TotalCells:
    label = text("xuat.sheet.table-title", label=spec.label, title=spec.title, year=year or "")
    title(sheet, label)
    keys = _headers(sheet, rollup, spec)
    for number, row in enumerate(rows, start=1):
        line = FIRST_UNIT_ROW + number - 1
        for column, value in enumerate((number, row.name, row.kind), start=1):
            sheet.cell(line, column, value)
        for offset, (kind, column_id) in enumerate(keys):
            value = row.counts.get(spec.id, kind, column_id)
            count(sheet.cell(line, FIRST_DATA_COLUMN + offset, value))
    last = FIRST_UNIT_ROW + max(len(rows), 1) - 1
    cells = _total_rows(sheet, keys, last, sorted({r.kind for r in rows}))
    _widths(sheet, rows, len(keys))
    sheet.freeze_panes = sheet.cell(FIRST_UNIT_ROW, FIRST_DATA_COLUMN)
    landscape(sheet, f"2:{FIRST_UNIT_ROW - 1}")
    return cells


def _headers(sheet: Worksheet, rollup: Rollup, spec: TableSpec) -> list[tuple[str, str]]:
    """The two header rows: each kind of award over the columns it can count."""
    for index, key in enumerate(("stt", "unit", "unit-kind"), start=1):
        header(sheet, 2, index, text(f"xuat.col.{key}"))
        sheet.merge_cells(start_row=2, start_column=index, end_row=3, end_column=index)
    keys: list[tuple[str, str]] = []
    for kind in spec.kinds:
        first = FIRST_DATA_COLUMN + len(keys)
        columns = rollup.columns_for(kind)
        header(sheet, 2, first, kind_label(rollup.schema, kind))
        sheet.merge_cells(
            start_row=2, start_column=first, end_row=2, end_column=first + len(columns) - 1
        )
        for offset, column in enumerate(columns):
            header(sheet, 3, first + offset, column.label)
            keys.append((kind, column.id))
    return keys


def _total_rows(
    sheet: Worksheet, keys: list[tuple[str, str]], last: int, kinds: list[str]
) -> TotalCells:
    """The province's total (=SUM) and each kind of unit's (=SUMIF) under the units."""
    total_row = last + 1
    sheet.cell(total_row, 2, text("xuat.row.total")).font = BOLD
    cells = {}
    for offset, key in enumerate(keys):
        letter = get_column_letter(FIRST_DATA_COLUMN + offset)
        formula = f"=SUM({letter}{FIRST_UNIT_ROW}:{letter}{last})"
        count(sheet.cell(total_row, FIRST_DATA_COLUMN + offset, formula), bold=True)
        cells[key] = f"{quote_sheetname(sheet.title)}!{letter}{total_row}"
    kind_range = f"$C${FIRST_UNIT_ROW}:$C${last}"
    for index, kind in enumerate(kinds, start=1):
        line = total_row + index
        sheet.cell(line, 2, text("xuat.row.of-which", kind=kind))
        literal = kind.replace('"', '""')
        for offset in range(len(keys)):
            letter = get_column_letter(FIRST_DATA_COLUMN + offset)
            units = f"{letter}{FIRST_UNIT_ROW}:{letter}{last}"
            formula = f'=SUMIF({kind_range},"{literal}",{units})'
            count(sheet.cell(line, FIRST_DATA_COLUMN + offset, formula))
    return cells


def _widths(sheet: Worksheet, rows: list[Row], data_columns: int) -> None:
    longest = max((len(r.name) for r in rows), default=20)
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = min(max(longest + 2, 24), 50)
    sheet.column_dimensions["C"].width = 22
    for offset in range(data_columns):
        sheet.column_dimensions[get_column_letter(FIRST_DATA_COLUMN + offset)].width = 11
    sheet.row_dimensions[2].height = 45
    sheet.row_dimensions[3].height = 60
