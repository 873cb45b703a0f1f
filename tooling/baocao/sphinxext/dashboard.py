"""The dashboard: every unit with its kind, completeness, findings, last change and links.

Units come from the folders under the reports root and from ``reports/units.yaml``;
a unit whose report could not be read is listed with its error, as is a unit of
the list without a folder. Its row data comes from what the build collected while
reading (``units.py``); a unit whose ``index`` was not read is linted here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from baocao.archive import archived_years, year_page
from baocao.dates import today, vn_date
from baocao.docx.nd30 import DRAFT_SUFFIX
from baocao.fsutil import write_atomic
from baocao.i18n import t
from baocao.pdfout import PDF_DIR
from baocao.project import Project
from baocao.sphinxext.domain import UnitInfo, baocao_domain
from baocao.sphinxext.faults import unit_faults
from baocao.sphinxext.lastchange import last_changes, remembered_dates
from baocao.sphinxext.texts import has_text, text
from baocao.sphinxext.units import broken, project_at, unit_info
from baocao.status import (
    Found,
    Status,
    Submission,
    state_label,
    submission_status,
    summary_line,
)
from baocao.summary.published import Published
from baocao.text import strip_marks


@dataclass
class Row:
    slug: str
    name: str
    kind: str
    kind_label: str
    status: str  # "complete", "incomplete" or "broken"
    required: int = 0
    present: int = 0
    errors: int = 0
    warnings: int = 0
    changed: str = ""  # ISO date
    page: str | None = None  # docname of the unit's page
    docx: Path | None = None  # the unit's Word file, when built
    pdf: Path | None = None  # its PDF (baocao build pdf), when built
    problem: str = ""
    submission: Submission | None = None  # None: not expected in the year collected

    @property
    def status_label(self) -> str:
        return text(f"dash.status.{self.status}")

    @property
    def changed_label(self) -> str:
        return vn_date(dt.date.fromisoformat(self.changed)) if self.changed else ""

    @property
    def search_key(self) -> str:
        return strip_marks(f"{self.name} {self.slug}").lower()

    @property
    def docx_url(self) -> str | None:
        return f"docx/{self.docx.name}" if self.docx else None

    @property
    def pdf_url(self) -> str | None:
        return f"pdf/{self.pdf.name}" if self.pdf else None

    @property
    def docx_draft(self) -> bool:
        return self.docx is not None and self.docx.stem.endswith(DRAFT_SUFFIX)

    @property
    def submission_label(self) -> str:
        if self.submission is None:
            return text("dash.not-expected")
        label = state_label(self.submission.state)
        since = self.submission.since
        return f"{label} {t('status.since', day=vn_date(since))}" if since else label


@dataclass
class Dashboard:
    rows: list[Row] = field(default_factory=list)
    status: Status | None = None
    years: list[int] = field(default_factory=list)  # the closed years, newest first
    summary: Published | None = None  # the board's report (baocao tong-hop), when built

    def year_page(self, year: int) -> str:
        return year_page(year)

    @property
    def summary_labels(self) -> dict[str, str]:
        return {key: t(f"tong-hop.link.{key}", "vi") for key in ("page", "docx")}

    @property
    def status_line(self) -> str:
        """ "Báo cáo năm 2025. Hạn nộp: 15/01/2026. 2/3 đơn vị đã đủ, 1 quá hạn." """
        if self.status is None or self.status.year is None:
            return ""
        parts = [t("status.year", year=self.status.year)]
        if self.status.deadline:
            parts.append(t("status.deadline", day=vn_date(self.status.deadline)))
        return " ".join([*parts, summary_line(self.status)])

    @property
    def broken(self) -> list[Row]:
        return [row for row in self.rows if row.status == "broken"]

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)

    def total(self, name: str) -> int:
        return sum(getattr(row, name) for row in self.rows)

    @property
    def kinds(self) -> list[tuple[str, str]]:
        return sorted({(row.kind, row.kind_label) for row in self.rows if row.kind})


def docx_file(folder: Path, slug: str, suffix: str = ".docx") -> Path | None:
    """The unit's Word file (or its PDF, ``suffix=".pdf"``) as the builders name it: final,
    or a draft."""
    for name in (f"{slug}{suffix}", f"{slug}{DRAFT_SUFFIX}{suffix}"):
        if (folder / name).is_file():
            return folder / name
    return None


def kind_label(kind: str) -> str:
    return text(f"kind.{kind}") if has_text(f"kind.{kind}") else kind


def remember_commits(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Read the units' commit dates (if HEAD moved) while the environment is still to be
    saved: Sphinx saves it after reading, before the pages (and the dashboard) are written.
    """
    project = project_at(str(env.srcdir))
    remembered_dates(project.root, project.settings.reports_dir, baocao_domain(env).commits)
    return []


def build_dashboard(env: BuildEnvironment, project: Project, docx_dir: str) -> Dashboard:
    listed = project.units.units
    folders = {path.name: path for path in project.unit_dirs()}
    collected = baocao_domain(env).units
    memo = baocao_domain(env).commits
    changed = last_changes(project.root, project.settings.reports_dir, [*folders.values()], memo)
    rows = []
    found: dict[str, Found] = {}
    for slug in sorted(set(listed) | set(folders)):
        unit = listed.get(slug)
        name = unit.name if unit else slug
        kind = unit.kind if unit else ""
        if slug not in folders:
            path = project.rel(project.reports_dir / slug) + "/"
            problem = text("dash.missing-folder", path=path)
            rows.append(Row(slug, name, kind, kind_label(kind), "broken", problem=problem))
            continue
        info = collected.get(slug) or unit_info(project, folders[slug], None)
        found[slug] = Found(info.get("declared_year"), info["complete"])
        row = unit_row(slug, name, kind, info, env)
        row.changed = changed.get(slug, "")
        row.docx = docx_file(project.root / docx_dir, slug)
        row.pdf = docx_file((project.root / docx_dir).parent / PDF_DIR, slug, ".pdf")
        rows.append(row)
    rows.sort(key=lambda row: (strip_marks(row.name).casefold(), row.slug))
    status = submission_status(project, found, today())
    submissions = {unit.slug: unit for unit in status.units}
    for row in rows:
        row.submission = submissions.get(row.slug)
    return Dashboard(rows, status, archived_years(project.root)[::-1])


def unit_row(slug: str, name: str, kind: str, info: UnitInfo, env: BuildEnvironment) -> Row:
    page = info["docname"] if info["docname"] in env.all_docs else None
    faults = unit_faults(env, slug, info)
    if faults:
        page, status = None, "broken"
        problem = f"{faults[0]['file']}:{faults[0]['line']}: {faults[0]['what']}"
    elif broken(info):
        status, problem = "broken", info["load_errors"][0]
    else:
        status, problem = ("complete" if info["complete"] else "incomplete"), ""
    return Row(
        slug,
        name,
        kind,
        kind_label(kind),
        status,
        required=info["required"],
        present=info["present"],
        errors=info["errors"],
        warnings=info["warnings"],
        page=page,
        problem=problem,
    )


def copy_docx(dashboard: Dashboard, outdir: Path) -> None:
    """Put each unit's Word file and PDF beside the site, where the dashboard links them."""
    for row in dashboard.rows:
        for built, folder in ((row.docx, "docx"), (row.pdf, PDF_DIR)):
            if built is None:
                continue
            target = Path(outdir) / folder / built.name
            if target.is_file() and target.stat().st_mtime >= built.stat().st_mtime:
                continue
            write_atomic(target, built.read_bytes())


TEMPLATE_TEXTS = (
    "empty",
    "filter",
    "filter-placeholder",
    "kind-all",
    "status-all",
    "sort-hint",
    "col.unit",
    "col.kind",
    "col.status",
    "col.sections",
    "col.errors",
    "col.warnings",
    "col.changed",
    "col.submission",
    "overdue",
    "col.files",
    "status.complete",
    "status.incomplete",
    "status.broken",
    "link.html",
    "link.docx",
    "link.docx-draft",
    "link.pdf",
    "no-docx",
    "past-years",
)


def dashboard_texts(dashboard: Dashboard) -> dict[str, str]:
    """The dashboard template's texts, by key without the ``dash.`` prefix."""
    texts = {key: text(f"dash.{key}") for key in TEMPLATE_TEXTS}
    texts["total"] = text("dash.total", units=len(dashboard.rows))
    texts["total-status"] = text(
        "dash.total-status",
        complete=dashboard.count("complete"),
        incomplete=dashboard.count("incomplete"),
        broken=dashboard.count("broken"),
    )
    return texts
