"""Where each paragraph of a unit's Word file comes from: the Markdown blocks with text.

Every ``inline`` token markdown-it finds in a unit's files (a paragraph, a list item's
paragraph, a heading, a table cell) becomes a ``SourceBlock``: its file, its line
range (the token's ``map``), the characters of the file it spans, and its plain text
as the Word builder prints it. The files are the ones ``load_report`` follows, in
the order of the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from markdown_it.token import Token

from baocao.mdparser import parser
from baocao.project import Project
from baocao.report import load_report

CELL = "cell"
_TEXT_TYPES = ("text", "code_inline", "math_inline", "myst_role")
_SPACE_TYPES = ("softbreak", "hardbreak")


@dataclass(frozen=True)
class SourceBlock:
    """One Markdown block with text, and the characters ``start:end`` of its file."""

    path: Path
    rel: str
    kind: str  # paragraph, heading, cell
    line: int  # 1-based, first line
    end_line: int  # 1-based, last line
    start: int
    end: int
    plain: str
    in_list: bool = False


@dataclass
class SourceFile:
    """A unit file as read: its bytes (for the check before writing) and its text."""

    path: Path
    rel: str
    data: bytes
    text: str


def plain_text(inline: Token) -> str:
    """The text of an inline token as it reaches the Word file (markup gone)."""
    parts = []
    for child in inline.children or []:
        if child.type in _TEXT_TYPES:
            parts.append(child.content)
        elif child.type in _SPACE_TYPES:
            parts.append(" ")
    return "".join(parts)


def plain_of_markdown(text: str) -> str:
    """The plain text of a piece of Markdown (one block, re-read after an edit)."""
    tokens = parser().parse(text)
    return " ".join(plain_text(t) for t in tokens if t.type == "inline")


def unit_sources(project: Project, unit_dir: Path) -> tuple[list[SourceFile], list[SourceBlock]]:
    """The unit's files in build order and their blocks with text, in document order."""
    report = load_report(unit_dir, project.root, project.known_forms)
    files, blocks = [], []
    for number, loaded in enumerate(report.files):
        data = loaded.path.read_bytes()
        source = SourceFile(loaded.path, loaded.rel, data, data.decode("utf-8"))
        files.append(source)
        blocks.extend(_blocks(source, drop_title=number == 0))
    return files, blocks


def _line_starts(text: str) -> list[int]:
    starts, offset = [0], 0
    for line in text.splitlines(keepends=True):
        offset += len(line)
        starts.append(offset)
    return starts


def _blocks(source: SourceFile, drop_title: bool) -> list[SourceBlock]:
    """The blocks of one file; the index's title is left out (the Word file prints the
    trích yếu of the front matter in its place)."""
    text = source.text
    starts = _line_starts(text)
    tokens = parser().parse(text.removeprefix("\ufeff"))
    out: list[SourceBlock] = []
    containers: list[Token] = []
    cells: dict[int, list[tuple[int, int]]] = {}
    for token in tokens:
        if token.nesting == 1:
            containers.append(token)
        elif token.nesting == -1 and containers:
            containers.pop()
        if token.type != "inline" or not token.map or not containers:
            continue
        first, last = token.map
        in_list = any(c.type == "list_item_open" for c in containers)
        kind = containers[-1].type.removesuffix("_open")
        if drop_title and containers[-1].tag == "h1":
            drop_title = False
            continue
        if kind in ("td", "th"):
            row = cells.setdefault(first, _cell_spans(text, starts[first], starts[first + 1]))
            index = sum(1 for b in out if b.kind == CELL and b.line == first + 1)
            if index >= len(row):
                continue
            start, end = row[index]
            kind = CELL
        else:
            start, end = starts[first], _trim_end(text, starts[first], starts[last])
        out.append(
            SourceBlock(
                source.path,
                source.rel,
                kind,
                first + 1,
                last,
                start,
                end,
                plain_text(token),
                in_list,
            )
        )
    return out


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in "\r\n":
        end -= 1
    return end


def _cell_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The characters of each cell of a table row (between unescaped pipes, trimmed)."""
    end = _trim_end(text, start, end)
    pipes = [start - 1]
    escaped = False
    for i in range(start, end):
        char = text[i]
        if char == "|" and not escaped:
            pipes.append(i)
        escaped = char == "\\" and not escaped
    pipes.append(end)
    spans = []
    for left, right in pairwise(pipes):
        a, b = left + 1, right
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        spans.append((a, b))
    if spans and spans[0][0] == spans[0][1] and text[start:end].lstrip().startswith("|"):
        spans.pop(0)
    if spans and spans[-1][0] == spans[-1][1] and text[start:end].rstrip().endswith("|"):
        spans.pop()
    return spans
