"""Two built Word files of a unit → today's file with the changes as tracked changes.

The result is today's document (its styles, numbering, page set-up, header
block and signature as built now) whose body and page headers carry, as
revision marks, everything that differs from the file built at the older
version: "Accept all" in Word gives today's text, "Reject all" the older one.
The file is also set to track further changes, so that a reader's own edits
are tracked too.
"""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from baocao.docx.package import document_bytes
from baocao.redline.blocks import Differ
from baocao.redline.marks import Revision

# Children of w:settings that come after w:trackRevisions (schema order).
_AFTER_TRACK = (
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:characterSpacingControl",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:shapeDefaults",
    "w:decimalSymbol",
    "w:listSeparator",
)


def redline(old: bytes | None, new: bytes, author: str, date: dt.datetime) -> bytes:
    """The bytes of ``new`` with every change from ``old`` as a tracked change.

    With no ``old`` (a unit that did not exist), everything is an insertion.
    """
    after = docx.Document(io.BytesIO(new))
    differ = Differ(Revision(author, date))
    if old is None:
        differ.container(after.element.body, OxmlElement("w:body"))
        track_changes(after)
        return document_bytes(after, date.date())
    before = docx.Document(io.BytesIO(old))
    differ.container(after.element.body, before.element.body)
    for kind in ("first_page_header", "header", "first_page_footer", "footer"):
        old_part, new_part = getattr(before.sections[0], kind), getattr(after.sections[0], kind)
        if not new_part.is_linked_to_previous and not old_part.is_linked_to_previous:
            differ.container(new_part._element, old_part._element)
    track_changes(after)
    return document_bytes(after, date.date())


def track_changes(document: Document) -> None:
    """Turn on "Track Changes" in the file's settings."""
    settings = document.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    track = OxmlElement("w:trackRevisions")
    for tag in _AFTER_TRACK:
        successor = settings.find(qn(tag))
        if successor is not None:
            successor.addprevious(track)
            return
    settings.append(track)
