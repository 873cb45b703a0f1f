"""The doctree → pandoc document visitor (baocao.docx.ast), on small MyST snippets."""

from __future__ import annotations

import json
from pathlib import Path

import panflute as pf
import pytest
from baocao.docx.ast import roman, to_json, to_pandoc
from baocao.docx.table import is_number, layout
from docutils.core import publish_doctree
from myst_parser.parsers.docutils_ import Parser

SETTINGS = {
    "myst_enable_extensions": ["colon_fence"],
    "doctitle_xform": False,
    "report_level": 5,
}


def convert(source: str, **options) -> pf.Doc:
    tree = publish_doctree(source, parser=Parser(), settings_overrides=SETTINGS)
    return to_pandoc(tree, srcdir=Path("/src"), **options)


def plain(element: pf.Element) -> str:
    return pf.stringify(element).strip()


def texts(doc: pf.Doc, kind: type) -> list[str]:
    return [plain(block) for block in doc.content if isinstance(block, kind)]


def test_title_is_dropped_and_sections_become_headers_one_level_up() -> None:
    doc = convert("# Tiêu đề\n\n## I. Phần\n\n### 1. Mục\n\n#### a) Điểm\n\nĐoạn.\n")
    headers = [(b.level, plain(b)) for b in doc.content if isinstance(b, pf.Header)]
    assert headers == [(1, "I. Phần"), (2, "1. Mục"), (3, "a) Điểm")]
    assert all(b.identifier == "" for b in doc.content if isinstance(b, pf.Header))


def test_title_kept_when_asked() -> None:
    doc = convert("# Tiêu đề\n\n## I. Phần\n", drop_title=False)
    assert [(b.level, plain(b)) for b in doc.content] == [(1, "Tiêu đề"), (2, "I. Phần")]


def test_inline_markup_becomes_pandoc_inlines() -> None:
    doc = convert("# T\n\nMột *nghiêng*, **đậm**, `mã` và [liên kết](https://example.vn).\n")
    (para,) = doc.content
    kinds = {type(item) for item in para.content}
    assert {pf.Emph, pf.Strong, pf.Code, pf.Link} <= kinds
    link = next(item for item in para.content if isinstance(item, pf.Link))
    assert link.url == "https://example.vn"
    assert plain(para) == "Một nghiêng, đậm, mã và liên kết."


def test_lists_become_paragraphs_with_administrative_markers() -> None:
    source = "# T\n\n- một\n  - con\n- hai\n\n1. thứ nhất\n2. thứ hai\n\na) điểm a\nb) điểm b\n"
    doc = convert(source)
    assert texts(doc, pf.Para)[:5] == ["- một", "+ con", "- hai", "1. thứ nhất", "2. thứ hai"]
    assert not any(isinstance(b, pf.BulletList | pf.OrderedList) for b in doc.content)


def test_footnote_becomes_a_note_and_its_rule_is_dropped() -> None:
    doc = convert("# T\n\nCó chú thích[^1].\n\n[^1]: Nội dung chú thích.\n")
    assert len(doc.content) == 1
    note = next(item for item in doc.content[0].content if isinstance(item, pf.Note))
    assert plain(note) == "Nội dung chú thích."


def test_table_numbers_right_aligned_header_centred_widths_from_text() -> None:
    source = (
        "# T\n\n| Hình thức khen thưởng | Tập thể | Tỷ lệ |\n| --- | --- | --- |\n"
        "| Lao động tiên tiến | 1.234 | 12,5% |\n| Giấy khen | 96 | 3 |\n"
    )
    (table,) = convert(source).content
    assert isinstance(table, pf.Table)
    assert [align for align, _ in table.colspec] == ["AlignDefault", "AlignRight", "AlignRight"]
    widths = [width for _, width in table.colspec]
    assert sum(widths) == pytest.approx(1.0)
    assert widths[0] > widths[1]
    head_cells = table.head.content[0].content
    assert {cell.alignment for cell in head_cells} == {"AlignCenter"}
    assert plain(head_cells[0]) == "Hình thức khen thưởng"
    first_row = table.content[0].content[0].content
    assert [cell.alignment for cell in first_row] == ["AlignDefault", "AlignRight", "AlignRight"]
    assert all(isinstance(cell.content[0], pf.Plain) for cell in first_row)


def test_spaces_are_tidied() -> None:
    doc = convert("# T\n\nmột\nhai  ba *bốn* năm\u00a0sáu\n")
    (para,) = doc.content
    kinds = [type(item).__name__ for item in para.content]
    assert kinds == ["Str", "Space", "Emph", "Space", "Str"]
    assert [plain(item) for item in para.content[::2]] == ["một hai ba", "bốn", "năm\u00a0sáu"]


def test_admonition_keeps_a_bold_label() -> None:
    doc = convert("# T\n\n:::{note}\nLưu ý nội dung.\n:::\n", labels={"note": "Ghi chú"})
    (div,) = doc.content
    assert isinstance(div, pf.Div)
    assert [plain(b) for b in div.content] == ["Ghi chú", "Lưu ý nội dung."]
    assert isinstance(div.content[0].content[0], pf.Strong)


def test_json_is_pandoc_api_1_23_and_round_trips() -> None:
    doc = convert("# T\n\n## I. Phần\n\nĐoạn văn.\n")
    data = json.loads(to_json(doc))
    assert data["pandoc-api-version"][:2] == [1, 23]
    assert [block["t"] for block in data["blocks"]] == ["Header", "Para"]


def test_layout_places_cells_under_row_and_column_spans() -> None:
    source = """# T

```{list-table}
:header-rows: 1

* - A
  - B
  - C
* - x
  - y
  - z
```
"""
    tree = publish_doctree(source, parser=Parser(), settings_overrides=SETTINGS)
    rows = list(tree.findall(lambda n: n.tagname == "row"))
    rows[1].children[0]["morerows"] = 0
    rows[0].children[0]["morecols"] = 1
    rows[0].remove(rows[0].children[1])
    grid = layout(rows)
    assert [(col, span) for col, span, _ in grid[0]] == [(0, 2), (2, 1)]
    rows[0].children[0]["morecols"] = 0
    rows[0].children[0]["morerows"] = 1
    grid = layout([rows[0], rows[1]])
    assert [col for col, _, _ in grid[1]] == [1, 2, 3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.234", True), ("94,9%", True), ("126/126", True), ("-3", True), ("Không có", False),
     ("2.1. Mục", False), ("", False)],
)  # fmt: skip
def test_is_number(text: str, expected: bool) -> None:
    assert is_number(text) is expected


def test_roman() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 2024)] == ["i", "iv", "ix", "xiv", "xl", "mmxxiv"]


def test_golden_pandoc_json_of_a_small_report() -> None:
    """The whole pandoc document of ``fixtures/docx/ast/sample.md``, as pandoc reads it."""
    folder = Path(__file__).parent / "fixtures" / "docx" / "ast"
    doc = convert((folder / "sample.md").read_text("utf-8"))
    expected = json.loads((folder / "sample.json").read_text("utf-8"))
    assert json.loads(to_json(doc)) == expected
