"""What ``baocao nam-moi`` writes for one unit: the new year's skeleton, made by the
scaffold from last year's report (its front matter carried over, its plan shown as
comments where the new report reports against it), and an empty commendation data file
(``awards.scaffold``) where last year had one.

Nothing here touches the disk beyond reading the unit: ``rollover.py`` moves and writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from baocao.awards.model import DATA_FILE
from baocao.awards.scaffold import data_files
from baocao.errors import BaocaoError
from baocao.forms import Form, FormNode
from baocao.frontmatter import FrontMatter, schema
from baocao.i18n import t
from baocao.lint import lint_unit, placeholders
from baocao.lint.context import LintContext
from baocao.project import Project
from baocao.scaffold import Notes, render_unit

SKIPPED_BLOCKS = frozenset({"toctree", "comment", "break"})


@dataclass
class NewYear:
    """One unit's roll-over, ready to be written."""

    slug: str
    unit_dir: Path
    old_year: int
    new_year: int
    files: dict[str, str]  # the new year's files, relative to the unit's folder
    errors: int  # lint errors of last year's report (still being written when > 0)
    plan_found: bool  # last year's plan was found and shown in the new report
    awards: bool  # last year's folder has the commendation data file (the new one is made)


def prepare(project: Project, unit_dir: Path, new_year: int) -> NewYear:
    """Read the unit's current report and make the new year's files; raise a
    ``BaocaoError`` naming the file when the unit cannot be rolled over."""
    index = project.rel(unit_dir / "index.md")
    result = lint_unit(project, unit_dir)
    report, ctx = result.report, result.context
    if report is None or ctx is None or not report.files or result.form is None:
        raise BaocaoError("newyear.unreadable", file=index)
    old_year = result.declared_year
    if old_year is None:
        raise BaocaoError("newyear.no-year", file=index, line=_line(report.front_matter, "nam"))
    if old_year >= new_year:
        raise BaocaoError("newyear.not-older", file=index, year=old_year, new_year=new_year)
    form = project.form(result.form)
    plan = plan_lines(ctx, form.node(form.plan_section)) if form.plan_section else []
    notes = plan_notes(form, old_year, plan)
    files = render_unit(
        form,
        new_year,
        None,
        single_file=len(report.files) == 1,
        values=carried_values(report.front_matter),
        notes=notes,
    )
    awards = (unit_dir / DATA_FILE).is_file()
    if awards:  # last year had commendation data: the new year gets its empty file
        files.update(data_files(form.path.parent, new_year))
    return NewYear(
        slug=unit_dir.name,
        unit_dir=unit_dir,
        old_year=old_year,
        new_year=new_year,
        files=files,
        errors=result.errors,
        plan_found=bool(plan),
        awards=awards,
    )


def _line(front: FrontMatter, key: str) -> int | None:
    return front.lines.line((key,)) or None


def carried_values(front: FrontMatter) -> dict[str, Any]:
    """The front-matter values a new year keeps (``new_year: carry`` in front-matter.yaml);
    a placeholder ("…………", "[tên]") is not a value to keep: the key is left empty."""
    carried: dict[str, Any] = {}
    for name, spec in schema().items():
        value = front.get(name)
        if spec.new_year != "carry" or value is None:
            continue
        items = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        items = [item for item in items if item.strip() and placeholders.first(item) is None]
        if items:
            carried[name] = items if isinstance(value, list) else items[0]
    return carried


def plan_notes(form: Form, old_year: int, lines: list[str]) -> Notes:
    """Last year's plan (``lines``, the form's ``plan.section``) as comment lines under
    the section that reports against it (``plan.shown_in``)."""
    if not form.plan_section or not form.plan_shown_in:
        return {}
    if not lines:
        return {form.plan_shown_in: [f"% {t('newyear.plan-missing', 'vi', year=old_year)}"]}
    node = form.node(form.plan_section)
    where = f"{node.number} {node.title_for(old_year)}"
    head = t("newyear.plan-head", "vi", section=where, year=old_year)
    body = [f"% {line}".rstrip() for line in lines]
    end = t("newyear.plan-end", "vi")
    return {form.plan_shown_in: [f"% {head}", "%", *body, "%", f"% {end}"]}


def plan_lines(ctx: LintContext, node: FormNode) -> list[str]:
    """The Markdown source of ``node``'s body and its sub-sections, as written, with
    its own heading, toctrees and comments left out."""
    spans: set[tuple[str, int, int]] = set()
    for part in node.walk():
        section = ctx.section_of(part.id)
        if section is not None and part is not node:
            spans.add((section.file, section.line, section.line))
        for block in ctx.contents.get(part.id, []):
            if block.kind not in SKIPPED_BLOCKS:
                spans.add((block.file, block.line, block.end_line))
    order = {source.rel: index for index, source in enumerate(ctx.report.files)}
    texts = {source.rel: source.text.splitlines() for source in ctx.report.files}
    lines: list[str] = []
    for file, start, end in sorted(spans, key=lambda s: (order.get(s[0], 0), s[1], s[2])):
        if lines:
            lines.append("")
        lines += texts.get(file, [])[start - 1 : end]
    return _strip_blank_runs(lines)


def _strip_blank_runs(lines: list[str]) -> list[str]:
    """No two blank lines in a row, none at either end."""
    kept: list[str] = []
    for line in lines:
        if line.strip() or (kept and kept[-1].strip()):
            kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    return kept
