"""The one Markdown parser configuration, shared by the linter and the Sphinx build.

It is myst-parser's own markdown-it setup (``create_md_parser``), so what the
linter sees is what the reader gets.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

# MyST syntax extensions the project enables, in the linter and in conf.py alike.
MYST_EXTENSIONS: tuple[str, ...] = ("colon_fence",)


def myst_config() -> MdParserConfig:
    return MdParserConfig(enable_extensions=set(MYST_EXTENSIONS))


@cache
def parser() -> MarkdownIt:
    """The markdown-it parser myst-parser builds for the configuration above (shared)."""
    return fresh_parser()


def fresh_parser() -> MarkdownIt:
    """A new instance of that parser, for a caller that wraps its rules.

    Its ``wordcount`` core rule is switched off: it only counts words into the
    parse environment (for MyST substitutions) and never changes a token, and it
    costs about a tenth of the linter's parsing time.
    """
    md = create_md_parser(myst_config(), RendererHTML)
    md.core.ruler.disable("wordcount")
    return md
