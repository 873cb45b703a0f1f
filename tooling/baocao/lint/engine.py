"""Lint one unit: load it, align its headings with the form, run the selected rules."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from baocao.diagnostics import Diagnostic
from baocao.errors import ConfigError
from baocao.faults import fault_diagnostic
from baocao.forms import Form
from baocao.frontmatter import check
from baocao.lint import lines
from baocao.lint.align import align
from baocao.lint.context import LintContext
from baocao.lint.explain import Reading, readings
from baocao.lint.rules import ALL_RULES, resolve
from baocao.lint.rules.base import Rule
from baocao.lint.written import written
from baocao.project import Project
from baocao.report import Report, load_report
from baocao.scaffold import report_year
from baocao.yamlio import LineMap

_IGNORE = re.compile(r"^\s*%\s*baocao:\s*ignore\s+(?P<codes>[\w\s,-]+)$", re.IGNORECASE)


@dataclass
class UnitResult:
    unit: str
    path: str
    form: str | None
    year: int | None
    required: int
    present: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    report: Report | None = None
    context: LintContext | None = None
    headings: list[Reading] | None = None  # how each heading was read, when asked for
    declared_year: int | None = None  # the front matter's `nam`, when it could be read

    @property
    def errors(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)

    @property
    def complete(self) -> bool:
        return self.present == self.required and self.errors == 0


def choose_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[type[Rule]]:
    """The rules to run; unknown selectors are a usage error."""
    chosen = list(ALL_RULES)
    select, ignore = list(select), list(ignore)
    if select:
        chosen = [r for s in select for r in _resolve_or_fail(s)]
    dropped = {r for s in ignore for r in _resolve_or_fail(s)}
    return [r for r in dict.fromkeys(chosen) if r not in dropped]


def _resolve_or_fail(selector: str) -> list[type[Rule]]:
    rules = resolve(selector)
    if not rules:
        raise ConfigError("lint.unknown-rule", rule=selector)
    return rules


def lint_unit(
    project: Project,
    unit_dir: Path,
    rules: list[type[Rule]] | None = None,
    keep_report: bool = True,
    explain: bool = False,
    head_only: bool = False,
) -> UnitResult:
    """Lint one unit; with ``keep_report`` (or ``explain``) keep how each heading was read;
    with ``head_only`` read only index.md's front matter (``load_report``): for rules that
    need the unit's form and year, not its text. Whatever goes wrong inside it is its
    finding (``baocao.faults``)."""
    try:
        return _lint_unit(project, unit_dir, rules, keep_report, explain, head_only)
    except Exception as err:  # this unit's fault; the other units go on
        return faulted(project, unit_dir, err)


def faulted(project: Project, unit_dir: Path, err: BaseException) -> UnitResult:
    """The result of a unit whose linting failed: one error finding, nothing counted."""
    index = project.rel(unit_dir / "index.md")
    diagnostic = fault_diagnostic(err, "lint", index)
    report = Report(unit_dir.name, unit_dir, check({}, LineMap()), problems=[diagnostic])
    return UnitResult(unit_dir.name, project.rel(unit_dir), None, None, 0, 0, [diagnostic], report)


def _lint_unit(
    project: Project,
    unit_dir: Path,
    rules: list[type[Rule]] | None,
    keep_report: bool,
    explain: bool,
    head_only: bool = False,
) -> UnitResult:
    rules = (
        rules
        if rules is not None
        else choose_rules(project.settings.select, project.settings.ignore)
    )
    report = load_report(
        unit_dir, project.root, project.known_forms, project.settings, head_only=head_only
    )
    if not report.files:  # index.md absent or unreadable: the loader's findings say why
        rules = [rule for rule in rules if rule.family == "loading"]
    form = _form_of(project, report)
    year = _year_of(project, report)
    ctx = LintContext(
        report,
        project.settings,
        form,
        year,
        project_root=project.root,
        codes=frozenset(rule.code for rule in rules),
    )
    if form is not None and year is not None:
        ctx.alignment = align(report.sections, form, year)
    diagnostics = [d for rule in rules for d in rule().check(ctx)]
    diagnostics = sorted(_unsuppressed(diagnostics, report), key=Diagnostic.sort_key)
    required = form.required_ids() if form else []
    present = sum(written(ctx, form.node(node_id)) for node_id in required)
    return UnitResult(
        unit=unit_dir.name,
        path=project.rel(unit_dir),
        form=form.id if form else None,
        year=year,
        required=len(required),
        present=present,
        diagnostics=diagnostics,
        report=report if keep_report else None,
        context=ctx if keep_report else None,
        headings=_readings(ctx) if keep_report or explain else None,
        declared_year=report.declared_year,
    )


def _readings(ctx: LintContext) -> list[Reading]:
    if ctx.form is None or ctx.year is None:
        return []
    return readings(ctx.report.sections, ctx.alignment)


def _form_of(project: Project, report: Report) -> Form | None:
    form_id = report.front_matter.get("mau")
    if form_id not in project.known_forms:
        form_id = project.settings.default_form
    return project.form(form_id) if form_id in project.known_forms else None


def _year_of(project: Project, report: Report) -> int:
    year = report.front_matter.get("nam")
    if isinstance(year, int):
        return year
    return project.settings.year or report_year()


def _unsuppressed(diagnostics: list[Diagnostic], report: Report) -> list[Diagnostic]:
    """Drop findings silenced by ``% baocao: ignore CODE`` on the line before them."""
    silenced: set[tuple[str, int, str]] = set()
    if not diagnostics:
        return diagnostics
    for source in report.files:
        if "baocao:" not in source.text:
            continue
        for number, line in enumerate(lines.split(source.text), start=1):
            match = _IGNORE.match(line)
            if match:
                for code in re.split(r"[\s,]+", match["codes"].strip()):
                    silenced.add((source.rel, number + 1, code.upper()))
    return [
        d
        for d in diagnostics
        if (d.file, d.line, d.code) not in silenced
        and (d.file, d.line, d.rule.upper()) not in silenced
    ]
