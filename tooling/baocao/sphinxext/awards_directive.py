"""The ``{bang-khen-thuong}`` directive: a unit's commendation tables, computed from its data.

Placed in section 2.4 a) of a unit's report::

    ```{bang-khen-thuong}
    :bang: mau-10
    :danh-sach:
    ```

``:bang:`` names the tables to show (``mau-10``, ``mau-11``, several separated by
commas or spaces; every table of the form by default) and ``:danh-sach:`` adds the
list of names proposed (Mẫu số 11). The directive reads only its own unit's data
file (``awards.load``, under the unit's boundary) and builds docutils nodes
(``awards.render_nodes``); the page depends on the data file, the form's schema and
last year's data, so a change to any of them rebuilds it. It is on the default
allow-list of directives (``config.DEFAULT_DIRECTIVES``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from baocao.awards.render import RenderedTable
from baocao.awards.render_nodes import note_nodes, table_nodes
from baocao.awards.render_unit import Note, Part, Request, unit_tables
from baocao.i18n import t
from baocao.sphinxext.policy import scope_for
from baocao.sphinxext.units import project_at

NAME = "bang-khen-thuong"
TABLES_OPTION = "bang"
NAMES_OPTION = "danh-sach"


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
        request = Request(
            table_ids(self.options.get(TABLES_OPTION, "")), NAMES_OPTION in self.options
        )
        shown = unit_tables(project, scope.unit_dir, request)
        for path in shown.read:
            self.env.note_dependency(str(path))
        return [self.node(part) for part in shown.parts]

    def node(self, part: Part) -> nodes.Element:
        made = table_nodes(part) if isinstance(part, RenderedTable) else _note(part)
        self.set_source_info(made)
        return made


def table_ids(option: str) -> tuple[str, ...]:
    """``:bang: mau-10, mau-11`` -> ("mau-10", "mau-11"); empty: every table."""
    return tuple(part for part in re.split(r"[\s,]+", option) if part)


def _note(note: Note) -> nodes.Element:
    return note_nodes(t("awards-table.note.title", "vi"), note.text, note.items)


def setup_awards_directive(app: Sphinx) -> None:
    app.add_directive(NAME, AwardsTables)
