"""Round trip: ``baocao build docx``, then ``baocao import`` of that file into a fresh unit,
gives the same front matter, headings and levels, texts and lint findings.

Every example unit and 50 units of the corpus generator (bench/gen_corpus.py),
alternating the tree and the single-file layout of the imported unit.
"""

from __future__ import annotations

import importlib.util
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from baocao.awards.model import DATA_FILE
from baocao.project import Project
from baocao.units_file import add_unit
from baocao.wordin.run import import_file
from import_helpers import ROOT, run_cli, unit_view

EXAMPLES = ("cong-ty-cap-nuoc-binh-minh", "so-noi-vu", "truong-thpt-le-quy-don")
GENERATED = 50


@dataclass
class Built:
    project: Path
    units: list[str]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_corpus_rt", ROOT / "bench" / "gen_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = tmp_path_factory.mktemp("roundtrip")
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "_templates", project / "_templates")
    units = _generator().generate(GENERATED, project, seed=13, words=900)
    for unit in EXAMPLES:
        shutil.copytree(ROOT / "reports" / unit, project / "reports" / unit)
        add_unit(project / "reports" / "units.yaml", unit, unit)
    result = run_cli(project, "build", "docx")
    assert result.returncode == 0, result.stderr
    return Built(project, [*EXAMPLES, *units])


def _round_trip(built: Built, unit: str, single: bool):
    project = Project.discover(built.project)
    docx_file = built.project / "_build" / "docx" / f"{unit}.docx"
    outcome = import_file(project, docx_file, f"{unit}-nhap", single_file=single)
    data = project.reports_dir / unit / DATA_FILE  # not in the Word file: kept beside it
    if data.is_file():
        shutil.copy(data, outcome.target / DATA_FILE)
    return unit_view(project, project.reports_dir / unit), unit_view(project, outcome.target)


def test_the_round_trip_covers_the_examples_and_fifty_generated_units(built: Built) -> None:
    assert len(built.units) == len(EXAMPLES) + GENERATED
    files = {p.stem for p in (built.project / "_build" / "docx").glob("*.docx")}
    assert set(built.units) <= files


@pytest.mark.parametrize("index", range(len(EXAMPLES) + GENERATED))
def test_import_of_the_built_word_file_gives_the_same_unit(built: Built, index: int) -> None:
    unit = built.units[index]
    original, imported = _round_trip(built, unit, single=index % 2 == 1)
    assert imported.front_matter == original.front_matter
    assert imported.headings == original.headings
    assert imported.texts == original.texts
    assert imported.findings == original.findings
