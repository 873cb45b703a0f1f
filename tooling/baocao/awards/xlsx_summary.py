"""The workbook's summary sheets: the province's totals by kind of award with the shares
of the breakdowns, the comparison with last year, and the units left out with why.

Every number here is a formula over the table sheets' totals (or over this sheet's own
cells), so the workbook stays right when the board corrects a unit's row. A column a
kind of award cannot count (individuals for a flag given only to collectives) is blank.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from baocao.awards.labels import column_label, kind_label, left_out_rows, text
from baocao.awards.rollup import Rollup
from baocao.awards.xlsx_style import (
    BOLD,
    SHARE_FORMAT,
    WRAPPED,
    TotalCells,
    count,
    header,
    landscape,
    title,
)

FIRST_VALUE = 3  # A: STT, B: hình thức khen thưởng


def summary_sheet(book: Workbook, rollup: Rollup, totals: dict[str, TotalCells]) -> None:
    sheet = book.create_sheet(text("xuat.sheet.summary"), 0)
    schema = rollup.schema
    title(sheet, text("xuat.sheet.summary-title", year=rollup.year or ""))
    parts = [c for c in schema.columns if c.part_of]
    headers = [text("xuat.col.stt"), text("xuat.col.kind"), *(c.label for c in schema.columns)]
    headers += [
        text("xuat.share", part=c.label, whole=column_label(schema, c.part_of)) for c in parts
    ]
    for index, label in enumerate(headers, start=1):
        header(sheet, 2, index, label)
    line = 2
    for spec in schema.tables:
        line += 1
        sheet.cell(line, 2, f"{spec.label}: {spec.title}").font = BOLD
        first = line + 1
        for number, kind in enumerate(spec.kinds, start=1):
            line += 1
            sheet.cell(line, 1, number)
            sheet.cell(line, 2, kind_label(schema, kind))
            takes = {c.id for c in rollup.columns_for(kind)}
            for offset, column in enumerate(schema.columns):
                if column.id in takes:
                    cell = sheet.cell(line, FIRST_VALUE + offset)
                    count(cell).value = "=" + totals[spec.id][kind, column.id]
            _shares(sheet, rollup, line, takes)
        line += 1
        sheet.cell(line, 2, text("xuat.row.sum")).font = BOLD
        for offset in range(len(schema.columns)):
            letter = get_column_letter(FIRST_VALUE + offset)
            formula = f"=SUM({letter}{first}:{letter}{line - 1})"
            count(sheet.cell(line, FIRST_VALUE + offset, formula), bold=True)
        _shares(sheet, rollup, line, {c.id for c in schema.columns})
    _widths(sheet, len(headers), first_width=8)
    sheet.freeze_panes = "C3"
    landscape(sheet, "2:2")


def _shares(sheet: Worksheet, rollup: Rollup, line: int, takes: set[str]) -> None:
    """Each breakdown's share of its total on the row, as formulas (blank when the kind
    cannot count it, empty text when the total is 0)."""
    ids = [c.id for c in rollup.schema.columns]
    start = FIRST_VALUE + len(ids)
    for offset, column in enumerate(c for c in rollup.schema.columns if c.part_of):
        if column.id not in takes:
            continue
        part = f"{get_column_letter(FIRST_VALUE + ids.index(column.id))}{line}"
        whole = f"{get_column_letter(FIRST_VALUE + ids.index(column.part_of))}{line}"
        cell = sheet.cell(line, start + offset, f'=IF({whole}=0,"",{part}/{whole})')
        cell.number_format = SHARE_FORMAT


def comparison_sheet(
    book: Workbook,
    rollup: Rollup,
    current: dict[str, TotalCells],
    previous: dict[str, TotalCells],
) -> None:
    """This year, last year and the change, per kind of award and column, for the units
    summed both years (like for like, as the roll-up compares)."""
    year = rollup.year or 0
    sheet = book.create_sheet(text("xuat.sheet.comparison", previous=year - 1), 1)
    schema = rollup.schema
    units = len(rollup.previous_units)
    title(sheet, text("xuat.sheet.comparison-title", year=year, previous=year - 1, units=units))
    header(sheet, 2, 1, text("xuat.col.kind"))
    sheet.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
    labels = (
        text("xuat.col.year", year=year),
        text("xuat.col.year", year=year - 1),
        text("xuat.col.change"),
    )
    for position, column in enumerate(schema.columns):
        first = 2 + position * 3
        header(sheet, 2, first, column.label)
        sheet.merge_cells(start_row=2, start_column=first, end_row=2, end_column=first + 2)
        for offset, label in enumerate(labels):
            header(sheet, 3, first + offset, label)
    line = 3
    for spec in schema.tables:
        line += 1
        sheet.cell(line, 1, f"{spec.label}: {spec.title}").font = BOLD
        for kind in spec.kinds:
            line += 1
            sheet.cell(line, 1, kind_label(schema, kind))
            takes = {c.id for c in rollup.columns_for(kind)}
            for position, column in enumerate(schema.columns):
                if column.id not in takes:
                    continue
                first = 2 + position * 3
                now, before = get_column_letter(first), get_column_letter(first + 1)
                count(sheet.cell(line, first, "=" + current[spec.id][kind, column.id]))
                count(sheet.cell(line, first + 1, "=" + previous[spec.id][kind, column.id]))
                count(sheet.cell(line, first + 2, f"={now}{line}-{before}{line}"))
    _widths(sheet, 1 + 3 * len(schema.columns), first_width=40)
    sheet.freeze_panes = "B4"
    landscape(sheet, "2:3")


def left_out_sheet(book: Workbook, rollup: Rollup) -> None:
    sheet = book.create_sheet(text("xuat.sheet.left-out"))
    title(sheet, text("xuat.sheet.left-out-title", count=len(rollup.left_out)))
    for index, key in enumerate(("stt", "unit", "unit-kind", "reason", "details"), start=1):
        header(sheet, 2, index, text(f"xuat.col.{key}"))
    for number, values in enumerate(left_out_rows(rollup), start=1):
        for index, value in enumerate((number, *values), start=1):
            sheet.cell(2 + number, index, value).alignment = WRAPPED
    for letter, width in zip("ABCDE", (6, 40, 24, 50, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A3"


def _widths(sheet: Worksheet, columns: int, first_width: int) -> None:
    sheet.column_dimensions["A"].width = first_width
    if first_width < 20:
        sheet.column_dimensions["B"].width = 40
    for index in range(2 if first_width >= 20 else 3, columns + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 13
    sheet.row_dimensions[2].height = 60
