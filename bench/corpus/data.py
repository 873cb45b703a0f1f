"""The generator's tables (``bench/corpus-data.yaml``), loaded once, and small text helpers."""

import re
import unicodedata
from pathlib import Path

import yaml

DATA_PATH = Path(__file__).resolve().parents[1] / "corpus-data.yaml"
_DATA = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))


def _pairs(key: str) -> tuple[tuple[str, str], ...]:
    return tuple((str(a), str(b)) for a, b in _DATA[key])


FILE_STEMS: dict[str, str] = dict(_DATA["file_stems"])
FOLDER_NODES = frozenset(_DATA["folder_nodes"])
TOPICS: dict[str, str] = dict(_DATA["topics"])
SENTENCES: dict[str, tuple[str, ...]] = {
    topic: tuple(items) for topic, items in _DATA["sentences"].items()
}
DEPARTMENTS = _pairs("departments")
PLACES: tuple[str, ...] = tuple(_DATA["places"])
SCHOOL_PATRONS: tuple[str, ...] = tuple(_DATA["school_patrons"])
SCHOOL_LEVELS = _pairs("school_levels")
COMPANIES = _pairs("companies")
SURNAMES: tuple[str, ...] = tuple(_DATA["surnames"])
MIDDLE_NAMES: tuple[str, ...] = tuple(_DATA["middle_names"])
GIVEN_NAMES: tuple[str, ...] = tuple(_DATA["given_names"])
KINDS: tuple[str, ...] = tuple(_DATA["kinds"])
KIND_WEIGHTS: tuple[int, ...] = tuple(_DATA["kinds"].values())
ABBREVIATIONS = _pairs("abbreviations")


def nfc(text: str) -> str:
    """NFC, with runs of whitespace collapsed to one space."""
    return unicodedata.normalize("NFC", " ".join(str(text).split()))


def ascii_slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def years(year: int) -> dict[str, int]:
    return {"nam": year, "nam_sau": year + 1, "nam_truoc": year - 1}
