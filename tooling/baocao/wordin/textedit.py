"""One paragraph's edit carried onto its Markdown, the markup kept.

The edit is a word diff of the paragraph's Word text before and after. Each changed
stretch is placed on the Markdown through two character maps (difflib's matching
blocks): the Word text onto the block's plain text, the plain text onto the block's
source. Only characters that carry text are replaced; the markup around and between
them (``**``, ``#``, list markers) stays. The result is read back with the project's
parser and must give the edited text, else the edit is not placed.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

from baocao.text import squash
from baocao.wordin.inlines import ENTITY, escape
from baocao.wordin.sourcemap import plain_of_markdown

# A word, a number or a sign, with the spaces after it: few tokens repeat (a lone space
# token would, and make difflib slow on long paragraphs).
_TOKENS = re.compile(r"\d+(?:[.,/]\d+)*\s*|\w+\s*|[^\w\s]\s*|\s+")
_SPACE = re.compile(r"\s")
_EMPTY_STRONG = re.compile(r"(?<!\\)(?:\*\*\*\*|____)")


@dataclass(frozen=True)
class Op:
    """Replace characters ``start:end`` of the Word text before with ``text``."""

    start: int
    end: int
    text: str


def word_ops(before: str, after: str) -> list[Op]:
    """The changed stretches, found word by word."""
    a, b = tokens(before), tokens(after)
    offsets = _offsets(a)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [
        _lean_left(before, Op(offsets[i1], offsets[i2], "".join(b[j1:j2])))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _lean_left(before: str, op: Op) -> Op:
    """A deleted "word " after a space is the same as " word": take the space before it,
    so the deletion stays inside the markup the word was in."""
    if op.text or op.start == 0 or op.end <= op.start:
        return op
    if before[op.end - 1].isspace() and before[op.start - 1].isspace():
        return Op(op.start - 1, op.end - 1, "")
    return op


def tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _offsets(parts: list[str]) -> list[int]:
    offsets = [0]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    return offsets


def char_map(a: str, b: str) -> dict[int, int]:
    """Where each character of ``a`` is in ``b``, where difflib finds it (spaces as one):
    word by word, then character by character inside the stretches that differ."""
    a, b = _SPACE.sub(" ", a), _SPACE.sub(" ", b)
    if a == b:
        return {k: k for k in range(len(a))}
    ta, tb = tokens(a), tokens(b)
    oa, ob = _offsets(ta), _offsets(tb)
    out: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        start_a, start_b = oa[i1], ob[j1]
        if tag == "equal":
            out.update((start_a + k, start_b + k) for k in range(oa[i2] - start_a))
        elif tag == "replace":
            inner = SequenceMatcher(None, a[start_a : oa[i2]], b[start_b : ob[j2]], autojunk=False)
            for block in inner.get_matching_blocks():
                first_a, first_b = start_a + block.a, start_b + block.b
                out.update((first_a + k, first_b + k) for k in range(block.size))
    return out


def apply(
    target: str, places: dict[int, int], ops: list[Op], length: int, markdown: bool
) -> str | None:
    """``ops`` carried onto ``target`` (``places``: Word position → target position);
    None when a changed character has no place. ``markdown``: new text is escaped."""
    edits: list[tuple[int, int, str]] = []
    for op in ops:
        text = escape(op.text) if markdown else op.text
        found = _edits_for(op, places, length, text)
        if found is None:
            return None
        edits.extend(_no_new_entity(target, _with_escapes(target, found)) if markdown else found)
    edits.sort(key=lambda e: (e[0], e[1]))
    for (_, end, _), (start, _, _) in pairwise(edits):
        if start < end:
            return None
    for start, end, text in reversed(edits):
        target = target[:start] + text + target[end:]
    return target


def _edits_for(
    op: Op, places: dict[int, int], length: int, text: str
) -> list[tuple[int, int, str]] | None:
    if op.start == op.end:
        if op.start < length and op.start in places:
            return [(places[op.start], places[op.start], text)]
        if op.start > 0 and op.start - 1 in places:
            at = places[op.start - 1] + 1
            return [(at, at, text)]
        return None
    spots = [places.get(k) for k in range(op.start, op.end)]
    if any(spot is None for spot in spots):
        return None
    runs = _runs(sorted(s for s in spots if s is not None))
    return [(runs[0][0], runs[0][1], text)] + [(a, b, "") for a, b in runs[1:]]


def _with_escapes(target: str, edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An escaped character ("\\*") is changed with its backslash, and nothing is put
    between the two."""
    out = []
    for start, end, text in edits:
        if _escaped(target, start):
            end = end - 1 if end == start else end
            start -= 1
        out.append((start, end, text))
    return out


def _no_new_entity(target: str, edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """No "&" comes to start an entity ("&amp;") with the text on either side of an edit:
    such a "&" in the new text is escaped, and so is one of the target's just before it."""
    out = []
    for start, end, text in edits:
        following = target[end : end + _ENTITY_MAX]
        text = _entities_escaped(text, following)
        amp = target.rfind("&", max(0, start - _ENTITY_MAX), start)
        name = target[amp + 1 : start]
        joins = amp >= 0 and not _escaped(target, amp) and _ENTITY_NAME.fullmatch(name)
        if joins and ENTITY.match("&" + name + text + following):
            start, text = amp, "\\&" + name + text
        out.append((start, end, text))
    return out


def _entities_escaped(text: str, following: str) -> str:
    joined = text + following
    return "".join(
        "\\&" if ch == "&" and not _escaped(text, i) and ENTITY.match(joined, i) else ch
        for i, ch in enumerate(text)
    )


_ENTITY_MAX = 32  # longer than any entity's name
_ENTITY_NAME = re.compile(r"#?[0-9A-Za-z]*")


def _escaped(target: str, at: int) -> bool:
    if at == 0 or at >= len(target) or target[at - 1] != "\\":
        return False
    return not target[at].isalnum() and not target[at].isspace()


def _runs(spots: list[int]) -> list[tuple[int, int]]:
    runs = [(spots[0], spots[0] + 1)]
    for spot in spots[1:]:
        if spot == runs[-1][1]:
            runs[-1] = (runs[-1][0], spot + 1)
        else:
            runs.append((spot, spot + 1))
    return runs


def edit_block(source: str, plain: str, before: str, after: str) -> str | None:
    """The block's new Markdown ``source`` once ``before`` (its Word text) became ``after``;
    None when the edit cannot be placed so that the Markdown reads as ``after``."""
    ops = word_ops(before, after)
    if not ops:
        return source
    to_plain = char_map(before, plain)
    to_source = char_map(plain, source)
    places = {w: to_source[p] for w, p in to_plain.items() if p in to_source}
    expected = apply(plain, to_plain, ops, len(before), markdown=False)
    edited = apply(source, places, ops, len(before), markdown=True)
    if expected is None or edited is None:
        return None
    if not _EMPTY_STRONG.search(source):
        edited = _EMPTY_STRONG.sub("", edited)
    if squash(plain_of_markdown(textwrap.dedent(edited))) != squash(expected):
        return None
    return edited
