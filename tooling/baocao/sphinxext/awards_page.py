"""The board's page of the province's commendation numbers: ``khen-thuong.html``.

Written by the site's HTML builder after the units' pages and the dashboard, as an
extra page (Sphinx's ``html-collect-pages``), with the ``khen-thuong.html`` template.
Its numbers are the one roll-up's, gathered as ``baocao xuat`` gathers them
(``baocao.awards.collect``: each unit's data, its data errors from the linter's BC6xx
rules, last year's data from the archive), so the page and the exported workbook always
agree; the units' findings are the ones the build already has (``units.py`` lints every
unit it reads), so no unit is linted twice. ``awards/board.py`` lays the roll-up out as
tables and SVG charts. The page exists when the default form has a commendation schema;
the dashboard links it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sphinx.application import Sphinx

from baocao.awards.board import Board, Places, board_view
from baocao.awards.collect import project_rollup
from baocao.awards.rollup import DataError, data_errors
from baocao.awards.schema import has_schema
from baocao.faults import CODE as FAULT_CODE
from baocao.project import Project
from baocao.sphinxext.builder import ReportsHTMLBuilder
from baocao.sphinxext.dashboard import kind_label
from baocao.sphinxext.domain import baocao_domain
from baocao.sphinxext.texts import text
from baocao.sphinxext.units import broken, project_at

PAGE = "khen-thuong"
TEXTS = ("intro", "back", "section.left-out", "left-out-intro", "section.missing", "missing-intro")


def has_board(project: Project) -> bool:
    """Whether the default form has a commendation schema (and so the site this page)."""
    return has_schema((project.forms_dir / project.settings.default_form).resolve())


def board_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The page, when the form has a schema and the builder is the site's."""
    builder = app.builder
    if not isinstance(builder, ReportsHTMLBuilder) or builder.dashboard is None:
        return
    project = project_at(str(app.srcdir))
    if not has_board(project):
        return
    summed = project_rollup(project, known=known_errors(builder))
    pages = {row.slug: row.page for row in builder.dashboard.rows}
    yield PAGE, page_context(board_view(summed, Places(pages, kind_label))), "khen-thuong.html"


def known_errors(builder: ReportsHTMLBuilder) -> dict[str, tuple[DataError, ...]]:
    """The data errors of every unit the build has linted while reading it, so they are
    not found again; a unit the linter could not read (or that faulted) is left to the
    roll-up's own gathering, which tells why its data is unchecked."""
    return {
        slug: data_errors(info["diagnostics"])
        for slug, info in baocao_domain(builder.env).units.items()
        if not broken(info) and all(d["code"] != FAULT_CODE for d in info["diagnostics"])
    }


def page_context(board: Board) -> dict[str, Any]:
    texts = {key: text(f"board.{key}") for key in TEXTS}
    return {"board": board, "texts": texts, "title": board.title}


def dashboard_link(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The dashboard's link to the page, when there is one."""
    if pagename != app.config.root_doc or not isinstance(app.builder, ReportsHTMLBuilder):
        return
    if has_board(project_at(str(app.srcdir))):
        context["baocao_board"] = {"page": PAGE, "label": text("board.link")}


def setup_awards_page(app: Sphinx) -> None:
    app.connect("html-collect-pages", board_page)
    app.connect("html-page-context", dashboard_link)
