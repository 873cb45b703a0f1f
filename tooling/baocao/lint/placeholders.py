"""Where a text still holds a placeholder (BC202): the patterns of data/lint.yaml, applied.

One owner for the question "is this a placeholder?", asked of the prose of the body and
title and of the front-matter values alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from baocao.lint.ruledata import rule_data

# Quotation marks that open and close (curly and guillemets); straight quotes pair up.
_OPENING, _CLOSING = "“«", "”»"
# The block-quote markers that start a line ("> ", "  > > "): a paragraph's text has none.
_QUOTE_MARKERS = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")


def found(text: str) -> Iterator[re.Match[str]]:
    """Each placeholder in ``text``, in order of the patterns then of the text."""
    data = rule_data()
    for pattern in data.placeholders:
        for match in pattern.finditer(text):
            if not _exempt(text, match, data.placeholder_exceptions):
                yield match


def first(text: str) -> str | None:
    """The first placeholder ``text`` holds, or None."""
    return next((m.group(0) for m in found(text)), None)


def may_hold(text: str) -> bool:
    """A quick test of a whole file: could it hold any placeholder at all?

    A placeholder may run over the lines of a block quote ("(đang" then "> cập nhật)"),
    so a file with block quotes is also searched without their markers.
    """
    patterns = rule_data().placeholders
    if any(p.search(text) for p in patterns):
        return True
    if ">" not in text:
        return False
    unquoted = _QUOTE_MARKERS.sub("", text)
    return unquoted != text and any(p.search(unquoted) for p in patterns)


def _exempt(text: str, match: re.Match[str], exceptions: tuple[re.Pattern[str], ...]) -> bool:
    start, end = match.span()
    if any((m := e.match(text, start)) and m.end() >= end for e in exceptions):
        return True
    return _quoted(text, start)


def _quoted(text: str, index: int) -> bool:
    """Whether ``index`` lies inside quotation marks that close after it."""
    before, after = text[:index], text[index:]
    for opening, closing in zip(_OPENING, _CLOSING, strict=True):
        if before.count(opening) > before.count(closing) and closing in after:
            return True
    return before.count('"') % 2 == 1 and '"' in after
