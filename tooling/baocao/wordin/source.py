"""The Word file as .docx bytes: a .docx as it is; .doc, .odt and .rtf converted by
LibreOffice headless (``soffice --headless --convert-to docx``) where it is installed.

A file named .docx that is really an old Word .doc (an OLE compound file, as Word
97-2003 saves it) is converted like a .doc; a .docx whose parts python-docx cannot read
(a damaged zip, a truncated XML part) is refused with a message, never a traceback.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from baocao.errors import BaocaoError, UsageError

DOCX = ".docx"
CONVERTED = (".doc", ".odt", ".rtf", ".docm", ".fodt")
TIMEOUT = 300  # seconds for LibreOffice to convert one file
OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # the first bytes of a Word 97-2003 .doc
_UNREADABLE = (etree.XMLSyntaxError, KeyError, ValueError, PackageNotFoundError)
_UNREADABLE += (zipfile.BadZipFile,)


def docx_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise UsageError("import.no-file", file=path)
    suffix = path.suffix.lower()
    if suffix == DOCX:
        data = path.read_bytes()
        if data.startswith(OLE):
            data = _convert(path, ".doc")
    elif suffix in CONVERTED:
        data = _convert(path)
    else:
        raise UsageError("import.bad-suffix", file=path)
    if not _is_zip(data) or not _readable(data):
        raise BaocaoError("import.not-docx", file=path)
    return data


def _readable(data: bytes) -> bool:
    """Whether python-docx opens the file (every XML part it reads well formed)."""
    try:
        docx.Document(io.BytesIO(data))
    except _UNREADABLE:
        return False
    return True


def _is_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert(path: Path, suffix: str | None = None) -> bytes:
    """``path`` converted to .docx; ``suffix``: the kind it really is, whatever its name."""
    program = soffice()
    if program is None:
        raise BaocaoError("import.no-soffice", file=path)
    with tempfile.TemporaryDirectory(prefix="baocao-import-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        source = path
        if suffix is not None:
            source = Path(tmp, "in", path.stem + suffix)
            source.parent.mkdir()
            shutil.copyfile(path, source)
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            tmp,
            str(source.resolve()),
        ]
        try:
            subprocess.run(command, capture_output=True, check=False, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise BaocaoError("import.soffice-failed", file=path) from None
        out = Path(tmp, path.stem + DOCX)
        if not out.is_file():
            raise BaocaoError("import.soffice-failed", file=path)
        return out.read_bytes()
