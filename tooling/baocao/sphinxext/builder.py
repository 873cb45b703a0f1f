"""The site's HTML builder: one page per unit, plus the dashboard and the search page.

Sphinx's ``html`` builder writes one page per source file and renders the whole
site's navigation on each, which grows with the square of the number of units.
This builder (registered under the same name) writes one page per unit, its
``index`` assembled with everything its toctrees list (``assemble.py``), with a
navigation of that unit's sections only. Other files of a unit get a small page
that redirects to their place in the unit's page, so old links keep working. A
change to one file rewrites its unit's page and the dashboard, nothing else.

The dashboard is the root document (read as generated nodes, ``reading.py``); this
builder writes it with the ``dashboard.html`` template from the rows computed once
all units are read.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence, Set
from pathlib import Path
from typing import Any

from docutils import nodes
from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.util.build_phase import BuildPhase
from sphinx.util.osutil import relative_uri
from sphinx.util.parallel import ParallelTasks, make_chunks

from baocao.fsutil import write_atomic
from baocao.pdfout import PDF_DIR
from baocao.project import Project
from baocao.sphinxext.dashboard import (
    Dashboard,
    build_dashboard,
    copy_docx,
    dashboard_texts,
    docx_file,
    remember_commits,
)
from baocao.sphinxext.doctrees import LeanDoctreesMixin, forget
from baocao.sphinxext.domain import baocao_domain
from baocao.sphinxext.faults import faulted, note_fault, unit_faults
from baocao.sphinxext.parallel import LargeChunksMixin
from baocao.sphinxext.past_years import year_pages
from baocao.sphinxext.policy import unit_index, unit_slug
from baocao.sphinxext.reading import TolerantReadMixin
from baocao.sphinxext.texts import text
from baocao.sphinxext.units import project_at
from baocao.summary.published import copy_to_site

SITE_TEXTS = (
    "site.title",
    "site.search",
    "site.search-placeholder",
    "site.search-intro",
    "site.search-nojs",
    "site.footer",
)
UNIT_TEXTS = ("unit.nav-title", "unit.docx", "unit.pdf", "unit.back")

REDIRECT = """<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={url}">
<link rel="canonical" href="{url}"><title>{title}</title></head>
<body><p><a href="{url}">{title}</a></p></body>
</html>
"""


class ReportsHTMLBuilder(
    LeanDoctreesMixin, TolerantReadMixin, LargeChunksMixin, StandaloneHTMLBuilder
):
    name = "html"
    dashboard: Dashboard | None = None

    def init(self) -> None:
        super().init()
        # Sphinx compiles the page templates on every run; keep them compiled instead.
        if isinstance(self.templates, BuiltinTemplateLoader):
            cache = Path(self.doctreedir) / "templates"
            cache.mkdir(parents=True, exist_ok=True)
            self.templates.environment.bytecode_cache = FileSystemBytecodeCache(str(cache))

    def unit_page(self, docname: str) -> str | None:
        slug = unit_slug(docname, self.config.baocao_reports_dir)
        return unit_index(slug, self.config.baocao_reports_dir) if slug else None

    def read_doc(self, docname: str, *, _cache: bool = True) -> None:
        # A unit's other files become redirects, written without their doctree: keeping
        # it in memory for the write (Sphinx's default) would hold it for good.
        own_page = self.unit_page(docname) in (None, docname)
        super().read_doc(docname, _cache=_cache and own_page)

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        page = self.unit_page(docname)
        if page is None or page == docname:
            return super().get_target_uri(docname, typ)
        return f"{super().get_target_uri(page, typ)}#document-{docname}"

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        page = self.unit_page(to)
        if page is None or page == to:
            return super().get_relative_uri(from_, to, typ)
        # The anchor holds slashes, which relative_uri would take for folders.
        base = relative_uri(self.get_target_uri(from_), super().get_target_uri(page, typ))
        return f"{base}#document-{to}"

    def index_page(self, pagename: str, doctree: nodes.document, title: str) -> None:
        """A unit's page is found under the unit's name (every report has the same title);
        a section found by its heading reads "Sở Nội vụ > 2.1. …" in the results."""
        slug = unit_slug(pagename, self.config.baocao_reports_dir)
        if slug and title and self.unit_page(pagename) == pagename:
            title = unit_name(project_at(str(self.srcdir)), slug)
        super().index_page(pagename, doctree, title)

    def write_documents(self, docnames: Set[str]) -> None:
        docnames = {name for name in docnames if not self.left_out(name)}
        pages = {self.unit_page(name) or name for name in docnames}
        pages &= set(self.env.all_docs)
        redirects = sorted(name for name in docnames if name not in pages)
        self.events.emit("baocao-writing", len(pages) + len(redirects))
        for name in redirects:
            self.write_redirect(name)
        root = {self.config.root_doc} & pages
        if pages - root:
            super().write_documents(pages - root)
        if root:  # last, so that it tells the units whose page failed
            self.mark_faults()
            super().write_documents(root)

    def mark_faults(self) -> None:
        """Rows of the units whose page could not be written: broken, with no link."""
        assert self.dashboard is not None
        for row in self.dashboard.rows:
            faults = unit_faults(self.env, row.slug)
            if faults and row.page is not None:
                row.page, row.status = None, "broken"
                row.problem = f"{faults[0]['file']}:{faults[0]['line']}: {faults[0]['what']}"

    def left_out(self, docname: str) -> bool:
        """A document of a unit with a fault: its page (and any older one) is left out."""
        if not faulted(self.env, docname):
            return False
        Path(self.get_output_path(docname)).unlink(missing_ok=True)
        return True

    def _write_serial(self, docnames: Sequence[str]) -> None:
        for docname in docnames:
            doctree = self.resolve_guarded(docname)
            if doctree is not None:
                self.write_doc(docname, doctree)

    def _write_parallel(self, docnames: Sequence[str], nproc: int) -> None:
        """Sphinx's parallel writing, each page resolved within its unit's fault boundary."""

        def write_process(docs: list[tuple[str, nodes.document]]) -> None:
            self.phase = BuildPhase.WRITING
            for docname, doctree in docs:
                self.write_doc(docname, doctree)

        tasks = ParallelTasks(nproc)
        for chunk in make_chunks(list(docnames), nproc):
            resolved = [(name, self.resolve_guarded(name)) for name in chunk]
            tasks.add_task(write_process, [(n, t) for n, t in resolved if t is not None])
        tasks.join()

    def resolve_guarded(self, docname: str) -> nodes.document | None:
        """A page's resolved doctree; None after a fault, which is its unit's
        (``baocao.faults``): the page is left out, the others go on."""
        try:
            self.phase = BuildPhase.RESOLVING
            doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
            self.phase = BuildPhase.WRITING
            self.write_doc_serialized(docname, doctree)
        except Exception as err:  # this unit's fault; the other pages go on
            self.page_fault(docname, err)
            return None
        return doctree

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        try:
            super().write_doc(docname, doctree)
        except Exception as err:  # this unit's fault; the other pages go on
            self.page_fault(docname, err)

    def page_fault(self, docname: str, err: Exception) -> None:
        note_fault(self.env, docname, err, "page")
        output = Path(self.get_output_path(docname))
        output.with_name(f".{output.name}.partial").unlink(missing_ok=True)
        output.unlink(missing_ok=True)

    def write_redirect(self, docname: str) -> None:
        page = self.unit_page(docname) or docname
        own = super().get_target_uri(docname)
        url = html.escape(f"{relative_uri(own, super().get_target_uri(page))}#document-{docname}")
        title = html.escape(self.env.titles[docname].astext() if docname in self.env.titles else "")
        write_atomic(self.get_output_path(docname), REDIRECT.format(url=url, title=title))
        self.events.emit("baocao-written", docname)

    def handle_page(
        self,
        pagename: str,
        addctx: dict[str, Any],
        templatename: str = "page.html",
        *,
        outfilename: Path | None = None,
        event_arg: Any = None,
    ) -> None:
        """Render a page beside its place, then move it there: a reader never sees half."""
        final = Path(outfilename) if outfilename else Path(self.get_output_path(pagename))
        partial = final.with_name(f".{final.name}.partial")
        super().handle_page(
            pagename, addctx, templatename, outfilename=partial, event_arg=event_arg
        )
        if partial.exists():
            os.replace(partial, final)

    def write_doc_serialized(self, docname: str, doctree: nodes.document) -> None:
        super().write_doc_serialized(docname, doctree)
        forget(self.env, [docname])  # memory stays flat in the number of units
        self.events.emit("baocao-written", docname)

    def prepare_writing(self, docnames: Set[str]) -> None:
        super().prepare_writing(docnames)
        project = project_at(str(self.srcdir))
        self.dashboard = build_dashboard(self.env, project, self.config.baocao_docx_dir)
        copy_docx(self.dashboard, self.outdir)
        reports = project.settings.reports_dir
        self.dashboard.summary = copy_to_site(project.root, reports, Path(self.outdir))


def pages_to_write(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The dashboard, on every build (any unit's change may change it), and the page of
    each unit whose Word file appeared, went or changed name since its page was written.
    """
    if not isinstance(app.builder, ReportsHTMLBuilder):
        return []
    project = project_at(str(env.srcdir))
    folder = project.root / env.config.baocao_docx_dir
    seen = baocao_domain(env).docx
    pages = [env.config.root_doc]
    for unit_dir in project.unit_dirs():
        found = docx_file(folder, unit_dir.name)
        pdf = docx_file(folder.parent / PDF_DIR, unit_dir.name, ".pdf")
        name = f"{found.name if found else ''}|{pdf.name if pdf else ''}"
        if seen.get(unit_dir.name) != name:
            seen[unit_dir.name] = name
            pages.append(unit_index(unit_dir.name, env.config.baocao_reports_dir))
    return [page for page in pages if page in env.all_docs]


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> str | None:
    """The site's texts on every page; the unit's name, links and sections on its page."""
    context["baocao"] = {key.split(".", 1)[1]: text(key) for key in SITE_TEXTS}
    builder = app.builder
    if pagename == app.config.root_doc and isinstance(builder, ReportsHTMLBuilder):
        assert builder.dashboard is not None
        context["dashboard"] = builder.dashboard
        context["texts"] = dashboard_texts(builder.dashboard)
        return "dashboard.html"
    if not isinstance(doctree, nodes.document) or "baocao_nav" not in doctree:
        return None
    slug = unit_slug(pagename, app.config.baocao_reports_dir)
    assert slug is not None
    project = project_at(str(app.srcdir))
    name = unit_name(project, slug)
    docx_dir = project.root / app.config.baocao_docx_dir
    closed = "/" in slug  # a closed year's page: no Word file or PDF is built for it
    docx = None if closed else docx_file(docx_dir, slug)
    pdf = None if closed else docx_file(docx_dir.parent / PDF_DIR, slug, ".pdf")
    context["title"] = f"{html.escape(name)}: {context.get('title', '')}"
    context["baocao_unit"] = {
        "name": name,
        "nav": doctree["baocao_nav"],
        "docx_url": f"docx/{docx.name}" if docx else None,
        "pdf_url": f"{PDF_DIR}/{pdf.name}" if pdf else None,
        **{key.split(".", 1)[1]: text(key) for key in UNIT_TEXTS},
    }
    return None


def unit_name(project: Project, slug: str) -> str:
    """The unit's name in reports/units.yaml, or its folder's name; a closed year's
    unit ("2025/so-noi-vu") with its year: "Sở Nội vụ (2025)"."""
    year, _, own = slug.rpartition("/")
    unit = project.units.units.get(own)
    name = unit.name if unit else own
    return f"{name} ({year})" if year else name


def setup_builder(app: Sphinx) -> None:
    app.add_builder(ReportsHTMLBuilder, override=True)
    app.add_event("baocao-writing")
    app.add_event("baocao-written")
    app.connect("html-page-context", page_context)
    app.connect("env-get-updated", pages_to_write)
    app.connect("env-updated", remember_commits)
    app.connect("html-collect-pages", year_pages)
