"""The Word file as .docx bytes: a .docx as it is; .doc, .odt and .rtf converted by
LibreOffice headless (``soffice --headless --convert-to docx``) where it is installed."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from baocao.errors import BaocaoError, UsageError

DOCX = ".docx"
CONVERTED = (".doc", ".odt", ".rtf", ".docm", ".fodt")
TIMEOUT = 300  # seconds for LibreOffice to convert one file


def docx_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise UsageError("import.no-file", file=path)
    suffix = path.suffix.lower()
    if suffix == DOCX:
        data = path.read_bytes()
    elif suffix in CONVERTED:
        data = _convert(path)
    else:
        raise UsageError("import.bad-suffix", file=path)
    if not _is_zip(data):
        raise BaocaoError("import.not-docx", file=path)
    return data


def _is_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert(path: Path) -> bytes:
    program = soffice()
    if program is None:
        raise BaocaoError("import.no-soffice", file=path)
    with tempfile.TemporaryDirectory(prefix="baocao-import-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            tmp,
            str(path.resolve()),
        ]
        try:
            subprocess.run(command, capture_output=True, check=False, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise BaocaoError("import.soffice-failed", file=path) from None
        out = Path(tmp, path.stem + DOCX)
        if not out.is_file():
            raise BaocaoError("import.soffice-failed", file=path)
        return out.read_bytes()
