"""Messages shown to people, in Vietnamese (default) or English.

The texts live in ``data/messages*.yaml`` (one file per part of the tool, ids
unique across them) keyed by message id, then language.
"""

from __future__ import annotations

import string
from functools import cache
from importlib import resources
from typing import Any

import yaml

LANGUAGES = ("vi", "en")
_current = {"lang": "vi"}


def set_lang(lang: str) -> None:
    """Choose the language of every later message."""
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current["lang"] = lang


def get_lang() -> str:
    return _current["lang"]


@cache
def catalogue() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in catalogue_files().values():
        merged.update(part)
    return merged


def catalogue_files() -> dict[str, dict[str, dict[str, str]]]:
    """Each ``data/messages*.yaml`` file by name, as loaded (ids must not repeat across them)."""
    data = resources.files("baocao").joinpath("data")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return {
        entry.name: yaml.load(entry.read_text("utf-8"), Loader=loader)
        for entry in sorted(data.iterdir(), key=lambda e: e.name)
        if entry.name.startswith("messages") and entry.name.endswith(".yaml")
    }


class _Formatter(string.Formatter):
    """``str.format`` plus a word chosen by a number: "{units:unit|units}" is "unit" for 1.

    English needs it ("1 unit", "2 units"); Vietnamese nouns do not change ("1 đơn vị").
    """

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if value == 1 else other
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def t(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (default: the current one), with ``params`` filled in."""
    entry = catalogue()[key]
    return fill(entry.get(lang or _current["lang"]) or entry["vi"], **params)


def fill(template: str, /, **params: Any) -> str:
    """``template`` with ``params`` filled in, a word chosen by a number where it asks."""
    if "|" in template:
        return _FORMATTER.format(template, **params)
    return template.format(**params)


def decimal(value: float, digits: int = 1, lang: str | None = None) -> str:
    """A number as the reader writes it: "0,9" in Vietnamese, "0.9" in English."""
    shown = f"{value:.{digits}f}"
    return shown.replace(".", ",") if (lang or _current["lang"]) == "vi" else shown
