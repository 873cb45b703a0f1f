"""The board page's SVG charts (baocao.awards.charts): safe to publish, with their text
alternatives, the numbers as text, the same bytes on every build.

The safety checks here are the test's own reading of the SVG (lxml), not the module's
``problems``; ``problems`` is then tried on hand-made unsafe SVGs."""

from __future__ import annotations

import re

import pytest
from baocao.awards.charts import Chart, Series, problems, render
from lxml import etree

SVG = "{http://www.w3.org/2000/svg}"
CHART = Chart(
    id="bieu-do-mau-10-ca-nhan",
    title="Mẫu số 10: Cá nhân theo hình thức khen thưởng",
    desc="Biểu đồ thanh ngang: số cá nhân được khen theo từng hình thức, năm 2025.",
    categories=("Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Giấy khen & <Bằng khen>"),
    series=(Series("Năm 2025", (71, 1725, 168)), Series("Năm 2024", (64, 1690, 0))),
)


def parsed(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode("utf-8"))


def texts(root: etree._Element) -> list[str]:
    return ["".join(node.itertext()).strip() for node in root.iter(f"{SVG}text")]


def test_the_chart_says_what_it_is_to_a_screen_reader() -> None:
    root = parsed(render(CHART))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    named = {node.get("id"): "".join(node.itertext()) for node in root.iter() if node.get("id")}
    assert [named[i] for i in ids] == [CHART.title, CHART.desc]
    assert root[0].tag == f"{SVG}title" and root[0].text == CHART.title
    assert root[1].tag == f"{SVG}desc" and root[1].text == CHART.desc
    # One title and one description: pygal's own (its tooltips' coordinates) are gone.
    assert len(root.findall(f".//{SVG}title")) == 1
    assert len(root.findall(f".//{SVG}desc")) == 1


def test_labels_and_numbers_are_text_as_vietnamese_write_them() -> None:
    shown = texts(parsed(render(CHART)))
    for label in (*CHART.categories, "Năm 2025", "Năm 2024", CHART.title):
        assert label in shown, label
    for value in ("71", "1.725", "168", "64", "1.690"):
        assert value in shown, value


@pytest.mark.parametrize(
    "chart",
    [
        CHART,
        Chart("bieu-do-rong", "Trống", "Không có số.", ("A",), (Series("Năm 2025", (0,)),)),
        Chart(
            "bieu-do-ten-la",
            'Tên có "ngoặc" và <script>alert(1)</script>',
            "onload=alert(1) javascript:alert(1)",
            ('<img src="http://x/y.png" onerror="alert(1)">',),
            (Series("url(http://x/font.woff)", (3,)),),
        ),
    ],
)
def test_the_svg_is_safe_to_publish(chart: Chart) -> None:
    """No script, no event handler, nothing fetched from elsewhere, whatever the labels say."""
    svg = render(chart)
    root = parsed(svg)
    for node in root.iter(etree.Element):
        name = etree.QName(node).localname
        assert name not in ("script", "foreignObject", "iframe", "image", "use", "a"), name
        for attribute, value in node.attrib.items():
            local = etree.QName(attribute).localname
            assert not local.lower().startswith("on"), (name, local)
            assert local != "href" or value.startswith("#"), (name, value)
    for style in root.iter(f"{SVG}style"):
        assert not re.search(r"@import|url\((?!#)", style.text or ""), style.text
    assert root.iter(etree.Comment) is not None and not list(root.iter(etree.Comment))
    # Labels come out as text, never as markup.
    assert "<script" not in svg and "<img" not in svg


def test_the_same_chart_gives_the_same_bytes() -> None:
    """pygal draws a random id; the page must not change between two builds."""
    first, second = render(CHART), render(CHART)
    assert first == second
    assert 'id="chart-bieu-do-mau-10-ca-nhan"' in first


def test_two_charts_on_one_page_keep_their_own_styles() -> None:
    other = Chart("bieu-do-khac", "Khác", "Khác.", ("A",), (Series("Năm 2025", (1,)),))
    style = parsed(render(other)).find(f".//{SVG}style").text
    assert "#chart-bieu-do-khac" in style and "#chart-bieu-do-mau-10" not in style


@pytest.mark.parametrize(
    ("svg", "found"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"),
        ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "svg@onload"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            '<image xlink:href="https://example.org/a.png"/></svg>',
            "image@href=https://example.org/a.png",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(x.css);</style></svg>',
            "<style> with an external reference",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(http://x/p)"/></svg>',
            "rect@style",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
            "<foreignObject>",
        ),
    ],
)
def test_problems_names_what_is_unsafe(svg: str, found: str) -> None:
    assert found in problems(etree.fromstring(svg))


def test_problems_accepts_references_inside_the_document() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs>'
        '<rect style="fill:url(#g)"/><use href="#g"/></svg>'
    )
    assert problems(etree.fromstring(svg)) == []
