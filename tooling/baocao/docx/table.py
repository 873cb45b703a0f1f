"""docutils tables to panflute tables.

Header cells are centred; a column whose body cells are all numbers is
right-aligned, as the decree's tables are, and so is a cell with the class
``text-right``. Column widths follow the widths the
author gave, otherwise the length of each column's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import panflute as pf
from docutils import nodes

if TYPE_CHECKING:
    from baocao.docx.ast import PandocVisitor

# "1.234", "94,9", "-3", "12%", "126/126": what a reader takes for a number.
_NUMBER = re.compile(r"^[+\-−]?\d[\d.,/]*\s*%?$")
_MIN_WEIGHT, _MAX_WEIGHT = 6, 40
# A cell asked to be right-aligned (myst-parser's "--:" columns, the commendation tables).
RIGHT_CLASS = "text-right"

Cell = tuple[int, int, nodes.entry]  # first column, columns spanned, entry


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def layout(rows: Sequence[nodes.Node]) -> list[list[Cell]]:
    """Each row's cells with their column, skipping columns held by a cell from above."""
    held: dict[int, int] = {}
    grid = []
    for row in rows:
        cells, column = [], 0
        for entry in row.children:
            while held.get(column, 0) > 0:
                column += 1
            span = int(entry.get("morecols", 0)) + 1
            cells.append((column, span, entry))
            for c in range(column, column + span):
                held[c] = int(entry.get("morerows", 0)) + 1
            column += span
        held = {c: n - 1 for c, n in held.items() if n > 1}
        grid.append(cells)
    return grid


class TableConverter:
    """Converts one docutils ``table`` node."""

    def __init__(self, visitor: PandocVisitor) -> None:
        self.visitor = visitor

    def convert(self, table: nodes.table) -> pf.Table:
        tgroup = next(iter(table.findall(nodes.tgroup)))
        count = int(tgroup.get("cols", 0)) or sum(
            isinstance(c, nodes.colspec) for c in tgroup.children
        )
        head = layout([r for part in tgroup.findall(nodes.thead) for r in part.children])
        body = layout([r for part in tgroup.findall(nodes.tbody) for r in part.children])
        right = numeric_columns(body)
        widths = self.widths(table, tgroup, count, head + body)
        colspec = [
            ("AlignRight" if i in right else "AlignDefault", w) for i, w in enumerate(widths)
        ]
        return pf.Table(
            pf.TableBody(*[self.row(r, right, header=False) for r in body]),
            head=pf.TableHead(*[self.row(r, right, header=True) for r in head]),
            caption=self.caption(table),
            colspec=colspec,
        )

    def caption(self, table: nodes.table) -> pf.Caption:
        titles = [c for c in table.children if isinstance(c, nodes.title)]
        if not titles:
            return pf.Caption()
        return pf.Caption(pf.Plain(*self.visitor.inlines(titles[0])))

    def row(self, cells: list[Cell], right: set[int], *, header: bool) -> pf.TableRow:
        def align(column: int, span: int, entry: nodes.entry) -> str:
            if header:
                return "AlignCenter"
            if RIGHT_CLASS in entry.get("classes", []):
                return "AlignRight"
            return "AlignRight" if span == 1 and column in right else "AlignDefault"

        return pf.TableRow(
            *[
                pf.TableCell(
                    *self.visitor.cell_blocks(entry),
                    alignment=align(column, span, entry),
                    colspan=span,
                    rowspan=int(entry.get("morerows", 0)) + 1,
                )
                for column, span, entry in cells
            ]
        )

    @staticmethod
    def widths(
        table: nodes.table, tgroup: nodes.tgroup, count: int, grid: list[list[Cell]]
    ) -> list[float]:
        colspecs = [c for c in tgroup.children if isinstance(c, nodes.colspec)]
        if "colwidths-given" in table.get("classes", []) and len(colspecs) == count:
            weights = [float(c.get("colwidth", 1)) for c in colspecs]
        else:
            weights = [float(_MIN_WEIGHT)] * count
            for cells in grid:
                for column, span, entry in cells:
                    if span == 1 and column < count:
                        size = min(max(len(entry.astext()), _MIN_WEIGHT), _MAX_WEIGHT)
                        weights[column] = max(weights[column], float(size))
        total = sum(weights) or 1.0
        return [w / total for w in weights]


def numeric_columns(body: list[list[Cell]]) -> set[int]:
    """Columns whose every non-empty single-column body cell is a number."""
    texts: dict[int, list[str]] = {}
    for cells in body:
        for column, span, entry in cells:
            if span == 1 and entry.astext().strip():
                texts.setdefault(column, []).append(entry.astext())
    return {column for column, values in texts.items() if all(map(is_number, values))}
