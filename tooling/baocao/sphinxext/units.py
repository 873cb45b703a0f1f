"""Lint each unit while its ``index`` document is read, and remember what the pages need.

The unit's ``index`` document depends on every file of the unit's folder, on
``reports/units.yaml``, on the form and on the project's settings, so a change to
any of them reads the index again and lints the unit again; other units keep their
results from the previous build.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from baocao.archive import closed_year_project
from baocao.diagnostics import Diagnostic
from baocao.frontmatter import marked_draft
from baocao.lint import lint_unit
from baocao.lint.engine import UnitResult, faulted
from baocao.project import Project
from baocao.sphinxext.domain import UnitInfo, baocao_domain
from baocao.sphinxext.faults import note_fault
from baocao.sphinxext.policy import unit_base, unit_index, unit_slug
from baocao.unitpaths import unit_files

FRONT_KEYS = (
    "co_quan_chu_quan",
    "co_quan",
    "so_ky_hieu",
    "dia_danh",
    "ngay",
    "trich_yeu",
    "quyen_han",
    "chuc_vu",
    "nguoi_ky",
    "noi_nhan",
)
DEFAULT_DOCUMENT_TYPE = "BÁO CÁO"


@cache
def project_at(srcdir: str) -> Project:
    return Project.discover(Path(srcdir))


def collect_unit(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    slug = unit_slug(env.docname, env.config.baocao_reports_dir)
    if slug is None or env.docname != unit_index(slug, env.config.baocao_reports_dir):
        return
    # A unit's index is reached from the dashboard, not from a toctree.
    env.metadata[env.docname]["orphan"] = True
    if getattr(app.builder, "doctrees_in_memory", False):
        return  # read again as it was at an older revision, for a redline: not today's row
    project = project_at(str(env.srcdir))
    unit_dir = project.root / unit_base(slug, env.config.baocao_reports_dir)
    if "/" in slug:  # a closed year's unit: archive/<year>/<slug>
        project = closed_year_project(project)
    try:
        note_row_dependencies(env, dependencies(project, unit_dir))
        info = unit_info(project, unit_dir, env.docname)
    except Exception as err:  # this unit's fault (baocao.faults); the others go on
        note_fault(env, env.docname, err, "read")
        info = _info(project, unit_dir, env.docname, faulted(project, unit_dir, err))
    info["slug"] = slug  # a closed year's unit is "<year>/<slug>", beside today's
    baocao_domain(env).note_unit(info)


def note_row_dependencies(env: BuildEnvironment, paths: list[Path]) -> None:
    """The index depends on every file its row is made from; those its doctree does not
    depend on already are kept apart (``baocao diff`` need not read it again for them)."""
    own = set(env.dependencies.get(env.docname, ()))
    for path in paths:
        env.note_dependency(path)
    row = env.dependencies[env.docname] - own
    relative = (Path(os.path.relpath(path, env.srcdir)).as_posix() for path in row)
    baocao_domain(env).row_dependencies[env.docname] = sorted(relative)


def dependencies(project: Project, unit_dir: Path) -> list[Path]:
    files = list(unit_files(unit_dir))
    shared = [project.units_file, project.root / "pyproject.toml", *project.forms_dir.glob("*/*")]
    return files + [p for p in shared if p.is_file()]


def unit_info(project: Project, unit_dir: Path, docname: str | None) -> UnitInfo:
    """Everything the unit's page and its dashboard row show, as plain data; a fault
    here is the unit's finding (``baocao.faults``)."""
    result = lint_unit(project, unit_dir)
    try:
        return _info(project, unit_dir, docname, result)
    except Exception as err:  # this unit's fault (baocao.faults); the others go on
        return _info(project, unit_dir, docname, faulted(project, unit_dir, err))


def _info(project: Project, unit_dir: Path, docname: str | None, result: UnitResult) -> UnitInfo:
    report = result.report
    values = report.front_matter.values if report else {}
    form = project.form(result.form) if result.form else None
    return {
        "slug": unit_dir.name,
        "docname": docname,
        "title": (report.title if report else None) or "",
        "form": result.form,
        "year": result.year,
        "declared_year": result.declared_year,
        "required": result.required,
        "present": result.present,
        "errors": result.errors,
        "warnings": result.warnings,
        "complete": result.complete,
        "load_errors": [_where(d) + d.message("vi") for d in (report.problems if report else [])],
        "diagnostics": [diagnostic_info(d) for d in result.diagnostics],
        "front": {key: _plain(values[key]) for key in FRONT_KEYS if key in values},
        "draft": marked_draft(values),
        "document_type": form.document_type if form else DEFAULT_DOCUMENT_TYPE,
        "form_title": form.title_for(result.year) if form and result.year else "",
    }


def broken(info: UnitInfo) -> bool:
    return bool(info["load_errors"])


def diagnostic_info(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "code": diagnostic.code,
        "severity": diagnostic.severity,
        "file": diagnostic.file,
        "line": diagnostic.line,
        "message": diagnostic.message("vi"),
        "section": diagnostic.section,
        "section_title": diagnostic.section_title,
    }


def _where(diagnostic: Diagnostic) -> str:
    return f"{diagnostic.file}:{diagnostic.line}: " if diagnostic.file else ""


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value)


def setup_units(app: Sphinx) -> None:
    app.connect("doctree-read", collect_unit, priority=600)
