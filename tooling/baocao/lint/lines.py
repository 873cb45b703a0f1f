"""One line model for the whole linter: markdown-it's, where "\\r\\n", "\\r" and "\\n" end a line.

Token line numbers come from markdown-it; every rule that reads or rewrites a file
line by line must count lines the same way (``str.splitlines`` also breaks at
U+2028, form feeds and more; ``split("\\n")`` misses a lone "\\r"). Rewrites keep
each line's own ending.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_BREAK = re.compile(r"(\r\n|\r|\n)")


def split(text: str) -> list[str]:
    """The lines of ``text`` without their endings; line N is ``split(text)[N - 1]``."""
    return _BREAK.split(text)[::2]


def parts(text: str) -> list[str]:
    """Lines and endings alternating: line N is ``parts(text)[2 * (N - 1)]``; join to undo."""
    return _BREAK.split(text)


def rewrite(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to each line, line endings untouched."""
    pieces = _BREAK.split(text)
    pieces[::2] = [change(line) for line in pieces[::2]]
    return "".join(pieces)


def column(line: str, index: int) -> int:
    """The 1-based column of ``line[index]`` as the writer sees it: one per visible character.

    A combining mark (a tone mark of NFD text, "o" + "\u0302") takes no column of its
    own: it is drawn on its letter and an editor's cursor steps over both at once. So a
    column is the same before and after the NFD fix (BC401), on the text as written.
    """
    return 1 + sum(1 for char in line[:index] if not unicodedata.combining(char))
