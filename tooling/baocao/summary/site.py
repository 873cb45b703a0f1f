"""The board's report built as a unit of its own, by the site's and the Word builders.

The report is written into a throw-away project under ``_build/tong-hop/du-an/``
(today's settings, forms and ``conf.py``; one unit, ``tong-hop``), never into the
reports folder. Both builders run on it through their normal entry points, so the
page and the Word file get the same layout, boundaries and fault handling as any
unit's. The results are copied to ``_build/tong-hop/``: the Word file, and the
site (``html/``) that ``baocao build html`` puts under ``_build/html/tong-hop/``
and links from the dashboard.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from baocao.archive import ARCHIVE_DIR
from baocao.awards.model import DATA_FILE
from baocao.docx.build import BuildPlan, build_docx
from baocao.docx.convert import Outcome
from baocao.fsutil import write_atomic
from baocao.project import Project
from baocao.sphinxext.progress import BuildProgress
from baocao.sphinxext.run import SiteResult, build_site
from baocao.summary.document import LINK_SCHEME
from baocao.summary.published import HTML_DIR, OUT_DIR, SITE_FOLDER, SLUG

WORK_DIR = "du-an"


@dataclass
class Built:
    site: SiteResult
    outcome: Outcome | None
    page: Path | None
    docx: Path | None


def out_dir(project: Project) -> Path:
    return project.root / OUT_DIR


def page_path(project: Project) -> Path:
    """The report's page, relative to the folder its site is copied to."""
    return Path(project.settings.reports_dir) / SLUG / "index.html"


def write_project(project: Project, files: dict[str, str], name: str) -> Project:
    """A new throw-away project holding the board's report and nothing else; ``files``
    by path relative to the project's root (see ``report_files``)."""
    work = out_dir(project) / WORK_DIR
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    settings = project.root / "pyproject.toml"
    # Always one, so that the throw-away project is found as its own root.
    text = settings.read_text("utf-8") if settings.is_file() else ""
    text += "" if "[tool.baocao" in text else "\n[tool.baocao]\n"
    (work / "pyproject.toml").write_text(text, "utf-8")
    conf = (project.root / "conf.py").read_text("utf-8")
    (work / "conf.py").write_text(conf + _links_conf(project), "utf-8")
    forms = project.forms_dir.resolve().relative_to(project.root.resolve())
    shutil.copytree(project.forms_dir, work / forms)
    reports = work / project.settings.reports_dir
    (reports / SLUG).mkdir(parents=True)
    units = {"units": [{"slug": SLUG, "name": name}]}
    (reports / "units.yaml").write_text(_yaml(units), "utf-8")
    for rel, text in files.items():
        path = work / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return Project.discover(work)


def report_files(
    project: Project, index: str, data: str | None, before: str | None, year: int
) -> dict[str, str]:
    """The report's files by path in the throw-away project: its ``index.md``, its data
    (the roll-up) and last year's roll-up in the archive, for the comparison."""
    unit = Path(project.settings.reports_dir) / SLUG
    files = {(unit / "index.md").as_posix(): index}
    if data is not None:
        files[(unit / DATA_FILE).as_posix()] = data
    if before is not None:
        files[(Path(ARCHIVE_DIR) / str(year - 1) / SLUG / DATA_FILE).as_posix()] = before
    return files


def _links_conf(project: Project) -> str:
    """``[Sở Nội vụ](don-vi:so-noi-vu)`` links to that unit's page on the main site."""
    up = "../" * (len(page_path(project).parts) - 1 + len(Path(SITE_FOLDER).parts))
    target = f"{up}{project.settings.reports_dir}/{{{{path}}}}/index.html"
    schemes = {"http": None, "https": None, "mailto": None, LINK_SCHEME: target}
    return f"\n# baocao tong-hop: links to the units' pages\nmyst_url_schemes = {schemes!r}\n"


def _yaml(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def build(project: Project, work: Project, jobs: int) -> Built:
    """Build the page and the Word file of the throw-away project; copy them out."""
    progress = BuildProgress(False, io.StringIO())
    site = build_site(work, progress, jobs, clean=True)
    outcomes = build_docx(work, [SLUG], BuildPlan(jobs=1))
    outcome = outcomes[0] if outcomes else None
    return Built(site, outcome, _copy_site(project, work, site), _copy_docx(project, outcome))


def _copy_site(project: Project, work: Project, site: SiteResult) -> Path | None:
    """The throw-away site, whole, to ``_build/tong-hop/html/`` (swapped in at once)."""
    target = out_dir(project) / HTML_DIR
    if not (site.outdir / page_path(work)).is_file():
        shutil.rmtree(target, ignore_errors=True)
        return None
    staging = target.with_name(f".{HTML_DIR}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(site.outdir, staging)
    old = target.with_name(f".{HTML_DIR}.old")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target / page_path(work)


def _copy_docx(project: Project, outcome: Outcome | None) -> Path | None:
    for stale in out_dir(project).glob("*.docx"):
        stale.unlink()
    if outcome is None or not outcome.ok or outcome.path is None:
        return None
    target = out_dir(project) / outcome.path.name
    write_atomic(target, outcome.path.read_bytes())
    return target
