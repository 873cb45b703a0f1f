"""``baocao import --onto UNIT FILE``: a leader's Word edits come back to the Markdown.

The cycle: build a unit's Word file, edit a copy as a leader does (with Track Changes
written on the document model, or plainly), bring it back with ``import --onto``; the
Markdown then reads what the leader saw accepted, every line not edited is byte for
byte as it was, and building the unit again gives the accepted Word text.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from baocao.project import Project
from baocao.wordin import onto
from import_helpers import ROOT, run_cli
from onto_helpers import AUTHOR, Reviewer, body_texts

UNIT = "so-noi-vu"
SCHOOL = "truong-thpt-le-quy-don"
RESULTS = f"reports/{UNIT}/2-ket-qua/2-ket-qua-phong-trao.md"
REVIEW = f"reports/{UNIT}/2-ket-qua/3-danh-gia-chung.md"
PLAN = f"reports/{UNIT}/3-phuong-huong.md"
# A typed table in place of the computed commendation tables (whose numbers live in
# khen-thuong.yaml, not in the Markdown), so a leader's edit of a cell has a line to go to.
TYPED_TABLE = """| Hình thức | Tập thể | Cá nhân |
| --- | --- | --- |
| “Lao động tiên tiến” | 11 | 198 |
| “Chiến sĩ thi đua cơ sở” | 0 | 26 |
| Giấy khen của Giám đốc Sở | 18 | 96 |"""
# Markup added to the example before the build, so edits must keep it.
MARKED = (
    ("Sở hoàn thành 126/126 nhiệm vụ", "Sở hoàn thành **126/126 nhiệm vụ**"),
    ("### b) Các phong trào thi đua theo đợt", "### b) Các *phong trào* thi đua theo đợt"),
    ("```{bang-khen-thuong}\n:danh-sach:\n```", TYPED_TABLE),
)


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "_templates", project / "_templates")
    shutil.copytree(ROOT / "reports", project / "reports")
    results = project / RESULTS
    text = results.read_text(encoding="utf-8")
    for old, new in MARKED:
        assert old in text
        text = text.replace(old, new, 1)
    results.write_text(text, encoding="utf-8")
    return project


def _build(project: Path, unit: str) -> Path:
    """The unit's Word file, built now (a draft when the unit has lint errors)."""
    run_cli(project, "build", "docx", unit)
    (built,) = (project / "_build" / "docx").glob(f"{unit}*.docx")
    return built


def _snapshot(project: Path) -> dict[str, bytes]:
    return {
        p.relative_to(project).as_posix(): p.read_bytes()
        for p in sorted((project / "reports").rglob("*"))
        if p.is_file()
    }


def _replaced(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _leader_edits(reviewer: Reviewer) -> None:
    """Words inside and beside bold text, a list item, a heading with emphasis, a table
    cell, a paragraph removed, a paragraph and a list item added, a typed asterisk."""
    reviewer.replace("Sở hoàn thành 126/126", "97 nhiệm vụ", "98 nhiệm vụ")
    reviewer.replace("Sở hoàn thành 126/126", "126/126", "125/126")
    reviewer.replace("“Chuyển đổi số”: số hóa", "186.500", "190.000")
    reviewer.replace("“Chuyển đổi số”: số hóa", "kế hoạch.", "kế hoạch (*).")
    reviewer.replace("b) Các phong trào thi đua theo đợt", "cụm, khối", "cụm, khối, ngành")
    reviewer.replace(reviewer.cell("Lao động tiên tiến", 2), "198", "199")
    reviewer.delete_paragraph("Một số đơn vị mới hợp nhất")
    reviewer.insert_after("Phong trào thi đua bám sát", "Đoạn mới do lãnh đạo thêm.")
    reviewer.insert_after("“Chuyển đổi số”: số hóa", "- “Bình dân học vụ số”: 200 người.")
    reviewer.comment("Năm 2026, Sở thi đua", "Cần nêu rõ chỉ tiêu khen thưởng.")


def _expected(before: dict[str, bytes]) -> dict[str, bytes]:
    results = _replaced(
        before[RESULTS].decode("utf-8"),
        ("**126/126 nhiệm vụ** được giao, 97", "**125/126 nhiệm vụ** được giao, 98"),
        (
            "số hóa 186.500 trang tài liệu lưu trữ, vượt 24% kế hoạch.\n",
            "số hóa 190.000 trang tài liệu lưu trữ, vượt 24% kế hoạch (\\*).\n"
            "- “Bình dân học vụ số”: 200 người.\n",
        ),
        ("do cụm, khối thi đua", "do cụm, khối, ngành thi đua"),
        ("| “Lao động tiên tiến” | 11 | 198 |", "| “Lao động tiên tiến” | 11 | 199 |"),
    )
    review = before[REVIEW].decode("utf-8")
    dropped = review[review.index("Một số đơn vị mới hợp nhất") :]
    review = _replaced(review, ("\n\n" + dropped, "\n"))
    review = _replaced(review, ("\n\n## 3.2.", "\n\nĐoạn mới do lãnh đạo thêm.\n\n## 3.2."))
    return {
        **before,
        RESULTS: results.encode("utf-8"),
        REVIEW: review.encode("utf-8"),
    }


@pytest.mark.parametrize("tracked", [True, False], ids=["tracked-changes", "plain-edits"])
def test_leader_edits_come_back_and_the_rebuild_reads_as_accepted(
    tmp_path: Path, tracked: bool
) -> None:
    project = _project(tmp_path)
    built = _build(project, UNIT)
    reviewer = Reviewer(built, tracked=tracked)
    _leader_edits(reviewer)
    edited = reviewer.save(tmp_path / "lanh-dao-sua.docx")
    before = _snapshot(project)

    result = run_cli(project, "import", "--onto", UNIT, str(edited))

    assert result.returncode == 0, result.stdout + result.stderr
    after = _snapshot(project)
    assert after == _expected(before)  # every other byte of every file as it was
    out = result.stdout
    assert f"{RESULTS}:5: đã sửa đoạn: “126/126” → “125/126”; “97” → “98”" in out
    assert f"{RESULTS}:19: đã sửa đoạn" in out and "“186.500” → “190.000”" in out
    assert f"{RESULTS}:20: đã thêm đoạn: “- “Bình dân học vụ số”: 200 người.”" in out
    assert f"{REVIEW}:9: đã xóa đoạn: “Một số đơn vị mới hợp nhất" in out
    assert f"{PLAN}:5: nhận xét của {AUTHOR} về “Năm 2026, Sở thi đua" in out
    assert "Cần nêu rõ chỉ tiêu khen thưởng." in out
    assert ("lấy bản đã chấp nhận tất cả (Accept All)" in out) is tracked
    assert ("so sánh với tệp Word dựng từ Markdown hiện tại" in out) is not tracked
    assert body_texts(_build(project, UNIT)) == body_texts(edited)


def test_comments_and_changes_as_json_for_a_workflow(tmp_path: Path) -> None:
    project = _project(tmp_path)
    reviewer = Reviewer(_build(project, UNIT))
    reviewer.replace("Sở hoàn thành 126/126", "97 nhiệm vụ", "98 nhiệm vụ")
    reviewer.comment(
        "Năm 2026, Sở thi đua",
        "Cần nêu rõ chỉ tiêu.",
        author="Chị Lan",
        on="bầu cử đại biểu Quốc hội",
    )
    reviewer.comment("Số: 412/BC-SNV", "Kiểm tra số văn bản.", author="Văn thư")
    edited = reviewer.save(tmp_path / "sua.docx")
    before = _snapshot(project)

    result = run_cli(project, "import", "--onto", UNIT, str(edited), "--format", "json")

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["unit"] == UNIT and report["written"] is True
    assert report["tracked_changes"] == 2
    assert [(c["kind"], c["file"], c["line"]) for c in report["applied"]] == [("edit", RESULTS, 5)]
    assert "98 nhiệm vụ" in report["applied"][0]["after"]
    items = {item["author"]: item for item in report["review_items"]}
    assert items["Chị Lan"]["text"] == "Cần nêu rõ chỉ tiêu."
    assert (items["Chị Lan"]["file"], items["Chị Lan"]["line"]) == (PLAN, 5)
    assert items["Chị Lan"]["paragraph"].startswith("Năm 2026, Sở thi đua")
    assert items["Chị Lan"]["anchor"] == "bầu cử đại biểu Quốc hội"
    assert items["Văn thư"]["anchor"] == "Số: 412/BC-SNV"
    assert items["Văn thư"]["file"] is None  # the header comes from the front matter
    changed = {k for k in before if before[k] != _snapshot(project)[k]}
    assert changed == {RESULTS}


def test_edits_it_cannot_place_are_listed_and_nothing_else_is_lost(tmp_path: Path) -> None:
    project = _project(tmp_path)
    reviewer = Reviewer(_build(project, UNIT))
    reviewer.replace("Số: 412/BC-SNV", "412", "415")  # header: from the front matter
    reviewer.insert_after("Giấy khen của Giám đốc Sở", "Thêm ô")  # a new cell paragraph
    reviewer.replace("Sở luôn nhận được sự lãnh đạo", "sát sao", "rất sát sao")
    reviewer.insert_after("- Ban Thi đua - Khen thưởng tỉnh;", "- Sở Tài chính;")  # Nơi nhận
    reviewer.insert_after("Sở luôn nhận được sự lãnh đạo", "Mục mới", style="Heading2")
    edited = reviewer.save(tmp_path / "sua.docx")
    before = _snapshot(project)

    result = run_cli(project, "import", "--onto", UNIT, str(edited))

    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "tệp Word, đoạn 7: KHÔNG đưa vào được sửa đổi “412” → “415”" in out
    assert "front matter" in out
    assert "KHÔNG đưa vào được đoạn thêm “Thêm ô”" in out and "bảng" in out
    first = f"reports/{UNIT}/1-dac-diem-tinh-hinh.md"
    assert f"{first}:5: đã sửa đoạn: thêm “rất”" in out
    assert "KHÔNG đưa vào được đoạn thêm “- Sở Tài chính;”" in out
    assert "KHÔNG đưa vào được đoạn thêm “Mục mới”: đoạn thêm là một đề mục" in out
    assert "Đã đưa 1 thay đổi vào 1 tệp; 4 sửa đổi không đưa vào được" in out
    after = _snapshot(project)
    assert {k for k in before if before[k] != after[k]} == {first}


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path)
    reviewer = Reviewer(_build(project, UNIT))
    reviewer.replace("Sở luôn nhận được sự lãnh đạo", "sát sao", "rất sát sao")
    edited = reviewer.save(tmp_path / "sua.docx")
    before = _snapshot(project)

    result = run_cli(project, "import", "--onto", UNIT, str(edited), "--dry-run")

    assert result.returncode == 0, result.stderr
    assert "đã sửa đoạn: thêm “rất”" in result.stdout
    assert "chưa ghi tệp nào" in result.stdout
    assert _snapshot(project) == before


def test_a_file_edited_meanwhile_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path)
    reviewer = Reviewer(_build(project, UNIT))
    reviewer.replace("Sở luôn nhận được sự lãnh đạo", "sát sao", "rất sát sao")
    reviewer.replace("Sở hoàn thành 126/126", "97 nhiệm vụ", "98 nhiệm vụ")
    edited = reviewer.save(tmp_path / "sua.docx")
    first = project / "reports" / UNIT / "1-dac-diem-tinh-hinh.md"
    saved_by_editor = first.read_bytes() + "Một dòng thêm trong trình soạn thảo.\n".encode()
    planned = onto.plan_changes

    def plan_while_someone_saves(*args):
        plan = planned(*args)
        first.write_bytes(saved_by_editor)  # an editor saves between reading and writing
        return plan

    monkeypatch.setattr(onto, "plan_changes", plan_while_someone_saves)
    result = onto.import_onto(Project.discover(project), UNIT, edited)

    assert first.read_bytes() == saved_by_editor
    assert result.conflicts == [f"reports/{UNIT}/1-dac-diem-tinh-hinh.md"]
    assert [u.reason for u in result.unplaced] == ["onto.reason.conflict"]
    assert [c.rel for c in result.applied] == [RESULTS]
    assert "98 nhiệm vụ" in (project / RESULTS).read_text(encoding="utf-8")


def test_a_unit_in_one_file_with_plain_edits(tmp_path: Path) -> None:
    """The single-file layout (headings down to #####), compared with the current build."""
    project = _project(tmp_path)
    reviewer = Reviewer(_build(project, SCHOOL), tracked=False)
    reviewer.replace("Phong trào “Chuyển đổi số”", "2.840 tiết", "2.900 tiết")
    reviewer.replace("c) Các phong trào thi đua theo đợt", "cơ quan, đơn vị", "nhà trường")
    reviewer.insert_after("Nhà trường phát động đợt thi đua", "Một đoạn bổ sung.")
    edited = reviewer.save(tmp_path / "sua.docx")
    index = project / "reports" / SCHOOL / "index.md"
    before = index.read_text(encoding="utf-8")

    result = run_cli(project, "import", "--onto", SCHOOL, str(edited))

    assert result.returncode == 0, result.stdout + result.stderr
    start = before.index("Nhà trường phát động đợt thi đua")
    paragraph_end = before.index("\n", start)
    expected = _replaced(
        before,
        ("2.840 tiết dạy", "2.900 tiết dạy"),
        (
            "##### c) Các phong trào thi đua theo đợt, chuyên đề do cơ quan, đơn vị phát động",
            "##### c) Các phong trào thi đua theo đợt, chuyên đề do nhà trường phát động",
        ),
        (
            before[start : paragraph_end + 1],
            before[start:paragraph_end] + "\n\nMột đoạn bổ sung.\n",
        ),
    )
    assert index.read_text(encoding="utf-8") == expected
    assert body_texts(_build(project, SCHOOL)) == body_texts(edited)


def test_usage_errors_name_what_to_do(tmp_path: Path) -> None:
    project = _project(tmp_path)
    edited = tmp_path / "sua.docx"
    shutil.copy(_build(project, UNIT), edited)

    no_unit = run_cli(project, "import", "--onto", "khong-co", str(edited))
    both = run_cli(project, "import", str(edited), UNIT, "--onto", UNIT)
    english = run_cli(project, "--lang", "en", "import", "--onto", "khong-co", str(edited))

    assert no_unit.returncode == 2
    assert 'Không có đơn vị "khong-co"' in no_unit.stderr and "Traceback" not in no_unit.stderr
    assert both.returncode == 2 and "baocao import --onto ĐƠN_VỊ TỆP" in both.stderr
    assert english.returncode == 2 and 'There is no unit "khong-co"' in english.stderr


def test_another_units_file_changes_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path)
    other = tmp_path / "truong.docx"
    shutil.copy(_build(project, SCHOOL), other)
    before = _snapshot(project)

    result = run_cli(project, "import", "--onto", UNIT, str(other))

    assert result.returncode == 2
    assert f"{other}: Tệp này có vẻ không phải báo cáo của đơn vị {UNIT}" in result.stderr
    assert "Không sửa tệp nào" in result.stderr
    assert _snapshot(project) == before
