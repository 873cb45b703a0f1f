"""The numbering prefix of a heading: the one place that reads "II.", "2.4.a)", "PHẦN THỨ NHẤT".

``parse(text)`` returns a ``Numbering``: the style of the prefix, its value, the
depth that style takes in the usual order of an administrative report
(Phần > I > 1 > 1.1 > a), the text after the prefix and whether the heading is a
part wrapper ("PHẦN I: TÌNH HÌNH …", "Phần thứ hai") that groups the form's parts.

Styles:
  ``part``    "Phần I", "PHẦN THỨ NHẤT", "Phần 2", "Chương I"  (depth 0, wrapper)
  ``upper``   "A.", "B/"  (depth 0: groups parts, as "A. KẾT QUẢ …")
  ``roman``   "I.", "II-", "III/", "IV:", "V)"  (depth 1)
  ``decimal`` "1.", "2/", "3)", "4-"  (depth 2)
  ``dotted``  "2.1.", "2.4.a)", "II.1."  (depth 1 + number of parts after a roman one)
  ``letter``  "a)", "b.", "c-", "đ/"  (depth 4: under 2.1 in the form's order)
  ``""``      no numbering (depth None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from baocao.text import nfc

_SEP = r"[.)/:\-–—]"
_ORDINALS = {
    "nhất": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}

_PART = re.compile(
    r"^(?:phần|phan|chương|chuong)\s+"
    r"(?:(?:thứ|thu)\s+(?P<word>" + "|".join(_ORDINALS) + r")\b"
    r"|(?P<num>[IVX]+|\d{1,2}|[A-D])(?![\w]))"
    r"\s*(?:" + _SEP + r"+\s*)?",
    re.IGNORECASE,
)
_MUC = re.compile(r"^(?:mục|muc)\s+(?=[IVX\d])", re.IGNORECASE)
_DOTTED = re.compile(
    r"^(?P<num>(?:[IVX]{1,5}|\d{1,2})(?:\.\d{1,2})+(?:\.?[a-zđ])?)(?!\w)\s*(?:" + _SEP + r"\s*)?"
)
# A number may stand alone ("III.", "3.", "a)", "(1)"): the title is then on the line below.
_ROMAN_RE = re.compile(r"^(?P<num>[IVX]{1,5})\s*" + _SEP + r"\s*(?=\S|$)")
_DECIMAL = re.compile(r"^(?P<num>\d{1,2})\s*" + _SEP + r"\s*(?=[^\d\s]|$)")
# Without a separator (Word's numbering lost in a paste: "1\tCông tác", "II KẾT QUẢ"):
# only before a capital letter, and roman only up to X ("XI MĂNG" is a word).
_BARE = re.compile(r"^(?P<num>[IVX]{1,4}|\d{1,2})\s+(?=\w)")
_LETTER = re.compile(r"^(?P<num>[a-zđ])(?:\)\s*|\s*" + _SEP + r"(?:\s+|$))(?=\S|$)")
_UPPER = re.compile(r"^(?P<num>[A-HJ-UWYZĐ])\s*" + _SEP + r"\s+(?=\S)")
_PAREN = re.compile(r"^\((?P<num>\d{1,2}|[a-zđ])\)\s*(?=\S|$)")


@dataclass(frozen=True)
class Numbering:
    """What a heading's numbering prefix says."""

    style: str  # "part", "upper", "roman", "decimal", "dotted", "letter" or "" for none
    value: str  # normalised: "ii", "2.4.a", "a", "1" (a part's ordinal as digits)
    depth: int | None  # 0 part/upper, 1 roman, 2 decimal, 1 + parts for dotted, 4 letter
    rest: str  # the text after the prefix, stripped
    part: bool = False  # a part wrapper: structure that groups the form's parts

    @property
    def ordinal(self) -> int | None:
        """The position the last component says: "III" 3, "b" 2, "2.4" 4, "thứ hai" 2."""
        last = self.value.split(".")[-1] if self.value else ""
        if last.isdigit():
            return int(last)
        if self.style == "roman":
            return roman_value(last)
        if len(last) == 1 and last.isalpha():
            return "abcdđefghijklmnopqrstuvwxyz".index(last) + 1
        return None


def roman_value(text: str) -> int | None:
    """3 for "iii", None when not a roman number."""
    total, previous = 0, 0
    for char in reversed(text.lower()):
        value = _ROMAN.get(char)
        if value is None:
            return None
        total += -value if value < previous else value
        previous = max(previous, value)
    return total or None


@lru_cache(maxsize=4096)
def parse(text: str) -> Numbering:
    """The numbering prefix of a heading's text (markup such as ** already removed)."""
    text = nfc(text).strip()
    part = _PART.match(text)
    if part:
        return _part(part, text)
    text = _MUC.sub("", text, count=1)
    for style, pattern in _STYLES:
        match = pattern.match(text)
        if match:
            return _numbered(style, match, text)
    return _bare(text)


def _bare(text: str) -> Numbering:
    match = _BARE.match(text)
    rest = text[match.end() :] if match else ""
    if not match or not rest[:1].isupper():
        return Numbering("", "", None, text)
    value = match["num"].lower()
    if value.isdigit():
        return Numbering("decimal", value, _DEPTHS["decimal"], rest.strip())
    if (roman_value(value) or 99) > 10:
        return Numbering("", "", None, text)
    return Numbering("roman", value, _DEPTHS["roman"], rest.strip())


def _part(match: re.Match[str], text: str) -> Numbering:
    word, num = match["word"], match["num"]
    if word:
        value = str(_ORDINALS[word.lower()])
    elif num.isdigit():
        value = str(int(num))
    else:
        value = str(roman_value(num) or "ABCD".index(num.upper()) + 1)
    return Numbering("part", value, 0, text[match.end() :].strip(), part=True)


def _numbered(style: str, match: re.Match[str], text: str) -> Numbering:
    value = match["num"].lower()
    rest = text[match.end() :].strip()
    if style == "paren":
        style = "decimal" if value.isdigit() else "letter"
    if style == "roman" and roman_value(value) is None:
        return Numbering("", "", None, text)
    if style == "dotted":
        value = re.sub(r"(\d)([a-zđ])$", r"\1.\2", value)
        parts = value.split(".")
        return Numbering(style, value, 1 + sum(roman_value(p) is None for p in parts), rest)
    return Numbering(style, value, _DEPTHS[style], rest)


_STYLES = [
    ("dotted", _DOTTED),
    ("roman", _ROMAN_RE),
    ("decimal", _DECIMAL),
    ("paren", _PAREN),
    ("letter", _LETTER),
    ("upper", _UPPER),
]
_DEPTHS = {"upper": 0, "roman": 1, "decimal": 2, "letter": 4}
