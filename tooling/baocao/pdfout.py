"""Each unit's Word file as a PDF ready to sign: LibreOffice headless, PDF/A-2b, fonts
embedded, one file per worker at a time (each worker has its own LibreOffice profile).

The PDF is named as the Word file is (``<unit>.pdf``, or ``<unit>-du-thao.pdf`` for a
draft) in ``_build/pdf/``; the other name of the same unit is removed, so a draft that
became final leaves no stale draft behind. Written atomically.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from baocao.docx.nd30 import DRAFT_SUFFIX

# LibreOffice's PDF export: PDF/A-2b (which embeds every font), tagged.
EXPORT = {
    "SelectPdfVersion": {"type": "long", "value": "2"},
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
}
FILTER = "pdf:writer_pdf_Export:" + json.dumps(EXPORT, separators=(",", ":"))
TIMEOUT = 300  # seconds for one file
PDF_DIR = "pdf"  # beside the Word files' folder (_build/pdf), and in the site


@dataclass(frozen=True)
class PdfOutcome:
    unit: str
    path: Path | None
    error: str = ""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def word_files(docx_dir: Path, units: list[str]) -> dict[str, Path]:
    """Unit -> its Word file (final or draft) for the units named, or for every file."""
    found: dict[str, Path] = {}
    for path in sorted(docx_dir.glob("*.docx")) if docx_dir.is_dir() else []:
        unit = path.stem.removesuffix(DRAFT_SUFFIX)
        if path.is_file() and (not units or unit in units):
            found[unit] = path
    return found


def convert_all(program: str, files: dict[str, Path], out_dir: Path, jobs: int) -> list[PdfOutcome]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="baocao-pdf-") as tmp:
        slots = [Path(tmp, f"worker-{n}") for n in range(max(1, jobs))]
        free = list(slots)

        def one(item: tuple[str, Path]) -> PdfOutcome:
            profile = free.pop()
            try:
                return convert_one(program, item[0], item[1], out_dir, profile)
            finally:
                free.append(profile)

        with ThreadPoolExecutor(len(slots)) as pool:
            return list(pool.map(one, files.items()))


def convert_one(program: str, unit: str, docx: Path, out_dir: Path, profile: Path) -> PdfOutcome:
    work = profile / "out"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    command = [
        program,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--convert-to",
        FILTER,
        "--outdir",
        str(work),
        str(docx.resolve()),
    ]
    try:
        done = subprocess.run(command, capture_output=True, check=False, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return PdfOutcome(unit, None, f"> {TIMEOUT} s")
    made = work / f"{docx.stem}.pdf"
    if not made.is_file():
        return PdfOutcome(unit, None, done.stderr.decode("utf-8", "replace").strip()[-300:])
    target = out_dir / made.name
    os.replace(made, target)
    for stale in (out_dir / f"{unit}.pdf", out_dir / f"{unit}{DRAFT_SUFFIX}.pdf"):
        if stale != target:
            stale.unlink(missing_ok=True)
    return PdfOutcome(unit, target)
