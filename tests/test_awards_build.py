"""The commendation tables in the built site and Word files, read back and checked against
the data files.

One project: the three examples (``{bang-khen-thuong}`` in their 2.4 a), one of them
with last year's data in the archive), a unit without a data file and a unit whose
data has an error. The HTML is parsed with BeautifulSoup and the .docx read with
python-docx; every expected number is summed here from the YAML with
``yaml.safe_load``, never by the code under test.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from test_docx_support import run_cli
from test_html_site import build

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("cong-ty-cap-nuoc-binh-minh", "so-noi-vu", "truong-thpt-le-quy-don")
NO_DATA, BAD_DATA = "don-vi-chua-co-so-lieu", "don-vi-so-lieu-loi"
ARCHIVED = "so-noi-vu"
LAST_YEAR = "nam: 2024\nmau-10:\n  giay-khen: {tap-the: 15, ca-nhan: 85, truc-tiep: 52}\n"
BAD_LINE = "  giay-khen: {tap-the: 3, ca-nhan: mười bốn, truc-tiep: 12}"
NBSP = "\u00a0"
TABLE_CLASS = "baocao-awards-table"
HEADER = qn("w:tblHeader")


@dataclass
class Built:
    root: Path
    html_output: str
    docx_output: str

    def page(self, unit: str) -> BeautifulSoup:
        path = self.root / "_build" / "html" / "reports" / unit / "index.html"
        return BeautifulSoup(path.read_text("utf-8"), "lxml")

    def document(self, unit: str, draft: bool = False):
        name = f"{unit}-du-thao.docx" if draft else f"{unit}.docx"
        return docx.Document(str(self.root / "_build" / "docx" / name))


def make_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, target / name)
    for folder in ("_templates", "reports"):
        shutil.copytree(ROOT / folder, target / folder)
    archived = target / "archive" / "2024" / ARCHIVED
    shutil.copytree(ROOT / "reports" / ARCHIVED, archived)  # a whole unit, as nam-moi keeps it
    index = (ROOT / "reports" / ARCHIVED / "index.md").read_text("utf-8")
    (archived / "index.md").write_text(index.replace("nam: 2025", "nam: 2024", 1), "utf-8")
    (archived / "khen-thuong.yaml").write_text(LAST_YEAR, "utf-8")
    school = ROOT / "reports" / "truong-thpt-le-quy-don"
    shutil.copytree(school, target / "reports" / NO_DATA)
    (target / "reports" / NO_DATA / "khen-thuong.yaml").unlink()
    shutil.copytree(school, target / "reports" / BAD_DATA)
    data = target / "reports" / BAD_DATA / "khen-thuong.yaml"
    lines = data.read_text("utf-8").splitlines()
    lines[bad_line(lines) - 1] = BAD_LINE
    data.write_text("\n".join(lines) + "\n", "utf-8")
    return target


def bad_line(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines, 1) if line.startswith("  giay-khen:"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = make_project(tmp_path_factory.mktemp("awards") / "project")
    _, out, err = build(root)
    result = run_cli(root, "build", "docx")
    return Built(root, out + err, result.stdout + result.stderr)


def data(unit: str) -> dict:
    return yaml.safe_load((ROOT / "reports" / unit / "khen-thuong.yaml").read_text("utf-8"))


def column_sums(table: dict) -> dict[str, int]:
    sums: dict[str, int] = {}
    for counts in table.values():
        for column, value in counts.items():
            sums[column] = sums.get(column, 0) + value
    return sums


def number(text: str) -> int:
    return int(text.replace(".", "").replace("+", ""))


def percent(part: int, total: int) -> str:
    """Half up to one decimal, with a decimal comma, computed in integers."""
    tenths = (2000 * part + total) // (2 * total)
    return f"{tenths // 10},{tenths % 10}{NBSP}%"


# --- what the site shows


def html_tables(page: BeautifulSoup) -> dict[str, Tag]:
    """The commendation tables by id (mau-10, mau-11, danh-sach), from their classes."""
    found = {}
    for table in page.select("table.baocao-awards-table"):
        ids = [c for c in table["class"] if c.startswith("baocao-awards-") and c != TABLE_CLASS]
        found[ids[0].removeprefix("baocao-awards-")] = table
    return found


def grid(table: Tag) -> tuple[list[str], list[list[str]]]:
    """The columns' names (a breakdown under its total) and the body's texts."""
    head = table.select("thead tr")
    names: list[str] = []
    below = [th.get_text(" ", strip=True) for th in head[1].select("th")] if len(head) > 1 else []
    for th in head[0].select("th")[1:]:
        label = th.get_text(" ", strip=True)
        span = int(th.get("colspan", 1))
        if span == 1:
            names.append(label)
        else:
            names.extend(f"{label} / {below.pop(0)}" for _ in range(span))
    body = [
        [td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")
    ]
    return names, body


def column_names() -> dict[str, tuple[str, ...]]:
    """How the header names each column: a total alone or over "Tổng số", a breakdown
    under its total; the labels read from the form's schema file."""
    path = ROOT / "_templates" / "forms" / "mau-02" / "khen-thuong.yaml"
    columns = yaml.safe_load(path.read_text("utf-8"))["columns"]
    labels = {c["id"]: " ".join(c["label"].split()) for c in columns}
    names = {}
    for column in columns:
        if column.get("part_of"):
            names[column["id"]] = (f"{labels[column['part_of']]} / {labels[column['id']]}",)
        else:
            names[column["id"]] = (labels[column["id"]], f"{labels[column['id']]} / Tổng số")
    return names


COLUMN_NAMES = column_names()


def index_of(names: list[str], column: str) -> int:
    return next(i for i, name in enumerate(names) if name in COLUMN_NAMES[column])


@pytest.mark.parametrize("unit", EXAMPLES)
def test_the_site_shows_each_table_with_totals_summed_from_the_data(
    built: Built, unit: str
) -> None:
    tables = html_tables(built.page(unit))
    raw = data(unit)
    for table_id in ("mau-10", "mau-11"):
        names, body = grid(tables[table_id])
        total = next(row for row in body if row[0] == "Tổng cộng")
        sums = column_sums(raw[table_id])
        for column, expected in sums.items():
            assert number(total[1 + index_of(names, column)]) == expected, (unit, table_id, column)
        assert len(
            [
                row
                for row in body
                if row[0] not in ("Tổng cộng",) and not row[0].startswith(("Tổng cộng năm", "Tăng"))
            ]
        ) == len(raw[table_id])
        if "truc-tiep" in sums:
            share = index_of(names, "truc-tiep") + 1
            assert names[share] == "Cá nhân / Tỷ lệ người trực tiếp"
            assert total[1 + share] == percent(sums["truc-tiep"], sums["ca-nhan"])
        if "tap-the-nho" in sums:
            share = index_of(names, "tap-the-nho") + 1
            assert total[1 + share] == percent(sums["tap-the-nho"], sums["tap-the"])


def test_the_site_builds_the_tables_without_a_warning(built: Built) -> None:
    assert "WARNING" not in built.html_output, built.html_output
    assert "0 không tải được, 0 cảnh báo" in built.html_output


def test_the_numbers_are_right_aligned_and_the_typed_tables_are_gone(built: Built) -> None:
    page = built.page("so-noi-vu")
    table = html_tables(page)["mau-10"]
    for tr in table.select("tbody tr"):
        label, *numbers = tr.select("td")
        assert "text-right" not in (label.get("class") or [])
        assert all("text-right" in td["class"] for td in numbers)
    assert "Đề nghị Bằng khen của Chủ tịch UBND tỉnh" not in page.get_text()


def test_the_list_of_names_is_the_data_files(built: Built) -> None:
    _, body = grid(html_tables(built.page("so-noi-vu"))["danh-sach"])
    expected = [entry["ten"] for entry in data("so-noi-vu")["danh-sach-de-nghi"]]
    assert [row[1] for row in body] == expected
    assert [row[0] for row in body] == [str(i) for i in range(1, len(expected) + 1)]


def test_last_years_totals_and_the_change_come_from_the_archive(built: Built) -> None:
    names, body = grid(html_tables(built.page(ARCHIVED))["mau-10"])
    before = next(row for row in body if row[0] == "Tổng cộng năm 2024")
    change = next(row for row in body if row[0] == "Tăng (+), giảm (-) so với năm 2024")
    sums = column_sums(data(ARCHIVED)["mau-10"])
    people, direct = index_of(names, "ca-nhan"), index_of(names, "truc-tiep")
    assert number(before[1 + people]) == 85 and number(before[1 + direct]) == 52
    assert number(change[1 + people]) == sums["ca-nhan"] - 85
    assert number(change[1 + direct]) == sums["truc-tiep"] - 52
    assert before[1 + direct + 1] == percent(52, 85)


def test_a_unit_without_data_shows_a_note_in_place(built: Built) -> None:
    page = built.page(NO_DATA)
    assert not page.select("table.baocao-awards-table")
    note = page.select_one(".baocao-awards-note")
    assert note is not None
    assert f"reports/{NO_DATA}/khen-thuong.yaml" in note.get_text()
    heading = note.find_previous(["h4", "h5", "h6"])
    assert heading.get_text().startswith("a) Công tác khen thưởng theo thẩm quyền")


def test_a_unit_with_errors_in_its_data_shows_the_lines_not_a_table(built: Built) -> None:
    page = built.page(BAD_DATA)
    assert not page.select("table.baocao-awards-table")
    note = page.select_one(".baocao-awards-note")
    assert note is not None
    lines = (ROOT / "reports" / "truong-thpt-le-quy-don" / "khen-thuong.yaml").read_text("utf-8")
    line = bad_line(lines.splitlines())
    assert any(li.get_text().startswith(f"dòng {line}:") for li in note.select("li"))


# --- what the Word file shows


def word_tables(document) -> list:
    """The commendation tables: body tables whose first header cell names the kind."""
    return [
        t
        for t in document.tables
        if t.rows and t.rows[0].cells[0].text in ("Hình thức khen thưởng", "TT")
    ]


@pytest.mark.parametrize("unit", EXAMPLES)
def test_the_word_file_holds_the_same_numbers_as_real_tables(built: Built, unit: str) -> None:
    document = built.document(unit)
    raw = data(unit)
    count_tables = [t for t in word_tables(document) if t.rows[0].cells[0].text != "TT"]
    assert len(count_tables) == 2
    for table, table_id in zip(count_tables, ("mau-10", "mau-11"), strict=True):
        names = word_names(table)
        total = next(r for r in table.rows if r.cells[0].text == "Tổng cộng")
        cells = [c.text for c in total.cells[1:]]
        sums = column_sums(raw[table_id])
        for column, expected in sums.items():
            assert number(cells[index_of(names, column)]) == expected, (unit, table_id, column)
        for part, whole in (("truc-tiep", "ca-nhan"), ("tap-the-nho", "tap-the")):
            if part in sums:
                assert cells[index_of(names, part) + 1] == percent(sums[part], sums[whole])
        header = [
            r
            for r in table.rows
            if r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None
        ]
        assert header and all(
            run.bold for r in header for c in r.cells for p in c.paragraphs for run in p.runs
        )
        for row in table.rows[len(header) :]:
            for cell in row.cells[1:]:
                if cell.text:
                    assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def word_names(table) -> list[str]:
    """The name of each number column of a Word table, as ``grid`` names the site's: a
    cell merged across columns repeats in each (python-docx), one merged down repeats
    below."""
    heads = [
        r for r in table.rows if r._tr.trPr is not None and r._tr.trPr.find(HEADER) is not None
    ]
    top = [c.text for c in heads[0].cells]
    below = [c.text for c in heads[-1].cells]
    return [
        first if first == second else f"{first} / {second}"
        for first, second in zip(top[1:], below[1:], strict=True)
    ]


def section_of(document, element) -> int:
    index = 0
    for child in document.element.body:
        if child is element:
            return index
        if child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            index += 1
    raise AssertionError("not in the body")


def test_a_wide_table_is_on_a_landscape_page_in_the_word_file(built: Built) -> None:
    document = built.document("cong-ty-cap-nuoc-binh-minh")
    sections = list(document.sections)
    for table in word_tables(document):
        columns = len(table.columns)
        section = sections[section_of(document, table._tbl)]
        expected = WD_ORIENT.LANDSCAPE if columns > 6 else WD_ORIENT.PORTRAIT
        assert section.orientation == expected, columns
    assert any(s.orientation == WD_ORIENT.LANDSCAPE for s in sections)
    assert sections[-1].orientation == WD_ORIENT.PORTRAIT  # the signature's page


def test_units_without_usable_data_still_get_their_word_file_with_the_note(built: Built) -> None:
    for unit in (NO_DATA, BAD_DATA):
        files = list((built.root / "_build" / "docx").glob(f"{unit}*.docx"))
        assert files, built.docx_output
        document = docx.Document(str(files[0]))
        text = "\n".join(p.text for p in document.paragraphs)
        assert f"reports/{unit}/khen-thuong.yaml" in text
        assert not word_tables(document)


def test_a_change_of_the_data_file_alone_rebuilds_the_table(tmp_path: Path) -> None:
    """The page depends on khen-thuong.yaml: an incremental build shows the new number,
    and the new total computed from it."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "_templates", root / "_templates")
    shutil.copytree(ROOT / "reports" / ARCHIVED, root / "reports" / ARCHIVED)
    shutil.copy(ROOT / "reports" / "units.yaml", root / "reports" / "units.yaml")
    build(root)
    data = root / "reports" / ARCHIVED / "khen-thuong.yaml"
    text = data.read_text("utf-8")
    assert "{tap-the: 11}" in text
    data.write_text(text.replace("{tap-the: 11}", "{tap-the: 12}"), "utf-8")
    build(root)
    page = BeautifulSoup(
        (root / "_build" / "html" / "reports" / ARCHIVED / "index.html").read_text("utf-8"), "lxml"
    )
    names, body = grid(html_tables(page)["mau-10"])
    rows = {row[0]: row[1:] for row in body}
    sums = column_sums(yaml.safe_load(data.read_text("utf-8"))["mau-10"])
    column = index_of(names, "tap-the")
    assert number(rows["Tập thể lao động tiên tiến"][column]) == 12
    assert number(rows["Tổng cộng"][column]) == sums["tap-the"]


def test_the_units_lint_says_why_the_table_is_not_shown(built: Built) -> None:
    result = run_cli(built.root, "lint", "--format", "json", NO_DATA, BAD_DATA)
    units = {u["unit"]: u["diagnostics"] for u in json.loads(result.stdout)["units"]}
    missing = [d for d in units[NO_DATA] if d["code"] == "BC601"]
    assert missing and missing[0]["severity"] == "warning"
    data_file = f"reports/{BAD_DATA}/khen-thuong.yaml"
    lines = (built.root / data_file).read_text("utf-8").splitlines()
    errors = [d for d in units[BAD_DATA] if d["file"] == data_file and d["severity"] == "error"]
    assert [d["line"] for d in errors] == [bad_line(lines)]
