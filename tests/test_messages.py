"""The message catalogue: one id, one message, in Vietnamese at least, NFC."""

from __future__ import annotations

import unicodedata
from collections import Counter

from baocao.i18n import catalogue, catalogue_files


def test_no_message_id_is_defined_in_two_files() -> None:
    files = catalogue_files()
    assert {
        "messages.yaml",
        "messages-docx.yaml",
        "messages-review.yaml",
        "messages-site.yaml",
    } <= set(files)
    counts = Counter(key for part in files.values() for key in part)
    assert [key for key, n in counts.items() if n > 1] == []


def test_every_message_has_vietnamese_in_nfc() -> None:
    for key, entry in catalogue().items():
        assert entry.get("vi"), key
        assert all(unicodedata.is_normalized("NFC", text) for text in entry.values()), key
