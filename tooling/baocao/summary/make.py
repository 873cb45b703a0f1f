"""The steps of ``baocao tong-hop`` in order: gather, write the report, build it."""

from __future__ import annotations

from dataclasses import dataclass, field

from baocao.dates import today
from baocao.errors import ConfigError, UsageError
from baocao.i18n import t
from baocao.project import Project
from baocao.summary.awards import board_files, data_apart, province_awards, unit_cells
from baocao.summary.board import board_front
from baocao.summary.document import render, summary_doc
from baocao.summary.gather import Gathered, gather
from baocao.summary.site import SLUG, Built, build, report_files, write_project
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
    if not (project.root / "conf.py").is_file():
        raise ConfigError("cli.no-conf", root=project.root)
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
    awards = province_awards(project, year)
    numbers_apart = [
        t("tong-hop.doc.data-apart", "vi", name=name, file=file, line=line, reason=reason)
        for _, name, file, line, reason in data_apart(awards)
    ]
    rows = status_rows(gathered, unit_cells(awards))
    # The tables go where the form's schema says its counts are stated (2.4 a).
    awards_node = awards.rollup.schema.section if awards else None
    doc = summary_doc(form, year, front.values, gathered, rows, awards_node, numbers_apart)
    data, before = board_files(awards, year) if awards else (None, None)
    files = report_files(project, render(doc), data, before, year)
    name = str(front.values.get("co_quan") or t("tong-hop.unit-name", "vi"))
    work = write_project(project, files, name)
    return Made(
        build(project, work, jobs),
        _read_line(project, gathered, form.id, year),
        len(gathered.gathered()),
        len(gathered.status.units),
        [note.message() for note in front.notes],
        [_apart_line(*unit) for unit in _apart(gathered)]
        + [
            t("tong-hop.numbers-apart", name=name, file=file, line=line, reason=reason)
            for _, name, file, line, reason in data_apart(awards)
        ],
    )


def _apart(gathered: Gathered) -> list[tuple[str, str, int, str]]:
    return [(u.name, u.file, u.line, u.reason) for u in gathered.apart]


def _apart_line(name: str, file: str, line: int, reason: str) -> str:
    return t("tong-hop.apart", name=name, file=file, line=line, reason=reason)


def _read_line(project: Project, gathered: Gathered, form: str, year: int) -> str:
    return t(
        "tong-hop.read",
        units=len(gathered.results),
        reports=project.rel(project.reports_dir),
        units_file=project.rel(project.units_file),
        form=form,
        year=year,
    )
