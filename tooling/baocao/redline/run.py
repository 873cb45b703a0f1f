"""``baocao diff``'s work: build both versions of the changed units, write the redlines.

Today's files come from the Word builder as ``baocao build docx`` writes them;
the older ones from a temporary project holding the units as they were at the
merge base. Each unit's redline is written to ``_build/diff/<unit>.docx`` and
``<unit>.html`` atomically; what goes wrong in one unit is that unit's outcome.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from baocao.docx.build import BUILD_DIR, BuildPlan, build_docx
from baocao.fsutil import write_atomic
from baocao.project import Project
from baocao.redline.document import redline
from baocao.redline.history import authorship
from baocao.redline.page import render
from baocao.redline.source import build_at, git


@dataclass
class UnitDiff:
    """One unit's redline: its files and changed sections, or why there is none."""

    unit: str
    docx: Path | None = None
    html: Path | None = None
    sections: list[str] = field(default_factory=list)
    error: str | None = None


def output_dir(project: Project) -> Path:
    return project.root / BUILD_DIR / "diff"


def merge_base(project: Project, ref: str) -> str:
    return str(git(project, ref, "merge-base", ref, "HEAD")).strip()


def diff_units(project: Project, ref: str, units: Sequence[str], jobs: int) -> list[UnitDiff]:
    base = merge_base(project, ref)
    outcomes = build_docx(project, list(units), BuildPlan(jobs=jobs))
    today = {o.unit: o for o in outcomes}
    with tempfile.TemporaryDirectory(prefix="baocao-diff-") as tmp:
        before = build_at(project, base, units, Path(tmp), jobs)
    return [unit_diff(project, base, unit, today.get(unit), before.get(unit)) for unit in units]


def unit_diff(project: Project, base: str, unit: str, today, before: bytes | None) -> UnitDiff:
    if today is None or not today.ok or today.path is None:
        return UnitDiff(unit, error=today.error if today is not None else "")
    try:
        who = authorship(project, base, unit)
        data = redline(before, today.path.read_bytes(), who.author, who.date)
        html, sections = render(data, unit_title(project, unit))
        out = output_dir(project)
        write_atomic(out / f"{unit}.docx", data)
        write_atomic(out / f"{unit}.html", html.encode("utf-8"))
    except Exception as err:  # any failure is this unit's, reported, not raised
        return UnitDiff(unit, error=" ".join(str(err).split()) or type(err).__name__)
    return UnitDiff(unit, out / f"{unit}.docx", out / f"{unit}.html", sections)


def unit_title(project: Project, unit: str) -> str:
    known = project.units.units
    return known[unit].name if unit in known and known[unit].name else unit
