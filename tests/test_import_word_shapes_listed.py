"""``baocao import --onto`` on Word-shaped edits it cannot make: each is listed.

The cases of ``test_import_word_shapes.py``'s kind (made with ``word_shapes`` on the
unit's built file) whose edit has no place in the Markdown: formatting changes, a page
header, edits made with Track Changes off or accepted before the save, table rows, a new
heading, the header block and signer, a field, a footnote, a cell of a table made from
data; each is listed with where it is and what to do, and no file changes but the ones
the other edits go to. LibreOffice reads every case of both files and its own "accept
all" gives the text the import takes. A .doc named .docx is read; a damaged file is
refused with what to do, never a traceback.
"""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from baocao.text import squash
from baocao.wordin.source import soffice
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from import_helpers import ROOT
from lxml import etree
from test_docx_support import run_cli
from test_import_onto import UNIT, _build, _snapshot
from test_import_word_shapes import (
    APPLIED,
    DONE,
    FIRST,
    RESULTS,
    SUPPORT,
    _edited,
    _row,
    _texts,
    _two_authors,
    _words,
    base,
)
from word_shapes import (
    OTHER,
    accept_some,
    bold_change,
    centre_change,
    delete,
    find,
    insert,
    libreoffice_accepted,
    mark,
    new_paragraph_after,
    page_field_run,
    replace,
    run_with,
    text_of,
)

__all__ = ["base"]  # the module's fixture, shared with the cases that are made


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
