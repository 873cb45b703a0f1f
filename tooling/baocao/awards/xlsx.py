"""The roll-up as an Excel workbook (openpyxl) the board works in.

One sheet per table of the schema (Mẫu số 10, Mẫu số 11): a row per unit summed, a
column per kind of award and column, the province's total and each kind of unit's
subtotal as formulas (``=SUM``, ``=SUMIF``), never typed numbers, so a number the board
corrects in a unit's row moves every total. A summary sheet refers to those totals and
computes the shares of the breakdowns; when last year's data is there, the same table
sheets for last year and a comparison sheet. A last sheet lists the units left out and
why. Headers are Vietnamese, frozen, with number formats and column widths set.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

from baocao.awards.labels import column_label, kind_label, left_out_rows, text, unit_kind_label
from baocao.awards.model import TableSpec
from baocao.awards.rollup import Counts, Rollup

COUNT_FORMAT = "#,##0"
SHARE_FORMAT = "0.0%"
FIRST_DATA_COLUMN = 4  # A: STT, B: đơn vị, C: loại đơn vị
FIRST_UNIT_ROW = 4  # 1: title, 2: kinds of award, 3: columns
BOLD = Font(bold=True)
HEADER = Alignment(horizontal="center", vertical="center", wrap_text=True)


@dataclass(frozen=True)
class Row:
    """A unit's row of a table sheet."""

    name: str
    kind: str  # the kind of unit's label
    counts: Counts


@dataclass(frozen=True)
class TotalCells:
    """Where a table sheet keeps its totals: (kind, column) -> "'Mẫu số 10'!D9"."""

    cells: dict[tuple[str, str], str]


def workbook_bytes(rollup: Rollup) -> bytes:
    """The workbook of ``rollup`` as the bytes of an .xlsx file."""
    book = Workbook()
    book.remove(book.active)
    current = _table_sheets(book, rollup, rollup.year, _rows(rollup, previous=False))
    _summary_sheet(book, rollup, current)
    if rollup.previous is not None:
        year = rollup.year - 1 if rollup.year else None
        previous = _table_sheets(book, rollup, year, _rows(rollup, previous=True))
        _comparison_sheet(book, rollup, current, previous)
    _left_out_sheet(book, rollup)
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
    """ "Mẫu số 10", or "Mẫu số 10 (2024)" for last year's sheet (31 characters at most)."""
    title = spec.label if year == current else f"{spec.label} ({year})"
    return title[:31]


def _table_sheets(
    book: Workbook, rollup: Rollup, year: int | None, rows: list[Row]
) -> dict[str, TotalCells]:
    return {
        spec.id: _table_sheet(
            book.create_sheet(sheet_title(spec, year, rollup.year)), rollup, spec, year, rows
        )
        for spec in rollup.schema.tables
    }


def _table_sheet(
    sheet: Worksheet, rollup: Rollup, spec: TableSpec, year: int | None, rows: list[Row]
) -> TotalCells:
    columns = rollup.schema.columns
    _title(
        sheet, text("xuat.sheet.table-title", label=spec.label, title=spec.title, year=year or "")
    )
    for index, key in enumerate(("stt", "unit", "unit-kind"), start=1):
        _header(sheet, 2, index, text(f"xuat.col.{key}"))
        sheet.merge_cells(start_row=2, start_column=index, end_row=3, end_column=index)
    for position, kind in enumerate(spec.kinds):
        first = FIRST_DATA_COLUMN + position * len(columns)
        _header(sheet, 2, first, kind_label(rollup.schema, kind))
        sheet.merge_cells(
            start_row=2, start_column=first, end_row=2, end_column=first + len(columns) - 1
        )
        for offset, column in enumerate(columns):
            _header(sheet, 3, first + offset, column.label)
    keys = [(kind, column.id) for kind in spec.kinds for column in columns]
    for number, row in enumerate(rows, start=1):
        line = FIRST_UNIT_ROW + number - 1
        sheet.cell(line, 1, number)
        sheet.cell(line, 2, row.name)
        sheet.cell(line, 3, row.kind)
        for offset, (kind, column) in enumerate(keys):
            _count(
                sheet.cell(line, FIRST_DATA_COLUMN + offset, row.counts.get(spec.id, kind, column))
            )
    last = FIRST_UNIT_ROW + max(len(rows), 1) - 1
    total_row = last + 1
    cells = _total_rows(sheet, keys, total_row, last, sorted({r.kind for r in rows}))
    _widths(sheet, rows, len(keys))
    sheet.freeze_panes = sheet.cell(FIRST_UNIT_ROW, FIRST_DATA_COLUMN)
    return TotalCells(cells)


def _total_rows(
    sheet: Worksheet, keys: list[tuple[str, str]], total_row: int, last: int, kinds: list[str]
) -> dict[tuple[str, str], str]:
    sheet.cell(total_row, 2, text("xuat.row.total")).font = BOLD
    cells = {}
    for offset, key in enumerate(keys):
        letter = get_column_letter(FIRST_DATA_COLUMN + offset)
        cell = sheet.cell(
            total_row, FIRST_DATA_COLUMN + offset, f"=SUM({letter}{FIRST_UNIT_ROW}:{letter}{last})"
        )
        _count(cell).font = BOLD
        cells[key] = f"{quote_sheetname(sheet.title)}!{letter}{total_row}"
    kind_range = f"$C${FIRST_UNIT_ROW}:$C${last}"
    for index, kind in enumerate(kinds, start=1):
        line = total_row + index
        sheet.cell(line, 2, text("xuat.row.of-which", kind=kind))
        literal = kind.replace('"', '""')
        for offset in range(len(keys)):
            letter = get_column_letter(FIRST_DATA_COLUMN + offset)
            formula = f'=SUMIF({kind_range},"{literal}",{letter}{FIRST_UNIT_ROW}:{letter}{last})'
            _count(sheet.cell(line, FIRST_DATA_COLUMN + offset, formula))
    return cells


def _summary_sheet(book: Workbook, rollup: Rollup, totals: dict[str, TotalCells]) -> None:
    sheet = book.create_sheet(text("xuat.sheet.summary"), 0)
    schema = rollup.schema
    parts = [c for c in schema.columns if c.part_of]
    _title(sheet, text("xuat.sheet.summary-title", year=rollup.year or ""))
    headers = [text("xuat.col.stt"), text("xuat.col.kind"), *(c.label for c in schema.columns)]
    headers += [
        text("xuat.share", part=c.label, whole=column_label(schema, c.part_of)) for c in parts
    ]
    for index, header in enumerate(headers, start=1):
        _header(sheet, 2, index, header)
    line = 3
    for spec in schema.tables:
        sheet.cell(line, 2, f"{spec.label}: {spec.title}").font = BOLD
        first = line + 1
        for number, kind in enumerate(spec.kinds, start=1):
            line += 1
            sheet.cell(line, 1, number)
            sheet.cell(line, 2, kind_label(schema, kind))
            for offset, column in enumerate(schema.columns):
                _count(sheet.cell(line, 3 + offset, "=" + totals[spec.id].cells[kind, column.id]))
            _shares(sheet, rollup, line)
        line += 1
        sheet.cell(line, 2, text("xuat.row.sum")).font = BOLD
        for offset in range(len(schema.columns)):
            letter = get_column_letter(3 + offset)
            _count(
                sheet.cell(line, 3 + offset, f"=SUM({letter}{first}:{letter}{line - 1})")
            ).font = BOLD
        _shares(sheet, rollup, line)
        line += 1
    _plain_widths(sheet, len(headers))
    sheet.freeze_panes = "C3"


def _shares(sheet: Worksheet, rollup: Rollup, line: int) -> None:
    """Each breakdown's share of its total, as formulas on the summary sheet's row."""
    columns = [c.id for c in rollup.schema.columns]
    start = 3 + len(columns)
    for offset, column in enumerate(c for c in rollup.schema.columns if c.part_of):
        part = f"{get_column_letter(3 + columns.index(column.id))}{line}"
        whole = f"{get_column_letter(3 + columns.index(column.part_of))}{line}"
        cell = sheet.cell(line, start + offset, f'=IF({whole}=0,"",{part}/{whole})')
        cell.number_format = SHARE_FORMAT


def _comparison_sheet(
    book: Workbook, rollup: Rollup, current: dict[str, TotalCells], previous: dict[str, TotalCells]
) -> None:
    year = rollup.year or 0
    sheet = book.create_sheet(text("xuat.sheet.comparison", previous=year - 1), 1)
    schema = rollup.schema
    _title(
        sheet,
        text(
            "xuat.sheet.comparison-title",
            year=year,
            previous=year - 1,
            units=len(rollup.previous_units),
        ),
    )
    _header(sheet, 2, 1, text("xuat.col.kind"))
    sheet.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
    for position, column in enumerate(schema.columns):
        first = 2 + position * 3
        _header(sheet, 2, first, column.label)
        sheet.merge_cells(start_row=2, start_column=first, end_row=2, end_column=first + 2)
        headers = (
            text("xuat.col.year", year=year),
            text("xuat.col.year", year=year - 1),
            text("xuat.col.change"),
        )
        for offset, header in enumerate(headers):
            _header(sheet, 3, first + offset, header)
    line = 3
    for spec in schema.tables:
        line += 1
        sheet.cell(line, 1, f"{spec.label}: {spec.title}").font = BOLD
        for kind in spec.kinds:
            line += 1
            sheet.cell(line, 1, kind_label(schema, kind))
            for position, column in enumerate(schema.columns):
                first = 2 + position * 3
                now, before = get_column_letter(first), get_column_letter(first + 1)
                _count(sheet.cell(line, first, "=" + current[spec.id].cells[kind, column.id]))
                _count(sheet.cell(line, first + 1, "=" + previous[spec.id].cells[kind, column.id]))
                _count(sheet.cell(line, first + 2, f"={now}{line}-{before}{line}"))
    _plain_widths(sheet, 1 + 3 * len(schema.columns))
    sheet.freeze_panes = "B4"


def _left_out_sheet(book: Workbook, rollup: Rollup) -> None:
    sheet = book.create_sheet(text("xuat.sheet.left-out"))
    _title(sheet, text("xuat.sheet.left-out-title", count=len(rollup.left_out)))
    for index, key in enumerate(("stt", "unit", "unit-kind", "reason", "details"), start=1):
        _header(sheet, 2, index, text(f"xuat.col.{key}"))
    for number, values in enumerate(left_out_rows(rollup), start=1):
        for index, value in enumerate((number, *values), start=1):
            sheet.cell(2 + number, index, value).alignment = Alignment(
                wrap_text=True, vertical="top"
            )
    for letter, width in zip("ABCDE", (6, 40, 24, 50, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A3"


def _title(sheet: Worksheet, text: str) -> None:
    sheet.cell(1, 1, text).font = Font(bold=True, size=13)


def _header(sheet: Worksheet, row: int, column: int, text: str) -> None:
    cell = sheet.cell(row, column, text)
    cell.font = BOLD
    cell.alignment = HEADER


def _count(cell):
    cell.number_format = COUNT_FORMAT
    return cell


def _widths(sheet: Worksheet, rows: Iterable[Row], data_columns: int) -> None:
    longest = max((len(r.name) for r in rows), default=20)
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = min(max(longest + 2, 24), 50)
    sheet.column_dimensions["C"].width = 22
    for offset in range(data_columns):
        sheet.column_dimensions[get_column_letter(FIRST_DATA_COLUMN + offset)].width = 11
    sheet.row_dimensions[2].height = 45
    sheet.row_dimensions[3].height = 45


def _plain_widths(sheet: Worksheet, columns: int) -> None:
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 40
    for index in range(3, columns + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 13
    sheet.row_dimensions[2].height = 45
