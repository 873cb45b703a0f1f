"""The imported report as a unit's files: front matter, title, sections; one file
(``--single-file``) or the tree ``baocao new`` makes (index.md with a toctree, one
file per part of the report)."""

from __future__ import annotations

import datetime as dt

import yaml

from baocao.frontmatter import schema
from baocao.scaffold import toctree
from baocao.text import slugify
from baocao.wordin.inlines import escape
from baocao.wordin.myst import Item
from baocao.wordin.recognise import Recognised


def front_matter(values: dict[str, object]) -> list[str]:
    """Every key of the front matter in the schema's order; a key not found is left empty
    with a comment saying what goes there."""
    lines = ["---"]
    for name, spec in schema().items():
        value = values.get(name)
        if value in (None, "", []):
            lines.append(f"{name}:  # {spec.label}, ví dụ: {spec.example}")
        elif isinstance(value, list):
            lines += [f"{name}:", *(f"  - {_scalar(item)}" for item in value)]
        else:
            lines.append(f"{name}: {_scalar(value)}")
    return [*lines, "---", ""]


def _scalar(value: object) -> str:
    if isinstance(value, dt.date | int):
        return str(value)
    dumped = yaml.safe_dump(str(value), allow_unicode=True, width=10_000)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def render(
    values: dict[str, object],
    title: str,
    items: list[Item],
    recognised: list[Recognised],
    single: bool,
) -> dict[str, str]:
    """File path (relative to the unit) -> text."""
    head = [*front_matter(values), f"# {title}", ""]
    if single:
        return {"index.md": _join(head + _lines(items, 1))}
    files_of = _file_names(recognised)
    index_items, parts = _split(items)
    files = {}
    entries = []
    for heading, part in parts:
        name = files_of[id(heading)]
        entries.append(name)
        files[f"{name}.md"] = _join(_lines([heading, *part], 0))
    body = _lines(index_items, 1)
    files["index.md"] = _join(head + body + (toctree(entries) if entries else []))
    return files


def _split(items: list[Item]) -> tuple[list[Item], list[tuple[Item, list[Item]]]]:
    """What comes before the first top-level heading, and each top-level part."""
    before: list[Item] = []
    parts: list[tuple[Item, list[Item]]] = []
    for item in items:
        if item.kind == "heading" and item.level == 1:
            parts.append((item, []))
        elif parts:
            parts[-1][1].append(item)
        else:
            before.append(item)
    return before, parts


def _file_names(recognised: list[Recognised]) -> dict[int, str]:
    names: dict[int, str] = {}
    taken: set[str] = {"index"}
    for number, entry in enumerate(r for r in recognised if r.heading.level == 1):
        base = entry.node.file if entry.node else slugify(entry.heading.text) or "phan"
        base = base if base not in taken else f"{base}-{number + 1}"
        taken.add(base)
        names[id(entry.heading)] = base
    return names


def _lines(items: list[Item], shift: int) -> list[str]:
    out: list[str] = []
    for item in items:
        if item.kind == "heading":
            out += [f"{'#' * min(6, item.level + shift)} {escape(item.text)}", ""]
        else:
            out += [item.text, ""]
    return out


def _join(lines: list[str]) -> str:
    return "\n".join(lines).rstrip() + "\n"
