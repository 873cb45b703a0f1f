"""Read the entries of a ``{toctree}`` fence the way Sphinx does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from baocao.unitpaths import may_read, named_path

if TYPE_CHECKING:
    from baocao.report import Block

_EXPLICIT = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$")


def toctree_entries(
    block: Block, file: Path, unit_dir: Path, srcdir: Path, real_unit: Path | None = None
) -> Iterator[tuple[Path | None, int]]:
    """Each entry's target file (None when the unit may not read it, ``unitpaths``) and line.

    Options (``:maxdepth: 2``) and blank lines are skipped; ``Title <path>`` and
    ``self`` are understood; ``/x`` is relative to the Sphinx source folder;
    ``.md`` is added when the entry has no suffix.
    """
    fence = block.tokens[0]
    first_line = (fence.map[0] + 2) if fence.map else block.line + 1
    for offset, raw in enumerate(fence.content.splitlines()):
        entry = raw.strip()
        if not entry or entry.startswith(":") or entry == "self":
            continue
        match = _EXPLICIT.match(entry)
        if match:
            entry = match["target"].strip()
        yield _resolve(entry, file, unit_dir, srcdir, real_unit), first_line + offset


def _resolve(
    entry: str, file: Path, unit_dir: Path, srcdir: Path, real_unit: Path | None
) -> Path | None:
    target = named_path(entry, file.parent, srcdir)
    if target.suffix != ".md":
        target = target.with_name(target.name + ".md")
    return target if may_read(unit_dir, target, real_unit) else None
