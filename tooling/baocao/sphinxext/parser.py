"""myst-parser's Sphinx parser with gates: unsafe Markdown never becomes a node.

``SafeMystParser`` replaces ``MystParser`` for ``.md`` files. Its renderer refuses
raw HTML (blocks and inline tags; the text between inline tags stays; a block that
is only a comment is dropped), ``{eval-rst}``,
``{raw}``, directives off ``Settings.allowed_directives``, includes and images whose
target is not inside the unit's folder, and file or URL options (``csv-table``)
pointing elsewhere. Nested content (admonitions, includes) goes through the same
renderer, so the gates hold at any depth.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.languages import get_language as get_language_rst
from markdown_it.tree import SyntaxTreeNode
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.directives import MarkupError, parse_directive_text
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.sphinx_ import MystParser

from baocao.sphinxext.policy import (
    FILE_OPTIONS,
    INCLUDE_DIRECTIVES,
    LINKING_DIRECTIVES,
    URL_OPTIONS,
    directive_refusal,
)
from baocao.sphinxext.safety import current_scope, refuse


class SafeRenderer(SphinxRenderer):
    """The Sphinx renderer of myst-parser, refusing what policy.py forbids."""

    def setup_render(self, options: dict[str, Any], env: MutableMapping[str, Any]) -> None:
        """myst-parser's set-up for one file, without the document it makes and throws away.

        myst-parser 5.0 writes ``options.get("document", make_document())``: a
        docutils document with default settings (a new option parser, about 4 ms)
        is made for every file even though ``SafeMystParser`` always passes the
        document, some 15 % of reading a file. The attributes are those
        ``MarkdownItRenderer.setup_render`` sets.
        """
        self.md_env = env
        self.md_options = options
        self.md_config = options["myst_config"]
        self.document = options["document"]
        self.current_node = options.get("current_node", self.document)
        self.reporter = self.document.reporter
        self.language_module_rst = get_language_rst(self.document.settings.language_code)
        self._heading_offset = 0
        self._level_to_section = {0: self.document}
        self._heading_slugs = {}

    def _refuse(self, line: int | None, key: str, **params: str) -> None:
        refuse(self.sphinx_env, self.document["source"], line, key, **params)

    def _base_dir(self) -> Path:
        return Path(self.document["source"]).parent

    def render_html_block(self, token: SyntaxTreeNode) -> None:
        if _only_a_comment(token.content):
            return  # shown by no browser: dropped, nothing of it reaches the page
        self._refuse(_line(token), "removed.html", found=_snippet(token.content))

    def render_html_inline(self, token: SyntaxTreeNode) -> None:
        self._refuse(_line(token), "removed.html", found=_snippet(token.content))

    def render_restructuredtext(self, token: SyntaxTreeNode) -> None:
        self._refuse(_line(token), "removed.raw", name="eval-rst")

    def render_image(self, token: SyntaxTreeNode) -> None:
        src = str(token.attrGet("src") or "")
        scope = current_scope(self.sphinx_env)
        if scope is None or not scope.contains(src, self._base_dir()):
            self._refuse(_line(token), "removed.outside", name="image", target=src)
            return
        super().render_image(token)

    def run_directive(
        self,
        name: str,
        first_line: str,
        content: str,
        position: int,
        additional_options: dict[str, str] | None = None,
        *,
        block_text: str | None = None,
    ) -> list[nodes.Element]:
        refusal = self._directive_refusal(name, first_line, content, position, additional_options)
        if refusal is not None:
            key, params = refusal
            self._refuse(position, key, **params)
            return []
        return super().run_directive(
            name, first_line, content, position, additional_options, block_text=block_text
        )

    def _directive_refusal(
        self,
        name: str,
        first_line: str,
        content: str,
        position: int,
        additional_options: dict[str, str] | None,
    ) -> tuple[str, dict[str, str]] | None:
        allowed = frozenset(self.sphinx_env.config.baocao_allowed_directives)
        key = directive_refusal(name, allowed)
        if key is not None:
            return key, {"name": name}
        directive_class, _ = directives.directive(name, self.language_module_rst, self.document)
        if directive_class is None:
            return None  # myst-parser reports unknown directives itself
        try:
            parsed = parse_directive_text(
                directive_class,
                first_line,
                content,
                line=position,
                additional_options=additional_options,
            )
        except MarkupError:
            return None  # myst-parser reports the same error when it runs the directive
        urls = [str(parsed.options[opt]) for opt in URL_OPTIONS if parsed.options.get(opt)]
        if urls:
            return "removed.outside", {"name": name, "target": urls[0]}
        paths = [str(parsed.options[opt]) for opt in FILE_OPTIONS if parsed.options.get(opt)]
        if name in INCLUDE_DIRECTIVES | LINKING_DIRECTIVES and parsed.arguments:
            paths.append(parsed.arguments[0])
        scope = current_scope(self.sphinx_env)
        for target in paths:
            if scope is None or not scope.contains(target, self._base_dir()):
                return "removed.outside", {"name": name, "target": target}
        return None


class SafeMystParser(MystParser):
    """``MystParser`` with ``SafeRenderer`` and the project's configuration only.

    File-level MyST options (a ``myst:`` key in the front matter) are not applied:
    every file is read as the linter reads it, and ``html_meta`` there could add a
    redirect to the page.
    """

    def parse(self, inputstring: str, document: nodes.document) -> None:
        parser = create_md_parser(document.settings.env.myst_config, SafeRenderer)
        parser.options["document"] = document
        parser.render(inputstring)


def _line(token: SyntaxTreeNode) -> int | None:
    return token.map[0] if token.map else None


def _only_a_comment(content: str) -> bool:
    """Whether an HTML block is one comment and nothing else."""
    text = content.strip()
    return text.startswith("<!--") and text.endswith("-->") and text.count("-->") == 1


def _snippet(content: str) -> str:
    flat = " ".join(content.split())
    return flat if len(flat) <= 40 else flat[:39] + "…"
