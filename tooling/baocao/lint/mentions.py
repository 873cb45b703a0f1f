"""Which of a section's mentions (the movements of 2.2 a) its body names (BC204).

A mention is named when one of its words is in the body, both folded: the
abbreviations of data/terminology.yaml expanded ("NTM"), no marks, lower case, one
space between words. Folding a whole body costs far more than looking for a word,
so each word is first looked for as written: where folding keeps it whole
(``_kept_whole``), a word found as written is found folded too, and only the
mentions not found so are looked for in the folded body.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from baocao.forms import Mention
from baocao.lint.headings import abbreviations, expand
from baocao.text import strip_marks

_TOKEN = re.compile(r"\w+")


def missing(body: str, mentions: tuple[Mention, ...]) -> list[Mention]:
    """The mentions none of whose words ``body`` names, in order; none for a body
    that says nothing once folded (empty-section says it)."""
    unsure = [m for m in mentions if not any(w in body for w in _as_written(m))]
    if not unsure:
        return []
    folded = fold(body)
    if not folded:
        return []
    return [m for m in unsure if not any(w in folded for w in folded_words(m))]


def fold(text: str) -> str:
    """``text`` as mentions are looked for in it: abbreviations expanded, no marks,
    lower case, one space between words."""
    return " ".join(strip_marks(expand(text)).lower().split())


@cache
def folded_words(mention: Mention) -> tuple[str, ...]:
    """A mention's words as the folded body is searched: no marks, lower case."""
    return tuple(strip_marks(word).lower() for word in mention.words)


@cache
def _as_written(mention: Mention) -> tuple[str, ...]:
    """The mention's words that, where a body holds them as written, its folded text
    holds folded."""
    return tuple(word for word in mention.words if _kept_whole(word))


def _kept_whole(word: str) -> bool:
    """Whether folding a text leaves each occurrence of ``word`` in it as ``word`` folded.

    - it starts and ends with a letter, so no abbreviation (replaced whole, from word
      boundary to word boundary) can take in a part of it but one of its own tokens:
      none may be a part of an abbreviation;
    - no mark of it stays: a mark after it in the text (marks are put in order when
      marks are taken off) cannot come between its own;
    - lower case changes no letter of it by its neighbours (only "Σ" does);
    - it has one space between its words, as the folded text has.
    """
    folded = strip_marks(word).lower()
    return (
        bool(_TOKEN.fullmatch(word[:1]))
        and bool(_TOKEN.fullmatch(word[-1:]))
        and not any(_in_an_abbreviation(token) for token in _TOKEN.findall(word))
        and not any(unicodedata.combining(char) for char in folded)
        and "Σ" not in strip_marks(word)
        and folded == " ".join(folded.split())
    )


def _in_an_abbreviation(token: str) -> bool:
    """Whether ``token`` is, in any case, a part of an abbreviation."""
    _, full = abbreviations()
    piece = re.compile(re.escape(token), re.IGNORECASE)
    return any(piece.search(short) for short in full)
