"""The form as data renders the issued text of Mẫu số 2 word for word."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from baocao.errors import ConfigError
from baocao.forms import load_form
from baocao.text import squash

FORM_DIR = Path(__file__).resolve().parent.parent / "_templates" / "forms"
SOURCE = FORM_DIR / "mau-02" / "source.txt"


def body_lines(source: str) -> list[str]:
    """Non-empty lines of the issued text after the document type "BÁO CÁO"."""
    lines = [squash(line) for line in source.splitlines() if line.strip()]
    return lines[lines.index("BÁO CÁO") + 1 :]


def mismatches(rendered: list[str], issued: list[str]) -> list[tuple[int, str, str]]:
    pairs = zip(rendered + [""] * len(issued), issued + [""] * len(rendered), strict=False)
    return [(i, r, s) for i, (r, s) in enumerate(pairs) if r != s][:3]


def test_rendered_2023_is_the_issued_text() -> None:
    form = load_form(FORM_DIR, "mau-02")
    issued = body_lines(SOURCE.read_text("utf-8"))
    rendered = [squash(line) for line in form.issued_lines(2023)]
    assert len(rendered) == len(issued) == 31
    assert mismatches(rendered, issued) == []


def test_rendered_2025_changes_only_the_years() -> None:
    form = load_form(FORM_DIR, "mau-02")
    shift = {"2022": "2024", "2023": "2025", "2024": "2026"}
    issued = [
        re.sub(r"\b202[234]\b", lambda m: shift[m.group(0)], line)
        for line in body_lines(SOURCE.read_text("utf-8"))
    ]
    assert [squash(line) for line in form.issued_lines(2025)] == issued


def test_one_changed_word_is_caught() -> None:
    form = load_form(FORM_DIR, "mau-02")
    text = SOURCE.read_text("utf-8").replace("Những kết quả đạt được", "Những kết quả nổi bật")
    rendered = [squash(line) for line in form.issued_lines(2023)]
    assert mismatches(rendered, body_lines(text)) != []


def test_slips_are_recorded_as_issued() -> None:
    form = load_form(FORM_DIR, "mau-02")
    node = form.node("II.2.4.a")
    assert "Mẩu số 11" in node.issued_heading_for(2023)
    assert "Mẫu số 11" in node.heading_for(2023)
    assert form.node("II.2.3").issued_number == "2.2." and form.node("II.2.3").number == "2.3."
    assert len(form.required_ids()) == 19
    movements = form.node("II.2.2.a").mentions
    assert len(movements) == 9 and movements[-1].name == "Chuyển đổi số"


@pytest.mark.parametrize(
    ("old", "new", "key", "line"),
    [
        ("    title: Đặc điểm tình hình\n", "    titel: Đặc điểm tình hình\n", "titel", 34),
        ("  - id: II\n", "  - id: I\n", "id", 40),
        ("    required: false\n", "    required: maybe\n", "required", None),
        ("Đặc điểm tình hình\n", "Đặc điểm {nam_toi}\n", "title", 34),
    ],
)
def test_malformed_form_names_key_and_line(
    tmp_path: Path, old: str, new: str, key: str, line: int | None
) -> None:
    shutil.copytree(FORM_DIR / "mau-02", tmp_path / "mau-02")
    path = tmp_path / "mau-02" / "form.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_form(tmp_path, "mau-02")
    message = caught.value.render("vi")
    assert f"'{key}'" in message and str(path) in message
    if line is not None:
        assert f"form.yaml:{line}:" in message


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "form.yaml").write_text("id: bad\nnodes:\n  - id: [x\n", "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_form(tmp_path, "bad")
    assert "form.yaml:4:" in caught.value.render("en") or "form.yaml:3:" in caught.value.render()


def test_second_form_is_only_data() -> None:
    mini = load_form(Path(__file__).parent / "fixtures" / "forms", "mini")
    assert [n.id for n in mini.walk()] == ["A", "A.1", "A.2", "B"]
    assert mini.required_ids() == ["A", "A.1", "B"]
    assert mini.issued_lines(2025) == [
        "Sơ kết công tác năm 2025",
        "1. Kết quả năm 2025",
        "So sánh với năm 2024.",
        "1.1. Việc đã làm",
        "1.2. Việc chưa làm",
        "2. Kế hoạch năm 2026",
    ]
