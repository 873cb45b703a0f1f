"""Build units' Word files with the project's Sphinx configuration.

The Sphinx application uses the project root as source and configuration
folder and the HTML build's ``_build/doctrees``, so documents the HTML build
has read are not read again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from baocao.docx.convert import Outcome
from baocao.project import Project

BUILD_DIR = "_build"


@dataclass
class BuildPlan:
    """Where to build and whom to tell."""

    jobs: int = 1
    confdir: Path | None = None
    outdir: Path | None = None
    doctreedir: Path | None = None
    warning: IO[str] | None = field(default_factory=lambda: sys.stderr)
    on_units: Callable[[list[str]], None] | None = None
    on_outcome: Callable[[Outcome], None] | None = None


def output_dir(project: Project, plan: BuildPlan) -> Path:
    return plan.outdir or project.root / BUILD_DIR / "docx"


def build_docx(project: Project, units: Sequence[str], plan: BuildPlan) -> list[Outcome]:
    """Write the Word files of ``units`` (every unit when empty); return each unit's outcome."""
    from sphinx.application import Sphinx

    outcomes: list[Outcome] = []

    def units_announced(_app: Sphinx, names: list[str]) -> None:
        if plan.on_units:
            plan.on_units(names)

    def unit_done(_app: Sphinx, outcome: Outcome) -> bool:
        outcomes.append(outcome)
        if plan.on_outcome:
            plan.on_outcome(outcome)
        return True

    root = project.root
    app = Sphinx(
        srcdir=root,
        confdir=plan.confdir or root,
        outdir=output_dir(project, plan),
        doctreedir=plan.doctreedir or root / BUILD_DIR / "doctrees",
        buildername="docx",
        status=None,
        warning=plan.warning,
        parallel=max(plan.jobs, 1),
    )
    app.connect("baocao-docx-units", units_announced)
    app.connect("baocao-docx-unit-done", unit_done)
    indexes = [project.reports_dir / unit / "index.md" for unit in units]
    app.build(force_all=not indexes, filenames=indexes)
    return outcomes
