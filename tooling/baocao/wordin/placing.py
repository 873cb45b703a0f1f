"""Pair two lists of paragraph texts in order: equal texts first, then similar ones.

Used twice by ``import --onto``: the Word file's paragraphs before the edits against
the unit's Markdown blocks (where each paragraph comes from), and the paragraphs
before against after (what was edited, added, removed). ``difflib`` pairs the equal
texts; inside each stretch that differs, a paragraph is paired with the first
similar enough one ahead of it, so the pairs never cross.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from baocao.text import squash
from baocao.wordin.textedit import tokens

SIMILAR = 0.6  # the least difflib ratio for two texts to be one paragraph
WINDOW = 40  # how far ahead a similar paragraph is looked for
SHORT = 80  # texts up to this many characters are compared character by character
_LABEL = re.compile(r"^(?:[-+•–]|\d+[.)])\s+")

Pair = tuple[int | None, int | None]


def key(text: str) -> str:
    """The text compared: spaces folded, a list label ("- ", "1. ") left out."""
    return _LABEL.sub("", squash(text))


def similarity(a: str, b: str) -> float:
    """difflib's ratio of the two texts' words (of their characters when short)."""
    left: Sequence[str] = a
    right: Sequence[str] = b
    if len(a) > SHORT or len(b) > SHORT:
        left, right = tokens(a), tokens(b)
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def pair(left: Sequence[str], right: Sequence[str], fill: bool = False) -> list[Pair]:
    """Every index of both lists once, in order: ``(i, j)`` paired, ``(i, None)`` only
    on the left, ``(None, j)`` only on the right. Empty texts are never paired.
    ``fill``: n texts only on the left followed by n only on the right are paired one by
    one however different (a rewritten paragraph, a table cell "18" become "19")."""
    a = [i for i, text in enumerate(left) if key(text)]
    b = [j for j, text in enumerate(right) if key(text)]
    keys_a, keys_b = [key(left[i]) for i in a], [key(right[j]) for j in b]
    matched: list[tuple[int, int]] = []
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            matched.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        else:
            matched.extend(_similar(keys_a, keys_b, range(i1, i2), range(j1, j2)))
    pairs = _with_unpaired([(a[i], b[j]) for i, j in matched], len(left), len(right))
    return _filled(pairs, left, right) if fill else pairs


def _similar(
    keys_a: list[str], keys_b: list[str], rows: range, cols: range
) -> list[tuple[int, int]]:
    out, start = [], cols.start
    for i in rows:
        best, best_j = SIMILAR, None
        for j in range(start, min(cols.stop, start + WINDOW)):
            score = similarity(keys_a[i], keys_b[j])
            if score >= best:
                best, best_j = score, j
                if score == 1.0:
                    break
        if best_j is not None:
            out.append((i, best_j))
            start = best_j + 1
    return out


def _with_unpaired(pairs: list[tuple[int, int]], n_left: int, n_right: int) -> list[Pair]:
    out: list[Pair] = []
    i = j = 0
    for pi, pj in [*pairs, (n_left, n_right)]:
        out.extend((k, None) for k in range(i, pi))
        out.extend((None, k) for k in range(j, pj))
        if pi < n_left:
            out.append((pi, pj))
        i, j = pi + 1, pj + 1
    return out


def _filled(pairs: list[Pair], left: Sequence[str], right: Sequence[str]) -> list[Pair]:
    out: list[Pair] = []
    k = 0
    while k < len(pairs):
        lone, used = _run(pairs, k, left, 0)
        added, more = _run(pairs, k + used, right, 1)
        if lone and len(lone) == len(added):
            out.extend(zip(lone, added, strict=True))
            out.extend(p for p in pairs[k : k + used + more] if _empty(p, left, right))
            k += used + more
        else:
            out.append(pairs[k])
            k += 1
    return out


def _run(pairs: list[Pair], start: int, texts: Sequence[str], side: int) -> tuple[list[int], int]:
    """The indexes of the non-empty texts only on ``side`` from ``pairs[start]`` on, and
    how many pairs that run takes: empty texts between them (the empty cells of a table
    row) do not end it."""
    run, used = [], 0
    for item in pairs[start:]:
        index = item[side]
        if item[1 - side] is not None or index is None:
            break
        used += 1
        if key(texts[index]):
            run.append(index)
    return run, used


def _empty(item: Pair, left: Sequence[str], right: Sequence[str]) -> bool:
    i, j = item
    return not key(left[i] if i is not None else right[j] if j is not None else "")
