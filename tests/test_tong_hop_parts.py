"""The parts of ``baocao tong-hop`` without a build: the board's front matter read from
``reports/units.yaml`` (and what it says is missing), the blocks of a unit's text carried
into the board's report or left out, and the gathering of a small project."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from baocao.lint import lint_unit
from baocao.project import Project
from baocao.summary.board import board_front
from baocao.summary.gather import gather
from baocao.summary.pieces import Piece, pieces

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2026, 1, 10)
UNITS = """units:
  - slug: don-vi-a
    name: Đơn vị A
"""


def project_with(root: Path, units_yaml: str) -> Project:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(ROOT / "_templates", root / "_templates", dirs_exist_ok=True)
    (root / "reports").mkdir(exist_ok=True)
    (root / "reports" / "units.yaml").write_text(units_yaml, "utf-8")
    return Project.discover(root)


def test_the_board_front_matter_comes_from_units_yaml(tmp_path: Path) -> None:
    board = """tong_hop:
  co_quan: BAN THI ĐUA - KHEN THƯỞNG
  so_ky_hieu: /BC-BTĐKT
  dia_danh: Bình Minh
  chuc_vu: TRƯỞNG BAN
  nguoi_ky: Lê Minh Thành
  noi_nhan: [Ủy ban nhân dân tỉnh, "Lưu: VT, TĐKT."]
"""
    project = project_with(tmp_path, UNITS + board)
    front = board_front(project, project.form(), 2025, DAY)
    assert front.notes == []
    values = front.values
    assert values["co_quan"] == "BAN THI ĐUA - KHEN THƯỞNG"
    assert values["noi_nhan"] == ["Ủy ban nhân dân tỉnh", "Lưu: VT, TĐKT."]
    assert (values["mau"], values["nam"], values["ngay"]) == ("mau-02", 2025, "2026-01-10")
    assert values["trich_yeu"] == project.form().title_for(2025)
    assert values["du_thao"] is True


def test_no_board_details_is_one_note_naming_the_file(tmp_path: Path) -> None:
    project = project_with(tmp_path, UNITS)
    front = board_front(project, project.form(), 2025, DAY)
    assert [note.message("vi") for note in front.notes] == [
        "reports/units.yaml:1: chưa có thông tin của Ban cho báo cáo tổng hợp: thêm khóa "
        "`tong_hop:` với co_quan, so_ky_hieu, dia_danh, chuc_vu, nguoi_ky, noi_nhan (như "
        "phần đầu index.md của một đơn vị). Báo cáo vẫn được dựng, các mục này để trống."
    ]
    assert "co_quan" not in front.values and front.values["du_thao"] is True


def test_a_missing_a_wrong_and_an_unknown_key_name_their_lines(tmp_path: Path) -> None:
    board = """tong_hop:
  co_quan: BAN THI ĐUA - KHEN THƯỞNG
  so_ky_hieu: /BC-BTĐKT
  dia_danh: Bình Minh
  quyen_han: thay mặt
  chuc_vu: TRƯỞNG BAN
  nam: 2024
  noi_nhan: ["Lưu: VT."]
"""
    project = project_with(tmp_path, UNITS + board)
    notes = {
        note.line: note.message("en")
        for note in board_front(project, project.form(), 2025, DAY).notes
    }
    assert notes[8].startswith("reports/units.yaml:8: `tong_hop.quyen_han`")
    assert notes[10].startswith("reports/units.yaml:10: `tong_hop.nam` is not used")
    missing = [message for message in notes.values() if "`tong_hop.nguoi_ky`" in message]
    assert missing == [
        "reports/units.yaml:4: `tong_hop.nguoi_ky` (người ký) is missing, for example "
        "`nguoi_ky: Nguyễn Văn An`. The report is still built, with it left empty."
    ]


UNIT = """---
mau: mau-02
nam: 2025
---

# Báo cáo

## I. Đặc điểm tình hình

Đoạn thứ nhất của mục I, viết *nghiêng* và [liên kết](https://example.org).

<div>khối HTML</div>

![Ảnh](hinh.png)

### Tiểu mục riêng của đơn vị

- ý một
- ý hai

```{figure} hinh.png
Hình
```

:::{note}
Ghi chú được mang theo.
:::

## II. Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2025

Đoạn của mục II.

```{bang-khen-thuong}
```
"""


def test_blocks_are_carried_whole_or_left_out_with_a_note(tmp_path: Path) -> None:
    project = project_with(tmp_path, UNITS)
    unit = project.reports_dir / "don-vi-a"
    unit.mkdir()
    (unit / "index.md").write_text(UNIT, "utf-8")
    result = lint_unit(project, unit)
    assert result.context is not None and result.report is not None
    made = pieces(result.report, result.context.contents["I"])
    texts = [piece.markdown for piece in made]
    assert texts[0] == (
        "Đoạn thứ nhất của mục I, viết *nghiêng* và [liên kết](https://example.org)."
    )
    assert texts[3] == "*Tiểu mục riêng của đơn vị*"
    assert texts[4] == "- ý một\n- ý hai"
    assert texts[6] == ":::{note}\nGhi chú được mang theo.\n:::"
    left_out = [piece for piece in made if piece.left_out]
    assert [piece.markdown for piece in left_out] == [
        texts[1],
        texts[2],
        texts[5],
    ]
    assert "reports/don-vi-a/index.md, dòng 12" in texts[1]
    assert "reports/don-vi-a/index.md, dòng 14" in texts[2]
    assert "reports/don-vi-a/index.md, dòng 21" in texts[5]
    assert "<div>" not in "".join(texts) and "hinh.png" not in "".join(texts)
    section_ii = pieces(result.report, result.context.contents["II"])
    assert section_ii == [Piece("Đoạn của mục II.")]  # its own tables: the province's shown


def test_gathering_keeps_order_and_sets_a_faulty_unit_apart(tmp_path: Path) -> None:
    project = project_with(tmp_path, UNITS + "  - slug: don-vi-b\n    name: Ban B\n")
    school = (ROOT / "reports" / "truong-thpt-le-quy-don" / "index.md").read_text("utf-8")
    for slug, extra in (("don-vi-b", "\n<b>x</b>\n"), ("don-vi-a", "")):
        (project.reports_dir / slug).mkdir()
        (project.reports_dir / slug / "index.md").write_text(school + extra, "utf-8")
    gathered = gather(project, project.form(), DAY)
    assert gathered.year == 2025
    assert [unit.slug for unit in gathered.apart] == ["don-vi-b"]
    assert gathered.apart[0].file == "reports/don-vi-b/index.md"
    assert list(gathered.names) == ["don-vi-b", "don-vi-a"]  # by name: "Ban B", "Đơn vị A"
    assert [text.slug for text in gathered.texts["I"]] == ["don-vi-a"]
    assert gathered.gathered() == ["don-vi-a"]


@pytest.mark.parametrize("form_id", ["khac"])
def test_a_unit_on_another_form_is_apart(tmp_path: Path, form_id: str) -> None:
    project = project_with(tmp_path, UNITS)
    shutil.copytree(project.forms_dir / "mau-02", project.forms_dir / form_id)
    form_file = project.forms_dir / form_id / "form.yaml"
    text = form_file.read_text("utf-8")
    form_file.write_text(text.replace("id: mau-02", f"id: {form_id}", 1), "utf-8")
    unit = project.reports_dir / "don-vi-a"
    unit.mkdir()
    (unit / "index.md").write_text(UNIT.replace("mau: mau-02", f"mau: {form_id}"), "utf-8")
    project = Project.discover(tmp_path)
    gathered = gather(project, project.form(), DAY)
    assert [unit.reason for unit in gathered.apart] == [
        f"Báo cáo theo mẫu {form_id}, báo cáo tổng hợp theo mẫu mau-02: "
        "không xếp được các mục vào báo cáo tổng hợp."
    ]


def test_board_details_that_are_not_a_mapping(tmp_path: Path) -> None:
    project = project_with(tmp_path, UNITS + "tong_hop: BAN THI ĐUA\n")
    front = board_front(project, project.form(), 2025, DAY)
    assert [note.message("vi") for note in front.notes] == [
        "reports/units.yaml:4: `tong_hop` phải là một danh sách khóa: giá trị (co_quan: ..., "
        "nguoi_ky: ...). Báo cáo vẫn được dựng, thông tin của Ban để trống."
    ]
