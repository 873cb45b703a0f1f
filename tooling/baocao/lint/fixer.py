"""Apply the safe fixes of fixable rules; write atomically, only files that change.

A fix is applied only where the linter reported it: each rule's ``fix`` gets the lines
of its own findings in the file (findings silenced by a comment or a rule switched off
are never fixed). A file is replaced only if it still holds the bytes that were read.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from baocao.fsutil import replace_if_unchanged
from baocao.lint.engine import UnitResult
from baocao.lint.rules import BY_CODE


class Change(NamedTuple):
    old: str
    new: str
    digest: bytes  # SHA-256 of the bytes the old text was read from


def fixed_texts(result: UnitResult) -> dict[Path, Change]:
    """Path -> change for every file a fix would change."""
    ctx = result.context
    if ctx is None or result.report is None:
        return {}
    findings: dict[tuple[str, str], set[int]] = defaultdict(set)
    for d in result.diagnostics:
        if d.fixable:
            findings[(d.code, d.file)].add(d.line)
    changes: dict[Path, Change] = {}
    for source in result.report.files:
        text = source.text
        for code in sorted({code for code, file in findings if file == source.rel}):
            at = frozenset(findings[(code, source.rel)])
            text = BY_CODE[code]().fix(text, ctx, source.rel, at)
        if text != source.text:
            changes[source.path] = Change(source.text, text, source.digest)
    return changes


def apply(changes: dict[Path, Change]) -> list[Path]:
    """Write the changes; return the files left alone because they changed meanwhile."""
    return [
        path
        for path, change in changes.items()
        if not replace_if_unchanged(path, change.new, change.digest)
    ]


def unified_diff(changes: dict[Path, Change], rel) -> str:
    out = []
    for path, change in changes.items():
        name = rel(path)
        out.extend(
            difflib.unified_diff(
                change.old.splitlines(keepends=True),
                change.new.splitlines(keepends=True),
                fromfile=f"a/{name}",
                tofile=f"b/{name}",
            )
        )
    return "".join(out)
