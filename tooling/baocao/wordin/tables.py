"""A pandoc table (JSON) as a MyST pipe table, which both builders render.

A pipe table has one header row and no merged cells: a cell spanning rows or
columns is written once, in its first position, and the cells it covered are
left empty; the caller is told, to name the table in the import report. A table
with no header row takes its first row as the header.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Node = dict[str, Any]


@dataclass
class PipeTable:
    text: str
    merged: bool
    first_cell: str
    cells: list[str] = field(default_factory=list)  # the non-empty cells, row by row


def pipe_table(content: list, cell_text: Callable[[list[Node]], str]) -> PipeTable:
    _attr, _caption, colspecs, head, bodies, foot = content
    rows = list(head[1])
    for body in bodies:
        rows += body[2] + body[3]
    rows += foot[1]
    grid, merged = _grid(rows, len(colspecs), cell_text)
    if not grid:
        return PipeTable("", merged, "")
    header, body_rows = [_unbold(cell) for cell in grid[0]], grid[1:]
    width = max(len(row) for row in grid)
    lines = [_line(header, width), "| " + " | ".join(["---"] * width) + " |"]
    lines += [_line(row, width) for row in body_rows]
    cells = [cell for row in grid for cell in row if cell]
    return PipeTable("\n".join(lines), merged, cells[0] if cells else "", cells)


def _grid(
    rows: list, columns: int, cell_text: Callable[[list[Node]], str]
) -> tuple[list[list[str]], bool]:
    """Rows of cell texts with every span unmerged; whether any cell was merged."""
    grid: list[list[str]] = []
    covered: set[tuple[int, int]] = set()
    merged = False
    for r, row in enumerate(rows):
        out: list[str] = []
        c = 0
        for cell in row[1]:
            while (r, c) in covered:
                out.append("")
                c += 1
            _attr, _align, rowspan, colspan, blocks = cell
            out.append(cell_text(blocks))
            if rowspan > 1 or colspan > 1:
                merged = True
                covered.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
            out += [""] * (colspan - 1)
            c += colspan
        while (r, c) in covered or c < columns:
            out.append("")
            c += 1
        grid.append(out)
    return grid, merged


def _unbold(cell: str) -> str:
    """A header cell bold throughout: the header row is bold already."""
    if cell.startswith("**") and cell.endswith("**") and cell.count("**") == 2:
        return cell[2:-2]
    return cell


def _line(cells: list[str], width: int) -> str:
    cells = cells + [""] * (width - len(cells))
    return "| " + " | ".join(cells) + " |"
