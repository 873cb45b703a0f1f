"""Apply the safe fixes of fixable rules; write atomically, only files that change."""

from __future__ import annotations

import difflib
from pathlib import Path

from baocao.fsutil import write_atomic
from baocao.lint.engine import UnitResult
from baocao.lint.rules import BY_CODE


def fixed_texts(result: UnitResult) -> dict[Path, tuple[str, str]]:
    """Path -> (old text, new text) for every file a fix would change."""
    ctx = result.context
    if ctx is None or result.report is None:
        return {}
    codes = {d.code for d in result.diagnostics if d.fixable}
    changes: dict[Path, tuple[str, str]] = {}
    for source in result.report.files:
        text = source.text
        for code in sorted(codes):
            if any(d.code == code and d.file == source.rel for d in result.diagnostics):
                text = BY_CODE[code]().fix(text, ctx, source.rel)
        if text != source.text:
            changes[source.path] = (source.text, text)
    return changes


def apply(changes: dict[Path, tuple[str, str]]) -> None:
    for path, (_, new) in changes.items():
        write_atomic(path, new)


def unified_diff(changes: dict[Path, tuple[str, str]], rel) -> str:
    out = []
    for path, (old, new) in changes.items():
        name = rel(path)
        out.extend(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                new.splitlines(keepends=True),
                fromfile=f"a/{name}",
                tofile=f"b/{name}",
            )
        )
    return "".join(out)
