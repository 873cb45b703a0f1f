"""Loading a unit's report: both layouts, front matter, and every failure as a diagnostic."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from baocao.report import load_report

ROOT = Path(__file__).resolve().parent.parent
FORMS = ["mau-02"]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


FRONT = """---
mau: mau-02
nam: 2025
co_quan: SỞ NỘI VỤ
so_ky_hieu: 1/BC-SNV
dia_danh: Bình Minh
ngay: 2025-12-15
chuc_vu: GIÁM ĐỐC
nguoi_ky: Nguyễn Văn An
noi_nhan:
  - Ban Thi đua - Khen thưởng tỉnh
  - Lưu: VT, TĐKT.
---
"""


def test_tree_layout_levels_files_and_lines() -> None:
    report = load_report(ROOT / "reports" / "so-noi-vu", ROOT, FORMS)
    assert report.problems == []
    assert len(report.files) == 8
    first = report.sections[0]
    assert first.title.startswith("I. Đặc điểm") and first.level == 2
    assert first.file == "reports/so-noi-vu/1-dac-diem-tinh-hinh.md" and first.line == 1
    levels = {s.title.split(" ")[0]: s.level for s in report.sections}
    assert levels["II."] == 2 and levels["2.1."] == 4 and levels["3.2."] == 4
    sub_a = next(s for s in report.sections if s.title.startswith("a)"))
    assert sub_a.level == 5
    assert "nông thôn mới" in sub_a.body_text()


def test_single_file_layout_loads_the_same_shape() -> None:
    single = load_report(ROOT / "reports" / "truong-thpt-le-quy-don", ROOT, FORMS)
    tree = load_report(ROOT / "reports" / "so-noi-vu", ROOT, FORMS)
    assert single.problems == []
    assert [s.level for s in single.sections] == [s.level for s in tree.sections]
    assert {s.file for s in single.sections} == {"reports/truong-thpt-le-quy-don/index.md"}
    assert single.front_matter.get("ngay") == dt.date(2025, 12, 12) or isinstance(
        single.front_matter.get("ngay"), dt.date
    )


@pytest.mark.parametrize("luu", ["  - Lưu: VT, TĐKT.", '  - "Lưu: VT, TĐKT."'])
def test_luu_item_in_both_spellings(tmp_path: Path, luu: str) -> None:
    text = (
        FRONT.replace("  - Lưu: VT, TĐKT.", luu) + "# Tiêu đề\n\n## I. Đặc điểm tình hình\n\nA.\n"
    )
    write(tmp_path / "u" / "index.md", text)
    report = load_report(tmp_path / "u", tmp_path, FORMS)
    assert report.front_matter.get("noi_nhan") == [
        "Ban Thi đua - Khen thưởng tỉnh",
        "Lưu: VT, TĐKT.",
    ]
    assert report.front_matter.problems == []


def test_broken_yaml_is_a_diagnostic_with_its_line(tmp_path: Path) -> None:
    write(tmp_path / "u" / "index.md", '---\nmau: mau-02\nco_quan: "SỞ\nnam: [2025\n---\n# T\n')
    report = load_report(tmp_path / "u", tmp_path, FORMS)
    (problem,) = report.problems
    assert problem.code == "BC002" and problem.file == "u/index.md"
    assert problem.line in (3, 4, 5)
    assert "YAML" in problem.message("vi")


def test_missing_toctree_target(tmp_path: Path) -> None:
    write(
        tmp_path / "u" / "index.md", FRONT + "# T\n\n```{toctree}\n:maxdepth: 2\n\nmot\nhai\n```\n"
    )
    write(tmp_path / "u" / "mot.md", "# I. Đặc điểm tình hình\n\nNội dung.\n")
    report = load_report(tmp_path / "u", tmp_path, FORMS)
    (problem,) = report.problems
    assert (problem.code, problem.file, problem.line) == ("BC003", "u/index.md", 20)
    assert "u/hai.md" in problem.message("vi")
    assert [s.title for s in report.sections] == ["I. Đặc điểm tình hình"]


def test_toctree_outside_the_unit(tmp_path: Path) -> None:
    write(tmp_path / "u" / "index.md", FRONT + "# T\n\n```{toctree}\n../v/index\n```\n")
    write(tmp_path / "v" / "index.md", "# V\n")
    report = load_report(tmp_path / "u", tmp_path, FORMS)
    assert [(p.code, p.line) for p in report.problems] == [("BC005", 17)]
    assert [f.rel for f in report.files] == ["u/index.md"]


def test_file_not_utf8(tmp_path: Path) -> None:
    write(tmp_path / "u" / "index.md", FRONT + "# T\n\n```{toctree}\nmot\n```\n")
    write(
        tmp_path / "u" / "mot.md",
        "# I. Đặc điểm\n\nDòng hai\n".encode() + "Công tác thi đua\n".encode("cp1258"),
    )
    report = load_report(tmp_path / "u", tmp_path, FORMS)
    (problem,) = report.problems
    assert (problem.code, problem.file, problem.line) == ("BC001", "u/mot.md", 4)
    assert "UTF-8" in problem.message("vi")


def test_empty_file_and_missing_index(tmp_path: Path) -> None:
    write(tmp_path / "u" / "index.md", FRONT + "# T\n\n```{toctree}\nmot\n```\n")
    write(tmp_path / "u" / "mot.md", "  \n\n")
    report = load_report(tmp_path / "u", tmp_path, FORMS)
    assert [(p.code, p.file, p.line) for p in report.problems] == [("BC004", "u/mot.md", 1)]
    (tmp_path / "w").mkdir()
    empty = load_report(tmp_path / "w", tmp_path, FORMS)
    assert [p.code for p in empty.problems] == ["BC003"]
    assert "index.md" in empty.problems[0].message("en")


def test_bold_paragraph_kept_as_candidate(tmp_path: Path) -> None:
    write(
        tmp_path / "u" / "index.md",
        FRONT + "# T\n\n## I. Đặc điểm tình hình\n\nA.\n\n"
        "**3.2. Tồn tại, hạn chế, nguyên nhân**\n\nMột số hạn chế.\n\n"
        "Câu có **chữ đậm** ở giữa.\n",
    )
    report = load_report(tmp_path / "u", tmp_path, FORMS)
    (candidate,) = report.candidates()
    assert candidate.title == "3.2. Tồn tại, hạn chế, nguyên nhân" and candidate.line == 20
    assert candidate.blocks[0].text == "Một số hạn chế."
    assert len(report.candidates()) == 1


def test_invalid_front_matter_values_become_problems(tmp_path: Path) -> None:
    text = FRONT.replace("ngay: 2025-12-15", "ngay: 15/12/2025").replace("nam: 2025", "nam: hai")
    write(tmp_path / "u" / "index.md", text + "# T\n")
    report = load_report(tmp_path / "u", tmp_path, FORMS)
    kinds = {(p.field, p.kind, p.line) for p in report.front_matter.problems}
    assert kinds == {("ngay", "invalid", 7), ("nam", "invalid", 3)}


def test_copy_of_example_is_independent_of_location(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "reports" / "cong-ty-cap-nuoc-binh-minh", tmp_path / "r" / "c")
    report = load_report(tmp_path / "r" / "c", tmp_path, FORMS)
    assert report.problems == [] and report.files[0].rel == "r/c/index.md"
    assert report.front_matter.get("noi_nhan")[-1].startswith("Lưu:")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "u" / "index.md", FRONT + "# T\n\n```{toctree}\nmot\n```\n")
    secret = write(tmp_path / "u" / "mot.md", "# I. Đặc điểm tình hình\n")
    real = Path.read_bytes

    def deny(path: Path) -> bytes:
        if path == secret:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", deny)
    report = load_report(tmp_path / "u", tmp_path, FORMS)
    assert [(p.code, p.file, p.line) for p in report.problems] == [("BC006", "u/mot.md", 1)]
    assert "Permission denied" in report.problems[0].message("vi")
