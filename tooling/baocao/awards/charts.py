"""The board page's charts: bar charts drawn at build time as SVG with pygal.

A chart is data (``Chart``: categories and series of whole numbers); ``render`` draws it
with pygal and finishes pygal's element tree (lxml) so the SVG is safe to publish and
readable by everyone: pygal's inline ``<script>`` and comments removed, a stable id
(pygal draws a random one) so the page's bytes do not change between builds, ``role="img"``
with ``<title>`` and ``<desc>`` named by ``aria-labelledby``, the text kept as text.
``problems`` says what in an SVG would be unsafe to publish (script, event handlers,
references outside the document); ``render`` refuses to return such an SVG.
Why pygal rather than Vega-Lite with vl-convert-python: docs/architecture.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pygal
from lxml import etree
from pygal.style import Style

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
FONT = "'Noto Sans', 'Segoe UI', Arial, 'Liberation Sans', sans-serif"
COLOURS = ("#1f5f99", "#c8702a", "#4d8f4a", "#8a4f9e", "#a33b3b")
WIDTH = 760
ROW_HEIGHT = 34
# What a published SVG may not hold: url(...) or @import in its style sheet pointing
# anywhere but a fragment of the document itself.
EXTERNAL_CSS = re.compile(r"@import|url\(\s*['\"]?(?!#)", re.IGNORECASE)


@dataclass(frozen=True)
class Series:
    """One set of bars: "Năm 2025" with one number per category."""

    name: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart: one group of bars per category, one bar per series."""

    id: str  # a stable HTML id, "bieu-do-mau-10"
    title: str
    desc: str  # the chart said in words, for screen readers
    categories: tuple[str, ...]
    series: tuple[Series, ...]


def render(chart: Chart) -> str:
    """The chart as an SVG element (text), ready to be put inline in an HTML page."""
    # Read back what pygal wrote: its own tree holds elements without their namespace.
    root = etree.fromstring(_draw(chart).render())
    _finish(root, chart)
    found = problems(root)
    if found:  # pygal changed: never publish what it now draws
        raise ValueError(f"unsafe SVG for {chart.id}: {'; '.join(found)}")
    return etree.tostring(root, encoding="unicode")


def _draw(chart: Chart) -> pygal.HorizontalBar:
    style = Style(
        font_family=FONT,
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#1a1a1a",
        foreground_strong="#1a1a1a",
        foreground_subtle="#6b6b6b",
        colors=COLOURS,
        title_font_size=16,
        label_font_size=12,
        major_label_font_size=12,
        legend_font_size=13,
        value_font_size=11,
    )
    bars = max(1, len(chart.categories) * max(1, len(chart.series)))
    drawing = pygal.HorizontalBar(
        style=style,
        js=[],
        disable_xml_declaration=True,
        width=WIDTH,
        height=120 + ROW_HEIGHT * bars,
        title=chart.title,
        legend_at_bottom=True,
        print_values=True,
        print_values_position="top",
        truncate_label=-1,
        show_y_guides=True,
        min_scale=2,
        value_formatter=_number,
        margin=12,
    )
    drawing.uuid = chart.id  # pygal's own is random: the page would change on every build
    # pygal draws the first category at the bottom: give them in reverse to read top down.
    drawing.x_labels = list(reversed(chart.categories))
    for series in chart.series:
        drawing.add(series.name, list(reversed(series.values)))
    return drawing


def _number(value: float) -> str:
    """1234 as Vietnamese write it: "1.234"."""
    return f"{round(value):,}".replace(",", ".")


def _finish(root: etree._Element, chart: Chart) -> None:
    # pygal's script, comments, titles and tooltip texts (indexes and coordinates for its
    # script): a screen reader would read them out.
    names = ("script", "desc", "title")
    for node in list(root.iter(etree.Comment, *(f"{{{SVG_NS}}}{name}" for name in names))):
        node.getparent().remove(node)
    title = etree.Element(f"{{{SVG_NS}}}title", id=f"{chart.id}-tieu-de")
    title.text = chart.title
    desc = etree.Element(f"{{{SVG_NS}}}desc", id=f"{chart.id}-mo-ta")
    desc.text = chart.desc
    root.insert(0, desc)
    root.insert(0, title)
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart.id}-tieu-de {chart.id}-mo-ta")
    root.set("width", "100%")
    root.set("preserveAspectRatio", "xMinYMin meet")


def problems(root: etree._Element) -> list[str]:
    """What makes an SVG unsafe to publish: scripts, foreign objects, event handlers,
    and references to anything outside the document (links, images, fonts, style sheets)."""
    found = []
    for node in root.iter(etree.Element):
        name = etree.QName(node).localname
        if name in ("script", "foreignObject", "iframe", "embed", "object"):
            found.append(f"<{name}>")
        for attribute, value in node.attrib.items():
            local = etree.QName(attribute).localname
            if local.lower().startswith("on"):
                found.append(f"{name}@{local}")
            if local == "href" and not value.startswith("#"):
                found.append(f"{name}@href={value}")
            if local == "style" and EXTERNAL_CSS.search(value):
                found.append(f"{name}@style")
        if name == "style" and EXTERNAL_CSS.search(node.text or ""):
            found.append("<style> with an external reference")
    return found
