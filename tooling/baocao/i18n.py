"""Messages shown to people, in Vietnamese (default) or English.

The texts live in ``data/messages.yaml`` keyed by message id, then language.
"""

from __future__ import annotations

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
    text = resources.files("baocao").joinpath("data/messages.yaml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def t(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (default: the current one), with ``params`` filled in."""
    entry = catalogue()[key]
    template = entry.get(lang or _current["lang"]) or entry["vi"]
    return template.format(**params)
