"""The files of ``baocao xuat`` on the site: copied beside the pages (``xuat/``) and
linked from the dashboard and the board's page, when ``_build/xuat/`` holds them.

``make build`` and the publish workflow run ``baocao xuat`` before the site is built;
a site built without it simply has no links. Only the latest year's files are linked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from baocao.awards.export import EXPORT_DIR, export_dir, found_exports
from baocao.fsutil import write_atomic
from baocao.sphinxext.builder import ReportsHTMLBuilder
from baocao.sphinxext.texts import text
from baocao.sphinxext.units import project_at

BOARD_PAGE = "khen-thuong"  # the board's page of commendation numbers (awards_page.py)


def exports_context(app: Sphinx) -> dict[str, Any] | None:
    """What the pages show of the exports: an introduction and a link per file."""
    year, files = found_exports(export_dir(project_at(str(app.srcdir)).root))
    if not files:
        return None
    links = [
        {"url": f"{EXPORT_DIR}/{path.name}", "label": text(f"xuat.link.{key}")}
        for key, path in files.items()
    ]
    return {"intro": text("xuat.link.intro", year=year or ""), "links": links}


def add_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not isinstance(app.builder, ReportsHTMLBuilder):
        return
    if pagename in (app.config.root_doc, BOARD_PAGE):
        context["baocao_exports"] = exports_context(app)


def copy_exports(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """Put the latest exports beside the site (Sphinx's ``html-collect-pages``: no page)."""
    if isinstance(app.builder, ReportsHTMLBuilder):
        _, files = found_exports(export_dir(project_at(str(app.srcdir)).root))
        for path in files.values():
            write_atomic(Path(app.outdir) / EXPORT_DIR / path.name, path.read_bytes())
    return []


def setup_exports(app: Sphinx) -> None:
    app.connect("html-page-context", add_links)
    app.connect("html-collect-pages", copy_exports)
