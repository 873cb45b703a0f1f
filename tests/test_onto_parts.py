"""The parts of ``import --onto``: a paragraph's edit on its Markdown (markup kept), the
pairing of paragraphs, the blocks of a file with their characters, and the plan of
changes on a unit whose file has CRLF line ends and a byte order mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from baocao.project import Project
from baocao.wordin.onto import new_text
from baocao.wordin.onto_plan import plan_changes
from baocao.wordin.placing import pair
from baocao.wordin.sourcemap import plain_of_markdown, unit_sources
from baocao.wordin.textedit import edit_block
from baocao.wordin.wordparas import Versions, WordParagraph
from hypothesis import example, given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("source", "word_before", "word_after", "expected"),
    [
        # a word beside bold text, and one inside it
        (
            "Đã **tổ chức** 12 hội nghị.",
            "Đã tổ chức 12 hội nghị.",
            "Đã tổ chức 15 hội nghị.",
            "Đã **tổ chức** 15 hội nghị.",
        ),
        (
            "Đã **tổ chức** 12 hội nghị.",
            "Đã tổ chức 12 hội nghị.",
            "Đã tổ 12 hội nghị.",
            "Đã **tổ** 12 hội nghị.",
        ),
        # the whole bold stretch removed: no empty "****" left behind
        (
            "Đã **tổ chức** 12 hội nghị.",
            "Đã tổ chức 12 hội nghị.",
            "Đã 12 hội nghị.",
            "Đã 12 hội nghị.",
        ),
        # heading marker and emphasis kept
        (
            "### b) Các *phong trào* do cụm",
            "b) Các phong trào do cụm",
            "b) Các phong trào do cụm, khối",
            "### b) Các *phong trào* do cụm, khối",
        ),
        # a list item: the Word text carries the label, the Markdown the marker
        (
            "- “Chuyển đổi số”: 186.500 trang.",
            "- “Chuyển đổi số”: 186.500 trang.",
            "- “Chuyển đổi số”: 190.000 trang.",
            "- “Chuyển đổi số”: 190.000 trang.",
        ),
        # typed Markdown characters are escaped
        (
            "Vượt kế hoạch.",
            "Vượt kế hoạch.",
            "Vượt kế hoạch (*) [1].",
            "Vượt kế hoạch (\\*) \\[1\\].",
        ),
        # a paragraph over two lines keeps its line break
        (
            "Dòng một có 5 người\ntiếp dòng hai.",
            "Dòng một có 5 người tiếp dòng hai.",
            "Dòng một có 6 người tiếp dòng hai.",
            "Dòng một có 6 người\ntiếp dòng hai.",
        ),
        # a link keeps its target
        (
            "Xem [kế hoạch](https://a.vn/kh) năm nay.",
            "Xem kế hoạch năm nay.",
            "Xem kế hoạch năm 2026.",
            "Xem [kế hoạch](https://a.vn/kh) năm 2026.",
        ),
    ],
)
def test_an_edit_keeps_the_markup_around_it(
    source: str, word_before: str, word_after: str, expected: str
) -> None:
    plain = plain_of_markdown(source)
    assert edit_block(source, plain, word_before, word_after) == expected


def test_an_edit_of_what_the_markdown_does_not_hold_is_not_placed() -> None:
    # the list label is the builder's, not a character of the Markdown
    assert edit_block("- Một việc.", "Một việc.", "- Một việc.", "+ Một việc.") is None


WORDS = st.sampled_from(
    [
        "Sở",
        "hoàn",
        "thành",
        "126/126",
        "nhiệm",
        "vụ",
        "1.318",
        "đạt",
        "99,6%",
        "(năm",
        "2024)",
        "“Lao",
        "động”",
        "-",
        "*",
        "_",
        "[1]",
        "a)",
        "#",
        "`x`",
        "&amp;",
        "<b>",
    ]
)
SENTENCES = st.lists(WORDS, min_size=1, max_size=15).map(" ".join)


@settings(max_examples=200, deadline=None, database=None)
@given(before=SENTENCES, after=SENTENCES)
@example(before="&amp;", after="&amp; &amp;")  # CI: "; &amp" put before the ";" made an entity
@example(before="& amp;", after="&amp;")  # a space taken out between a kept "&" and "amp;"
def test_any_edit_of_plain_text_reads_back_as_the_edited_text(before: str, after: str) -> None:
    """A paragraph written as plain text (escaped as the importer writes it) takes any
    edit, and the project's parser reads the result as the edited text."""
    from baocao.wordin.inlines import escape

    source = "Mở đầu " + escape(before)
    plain = plain_of_markdown(source)
    assert plain == "Mở đầu " + before
    edited = edit_block(source, plain, plain, "Mở đầu " + after)
    assert edited is not None
    assert plain_of_markdown(edited) == "Mở đầu " + after


def test_pairs_keep_order_and_leave_out_empty_texts() -> None:
    left = ["I. Đặc điểm", "", "Đoạn một có 5 người.", "Đoạn hai bị xóa hẳn.", "- Mục a"]
    right = ["I. Đặc điểm", "Đoạn một có 6 người.", "Một đoạn khác hoàn toàn mới", "Mục a"]
    assert pair(left, right) == [(0, 0), (1, None), (2, 1), (3, None), (None, 2), (4, 3)]


def _unit(tmp_project: Path) -> Path:
    unit = tmp_project / "reports" / "don-vi"
    unit.mkdir()
    text = (
        "\ufeff---\r\nmau: mau-02\r\nnam: 2025\r\n---\r\n\r\n# Báo cáo\r\n\r\n"
        "## I. Đặc điểm\r\n\r\nĐoạn **một** có 5 người.\r\n\r\n"
        "| Hình thức | Số \\| ghi chú |\r\n| --- | --- |\r\n| Giấy khen | 18 |\r\n\r\n"
        "Đoạn cuối.\r\n"
    )
    (unit / "index.md").write_bytes(text.encode("utf-8"))
    return unit


def test_blocks_name_their_characters_cells_included(tmp_project: Path) -> None:
    unit = _unit(tmp_project)
    files, blocks = unit_sources(Project.discover(tmp_project), unit)
    text = files[0].text
    assert [(b.kind, b.line, b.plain) for b in blocks] == [
        ("heading", 8, "I. Đặc điểm"),  # the title (# Báo cáo) is the Word file's trích yếu
        ("paragraph", 10, "Đoạn một có 5 người."),
        ("cell", 12, "Hình thức"),
        ("cell", 12, "Số | ghi chú"),
        ("cell", 14, "Giấy khen"),
        ("cell", 14, "18"),
        ("paragraph", 16, "Đoạn cuối."),
    ]
    assert [text[b.start : b.end] for b in blocks[2:6]] == [
        "Hình thức",
        "Số \\| ghi chú",
        "Giấy khen",
        "18",
    ]


def test_a_plan_changes_only_the_edited_characters(tmp_project: Path) -> None:
    unit = _unit(tmp_project)
    files, blocks = unit_sources(Project.discover(tmp_project), unit)
    before = [
        "Báo cáo",
        "I. Đặc điểm",
        "Đoạn một có 5 người.",
        "Hình thức",
        "Số | ghi chú",
        "Giấy khen",
        "18",
        "Đoạn cuối.",
    ]
    after = [
        "Báo cáo",
        "I. Đặc điểm",
        "Đoạn một có 7 người.",
        "Đoạn thêm.",
        "Hình thức",
        "Số | ghi chú",
        "Giấy khen",
        "19",
        "Đoạn cuối.",
    ]
    versions = Versions(
        [WordParagraph(t, t in ("Hình thức", "Số | ghi chú", "Giấy khen", "18")) for t in before],
        [WordParagraph(t, t in ("Hình thức", "Số | ghi chú", "Giấy khen", "19")) for t in after],
    )
    plan = plan_changes(files, blocks, versions)
    assert plan.unplaced == []
    written = new_text(files[0].text, plan.changes).encode("utf-8")
    expected = files[0].data.replace("có 5 người".encode(), "có 7 người".encode())
    expected = expected.replace(b"| 18 |", b"| 19 |")
    expected = expected.replace("người.\r\n".encode(), "người.\r\n\r\nĐoạn thêm.\r\n".encode())
    assert written == expected  # CRLF and the byte order mark kept where nothing changed


def test_a_run_removed_then_added_pairs_one_by_one_when_filled() -> None:
    left = ["Giấy khen", "18", "96"]
    right = ["Giấy khen", "19", "97"]
    assert pair(left, right) == [(0, 0), (1, None), (2, None), (None, 1), (None, 2)]
    assert pair(left, right, fill=True) == [(0, 0), (1, 1), (2, 2)]


def test_a_paragraph_put_in_place_of_another_is_removed_and_added(tmp_project: Path) -> None:
    unit = tmp_project / "reports" / "don-vi"
    unit.mkdir()
    text = "# Báo cáo\n\n## I. Đặc điểm\n\n- Mục một đã xong.\n- Mục hai **đang** làm.\n"
    (unit / "index.md").write_text(text, encoding="utf-8")
    files, blocks = unit_sources(Project.discover(tmp_project), unit)
    before = ["I. Đặc điểm", "- Mục một đã xong.", "- Mục hai đang làm."]
    after = ["I. Đặc điểm", "- Mục một đã xong.", "Ý kiến khác hẳn của lãnh đạo về việc này."]
    versions = Versions([WordParagraph(t) for t in before], [WordParagraph(t) for t in after])
    plan = plan_changes(files, blocks, versions)
    assert plan.unplaced == []
    assert [c.kind for c in plan.changes] == ["delete", "insert"]
    assert new_text(text, plan.changes) == (
        "# Báo cáo\n\n## I. Đặc điểm\n\n- Mục một đã xong.\n\n"
        "Ý kiến khác hẳn của lãnh đạo về việc này.\n"
    )
