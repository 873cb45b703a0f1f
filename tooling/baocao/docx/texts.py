"""Messages of the Word builder's command (``data/messages-docx.yaml``, via baocao.i18n)."""

from __future__ import annotations

from typing import Any

from baocao.i18n import t


def text(key: str, /, **params: Any) -> str:
    """The message ``key`` in the current language, Vietnamese when it has no other."""
    return t(key, **params)
