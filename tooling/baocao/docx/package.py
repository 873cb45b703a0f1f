"""Reproducible .docx bytes: the same parts, in the same order, with the same dates."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document

# Word expects the content types first and the package relationships next.
_FIRST = ("[Content_Types].xml", "_rels/.rels")
_EPOCH = dt.date(1980, 1, 1)  # the earliest date a zip entry can hold


def normalise_zip(data: bytes, date: dt.date | None = None) -> bytes:
    """Rewrite a zip package with fixed entry order, timestamps and attributes."""
    stamp = max(date or _EPOCH, _EPOCH)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    ordered = [n for n in _FIRST if n in names] + sorted(n for n in names if n not in _FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=(stamp.year, stamp.month, stamp.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()


def document_bytes(document: Document, date: dt.date | None = None) -> bytes:
    """Save ``document`` and return reproducible bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue(), date)
