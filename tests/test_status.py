"""``baocao status`` and its module: who has submitted, since when, who is late.

A git history is written with fixed commit dates, so the dates the command tells
come from the fixture, never from the clock; "today" is given with ``--today``.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from baocao import history
from baocao.project import Project
from bs4 import BeautifulSoup
from lint_helpers import REPORTS, SCHOOL, make_project, run_cli
from test_html_build import git
from test_html_site import build

MISSING_3_2 = "(đơn vị chưa viết mục 3.2)"


def add_school(root: Path, slug: str, *, complete: bool = True, year: int = 2025) -> None:
    unit = root / "reports" / slug
    shutil.rmtree(unit, ignore_errors=True)
    shutil.copytree(REPORTS / SCHOOL, unit)
    set_state(root, slug, complete=complete, year=year)


def set_state(root: Path, slug: str, *, complete: bool, year: int = 2025) -> None:
    index = root / "reports" / slug / "index.md"
    text = (REPORTS / SCHOOL / "index.md").read_text("utf-8")
    if not complete:
        text = text.replace("#### 3.2. Tồn tại, hạn chế, nguyên nhân", MISSING_3_2)
    text = text.replace("nam: 2025", f"nam: {year}", 1)
    index.write_text(text, "utf-8")


def commit(root: Path, day: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", day, date=f"{day}T09:00:00+07:00")


UNITS_YAML = """\
year: 2025
han_nop:
  2025: 15/01/2026
units:
  - {slug: don-som, name: Đơn vị nộp sớm}
  - {slug: don-muon, name: Đơn vị nộp muộn}
  - {slug: dang-soan, name: Đơn vị đang soạn}
  - {slug: co-loi-giua, name: Đơn vị có lỗi giữa chừng}
  - {slug: chua-co, name: Đơn vị chưa có thư mục}
  - {slug: nam-cu, name: Đơn vị còn báo cáo năm cũ}
  - {slug: da-sap-nhap, name: Đơn vị đã sáp nhập, years: [2024]}
"""


@pytest.fixture
def province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Units with a history: complete early then touched late, complete late, drafting,
    complete then broken then complete again, absent, a year behind, no longer expected."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the dates of completion come from git")
    root = make_project(tmp_path)
    shutil.copy(REPORTS.parent / "conf.py", root / "conf.py")
    (root / "reports/units.yaml").write_text(UNITS_YAML, "utf-8")
    git(root, "init", "-q")
    add_school(root, "don-som", complete=False)
    add_school(root, "don-muon", complete=False)
    add_school(root, "dang-soan", complete=False)
    add_school(root, "co-loi-giua")
    add_school(root, "nam-cu", year=2024)
    commit(root, "2025-12-01")
    set_state(root, "don-som", complete=True)
    set_state(root, "co-loi-giua", complete=False)
    commit(root, "2025-12-10")
    set_state(root, "co-loi-giua", complete=True)
    commit(root, "2026-01-05")
    index = root / "reports/don-som/index.md"  # a typo fixed after the deadline
    index.write_text(index.read_text("utf-8").replace("Lê Quý Đôn", "Lê Quý Đôn ", 1), "utf-8")
    set_state(root, "don-muon", complete=True)
    commit(root, "2026-01-20")
    monkeypatch.chdir(root)
    return root


def status_json(*args: str) -> dict:
    run = run_cli(Path.cwd(), "status", "--format", "json", *args)
    assert run.code == 0, run.err
    return run.json()


def test_each_unit_has_its_state_and_date_of_completion(province: Path) -> None:
    data = status_json("--today", "20/01/2026")
    assert (data["year"], data["deadline"], data["today"]) == (2025, "2026-01-15", "2026-01-20")
    units = {u["unit"]: (u["state"], u["complete_since"], u["overdue"]) for u in data["units"]}
    assert units == {
        "don-som": ("complete", "2025-12-10", False),  # the late typo fix does not count
        "don-muon": ("complete", "2026-01-20", True),
        "dang-soan": ("drafting", None, True),
        "co-loi-giua": ("complete", "2026-01-05", False),  # complete again after an error
        "chua-co": ("missing", None, True),
        "nam-cu": ("missing", None, True),
    }
    assert data["summary"] == {
        "expected": 6,
        "complete": 3,
        "drafting": 1,
        "missing": 2,
        "overdue": 4,
    }


def test_before_the_deadline_nobody_is_overdue_yet(province: Path) -> None:
    data = status_json("--today", "2026-01-10")
    assert data["summary"]["overdue"] == 1  # only the one completed after the deadline
    assert [u["unit"] for u in data["units"] if u["overdue"]] == ["don-muon"]


def test_the_text_says_it_in_vietnamese(province: Path) -> None:
    run = run_cli(province, "status", "--today", "20/01/2026")
    lines = run.out.splitlines()
    assert lines[:2] == ["Báo cáo năm 2025. Hạn nộp: 15/01/2026.", "3/6 đơn vị đã đủ, 4 quá hạn."]
    assert "- Đơn vị nộp sớm: đủ từ 10/12/2025" in lines
    assert "- Đơn vị nộp muộn: đủ từ 20/01/2026 — quá hạn" in lines
    assert (
        "- Đơn vị còn báo cáo năm cũ: chưa có báo cáo (chỉ có báo cáo năm 2024) — quá hạn" in lines
    )
    assert "- Đơn vị đang soạn: đang soạn — quá hạn" in lines
    assert not any("sáp nhập" in line for line in lines)


def test_versions_are_linted_once(province: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    status_json("--today", "20/01/2026")
    assert (province / history.CACHE).is_file()
    monkeypatch.setattr(history._Versions, "_lint", lambda *args: pytest.fail("linted again"))
    assert status_json("--today", "20/01/2026")["summary"]["complete"] == 3


def test_an_uncommitted_unit_counts_from_its_files(province: Path) -> None:
    add_school(province, "chua-co")
    data = status_json("--today", "20/01/2026")
    unit = next(u for u in data["units"] if u["unit"] == "chua-co")
    assert unit["state"] == "complete"
    modified = dt.date.fromtimestamp((province / "reports/chua-co/index.md").stat().st_mtime)
    assert unit["complete_since"] == modified.isoformat()


@pytest.mark.parametrize(
    ("text", "line", "told"),
    [
        ("han_nop:\n  2025: 32/01/2026\nunits: []\n", 2, "Hạn nộp (han_nop) ghi theo từng năm"),
        ("year: năm nay\nunits: []\n", 1, "'năm nay' không phải một năm"),
        ("units:\n  - {slug: a, years: [20]}\n", 2, "'20' không phải một năm"),
    ],
)
def test_a_wrong_year_or_deadline_is_told_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, line: int, told: str
) -> None:
    root = make_project(tmp_path)
    (root / "reports/units.yaml").write_text(text, "utf-8")
    monkeypatch.chdir(root)
    run = run_cli(root, "status")
    assert run.code == 2
    assert f"reports/units.yaml:{line}: {told}" in run.err and "Traceback" not in run.err


def test_without_a_year_in_the_list_the_most_reported_year_is_collected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path)
    for slug, year in (("a-2024", 2024), ("b-2025", 2025), ("c-2025", 2025)):
        add_school(root, slug, year=year)
    monkeypatch.chdir(root)
    data = status_json("--today", "2026-01-01")
    assert data["year"] == 2025 and data["deadline"] is None
    assert {u["unit"]: u["state"] for u in data["units"]}["a-2024"] == "missing"
    assert Project.discover(root).units.year is None


def test_the_dashboard_tells_the_same_as_the_command(
    province: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = dt.datetime(2026, 1, 20, 12, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(day.timestamp())))  # the build's "today"
    code, _, err = build(province, "-j", "1")
    assert code == 1 and "Không tìm thấy thư mục reports/chua-co/" in err  # listed, no folder
    data = status_json()  # no --today: SOURCE_DATE_EPOCH is today for the command too
    assert data["today"] == "2026-01-20"
    soup = BeautifulSoup((province / "_build/html/index.html").read_text("utf-8"), "lxml")
    assert soup.select_one("#baocao-dash-status").get_text() == (
        "Báo cáo năm 2025. Hạn nộp: 15/01/2026. 3/6 đơn vị đã đủ, 4 quá hạn."
    )
    rows = {row["data-slug"]: row for row in soup.select("#baocao-dashboard tbody tr")}
    for unit in data["units"]:
        cell = rows[unit["unit"]].select_one("td.baocao-col-submission")
        assert (cell.select_one(".baocao-badge-overdue") is not None) is unit["overdue"]
        state = cell.select_one(".baocao-submission")["class"][-1]
        assert state == f"baocao-submission-{unit['state']}"
    assert rows["don-som"].select_one(".baocao-submission").get_text() == "đủ từ 10/12/2025"
    assert "không phải nộp năm nay" in rows["da-sap-nhap"].get_text()


def test_a_unit_whose_front_matter_cannot_be_read_is_drafting_not_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path)
    add_school(root, "doc-duoc")
    add_school(root, "ngay-sai")
    index = root / "reports/ngay-sai/index.md"
    text = index.read_text("utf-8")
    index.write_text(re.sub(r"(?m)^ngay: .*$", "ngay: 2025-13-45", text), "utf-8")
    monkeypatch.chdir(root)
    data = status_json("--today", "2026-01-01")
    states = {u["unit"]: (u["state"], u["report_year"]) for u in data["units"]}
    assert states == {"doc-duoc": ("complete", 2025), "ngay-sai": ("drafting", None)}
