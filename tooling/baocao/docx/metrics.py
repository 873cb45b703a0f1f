"""How wide a line of bold Times New Roman is, to size the decree's short rules.

The widths are the advance widths of Times Bold from Adobe's core font metrics
(thousandths of an em), which Times New Roman shares. A Vietnamese letter is as
wide as its base letter: diacritics sit above or below it.
"""

from __future__ import annotations

import string
import unicodedata

_UPPER = (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944,
          722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667)  # fmt: skip
_LOWER = (500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833,
          556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444)  # fmt: skip
_BOLD = {
    **dict(zip(string.ascii_uppercase, _UPPER, strict=True)),
    **dict(zip(string.ascii_lowercase, _LOWER, strict=True)),
    **dict.fromkeys(string.digits, 500),
    **{" ": 250, "-": 333, ",": 250, ".": 250, ":": 333, ";": 333, "/": 278, "(": 333, ")": 333},
    **{"Đ": 722, "đ": 556},
}
_DEFAULT = 556
_PT_TO_MM = 25.4 / 72


def base_letter(char: str) -> str:
    """The letter under a Vietnamese diacritic: "Ộ" → "O", "ư" → "u"."""
    if char in _BOLD:
        return char
    return unicodedata.normalize("NFD", char)[0]


def bold_width(text: str, size: float) -> float:
    """The width of ``text`` in bold Times at ``size`` points, in millimetres."""
    units = sum(_BOLD.get(base_letter(char), _DEFAULT) for char in text)
    return units / 1000 * size * _PT_TO_MM
