"""Linting in worker processes gives what one process gives (``baocao.lint.parallel``):
the same units, in the same order, with the same findings and counts."""

from __future__ import annotations

import shutil
from pathlib import Path

from baocao.lint.engine import choose_rules
from baocao.lint.parallel import run, workers_for
from baocao.project import Project
from lint_helpers import make_project

CORPUS_UNITS = Path(__file__).resolve().parent / "corpus" / "units"


def outcome(results) -> list[tuple]:
    return [(r.unit, r.path, r.required, r.present, r.diagnostics) for r in results]


def test_workers_give_the_findings_of_one_process_in_the_order_of_the_units(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path)
    for unit in sorted(CORPUS_UNITS.iterdir())[:30]:
        shutil.copytree(unit, root / "reports" / unit.name)
    project = Project.discover(root)
    units = project.unit_dirs()[::-1]  # an order of the caller's, not the folder's
    rules = choose_rules()
    alone = run(project, units, rules, jobs=1)
    workers = run(project, units, rules, jobs=2)
    assert [r.unit for r in workers] == [u.name for u in units]
    assert sum(len(r.diagnostics) for r in alone) > 30  # the corpus units have real defects
    assert outcome(workers) == outcome(alone)


def test_workers_only_from_forty_units_each() -> None:
    assert workers_for(39, 0) == 1
    assert workers_for(80, 0) == min(2, workers_for(10_000, 0))
    assert workers_for(5, 3) == 3
