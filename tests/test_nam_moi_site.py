"""After ``baocao nam-moi``: the site shows the closed year (a page per year, each unit's
page under it), the new year's units build in HTML and Word, last year's plan is in
neither, and ``baocao lint`` leaves the archive alone."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from test_docx_support import run_cli

EXAMPLES = ("cong-ty-cap-nuoc-binh-minh", "so-noi-vu", "truong-thpt-le-quy-don")
PLAN = "Năm 2026, Sở thi đua hoàn thiện tổ chức bộ máy sau sắp xếp"  # so-noi-vu's III.1
ESCAPE = "![ảnh](../so-noi-vu/1-dac-diem-tinh-hinh.md)"


@dataclass
class Site:
    root: Path
    html: str
    docx: str
    lint: str

    def page(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / "_build/html" / rel).read_text("utf-8"), "lxml")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("nam-moi") / "project"
    root.mkdir()
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, root / name)
    for folder in ("_templates", "reports"):
        shutil.copytree(ROOT / folder, root / folder)
    done = run_cli(root, "nam-moi", "2026")
    assert done.returncode == 0, done.stderr
    # A closed year's unit that reaches outside its folder (the security suite's attack).
    intruder = root / "archive/2025/lay-cap"
    shutil.copytree(root / "archive/2025/truong-thpt-le-quy-don", intruder)
    with (intruder / "index.md").open("a", encoding="utf-8") as index:
        index.write(f"\n```{{literalinclude}} ../../../pyproject.toml\n```\n\n{ESCAPE}\n")
    html = run_cli(root, "build", "html")
    assert html.returncode == 0, html.stderr
    word = run_cli(root, "build", "docx")
    assert word.returncode == 0, word.stderr
    lint = run_cli(root, "lint")
    return Site(root, html.stdout + html.stderr, word.stdout + word.stderr, lint.stdout)


def test_last_years_pages_are_on_the_site(site: Site) -> None:
    for slug in EXAMPLES:
        page = site.page(f"archive/2025/{slug}/index.html")
        old = (ROOT / "reports" / slug / "index.md").read_text("utf-8")
        assert "năm 2025, phương hướng nhiệm vụ năm 2026" in page.select_one("h1").get_text()
        assert "(2025)" in page.select_one(".baocao-nav-unit").get_text()
        assert not page.select(".baocao-docx, .baocao-pdf")  # no Word file for a closed year
        assert "nam: 2025" in old
    text = site.page("archive/2025/so-noi-vu/index.html").get_text(" ")
    assert PLAN in " ".join(text.split())


def test_a_page_per_past_year_lists_its_units(site: Site) -> None:
    page = site.page("archive/2025/index.html")
    assert page.select_one("h1").get_text() == "Báo cáo năm 2025"
    links = {a.get_text(): a["href"] for a in page.select("#baocao-year a")}
    assert links == {
        "Sở Nội vụ": "so-noi-vu/index.html",
        "Trường THPT Lê Quý Đôn": "truong-thpt-le-quy-don/index.html",
        "Công ty Cổ phần Cấp nước Bình Minh": "cong-ty-cap-nuoc-binh-minh/index.html",
        "lay-cap": "lay-cap/index.html",
    }
    badges = {
        row["data-slug"]: row.select_one(".baocao-badge").get_text()
        for row in page.select("tr.baocao-row")
    }
    assert badges == {
        "2025/cong-ty-cap-nuoc-binh-minh": "Đầy đủ",
        "2025/lay-cap": "Chưa đầy đủ",  # its links out of its folder are lint errors
        "2025/so-noi-vu": "Đầy đủ",
        "2025/truong-thpt-le-quy-don": "Đầy đủ",
    }


def test_a_closed_years_unit_reads_nothing_outside_its_folder(site: Site) -> None:
    html = (site.root / "_build/html/archive/2025/lay-cap/index.html").read_text("utf-8")
    assert "tool.baocao" not in html and "reports_dir" not in html
    assert not (site.root / "_build/html/_images").exists() or not any(
        p.suffix == ".md" for p in (site.root / "_build/html/_images").iterdir()
    )
    assert "lay-cap (2025)" in html  # its page is written, without what it reached for


def test_the_dashboard_shows_the_year_and_links_the_past_years(site: Site) -> None:
    page = site.page("index.html")
    assert page.select_one("#baocao-dash-status").get_text().startswith("Báo cáo năm 2026.")
    years = page.select_one("#baocao-dash-years")
    assert years.get_text(" ", strip=True).startswith("Báo cáo các năm trước:")
    assert [(a.get_text(), a["href"]) for a in years.select("a")] == [
        ("2025", "archive/2025/index.html")
    ]
    # Today's rows are the new year's units only, not the archived ones.
    assert sorted(row["data-slug"] for row in page.select("tr.baocao-row")) == list(EXAMPLES)


def test_the_new_year_builds_and_the_plan_is_not_published(site: Site) -> None:
    source = (site.root / "reports/so-noi-vu/2-ket-qua/index.md").read_text("utf-8")
    assert f"% {PLAN}" in source
    page = site.page("reports/so-noi-vu/index.html")
    assert "Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2026" in page.get_text()
    assert PLAN not in (site.root / "_build/html/reports/so-noi-vu/index.html").read_text("utf-8")
    written = sorted(p.name for p in (site.root / "_build/docx").glob("*.docx"))
    assert written == sorted(f"{slug}-du-thao.docx" for slug in EXAMPLES)  # drafts: no number
    document = docx.Document(str(site.root / "_build/docx/so-noi-vu-du-thao.docx"))
    texts = [p.text for p in document.paragraphs]
    assert any("Kết quả thực hiện phong trào thi đua" in t for t in texts)
    assert not any(PLAN in t or "KẾ HOẠCH" in t for t in texts)


def test_lint_leaves_the_archive_alone(site: Site) -> None:
    assert "reports/so-noi-vu" in site.lint
    assert "archive/" not in site.lint
    assert "Tổng cộng: 3 đơn vị" in site.lint


def test_the_archive_is_read_under_the_unit_boundary(example_project: Path) -> None:
    """A linked year, a linked unit and a link leaving a unit of the archive are never
    walked: the site lists only the real unit's own files."""
    from baocao.archive import archived_unit_dirs, archived_years
    from baocao.sphinxext.discovery import UnitsProject
    from baocao.sphinxext.units import project_at

    archive = example_project / "archive"
    shutil.copytree(example_project / "reports/so-noi-vu", archive / "2025/so-noi-vu")
    (archive / "2024").symlink_to("/")
    (archive / "2025/ngoai").symlink_to(example_project / "reports/truong-thpt-le-quy-don")
    (archive / "2025/so-noi-vu/ra-ngoai.md").symlink_to(example_project / "pyproject.toml")
    (archive / "2023").mkdir()
    assert archived_years(example_project) == [2023, 2025]
    assert [p.name for p in archived_unit_dirs(example_project)] == ["ngoai", "so-noi-vu"]
    project_at.cache_clear()
    found = set(UnitsProject(str(example_project), {".md": "markdown"}).candidates())
    archived = {name for name in found if name.startswith("archive/")}
    assert archived == {
        f"archive/2025/so-noi-vu/{p.relative_to(ROOT / 'reports/so-noi-vu').as_posix()}"
        for p in (ROOT / "reports/so-noi-vu").rglob("*")
        if p.is_file()
    }
