"""``import --onto`` on units nobody wrote by hand: units of the corpus generator
(bench/gen_corpus.py), each edited at random, with tracked changes or plainly (words
replaced in runs, a paragraph added, a paragraph removed). Every edit is placed, only the touched
lines change, and building the units again gives the text the leader accepted."""

from __future__ import annotations

import importlib.util
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest
from baocao.project import Project
from baocao.wordin.onto import import_onto
from baocao.wordin.sourcemap import unit_sources
from docx.oxml.ns import qn
from import_helpers import ROOT, run_cli
from onto_helpers import Reviewer, body_texts, text_of

UNITS = 3
NEW_WORDS = ("tăng cường", "đổi mới", "hoàn thành", "vượt mức", "kịp thời", "“mẫu”")


def _generator():
    spec = importlib.util.spec_from_file_location(
        "gen_corpus_onto", ROOT / "bench" / "gen_corpus.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _body_paragraphs(reviewer: Reviewer, plains: set[str]) -> list:
    """Paragraphs made from a Markdown paragraph or list item (not headings, cells)."""
    return [
        p
        for p in reviewer.doc.element.body.iter(qn("w:p"))
        if text_of(p).removeprefix("- ") in plains
    ]


def _edit(reviewer: Reviewer, rng: random.Random, plains: set[str]) -> list[str]:
    """Random edits; returns the texts whose lines may change."""
    touched = []
    for _ in range(3):
        paragraph = rng.choice(_body_paragraphs(reviewer, plains))
        runs = [r for r in paragraph.iter(qn("w:r")) if any(c.isalpha() for c in text_of(r))]
        words = [w for w in text_of(rng.choice(runs)).split() if w.isalpha()]
        if not words:
            continue
        word = rng.choice(words)
        touched.append(text_of(paragraph))
        reviewer.replace(paragraph, word, rng.choice(NEW_WORDS))
    paragraphs = _body_paragraphs(reviewer, plains)
    removed, anchor = rng.sample(paragraphs, 2)
    touched.append(text_of(removed))
    reviewer.delete_paragraph(text_of(removed))
    reviewer.insert_after(text_of(anchor), f"Ý kiến bổ sung số {rng.randint(1, 99)} của lãnh đạo.")
    return touched


@pytest.mark.parametrize("tracked", [True, False], ids=["tracked-changes", "plain-edits"])
def test_random_edits_of_generated_units_come_back(tmp_path: Path, tracked: bool) -> None:
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "_templates", tmp_path / "_templates")
    units = _generator().generate(UNITS, tmp_path, seed=15 + tracked, words=900)
    assert run_cli(tmp_path, "build", "docx").returncode in (0, 1)
    project = Project.discover(tmp_path)
    edited: dict[str, Path] = {}
    for number, unit in enumerate(units):
        files, blocks = unit_sources(project, project.reports_dir / unit)
        before = {f.path: f.text for f in files}
        plains = {b.plain for b in blocks if b.kind == "paragraph"}
        (built,) = (tmp_path / "_build" / "docx").glob(f"{unit}*.docx")
        reviewer = Reviewer(built, tracked=tracked)
        touched = _edit(reviewer, random.Random(number), plains)
        edited[unit] = reviewer.save(tmp_path / f"{unit}-sua.docx")

        result = import_onto(project, unit, edited[unit])

        assert result.unplaced == [], unit
        assert len(result.applied) >= 3
        for path, text in before.items():
            gone = Counter(text.splitlines()) - Counter(path.read_text("utf-8").splitlines())
            for line in gone:  # each line that is no more was one the leader touched
                assert not line.strip() or any(line.endswith(t[-20:]) for t in touched)
    assert run_cli(tmp_path, "build", "docx").returncode in (0, 1)
    for unit in units:
        (rebuilt,) = (tmp_path / "_build" / "docx").glob(f"{unit}*.docx")
        assert body_texts(rebuilt) == body_texts(edited[unit]), unit
