"""A fast reader for the usual front matter: ``key: value`` lines and lists of plain items.

Front matter is nearly always a flat mapping of plain one-line values, a year, a date,
and one list (``noi_nhan``) whose items may be ``Lưu: VT, TĐKT.`` (a one-key mapping).
``flat_mapping`` reads exactly that and returns None for anything else (a quote, a
comment, an anchor, a tab, a continued line, a value YAML would read as a number other
than a plain integer, a boolean, a null...): the caller then reads the text with YAML.
What it returns is what PyYAML's safe loader returns for the same text: every scalar's
type is decided by the loader's own resolver, and only plain strings, plain integers
and ``YYYY-MM-DD`` dates are built here, as the loader builds them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

try:  # the loader baocao.yamlio uses
    _Resolver: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML build
    _Resolver = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_DATE = "tag:yaml.org,2002:timestamp"
# any character YAML reads specially wherever it stands, or does not accept: tabs,
# carriage returns, "#", the byte-order mark, NEL and the Unicode line separators,
# control characters
_SPECIAL = re.compile(
    "[^\n\x20-\x22\x24-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]{0,99}):(?: +(.+))?")
_ITEM_LINE = re.compile(r"( *)- (.+)")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_PLAIN_INT = re.compile(r"0|[1-9][0-9]{0,17}")
_PLAIN_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_NOT_READ = object()  # a value this reader leaves to YAML


def flat_mapping(text: str) -> dict[str, Any] | None:
    """The mapping ``text`` holds, or None when it is not made of plain lines only."""
    if _SPECIAL.search(text) or _Resolver.yaml_path_resolvers:
        return None
    data: dict[str, Any] = {}
    key: str | None = None  # the key whose list the next item lines make
    indent: int | None = None
    for raw in text.split("\n"):
        line = raw.rstrip(" ")
        if not line:
            continue
        item = _ITEM_LINE.fullmatch(line) if key is not None else None
        if item is not None and indent in (None, len(item[1])):
            value = _item(item[2])
            if value is _NOT_READ:
                return None
            indent = len(item[1])
            if data[key] is None:
                data[key] = []
            data[key].append(value)
            continue
        found = _KEY_LINE.fullmatch(line)
        if found is None or _scalar(found[1]) != found[1]:
            return None
        value = _scalar(found[2]) if found[2] is not None else None
        if value is _NOT_READ:
            return None
        key = found[1] if found[2] is None else None  # a list may follow an empty value
        indent = None
        data[found[1]] = value
    return data or None


def _item(text: str) -> Any:
    """A list item: a plain scalar, or ``key: value`` (a one-key mapping)."""
    if ": " not in text:
        return _scalar(text)
    name, _, rest = text.partition(": ")
    value = _scalar(rest.lstrip(" "))
    if name != name.rstrip(" ") or len(name) > 200 or value is _NOT_READ:
        return _NOT_READ
    key = _scalar(name)
    return {key: value} if isinstance(key, str) else _NOT_READ


def _scalar(text: str) -> Any:
    """A one-line plain scalar as the safe loader builds it, or ``_NOT_READ``."""
    if not text or text[0] in _INDICATORS or text[0] == " " or ": " in text:
        return _NOT_READ
    if text.endswith(":"):
        return _NOT_READ
    tag = _tag(text)
    if tag == _STR:
        return text
    if tag == _INT and _PLAIN_INT.fullmatch(text):
        return int(text)
    date = _PLAIN_DATE.fullmatch(text) if tag == _DATE else None
    if date is not None:
        try:
            return dt.date(int(date[1]), int(date[2]), int(date[3]))
        except ValueError:  # no such day: YAML's error says which
            return _NOT_READ
    return _NOT_READ


def _tag(text: str) -> str:
    """The tag the loader's resolver gives the plain scalar ``text`` (``Resolver.resolve``)."""
    resolvers = _Resolver.yaml_implicit_resolvers
    for tag, regexp in resolvers.get(text[0], []) + resolvers.get(None, []):
        if regexp.match(text):
            return tag
    return _STR
