"""Normalise heading text so that the ways units really write a heading compare equal.

ALL CAPS, issued or corrected numbering or none, "1.1" for "a)", a trailing ":" or
".", abbreviations (kept in data/terminology.yaml), the year dropped or replaced
by "năm tới"/"năm qua", a missing diacritic: all fold to the same key.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

import yaml

from baocao.numbering import parse
from baocao.report import Block, Section
from baocao.text import strip_marks

_YEAR = re.compile(
    r"\b(?:năm\s+)?(?:19|20)\d\d\b|\bnăm\s+(?:tới|qua|nay|sau|trước|kế tiếp)\b", re.IGNORECASE
)
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@cache
def abbreviations() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One pattern for every short form, and short form (upper case) -> full form.

    Read from data/terminology.yaml, which the Vale styles are generated from too.
    """
    path = resources.files("baocao").joinpath("data/terminology.yaml")
    entries = yaml.load(
        path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    full = {e["short"].upper(): e["full"] for e in (entries or {}).get("abbreviations", [])}
    if not full:
        return None, full
    shorts = sorted(full, key=len, reverse=True)
    alternation = "|".join(re.escape(s) for s in shorts)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE), full


def split_number(text: str) -> tuple[str | None, str]:
    """("2.1", "Kết quả ...") from "2.1. Kết quả ..."; (None, text) when unnumbered.

    The numbering itself is read by baocao.numbering, its one owner.
    """
    numbering = parse(text)
    return numbering.value or None, numbering.rest


def expand(text: str) -> str:
    pattern, full = abbreviations()
    if pattern is None:
        return text
    return pattern.sub(lambda m: full[m.group(0).upper()], text)


@lru_cache(maxsize=8192)
def heading_key(text: str) -> str:
    """The comparison key of a heading: no number, no year, no case, no marks, no punctuation."""
    _, text = split_number(text.strip().strip("*_ "))
    text = expand(text)
    text = _YEAR.sub(" ", text)
    text = strip_marks(text).lower()
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def number_key(number: str | None) -> str | None:
    """ "2.1." -> "2.1", "a)" -> "a", "III." -> "iii"."""
    if not number:
        return None
    return number.strip().rstrip(".)").lower() or None


def title_below(section: Section) -> Block | None:
    """The one-line paragraph under a heading that is a number alone ("a)", "3.", "2.1."):
    the section's title, written on the line below its number. A sentence (ending in a full
    stop) is the section's body, not its title."""
    if section.bold or not section.blocks:
        return None
    first = section.blocks[0]
    numbering = parse(section.title.strip().strip("*_ "))
    if not numbering.style or numbering.rest or first.kind != "paragraph":
        return None
    text = first.text.strip()
    if "\n" in text or not text or text.endswith((".", ";", "!", "?")):
        return None
    return first


def heading_title(section: Section) -> str:
    """The heading as the unit wrote it, with its title from the line below when the
    heading is a number alone."""
    below = title_below(section)
    return section.title if below is None else f"{section.title} {below.text.strip()}"


def body_blocks(section: Section) -> list[Block]:
    """The blocks under a heading that are its body (not its title written below it)."""
    below = title_below(section)
    return section.blocks if below is None else section.blocks[1:]
