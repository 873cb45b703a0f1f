"""The site's texts and the build command's messages (``data/messages-site.yaml``).

Site texts are Vietnamese only; command messages follow ``baocao --lang`` and fall
back to Vietnamese. The catalogue is baocao.i18n's; a text without parameters is
returned as written (site texts may hold literal braces).
"""

from __future__ import annotations

from typing import Any

from baocao.i18n import catalogue, fill, get_lang


def text(key: str, /, **params: Any) -> str:
    """The text ``key`` in the current language (Vietnamese when it has no other)."""
    entry = catalogue()[key]
    template = entry.get(get_lang()) or entry["vi"]
    return fill(template, **params) if params else template


def has_text(key: str) -> bool:
    return key in catalogue()
