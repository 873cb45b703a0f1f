"""The ``{bang-khen-thuong}`` directive: a unit's commendation tables, computed from its data.

Placed in section 2.4 a) of a unit's report::

    ```{bang-khen-thuong}
    :bang: mau-10
    :danh-sach:
    ```

``:bang:`` names the tables to show (``mau-10``, ``mau-11``, several separated by
commas or spaces; every table of the form by default) and ``:danh-sach:`` adds the
list of names proposed (Mẫu số 11). It is on the default allow-list of directives
(``config.DEFAULT_DIRECTIVES``).

Two steps. While a document is read, the directive leaves an ``awards_tables`` node
naming its unit, and makes the document depend on the unit's data file, the forms'
schemas and last year's data file, so a change to any of them reads it again. When
the document is resolved (for the site and for the Word file alike), every unit has
been linted (``units.py`` keeps each unit's findings in the environment), so
``ResolveAwardsTables`` asks ``awards.render_unit`` for the tables with the errors the
linter found in the data file, and puts docutils nodes (``awards.render_nodes``) in the
node's place: no second lint of the unit. The directive reads only its own unit's
files (``awards.load``, under the unit's boundary).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from baocao.awards.load import load_unit_awards, previous_awards
from baocao.awards.model import DATA_FILE, SCHEMA_FILE
from baocao.awards.render import RenderedTable
from baocao.awards.render_nodes import note_nodes, table_nodes
from baocao.awards.render_unit import Checked, Note, Part, Request, checked_by_lint, unit_tables
from baocao.i18n import t
from baocao.project import Project
from baocao.sphinxext.domain import UnitInfo, baocao_domain
from baocao.sphinxext.policy import scope_for
from baocao.sphinxext.units import project_at

NAME = "bang-khen-thuong"
TABLES_OPTION = "bang"
NAMES_OPTION = "danh-sach"


class awards_tables(nodes.General, nodes.Element):  # lower case, as docutils names nodes
    """Where ``{bang-khen-thuong}`` stands until its document is resolved."""


class AwardsTables(SphinxDirective):
    """``{bang-khen-thuong}``: the unit's Mẫu 10 / Mẫu 11 tables, or a note saying why not."""

    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = {
        TABLES_OPTION: directives.unchanged,
        NAMES_OPTION: directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        reports = self.config.baocao_reports_dir
        scope = scope_for(self.env.docname, Path(self.env.srcdir), reports)
        if scope is None:
            return [_note(Note(t("awards-table.note.outside", "vi", reports=reports)))]
        project = project_at(str(self.env.srcdir))
        for path in watched(project, scope.unit_dir):
            self.env.note_dependency(str(path))
        node = awards_tables()  # its own attribute names: docutils keeps "names" for ids
        node["unit"] = scope.unit_dir.name
        node["table_ids"] = list(table_ids(self.options.get(TABLES_OPTION, "")))
        node["with_names"] = NAMES_OPTION in self.options
        self.set_source_info(node)
        return [node]


def watched(project: Project, unit_dir: Path) -> list[Path]:
    """The files the tables are made from: the unit's data file (even before it exists,
    so that creating it shows the tables), every form's schema, last year's data file."""
    found = [unit_dir / DATA_FILE, *sorted(project.forms_dir.glob(f"*/{SCHEMA_FILE}"))]
    awards = load_unit_awards(unit_dir, project.settings.max_file_bytes)
    if awards is not None and awards.year is not None:
        previous = previous_awards(project.root, unit_dir.name, awards.year)
        found += [previous.path] if previous is not None else []
    return found


class ResolveAwardsTables(SphinxPostTransform):
    """Each ``awards_tables`` node becomes the unit's tables, or a note, for every builder."""

    default_priority = 10  # after a unit's page has inlined its documents (assemble.py)

    def run(self, **kwargs: Any) -> None:
        project = project_at(str(self.env.srcdir))
        units = baocao_domain(self.env).units
        for node in list(self.document.findall(awards_tables)):
            unit_dir = project.reports_dir / node["unit"]
            checked = _checked(project, unit_dir, units.get(node["unit"]))
            request = Request(tuple(node["table_ids"]), bool(node["with_names"]))
            made = [_made(part) for part in unit_tables(project, unit_dir, request, checked).parts]
            for child in made:
                child.source, child.line = node.source, node.line
                for table in child.findall(nodes.table):  # a captioned table needs an id
                    self.document.set_id(table)
            node.replace_self(made)


def _checked(project: Project, unit_dir: Path, info: UnitInfo | None) -> Checked:
    """The errors the unit's lint found in its data file, as the build collected them;
    linted here only when the build has no findings for the unit."""
    if info is None:
        return checked_by_lint(project, unit_dir)
    data_file = project.rel(unit_dir / DATA_FILE)
    errors = [
        (d["line"], d["message"])
        for d in info["diagnostics"]
        if d["severity"] == "error" and d["file"] == data_file
    ]
    form = info.get("form") or project.settings.default_form
    return Checked(project.forms_dir / form, errors)


def table_ids(option: str) -> tuple[str, ...]:
    """``:bang: mau-10, mau-11`` -> ("mau-10", "mau-11"); empty: every table."""
    return tuple(part for part in re.split(r"[\s,]+", option) if part)


def _made(part: Part) -> nodes.Element:
    return table_nodes(part) if isinstance(part, RenderedTable) else _note(part)


def _note(note: Note) -> nodes.Element:
    return note_nodes(t("awards-table.note.title", "vi"), note.text, note.items)


def setup_awards_directive(app: Sphinx) -> None:
    app.add_node(awards_tables)
    app.add_directive(NAME, AwardsTables)
    app.add_post_transform(ResolveAwardsTables)
