"""The user guide on the site: docs/huong-dan.md, chuyen-tu-word.md, nam-moi.md, quy-trinh.md
and rules.md as pages, linked from every page, linking each other; the English docs stay out."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from baocao.mdparser import parser
from bs4 import BeautifulSoup
from test_html_site import ROOT, build

GUIDE = ("docs/huong-dan", "docs/chuyen-tu-word", "docs/nam-moi", "docs/quy-trinh", "docs/rules")
COMMENTED = """---
co_quan: ĐƠN VỊ THỬ
---
# Báo cáo thử

<!-- Ghi chú của người viết, không in ra. -->

Đoạn văn sau ghi chú.

<!-- ghi chú --> <b>đậm</b>
"""


@dataclass
class Built:
    root: Path
    code: int
    stderr: str

    def page(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / "_build/html" / rel).read_text("utf-8"), "lxml")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("guide")
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, root / name)
    for folder in ("_templates", "reports", "docs"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "reports/ghi-chu").mkdir()
    (root / "reports/ghi-chu/index.md").write_text(COMMENTED, "utf-8")
    code, _, stderr = build(root, "-j", "1")
    return Built(root, code, stderr)


def first_heading(source: Path) -> str:
    """The text of the first level-1 heading, as the project's markdown-it parser reads it."""
    tokens = parser().parse(source.read_text("utf-8"))
    heads = [i for i, token in enumerate(tokens) if token.type == "heading_open"]
    at = next(i for i in heads if tokens[i].tag == "h1")
    inline = tokens[at + 1].children or []
    return "".join(child.content for child in inline)


def test_guide_pages_are_published_with_their_titles(built: Built) -> None:
    for page in GUIDE:
        h1 = built.page(f"{page}.html").select_one("main h1")
        assert h1 is not None, page
        assert h1.get_text().rstrip("¶ ") == first_heading(built.root / f"{page}.md")


def test_the_english_docs_stay_off_the_site(built: Built) -> None:
    published = {p.name for p in (built.root / "_build/html/docs").glob("*.html")}
    assert published == {
        "huong-dan.html",
        "chuyen-tu-word.html",
        "nam-moi.html",
        "quy-trinh.html",
        "rules.html",
    }


def test_every_page_links_the_guide(built: Built) -> None:
    for page, href in (
        ("index.html", "docs/huong-dan.html"),
        ("reports/so-noi-vu/index.html", "../../docs/huong-dan.html"),
        ("docs/rules.html", "huong-dan.html"),
    ):
        link = built.page(page).select_one("header a.baocao-guide-link")
        assert link is not None and link["href"] == href, page
        assert link.get_text() == "Hướng dẫn"


def test_a_guide_page_lists_the_guide_and_marks_itself(built: Built) -> None:
    nav = built.page("docs/quy-trinh.html").select("nav.baocao-nav li a")
    hrefs = ["huong-dan.html", "chuyen-tu-word.html", "nam-moi.html", "#", "rules.html"]
    assert [a["href"] for a in nav] == hrefs
    assert [a.get_text() for a in nav] == [first_heading(built.root / f"{p}.md") for p in GUIDE]
    assert [a.get("aria-current") for a in nav] == [None, None, None, "page", None]


def test_links_between_guide_pages_and_to_rule_anchors_resolve(built: Built) -> None:
    guide = built.page("docs/huong-dan.html").select("main a[href]")
    hrefs = {a["href"] for a in guide}
    assert {"rules.html", "quy-trinh.html", "chuyen-tu-word.html", "nam-moi.html"} <= hrefs
    rules = built.page("docs/rules.html")
    anchors = [a["href"][1:] for a in rules.select("main a[href^='#']") if len(a["href"]) > 1]
    ids = {tag["id"] for tag in rules.select("[id]")}
    assert "bc101-missing-section" in anchors
    assert [anchor for anchor in anchors if anchor not in ids] == []


def test_the_build_of_the_guide_is_clean(built: Built) -> None:
    assert built.code == 0
    assert "docs/" not in built.stderr, built.stderr


def test_a_comment_block_is_dropped_and_other_html_still_refused(built: Built) -> None:
    main = built.page("reports/ghi-chu/index.html").select_one("main")
    assert main is not None
    panel = main.select_one(".baocao-panel")
    assert panel is not None and "BC501" in panel.get_text()  # the linter still tells
    panel.decompose()
    text = main.get_text(" ")
    assert "Ghi chú của người viết" not in text and "Đoạn văn sau ghi chú." in text
    assert main.find("b") is None
    notices = [line for line in built.stderr.splitlines() if "ghi-chu" in line]
    assert len(notices) == 1 and "<!-- ghi chú --> <b>đậm</b>" in notices[0]
