"""The site's texts and the build command's messages, from ``texts.yaml`` beside this file.

Site texts are Vietnamese only; command messages follow ``baocao --lang`` and fall
back to Vietnamese.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from baocao.i18n import get_lang


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    source = resources.files("baocao.sphinxext").joinpath("texts.yaml").read_text("utf-8")
    return yaml.safe_load(source)


def text(key: str, /, **params: Any) -> str:
    """The text ``key`` in the current language (Vietnamese when it has no other)."""
    entry = _catalogue()[key]
    template = entry.get(get_lang()) or entry["vi"]
    return template.format(**params) if params else template


def has_text(key: str) -> bool:
    return key in _catalogue()
