"""``baocao new``: write a unit's report skeleton from the form, for a given year.

Headings carry the form's corrected numbering (2.1 to 2.4); the form's guidance
is kept as MyST comments (``% ...``) so the writer sees it but it never renders.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path

from baocao.awards.scaffold import data_files
from baocao.errors import BaocaoError
from baocao.forms import Form, FormNode
from baocao.frontmatter import schema
from baocao.fsutil import make_dir_like_mkdir
from baocao.i18n import t
from baocao.project import Project
from baocao.units_file import add_unit

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def report_year(today: dt.date | None = None) -> int:
    """The year a report is written for: this year from October on, else last year."""
    today = today or dt.date.today()
    return today.year if today.month >= 10 else today.year - 1


def check_slug(slug: str) -> None:
    if not SLUG.match(slug) or not 2 <= len(slug) <= 60:
        raise BaocaoError("new.bad-slug", slug=slug)


def new_unit(
    project: Project,
    slug: str,
    *,
    form_id: str | None = None,
    year: int | None = None,
    co_quan: str | None = None,
    single_file: bool = False,
    kind: str = "",
    owners: tuple[str, ...] = (),
) -> Path:
    """Create ``reports/<slug>/`` and register it in units.yaml; never overwrite."""
    check_new(project, slug)
    form = project.form(form_id)
    year = year or report_year()
    files: dict[str, str | bytes] = dict(render_unit(form, year, co_quan, single_file))
    files.update(data_files(form.path.parent, year))
    return create_unit(project, slug, files, (co_quan or slug).strip(), kind, owners)


def check_new(project: Project, slug: str) -> None:
    """A new unit needs a valid slug, no folder and no entry in units.yaml yet."""
    check_slug(slug)
    target = project.reports_dir / slug
    if target.exists():
        raise BaocaoError("new.exists", file=project.rel(target))
    if slug in project.units.units:
        raise BaocaoError("new.listed", slug=slug, file=project.rel(project.units_file))


def create_unit(
    project: Project,
    slug: str,
    files: dict[str, str | bytes],
    name: str,
    kind: str = "",
    owners: tuple[str, ...] = (),
) -> Path:
    """Write ``files`` into ``reports/<slug>/`` at once (a staging folder renamed into
    place, which fails rather than overwrite) and register the unit."""
    check_new(project, slug)
    target = project.reports_dir / slug
    project.reports_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{slug}.", dir=project.reports_dir))
    make_dir_like_mkdir(staging)
    try:
        for rel, content in files.items():
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                (staging / rel).write_bytes(content)
            else:
                (staging / rel).write_text(content, "utf-8")
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    add_unit(project.units_file, slug, name, kind, owners)
    return target


def render_unit(form: Form, year: int, co_quan: str | None, single_file: bool) -> dict[str, str]:
    """File path (relative to the unit) -> text, for either layout."""
    head = [*front_matter(form, year, co_quan), f"# {form.title_for(year)}", ""]
    if single_file:
        body = [line for node in form.nodes for line in section(node, year, 2)]
        return {"index.md": "\n".join(head + body).rstrip() + "\n"}
    files = {"index.md": "\n".join(head + toctree(_entry(n) for n in form.nodes))}
    for node in form.nodes:
        files.update(tree_files(node, year))
    return files


def _is_folder(node: FormNode) -> bool:
    """A top node whose children have children of their own gets a folder of files."""
    return any(child.children for child in node.children)


def _entry(node: FormNode) -> str:
    return f"{node.file}/index" if _is_folder(node) else node.file


def tree_files(node: FormNode, year: int) -> dict[str, str]:
    """A top node is one file, or a folder with one file per child (see _is_folder)."""
    if not _is_folder(node):
        return {f"{node.file}.md": _join(section(node, year, 1))}
    index = [*section(node, year, 1, with_children=False), *toctree(c.file for c in node.children)]
    files = {f"{node.file}/index.md": _join(index)}
    for child in node.children:
        files[f"{node.file}/{child.file}.md"] = _join(section(child, year, 1))
    return files


def _join(lines: list[str]) -> str:
    return "\n".join(lines).rstrip() + "\n"


def toctree(entries) -> list[str]:
    return ["```{toctree}", ":maxdepth: 3", "", *entries, "```", ""]


def section(node: FormNode, year: int, level: int, with_children: bool = True) -> list[str]:
    lines = [f"{'#' * level} {node.heading_for(year)}", ""]
    notes = guidance_comments(node, year)
    if notes:
        lines += [*notes, ""]
    if not node.required and not node.children:
        lines += [t("new.nothing", "vi"), ""]
    if with_children:
        for child in node.children:
            lines += section(child, year, level + 1)
    return lines


def guidance_comments(node: FormNode, year: int) -> list[str]:
    """The form's words for this section, as MyST comments the writer replaces with content."""
    notes: list[str] = []
    if node.issued.rstrip(".:") != node.title:
        notes.append(f"% {t('new.issued-as', 'vi')} {node.issued_heading_for(year)}")
    notes += [f"% {text}" for text in node.guidance_for(year)]
    if node.mentions:
        notes.append(f"% {t('new.mentions', 'vi')}")
        notes += [f"%   - {m.name}" for m in node.mentions]
    if not node.required:
        notes.append(f"% {t('new.optional', 'vi')}")
    if notes and not node.children:
        notes.append(f"% {t('new.write-here', 'vi')}")
    return notes


def front_matter(form: Form, year: int, co_quan: str | None) -> list[str]:
    """Every key of the front matter, filled where known, with a comment saying what goes there."""
    known = {
        "mau": form.id,
        "nam": str(year),
        "trich_yeu": form.title_for(year),
        "co_quan": (co_quan or "").strip().upper(),
    }
    lines = ["---"]
    for name, spec in schema().items():
        if name == "noi_nhan":
            lines += [
                f"{name}:  # {spec.label}",
                "  - Ban Thi đua - Khen thưởng tỉnh",
                "  - Lưu: VT.",
            ]
            continue
        value = known.get(name, "")
        comment = f"# {spec.label}" + ("" if value else f", ví dụ: {spec.example}")
        lines.append(f"{name}: {value} {comment}" if value else f"{name}: {comment}")
    return [*lines, "---", ""]
