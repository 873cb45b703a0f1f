"""The HTML translator of the site: Sphinx's, with every document name escaped.

Sphinx writes the anchor of each file inlined into a unit's page as
``<span id="document-<docname>">`` without escaping it, so a file named
``"><script>…<.md`` put a script on the page. Here the name is escaped.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class SafeHTMLTranslator(HTML5Translator):
    def visit_start_of_file(self, node: nodes.Element) -> None:
        self.docnames.append(node["docname"])
        self.body.append(f'<span id="document-{html.escape(node["docname"])}"></span>')


def setup_translator(app: Sphinx) -> None:
    app.set_translator("html", SafeHTMLTranslator, override=True)
