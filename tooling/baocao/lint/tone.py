"""Tone-mark placement: "hòa, thủy, khỏe" (old style) against "hoà, thuỷ, khoẻ" (new).

Only open syllables ending in oa, oe, uy differ; "qu" syllables (quý) are left alone.
"""

from __future__ import annotations

import re
import unicodedata

_MARKS = "\u0300\u0301\u0309\u0303\u0323"
_LETTER = r"[^\W\d_]|[\u0300-\u036f]"
# old style: the mark on the first vowel (hòa, khỏe, thủy)
OLD = re.compile(rf"(?<![qQ])([oOuU][{_MARKS}])([aAeEyY])(?!{_LETTER})")
# new style: the mark on the second vowel (hoà, khoẻ, thuỷ)
NEW = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY][{_MARKS}])(?!{_LETTER})")


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _valid_pair(first: str, second: str) -> bool:
    pair = (first + second[0]).lower()
    return pair in ("oa", "oe", "uy")


def find(text: str, style: str) -> list[str]:
    """Syllable fragments written in ``style`` ("hòa" = old, "hoà" = new)."""
    pattern = OLD if style == "hòa" else NEW
    found = []
    for match in pattern.finditer(_nfd(text)):
        if _valid_pair(match.group(1)[0], match.group(2)):
            found.append(_nfc(match.group(0)))
    return found


def to_style(text: str, style: str) -> str:
    """Move tone marks to ``style`` ("hòa" or "hoà")."""
    source = NEW if style == "hòa" else OLD

    def move(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        if not _valid_pair(first[0], second):
            return match.group(0)
        if style == "hòa":  # o + a\u0300 -> o\u0300 + a
            return first + second[1] + second[0]
        return first[0] + second + first[1]

    return _nfc(source.sub(move, _nfd(text)))
