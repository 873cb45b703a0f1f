"""The board's page in a real browser (headless Chromium, Debian's ``chromium``, driven by
Playwright): the charts are drawn, carry their text alternatives, show the numbers as
text, the page has no console error, fits a phone, prints; a screenshot is kept in
``_build/artifacts/`` (a CI artifact) for a person to look at.

The project is the one of ``test_html_awards.py`` (examples, an archived year, a unit of
another year, a unit without data). Skipped, with the reason printed, where Chromium or
Playwright is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_html_awards import UNREAD, make_board_project
from test_html_browser import launched, served, skip_reason
from test_html_site import ROOT, build

ARTIFACTS = ROOT / "_build" / "artifacts"
SCREENSHOT = ARTIFACTS / "khen-thuong.png"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    reason = skip_reason()
    if reason:
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    root = make_board_project(tmp_path_factory.mktemp("board-browser") / "project")
    code, out, err = build(root, "-j", "1")
    assert code == 1 and f"Đơn vị {UNREAD} không tải được" in out + err, (
        out + err
    )  # one broken unit
    yield from served(root / "_build" / "html")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched()


def open_page(browser: Any, url: str, **options: Any) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(locale="vi-VN", **options)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
    tab.on("pageerror", lambda err: problems.append(str(err)))
    tab.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    tab.goto(url)
    return context, tab, problems


def test_the_charts_are_drawn_with_their_text_alternatives(browser: Any, base_url: str) -> None:
    context, tab, problems = open_page(browser, base_url + "index.html")
    tab.click("text=Tổng hợp số liệu khen thưởng (bảng và biểu đồ)")
    tab.wait_for_url("**/khen-thuong.html")
    assert tab.inner_text("main h1").strip() == "Tổng hợp số liệu khen thưởng năm 2025"
    charts = tab.eval_on_selector_all(
        "main figure.baocao-chart > svg",
        """svgs => svgs.map(svg => {
            const box = svg.getBoundingClientRect();
            const [title, desc] = svg.getAttribute('aria-labelledby').split(' ')
                .map(id => document.getElementById(id));
            return {
                role: svg.getAttribute('role'),
                title: title && title.parentNode === svg ? title.textContent : null,
                desc: desc && desc.parentNode === svg ? desc.textContent : null,
                width: box.width, height: box.height,
                bars: svg.querySelectorAll('rect.rect').length,
                texts: Array.from(svg.querySelectorAll('text')).map(t => t.textContent),
            };
        })""",
    )
    assert len(charts) >= 4
    for chart in charts:
        assert chart["role"] == "img"
        assert chart["title"] and chart["desc"], chart
        assert chart["width"] > 300 and chart["height"] > 100, chart
        assert chart["bars"] > 0, chart
        assert chart["title"] in chart["texts"]
    first = charts[0]
    assert "Năm 2025" in first["texts"] and "Năm 2024" in first["texts"]  # the archived year
    # What a screen reader is given: an image named by its title and description.
    for chart in charts:
        named = tab.get_by_role("img", name=f"{chart['title']} {chart['desc']}", exact=True)
        assert named.count() == 1, chart["title"]
    assert problems == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
    context.close()


def test_the_page_fits_a_phone_and_prints(browser: Any, base_url: str) -> None:
    viewport = {"width": 390, "height": 844}
    context, tab, problems = open_page(browser, base_url + "khen-thuong.html", viewport=viewport)
    widths = tab.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1] == 390  # wide tables scroll inside their own box
    svg_width = tab.evaluate(
        "() => document.querySelector('figure.baocao-chart svg').getBoundingClientRect().width"
    )
    assert 0 < svg_width <= 390
    tab.emulate_media(media="print")
    printed = tab.evaluate(
        """() => ({
            topbar: getComputedStyle(document.querySelector('.baocao-topbar')).display,
            charts: Array.from(document.querySelectorAll('figure.baocao-chart svg'))
                .filter(svg => svg.getBoundingClientRect().height > 0).length,
        })"""
    )
    assert printed["topbar"] == "none" and printed["charts"] >= 4
    pdf = tab.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert problems == []
    context.close()


def test_without_javascript_the_charts_and_tables_are_there(browser: Any, base_url: str) -> None:
    context = browser.new_context(locale="vi-VN", java_script_enabled=False)
    tab = context.new_page()
    tab.goto(base_url + "khen-thuong.html")
    assert tab.locator("main figure.baocao-chart svg[role=img]").count() >= 4
    assert tab.locator("main table.baocao-board-table").count() >= 4
    assert "UBND xã Bình An" in tab.inner_text("section#don-vi-co-loi")
    context.close()
