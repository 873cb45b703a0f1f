"""The Sphinx builder of the Word files: one ``<unit>.docx`` per unit.

It never reads a source file itself: each unit's ``index`` doctree comes from the
environment the HTML build already filled (same ``doctreedir``), with its
toctrees inlined as Sphinx's singlehtml builder does, then goes through
``baocao.docx``: panflute document → pandoc → ND30 finishing. Units are converted
in worker processes (``-j``). A unit whose lint has errors becomes a draft,
``<unit>-du-thao.docx``, marked "DỰ THẢO".

Each finished unit is announced with the ``baocao-docx-unit-done`` event (the
``baocao build docx`` command draws its progress from it); the list of units
about to be written with ``baocao-docx-units``.

For ``baocao diff`` (``redline`` set), the worker that prepared a unit's Job does
not convert it: it makes the unit's document at the merge base from the same
environment, reading again only the files that differ there, and writes the
redline (``baocao.redline.within``). No Word file of ``_build/docx`` is then
written or removed.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable, Set
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.locale import admonitionlabels
from sphinx.util import logging
from sphinx.util.nodes import inline_all_toctrees

from baocao.docx.ast import to_json, to_pandoc
from baocao.docx.convert import Job, Outcome, file_name
from baocao.docx.meta import DocumentMeta
from baocao.docx.nd30 import ND30
from baocao.docx.reference import reference_docx
from baocao.docx.runner import Runner
from baocao.errors import ConfigError
from baocao.forms import Form
from baocao.frontmatter import marked_draft
from baocao.limits import deadline
from baocao.lint import lint_unit
from baocao.lint.engine import UnitResult
from baocao.project import Project
from baocao.redline.within import RedlinePlan, unit_redline
from baocao.sphinxext.doctrees import LeanDoctreesMixin, forget
from baocao.sphinxext.domain import baocao_domain
from baocao.sphinxext.faults import unit_faults
from baocao.sphinxext.reading import TolerantReadMixin
from baocao.sphinxext.revision import InMemoryDoctreesMixin, Unfollowable, compare, read_older

logger = logging.getLogger(__name__)

UNITS_EVENT = "baocao-docx-units"
DONE_EVENT = "baocao-docx-unit-done"


class DocxBuilder(InMemoryDoctreesMixin, LeanDoctreesMixin, TolerantReadMixin, Builder):
    """Writes each unit's report as a Word file laid out per Nghị định 30/2020/NĐ-CP."""

    name = "docx"
    format = "docx"
    epilog = "The Word files are in %(outdir)s."
    out_suffix = ".docx"
    allow_parallel = False  # units are converted by the builder's own worker pool
    redline: RedlinePlan | None = None  # ``baocao diff``: the base to write redlines against

    def init(self) -> None:
        self.project = Project.discover(Path(self.srcdir))
        self.nd = ND30.from_settings(self.project.settings)

    def get_outdated_docs(self) -> str:
        return "every unit"

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return ""

    def prepare_writing(self, docnames: Set[str]) -> None:
        # Sphinx copies this on every reference resolution: start from a blank one, not
        # from whatever the last document read (here or by another builder) left in it.
        self.env.current_document = type(self.env.current_document)()

    @property
    def reports_prefix(self) -> str:
        reports = self.project.reports_dir.resolve().relative_to(Path(self.srcdir).resolve())
        return f"{reports.as_posix()}/"

    def units_of(self, docnames: Iterable[str]) -> list[str]:
        """The units (folders of the reports root) that ``docnames`` belong to."""
        prefix = self.reports_prefix
        return sorted(
            {
                name[len(prefix) :].split("/", 1)[0]
                for name in docnames
                if name.startswith(prefix) and "/" in name[len(prefix) :]
            }
        )

    def write_documents(self, docnames: Set[str]) -> None:
        units = self.units_of(docnames)
        self.events.emit(UNITS_EVENT, units)
        with tempfile.TemporaryDirectory(prefix="baocao-docx-") as tmp:
            reference = Path(tmp) / "reference.docx"
            reference.write_bytes(reference_docx(self.nd))
            with self.runner(min(self._app.parallel, len(units)), reference) as runner:
                for unit in units:
                    runner.submit(unit)
                    self.report(runner.poll())
                self.report(runner.drain())

    def runner(self, jobs: int, reference: Path) -> Runner:
        """The worker pool: each unit prepared, then converted or (``baocao diff``) its
        redline written."""
        prepare = partial(self.job, reference=reference)
        if self.redline is None:
            return Runner(jobs, prepare)
        return Runner(jobs, prepare, partial(self.redline_of, reference=reference))

    def report(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            if not outcome.ok and self.redline is None:
                self.remove_stale(outcome.unit)
            if any(self.events.emit(DONE_EVENT, outcome)):
                continue
            if outcome.ok:
                logger.info("%s -> %s", outcome.unit, outcome.path)
            else:
                logger.warning(
                    "%s: no Word file written: %s", outcome.unit, outcome.error, type="baocao"
                )

    def remove_stale(self, unit: str) -> None:
        """A unit that failed keeps no Word file of an earlier build (it would be published)."""
        for draft in (False, True):
            stale = Path(self.outdir) / file_name(unit, draft)
            if stale.is_file():
                stale.unlink()

    def job(self, unit: str, reference: Path) -> Job:
        """Everything a worker needs for ``unit``: its pandoc document and its metadata,
        made within the unit's time limit (``docx_seconds_per_unit``)."""
        limit = self.project.settings.docx_seconds_per_unit
        where = f"{self.reports_prefix}{unit}"
        started = time.perf_counter()
        with deadline(limit, where, "docx_seconds_per_unit", limit):
            job = self.prepare(unit, reference)
        left = limit - (time.perf_counter() - started)
        return replace(job, where=where, time_limit=limit, time_left=left)

    def prepare(self, unit: str, reference: Path) -> Job:
        docname = f"{self.reports_prefix}{unit}/index"
        if docname not in self.env.found_docs:
            raise FileNotFoundError(f"{docname}.md")
        faults = unit_faults(self.env, unit, baocao_domain(self.env).units.get(unit))
        if faults:  # its page is left out, and so is its Word file (baocao.faults)
            raise RuntimeError(f"{faults[0]['file']}:{faults[0]['line']}: {faults[0]['what']}")
        tree = self.assemble(docname)
        result = lint_unit(self.project, self.project.reports_dir / unit)
        return self.job_of(unit, tree, result, reference)

    def job_of(self, unit: str, tree: nodes.document, result: UnitResult, reference: Path) -> Job:
        """The unit's job from its assembled doctree and its lint (front matter, draft)."""
        report = result.report
        values = report.front_matter.values if report else {}
        form = self.form_of(values.get("mau"))
        year = values.get("nam")
        heading = (report.title if report else None) or ""
        meta = DocumentMeta.from_front_matter(
            unit,
            values,
            document_type=form.document_type,
            default_title=form.title_for(year) if year else heading,
            draft=result.errors > 0 or marked_draft(values),
        )
        labels = {name: str(label) for name, label in admonitionlabels.items()}
        doc = to_pandoc(tree, srcdir=Path(self.srcdir), labels=labels)
        return Job(unit, to_json(doc), meta, Path(self.outdir), reference, self.nd)

    def redline_of(self, job: Job, reference: Path) -> Outcome:
        """``baocao diff``: the unit's redline from today's Job (in the worker)."""
        assert self.redline is not None, "only in baocao diff"
        older = partial(self.older_job, job.unit, reference)
        return unit_redline(self.redline, self.project, job, older)

    def older_job(self, unit: str, reference: Path) -> Job:
        """The unit's job at the redline's base, from today's environment where only the
        files that differ are read again (``baocao.sphinxext.revision``)."""
        assert self.redline is not None, "only in baocao diff"
        older = self.redline.older
        prefix = f"{self.reports_prefix}{unit}/"
        revision = compare(self.project.reports_dir / unit, older.reports_dir / unit, prefix)
        docs = {d for d in self.env.found_docs if d.startswith(prefix)}
        try:
            read_older(self, revision, docs)
            result = lint_unit(older, older.reports_dir / unit)
            bc009 = any(d.code == "BC009" for d in result.diagnostics)
            if bc009 or unit_faults(self.env, unit):
                raise Unfollowable("the unit had a fault at the base")
            return self.job_of(unit, self.assemble(f"{prefix}index"), result, reference)
        finally:
            forget(self.env, docs)  # the older doctrees kept in memory, whatever happened

    def form_of(self, form_id: Any) -> Form:
        try:
            return self.project.form(form_id if isinstance(form_id, str) else None)
        except ConfigError:
            return self.project.form(None)

    def assemble(self, docname: str) -> nodes.document:
        """The unit's index with its toctrees inlined, limited to the unit's own folder."""
        tree = self.env.get_doctree(docname)
        tree = inline_all_toctrees(self, set(), docname, tree, str, [docname])
        folder = docname.rsplit("/", 1)[0] + "/"
        for part in list(tree.findall(addnodes.start_of_file)):
            if not part["docname"].startswith(folder):
                part.parent.remove(part)
        tree["docname"] = docname
        self.env.resolve_references(tree, docname, self)
        read = [docname, *(part["docname"] for part in tree.findall(addnodes.start_of_file))]
        forget(self.env, read)  # memory stays flat in the number of units
        return tree


def keep_root_doc(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Keep a root document that has no source file (the site's dashboard) in the environment.

    Sphinx would drop it as removed, then refuse to build without it. It is read
    (as a placeholder) only when the environment does not hold it yet.
    """
    root = env.config.root_doc
    if not isinstance(app.builder, DocxBuilder) or Path(env.doc2path(root)).is_file():
        return []
    env.project.docnames.add(root)
    removed.discard(root)
    return [] if root in env.all_docs else [root]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``docx`` builder and its events.

    Sphinx loads this module through the ``sphinx.builders`` entry point (see
    pyproject.toml) only when the ``docx`` builder is asked for: the HTML build does
    not import pandoc's and python-docx's modules.
    """
    app.add_builder(DocxBuilder)
    app.add_event(UNITS_EVENT)
    app.add_event(DONE_EVENT)
    app.connect("env-get-outdated", keep_root_doc)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
