"""The Word files as readers get them: same text as the HTML page, and LibreOffice renders them.

LibreOffice (``soffice``) converts each file to PDF; the first page must carry the
Quốc hiệu and the title, page 2 its number; ``pdftoppm`` keeps a PNG of page 1 in
``_build/artifacts/`` (a CI artifact).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
from baocao.project import Project
from baocao.report import load_report
from bs4 import BeautifulSoup
from docx.oxml.ns import qn
from lxml import etree
from test_docx_support import DRAFT, EXAMPLES, ROOT, Built, body_paragraphs, build_once

ARTIFACTS = ROOT / "_build" / "artifacts"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
# Blocks of the unit's page that are not the report's text (the Word file has its own).
PAGE_FURNITURE = (
    ".headerlink, .footnote-reference, .baocao-header, .baocao-loai, "
    ".baocao-signature, .baocao-panel, .baocao-banner"
)
MARKER = re.compile(r"^(?:[-+]|\d+[.)]|[a-zđ][.)]|[ivx]+\.)\s+")
UNITS = (*EXAMPLES, DRAFT)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_once(tmp_path_factory.getbasetemp())


def squash(text: str) -> str:
    return " ".join(text.split())


def docx_name(unit: str) -> str:
    return f"{unit}-du-thao.docx" if unit == DRAFT else f"{unit}.docx"


def html_texts(page: Path) -> list[str]:
    """Headings, paragraphs and captions of the report on the unit's page, in order."""
    soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
    main = soup.find(attrs={"role": "main"}) or soup.find("main") or soup.body
    for furniture in main.select(PAGE_FURNITURE):
        furniture.decompose()
    found = main.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "caption"])
    return [text for el in found if (text := squash(el.get_text("")))]


def docx_texts(built: Built, unit: str) -> list[str]:
    """Every paragraph of the Word file in order, then its footnotes."""
    document = built.document(docx_name(unit))
    texts = [squash(p.text) for p in body_paragraphs(document)]
    with zipfile.ZipFile(built.docx_dir / docx_name(unit)) as archive:
        notes = etree.fromstring(archive.read("word/footnotes.xml"))
    for note in notes.iter(qn("w:footnote")):
        if note.get(qn("w:type")) is None:
            texts.append(squash("".join(t.text or "" for t in note.iter(qn("w:t")))))
    return [text for text in texts if text]


@pytest.mark.parametrize("unit", UNITS)
def test_every_html_heading_and_paragraph_is_in_the_docx_in_order(built: Built, unit: str) -> None:
    expected = html_texts(built.html_dir / "reports" / unit / "index.html")
    assert len(expected) > 5
    actual = docx_texts(built, unit)
    position = 0
    for text in expected:
        for index in range(position, len(actual)):
            if text in (actual[index], MARKER.sub("", actual[index], count=1)):
                position = index + 1
                break
        else:
            pytest.fail(f"not in the Word file after paragraph {position}: {text!r}")


@pytest.fixture(scope="session")
def pdfs(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    missing = [tool for tool in ("pdftotext", "pdftoppm") if not shutil.which(tool)]
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    if missing:
        pytest.skip(f"poppler-utils is not installed ({', '.join(missing)})")
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    files = [str(built.docx_dir / docx_name(unit)) for unit in UNITS]
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *files,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return out


def page_text(pdf: Path, page: int) -> str:
    command = ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


@pytest.mark.parametrize("unit", UNITS)
def test_libreoffice_renders_the_first_page_as_an_administrative_document(
    built: Built, pdfs: Path, unit: str
) -> None:
    pdf = pdfs / docx_name(unit).replace(".docx", ".pdf")
    assert pdf.is_file()
    front = load_report(built.project / "reports" / unit, built.project).front_matter.values
    title = front.get("trich_yeu") or Project.discover(built.project).form().title_for(front["nam"])
    first = page_text(pdf, 1)
    assert NATIONAL_TITLE in first
    assert title in squash(first)
    assert ("DỰ THẢO" in first) is (unit == DRAFT)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{unit}-trang-1"
    command = [
        "pdftoppm",
        "-png",
        "-r",
        "80",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        str(pdf),
        str(target),
    ]
    subprocess.run(command, check=True, capture_output=True)
    width, height = png_size(target.with_suffix(".png"))
    assert height / width == pytest.approx(297 / 210, rel=0.01)


@pytest.mark.parametrize("unit", EXAMPLES)
def test_page_numbers_start_on_page_two(pdfs: Path, unit: str) -> None:
    pdf = pdfs / f"{unit}.pdf"
    first_line = next(line for line in page_text(pdf, 2).splitlines() if line.strip())
    assert first_line.strip() == "2"
    assert not page_text(pdf, 1).strip().startswith("1")
