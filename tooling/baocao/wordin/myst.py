"""pandoc's tree of the body (JSON) to MyST Markdown: a list of headings and blocks.

Paragraphs are written on one line each (hard line breaks kept); a paragraph that
starts like Markdown syntax ("# ", "% ", "> ") is escaped, one typed as "- ", "+ "
or "1. " becomes a list item; footnotes follow the block that calls them; block
quotes and divisions are unwrapped (pandoc makes them of indented paragraphs).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from baocao.text import squash
from baocao.wordin.inlines import Inlines
from baocao.wordin.tables import pipe_table

Node = dict[str, Any]
_STARTS_SYNTAX = re.compile(
    r"^(?:[#>%]|[-+*](?:\s|$)|\d+[.)](?:\s|$)|:::|\+\+\+|={3,}|-{3,}|\(.*\)=|\|)"
)
_TYPED_BULLET = re.compile(r"^(?P<mark>[-+•–])\s+(?=\S)")
_TYPED_NUMBER = re.compile(r"^(?P<mark>\d{1,2}[.)])\s+(?=\S)")


@dataclass
class Item:
    kind: str  # "heading" or "block"
    text: str
    level: int = 0


@dataclass
class Dropped:
    what: str  # "raw", "merged-table", "empty-table"
    text: str


@dataclass
class Body:
    items: list[Item] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    tables: int = 0


class MystWriter:
    def __init__(self, image_name: Callable[[str], str]) -> None:
        self.body = Body()
        self.notes: list[str] = []
        self.note_count = 0
        self.inlines = Inlines(self._note, image_name, self._drop)

    def write(self, doc: Node) -> Body:
        for block in doc["blocks"]:
            self.block(block)
        self._flush_notes()
        return self.body

    def _drop(self, what: str, text: str) -> None:
        self.body.dropped.append(Dropped(what, squash(text)))

    def _note(self, blocks: list[Node]) -> str:
        self.note_count += 1
        label = str(self.note_count)
        text = " ".join(self.blocks_text(blocks).split("\n\n"))
        self.notes.append(f"[^{label}]: {text}")
        return label

    def _flush_notes(self) -> None:
        for note in self.notes:
            self.body.items.append(Item("block", note))
        self.notes = []

    def add(self, text: str) -> None:
        if text.strip():
            self.body.items.append(Item("block", text))
        self._flush_notes()

    def block(self, node: Node) -> None:
        kind, content = node["t"], node.get("c")
        if kind == "Header":
            title = squash(self.inlines.render(content[2], plain=True))
            if title:
                self.body.items.append(Item("heading", title, content[0]))
            self._flush_notes()
        elif kind in ("BlockQuote", "Div", "Figure"):
            for child in content if kind == "BlockQuote" else content[-1]:
                self.block(child)
            if kind == "Figure" and content[1][1]:
                for child in content[1][1]:
                    self.block(child)
        elif kind == "Table":
            self.table(content)
        elif kind == "RawBlock":
            self._drop("raw", content[1])
        else:
            self.add_text_block(node)

    def add_text_block(self, node: Node) -> None:
        text = self.blocks_text([node])
        items = self.body.items
        if _is_list_line(text) and items and items[-1].kind == "block" and _is_list(items[-1]):
            items[-1].text += "\n" + text
            self._flush_notes()
            return
        self.add(text)

    def blocks_text(self, blocks: list[Node], indent: str = "") -> str:
        return "\n\n".join(t for t in (self.text_of(b, indent) for b in blocks) if t)

    def text_of(self, node: Node, indent: str = "") -> str:
        kind, content = node["t"], node.get("c")
        if kind in ("Para", "Plain"):
            return paragraph(self.inlines.render(content))
        if kind == "LineBlock":
            return "\\\n".join(self.inlines.render(line) for line in content)
        if kind == "BulletList":
            return self.list_items(["-"] * len(content), content)
        if kind == "OrderedList":
            start = content[0][0]
            marks = [f"{start + i}." for i in range(len(content[1]))]
            return self.list_items(marks, content[1])
        if kind == "CodeBlock":
            fence = "`" * max(
                3, max((len(m) for m in re.findall(r"`+", content[1])), default=0) + 1
            )
            return f"{fence}\n{content[1]}\n{fence}"
        if kind in ("BlockQuote", "Div", "Figure"):
            return self.blocks_text(content if kind == "BlockQuote" else content[-1])
        if kind == "DefinitionList":
            return "\n\n".join(
                paragraph(self.inlines.render(term))
                + "\n\n"
                + self.blocks_text([b for d in defs for b in d])
                for term, defs in content
            )
        if kind == "Header":
            return paragraph(self.inlines.render(content[2]))
        if kind == "Table":
            return pipe_table(content, self.cell_text).text
        if kind == "RawBlock":
            self._drop("raw", content[1])
        return ""

    def list_items(self, marks: list[str], items: list[list[Node]]) -> str:
        out = []
        for mark, blocks in zip(marks, items, strict=True):
            pad = " " * (len(mark) + 1)
            text = self.blocks_text(blocks)
            lines = text.split("\n")
            body = "\n".join([lines[0], *((pad + line) if line else "" for line in lines[1:])])
            out.append(f"{mark} {body}")
        return "\n".join(out)

    def cell_text(self, blocks: list[Node]) -> str:
        """A cell on one line; a table inside it becomes its cells' texts separated by ";"
        (and is reported)."""
        parts = []
        for block in blocks:
            if block["t"] == "Table":
                inner = pipe_table(block["c"], self.cell_text)
                self._drop("nested-table", inner.first_cell)
                parts.append("; ".join(inner.cells))
            else:
                parts.append(self.blocks_text([block]))
        text = " ".join(parts).replace("\\\n", " ").replace("\n\n", " ")
        return squash(text.replace("\n", " "))

    def table(self, content: list) -> None:
        self.body.tables += 1
        table = pipe_table(content, self.cell_text)
        if table.merged:
            self._drop("merged-table", f"{self.body.tables}: {table.first_cell}")
        if not table.text:
            self._drop("empty-table", str(self.body.tables))
            return
        self.add(table.text)


def paragraph(text: str) -> str:
    """A paragraph's Markdown: every line that would start Markdown syntax is escaped,
    except a typed bullet ("- ", "+ ", "• "), which becomes a list item."""
    lines = text.split("\n")
    out = []
    for index, line in enumerate(lines):
        line = line.lstrip() if index == 0 else line
        bullet = _TYPED_BULLET.match(line) if index == 0 else None
        number = _TYPED_NUMBER.match(line) if index == 0 else None
        if bullet:
            mark = "  -" if bullet["mark"] == "+" else "-"
            out.append(f"{mark} {line[bullet.end() :]}")
        elif number:
            out.append(f"{number['mark']} {line[number.end() :]}")
        elif _STARTS_SYNTAX.match(line):
            out.append(_escape_start(line))
        else:
            out.append(line)
    return "\n".join(out)


def _escape_start(line: str) -> str:
    number = re.match(r"^\d+(?=[.)])", line)
    if number:
        return f"{number[0]}\\{line[number.end() :]}"
    return "\\" + line


def _is_list_line(text: str) -> bool:
    typed = text.startswith(("- ", "  - ")) or _TYPED_NUMBER.match(text) is not None
    return typed and "\n\n" not in text


def _is_list(item: Item) -> bool:
    return _is_list_line(item.text)
