"""``baocao tong-hop``: the board's working draft gathered from the units' reports.

Built once per session from the example units plus three units with faults (unsafe
HTML, an index that is not UTF-8, a data file that is not YAML), then once from
generated units. What each unit wrote under each section is read from its files
independently (exact headings, or heading order for the generated units), never
through the linter the command uses; totals are summed in plain Python.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import shutil
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from baocao.cli import main
from baocao.project import Project
from bs4 import BeautifulSoup
from docx import Document
from tong_hop_helpers import (
    by_exact_heading,
    by_order,
    counts_of,
    owners_of,
    report_sections,
    summed,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("so-noi-vu", "truong-thpt-le-quy-don", "cong-ty-cap-nuoc-binh-minh")
UNSAFE, UNREADABLE, BAD_DATA = "don-vi-loi-html", "don-vi-hong", "don-vi-loi-so-lieu"
UNSAFE_TEXT = "Đoạn văn riêng của đơn vị có HTML không được tổng hợp"
BAD_DATA_TEXT = "Đoạn văn riêng của đơn vị có số liệu lỗi vẫn được tổng hợp"
YEAR = 2025
REPORT = Path("_build/tong-hop/du-an/reports/tong-hop")
DOCX = Path("_build/tong-hop/tong-hop-du-thao.docx")
PAGE = Path("_build/tong-hop/html/reports/tong-hop/index.html")


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(root: Path, *args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return Run(code, out.getvalue(), err.getvalue())


def new_project(root: Path) -> Path:
    root.mkdir(parents=True)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "_templates", root / "_templates")
    return root


def copy_school(root: Path, slug: str, sentence: str) -> Path:
    unit = root / "reports" / slug
    shutil.copytree(ROOT / "reports" / EXAMPLES[1], unit)
    index = unit / "index.md"
    text = index.read_text("utf-8")
    head = "## I. Đặc điểm tình hình\n"
    index.write_text(text.replace(head, f"{head}\n{sentence}\n", 1), "utf-8")
    return unit


@dataclass
class Built:
    root: Path
    run: Run
    snapshot: dict[str, bytes]

    @property
    def markdown(self) -> str:
        return (self.root / REPORT / "index.md").read_text("utf-8")


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = new_project(tmp_path_factory.mktemp("tong-hop") / "project")
    shutil.copytree(ROOT / "reports", root / "reports")
    unsafe = copy_school(root, UNSAFE, UNSAFE_TEXT)
    with (unsafe / "index.md").open("a", encoding="utf-8") as handle:
        handle.write('\n<script>alert("x")</script>\n')
    bad = copy_school(root, BAD_DATA, BAD_DATA_TEXT)
    (bad / "khen-thuong.yaml").write_text("nam: 2025\nmau-10: [giay-khen\n", "utf-8")
    (root / "reports" / UNREADABLE).mkdir()
    (root / "reports" / UNREADABLE / "index.md").write_bytes(b"---\nmau: mau-02\n---\n\xff\xfe")
    before = files_of(root / "reports")
    return Built(root, run(root, "tong-hop", "-j", "1"), before)


def test_the_command_says_what_it_read_and_where_it_wrote(examples: Built) -> None:
    assert examples.run.code == 0, examples.run.err
    out = examples.run.out
    assert "Đã đọc: báo cáo của 6 đơn vị trong reports/" in out
    assert "thông tin của Ban (khóa `tong_hop`)" in out and "năm 2025" in out
    assert "4/6 đơn vị đã tổng hợp, 3 đơn vị để riêng" in out
    assert f"Trang web: {PAGE.as_posix()}" in out and f"tệp Word: {DOCX.as_posix()}" in out


def test_nothing_in_the_reports_folder_changes(examples: Built) -> None:
    assert files_of(examples.root / "reports") == examples.snapshot
    assert not (examples.root / "reports" / "tong-hop").exists()


def test_every_example_text_is_under_its_section_and_its_unit(examples: Built) -> None:
    form = Project.discover(examples.root).form()
    sections = report_sections(examples.markdown, form, YEAR)
    checked = 0
    for slug in EXAMPLES:
        files = sorted((examples.root / "reports" / slug).rglob("*.md"))
        for node_id, paragraphs in by_exact_heading(files, form, YEAR).items():
            for paragraph in paragraphs:
                assert slug in owners_of(sections.get(node_id, []), paragraph), (node_id, paragraph)
                checked += 1
    assert checked > 40


def test_the_word_file_opens_is_marked_draft_and_keeps_the_sections(examples: Built) -> None:
    document = Document(str(examples.root / DOCX))
    section = document.sections[0]
    for header in (section.first_page_header, section.header):
        assert [p.text for p in header.paragraphs if p.text == "DỰ THẢO"] == ["DỰ THẢO"]
    agencies = [p.text for p in document.tables[0].cell(0, 0).paragraphs]
    assert agencies[:2] == ["UBND TỈNH BÌNH MINH", "BAN THI ĐUA - KHEN THƯỞNG"]
    form = Project.discover(examples.root).form()
    headings = {node.heading_for(YEAR): node.id for node in form.walk()}
    where: dict[str, str | None] = {}
    current = None
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            current = headings.get(paragraph.text.strip())
        else:
            where.setdefault(" ".join(paragraph.text.split()), current)
    files = sorted((examples.root / "reports" / EXAMPLES[0]).rglob("*.md"))
    expected = by_exact_heading(files, form, YEAR)
    assert sum(len(p) for p in expected.values()) > 10
    for node_id, paragraphs in expected.items():
        for paragraph in paragraphs:
            assert where.get(" ".join(paragraph.split())) == node_id, paragraph


def test_the_page_is_a_draft_with_links_to_the_units_pages(examples: Built) -> None:
    page = examples.root / PAGE
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    banner = soup.select_one(".baocao-banner-draft")
    assert banner is not None and "DỰ THẢO" in banner.get_text()
    assert "DỰ THẢO LÀM VIỆC" in soup.get_text()
    links = {a.get_text(): a["href"] for a in soup.select("a.reference.external")}
    assert links["xem báo cáo"].endswith("/index.html")
    targets = {
        a["href"] for a in soup.select("a.reference.external") if a.get_text() == "xem báo cáo"
    }
    assert "../../../reports/so-noi-vu/index.html" in targets
    assert not soup.find("script", string=lambda s: s and "alert" in s)


def test_units_with_faults_are_listed_apart_and_the_rest_go_on(examples: Built) -> None:
    err = examples.run.err
    assert f"Chưa tổng hợp {UNSAFE}: reports/{UNSAFE}/index.md:" in err
    assert "BC501" not in err and "Không được viết HTML" in err
    assert f"Chưa tổng hợp {UNREADABLE}: reports/{UNREADABLE}/index.md:" in err
    assert (
        f"Chưa cộng số liệu khen thưởng của {BAD_DATA}: reports/{BAD_DATA}/khen-thuong.yaml:" in err
    )
    markdown = examples.markdown
    assert UNSAFE_TEXT not in markdown
    assert "<script>" not in markdown
    assert BAD_DATA_TEXT in markdown  # its prose is fine: only its numbers are left out
    apart = [line for line in markdown.splitlines() if line.startswith("- ")]
    assert any(line.startswith(f"- {UNSAFE}: ") for line in apart)
    assert any(line.startswith(f"- {UNREADABLE}: ") for line in apart)
    assert any(line.startswith(f"- {BAD_DATA}: số liệu khen thưởng chưa cộng") for line in apart)


def test_the_totals_are_the_sum_of_the_clean_units_data(examples: Built) -> None:
    # Numbers are the roll-up's: a unit's data is summed when the data is clean, even
    # when its prose is kept apart (the unsafe unit carries the school's data).
    clean = (*EXAMPLES, UNSAFE)
    data = [examples.root / "reports" / slug / "khen-thuong.yaml" for slug in clean]
    expected = summed(data)
    assert sum(expected.values()) > 100
    board = counts_of(examples.root / REPORT / "khen-thuong.yaml")
    assert board == +expected
    names = yaml.safe_load((examples.root / REPORT / "khen-thuong.yaml").read_text("utf-8"))
    proposed = sum(
        len(yaml.safe_load(path.read_text("utf-8")).get("danh-sach-de-nghi") or []) for path in data
    )
    assert len(names["danh-sach-de-nghi"]) == proposed


def test_the_status_table_lists_every_unit_with_its_state(examples: Built) -> None:
    markdown = examples.markdown
    table = markdown.split(":::{list-table}", 1)[1].split("\n:::", 1)[0]
    assert "* - Sở Nội vụ\n  - đủ" in table
    assert f"* - {UNREADABLE}\n" in table
    assert "Mẫu số 10: " in table


def test_the_dashboard_links_the_board_report_after_build_html(examples: Built) -> None:
    result = run(examples.root, "build", "html", "-j", "1")
    assert result.code in (0, 1), result.err
    site = examples.root / "_build" / "html"
    soup = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    link = soup.select_one(".baocao-dash-tong-hop a")
    assert link is not None and "dự thảo" in link.get_text()
    page = site / link["href"]
    assert page.is_file()
    page_soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    unit_links = [
        a["href"] for a in page_soup.select("a.reference.external") if a.get_text() == "xem báo cáo"
    ]
    assert unit_links and all((page.parent / href).resolve().is_file() for href in unit_links)
    back = page_soup.select_one("a[href$='index.html']:not(.reference)")
    assert back is not None and (page.parent / back["href"]).resolve().is_file()
    redirect = (page.parent / back["href"]).resolve().read_text("utf-8")
    assert 'content="0; url=../index.html"' in redirect  # to the main site's dashboard
    word = soup.select_one(".baocao-dash-tong-hop a.baocao-link-docx")
    assert word is not None and word["href"] == "tong-hop/tong-hop-du-thao.docx"
    assert (site / word["href"]).read_bytes() == (examples.root / DOCX).read_bytes()


def test_english_messages(examples: Built, tmp_path: Path) -> None:
    root = new_project(tmp_path / "p")
    (root / "reports" / "tong-hop").mkdir(parents=True)
    result = run(root, "--lang", "en", "tong-hop")
    assert result.code == 2
    assert "A unit named `tong-hop` already exists in reports/" in result.err
    assert not (root / "_build" / "tong-hop").exists()


def test_without_units_or_conf_the_command_says_what_is_missing(tmp_path: Path) -> None:
    root = new_project(tmp_path / "p")
    (root / "reports").mkdir()
    result = run(root, "tong-hop")
    assert result.code == 2 and "Traceback" not in result.err
    assert "reports/units.yaml: Không xác định được năm báo cáo" in result.err
    (root / "conf.py").unlink()
    result = run(root, "tong-hop")
    assert result.code == 2 and "conf.py" in result.err


# --- generated units -------------------------------------------------------------------


def load_generator():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import gen_corpus
    finally:
        sys.path.pop(0)
    return gen_corpus


def write_data(unit: Path, rng: random.Random) -> None:
    giay = rng.randint(0, 40)
    data = {
        "nam": YEAR,
        "mau-10": {
            "giay-khen": {
                "tap-the": rng.randint(0, 9),
                "ca-nhan": giay,
                "truc-tiep": rng.randint(0, giay),
            },
            "lao-dong-tien-tien": {"ca-nhan": rng.randint(0, 200)},
        },
    }
    (unit / "khen-thuong.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("tong-hop-gen") / "project"
    slugs = load_generator().generate_project(8, root, seed=3, words=400, single_file_share=1.0)
    rng = random.Random(14)
    for slug in slugs:
        write_data(root / "reports" / slug, rng)
    return Built(root, run(root, "tong-hop", "-j", "1"), {})


def test_generated_units_texts_are_under_their_sections(generated: Built) -> None:
    assert generated.run.code == 0, generated.run.err
    form = Project.discover(generated.root).form()
    sections = report_sections(generated.markdown, form, YEAR)
    checked = 0
    for unit in sorted((generated.root / "reports").iterdir()):
        if not unit.is_dir():
            continue
        for node_id, paragraphs in by_order(unit / "index.md", form).items():
            for paragraph in paragraphs:
                owners = owners_of(sections.get(node_id, []), paragraph)
                assert unit.name in owners, (node_id, paragraph)
                checked += 1
    assert checked > 50


def test_generated_units_totals_equal_the_plain_sum(generated: Built) -> None:
    data = sorted((generated.root / "reports").glob("*/khen-thuong.yaml"))
    assert len(data) == 8
    assert counts_of(generated.root / REPORT / "khen-thuong.yaml") == +summed(data)


# --- the publish workflow --------------------------------------------------------------


def test_publish_tong_hop_step_runs_as_written(tmp_path: Path) -> None:
    from test_workflows import PUBLISH, copy_worktree, run_step

    repo = copy_worktree(tmp_path / "repo")
    done, _, _ = run_step(PUBLISH, "site", "tong-hop", repo, {})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Báo cáo tổng hợp (dự thảo): 3/3 đơn vị đã tổng hợp" in done.stdout
    assert (repo / DOCX).is_file() and (repo / PAGE).is_file()
    assert not (repo / "reports" / "tong-hop").exists()


# --- the province's tables, read back from the page and the Word file -------------------


def kind_labels() -> dict[str, str]:
    schema = yaml.safe_load((ROOT / "_templates/forms/mau-02/khen-thuong.yaml").read_text("utf-8"))
    return {kind["label"]: kind["id"] for kind in schema["kinds"]}


def numbers(cells: list[str]) -> Counter:
    """The whole numbers of a row, written 1.085 (shares, written with %, left out)."""
    whole = re.compile(r"^\d{1,3}(?:\.\d{3})*$")
    return Counter(int(c.replace(".", "")) for c in (c.strip() for c in cells) if whole.match(c))


def expected_rows(expected: Counter, table: str) -> dict[str, Counter]:
    """kind id (and "Tổng cộng") -> the multiset of its non-zero counts."""
    rows: dict[str, Counter] = {}
    columns: Counter = Counter()
    for (table_id, kind, column), count in expected.items():
        if table_id == table and count:
            rows.setdefault(kind, Counter())[count] += 1
            columns[column] += count
    rows["Tổng cộng"] = Counter(n for n in columns.values() if n)
    return rows


def read_rows(rows: list[list[str]]) -> dict[str, Counter]:
    labels = kind_labels()
    found = {}
    for cells in rows:
        if cells and (cells[0] in labels or cells[0] == "Tổng cộng"):
            found[labels.get(cells[0], cells[0])] = numbers(cells[1:])
    return found


def test_the_province_tables_show_the_plain_sum_in_the_page_and_the_word_file(
    examples: Built,
) -> None:
    clean = (*EXAMPLES, UNSAFE)
    expected = summed([examples.root / "reports" / s / "khen-thuong.yaml" for s in clean])
    soup = BeautifulSoup((examples.root / PAGE).read_text("utf-8"), "html.parser")
    document = Document(str(examples.root / DOCX))
    word = [
        t for t in document.tables if t.rows and t.rows[0].cells[0].text == "Hình thức khen thưởng"
    ]
    assert len(word) == 2
    for index, table in enumerate(("mau-10", "mau-11")):
        html = soup.select_one(f"table.baocao-awards-{table}")
        assert html is not None
        page_rows = [
            [c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])]
            for tr in html.find_all("tr")
        ]
        assert read_rows(page_rows) == expected_rows(expected, table)
        word_rows = [[c.text for c in row.cells] for row in word[index].rows]
        assert read_rows(word_rows) == expected_rows(expected, table)
