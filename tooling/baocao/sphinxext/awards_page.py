"""The board's page of the province's commendation numbers: ``khen-thuong.html``.

Written by the site's HTML builder after the units' pages and the dashboard, as an
extra page (Sphinx's ``html-collect-pages``), with the ``khen-thuong.html`` template.
Its numbers are the one roll-up's (``baocao.awards.rollup``): each unit's data file read
by ``baocao.awards.load``, its data errors taken from the findings the build already
has (``units.py`` lints every unit while reading it), last year's data from the archive.
``awards/board.py`` lays the roll-up out as tables and SVG charts. The page exists when
the default form has a commendation schema; the dashboard links it. Whatever goes wrong
with one unit's data is that unit's reason to be left out, listed on the page.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from baocao.awards.board import Board, Places, board_view
from baocao.awards.load import data_path, load_unit_awards, previous_awards
from baocao.awards.model import AwardSchema, UnitAwards
from baocao.awards.rollup import DataError, Rollup, UnitInput, data_errors, rollup, rollup_year
from baocao.awards.schema import has_schema, load_schema
from baocao.faults import fault_diagnostic
from baocao.project import Project
from baocao.sphinxext.builder import ReportsHTMLBuilder
from baocao.sphinxext.dashboard import Dashboard, kind_label
from baocao.sphinxext.domain import baocao_domain
from baocao.sphinxext.texts import text
from baocao.sphinxext.units import project_at, unit_info

PAGE = "khen-thuong"
TEXTS = ("intro", "back", "section.left-out", "left-out-intro", "section.missing", "missing-intro")


def form_schema(project: Project) -> AwardSchema | None:
    """The default form's commendation schema; None when the form has none."""
    form_dir = project.forms_dir.resolve() / project.settings.default_form
    return load_schema(form_dir) if has_schema(form_dir) else None


def board_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The page, when the form has a schema and the builder is the site's."""
    builder = app.builder
    if not isinstance(builder, ReportsHTMLBuilder) or builder.dashboard is None:
        return
    project = project_at(str(app.srcdir))
    schema = form_schema(project)
    if schema is None:
        return
    dashboard = builder.dashboard
    year = dashboard.status.year if dashboard.status else None
    summed = site_rollup(project, schema, unit_inputs(project, builder, dashboard), year)
    pages = {row.slug: row.page for row in dashboard.rows}
    yield PAGE, page_context(board_view(summed, Places(pages, kind_label))), "khen-thuong.html"


def page_context(board: Board) -> dict[str, Any]:
    texts = {key: text(f"board.{key}") for key in TEXTS}
    return {"board": board, "texts": texts, "title": board.title}


def site_rollup(
    project: Project, schema: AwardSchema, inputs: list[UnitInput], year: int | None
) -> Rollup:
    """The roll-up of the year collected (or of the year most data is for), each summed
    unit with last year's data from the archive."""
    year = year if year is not None else rollup_year(inputs)
    if year is not None:
        inputs = [with_previous(project, unit, year) for unit in inputs]
    return rollup(schema, inputs, year)


def unit_inputs(
    project: Project, builder: ReportsHTMLBuilder, dashboard: Dashboard
) -> list[UnitInput]:
    folders = {path.name: path for path in project.unit_dirs()}
    collected = baocao_domain(builder.env).units
    inputs = []
    for row in dashboard.rows:
        folder = folders.get(row.slug)
        if folder is None:
            inputs.append(UnitInput(row.slug, row.name, row.kind, None))
            continue
        try:
            awards = load_unit_awards(folder, project.settings.max_file_bytes)
            info = collected.get(row.slug) or unit_info(project, folder, None)
            errors = data_errors(info["diagnostics"])
        except Exception as err:  # this unit's fault (baocao.faults); the others go on
            awards, errors = unit_fault(project, folder, err)
        inputs.append(UnitInput(row.slug, row.name, row.kind, awards, errors))
    return inputs


def unit_fault(
    project: Project, folder: Path, err: Exception
) -> tuple[UnitAwards, tuple[DataError, ...]]:
    """A unit whose data could not even be read: left out, with what happened."""
    path = data_path(folder)
    found = fault_diagnostic(err, "read", project.rel(path))
    error = DataError(found.code, found.file, found.line, found.message("vi"))
    return UnitAwards(path, None), (error,)


def with_previous(project: Project, unit: UnitInput, year: int) -> UnitInput:
    """The unit with last year's data, when the archive has it and it can be read."""
    if unit.awards is None or unit.errors:
        return unit
    try:
        previous = previous_awards(project.root, unit.slug, year)
    except Exception:  # an unreadable archive: no comparison for this unit
        return unit
    if previous is None or previous.problems:
        return unit
    return dataclasses.replace(unit, previous=previous)


def dashboard_link(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The dashboard's link to the page, when there is one."""
    if pagename != app.config.root_doc or not isinstance(app.builder, ReportsHTMLBuilder):
        return
    if form_schema(project_at(str(app.srcdir))) is not None:
        context["baocao_board"] = {"page": PAGE, "label": text("board.link")}


def setup_awards_page(app: Sphinx) -> None:
    app.connect("html-collect-pages", board_page)
    app.connect("html-page-context", dashboard_link)
