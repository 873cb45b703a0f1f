"""Vietnamese text helpers: normalisation for matching, slugs, tone-mark styles."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_COMBINING = re.compile(r"[\u0300-\u036f]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """NFC with runs of whitespace folded to one space, ends stripped."""
    return _SPACES.sub(" ", nfc(text)).strip()


def strip_marks(text: str) -> str:
    """Remove every diacritic ("Kết quả" -> "Ket qua"); đ becomes d."""
    decomposed = unicodedata.normalize("NFD", text)
    return _COMBINING.sub("", decomposed).replace("đ", "d").replace("Đ", "D")


def slugify(text: str, words: int = 5) -> str:
    """An ASCII slug from a Vietnamese title: "Đặc điểm tình hình" -> "dac-diem-tinh-hinh"."""
    ascii_text = strip_marks(text).lower()
    parts = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(parts[:words])
