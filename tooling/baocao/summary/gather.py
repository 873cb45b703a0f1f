"""Every unit of the year, linted once: its state, its texts by section, or why it is apart.

A unit whose report cannot be read, leaves its folder, breaks a limit, faulted, holds
unsafe content or does not follow the form is listed apart with the finding that
says why; its texts are not gathered, and the other units go on. The texts of the
others are gathered under the form's sections as the linter recognised them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from baocao.diagnostics import Diagnostic
from baocao.forms import Form
from baocao.lint import lint_unit
from baocao.lint.engine import UnitResult
from baocao.lint.rules import ALL_RULES
from baocao.lint.written import written
from baocao.project import Project
from baocao.status import Found, Status, submission_status
from baocao.summary.pieces import Piece, pieces
from baocao.text import strip_marks

APART_FAMILIES = ("loading", "safety")
OFF_FORM = "BC107"
FAMILIES = {rule.code: rule.family for rule in ALL_RULES}


@dataclass(frozen=True)
class UnitText:
    """One unit's text under one section of the form."""

    slug: str
    name: str
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Apart:
    """A unit left out of the gathering, with the finding that says why."""

    slug: str
    name: str
    file: str
    line: int
    reason: str


@dataclass
class Gathered:
    status: Status
    names: dict[str, str]  # slug -> name, in the order the report lists units
    results: dict[str, UnitResult] = field(default_factory=dict)
    texts: dict[str, list[UnitText]] = field(default_factory=dict)  # node id -> texts
    apart: list[Apart] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return self.status.year

    def gathered(self) -> list[str]:
        """The units whose texts were gathered."""
        apart = {unit.slug for unit in self.apart}
        return [slug for slug in self.names if slug in self.results and slug not in apart]


def gather(project: Project, form: Form, today: dt.date) -> Gathered:
    results = {path.name: lint_unit(project, path) for path in project.unit_dirs()}
    found = {slug: Found(r.declared_year, r.complete) for slug, r in results.items()}
    status = submission_status(project, found, today)
    listed = project.units.units
    names = {u.slug: listed[u.slug].name if u.slug in listed else u.slug for u in status.units}
    order = sorted(names, key=lambda slug: (strip_marks(names[slug]).casefold(), slug))
    gathered = Gathered(status, {slug: names[slug] for slug in order})
    states = {unit.slug: unit.state for unit in status.units}
    for slug in order:
        result = results.get(slug)
        if result is None or states[slug] == "missing":
            continue
        why = apart_reason(result, form)
        if why is not None:
            gathered.apart.append(Apart(slug, names[slug], why.file, why.line, why.message("vi")))
        else:
            _add_texts(gathered, slug, result)
        # Its counts stay; its parsed files go (memory stays flat in the number of units).
        gathered.results[slug] = replace(result, report=None, context=None, headings=None)
    return gathered


def apart_reason(result: UnitResult, form: Form) -> Diagnostic | None:
    """The first finding that keeps a unit's texts out of the board's report, if any."""
    if result.form is not None and result.form != form.id:
        where = result.report.index_file if result.report else result.path
        return Diagnostic(
            OFF_FORM,
            "other-form",
            "error",
            where,
            1,
            "tong-hop.other-form",
            {"form": result.form, "board": form.id},
        )
    for diagnostic in result.diagnostics:
        if diagnostic.code == OFF_FORM or FAMILIES.get(diagnostic.code) in APART_FAMILIES:
            return diagnostic
    if result.report is None or result.context is None or result.context.form is None:
        return result.diagnostics[0] if result.diagnostics else None
    return None


def _add_texts(gathered: Gathered, slug: str, result: UnitResult) -> None:
    ctx = result.context
    if ctx is None or ctx.form is None or result.report is None:
        return
    for node in ctx.form.walk():
        blocks = ctx.contents.get(node.id)
        if not blocks or (not node.children and not written(ctx, node)):
            continue
        found = tuple(pieces(result.report, blocks))
        if found:
            text = UnitText(slug, gathered.names[slug], found)
            gathered.texts.setdefault(node.id, []).append(text)
