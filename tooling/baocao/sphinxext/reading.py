"""Documents read without a readable source file, for every builder of the project.

The dashboard (the root document) has no source file: it is added to the documents
found and made of generated nodes on every build, whatever the builder (the docx
builder shares the environment, and Sphinx requires the root document). A source
file that is not UTF-8 does not stop the build: builders with ``TolerantReadMixin``
read a stand-in document that says so in its place, with a warning, and the unit is
listed as broken on the dashboard.
"""

from __future__ import annotations

import time
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from baocao.limits import deadline
from baocao.sphinxext.discovery import use_units_project
from baocao.sphinxext.faults import note_fault
from baocao.sphinxext.generated import dashboard_doctree, unreadable_doctree
from baocao.sphinxext.policy import unit_slug
from baocao.sphinxext.texts import text
from baocao.sphinxext.units import project_at

logger = logging.getLogger(__name__)


def read_generated(
    builder: Builder, docname: str, doctree: nodes.document, cache: bool = True
) -> None:
    """Record a document made of nodes, as reading a source file would."""
    env = builder.env
    env.prepare_settings(docname)
    for name in env.domains:
        env.domains[name].process_doc(env, docname, doctree)
    builder.events.emit("doctree-read", doctree)
    env.all_docs[docname] = time.time_ns() // 1_000
    # As after reading a file: a fresh current document. The one prepared above
    # holds the primary domain, which every later post-transform would deep-copy.
    env.current_document = type(env.current_document)()
    builder.write_doctree(docname, doctree, _cache=cache)


class TolerantReadMixin(Builder):
    """A builder that finds its documents with ``UnitsProject`` and reads a source file
    that is not UTF-8 as a stand-in document."""

    def __init__(self, app: Sphinx, env: BuildEnvironment) -> None:
        super().__init__(app, env)
        use_units_project(app)
        self.unit_seconds: dict[str, float] = {}  # time spent reading each unit

    def read_doc(self, docname: str, *, _cache: bool = True) -> None:
        try:
            self.read_timed(docname, _cache)
        except UnicodeDecodeError:
            logger.warning(
                text("build.not-utf8"), location=docname, type="baocao", subtype="encoding"
            )
            self.read_stand_in(docname, _cache)
        except Exception as err:  # this unit's fault (baocao.faults); the others go on
            note_fault(self.env, docname, err, "read")
            self.read_stand_in(docname, _cache)

    def read_timed(self, docname: str, cache: bool) -> None:
        """Read within what is left of the unit's time (``html_seconds_per_unit``)."""
        reports_dir = self.config.baocao_reports_dir
        slug = unit_slug(docname, reports_dir)
        limit = project_at(str(self.srcdir)).settings.html_seconds_per_unit
        if slug is None or limit <= 0:
            super().read_doc(docname, _cache=cache)
            return
        spent = self.unit_seconds
        started = time.perf_counter()
        where = f"{reports_dir.strip('/')}/{slug}"
        try:
            with deadline(limit - spent.get(slug, 0.0), where, "html_seconds_per_unit", limit):
                super().read_doc(docname, _cache=cache)
        finally:
            spent[slug] = spent.get(slug, 0.0) + time.perf_counter() - started

    def read_stand_in(self, docname: str, cache: bool) -> None:
        source = self.env.doc2path(docname)
        doctree = unreadable_doctree(str(source), Path(source).name, f"document-{docname}")
        read_generated(self, docname, doctree, cache=cache)


def find_dashboard(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """The dashboard (root document) has no source file; count it among the documents."""
    env.project.docnames.add(env.config.root_doc)
    return []


def read_dashboard(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Every build reads the dashboard here, whatever the builder, before the sources."""
    root = env.config.root_doc
    if root in docnames:
        docnames.remove(root)
    source = env.doc2path(root)
    if not Path(source).is_file():
        read_generated(app.builder, root, dashboard_doctree(str(source)))


def setup_reading(app: Sphinx) -> None:
    app.connect("env-get-outdated", find_dashboard)
    app.connect("env-before-read-docs", read_dashboard)
