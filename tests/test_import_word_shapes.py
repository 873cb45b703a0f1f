"""``baocao import --onto`` on tracked changes in the shapes Microsoft Word writes them.

Each case edits the unit's built Word file on the document model (``word_shapes``):
runs split inside words by editing sessions and spelling marks, bookmarks and comment
ranges inside an insertion, comments with replies, moves of a paragraph and of a phrase,
paragraph marks deleted (two and three paragraphs joined) and inserted, whole paragraphs
deleted, two authors and dates, smart quotes and non-breaking spaces, a hyperlink, a
table cell, a paragraph partly accepted before the save. Each edit is made exactly: the
unit read back gives the Word file's accepted text, every other file byte for byte as it
was. The cases whose edits are listed, and LibreOffice's reading of all of them, are in
``test_import_word_shapes_listed.py``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from baocao.text import squash
from baocao.wordin.placing import pair
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from onto_helpers import body_texts
from test_docx_support import run_cli
from test_import_onto import UNIT, _build, _project, _snapshot
from word_shapes import (
    LATER,
    OTHER,
    accept_some,
    bookmark_end,
    bookmark_start,
    delete_paragraph,
    find,
    fragment,
    hyperlink,
    insert,
    join_with_next,
    mark,
    move_paragraph,
    move_phrase,
    new_paragraph_after,
    replace,
    run_with,
    split_paragraph,
    text_of,
)

FIRST = f"reports/{UNIT}/1-dac-diem-tinh-hinh.md"
LEAD = f"reports/{UNIT}/2-ket-qua/1-lanh-dao-chi-dao.md"
RESULTS = f"reports/{UNIT}/2-ket-qua/2-ket-qua-phong-trao.md"
PART_INDEX = f"reports/{UNIT}/2-ket-qua/index.md"
SUPPORT = "Sở luôn nhận được sự lãnh đạo"
DONE = "Sở hoàn thành 126/126"
PLAN = "Giám đốc Sở ban hành Kế hoạch số 15"
RULES = "Sở ban hành Quy chế thi đua"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example project (with a typed table) and its unit's Word file, built once."""
    project = _project(tmp_path_factory.mktemp("shapes"))
    return project, _build(project, UNIT)


def _row(document, contains: str):
    return next(tr for tr in document.element.body.iter(qn("w:tr")) if contains in text_of(tr))


def _runs_split_in_words(document) -> None:
    paragraph = find(document, DONE)
    fragment(paragraph)
    replace(paragraph, "126/126 nhiệm vụ", "125/126 nhiệm vụ")
    replace(paragraph, "trước hạn", "trước thời hạn")


def _bookmark_and_comment_in_insertion(document) -> None:
    paragraph = find(document, SUPPORT)
    added = insert(paragraph, len(SUPPORT) + 1, "rất ")
    added.insert(0, bookmark_start("_GoBack", 0))
    added.append(bookmark_end(0))
    runs = [r for r in paragraph.iter(qn("w:r"))]
    document.add_comment([docx.text.run.Run(runs[0], document.part)], text="Rõ hơn.")
    start = OxmlElement("w:commentRangeStart")
    start.set(qn("w:id"), "0")
    added.insert(1, start)


def _comment_with_reply(document) -> None:
    paragraph = find(document, SUPPORT)
    runs = docx.text.paragraph.Paragraph(paragraph, document.part).runs
    document.add_comment(runs, text="Xem lại số liệu.", author="Giám đốc Sở")
    document.add_comment(runs, text="Đã kiểm tra, đúng.", author=OTHER)
    insert(paragraph, 3, "vẫn ")


def _move_paragraph(document) -> None:
    move_paragraph(find(document, SUPPORT), find(document, "Kết quả cụ thể như sau."))


def _move_phrase(document) -> None:
    paragraph = find(document, SUPPORT)
    move_phrase(paragraph, "sát sao ", paragraph, len("Sở luôn nhận được sự "))


def _join_two(document) -> None:
    join_with_next(find(document, PLAN))


def _join_three_list_items(document) -> None:
    join_with_next(find(document, "- “Cả nước chung sức"))
    join_with_next(find(document, "- “Chung tay vì người nghèo"))


def _split_at_sentence(document) -> None:
    paragraph = find(document, SUPPORT)
    split_paragraph(paragraph, text_of(paragraph).index("Khó khăn lớn"))


def _new_paragraph_typed(document) -> None:
    new_paragraph_after(find(document, SUPPORT), "Năm 2025 là năm “đặc biệt”\u00a0– nhiều đổi mới.")


def _delete_two_paragraphs(document) -> None:
    delete_paragraph(find(document, PLAN))
    delete_paragraph(find(document, RULES))


def _two_authors(document) -> None:
    paragraph = find(document, SUPPORT)
    replace(paragraph, "sát sao", "sâu sát", OTHER, LATER)
    replace(paragraph, "41 người", "42 người")


def _typed_by_word(document) -> None:
    replace(find(document, SUPPORT), "vừa sắp xếp bộ máy", "vừa “sắp xếp” bộ\u00a0máy – và")


def _inside_a_hyperlink(document) -> None:
    paragraph = find(document, SUPPORT)
    hyperlink(paragraph, "Ủy ban nhân dân tỉnh", document)
    replace(paragraph, "nhân dân tỉnh", "nhân dân tỉnh Bình Minh")


def _table_cell(document) -> None:
    paragraph = list(_row(document, "Lao động tiên tiến").iter(qn("w:p")))[2]
    fragment(paragraph, 1)
    replace(paragraph, "198", "201")


def _partly_accepted_in_an_edited_paragraph(document) -> None:
    paragraph = find(document, SUPPORT)
    replace(paragraph, "sát sao", "sâu sát", OTHER)
    replace(paragraph, "41 người", "42 người")
    accept_some(document, OTHER)


def _insertion_deleted_by_another(document) -> None:
    """One author's insertion partly deleted by another: ``w:del`` inside ``w:ins``."""
    added = insert(find(document, SUPPORT), 3, "vẫn luôn luôn ")
    run = added.find(qn("w:r"))
    run.find(qn("w:t")).text = "vẫn "
    removed = mark("w:del", OTHER, LATER)
    removed.append(run_with(run, "luôn luôn ", tag="w:delText"))
    added.append(removed)


APPLIED: dict[str, tuple[Callable, set[str]]] = {
    "runs-split-inside-words": (_runs_split_in_words, {RESULTS}),
    "bookmark-and-comment-in-insertion": (_bookmark_and_comment_in_insertion, {FIRST}),
    "comment-with-reply": (_comment_with_reply, {FIRST}),
    "move-a-paragraph": (_move_paragraph, {FIRST, PART_INDEX}),
    "move-a-phrase": (_move_phrase, {FIRST}),
    "paragraph-mark-deleted": (_join_two, {LEAD}),
    "three-list-items-joined": (_join_three_list_items, {RESULTS}),
    "paragraph-mark-inserted": (_split_at_sentence, {FIRST}),
    "new-paragraph-typed": (_new_paragraph_typed, {FIRST}),
    "two-paragraphs-deleted": (_delete_two_paragraphs, {LEAD}),
    "two-authors-two-dates": (_two_authors, {FIRST}),
    "smart-quotes-nbsp-dash": (_typed_by_word, {FIRST}),
    "inside-a-hyperlink": (_inside_a_hyperlink, {FIRST}),
    "table-cell-split-runs": (_table_cell, {RESULTS}),
    "partly-accepted-paragraph": (_partly_accepted_in_an_edited_paragraph, {FIRST}),
    "insertion-deleted-by-another": (_insertion_deleted_by_another, {FIRST}),
}


def _edited(base: tuple[Path, Path], tmp_path: Path, shape: Callable) -> tuple[Path, Path]:
    project, built = base
    work = tmp_path / "project"
    shutil.copytree(project, work)
    document = docx.Document(str(built))
    shape(document)
    edited = tmp_path / "lanh-dao-sua.docx"
    document.save(str(edited))
    return work, edited


@pytest.mark.parametrize("name", list(APPLIED))
def test_word_shaped_edits_are_made_exactly(
    base: tuple[Path, Path], tmp_path: Path, name: str
) -> None:
    shape, files = APPLIED[name]
    project, edited = _edited(base, tmp_path, shape)
    before = _snapshot(project)

    result = run_cli(project, "import", "--onto", UNIT, str(edited))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "KHÔNG" not in result.stdout and "Traceback" not in result.stderr
    after = _snapshot(project)
    assert {k for k in before if before[k] != after[k]} == files
    assert _words(_build(project, UNIT)) == _words(edited)


def _words(path: Path) -> list[str]:
    """The file's paragraphs, changes accepted, spaces folded, empty ones left out."""
    return [squash(text) for text in body_texts(path) if squash(text)]


def _texts(project: Path, rel: str) -> str:
    return (project / rel).read_text(encoding="utf-8")


def test_the_made_edits_read_as_meant(base: tuple[Path, Path], tmp_path: Path) -> None:
    """Three of the cases above, their Markdown lines asserted word for word."""
    project, edited = _edited(base, tmp_path / "a", _runs_split_in_words)
    run_cli(project, "import", "--onto", UNIT, str(edited))
    assert "Sở hoàn thành **125/126 nhiệm vụ** được giao, 97 nhiệm vụ trước thời hạn (" in (
        _texts(project, RESULTS)
    )
    project, edited = _edited(base, tmp_path / "b", _split_at_sentence)
    run_cli(project, "import", "--onto", UNIT, str(edited))
    lines = _texts(project, FIRST).splitlines()
    assert lines[4].endswith("đội ngũ công chức vững chuyên môn.")  # no space left at the end
    assert lines[5] == "" and lines[6].startswith("Khó khăn lớn là khối lượng")
    project, edited = _edited(base, tmp_path / "c", _typed_by_word)
    run_cli(project, "import", "--onto", UNIT, str(edited))
    assert "do vừa “sắp xếp” bộ\u00a0máy – và, vừa vận hành" in _texts(project, FIRST)


def test_a_cell_edited_beside_empty_cells_is_one_edit() -> None:
    """A table row read cell by cell: "26" became "27" with empty cells after it (as in
    the commendation tables) is the cell edited, not one removed and one added."""
    before = ["Chiến sĩ thi đua cơ sở", "", "26", "", "", "Giấy khen", "18"]
    after = ["Chiến sĩ thi đua cơ sở", "", "27", "", "", "Giấy khen", "18"]

    pairs = pair(before, after, fill=True)

    assert (2, 2) in pairs
    assert sorted(i for i, _ in pairs if i is not None) == list(range(len(before)))
    assert sorted(j for _, j in pairs if j is not None) == list(range(len(after)))
