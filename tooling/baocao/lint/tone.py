"""Tone-mark placement: "hòa, thủy, khỏe" (old style) against "hoà, thuỷ, khoẻ" (new).

Only open syllables ending in oa, oe, uy differ; "qu" syllables (quý) are left alone.
The patterns work on NFC text, letter by letter; a whole file is first searched for
a sign of them (fast), then with them.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_AFTER = r"(?![^\W\d_])"  # the syllable ends here (no letter follows)
# old style: the mark on the first vowel (hòa, khỏe, thủy)
OLD = re.compile(
    rf"(?=[òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ])(?<![qQ])(?:[òóỏõọ][ae]|[ùúủũụ]y){_NOT_AFTER}", re.IGNORECASE
)
# new style: the mark on the second vowel (hoà, khoẻ, thuỷ)
NEW = re.compile(
    rf"(?=[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?<![qQ])"
    rf"(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]){_NOT_AFTER}",
    re.IGNORECASE,
)


# A quick test of a whole text for each: a case-sensitive search that starts with a
# character class (the patterns above, case-insensitive, start with a lookahead and so
# are tried at every character). Whatever a pattern finds, its sign finds.
_SIGNS = {
    "hòa": re.compile(rf"[òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ](?<![qQ].)[aeyAEY]{_NOT_AFTER}"),
    "hoà": re.compile(rf"[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?<=[oOuU].)(?<![qQ]..){_NOT_AFTER}"),
}


def pattern(style: str) -> re.Pattern[str]:
    """The syllable endings written in ``style`` ("hòa" = old, "hoà" = new)."""
    return OLD if style == "hòa" else NEW


def find(text: str, style: str) -> list[str]:
    """Syllable endings written in ``style`` ("hòa" = old, "hoà" = new)."""
    sign = _SIGNS["hòa" if style == "hòa" else "hoà"]
    return pattern(style).findall(text) if sign.search(text) else []


def restyle(ending: str, style: str) -> str:
    """One syllable ending ("oà", "òa", ...) written in ``style``."""
    return _move_mark(ending, to_first=style == "hòa")


def _move_mark(pair: str, to_first: bool) -> str:
    """Move the tone mark between the two vowels of ``pair`` ("oà" <-> "òa")."""
    first, second = (unicodedata.normalize("NFD", ch) for ch in pair)
    mark = first[1:] or second[1:]
    if to_first:
        return unicodedata.normalize("NFC", first[0] + mark) + second[0]
    return first[0] + unicodedata.normalize("NFC", second[0] + mark)


def to_style(text: str, style: str) -> str:
    """Move tone marks to ``style`` ("hòa" or "hoà")."""
    source = NEW if style == "hòa" else OLD
    return source.sub(lambda m: restyle(m.group(0), style), text)
