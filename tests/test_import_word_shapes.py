"""``baocao import --onto`` on tracked changes in the shapes Microsoft Word writes them.

Each case edits the unit's built Word file on the document model (``word_shapes``):
runs split inside words by editing sessions and spelling marks, bookmarks and comment
ranges inside an insertion, moves, paragraph marks deleted and inserted, formatting
changes, table rows, the header block, the signer, a page header, two authors, a file
partly accepted before the save, edits made with Track Changes off. LibreOffice reads
every file and its "accept all" gives the text the case means. Then each edit is either
made exactly (the unit read back gives the Word file's accepted text, every other file
byte for byte as it was) or listed with where it is and what to do, never lost.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from baocao.text import squash
from baocao.wordin.placing import pair
from baocao.wordin.source import soffice
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from import_helpers import ROOT
from lxml import etree
from onto_helpers import body_texts
from test_docx_support import run_cli
from test_import_onto import UNIT, _build, _project, _snapshot
from word_shapes import (
    LATER,
    OTHER,
    accept_some,
    bold_change,
    bookmark_end,
    bookmark_start,
    centre_change,
    delete,
    delete_paragraph,
    find,
    fragment,
    hyperlink,
    insert,
    join_with_next,
    libreoffice_accepted,
    mark,
    move_paragraph,
    move_phrase,
    new_paragraph_after,
    page_field_run,
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


def _bold_words(document) -> None:
    bold_change(find(document, SUPPORT), "sát sao")


def _centred(document) -> None:
    centre_change(find(document, SUPPORT))


def _page_header(document) -> None:
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/header"):
            for run in rel.target_part.element.iter(qn("w:r")):
                if run.find(qn("w:t")) is not None:
                    added = mark("w:ins")
                    added.append(run_with(run, "Trang "))
                    run.addprevious(added)
                    return
    raise AssertionError("the built file has no page header with text")


def _accepted_before_the_save(document) -> None:
    replace(find(document, SUPPORT), "sát sao", "sâu sát", OTHER)
    replace(find(document, DONE), "trước hạn", "trước thời hạn")
    accept_some(document, OTHER)


def _track_changes_off_for_a_while(document) -> None:
    paragraph = find(document, SUPPORT)
    text = paragraph.find(f"{qn('w:r')}/{qn('w:t')}")
    text.text = text.text.replace("sát sao", "sâu sát")
    replace(find(document, DONE), "trước hạn", "trước thời hạn")
    anchor = find(document, "Kết quả cụ thể như sau.")
    added = copy.deepcopy(anchor)
    added.find(f"{qn('w:r')}/{qn('w:t')}").text = "Đoạn thêm khi tắt theo dõi."
    anchor.addnext(added)


def _row_deleted(document) -> None:
    row = _row(document, "Chiến sĩ thi đua cơ sở")
    for paragraph in row.iter(qn("w:p")):
        delete(paragraph, 0, len(text_of(paragraph)))
    properties = row.find(qn("w:trPr"))
    if properties is None:
        properties = OxmlElement("w:trPr")
        row.insert(0, properties)
    properties.append(mark("w:del"))


def _row_inserted(document) -> None:
    row = _row(document, "Chiến sĩ thi đua cơ sở")
    added = copy.deepcopy(row)
    for paragraph, text in zip(added.iter(qn("w:p")), ("Bằng khen", "2", "5"), strict=False):
        delete(paragraph, 0, len(text_of(paragraph)))
        for wrapper in paragraph.findall(qn("w:del")):
            paragraph.remove(wrapper)
        paragraph.append(mark("w:ins"))
        paragraph[-1].append(copy.deepcopy(next(row.iter(qn("w:r")))))
        paragraph[-1].find(f"{qn('w:r')}/{qn('w:t')}").text = text
    properties = added.find(qn("w:trPr"))
    if properties is None:
        properties = OxmlElement("w:trPr")
        added.insert(0, properties)
    properties.append(mark("w:ins"))
    row.addnext(added)


def _new_heading(document) -> None:
    heading = new_paragraph_after(find(document, SUPPORT), "III. Mục mới thêm")
    heading.pPr.get_or_add_pStyle().set(qn("w:val"), "Heading1")


def _header_and_signer(document) -> None:
    replace(find(document, "Số: 412/BC-SNV"), "412", "415")
    texts = [p for p in document.element.body.iter(qn("w:p")) if text_of(p).strip()]
    replace(texts[-1], "Hương", "Hường")


def _line_break_for_a_space(document) -> None:
    """Shift+Enter typed over the space between two sentences: a ``w:br``, no space."""
    paragraph = find(document, SUPPORT)
    at = text_of(paragraph).index(" Khó khăn lớn")
    delete(paragraph, at, at + 1)
    added = insert(paragraph, at, "x")
    run = added.find(qn("w:r"))
    run.remove(run.find(qn("w:t")))
    run.append(OxmlElement("w:br"))


LISTED: dict[str, tuple[Callable, list[str], set[str]]] = {
    "bold-with-track-changes": (
        _bold_words,
        [f"{FIRST}:5: KHÔNG đưa vào được thay đổi định dạng (in đậm", "của “sát sao”", "**đậm**"],
        set(),
    ),
    "centred-with-track-changes": (
        _centred,
        [f"{FIRST}:5: KHÔNG đưa vào được thay đổi định dạng"],
        set(),
    ),
    "line-break-for-a-space": (
        _line_break_for_a_space,
        [f"{FIRST}:5: KHÔNG đưa vào được thay đổi định dạng", "xuống dòng"],
        set(),
    ),
    "page-header": (
        _page_header,
        [
            "tệp Word, đầu trang hoặc chân trang: KHÔNG đưa vào được sửa đổi thêm “Trang”",
            "số trang",
        ],
        set(),
    ),
    "accepted-before-the-save": (
        _accepted_before_the_save,
        [
            f"{FIRST}:5: KHÔNG đưa vào được sửa đổi thêm “sâu”; bỏ “sao”",
            "không có dấu sửa đổi được theo dõi",
            f"{RESULTS}:5: đã sửa đoạn: thêm “thời”",
        ],
        {RESULTS},
    ),
    "track-changes-off-for-a-while": (
        _track_changes_off_for_a_while,
        [
            f"{FIRST}:5: KHÔNG đưa vào được sửa đổi thêm “sâu”; bỏ “sao”",
            "KHÔNG đưa vào được đoạn thêm “Đoạn thêm khi tắt theo dõi.”",
            f"{RESULTS}:5: đã sửa đoạn: thêm “thời”",
        ],
        {RESULTS},
    ),
    "table-row-deleted": (
        _row_deleted,
        [f"{RESULTS}:40: KHÔNG đưa vào được việc xóa đoạn “26”", "bảng"],
        set(),
    ),
    "table-row-inserted": (_row_inserted, ["KHÔNG đưa vào được đoạn thêm “Bằng khen”"], set()),
    "new-section-heading": (
        _new_heading,
        ["KHÔNG đưa vào được đoạn thêm “III. Mục mới thêm”: đoạn thêm là một đề mục"],
        set(),
    ),
    "header-block-and-signer": (
        _header_and_signer,
        ["KHÔNG đưa vào được sửa đổi “412” → “415”", "“Hương” → “Hường”", "front matter"],
        set(),
    ),
}


@pytest.mark.parametrize("name", list(LISTED))
def test_what_cannot_be_made_is_listed_with_where(
    base: tuple[Path, Path], tmp_path: Path, name: str
) -> None:
    shape, lines, files = LISTED[name]
    project, edited = _edited(base, tmp_path, shape)
    before = _snapshot(project)

    result = run_cli(project, "import", "--onto", UNIT, str(edited))

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for line in lines:
        assert line in result.stdout, result.stdout
    after = _snapshot(project)
    assert {k for k in before if before[k] != after[k]} == files


def test_libreoffice_opens_every_case_and_accepts_as_meant(
    base: tuple[Path, Path], tmp_path: Path
) -> None:
    """LibreOffice's own "accept all" of each file gives the paragraphs the import takes."""
    program = soffice()
    if program is None:
        print("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    files = []
    cases = {**{k: v[0] for k, v in APPLIED.items()}, **{k: v[0] for k, v in LISTED.items()}}
    for name, shape in cases.items():
        _, edited = _edited(base, tmp_path / name, shape)
        files.append(edited.rename(tmp_path / f"{name}.docx"))
    out = tmp_path / "out"
    command = [program, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless"]
    command += ["--convert-to", "fodt", "--outdir", str(out), *map(str, files)]
    subprocess.run(command, capture_output=True, timeout=600, check=False)
    for path in files:
        flat = (out / f"{path.stem}.fodt").read_bytes()
        theirs = [squash(t) for t in libreoffice_accepted(flat) if squash(t)]
        assert theirs == _words(path), path.stem


def test_a_doc_named_docx_is_converted(base: tuple[Path, Path], tmp_path: Path) -> None:
    """Word 97-2003 saved under a .docx name: read as the .doc it is (through LibreOffice)."""
    program = soffice()
    if program is None:
        print("LibreOffice (soffice) is not installed: .doc named .docx not tested")
        pytest.skip("LibreOffice (soffice) is not installed: .doc named .docx not tested")
    project, edited = _edited(base, tmp_path, _two_authors)
    out = tmp_path / "doc"
    command = [program, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless"]
    command += ["--convert-to", "doc", "--outdir", str(out), str(edited)]
    subprocess.run(command, capture_output=True, timeout=300, check=False)
    renamed = (out / "lanh-dao-sua.doc").rename(tmp_path / "bao-cao.docx")
    assert renamed.read_bytes()[:4] == bytes.fromhex("D0CF11E0")

    result = run_cli(project, "import", "--onto", UNIT, str(renamed))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "lãnh đạo sâu sát của Tỉnh ủy" in _texts(project, FIRST)
    assert "42 người nghỉ hưu" in _texts(project, FIRST)


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 3]


def _broken_part(data: bytes) -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for name in old.namelist():
            part = old.read(name)
            new.writestr(name, part[: len(part) // 2] if name == "word/document.xml" else part)
    return out.getvalue()


@pytest.mark.parametrize("damage", [_truncated, _broken_part], ids=["broken-zip", "broken-xml"])
def test_a_damaged_file_is_refused_with_what_to_do(
    base: tuple[Path, Path], tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    project, edited = _edited(base, tmp_path, _two_authors)
    edited.write_bytes(damage(edited.read_bytes()))
    before = _snapshot(project)

    for args in (("--onto", UNIT, str(edited)), (str(edited), "don-vi-moi")):
        result = run_cli(project, "import", *args)
        assert result.returncode == 1, result.stdout + result.stderr
        assert f"{edited}: Tệp này không phải tệp Word .docx hợp lệ" in result.stderr
        assert "Hãy mở bằng Word và lưu lại dạng .docx" in result.stderr
        assert "Traceback" not in result.stderr and "Lỗi nội bộ" not in result.stderr
    assert _snapshot(project) == before


def test_a_field_and_a_page_number_field_typed_in_the_body(
    base: tuple[Path, Path], tmp_path: Path
) -> None:
    """A PAGE field inserted in a paragraph: its shown number is Word's, not words."""

    def shape(document) -> None:
        paragraph = find(document, SUPPORT)
        last = [r for r in paragraph.iter(qn("w:r"))][-1]
        added = mark("w:ins")
        for run in page_field_run(last):
            added.append(run)
        last.addnext(added)

    project, edited = _edited(base, tmp_path, shape)
    before = _snapshot(project)

    result = run_cli(project, "import", "--onto", UNIT, str(edited))

    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{FIRST}:5: KHÔNG đưa vào được" in result.stdout
    assert "trường (field)" in result.stdout
    assert _snapshot(project) == before


def test_a_cell_edited_beside_empty_cells_is_one_edit() -> None:
    """A table row read cell by cell: "26" became "27" with empty cells after it (as in
    the commendation tables) is the cell edited, not one removed and one added."""
    before = ["Chiến sĩ thi đua cơ sở", "", "26", "", "", "Giấy khen", "18"]
    after = ["Chiến sĩ thi đua cơ sở", "", "27", "", "", "Giấy khen", "18"]

    pairs = pair(before, after, fill=True)

    assert (2, 2) in pairs
    assert sorted(i for i, _ in pairs if i is not None) == list(range(len(before)))
    assert sorted(j for _, j in pairs if j is not None) == list(range(len(after)))


def test_a_cell_of_a_table_made_from_data_names_the_data_file(tmp_path: Path) -> None:
    """The commendation table is made from khen-thuong.yaml: an edit of one of its numbers
    is listed with where the number comes from, not as a header or a table row."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, project / name)
    for name in ("_templates", "reports"):
        shutil.copytree(ROOT / name, project / name)
    document = docx.Document(str(_build(project, UNIT)))
    row = _row(document, "Chiến sĩ thi đua cơ sở")
    cell = next(p for p in row.iter(qn("w:p")) if text_of(p) == "26")
    replace(cell, "26", "27")
    edited = tmp_path / "sua.docx"
    document.save(str(edited))
    before = _snapshot(project)

    result = run_cli(project, "import", "--onto", UNIT, str(edited))

    assert result.returncode == 1, result.stdout + result.stderr
    assert "KHÔNG đưa vào được sửa đổi “26” → “27”: ô này thuộc bảng do baocao tạo ra" in (
        result.stdout
    )
    assert "khen-thuong.yaml" in result.stdout
    assert "front matter" not in result.stdout
    assert _snapshot(project) == before


def _footnote_added(document) -> None:
    """A footnote inserted with Track Changes: its reference in the body, its text in the
    footnotes part, both inside ``w:ins``."""
    paragraph = find(document, SUPPORT)
    last = [r for r in paragraph.iter(qn("w:r"))][-1]
    reference = run_with(last, "")
    reference.remove(reference.find(qn("w:t")))
    note = OxmlElement("w:footnoteReference")
    note.set(qn("w:id"), "77")
    reference.append(note)
    added = mark("w:ins")
    added.append(reference)
    last.addnext(added)
    part = next(r for r in document.part.rels.values() if r.reltype.endswith("/footnotes"))
    notes = parse_xml(part.target_part.blob)
    footnote = OxmlElement("w:footnote")
    footnote.set(qn("w:id"), "77")
    text = OxmlElement("w:p")
    inserted = mark("w:ins")
    inserted.append(run_with(last, "Theo Quyết định số 215/QĐ-SNV."))
    text.append(inserted)
    footnote.append(text)
    notes.append(footnote)
    part.target_part._blob = etree.tostring(notes, xml_declaration=True, standalone=True)


def test_a_footnote_added_is_listed_with_its_text(base: tuple[Path, Path], tmp_path: Path) -> None:
    project, edited = _edited(base, tmp_path, _footnote_added)
    before = _snapshot(project)

    result = run_cli(project, "import", "--onto", UNIT, str(edited))

    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert f"{FIRST}:5: KHÔNG đưa vào được sửa đổi trong đoạn “Sở luôn nhận được" in out
    assert "chú thích cuối trang (footnote) được thêm hoặc bỏ" in out
    assert "tệp Word, chú thích (footnote): KHÔNG đưa vào được sửa đổi thêm “Theo Quyết" in out
    assert _snapshot(project) == before
