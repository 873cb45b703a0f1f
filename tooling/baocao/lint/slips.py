"""Typing slips found in prose, and their fixes applied to a file's own lines.

A slip is a piece of prose as written (``found``) and its correction (``fixed``). A fix
rewrites the file only where it is certain: on the slip's own line, where ``found``
occurs exactly once outside code, links, URLs and HTML. Anything else is left to the
writer, and lint keeps reporting it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from baocao.lint import lines

# On a raw line: what a fix never touches (inline code, a link's target, HTML, URLs).
_UNTOUCHABLE = re.compile(r"`+[^`]*`+|\]\([^)]*\)|<[^>]*>|(?:https?|ftp)://\S+|www\.\S+")


@dataclass(frozen=True)
class Slip:
    file: str
    line: int
    found: str
    fixed: str


def fix_text(text: str, file: str, slips: Iterable[Slip]) -> str:
    """``text`` (of ``file``) with every slip of that file fixed where the fix is certain."""
    by_line: dict[int, list[Slip]] = {}
    for slip in slips:
        if slip.file == file and "\n" not in slip.found:
            by_line.setdefault(slip.line, []).append(slip)
    if not by_line:
        return text
    pieces = lines.parts(text)
    for number, found in by_line.items():
        index = 2 * (number - 1)
        if index < len(pieces):
            for slip in found:
                pieces[index] = _fix_line(pieces[index], slip)
    return "".join(pieces)


def _fix_line(line: str, slip: Slip) -> str:
    masked = _UNTOUCHABLE.sub(lambda m: "\0" * len(m.group(0)), line)
    at = masked.find(slip.found)
    if at < 0 or masked.find(slip.found, at + 1) >= 0:
        return line  # not there as written, or not once: not certain
    return line[:at] + slip.fixed + line[at + len(slip.found) :]
