"""Which files a unit has (tree or single file), their headings and how they are rendered."""

import random
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .data import ABBREVIATIONS, FILE_STEMS, FOLDER_NODES, ascii_slug
from .form import Form, Node

TOCTREE_OPTIONS = (":maxdepth: 3",)
YEAR_IN_TITLE = re.compile(r"\s+(?:trong\s+)?năm\s+\{nam(?:_sau|_truoc)?\}")
LETTER_NUMBER = re.compile(r"^[a-zđ]\)$")

# --------------------------------------------------------------------------- layouts


@dataclass(frozen=True)
class FileSpec:
    """One Markdown file of a layout: which headings it holds, at which level in the file."""

    path: str
    is_root: bool  # index.md of the unit: front matter and document title
    sections: tuple[tuple[Node, int], ...]
    toctree: tuple[str, ...]


@dataclass(frozen=True)
class Layout:
    files: tuple[FileSpec, ...]
    toctree_words: int  # words the toctree fences add to a unit


def _stem(node: Node) -> str:
    return FILE_STEMS.get(node.id) or f"{node.position + 1}-{ascii_slug(node.title)[:40]}"


def _subtree(node: Node, top_level: int = 1) -> tuple[tuple[Node, int], ...]:
    return tuple((n, n.depth - node.depth + top_level) for n in node.walk())


def toctree_block(entries: tuple[str, ...]) -> str:
    return "\n".join(("```{toctree}", *TOCTREE_OPTIONS, "", *entries, "```"))


def _layout_words(files: tuple[FileSpec, ...]) -> int:
    return sum(len(toctree_block(f.toctree).split()) for f in files if f.toctree)


@cache
def tree_layout(form: Form) -> Layout:
    files: list[FileSpec] = []
    entries: list[str] = []
    for root in form.roots:
        stem = _stem(root)
        if root.id in FOLDER_NODES and root.children:
            entries.append(f"{stem}/index")
            stems = tuple(_stem(child) for child in root.children)
            files.append(FileSpec(f"{stem}/index.md", False, ((root, 1),), stems))
            for child, child_stem in zip(root.children, stems, strict=True):
                files.append(FileSpec(f"{stem}/{child_stem}.md", False, _subtree(child), ()))
        else:
            entries.append(stem)
            files.append(FileSpec(f"{stem}.md", False, _subtree(root), ()))
    index = FileSpec("index.md", True, (), tuple(entries))
    all_files = (index, *files)
    return Layout(all_files, _layout_words(all_files))


@cache
def single_file_layout(form: Form) -> Layout:
    sections = tuple(pair for root in form.roots for pair in _subtree(root, top_level=2))
    return Layout((FileSpec("index.md", True, sections, ()),), 0)


def is_single_file(index: int, share: float, phase: float) -> bool:
    """Spread single-file units evenly: exactly share * n of any n consecutive units, rounded."""
    return int((index + 1) * share + phase) > int(index * share + phase)


def render_file(
    spec: FileSpec, front: str, title: str, headings: dict[str, str], bodies: dict[str, str]
) -> str:
    parts = [front, title] if spec.is_root else []
    for node, level in spec.sections:
        parts.append(f"{'#' * level} {headings[node.id]}")
        if node.id in bodies:
            parts.append(bodies[node.id])
    if spec.toctree:
        parts.append(toctree_block(spec.toctree))
    return unicodedata.normalize("NFC", "\n\n".join(parts) + "\n")


# --------------------------------------------------------------------------- headings


@dataclass(frozen=True)
class HeadingStyle:
    numbering: str  # "scaffold", "issued", "none" or "decimal" (2.2.1. instead of a))
    caps: str  # "none", "top" (I, II, III only) or "all"
    trailing: str  # "", ":" or "."
    abbreviate: bool
    drop_year: bool


def pick_style(rng: random.Random) -> HeadingStyle:
    return HeadingStyle(
        numbering=rng.choices(("scaffold", "issued", "none", "decimal"), (45, 20, 10, 25))[0],
        caps=rng.choices(("none", "top", "all"), (55, 35, 10))[0],
        trailing=rng.choices(("", ":", "."), (60, 20, 20))[0],
        abbreviate=rng.random() < 0.3,
        drop_year=rng.random() < 0.25,
    )


def _heading_number(node: Node, numbering: str) -> str:
    if numbering == "none":
        return ""
    if numbering == "issued":
        return node.issued_number
    if numbering == "decimal" and LETTER_NUMBER.match(node.number):
        return f"{node.parent_number.rstrip('.')}.{node.position + 1}."
    return node.number


def heading_text(node: Node, style: HeadingStyle, years: dict[str, int]) -> str:
    title = YEAR_IN_TITLE.sub("", node.title) if style.drop_year else node.title
    title = title.format(**years)
    if style.abbreviate:
        for long, short in ABBREVIATIONS:
            title = title.replace(long, short)
    if style.caps == "all" or (style.caps == "top" and node.depth == 1):
        title = title.upper()
    if style.trailing and title[-1] not in ".:;":
        title += style.trailing
    number = _heading_number(node, style.numbering)
    return f"{number} {title}" if number else title
