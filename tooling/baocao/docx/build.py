"""Build units' Word files with the project's Sphinx configuration.

The Sphinx application uses the project root as source and configuration
folder and the HTML build's ``_build/doctrees``, so documents the HTML build
has read are not read again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from baocao.docx.convert import Outcome
from baocao.interrupts import stop_children
from baocao.project import Project

BUILD_DIR = "_build"


@dataclass
class BuildPlan:
    """How many worker processes, and whom to tell about the units."""

    jobs: int = 1
    on_units: Callable[[list[str]], None] | None = None
    on_outcome: Callable[[Outcome], None] | None = None
    # ``baocao diff``: the older revision each unit's redline is written against
    # (``baocao.redline.within.RedlinePlan``, or ``baocao.redline.run.Planning`` making it
    # while Sphinx starts: ``out`` known at once, ``result()`` the plan, asked for before
    # the build); no Word file is then written, and each outcome's ``after`` is the
    # unit's redline, or today's file for the old way.
    redline: Any = None


def output_dir(project: Project) -> Path:
    return project.root / BUILD_DIR / "docx"


def build_docx(project: Project, units: Sequence[str], plan: BuildPlan) -> list[Outcome]:
    """Write the Word files of ``units`` (every unit when empty); return each unit's outcome."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

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
    # As sphinx-build does: docutils' registries are restored afterwards, so a later
    # Sphinx application in the same process does not warn of nodes registered twice.
    with patch_docutils(root), docutils_namespace():
        app = Sphinx(
            srcdir=root,
            confdir=root,
            outdir=output_dir(project) if plan.redline is None else plan.redline.out,
            doctreedir=root / BUILD_DIR / "doctrees",
            buildername="docx",
            status=None,
            warning=sys.stderr,
            parallel=max(plan.jobs, 1),
        )
        redline = plan.redline.result() if plan.redline is not None else None
        app.builder.redline = redline  # type: ignore[attr-defined]
        app.connect("baocao-docx-units", units_announced)
        app.connect("baocao-docx-unit-done", unit_done)
        indexes = [project.reports_dir / unit / "index.md" for unit in units]
        try:
            app.build(force_all=not indexes, filenames=indexes)
        except BaseException:
            stop_children()  # Sphinx's readers, when it reads in parallel
            raise
    return outcomes
