"""Read the entries of a ``{toctree}`` fence the way Sphinx does."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from baocao.unitpaths import UnitScope

if TYPE_CHECKING:
    from baocao.report import Block

_EXPLICIT = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$")


def toctree_entries(
    block: Block, file: str, scope: UnitScope, srcdir: str
) -> Iterator[tuple[str | None, int]]:
    """Each entry's target file (None when the unit may not read it, ``unitpaths``) and line.

    Options (``:maxdepth: 2``) and blank lines are skipped; ``Title <path>`` and
    ``self`` are understood; ``/x`` is relative to the Sphinx source folder;
    ``.md`` is added when the entry has no suffix. Paths are strings, ``file`` and the
    targets normalised.
    """
    fence = block.tokens[0]
    first_line = (fence.map[0] + 2) if fence.map else block.line + 1
    folder = os.path.dirname(file)
    for offset, raw in enumerate(fence.content.splitlines()):
        entry = raw.strip()
        if not entry or entry.startswith(":") or entry == "self":
            continue
        if entry.endswith(">"):
            match = _EXPLICIT.match(entry)
            if match:
                entry = match["target"].strip()
        yield _resolve(entry, folder, scope, srcdir), first_line + offset


def _resolve(entry: str, folder: str, scope: UnitScope, srcdir: str) -> str | None:
    base = srcdir if entry.startswith("/") else folder
    target = os.path.normpath(os.path.join(base, entry.lstrip("/")))
    name = os.path.basename(target)
    if not name:  # the root folder: Path.with_name's own error, as before
        Path(target).with_name(".md")
    if not (name.endswith(".md") and len(name) > 3):  # Path.suffix is not ".md"
        target += ".md"
    return target if scope.may_read(target) else None
