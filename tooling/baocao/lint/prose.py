"""The prose of a unit: the text a reader reads, with its lines, from markdown-it's tokens.

A run is the text of one inline token (a paragraph, a list item, a table cell, a
heading), with emphasis marks dropped, soft and hard line breaks as "\\n", and what
is not prose (inline code, links, raw HTML, roles, maths, and URLs, e-mail addresses
and paths written in the text) each replaced by one ``OPAQUE`` character: a rule that
searches a run never sees, joins across or rewrites any of them. The Markdown of
directives whose body is Markdown (``{note}``, ``{list-table}``, ...) is read too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markdown_it.token import Token

from baocao.mdparser import parser

if TYPE_CHECKING:
    from baocao.lint.context import LintContext

OPAQUE = "\ufffc"
# Inline children that are not prose; a link is skipped from its opening to its closing.
_SKIPPED = {"code_inline", "html_inline", "myst_role", "math_inline", "image", "footnote_ref"}
_BREAKS = {"softbreak", "hardbreak"}
# Written in the text but not prose: URLs, e-mail addresses, paths and file names.
_NOT_PROSE = re.compile(
    r"(?:https?://|www\.|ftp://)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<!\S)(?:\.{0,2}/)?[\w.-]+(?:/[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{0,4}(?!\w)"
    r"|(?<![\w/])[\w-]+\.(?:md|docx?|pdf|xlsx?|png|jpe?g|yaml|yml|txt|html?)(?!\w)",
    re.IGNORECASE,
)
_DIRECTIVE = re.compile(r"^\{(?P<name>[\w:.-]+)\}")
# Directives whose body is not Markdown (the same list as the safety rules' scan).
_OPAQUE_DIRECTIVES = (
    "toctree",
    "code",
    "code-block",
    "code-cell",
    "csv-table",
    "math",
    "raw",
    "eval-rst",
    "eval-md",
)
_OPTION = re.compile(r"^:[\w-]+:")


@dataclass(frozen=True)
class Run:
    """The prose of one inline token: ``text`` starts on ``line`` of ``file``."""

    file: str
    line: int
    text: str

    def line_at(self, index: int) -> int:
        """The file line of the character at ``index`` of ``text``."""
        return self.line + self.text.count("\n", 0, index)


def runs(ctx: LintContext) -> list[Run]:
    """Every run of every file of the unit, computed once per lint."""
    if "prose" not in ctx.cache:
        ctx.cache["prose"] = [
            run for source in ctx.report.files for run in file_runs(source.tokens, source.rel)
        ]
    return ctx.cache["prose"]


def file_runs(tokens: list[Token], file: str, offset: int = 0) -> Iterator[Run]:
    """Every run of a file's tokens; ``offset`` is added to every line (nested content)."""
    for token in tokens:
        if token.type == "inline" and token.map:
            text = _prose(token.children or [])
            if text.strip():
                yield Run(file, token.map[0] + 1 + offset, text)
        elif token.type in ("fence", "colon_fence") and token.map:
            match = _DIRECTIVE.match(token.info.strip())
            if match and match["name"] not in _OPAQUE_DIRECTIVES and token.content.strip():
                line = token.map[0] + 1 + offset
                yield from file_runs(parser().parse(_without_options(token.content)), file, line)


def _prose(children: list[Token]) -> str:
    parts: list[str] = []
    in_link = 0
    for child in children:
        if child.type == "link_open":
            in_link += 1
            parts.append(OPAQUE)
        elif child.type == "link_close":
            in_link = max(0, in_link - 1)
        elif child.type in _BREAKS:
            parts.append("\n")
        elif in_link:
            continue
        elif child.type in _SKIPPED:
            parts.append(OPAQUE)
        elif child.type == "text":
            parts.append(_NOT_PROSE.sub(OPAQUE, child.content))
    return "".join(parts)


def _without_options(content: str) -> str:
    """A directive's body with its leading ``:option: value`` lines blanked (lines kept)."""
    lines = content.split("\n")
    for index, line in enumerate(lines):
        if not _OPTION.match(line):
            break
        lines[index] = ""
    return "\n".join(lines)
