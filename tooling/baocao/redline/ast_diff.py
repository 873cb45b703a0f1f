"""A unit's redline from two pandoc documents: one merged document, one pandoc, one finishing.

``redline_docx`` never builds the old version's Word file. It aligns the old and
today's pandoc documents (``ast_blocks``, ``ast_inlines``), keeps each
paragraph's style as its own version has it (``ast_styles``), has pandoc write
the merged document — the changed words already as ``w:ins`` / ``w:del`` runs —
finishes it as ``convert`` finishes today's file, then marks on the document
model what pandoc cannot: whole paragraphs, tables and rows, style changes, the
header and signature blocks and page headers made from the front matter
(``ast_marks``). "Accept all" gives today's file, "Reject all" the old one.
"""

from __future__ import annotations

import datetime as dt
import io

import panflute as pf

from baocao.docx.ast import PANDOC_API, to_json
from baocao.docx.convert import Job
from baocao.docx.finish import finished
from baocao.docx.package import document_bytes
from baocao.docx.pandoc import write_docx
from baocao.redline.ast_blocks import Merger
from baocao.redline.ast_inlines import Marker
from baocao.redline.ast_marks import (
    apply_flags,
    bold_header_rows,
    front_matter,
    separators,
    unique_ids,
)
from baocao.redline.ast_styles import keep_styles
from baocao.redline.document import track_changes
from baocao.redline.marks import Revision


def redline_docx(before: Job | None, today: Job, author: str, date: dt.datetime) -> bytes:
    """Today's Word file of the unit with every change since ``before`` as a tracked change.

    With no ``before`` (a unit that did not exist), everything is an insertion.
    """
    revision = Revision(author, date)
    new_doc = _load(today.pandoc_json)
    old_doc = _load(before.pandoc_json) if before is not None else None
    merger = Merger(Marker(author, revision.stamp))
    old_blocks = list(old_doc.content) if old_doc is not None else []
    merged = pf.Doc(*merger.blocks(old_blocks, list(new_doc.content)), api_version=PANDOC_API)
    keep_styles(merged, merger.origins)
    data = write_docx(to_json(merged), today.reference)
    document = finished(data, today.meta, today.nd, separators)
    apply_flags(document, revision)
    bold_header_rows(document)
    if before is None:
        front_matter(document, None, revision)  # all of it inserted
    elif before.meta != today.meta:
        front_matter(document, finished(data, before.meta, before.nd), revision)
    unique_ids(document)
    track_changes(document)
    return document_bytes(document, today.meta.stamp)


def _load(pandoc_json: str) -> pf.Doc:
    return pf.load(io.StringIO(pandoc_json))
