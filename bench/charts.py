"""The board page's chart library, measured: pygal (what ``baocao.awards.charts`` uses)
against Vega-Lite specifications rendered by vl-convert-python, on the same chart.

Usage::

    pip install --target /tmp/vlc vl-convert-python   # not a dependency of baocao
    python bench/charts.py --vl-convert /tmp/vlc [--charts 20] [--rounds 5]

Each round, interleaved A B A B, draws ``--charts`` times the same horizontal bar chart
(five kinds of award, this year and last, Vietnamese labels) with each library, in this
process after a first chart (which includes pygal's import, or vl-convert's engine
start, and is reported apart). It prints the time per chart (min and spread over the
rounds), the SVG's size, and what the SVG holds: ``<text>`` elements, ``<script>``
elements, references outside the document, and the texts that are not the chart's own
(English ARIA labels).
"""

import sys
from pathlib import Path

# bench/html.py would hide the standard library's ``html`` were bench/ on the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

from lxml import etree  # noqa: E402

started = time.perf_counter()
from baocao.awards.charts import Chart, Series, problems, render  # noqa: E402

IMPORT_PYGAL = time.perf_counter() - started  # baocao.awards.charts with pygal

KINDS = (
    "Bằng khen của Chủ tịch UBND tỉnh",
    "Giấy khen",
    "Tập thể lao động xuất sắc",
    "Chiến sĩ thi đua cơ sở",
    "Lao động tiên tiến",
)
NOW, BEFORE = (4, 18, 12, 30, 210), (3, 20, 10, 28, 190)
CHART = Chart(
    "bieu-do-do-toc-do",
    "Khen thưởng theo thẩm quyền",
    "Số cá nhân được khen theo hình thức, năm 2025 so với năm 2024.",
    KINDS,
    (Series("Năm 2025", NOW), Series("Năm 2024", BEFORE)),
)


def pygal_chart() -> str:
    return render(CHART)


def vega_spec() -> dict:
    values = [
        {"kind": kind, "year": year, "count": count}
        for kind, now, before in zip(KINDS, NOW, BEFORE, strict=True)
        for year, count in (("Năm 2025", now), ("Năm 2024", before))
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": CHART.title,
        "description": CHART.desc,
        "width": 480,
        "data": {"values": values},
        "mark": "bar",
        "encoding": {
            "y": {"field": "kind", "type": "nominal", "title": None, "sort": list(KINDS)},
            "yOffset": {"field": "year"},
            "x": {"field": "count", "type": "quantitative", "title": None},
            "color": {"field": "year", "title": None},
        },
    }


def per_chart(draw: Callable[[], str], charts: int) -> float:
    start = time.perf_counter()
    for _ in range(charts):
        draw()
    return (time.perf_counter() - start) / charts


def holds(svg: str, own: set[str]) -> str:
    root = etree.fromstring(svg.encode("utf-8"))
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    labels = [a for e in root.iter(etree.Element) for k, a in e.attrib.items() if k == "aria-label"]
    foreign = sorted({label for label in labels if label not in own})[:2]
    return (
        f"{len(svg):,} bytes, {len(texts)} <text>, "
        f"{len(root.findall('.//{http://www.w3.org/2000/svg}script'))} <script>, "
        f"unsafe: {problems(root) or 'none'}, "
        f"other aria-labels: {len(labels) - sum(label in own for label in labels)} "
        f"(e.g. {'; '.join(foreign) or '–'})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vl-convert", type=Path, required=True, help="where it is installed")
    parser.add_argument("--charts", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    first_pygal = pygal_chart()
    pygal_first = IMPORT_PYGAL + time.perf_counter() - start
    sys.path.insert(0, str(args.vl_convert))
    import vl_convert

    start = time.perf_counter()
    first_vega = vl_convert.vegalite_to_svg(vega_spec())
    vega_first = time.perf_counter() - start
    pygal_times, vega_times = [], []
    for _ in range(args.rounds):
        pygal_times.append(per_chart(pygal_chart, args.charts))
        vega_times.append(per_chart(lambda: vl_convert.vegalite_to_svg(vega_spec()), args.charts))
    own = {CHART.title, CHART.desc, *KINDS}
    version = getattr(vl_convert, "__version__", "?")
    print(f"Command: python bench/charts.py {' '.join(sys.argv[1:])}\n")
    print("| library | first chart (s) | per chart, min (spread) (ms) | the SVG |")
    print("| --- | ---: | ---: | --- |")
    for name, first, times, svg in (
        ("pygal (charts.py)", pygal_first, pygal_times, first_pygal),
        (f"vl-convert-python {version}", vega_first, vega_times, first_vega),
    ):
        spread = (max(times) - min(times)) * 1000
        print(
            f"| {name} | {first:.2f} | {min(times) * 1000:.1f} ({spread:.1f}) | {holds(svg, own)} |"
        )
    fonts_pygal = sorted(set(re.findall(r"font-family:[^;}]+", first_pygal)))
    fonts_vega = sorted(set(re.findall(r'font-family="[^"]+"', first_vega)))
    print(f"\nfonts: pygal {fonts_pygal[:1]}, vl-convert {fonts_vega[:1]}")


if __name__ == "__main__":
    main()
