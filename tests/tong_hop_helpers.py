"""Independent readings for the tests of ``baocao tong-hop``: which paragraphs a unit wrote
under which section (read from its files by exact headings or by order, never through
the linter), the sections of the board's report as built (Markdown, Word, HTML), and
the commendation totals summed in plain Python from the data files."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml
from baocao.forms import Form

PLAIN = re.compile(r"^[^\s#%`:{|>*\-\d\[]")  # a paragraph of prose, not a list, table, fence
MARKUP = re.compile(r"[*_`\[\]{}<>\\]")


def chunks(text: str) -> list[str]:
    """Blank-line separated chunks of a Markdown text, front matter left out."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return [c.strip() for c in re.split(r"\n\s*\n", text) if c.strip()]


def plain_paragraphs(body: list[str]) -> list[str]:
    """Chunks that are one plain paragraph of prose (no markup a renderer would change)."""
    return [c for c in body if PLAIN.match(c) and not MARKUP.search(c) and len(c) > 40]


def by_exact_heading(files: list[Path], form: Form, year: int) -> dict[str, list[str]]:
    """node id -> plain paragraphs, for a unit whose headings are the form's own."""
    nodes = {node.heading_for(year): node.id for node in form.walk()}
    found: dict[str, list[str]] = {}
    for path in files:
        current = None
        for chunk in chunks(path.read_text("utf-8")):
            if chunk.startswith("#"):
                current = nodes.get(chunk.lstrip("#").strip())
            elif current is not None:
                found.setdefault(current, []).extend(plain_paragraphs([chunk]))
    return found


def by_order(index: Path, form: Form) -> dict[str, list[str]]:
    """node id -> plain paragraphs, for a single-file unit with one heading per node in
    the form's order (the benchmark corpus): the n-th heading is the n-th node."""
    order = [node.id for node in form.walk()]
    found: dict[str, list[str]] = {}
    position = -1
    for chunk in chunks(index.read_text("utf-8")):
        if chunk.startswith("# "):
            continue
        if chunk.startswith("#"):
            position += 1
        elif position >= 0:
            found.setdefault(order[position], []).extend(plain_paragraphs([chunk]))
    return found


def report_sections(markdown: str, form: Form, year: int) -> dict[str, list[str]]:
    """node id -> the chunks under that heading in the board's report."""
    nodes = {node.heading_for(year): node.id for node in form.walk()}
    found: dict[str, list[str]] = {}
    current = None
    for chunk in chunks(markdown):
        if chunk.startswith("#"):
            current = nodes.get(chunk.lstrip("#").strip())
        elif current is not None:
            found.setdefault(current, []).append(chunk)
    return found


def owners_of(chunks_under: list[str], paragraph: str) -> set[str]:
    """The units whose label ("**Name** ([xem báo cáo](don-vi:slug)):") is the last one
    before each place ``paragraph`` appears."""
    owners: set[str] = set()
    owner = None
    for chunk in chunks_under:
        label = re.match(r"^\*\*.+\*\* \(\[xem báo cáo\]\(don-vi:([a-z0-9-]+)\)\):$", chunk)
        if label:
            owner = label[1]
        elif chunk == paragraph and owner is not None:
            owners.add(owner)
    return owners


def summed(data_files: list[Path]) -> Counter:
    """(table, kind, column) -> the sum over ``data_files``, read with plain YAML."""
    total: Counter = Counter()
    for path in data_files:
        data = yaml.safe_load(path.read_text("utf-8"))
        for table, rows in data.items():
            if not table.startswith("mau-"):
                continue
            for kind, cells in rows.items():
                if kind == "tong-cong":
                    continue
                for column, count in cells.items():
                    total[table, kind, column] += count
    return total


def counts_of(data_file: Path) -> Counter:
    return summed([data_file])
