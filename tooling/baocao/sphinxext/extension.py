"""Wire the site's components into Sphinx and configure the site from the project.

The root ``conf.py`` only names the project, the language and this extension. The
rest follows from ``[tool.baocao]``: the sources are the reports folder only,
Markdown is read by myst-parser with the project's syntax extensions behind the
safety gates, the theme is the light ``baocao`` theme in
``tooling/baocao/templates/`` with assets from ``tooling/baocao/static/``, and the
home page is the generated dashboard.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from baocao.archive import ARCHIVE_DIR
from baocao.forms import load_form
from baocao.mdparser import MYST_EXTENSIONS
from baocao.sphinxext.assemble import setup_assemble
from baocao.sphinxext.awards_directive import setup_awards_directive
from baocao.sphinxext.awards_page import setup_awards_page
from baocao.sphinxext.builder import setup_builder
from baocao.sphinxext.discovery import setup_discovery
from baocao.sphinxext.docutils_vi import setup_docutils_vi
from baocao.sphinxext.domain import BaocaoDomain
from baocao.sphinxext.exports import setup_exports
from baocao.sphinxext.guide import guide_docnames, setup_guide
from baocao.sphinxext.parser import SafeMystParser
from baocao.sphinxext.reading import setup_reading
from baocao.sphinxext.safety import setup_safety
from baocao.sphinxext.search import setup_search
from baocao.sphinxext.texts import text
from baocao.sphinxext.translator import setup_translator
from baocao.sphinxext.units import project_at, setup_units

PACKAGE = Path(__file__).resolve().parent.parent
THEME_DIR = PACKAGE / "templates"
# Vietnamese for the texts of Sphinx's search script (Sphinx's own "vi" catalogue
# leaves them empty, so the search page showed no title and no result count).
LOCALE_DIR = PACKAGE / "locale"
STATIC_DIR = PACKAGE / "static"


def configure(app: Sphinx, config: Config) -> None:
    """Settings the site depends on, derived from the project's own settings."""
    # A new application (a new build, or the watcher after a settings change) reads
    # the project's files again.
    project_at.cache_clear()
    load_form.cache_clear()
    project = project_at(str(app.srcdir))
    reports_dir = project.settings.reports_dir.strip("/")
    config.baocao_reports_dir = reports_dir
    config.baocao_allowed_directives = list(project.settings.allowed_directives)
    config.root_doc = "index"
    guide = guide_docnames(project)
    config.baocao_guide_pages = guide
    config.include_patterns = [
        f"{reports_dir}/**",
        f"{ARCHIVE_DIR}/**",
        *(f"{page}.md" for page in guide),
    ]
    # Fixed patterns (a change of them reads every document again): hidden and
    # underscore entries (.git, .venv, _build, _templates) are not even walked.
    config.exclude_patterns = [".*", "_*", "**/.*", "**/_*", "venv", "node_modules"]
    config.source_suffix = {".md": "markdown"}
    config.myst_enable_extensions = list(MYST_EXTENSIONS)
    # Ids on headings as GitHub makes them, for links such as rules.md#bc101-missing-section.
    config.myst_heading_anchors = 3
    config.html_theme = "baocao"
    config.html_title = config.project or text("site.title")
    config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]
    config.html_favicon = str(STATIC_DIR / "favicon.svg")
    config.html_copy_source = False
    config.html_show_sourcelink = False
    config.html_show_sphinx = False
    config.html_use_index = False
    config.html_domain_indices = False
    config.locale_dirs = [str(LOCALE_DIR), *config.locale_dirs]


def setup_extension(app: Sphinx) -> None:
    setup_docutils_vi()
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    app.add_source_parser(SafeMystParser, override=True)
    app.add_config_value("baocao_reports_dir", "reports", "env", str)
    app.add_config_value("baocao_allowed_directives", [], "env", list)
    app.add_config_value("baocao_docx_dir", "_build/docx", "html", str)
    app.add_html_theme("baocao", str(THEME_DIR))
    app.add_domain(BaocaoDomain)
    app.connect("config-inited", configure)
    setup_discovery(app)
    setup_safety(app)
    setup_reading(app)
    setup_units(app)
    setup_assemble(app)
    setup_awards_directive(app)
    setup_search(app)
    setup_guide(app)
    setup_builder(app)
    setup_awards_page(app)
    setup_translator(app)
    setup_exports(app)
