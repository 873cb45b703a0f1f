"""The Ministry's Biểu 0603 as a sheet of the workbook, filled from the roll-up.

Each filled cell is a formula over the totals of the table sheet it comes from (Mẫu số
11), so a number the board corrects there moves the Biểu too; "Tổng số" (column 1 and
row 01) are formulas as well. A cell the units' data cannot fill stays blank, and the
sheet lists those cells with why, says that the numbers are the units' proposals, not
the province's decisions, and names the legal basis and sources of the layout.
"""

from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from baocao.awards.bieu import StatColumn, StatLayout, StatRow
from baocao.awards.labels import text
from baocao.awards.rollup import Rollup
from baocao.awards.xlsx_style import BOLD, COUNT_FORMAT, TotalCells, landscape
from baocao.awards.xlsx_style import CENTRED as HEADER
from baocao.awards.xlsx_style import WRAPPED as WRAP

FIRST_VALUE = 4  # A: row label, B: mã số, C: đơn vị tính, D: tổng số, then "chia ra"
HEAD_ROW = 6


def bieu_sheet(book: Workbook, rollup: Rollup, layout: StatLayout, totals: TotalCells) -> None:
    """Add the Biểu; ``totals`` maps (kind, column) to its total cell in the table sheet."""
    sheet = book.create_sheet(text("xuat.bieu.sheet", code=layout.code.split(".")[0]))
    _heading(sheet, rollup, layout)
    first = HEAD_ROW + 3
    places = {row.code: first + index for index, row in enumerate(layout.rows) if row.code}
    for index, row in enumerate(layout.rows):
        _row(sheet, rollup, layout, row, first + index, places, totals)
    _notes(sheet, layout, first + len(layout.rows) + 1)
    sheet.freeze_panes = sheet.cell(HEAD_ROW + 3, 2)
    sheet.column_dimensions["A"].width = 55
    for index in range(2, FIRST_VALUE + len(layout.columns) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 16
    landscape(sheet, f"{HEAD_ROW}:{HEAD_ROW + 2}")


def _heading(sheet: Worksheet, rollup: Rollup, layout: StatLayout) -> None:
    basis = layout.basis
    last = get_column_letter(FIRST_VALUE + len(layout.columns))
    sheet.cell(1, 1, text("xuat.bieu.code", code=layout.code)).font = BOLD
    sheet.cell(2, 1, text("xuat.bieu.basis", title=basis["title"], issued=basis["issued"]))
    sheet.cell(3, 1, layout.title).font = Font(bold=True, size=13)
    sheet.merge_cells(f"A3:{last}3")
    sheet.cell(3, 1).alignment = HEADER
    sheet.cell(4, 1, text("xuat.bieu.year", year=rollup.year or "", period=layout.period))
    sheet.cell(5, 1, text("xuat.bieu.proposals", units=len(rollup.units))).font = BOLD
    for index, label in enumerate(("", text("xuat.bieu.col.code"), text("xuat.bieu.col.unit"))):
        _header(sheet, index + 1, label, span=True)
    _header(sheet, FIRST_VALUE, text("xuat.bieu.col.total"), span=True)
    first = FIRST_VALUE + 1
    _header(sheet, first, text("xuat.bieu.col.of-which"))
    sheet.merge_cells(
        start_row=HEAD_ROW,
        start_column=first,
        end_row=HEAD_ROW,
        end_column=first + len(layout.columns) - 1,
    )
    for offset, column in enumerate(layout.columns):
        cell = sheet.cell(HEAD_ROW + 1, first + offset, column.label)
        cell.font, cell.alignment = BOLD, HEADER
    marks = ["A", "B", "C", "1", *(c.code for c in layout.columns)]
    for index, mark in enumerate(marks, start=1):
        cell = sheet.cell(HEAD_ROW + 2, index, mark)
        cell.font, cell.alignment = BOLD, HEADER
    sheet.row_dimensions[HEAD_ROW + 1].height = 75


def _header(sheet: Worksheet, column: int, label: str, span: bool = False) -> None:
    cell = sheet.cell(HEAD_ROW, column, label)
    cell.font, cell.alignment = BOLD, HEADER
    if span:
        sheet.merge_cells(
            start_row=HEAD_ROW, start_column=column, end_row=HEAD_ROW + 1, end_column=column
        )


def _row(
    sheet: Worksheet,
    rollup: Rollup,
    layout: StatLayout,
    row: StatRow,
    line: int,
    places: dict[str, int],
    totals: TotalCells,
) -> None:
    sheet.cell(line, 1, row.label).alignment = WRAP
    if row.heading:
        sheet.cell(line, 1).font = BOLD
        return
    sheet.cell(line, 2, row.code).alignment = HEADER
    sheet.cell(line, 3, row.unit).alignment = HEADER
    filled = []
    for offset, column in enumerate(layout.columns, start=1):
        letter = get_column_letter(FIRST_VALUE + offset)
        formula = _formula(rollup, layout, row, column, places, totals, letter)
        if formula:
            cell = sheet.cell(line, FIRST_VALUE + offset, formula)
            cell.number_format = COUNT_FORMAT
            filled.append(letter)
    if filled:
        total = sheet.cell(line, FIRST_VALUE, "=" + "+".join(f"{c}{line}" for c in filled))
        total.number_format = COUNT_FORMAT
    if row.sum_of:
        for column in range(FIRST_VALUE, FIRST_VALUE + len(layout.columns) + 1):
            sheet.cell(line, column).font = BOLD
        sheet.cell(line, 1).font = BOLD


def _formula(
    rollup: Rollup,
    layout: StatLayout,
    row: StatRow,
    column: StatColumn,
    places: dict[str, int],
    totals: TotalCells,
    letter: str,
) -> str:
    """The cell's formula: the table sheet's totals it counts, or the rows it adds up;
    "" for a cell left blank."""
    if layout.value(rollup, row, column) is None:
        return ""
    if row.sum_of:
        added = [c for c in row.sum_of if layout.value(rollup, layout.row(c), column) is not None]
        return "=" + "+".join(f"{letter}{places[code]}" for code in added)
    kinds = layout.kinds_for(rollup, row, column)
    return "=" + "+".join(totals[kind, row.column] for kind in kinds)


def _notes(sheet: Worksheet, layout: StatLayout, line: int) -> None:
    sheet.cell(line, 1, text("xuat.bieu.missing")).font = BOLD
    for codes, why in layout.missing():
        line += 1
        sheet.cell(line, 1, text("xuat.bieu.missing-item", codes=codes, why=why)).alignment = WRAP
    line += 2
    sheet.cell(line, 1, text("xuat.bieu.sources")).font = BOLD
    for source in [*layout.basis.get("sources", []), *layout.basis.get("unverified", [])]:
        line += 1
        sheet.cell(line, 1, source).alignment = WRAP
