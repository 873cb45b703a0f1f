"""The site in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright.

The site is served over HTTP (the search page fetches pages, which ``file://``
forbids). Skipped, with the reason printed, where Chromium or Playwright is absent.
"""

from __future__ import annotations

import functools
import importlib.util
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from test_diff_command import example_repository, replace
from test_docx_support import run_cli
from test_html_site import build, make_project
from test_precommit import git

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TITLE = "Bảng tổng hợp báo cáo thi đua, khen thưởng"


def skip_reason() -> str | None:
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is absent (Debian package chromium): the browser test cannot run"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed: the browser test cannot run"
    return None


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def served(folder: Path) -> Iterator[str]:
    """The address of ``folder`` served over HTTP, until the generator is closed."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def launched() -> Iterator[Any]:
    """Headless Chromium, or the test skipped with its reason printed."""
    reason = skip_reason()
    if reason:
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = make_project(tmp_path_factory.mktemp("browser") / "project")
    build(root, "-j", "2")
    yield from served(root / "_build" / "html")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="vi-VN")
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: m.type == "error" and tab.problems.append(m.text))
    tab.on("pageerror", lambda err: tab.problems.append(str(err)))
    yield tab
    context.close()


def visible_slugs(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#baocao-dashboard tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.dataset.slug)"
    )


def test_dashboard_filters_sorts_and_links_to_a_unit(page: Any, base_url: str) -> None:
    page.goto(base_url + "index.html")
    assert page.inner_text("main h1").rstrip("¶").strip() == TITLE
    assert page.evaluate("document.characterSet") == "UTF-8"
    assert "\ufffd" not in page.inner_text("body")

    page.fill("#baocao-filter", "so noi vu")  # typed without diacritics
    assert visible_slugs(page) == ["so-noi-vu"]
    page.fill("#baocao-filter", "")
    page.select_option("#baocao-status", "broken")
    assert sorted(visible_slugs(page)) == [
        "don-vi-chua-co",
        "hong-ma-hoa",
        "hong-yaml",
        "thieu-tep",
    ]
    page.select_option("#baocao-status", "")

    errors_header = page.locator('th[data-key="errors"] button')
    errors_header.click()
    errors_header.click()  # descending
    counts = page.eval_on_selector_all(
        "#baocao-dashboard tbody tr", "rows => rows.map(r => Number(r.dataset.errors))"
    )
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    assert page.get_attribute('th[data-key="errors"]', "aria-sort") == "descending"

    page.click("text=Sở Nội vụ")
    page.wait_for_url("**/reports/so-noi-vu/index.html")
    assert page.inner_text(".baocao-quoc-hieu") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert page.inner_text(".baocao-ngay") == "Bình Minh, ngày 12 tháng 12 năm 2025"
    heading = page.inner_text("main h2 >> nth=0").rstrip("¶").strip()
    assert heading == "I. Đặc điểm tình hình"
    assert page.problems == []


def result_links(page: Any) -> list[str]:
    """The result links once the search has finished (results appear one by one)."""
    page.wait_for_function(
        "() => (document.querySelector('#search-results p.search-summary') || {}).innerText",
        timeout=15_000,
    )
    return page.eval_on_selector_all(
        "#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))"
    )


def test_search_finds_words_typed_without_diacritics(page: Any, base_url: str) -> None:
    page.goto(base_url + "search.html?q=khen+thuong")
    plain = result_links(page)
    assert page.inner_text("#search-results h2") == "Kết quả tìm kiếm"
    summary = page.inner_text("#search-results p.search-summary")
    assert summary == f"Tìm xong: có {len(plain)} trang khớp với từ cần tìm."
    assert any("reports/so-noi-vu/index.html" in link for link in plain)
    page.goto(base_url + "search.html?q=khen+th%C6%B0%E1%BB%9Fng")  # "khen thưởng"
    assert sorted(result_links(page)) == sorted(plain)

    # From a unit's page, through the search box of the top bar.
    page.goto(base_url + "reports/truong-thpt-le-quy-don/index.html")
    page.fill(".baocao-search input[name=q]", "thanh huong")  # "Thanh Hương" signs for so-noi-vu
    page.press(".baocao-search input[name=q]", "Enter")
    page.wait_for_url("**/search.html?q=thanh+huong")
    assert any("reports/so-noi-vu/index.html" in link for link in result_links(page))
    assert page.problems == []


def test_the_guide_is_reached_from_every_page_and_found_by_search(page: Any, base_url: str) -> None:
    page.goto(base_url + "reports/so-noi-vu/index.html")
    page.click("header >> text=Hướng dẫn")
    page.wait_for_url("**/docs/huong-dan.html")
    assert page.inner_text("main h1").rstrip("¶").strip() == "Hướng dẫn viết báo cáo với baocao"

    page.click("nav.baocao-nav >> text=Quy trình nộp báo cáo")
    page.wait_for_url("**/docs/quy-trinh.html")
    assert page.get_attribute("nav.baocao-nav a[aria-current=page]", "href") == "#"

    page.goto(base_url + "docs/huong-dan.html")
    page.click("main >> text=các quy tắc kiểm tra")
    page.wait_for_url("**/docs/rules.html")
    page.click("main table >> text=BC101")
    page.wait_for_url("**/docs/rules.html#bc101-missing-section")
    assert page.evaluate("document.getElementById('bc101-missing-section') !== null")

    page.goto(base_url + "search.html?q=quy+trinh+nop+bao+cao")  # no diacritics
    assert any("docs/quy-trinh.html" in link for link in result_links(page))
    assert page.problems == []


@pytest.mark.parametrize("path", ["index.html", "reports/so-noi-vu/index.html"])
def test_a_phone_screen_needs_no_horizontal_scroll(browser: Any, base_url: str, path: str) -> None:
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + path)
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1] == 390
    if path == "index.html":  # each unit's row is a card that names its columns
        label = page.evaluate(
            "() => getComputedStyle(document.querySelector('td.baocao-col-errors'), '::before')"
            ".content"
        )
        assert label == '"Lỗi: "'
    context.close()


def test_a_wide_commendation_table_scrolls_in_its_box_on_a_phone(
    browser: Any, base_url: str
) -> None:
    """At 390 px the page itself never scrolls sideways: the wide table (Mẫu số 11 of the
    water company, more columns than a phone shows) scrolls inside its own box."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.goto(base_url + "reports/cong-ty-cap-nuoc-binh-minh/index.html")
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1] == 390
    boxes = page.eval_on_selector_all(
        "div.baocao-awards.baocao-landscape",
        """boxes => boxes.map(b => ({
            scroll: b.scrollWidth, client: b.clientWidth,
            right: b.getBoundingClientRect().right,
            overflow: getComputedStyle(b).overflowX,
            table: b.querySelector('table').getBoundingClientRect().width}))""",
    )
    assert boxes, "the wide table is on the page"
    for box in boxes:
        assert box["overflow"] == "auto"
        assert box["scroll"] > box["client"]  # the table is wider than its box: it scrolls
        assert box["right"] <= 390 and box["table"] > box["client"]
    numbers = page.eval_on_selector_all(
        "table.baocao-awards-table td.text-right",
        "cells => cells.map(c => getComputedStyle(c).textAlign)",
    )
    assert numbers and set(numbers) == {"right"}
    assert problems == []
    context.close()


def test_lettered_headings_are_not_smaller_than_the_text(page: Any, base_url: str) -> None:
    page.goto(base_url + "reports/so-noi-vu/index.html")
    sizes = page.evaluate(
        "() => ['main h5', 'main section p'].map("
        "s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"
    )
    assert page.inner_text("main h5 >> nth=0").startswith("a) Các phong trào")
    assert sizes[0] >= sizes[1]


def test_search_results_name_the_unit_and_the_section(page: Any, base_url: str) -> None:
    page.goto(
        base_url + "search.html?q=%C4%90%E1%BA%B7c+%C4%91i%E1%BB%83m+t%C3%ACnh+h%C3%ACnh"
    )  # "Đặc điểm tình hình"
    result_links(page)
    texts = page.eval_on_selector_all(
        "#search-results ul.search li > a", "links => links.map(a => a.innerText)"
    )
    assert "Sở Nội vụ > I. Đặc điểm tình hình" in texts
    assert "Trường THPT Lê Quý Đôn > I. Đặc điểm tình hình" in texts
    assert not any(text.startswith("Tổng kết phong trào") for text in texts)
    assert page.problems == []


def test_a_redline_page_on_a_phone(browser: Any, tmp_path: Path) -> None:
    """``baocao diff``'s page: marks shown, no script error, nothing wider than 390 px."""
    project = example_repository(tmp_path / "project", "sua")
    replace(project / "reports/so-noi-vu/1-dac-diem-tinh-hinh.md", "cơ quan", "cơ quan lớn")
    git(project, "commit", "-q", "-am", "edit")
    done = run_cli(project, "diff", "--since", "main", "so-noi-vu")
    assert done.returncode == 0, done.stdout + done.stderr
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.goto((project / "_build/diff/so-noi-vu.html").as_uri())
    assert page.inner_text("ins >> nth=0").strip() == "lớn"
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1] == 390
    assert problems == []
    context.close()
