"""Recognition on units written as real offices write them: parts, sub-headings, other numbering
styles, shortened and other-worded headings. Each heading must be read as its author meant it,
and never taken for a wrong section."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import jsonschema
import pytest
from baocao.forms import load_form
from baocao.lint.recognise import evidence_row
from baocao.report import Section
from lint_helpers import REPORTS, ROOT, SCHOOL, lint, make_project, run_cli
from recognition_units import (
    COMMUNE,
    COMMUNE_READ,
    DISTRICT,
    DISTRICT_READ,
    SCHOOL_GROUPED,
    SCHOOL_GROUPED_READ,
)

FRONT = (REPORTS / SCHOOL / "index.md").read_text("utf-8").split("\n# ", 1)[0]
TITLE = "# Tổng kết phong trào thi đua, công tác khen thưởng năm 2025\n\n"

UNITS = {
    "xa-tan-phu": (COMMUNE, COMMUNE_READ),
    "phong-noi-vu-huyen": (DISTRICT, DISTRICT_READ),
    "truong-thcs-hoa-binh": (SCHOOL_GROUPED, SCHOOL_GROUPED_READ),
}


def write_unit(tmp_path: Path, slug: str, body: str) -> Path:
    root = make_project(tmp_path)
    unit = root / "reports" / slug
    unit.mkdir(parents=True)
    (unit / "index.md").write_text(FRONT + "\n" + TITLE + body, "utf-8")
    return root


@pytest.mark.parametrize("slug", list(UNITS))
def test_every_heading_is_read_as_meant(tmp_path: Path, slug: str) -> None:
    body, expected = UNITS[slug]
    result = lint(write_unit(tmp_path, slug, body), slug)
    got = [(r.heading, r.kind, r.section) for r in result.headings if r.kind != "unknown"]
    assert len(got) == len(expected), got
    for (heading, kind, section), (start, want_kind, want_section) in zip(
        got, expected, strict=True
    ):
        assert heading.startswith(start), (heading, start)
        assert (kind, section if want_section else None) == (want_kind, want_section), heading


@pytest.mark.parametrize("slug", list(UNITS))
def test_such_units_have_no_structure_finding_and_count_every_section(
    tmp_path: Path, slug: str
) -> None:
    result = lint(write_unit(tmp_path, slug, UNITS[slug][0]), slug)
    structure = [d for d in result.diagnostics if d.code.startswith("BC1")]
    assert structure == [], [(d.line, d.code, d.message()) for d in structure]
    assert result.present == result.required == 19


def test_sub_headings_count_as_the_sections_body(tmp_path: Path) -> None:
    """2.4 a) of the commune holds only its sub-headings' text after its first line."""
    root = write_unit(tmp_path, "xa-tan-phu", COMMUNE)
    result = lint(root, "xa-tan-phu")
    body = " ".join(text for _, _, text in result.context.lines_of("II.2.4.a"))
    assert "khen thưởng thường xuyên" in body and "cứu người" in body
    assert "Quy trình" not in body  # b) is a section of its own


def test_a_top_level_result_heading_is_never_3_1(tmp_path: Path) -> None:
    body = (
        "## I. Kết quả đạt được\n\nHoàn thành các chỉ tiêu.\n\n"
        "## II. Tồn tại, hạn chế\n\nCòn chậm.\n\n"
        "## III. Phương hướng, nhiệm vụ năm 2026\n\nTiếp tục.\n"
    )
    result = lint(write_unit(tmp_path, "don-vi", body), "don-vi")
    taken = {r.heading: r.section for r in result.headings if r.kind == "section"}
    assert taken.get("I. Kết quả đạt được") != "II.3.1"
    assert taken.get("III. Phương hướng, nhiệm vụ năm 2026") == "III"


def test_one_doubtful_heading_does_not_cascade(tmp_path: Path) -> None:
    """A stray heading that sounds like III in the middle of II: nothing after it moves."""
    body = SCHOOL_GROUPED.replace(
        "#### 3. Đánh giá chung",
        "#### Phương hướng khắc phục\n\nTăng cường kiểm tra.\n\n#### 3. Đánh giá chung",
    )
    result = lint(write_unit(tmp_path, "don-vi", body), "don-vi")
    codes = sorted({d.code for d in result.diagnostics if d.code.startswith("BC1")})
    assert codes in ([], ["BC105"]), [(d.line, d.code) for d in result.diagnostics]
    assert result.present == 19


def test_explain_prints_each_heading_and_why(tmp_path: Path) -> None:
    root = write_unit(tmp_path, "xa-tan-phu", COMMUNE)
    done = run_cli(root, "lint", "--explain", "reports/xa-tan-phu")
    assert done.code == 0, done.out + done.err
    out = done.out
    assert "PHẦN THỨ NHẤT: KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2025 → phần bao ngoài" in out
    assert "#### 1. Thuận lợi → tiêu đề con trong mục I – Đặc điểm tình hình" in out
    line = next(ln for ln in out.splitlines() if "### I. TÌNH HÌNH CHUNG →" in ln)
    assert "mục I – Đặc điểm tình hình" in line and "tên gọi khác của mục" in line
    assert "## PHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026 → mục III – Phương hướng" in out
    english = run_cli(root, "--lang", "en", "lint", "--explain", "reports/xa-tan-phu").out
    assert "→ a part wrapper" in english and "→ a sub-heading inside section I – " in english


def test_explain_in_json(tmp_path: Path) -> None:
    root = write_unit(tmp_path, "xa-tan-phu", COMMUNE)
    plain = run_cli(root, "lint", "--format", "json", "reports/xa-tan-phu").json()
    assert "headings" not in plain["units"][0]  # only when asked for
    data = run_cli(root, "lint", "--format", "json", "--explain", "reports/xa-tan-phu").json()
    schema = json.loads((ROOT / "tooling/baocao/data/lint-output.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)  # version 1, optional "headings"
    headings = data["units"][0]["headings"]
    assert [h["kind"] for h in headings[:4]] == ["wrapper", "section", "sub", "sub"]
    first = headings[1]
    assert first["section"] == "I" and first["line"] == 22
    assert first["evidence"]["source"] == "cue" and first["score"] >= 78


def test_a_sub_heading_worded_as_a_missing_section_stays_a_sub_heading(tmp_path: Path) -> None:
    """3.1 left out; a sub-heading of 2.1 that carries 3.1's very title is not 3.1 out of order."""
    body = SCHOOL_GROUPED.replace("###### Kết quả đạt được", "###### Những kết quả đạt được")
    body = body.replace("##### 3.1. Những kết quả đạt được\n\nCác phong trào", "Các phong trào")
    result = lint(write_unit(tmp_path, "don-vi", body), "don-vi")
    read = {r.heading: (r.kind, r.section) for r in result.headings}
    assert read["Những kết quả đạt được"] == ("sub", "II.2.1")
    assert [d.code for d in result.diagnostics if d.code.startswith("BC1")] == ["BC101"]
    assert next(d for d in result.diagnostics if d.code == "BC101").section == "II.3.1"


def test_a_part_heading_that_is_the_section_itself(tmp_path: Path) -> None:
    """ "Phần I. Đặc điểm tình hình" is section I, not a wrapper; its sub-headings are I's."""
    wrapper = "## PHẦN THỨ NHẤT: KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2025\n\n"
    body = re.sub(r"(?m)^#(#{2,5}) ", r"\1 ", COMMUNE.replace(wrapper, ""))  # one level up
    body = body.replace("## I. TÌNH HÌNH CHUNG", "## Phần I. Đặc điểm tình hình")
    body = body.replace("## II. KẾT QUẢ THỰC HIỆN", "## Phần II. Kết quả thực hiện")
    result = lint(write_unit(tmp_path, "don-vi", body), "don-vi")
    read = {r.heading: (r.kind, r.section) for r in result.headings}
    assert read["Phần I. Đặc điểm tình hình"] == ("section", "I")
    assert read["Phần II. Kết quả thực hiện"] == ("section", "II")
    assert read["1. Thuận lợi"] == ("sub", "I")


def test_a_finding_on_a_doubtful_match_names_the_section_taken(tmp_path: Path) -> None:
    body = DISTRICT.replace("### 4/ Đề xuất, kiến nghị", "## Các kiến nghị, đề xuất")
    result = lint(write_unit(tmp_path, "don-vi", body), "don-vi")
    level = next(d for d in result.diagnostics if d.code == "BC103" and d.section == "II.4")
    message = level.message()
    assert "“Các kiến nghị, đề xuất”" in message and "được hiểu là mục 4." in message
    assert "was taken for section 4." in level.message("en")


def test_a_grouping_heading_worded_as_the_section_it_holds(tmp_path: Path) -> None:
    """ "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026" holding "III. Phương hướng …": the first groups."""
    body = COMMUNE.replace(
        "## PHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026\n\n### 1. Phương hướng",
        "## PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026\n\n"
        "### III. Phương hướng, nhiệm vụ công tác thi đua, khen thưởng năm 2026\n\n"
        "#### 1. Phương hướng",
    ).replace("### 2. Giải pháp", "#### 2. Giải pháp")
    result = lint(write_unit(tmp_path, "don-vi", body), "don-vi")
    read = {r.heading: (r.kind, r.section) for r in result.headings}
    assert read["PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026"][0] == "wrapper"
    assert read["III. Phương hướng, nhiệm vụ công tác thi đua, khen thưởng năm 2026"] == (
        "section",
        "III",
    )
    assert [d for d in result.diagnostics if d.code.startswith("BC1")] == []


def test_an_unknown_heading_inside_a_section_does_not_move_the_levels_under_it(
    tmp_path: Path,
) -> None:
    body = DISTRICT.replace(
        "#### 2.4/ Kết quả thực hiện công tác khen thưởng", "#### Một vài nội dung khác"
    )
    result = lint(write_unit(tmp_path, "don-vi", body), "don-vi")
    found = sorted((d.code, d.section) for d in result.diagnostics if d.code.startswith("BC1"))
    assert found == [("BC101", "II.2.4"), ("BC105", None)]


def test_fixing_a_bold_heading_under_a_part_wrapper_keeps_it_under_the_wrapper(
    tmp_path: Path,
) -> None:
    body = COMMUNE.replace("### II. KẾT QUẢ THỰC HIỆN", "**II. KẾT QUẢ THỰC HIỆN**")
    root = write_unit(tmp_path, "xa-tan-phu", body)
    assert [d.code for d in lint(root, "xa-tan-phu").diagnostics if d.code < "BC2"] == ["BC104"]
    done = run_cli(root, "lint", "--fix", "reports/xa-tan-phu")
    text = (root / "reports" / "xa-tan-phu" / "index.md").read_text("utf-8")
    assert "\n### II. KẾT QUẢ THỰC HIỆN\n" in text, done.err
    assert not [d for d in lint(root, "xa-tan-phu").diagnostics if d.code < "BC2"]


def test_all_headings_at_one_level_numbering_still_tells_the_sub_headings(
    tmp_path: Path,
) -> None:
    """A paste that left every heading at ##: "1. Thuận lợi" after "I." is still I's."""
    body = re.sub(r"(?m)^#{2,6} ", "## ", COMMUNE)
    result = lint(write_unit(tmp_path, "don-vi", body), "don-vi")
    read = {r.heading: (r.kind, r.section) for r in result.headings}
    assert read["1. Thuận lợi"] == read["2. Khó khăn"] == ("sub", "I")
    codes = {d.code for d in result.diagnostics if d.code.startswith("BC1")}
    assert codes == {"BC103"}  # the levels are wrong, nothing is missing or unknown
    assert result.present == 19


@pytest.mark.parametrize(
    ("body", "node"),
    [
        ("Phong trào “Chuyển đổi số” do Thủ tướng Chính phủ phát động; nông thôn mới.", "II.2.2.a"),
        (
            "Cụm thi đua, khối thi đua các huyện phát động chuyên đề cải cách hành chính.",
            "II.2.2.b",
        ),
    ],
)
def test_the_body_decides_a_heading_the_words_leave_open(body: str, node: str) -> None:
    form = load_form((ROOT / "_templates" / "forms").resolve(), "mau-02")
    heading = Section("Phong trào thi đua được phát động", 5, "index.md", 1)
    row = evidence_row(heading, 5, lambda: body, form, 2025)
    best = max(row, key=lambda j: row[j].total)
    assert form.walk()[best].id == node and row[best].body > 0


def test_sub_headings_appear_in_the_word_file_as_written(tmp_path: Path) -> None:
    root = write_unit(tmp_path, "xa-tan-phu", COMMUNE)
    shutil.copy(ROOT / "conf.py", root / "conf.py")
    shutil.copy(REPORTS / "units.yaml", root / "reports" / "units.yaml")
    done = run_cli(root, "build", "docx", "xa-tan-phu")
    assert done.code == 0, done.out + done.err
    document = docx.Document(str(root / "_build" / "docx" / "xa-tan-phu.docx"))
    texts = [" ".join(p.text.split()) for p in document.paragraphs]
    at = {text: n for n, text in enumerate(texts)}
    for heading in (
        "PHẦN THỨ NHẤT: KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2025",
        "1. Thuận lợi",
        "2. Khó khăn",
        "Về khen thưởng thường xuyên",
    ):
        assert heading in at, heading
    assert at["I. TÌNH HÌNH CHUNG"] < at["1. Thuận lợi"] < at["2. Khó khăn"]
    assert at["2. Khó khăn"] < at["II. KẾT QUẢ THỰC HIỆN"]


def test_a_numbered_heading_in_the_place_of_a_section_stands_for_it(tmp_path: Path) -> None:
    """ "2.1/ Công tác chuyên môn" between "2/" and "2.2/": 2.1 by its number and place."""
    body = DISTRICT.replace(
        "#### 2.1/ Kết quả thi đua thực hiện nhiệm vụ chính trị", "#### 2.1/ Công tác chuyên môn"
    )
    root = write_unit(tmp_path, "don-vi", body)
    result = lint(root, "don-vi")
    reading = next(r for r in result.headings if r.heading == "2.1/ Công tác chuyên môn")
    assert (reading.kind, reading.section, reading.doubtful) == ("section", "II.2.1", True)
    assert not [d for d in result.diagnostics if d.code.startswith("BC1")]
    out = run_cli(root, "lint", "--explain", "reports/don-vi").out
    assert "đúng số thứ tự, đúng cấp tiêu đề và đúng vị trí của mục" in out


def test_a_numbered_heading_out_of_the_place_of_its_number_is_not_taken(tmp_path: Path) -> None:
    body = DISTRICT.replace(
        "#### 2.1/ Kết quả thi đua thực hiện nhiệm vụ chính trị\n\n"
        "Hoàn thành 14/14 chỉ tiêu được giao, 3 chỉ tiêu vượt kế hoạch.\n\n",
        "",
    ).replace(
        "### 3/ ĐÁNH GIÁ CHUNG",
        "#### 2.1/ Công tác chuyên môn\n\nDạy tốt.\n\n### 3/ ĐÁNH GIÁ CHUNG",
    )
    result = lint(write_unit(tmp_path, "don-vi", body), "don-vi")
    found = sorted((d.code, d.section) for d in result.diagnostics if d.code.startswith("BC1"))
    assert found == [("BC101", "II.2.1"), ("BC105", None)]
