"""Detect and convert TCVN3 (.VnTime) and VNI mojibake, with tables from data."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources

import yaml

# Characters of Latin-1 that Vietnamese never uses: their presence betrays a legacy encoding.
FOREIGN = set("µ¸¶·¹¨»¾¼½Æ©ÇË®ÎÏÑªÖ×ØÜÞß«¬­¡¢§£¤¥¦äåæçëîïñöøûüþÄÅËÏÖØÛÜ")
_WORD = re.compile(r"\S+")


@cache
def tables() -> tuple[dict[str, str], list[tuple[str, str]]]:
    text = resources.files("baocao").joinpath("data/legacy-encodings.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    vni = sorted(data["vni"].items(), key=lambda pair: -len(pair[0]))
    return data["tcvn3"], vni


def foreign_words(line: str) -> int:
    return sum(1 for word in _WORD.findall(line) if FOREIGN.intersection(word))


_ANY_FOREIGN = re.compile("[" + re.escape("".join(sorted(FOREIGN))) + "]")


def may_be_legacy(text: str) -> bool:
    """A quick test of a whole file: does it hold any letter Vietnamese never writes?"""
    return _ANY_FOREIGN.search(text) is not None


# Letters of Unicode Vietnamese beyond Latin-1 (ă, đ, ơ, ư, ạ ... ỹ) and combining marks:
# 8-bit TCVN3 and VNI text shown in a Latin-1 font never holds them, so a line that does
# is real Unicode Vietnamese (perhaps naming "Müller" in "Zürich"), never mojibake.
_UNICODE_VIETNAMESE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u0300-\u036f\u1ea0-\u1ef9]")


def is_legacy(line: str) -> bool:
    """Two or more words carrying letters that Vietnamese never writes, and no letter
    that only Unicode Vietnamese writes."""
    return (
        _ANY_FOREIGN.search(line) is not None
        and foreign_words(line) >= 2
        and _UNICODE_VIETNAMESE.search(line) is None
    )


def from_tcvn3(line: str) -> str:
    table, _ = tables()
    return "".join(table.get(ch, ch) for ch in line)


def from_vni(line: str) -> str:
    _, pairs = tables()
    pattern = _vni_pattern()
    mapping = dict(pairs)
    return pattern.sub(lambda m: mapping[m.group(0)], line)


@cache
def _vni_pattern() -> re.Pattern[str]:
    _, pairs = tables()
    return re.compile("|".join(re.escape(k) for k, _ in pairs))


def convert(line: str) -> tuple[str, str]:
    """The line converted from whichever encoding leaves fewer foreign letters, and its name."""
    converter, name = converter_for(line)
    return converter(line), name


def converter_for(line: str) -> tuple[Callable[[str], str], str]:
    """The conversion that leaves fewer foreign letters in ``line``, and its encoding's name.

    A fix chooses it from the whole line, then converts only the line's prose.
    """
    candidates = [(from_vni, "VNI"), (from_tcvn3, "TCVN3")]
    return min(candidates, key=lambda pair: foreign_words(pair[0](line)))
