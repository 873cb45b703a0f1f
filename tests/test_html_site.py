"""The HTML site built from the example units and broken and unsafe units (parsed with bs4).

The site is built once per session, in-process and in parallel (``-j 2``), into a
throw-away project whose settings switch the linter's safety rules off: the builder
must remove unsafe content whatever the lint settings.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from baocao.cli import main
from baocao.lint import lint_unit
from baocao.project import Project
from baocao.report import load_report
from baocao.sphinxext.search import fold
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"
EXAMPLES = ("so-noi-vu", "truong-thpt-le-quy-don", "cong-ty-cap-nuoc-binh-minh")
BROKEN = ("hong-ma-hoa", "hong-yaml", "thieu-tep")
UNSAFE = "khong-an-toan"
SECRET = "BÍ-MẬT-123"
SAFETY_OFF = 'ignore = ["BC501", "BC502", "BC503", "BC504", "BC505"]'
EXTRA_UNITS = """  - slug: khong-an-toan
    name: "Đơn vị <script>alert('ten')</script>"
    kind: so-nganh
  - slug: don-vi-chua-co
    name: Đơn vị chưa có thư mục
    kind: xa-phuong
"""


@dataclass
class Site:
    root: Path
    out: Path
    code: int
    stdout: str
    stderr: str

    def page(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup((self.out / rel).read_text("utf-8"), "lxml")

    def unit(self, slug: str) -> BeautifulSoup:
        return self.page(f"reports/{slug}/index.html")


def make_project(target: Path) -> Path:
    """The example units, the broken and unsafe fixtures, the user guide, and a file the
    units must not leak."""
    target.mkdir(parents=True, exist_ok=True)
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    (target / "pyproject.toml").write_text(
        pyproject.replace("[tool.baocao]\n", f"[tool.baocao]\n{SAFETY_OFF}\n"), "utf-8"
    )
    shutil.copy(ROOT / "conf.py", target / "conf.py")
    for folder in ("_templates", "reports", "docs"):
        shutil.copytree(ROOT / folder, target / folder)
    for unit in (*BROKEN, UNSAFE):
        shutil.copytree(FIXTURES / unit, target / "reports" / unit)
    for name in ("bi-mat.txt", "anh-ngoai.png"):
        shutil.copy(FIXTURES / name, target / name)
    with (target / "reports" / "units.yaml").open("a", encoding="utf-8") as units:
        units.write(EXTRA_UNITS)
    return target


def build(root: Path, *args: str) -> tuple[int, str, str]:
    """``baocao build html`` in ``root``, in this process; (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["build", "html", *args])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = make_project(tmp_path_factory.mktemp("site") / "project")
    code, stdout, stderr = build(root, "-j", "2")
    return Site(root, root / "_build" / "html", code, stdout, stderr)


def headings(soup: BeautifulSoup) -> list[tuple[int, str]]:
    body = soup.select_one("main.body")
    assert body is not None
    return [
        (int(h.name[1]), h.get_text(strip=True).rstrip("¶"))
        for h in body.find_all(re.compile(r"^h[1-6]$"))
    ]


def text_of(soup: BeautifulSoup | Tag, selector: str) -> str:
    found = soup.select_one(selector)
    assert found is not None, selector
    return found.get_text(" ", strip=True)


def test_a_broken_unit_never_stops_the_site_but_the_exit_code_is_1(site: Site) -> None:
    assert site.code == 1
    for slug in (*EXAMPLES, UNSAFE, *BROKEN):
        assert (site.out / "reports" / slug / "index.html").is_file(), slug
    for slug in (*BROKEN, "don-vi-chua-co"):
        assert f"Đơn vị {slug} không tải được" in site.stderr
    assert "Đã dựng 8 đơn vị (4 không tải được" in site.stdout


def test_header_block_from_the_front_matter(site: Site) -> None:
    page = site.unit("so-noi-vu")
    assert text_of(page, ".baocao-co-quan-chu-quan") == "UBND TỈNH BÌNH MINH"
    assert text_of(page, ".baocao-co-quan") == "SỞ NỘI VỤ"
    assert text_of(page, ".baocao-so-ky-hieu") == "Số: 412/BC-SNV"
    assert text_of(page, ".baocao-quoc-hieu") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert text_of(page, ".baocao-tieu-ngu") == "Độc lập - Tự do - Hạnh phúc"
    assert text_of(page, ".baocao-ngay") == "Bình Minh, ngày 12 tháng 12 năm 2025"
    assert text_of(page, ".baocao-loai") == "BÁO CÁO"
    title = page.select_one("main.body h1")
    assert title is not None and title.get_text(strip=True).rstrip("¶") == (
        "Tổng kết phong trào thi đua, công tác khen thưởng năm 2025, phương hướng nhiệm vụ năm 2026"
    )
    # The header comes first, then the document type, then the title.
    order = [el.get("class", [""])[0] for el in page.select(".baocao-header, .baocao-loai, h1")]
    assert order == ["baocao-header", "baocao-loai", ""]


@pytest.mark.parametrize("slug", EXAMPLES)
def test_every_section_heading_in_order_at_its_level(site: Site, slug: str) -> None:
    report = load_report(site.root / "reports" / slug, site.root)
    expected = [(1, report.title)] + [(s.level, s.title) for s in report.headings()]
    assert headings(site.unit(slug)) == expected
    assert len(expected) > 19


def test_signature_and_recipients(site: Site) -> None:
    page = site.unit("so-noi-vu")
    recipients = [p.get_text(strip=True) for p in page.select(".baocao-noi-nhan-item")]
    assert recipients == [
        "- Ban Thi đua - Khen thưởng tỉnh;",
        "- Giám đốc, các Phó Giám đốc Sở;",
        "- Các phòng, đơn vị thuộc Sở;",
        "- Lưu: VT, TĐKT.",
    ]
    assert text_of(page, ".baocao-noi-nhan-label") == "Nơi nhận:"
    assert text_of(page, ".baocao-quyen-han") == "KT. GIÁM ĐỐC"
    assert text_of(page, ".baocao-chuc-vu") == "PHÓ GIÁM ĐỐC"
    assert text_of(page, ".baocao-nguoi-ky") == "Trần Thị Thanh Hương"
    body = page.select_one("main.body")
    assert body is not None
    last_section = body.select("section")[-1]
    signature = page.select_one(".baocao-signature")
    assert signature is not None and signature in last_section.find_all_next()


def test_findings_panel_clean_and_with_findings(site: Site) -> None:
    clean = site.unit("so-noi-vu")
    assert text_of(clean, ".baocao-panel-clean") == "Không có lỗi hay cảnh báo nào."
    assert text_of(clean, ".baocao-panel-summary").startswith("Đủ 19/19 mục bắt buộc; 0 lỗi")
    project = Project.discover(site.root)
    result = lint_unit(project, project.reports_dir / "thieu-tep")
    panel = site.unit("thieu-tep").select(".baocao-findings > li")
    assert [li.select_one("code").get_text() for li in panel] == [
        d.code for d in result.diagnostics
    ]
    assert "BC003" in {d.code for d in result.diagnostics}
    assert "trỏ tới tệp không có" in panel[0].get_text() or any(
        "trỏ tới tệp không có" in li.get_text() for li in panel
    )


def test_a_page_with_errors_says_draft_at_the_top_and_links_to_its_findings(site: Site) -> None:
    project = Project.discover(site.root)
    result = lint_unit(project, project.reports_dir / "thieu-tep")
    errors = sum(d.severity == "error" for d in result.diagnostics)
    warnings = len(result.diagnostics) - errors
    page = site.unit("thieu-tep")
    banner = page.select_one("main p.baocao-banner-draft")
    assert banner is not None and banner.find_next(class_="baocao-header") is not None
    assert banner.select_one("strong").get_text() == "DỰ THẢO"
    link = banner.select_one("a")
    assert link["href"] == "#ket-qua-kiem-tra" and page.select_one("#ket-qua-kiem-tra")
    assert (
        link.get_text() == f"Kết quả kiểm tra: {errors} lỗi, {warnings} cảnh báo (xem cuối trang)"
    )
    assert site.unit("so-noi-vu").select_one(".baocao-banner") is None  # clean: no mark


def dashboard_rows(site: Site) -> dict[str, Tag]:
    rows = site.page("index.html").select("#baocao-dashboard tbody tr")
    return {row["data-slug"]: row for row in rows}


def test_dashboard_numbers_match_the_linter_for_every_unit(site: Site) -> None:
    project = Project.discover(site.root)
    rows = dashboard_rows(site)
    assert set(rows) == {*EXAMPLES, *BROKEN, UNSAFE, "don-vi-chua-co"}
    for unit_dir in project.unit_dirs():
        result = lint_unit(project, unit_dir)
        row = rows[unit_dir.name]
        assert text_of(row, ".baocao-col-sections") == f"{result.present}/{result.required}"
        assert text_of(row, ".baocao-col-errors") == str(result.errors)
        assert text_of(row, ".baocao-col-warnings") == str(result.warnings)
        link = row.select_one(".baocao-col-unit a")
        assert link is not None and link["href"] == f"reports/{unit_dir.name}/index.html"
    for slug in EXAMPLES:
        assert text_of(rows[slug], ".baocao-col-status") == "Đầy đủ"
    assert text_of(rows["so-noi-vu"], ".baocao-col-kind") == "Sở, ban, ngành"
    assert text_of(rows["so-noi-vu"], ".baocao-col-unit") == "Sở Nội vụ"
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", text_of(rows["so-noi-vu"], ".baocao-col-changed"))


def test_dashboard_lists_broken_units_with_their_error(site: Site) -> None:
    rows = dashboard_rows(site)
    expected = {
        "hong-ma-hoa": "không được lưu bằng mã UTF-8",
        "hong-yaml": "sai cú pháp YAML",
        "thieu-tep": "trỏ tới tệp không có: reports/thieu-tep/2-ket-qua.md",
        "don-vi-chua-co": "Không tìm thấy thư mục reports/don-vi-chua-co/",
    }
    for slug, problem in expected.items():
        assert text_of(rows[slug], ".baocao-col-status") == "Không tải được"
        assert problem in text_of(rows[slug], ".baocao-problem")
    assert rows["don-vi-chua-co"].select_one("a") is None
    # The stand-in for the file that is not UTF-8 says so on the unit's page.
    assert "không được lưu bằng mã UTF-8" in text_of(site.unit("hong-ma-hoa"), ".baocao-unreadable")


def test_dashboard_total(site: Site) -> None:
    rows = dashboard_rows(site).values()
    total = site.page("index.html").select_one(".baocao-total")
    assert total is not None
    assert text_of(total, "th") == "Toàn tỉnh: 8 đơn vị"
    assert text_of(total, ".baocao-col-status") == "3 đầy đủ, 1 chưa đầy đủ, 4 không tải được"
    errors = sum(int(text_of(row, ".baocao-col-errors")) for row in rows)
    assert text_of(total, ".baocao-col-errors") == str(errors)
    present = sum(int(text_of(r, ".baocao-col-sections").split("/")[0]) for r in rows)
    required = sum(int(text_of(r, ".baocao-col-sections").split("/")[1]) for r in rows)
    assert text_of(total, ".baocao-col-sections") == f"{present}/{required}"


def test_unit_names_are_escaped_on_the_dashboard_and_the_unit_page(site: Site) -> None:
    row = dashboard_rows(site)[UNSAFE]
    assert text_of(row, ".baocao-col-unit a") == "Đơn vị <script>alert('ten')</script>"
    assert row.find("script") is None
    nav = site.unit(UNSAFE).select_one(".baocao-nav-unit")
    assert nav is not None and nav.find("script") is None


def site_files(site: Site) -> list[Path]:
    return [p for p in site.out.rglob("*") if p.is_file()]


def test_unsafe_content_never_reaches_the_site(site: Site) -> None:
    body = site.unit(UNSAFE).select_one("main.body")
    assert body is not None
    images = [img["src"] for img in body.find_all("img")]
    assert images == ["../../_images/bieu-do.png"]
    assert [p.name for p in (site.out / "_images").iterdir()] == ["bieu-do.png"]
    assert not (site.out / "_downloads").exists()
    for path in site.out.rglob("*.html"):
        page = BeautifulSoup(path.read_text("utf-8"), "lxml")
        scripts = page.find_all("script")
        assert all(s.get("src") and not s.get_text().strip() for s in scripts), path
        assert all(re.match(r"^(\.\./)*(_static/|searchindex\.js)", s["src"]) for s in scripts)
        assert page.find("iframe") is None
        handlers = [t for t in page.find_all(True) if any(a.startswith("on") for a in t.attrs)]
        assert handlers == [], path
        assert not [a for a in page.find_all("a") if a.get("href", "").startswith("javascript:")]
    for path in site.out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert SECRET.encode() not in data and b"B\\u00cd-M\\u1eac" not in data, path
            assert b"lua-dao" not in data, path  # html_meta of the front matter's myst key


def test_safe_content_of_the_unsafe_unit_stays(site: Site) -> None:
    body = site.unit(UNSAFE).select_one("main.body")
    assert body is not None
    words = body.get_text(" ", strip=True)
    assert "Kết quả vượt kế hoạch được giao." in words  # inline tags go, their text stays
    assert "Phụ lục của đơn vị: 12 tập thể được khen thưởng." in words  # include inside
    assert "Số liệu tính đến ngày 30/11/2025." in words  # an allowed directive
    assert "45 chiến sĩ thi đua cơ sở." in words and "Kết quả năm 2024." in words
    assert len(body.select(".sd-card")) == 2 and body.select_one(".sd-tab-set") is not None


def test_removals_are_warned_and_listed_on_the_unit_page(site: Site) -> None:
    removed = [li.get_text() for li in site.unit(UNSAFE).select(".baocao-removed")]
    expected = (
        "HTML viết thẳng",
        "{raw}",
        "{eval-rst}",
        "include",
        "literalinclude",
        "csv-table",
        "{sidebar}",
        "https://example.com/theo-doi.png",
        "../../anh-ngoai.png",
        "download",
    )
    for what in expected:
        assert any(what in item for item in removed), what
    assert site.stderr.count("[baocao.unsafe]") == len(removed)
    assert "reports/khong-an-toan/index.md:26: WARNING" in site.stderr


def test_other_files_redirect_to_their_place_in_the_unit_page(site: Site) -> None:
    stub = site.page("reports/so-noi-vu/2-ket-qua/1-lanh-dao-chi-dao.html")
    refresh = stub.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None
    url = refresh["content"].split("url=", 1)[1]
    page, anchor = url.split("#", 1)
    assert (
        page == "../index.html"
        and anchor == "document-reports/so-noi-vu/2-ket-qua/1-lanh-dao-chi-dao"
    )
    assert site.unit("so-noi-vu").find(id=anchor) is not None


def test_unit_navigation_lists_its_own_sections_only(site: Site) -> None:
    page = site.unit("so-noi-vu")
    report = load_report(site.root / "reports" / "so-noi-vu", site.root)
    links = page.select(".baocao-nav li a")
    shown = [(int(a.parent["class"][0][-1]), a.get_text()) for a in links]
    assert shown == [(s.level, s.title) for s in report.headings() if 2 <= s.level <= 3]
    for a in links:
        assert page.find(id=a["href"][1:]) is not None
    assert not [a for a in page.select(".baocao-nav a") if "truong-thpt" in a.get("href", "")]
    back = page.select_one(".baocao-nav-links a")
    assert back is not None and back["href"] == "../../index.html"


def test_vietnamese_interface_and_search_index(site: Site) -> None:
    dashboard = site.page("index.html")
    assert dashboard.html is not None and dashboard.html["lang"] == "vi"
    assert text_of(dashboard, "main.body h1").startswith("Bảng tổng hợp báo cáo thi đua")
    search = site.page("search.html")
    assert text_of(search, "main.body h1") == "Tìm kiếm"
    index = json.loads(
        (site.out / "searchindex.js").read_text("utf-8").removeprefix("Search.setIndex(")[:-1]
    )
    words = {**index["terms"], **index["titleterms"]}
    assert all(word == fold(word) for word in words)
    so_noi_vu = index["docnames"].index("reports/so-noi-vu/index")
    assert so_noi_vu in words["thuong"] and so_noi_vu in words["khen"]
    language = (site.out / "_static" / "language_data.js").read_text("utf-8")
    assert 'normalize("NFD")' in language


def test_only_the_reports_and_the_guide_are_sources(site: Site) -> None:
    docs = sorted(p.relative_to(site.out).as_posix() for p in site.out.rglob("*.html"))
    guide = ("docs/huong-dan.html", "docs/chuyen-tu-word.html", "docs/nam-moi.html")
    guide += ("docs/quy-trinh.html",)
    guide += ("docs/rules.html",)
    generated = ("index.html", "search.html", "khen-thuong.html")  # no source file
    assert all(d.startswith("reports/") or d in (*generated, *guide) for d in docs)
    assert set(guide) <= set(docs)
    assert not (site.out / "README.html").exists() and not (site.out / "_templates").exists()


def test_fold_matches_the_browser_folding() -> None:
    assert fold("Thưởng") == "thuong"
    assert fold("ĐỘC LẬP") == "doc lap"
    assert fold("khen thưởng") == fold("khen thuong")


def test_docutils_speaks_vietnamese_without_warnings(site: Site) -> None:
    import docutils.languages

    assert "not supported" not in site.stderr
    assert docutils.languages.get_language("vi").labels["note"] == "Ghi chú"
