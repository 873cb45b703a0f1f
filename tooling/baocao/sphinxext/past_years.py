"""The closed years on the site: a page per year (``archive/<year>/index.html``) listing
that year's units, each linked to its page (``archive/<year>/<unit>/index.html``, read
and linted as every unit is, under the same boundary: ``discovery.py``).

No Word file or PDF is built for a closed year: the signed documents of that year are
the ones sent then; its pages keep the report readable and searchable.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sphinx.application import Sphinx

from baocao.archive import archived_unit_dirs, archived_years, closed_year_project, year_page
from baocao.project import Project
from baocao.sphinxext.dashboard import Row, unit_row
from baocao.sphinxext.domain import baocao_domain
from baocao.sphinxext.texts import text
from baocao.sphinxext.units import project_at, unit_info
from baocao.text import strip_marks

YEAR_TEXTS = ("col.unit", "col.kind", "col.status", "col.sections", "col.errors", "back", "empty")


def year_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Sphinx's ``html-collect-pages``: one page per closed year, on every build."""
    project = project_at(str(app.srcdir))
    for year in archived_years(project.root):
        rows = year_rows(app, project, year)
        context = {
            "title": text("years.title", year=year),
            "year_page": {
                "year": year,
                "rows": rows,
                "title": text("years.title", year=year),
                "intro": text("years.intro", year=year, units=len(rows)),
                **{key: text(f"years.{key}") for key in YEAR_TEXTS},
            },
        }
        yield year_page(year), context, "year.html"


def year_rows(app: Sphinx, project: Project, year: int) -> list[Row]:
    """A row per unit of the closed year, from what the build read (or linted here)."""
    collected = baocao_domain(app.env).units
    listed = project.units.units
    rows = []
    for unit_dir in archived_unit_dirs(project.root, year):
        key = f"{year}/{unit_dir.name}"
        info = collected.get(key) or unit_info(closed_year_project(project), unit_dir, None)
        unit = listed.get(unit_dir.name)
        name, kind = (unit.name, unit.kind) if unit else (unit_dir.name, "")
        rows.append(unit_row(key, name, kind, info, app.env))
    return sorted(rows, key=lambda row: (strip_marks(row.name).casefold(), row.slug))
