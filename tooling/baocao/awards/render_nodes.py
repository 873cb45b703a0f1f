"""Rendered commendation tables as docutils nodes: what the site and the Word file show.

A table is a docutils ``table`` (caption, a header of one or two rows with spans,
body rows) inside a ``container``: on the site the container scrolls sideways on a
narrow screen; a wide table's container carries ``nd30.LANDSCAPE_CLASS``, which the
Word builder turns into a landscape section. Number cells carry ``text-right``. A note
(no data, errors in the data) is an ``admonition`` with a title, so both builders
show it as a titled box. No HTML or Markdown is written here.
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from baocao.awards.render import ROW_KIND, HeaderCell, RenderedTable, Row
from baocao.docx.nd30 import LANDSCAPE_CLASS

CONTAINER_CLASS = "baocao-awards"
TABLE_CLASS = "baocao-awards-table"
NOTE_CLASS = "baocao-awards-note"
RIGHT_CLASS = "text-right"
# Relative widths: the label column against a number column; the names list's columns.
LABEL_WEIGHT, NUMBER_WEIGHT = 3, 1
NAMES_WEIGHTS = (1, 4, 3, 4, 4, 7)


def table_nodes(table: RenderedTable) -> nodes.container:
    """One rendered table in its container."""
    classes = [CONTAINER_CLASS, *([LANDSCAPE_CLASS] if table.wide else [])]
    container = nodes.container(classes=classes)
    node = nodes.table(classes=[TABLE_CLASS, "colwidths-given", f"baocao-awards-{table.id}"])
    node += nodes.title(table.caption, table.caption)
    group = nodes.tgroup(cols=table.width)
    for weight in _weights(table):
        group += nodes.colspec(colwidth=weight)
    head = nodes.thead()
    for cells in table.header:
        head += nodes.row("", *(_header_entry(cell) for cell in cells))
    body = nodes.tbody()
    for row in table.rows:
        body += _row(row, numeric=table.numeric)
    group += head
    group += body
    node += group
    container += node
    return container


def _weights(table: RenderedTable) -> Sequence[int]:
    if not table.numeric and table.width == len(NAMES_WEIGHTS):
        return NAMES_WEIGHTS
    return (LABEL_WEIGHT, *([NUMBER_WEIGHT] * (table.width - 1)))


def _header_entry(cell: HeaderCell) -> nodes.entry:
    entry = nodes.entry()
    if cell.cols > 1:
        entry["morecols"] = cell.cols - 1
    if cell.rows > 1:
        entry["morerows"] = cell.rows - 1
    entry += nodes.paragraph(cell.text, cell.text)
    return entry


def _row(row: Row, *, numeric: bool) -> nodes.row:
    strong = row.role != ROW_KIND
    cells = [_entry(row.label, strong=strong)]
    cells.extend(_entry(value, strong=strong, right=numeric) for value in row.cells)
    return nodes.row("", *cells, classes=[f"baocao-awards-{row.role}"])


def _entry(value: str, *, strong: bool, right: bool = False) -> nodes.entry:
    entry = nodes.entry(classes=[RIGHT_CLASS] if right else [])
    paragraph = nodes.paragraph()
    paragraph += nodes.strong(value, value) if strong and value else nodes.Text(value)
    entry += paragraph
    return entry


def note_nodes(title: str, paragraph: str, items: Sequence[str] = ()) -> nodes.admonition:
    """A titled note in place of a table: what is missing or wrong, and what to do."""
    note = nodes.admonition(classes=[NOTE_CLASS, "note"])
    note += nodes.title(title, title)
    note += nodes.paragraph(paragraph, paragraph)
    if items:
        listing = nodes.bullet_list()
        for item in items:
            listing += nodes.list_item("", nodes.paragraph(item, item))
        note += listing
    return note
