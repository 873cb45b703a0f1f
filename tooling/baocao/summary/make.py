"""The steps of ``baocao tong-hop`` in order: gather, write the report, build it."""

from __future__ import annotations

from dataclasses import dataclass, field

from baocao.dates import today
from baocao.errors import ConfigError, UsageError
from baocao.i18n import t
from baocao.project import Project
from baocao.summary.board import board_front
from baocao.summary.document import render, summary_doc
from baocao.summary.gather import gather
from baocao.summary.site import SLUG, Built, build, write_project
from baocao.summary.status_table import status_rows


@dataclass
class Made:
    built: Built
    read_line: str
    gathered: int
    expected: int
    notes: list[str] = field(default_factory=list)
    apart_lines: list[str] = field(default_factory=list)


def make_summary(project: Project, jobs: int) -> Made:
    if (project.reports_dir / SLUG).exists():
        reports = project.rel(project.reports_dir)
        raise UsageError("tong-hop.slug-taken", slug=SLUG, reports=reports)
    form = project.form()
    day = today()
    gathered = gather(project, form, day)
    year = gathered.year or project.settings.year or None
    if year is None:
        raise ConfigError("tong-hop.year-unknown", file=project.rel(project.units_file))
    front = board_front(project, form, year, day)
    doc = summary_doc(form, year, front.values, gathered, status_rows(gathered, {}))
    name = str(front.values.get("co_quan") or t("tong-hop.unit-name", "vi"))
    work = write_project(project, {"index.md": render(doc)}, name)
    read_line = t(
        "tong-hop.read",
        units=len(gathered.results),
        reports=project.rel(project.reports_dir),
        units_file=project.rel(project.units_file),
        form=form.id,
        year=year,
    )
    apart = [
        t("tong-hop.apart", name=u.name, file=u.file, line=u.line, reason=u.reason)
        for u in gathered.apart
    ]
    return Made(
        build(project, work, jobs),
        read_line,
        len(gathered.gathered()),
        len(gathered.status.units),
        [note.message() for note in front.notes],
        apart,
    )
