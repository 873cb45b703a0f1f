"""The board's page on the site (khen-thuong.html), built from the example units, last
year's archive of one unit, a unit whose data is of another year and a unit without
data. The numbers are read back from the HTML and compared with sums computed here in
plain Python over the YAML files (yaml.safe_load), not through the loader or roll-up."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from lxml import etree
from test_html_site import ROOT, build

EXAMPLES = ("so-noi-vu", "truong-thpt-le-quy-don", "cong-ty-cap-nuoc-binh-minh")
ARCHIVED = "so-noi-vu"
OTHER_YEAR, NO_DATA, BAD_DATA = "xa-binh-an", "xa-hoa-loi", "xa-phu-my"
UNREAD = "xa-tan-hoa"  # its index.md is not UTF-8: its data cannot be checked
EXTRA_UNITS = f"""  - slug: {UNREAD}
    name: UBND xã Tân Hòa
    kind: xa-phuong
  - slug: {BAD_DATA}
    name: UBND xã Phú Mỹ
    kind: xa-phuong
  - slug: {OTHER_YEAR}
    name: UBND xã Bình An
    kind: xa-phuong
  - slug: {NO_DATA}
    name: UBND xã Hòa Lợi
    kind: xa-phuong
"""
# A breakdown larger than its total: the linter's error, so the unit is never summed.
BAD_ROW = (
    "giay-khen: {tap-the: 3, ca-nhan: 14, truc-tiep: 12}",
    "giay-khen: {tap-the: 3, ca-nhan: 14, truc-tiep: 40}",
)
ARCHIVE_DATA = """nam: 2024
mau-10:
  giay-khen: {tap-the: 10, ca-nhan: 50, truc-tiep: 20}
  lao-dong-tien-tien: {ca-nhan: 300}
mau-11:
  bang-khen-ubnd-tinh: {tap-the: 2, ca-nhan: 3}
"""


def make_board_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, target / name)
    for folder in ("_templates", "reports"):
        shutil.copytree(ROOT / folder, target / folder)
    reports = target / "reports"
    copies = ((OTHER_YEAR, "so-noi-vu"), (NO_DATA, "truong-thpt-le-quy-don"))
    for slug, source in (*copies, (BAD_DATA, "truong-thpt-le-quy-don")):
        shutil.copytree(ROOT / "reports" / source, reports / slug)
    shutil.copytree(ROOT / "reports" / "truong-thpt-le-quy-don", reports / UNREAD)
    index = reports / UNREAD / "index.md"
    index.write_bytes(index.read_text("utf-8").encode("cp1258", errors="replace"))
    data = reports / BAD_DATA / "khen-thuong.yaml"
    text = data.read_text("utf-8").replace(BAD_ROW[0], BAD_ROW[1])
    assert BAD_ROW[1] in text
    data.write_text(text, "utf-8")
    data = reports / OTHER_YEAR / "khen-thuong.yaml"
    data.write_text(data.read_text("utf-8").replace("nam: 2025", "nam: 2024"), "utf-8")
    (reports / NO_DATA / "khen-thuong.yaml").unlink()
    with (reports / "units.yaml").open("a", encoding="utf-8") as units:
        units.write(EXTRA_UNITS)
    # Last year's report of one unit, as `baocao nam-moi` keeps it: the whole unit.
    archived = target / "archive" / "2024" / ARCHIVED
    shutil.copytree(ROOT / "reports" / ARCHIVED, archived)
    index = archived / "index.md"
    index.write_text(index.read_text("utf-8").replace("nam: 2025", "nam: 2024", 1), "utf-8")
    (archived / "khen-thuong.yaml").write_text(ARCHIVE_DATA, "utf-8")
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_board_project(tmp_path_factory.mktemp("board") / "project")
    code, out, err = build(root, "-j", "1")
    assert code == 1 and f"Đơn vị {UNREAD} không tải được" in out + err, (
        out + err
    )  # one broken unit
    return root


def page(root: Path, name: str = "khen-thuong.html") -> BeautifulSoup:
    return BeautifulSoup((root / "_build/html" / name).read_text("utf-8"), "lxml")


def schema() -> dict:
    return yaml.safe_load((ROOT / "_templates/forms/mau-02/khen-thuong.yaml").read_text("utf-8"))


def unit_data(root: Path, slugs: tuple[str, ...]) -> list[dict]:
    return [
        yaml.safe_load((root / "reports" / s / "khen-thuong.yaml").read_text("utf-8"))
        for s in slugs
    ]


def plain_sum(datas: list[dict], table: str, kinds: list[str], column: str) -> int:
    return sum((d.get(table) or {}).get(k, {}).get(column, 0) for d in datas for k in kinds)


def as_int(cell: str) -> int:
    return int(cell.replace(".", "").replace("−", "-"))


def table_rows(table: Tag) -> dict[str, list[str]]:
    return {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
        for tr in table.select("tbody tr, tfoot tr")
    }


def section_tables(soup: BeautifulSoup, section: str) -> list[Tag]:
    return soup.select(f"section#{section} table")


def shown_columns(spec: dict) -> list[str]:
    columns = spec["columns"]
    ordered = []
    for column in (c for c in columns if not c.get("part_of")):
        ordered.append(column["id"])
        ordered += [c["id"] for c in columns if c.get("part_of") == column["id"]]
    return ordered


def test_the_dashboard_links_the_board_page(site: Path) -> None:
    link = page(site, "index.html").select_one("p.baocao-dash-board a")
    assert link is not None and link["href"] == "khen-thuong.html"
    assert link.get_text() == "Tổng hợp số liệu khen thưởng (bảng và biểu đồ)"


def test_each_table_equals_the_sums_of_the_examples_data(site: Path) -> None:
    soup, form = page(site), schema()
    datas = unit_data(site, EXAMPLES)
    columns = shown_columns(form)
    labels = {k["id"]: k["label"] for k in form["kinds"]}
    assert (
        soup.select_one("main h1").get_text(strip=True) == "Tổng hợp số liệu khen thưởng năm 2025"
    )
    for spec in form["tables"]:
        shown = table_rows(section_tables(soup, f"bang-{spec['id']}")[0])
        for kind in spec["kinds"]:
            expected = [plain_sum(datas, spec["id"], [kind], c) for c in columns]
            assert [as_int(c) for c in shown[labels[kind]]] == expected, kind
        total = [plain_sum(datas, spec["id"], spec["kinds"], c) for c in columns]
        assert [as_int(c) for c in shown["Tổng cộng"]] == total
        assert any(total), spec["id"]  # the examples do carry numbers


def test_last_year_is_the_archived_units_as_the_roll_up_gives_it(site: Path) -> None:
    """This year: every unit summed; last year: the summed units with archived data
    (``Rollup.previous``), and the page says how many those are."""
    soup, form = page(site), schema()
    now = unit_data(site, EXAMPLES)
    before = [yaml.safe_load(ARCHIVE_DATA)]
    totals = [c["id"] for c in form["columns"] if not c.get("part_of")]
    for spec in form["tables"]:
        compare = table_rows(section_tables(soup, f"bang-{spec['id']}")[1])
        cells = [as_int(c) for c in compare["Tổng cộng"]]
        for i, column in enumerate(totals):
            this = plain_sum(now, spec["id"], spec["kinds"], column)
            last = plain_sum(before, spec["id"], spec["kinds"], column)
            assert cells[3 * i : 3 * i + 3] == [this, last, this - last], (spec["id"], column)
    note = soup.select_one("section#bang-mau-10 .baocao-board-note").get_text()
    assert "1/3 đơn vị" in note


def test_by_kind_of_unit_and_shares(site: Path) -> None:
    soup = page(site)
    rows = table_rows(section_tables(soup, "theo-loai-don-vi")[0])
    assert set(rows) == {"Sở, ban, ngành", "Trường học", "Doanh nghiệp"}
    school = unit_data(site, ("truong-thpt-le-quy-don",))
    cells = rows["Trường học"]
    assert cells[0] == "1"
    assert as_int(cells[1]) == plain_sum(
        school, "mau-10", schema()["tables"][0]["kinds"], "tap-the"
    )
    shares = table_rows(section_tables(soup, "ti-le")[0])
    labels = {c["id"]: c["label"] for c in schema()["columns"]}
    label = f"{labels['truc-tiep']} trong tổng số {labels['ca-nhan'].lower()} (Mẫu số 10)"
    datas = unit_data(site, EXAMPLES)
    kinds = schema()["tables"][0]["kinds"]
    part = plain_sum(datas, "mau-10", kinds, "truc-tiep")
    whole = plain_sum(datas, "mau-10", kinds, "ca-nhan")
    assert re.fullmatch(r"[\d,]+ % \((.+)/(.+)\)", shares[label][0])
    numbers = re.search(r"\((.+)/(.+)\)", shares[label][0]).groups()
    assert [as_int(n) for n in numbers] == [part, whole]
    expected = f"{part / whole * 100:.1f}".replace(".", ",")
    assert shares[label][0].startswith(f"{expected} %")


def test_units_left_out_are_listed_apart_with_a_link_and_why(site: Path) -> None:
    soup = page(site)
    left_out = soup.select_one("section#don-vi-co-loi")
    item = left_out.select_one(f'li[data-slug="{OTHER_YEAR}"]')
    assert item.a["href"] == f"reports/{OTHER_YEAR}/index.html"
    assert item.a.get_text() == "UBND xã Bình An"
    # The data's year differs from the report's: the linter's error, with its line.
    assert f"reports/{OTHER_YEAR}/khen-thuong.yaml:4: Số liệu khen thưởng ghi năm 2024" in (
        item.get_text()
    )
    missing = soup.select_one("section#don-vi-chua-co-so-lieu")
    assert missing.select_one(f'li[data-slug="{NO_DATA}"] a').get_text() == "UBND xã Hòa Lợi"
    bad = left_out.select_one(f'li[data-slug="{BAD_DATA}"]')
    assert bad.a["href"] == f"reports/{BAD_DATA}/index.html"
    reasons = [li.get_text() for li in bad.select(".baocao-board-reasons li")]
    assert reasons[0].startswith("Số liệu khen thưởng có 1 lỗi")
    lines = (site / f"reports/{BAD_DATA}/khen-thuong.yaml").read_text("utf-8").splitlines()
    line = 1 + next(i for i, text in enumerate(lines) if BAD_ROW[1] in text)
    assert reasons[1].startswith(f"reports/{BAD_DATA}/khen-thuong.yaml:{line}: ")
    summary = soup.select_one("#baocao-board-summary").get_text()
    unread = left_out.select_one(f'li[data-slug="{UNREAD}"]')
    assert f"reports/{UNREAD}/index.md" in unread.get_text()  # why its data is unchecked
    assert summary == (
        "Đã cộng số liệu của 3 đơn vị; 3 đơn vị có lỗi trong số liệu, không được cộng; "
        "1 đơn vị chưa có số liệu."
    )


def test_charts_are_inline_svg_with_text_alternatives_and_nothing_unsafe(site: Path) -> None:
    html = (site / "_build/html/khen-thuong.html").read_text("utf-8")
    soup = page(site)
    figures = soup.select("main figure.baocao-chart")
    assert len(figures) >= 4
    for figure in figures:
        svg = etree.fromstring(str(figure.svg).encode("utf-8"), etree.HTMLParser())
        root = figure.svg
        ids = root["aria-labelledby"].split()
        assert root["role"] == "img" and len(ids) == 2
        assert root.find("title", id=ids[0]).get_text() and root.find("desc", id=ids[1]).get_text()
        assert svg is not None
    main = str(soup.select_one("main"))
    assert "<script" not in main and "http://" not in main.replace("http://www.w3.org/", "")
    assert "https://" not in main
    assert html.count('role="img"') == len(figures)
