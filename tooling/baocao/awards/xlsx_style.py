"""The look shared by the workbook's sheets: bold headers, number formats, titles."""

from __future__ import annotations

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

TotalCells = dict[tuple[str, str], str]
"""Where a table sheet keeps a total: (kind, column) -> "'Mẫu số 10'!D9"."""

COUNT_FORMAT = "#,##0"
SHARE_FORMAT = "0.0%"
BOLD = Font(bold=True)
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAPPED = Alignment(wrap_text=True, vertical="top")


def title(sheet: Worksheet, text: str) -> None:
    sheet.cell(1, 1, text).font = Font(bold=True, size=13)


def header(sheet: Worksheet, row: int, column: int, text: str) -> Cell:
    cell = sheet.cell(row, column, text)
    cell.font = BOLD
    cell.alignment = CENTRED
    return cell


def count(cell: Cell, bold: bool = False) -> Cell:
    cell.number_format = COUNT_FORMAT
    if bold:
        cell.font = BOLD
    return cell


def landscape(sheet: Worksheet, header_rows: str) -> None:
    """Print across the page, the header rows repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = header_rows
