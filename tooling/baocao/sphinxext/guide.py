"""The user guide on the site: the pages of docs/ named by the ``guide_pages`` setting.

They are read like the reports (same parser, same safety gates) and written as
ordinary pages. No toctree lists them: every page's top bar links the first one,
and each guide page lists them all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from baocao.project import Project
from baocao.sphinxext.texts import text


def guide_docnames(project: Project) -> list[str]:
    """Docnames of the guide pages that exist, in the order of the setting."""
    names = []
    for page in project.settings.guide_pages:
        path = project.root / page
        if path.suffix == ".md" and path.is_file():
            names.append(Path(page).with_suffix("").as_posix())
    return names


def mark_orphan(app: Sphinx, doctree: nodes.document) -> None:
    """A guide page is reached by links, not from a toctree: no "not in any toctree" warning."""
    if app.env.docname in app.config.baocao_guide_pages:
        app.env.metadata[app.env.docname]["orphan"] = True


def guide_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The top bar's link to the guide; on a guide page, the list of its pages."""
    pages = [page for page in app.config.baocao_guide_pages if page in app.env.all_docs]
    if not pages:
        return
    titles = app.env.titles
    context["baocao_guide"] = {
        "first": pages[0],
        "label": text("site.guide"),
        "pages": [(page, titles[page].astext() if page in titles else page) for page in pages],
        "here": pagename in pages,
    }


def setup_guide(app: Sphinx) -> None:
    app.add_config_value("baocao_guide_pages", [], "env", list)
    app.connect("doctree-read", mark_orphan)
    app.connect("html-page-context", guide_context)
