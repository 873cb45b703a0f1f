"""``baocao build pdf``: each example's Word file as a PDF/A-2b with every font embedded and
the Quốc hiệu and title on page 1; a draft keeps its draft name; without LibreOffice the
command says how to install it and exits 0."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from baocao import pdfout
from baocao.cli import main
from baocao.report import load_report
from import_helpers import ROOT, run_cli

EXAMPLES = ("cong-ty-cap-nuoc-binh-minh", "so-noi-vu", "truong-thpt-le-quy-don")
DRAFT = "don-vi-du-thao"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def _need(*programs: str) -> None:
    for program in programs:
        if shutil.which(program) is None:
            pytest.skip(f"{program} is not installed: the PDF is not checked")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _need("soffice", "pdffonts", "pdftotext")
    root = tmp_path_factory.mktemp("pdf")
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "_templates", root / "_templates")
    shutil.copytree(ROOT / "reports", root / "reports")
    shutil.copytree(ROOT / "tests/fixtures/docx/units" / DRAFT, root / "reports" / DRAFT)
    (root / "_build" / "pdf").mkdir(parents=True)
    (root / "_build" / "pdf" / f"{EXAMPLES[0]}{pdfout.DRAFT_SUFFIX}.pdf").write_bytes(b"cu")
    assert run_cli(root, "build", "docx").returncode == 0
    built = run_cli(root, "build", "pdf", "-j", "2")
    assert built.returncode == 0, built.stderr
    return root


@pytest.mark.parametrize("unit", EXAMPLES)
def test_every_font_is_embedded_and_page_one_has_the_motto_and_title(project: Path, unit) -> None:
    pdf = project / "_build" / "pdf" / f"{unit}.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts.stdout
    first = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True)
    page = " ".join(first.stdout.split())
    title = load_report(project / "reports" / unit, project, None).front_matter.get("trich_yeu")
    assert NATIONAL_TITLE in page
    assert " ".join(str(title).split()) in page


def test_the_pdf_is_pdfa_2b(project: Path) -> None:
    data = (project / "_build" / "pdf" / f"{EXAMPLES[1]}.pdf").read_bytes()
    assert b"<pdfaid:part>2</pdfaid:part>" in data
    assert b"<pdfaid:conformance>B</pdfaid:conformance>" in data


def test_a_draft_keeps_its_draft_name_and_a_stale_draft_goes(project: Path) -> None:
    names = sorted(p.name for p in (project / "_build" / "pdf").iterdir())
    assert names == sorted([*(f"{u}.pdf" for u in EXAMPLES), f"{DRAFT}-du-thao.pdf"])


def test_a_unit_without_a_word_file_is_named(project: Path) -> None:
    result = run_cli(project, "build", "pdf", "khong-co")
    assert result.returncode == 1
    assert "khong-co: chưa có tệp Word trong _build/docx." in result.stderr


def test_without_libreoffice_it_says_how_to_install_and_exits_0(
    tmp_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    assert main(["build", "pdf"]) == 0
    err = capsys.readouterr().err
    assert "máy chưa cài LibreOffice" in err
    assert "sudo apt-get install libreoffice-writer" in err


def test_the_dashboard_links_each_pdf_beside_its_word_file(project: Path) -> None:
    from bs4 import BeautifulSoup

    built = run_cli(project, "build", "html")
    assert built.returncode == 0, built.stderr
    page = BeautifulSoup((project / "_build/html/index.html").read_text("utf-8"), "lxml")
    links = {a["href"] for a in page.select("a.baocao-link-pdf")}
    assert links == {*(f"pdf/{u}.pdf" for u in EXAMPLES), f"pdf/{DRAFT}-du-thao.pdf"}
    for unit in EXAMPLES:
        cell = page.select_one(f"a.baocao-link-pdf[href='pdf/{unit}.pdf']").parent
        assert cell.select_one("a.baocao-link-docx")["href"] == f"docx/{unit}.docx"
        site_pdf = project / "_build/html/pdf" / f"{unit}.pdf"
        assert site_pdf.read_bytes() == (project / "_build/pdf" / f"{unit}.pdf").read_bytes()


def test_each_unit_page_links_its_pdf_beside_its_word_file(project: Path) -> None:
    from bs4 import BeautifulSoup

    built = run_cli(project, "build", "html")
    assert built.returncode == 0, built.stderr
    for unit in EXAMPLES:
        html = (project / "_build/html/reports" / unit / "index.html").read_text("utf-8")
        links = BeautifulSoup(html, "lxml").select_one("p.baocao-nav-links")
        assert links.select_one("a.baocao-docx")["href"] == f"../../docx/{unit}.docx"
        assert links.select_one("a.baocao-pdf")["href"] == f"../../pdf/{unit}.pdf"
        assert links.select_one("a.baocao-pdf").get_text() == "Tải bản PDF để ký số"
