"""``redline_docx``: a unit's redline from two pandoc documents, never building the old file.

The oracle is the Word file ``baocao build docx`` writes for each version (pandoc,
then the finishing, ``redline_jobs.built``), made without ``baocao.redline``:
accepting every tracked change of the redline must give today's file's
paragraphs (style and text, body and page headers), rejecting every change the
old one's. Checked on the example units edited as a pull request would (words,
a table cell and the total computed from it, the number and the signer, a moved
section, a paragraph added), on a new unit, and on generated documents with
random edits (hypothesis). LibreOffice opens the redlines and lists their
changes; the marks carry the author and date; landscape pages and images stay.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil
from pathlib import Path

import panflute as pf
import pytest
from baocao.docx.ast import to_json
from baocao.docx.convert import Job
from baocao.docx.nd30 import ND30
from baocao.docx.reference import reference_docx
from baocao.project import Project
from baocao.redline.ast_diff import redline_docx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from redline_ast_docs import edit, job, job_of, model
from redline_helpers import NS, accepted, part, rejected, texts
from redline_jobs import built, unit_jobs
from test_diff_command import UNITS, edit_units
from test_docx_support import ROOT
from test_redline_model import libreoffice_changes

AUTHOR = "Nguyễn Thị Bình"
DATE = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
W = f"{{{NS['w']}}}"
PARTS = ("word/document.xml", "word/header1.xml", "word/header2.xml")


def copy_examples(target: Path) -> Path:
    target.mkdir()
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, target / name)
    shutil.copytree(ROOT / "_templates", target / "_templates")
    shutil.copytree(ROOT / "reports", target / "reports")
    return target


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Job, Job]]:
    """Each example unit's Job at the base and after the pull request's edits."""
    work = tmp_path_factory.mktemp("ast-diff")
    base = copy_examples(work / "base")
    edited = copy_examples(work / "edited")
    edit_units(edited)
    before = unit_jobs(base, UNITS, work / "keep")
    after = unit_jobs(edited, UNITS, work / "keep")
    return {unit: (before[unit], after[unit]) for unit in UNITS}


def assert_redline(marked: bytes, old: bytes | None, new: bytes) -> None:
    for name in PARTS:
        assert accepted(marked, name) == texts(new, name), name
        if old is not None:
            assert rejected(marked, name) == texts(old, name), name


@pytest.mark.parametrize("unit", UNITS)
def test_examples_accept_all_gives_todays_file_and_reject_all_the_base(
    examples: dict[str, tuple[Job, Job]], unit: str
) -> None:
    before, today = examples[unit]
    marked = redline_docx(before, today, AUTHOR, DATE)
    assert accepted(marked) != rejected(marked)  # the unit was edited
    assert_redline(marked, built(before), built(today))


def test_word_front_matter_and_cell_changes_are_marked_where_they_are(
    examples: dict[str, tuple[Job, Job]],
) -> None:
    root = part(redline_docx(*examples["so-noi-vu"], AUTHOR, DATE))
    inserted = [t.text for t in root.xpath("//w:ins//w:t", namespaces=NS)]
    deleted = [t.text for t in root.xpath("//w:del//w:delText", namespaces=NS)]
    assert " quan trọng" in "".join(inserted)
    assert "415" in inserted and "412" in deleted  # the number, word by word
    assert any("Lê Văn Tâm" in t or t == "Tâm" for t in inserted)
    assert "12" in inserted and "11" in deleted  # the table cell
    # Unchanged text is not marked: the unit's long first paragraph keeps its own runs.
    assert len("".join(inserted)) < 100


def test_marks_carry_author_date_and_unique_ids(examples: dict[str, tuple[Job, Job]]) -> None:
    marked = redline_docx(*examples["cong-ty-cap-nuoc-binh-minh"], AUTHOR, DATE)
    marks = part(marked).xpath("//w:ins | //w:del | //w:pPrChange", namespaces=NS)
    assert marks
    assert {m.get(f"{W}author") for m in marks} == {AUTHOR}
    assert {m.get(f"{W}date") for m in marks} == {"2026-03-04T05:06:07Z"}
    ids = [m.get(f"{W}id") for m in marks]
    assert len(ids) == len(set(ids))
    names = part(marked).xpath("//w:bookmarkStart/@w:name", namespaces=NS)
    assert not [n for n in names if n.startswith("baocao_redline_")]


def test_the_file_tracks_further_changes(examples: dict[str, tuple[Job, Job]]) -> None:
    marked = redline_docx(*examples["truong-thpt-le-quy-don"], AUTHOR, DATE)
    assert part(marked, "word/settings.xml").find("w:trackRevisions", NS) is not None


def test_a_new_unit_is_all_insertion(examples: dict[str, tuple[Job, Job]]) -> None:
    _, today = examples["so-noi-vu"]
    marked = redline_docx(None, today, AUTHOR, DATE)
    assert accepted(marked) == texts(built(today))
    assert all(text == "" for _, text in rejected(marked))


def test_an_unchanged_unit_has_no_marks_and_is_todays_file(
    examples: dict[str, tuple[Job, Job]],
) -> None:
    _, today = examples["truong-thpt-le-quy-don"]
    marked = redline_docx(today, today, AUTHOR, DATE)
    assert part(marked).xpath("//w:ins | //w:del | //w:pPrChange", namespaces=NS) == []
    for name in PARTS:
        assert texts(marked, name) == texts(built(today), name)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ND30]:
    nd = ND30.from_settings(Project.discover(ROOT).settings)
    path = tmp_path_factory.mktemp("reference") / "reference.docx"
    path.write_bytes(reference_docx(nd))
    return path, nd


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), edits=st.integers(1, 5))
@example(seed=0, edits=5)  # a line block whose style differs between the versions
def test_random_edits_accept_all_gives_the_new_file_and_reject_all_the_old(
    reference: tuple[Path, ND30], seed: int, edits: int
) -> None:
    rng = random.Random(seed)
    old = model(rng)
    new = old
    for _ in range(edits):
        new = edit(rng, new)
    before, today = job(old, *reference), job(new, *reference)
    assert_redline(redline_docx(before, today, AUTHOR, DATE), built(before), built(today))


def test_landscape_pages_and_images_survive(reference: tuple[Path, ND30]) -> None:
    image = ROOT / "tests" / "fixtures" / "html" / "anh-ngoai.png"
    rng = random.Random(4)
    old = model(rng)
    old.blocks.append(("t", [["Cột", "Số"], ["a", "1"], ["b", "2"]], True))
    new = edit(random.Random(9), old)
    before, today = job(old, *reference), job(new, *reference)
    picture = pf.Para(pf.Image(pf.Str("Biểu đồ"), url=image.as_posix()))
    doc = pf.load(io.StringIO(today.pandoc_json))
    doc.content.insert(1, picture)
    today = Job(today.unit, to_json(doc), today.meta, today.out_dir, today.reference, today.nd)
    marked = redline_docx(before, today, AUTHOR, DATE)
    assert_redline(marked, built(before), built(today))
    root = part(marked)
    orientations = root.xpath("//w:sectPr/w:pgSz/@w:orient", namespaces=NS)
    assert "landscape" in orientations
    assert root.xpath("//w:drawing", namespaces=NS)


def test_libreoffice_opens_the_redlines_and_lists_their_changes(
    examples: dict[str, tuple[Job, Job]], reference: tuple[Path, ND30], tmp_path: Path
) -> None:
    files = []
    for unit, (before, today) in examples.items():
        path = tmp_path / f"{unit}.docx"
        path.write_bytes(redline_docx(before, today, AUTHOR, DATE))
        files.append(path)
    for seed in range(4):
        rng = random.Random(seed)
        old = model(rng)
        new = edit(rng, edit(rng, old))
        path = tmp_path / f"generated-{seed}.docx"
        path.write_bytes(redline_docx(job(old, *reference), job(new, *reference), AUTHOR, DATE))
        if accepted(path.read_bytes()) != rejected(path.read_bytes()):
            files.append(path)
    changes = libreoffice_changes(files, tmp_path / "out")
    assert all(count > 0 for count in changes.values()), changes


def spanned_table(first: str, extra_row: bool) -> pf.Table:
    """A table whose first column's cell spans two rows, as the awards tables' heads do."""
    rows = [
        pf.TableRow(
            pf.TableCell(pf.Plain(pf.Str(first)), rowspan=2),
            pf.TableCell(pf.Plain(pf.Str("Tập thể"))),
        ),
        pf.TableRow(pf.TableCell(pf.Plain(pf.Str("11")))),
    ]
    if extra_row:
        rows.append(pf.TableRow(pf.TableCell(pf.Plain(pf.Str("Tổng"))), pf.TableCell()))
    return pf.Table(pf.TableBody(*rows), colspec=[("AlignDefault", 0.5)] * 2)


@pytest.mark.parametrize(("first", "extra_row"), [("Hình thức khen", False), ("Hình", True)])
def test_tables_with_cells_spanning_rows(
    reference: tuple[Path, ND30], first: str, extra_row: bool
) -> None:
    def unit(table: pf.Table) -> Job:
        doc = pf.Doc(pf.Para(pf.Str("Bảng")), table, pf.Para(pf.Str("Hết.")))
        return job_of(doc, *reference)

    before = unit(spanned_table("Hình thức", False))
    today = unit(spanned_table(first, extra_row))
    marked = redline_docx(before, today, AUTHOR, DATE)
    assert accepted(marked) != rejected(marked)
    assert_redline(marked, built(before), built(today))


CORPUS_UNITS = (
    "ban-chqs-huyen-son-ha",
    "cong-doan-benh-vien-tinh",
    "hoi-nong-dan-xa-chuyen-de",
    "so-tu-phap-so-ket-van-hoa-cong-so",
    "trung-tam-y-te-son-ha",
    "ubnd-phuong-dong-hai",
)


@pytest.fixture(scope="module")
def corpus_jobs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Job]:
    """Units of the hand-judged corpus (lists, tables, notes, admonitions, drafts)."""
    work = tmp_path_factory.mktemp("ast-corpus")
    project = work / "project"
    project.mkdir()
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "_templates", project / "_templates")
    (project / "reports").mkdir()
    shutil.copy(ROOT / "reports" / "units.yaml", project / "reports" / "units.yaml")
    for unit in CORPUS_UNITS:
        shutil.copytree(ROOT / "tests" / "corpus" / "units" / unit, project / "reports" / unit)
    return unit_jobs(project, CORPUS_UNITS, work / "keep")


@pytest.mark.parametrize("index", range(len(CORPUS_UNITS)))
def test_one_unit_redlined_against_another_whole_report(
    corpus_jobs: dict[str, Job], index: int
) -> None:
    """The hardest alignment: every block and the front matter differ."""
    today = corpus_jobs[CORPUS_UNITS[index]]
    before = corpus_jobs[CORPUS_UNITS[(index + 1) % len(CORPUS_UNITS)]]
    assert_redline(redline_docx(before, today, AUTHOR, DATE), built(before), built(today))


def test_a_word_change_is_pandocs_own_marks_around_that_word_only(
    reference: tuple[Path, ND30],
) -> None:
    def unit(number: str) -> Job:
        words = f"Sở hoàn thành {number} nhiệm vụ.".split()
        inlines = [item for word in words for item in (pf.Str(word), pf.Space())][:-1]
        return job_of(pf.Doc(pf.Para(pf.Strong(*inlines))), *reference)

    root = part(redline_docx(unit("126"), unit("128"), AUTHOR, DATE))
    assert [t.text for t in root.xpath("//w:del//w:delText", namespaces=NS)] == ["126"]
    assert [t.text for t in root.xpath("//w:ins//w:t", namespaces=NS)] == ["128"]
    assert root.xpath("//w:pPr/w:rPr/w:ins | //w:pPr/w:rPr/w:del", namespaces=NS) == []
    # The changed word keeps its formatting, inside the mark.
    assert root.xpath("//w:ins/w:r/w:rPr/w:b", namespaces=NS)
