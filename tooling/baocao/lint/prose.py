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
import unicodedata
from collections.abc import Iterator
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

from markdown_it.token import Token

from baocao.lint.directives import DIRECTIVE
from baocao.lint.directives import OPAQUE as OPAQUE_DIRECTIVES
from baocao.mdparser import parser

if TYPE_CHECKING:
    from baocao.lint.context import LintContext

OPAQUE = "\ufffc"
# Inline children that are not prose; a link is skipped from its opening to its closing.
_SKIPPED = {"code_inline", "html_inline", "myst_role", "math_inline", "image", "footnote_ref"}
_BREAKS = {"softbreak", "hardbreak"}
# Written in the text but not prose: URLs, e-mail addresses, paths and file names. Each
# pattern is searched only in a text holding its cheap sign (most text holds none).
_EXTENSIONS = r"(?:md|docx?|pdf|xlsx?|png|jpe?g|yaml|yml|txt|html?)"
_URL = re.compile(r"(?:https?://|www\.|ftp://)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PATH = re.compile(r"(?<!\S)(?:\.{0,2}/)?[\w.-]+(?:/[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{0,4}(?!\w)")
_FILE_NAME = re.compile(rf"(?<![\w/])[\w-]+\.{_EXTENSIONS}(?!\w)", re.IGNORECASE)
_FILE_SIGN = re.compile(rf"\.{_EXTENSIONS}(?!\w)", re.IGNORECASE)
# in a whole file, before any masking: whatever _FILE_SIGN finds in a run, this finds
_FILE_EXTENSION = re.compile(rf"\.{_EXTENSIONS}", re.IGNORECASE)
_OPTION = re.compile(r"^:[\w-]+:")


class Run(NamedTuple):
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
        ctx.cache["prose"] = list(chain.from_iterable(by_file(ctx).values()))
    return ctx.cache["prose"]


def by_file(ctx: LintContext) -> dict[str, list[Run]]:
    """The runs of each file of the unit that has prose, computed once per lint."""
    if "prose:files" not in ctx.cache:
        files = {
            source.rel: file_runs(
                source.tokens, source.rel, nfc=not unicodedata.is_normalized("NFC", source.text)
            )
            for source in ctx.report.files
        }
        ctx.cache["prose:files"] = {file: found for file, found in files.items() if found}
    return ctx.cache["prose:files"]


def joined(ctx: LintContext) -> dict[str, str]:
    """Each file's prose in one text (runs one a line), for a quick test before a search."""
    if "prose:joined" not in ctx.cache:
        ctx.cache["prose:joined"] = {
            file: "\n".join([run.text for run in found]) for file, found in by_file(ctx).items()
        }
    return ctx.cache["prose:joined"]


def file_runs(tokens: list[Token], file: str, nfc: bool = False) -> list[Run]:
    """Every run of a file's tokens.

    With ``nfc`` (a file not in NFC), each run is normalised: the rules read NFC text
    whatever the file's form, and the NFD fix (BC401) comes first in a ``--fix``.
    """
    pieces = list(_pieces(tokens))
    masks = _masks("\n".join([text for _, text in pieces]))
    found = []
    for line, text in pieces:
        text = _masked(text, masks) if masks else text
        if text.strip():
            found.append(Run(file, line, unicodedata.normalize("NFC", text) if nfc else text))
    return found


def _pieces(tokens: list[Token], offset: int = 0) -> Iterator[tuple[int, str]]:
    """(line, text) of each inline token, its text as read; ``offset`` is added to every
    line (the content of a directive)."""
    for token in tokens:
        if token.type == "inline" and token.map:
            yield token.map[0] + 1 + offset, _prose(token.children or [])
        elif token.type in ("fence", "colon_fence") and token.map:
            match = DIRECTIVE.match(token.info.strip())
            if match and match["name"] not in OPAQUE_DIRECTIVES and token.content.strip():
                nested = parser().parse(_without_options(token.content))
                yield from _pieces(nested, token.map[0] + 1 + offset)


def _prose(children: list[Token]) -> str:
    if len(children) == 1 and children[0].type == "text":
        return children[0].content  # most inline tokens: one piece of text
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
            parts.append(child.content)
    return "".join(parts)


def _masks(text: str) -> tuple[str, ...]:
    """The kinds of text to make opaque that ``text`` (a whole file's) may hold: one test
    of the file instead of one of each of its runs (most files hold no URL, no file name)."""
    return tuple(
        kind
        for kind, present in (
            ("url", "://" in text or "www." in text),
            ("email", "@" in text),
            ("path", "/" in text),
            ("file", _FILE_EXTENSION.search(text) is not None),
        )
        if present
    )


def _masked(text: str, masks: tuple[str, ...]) -> str:
    """``text`` with its URLs, e-mail addresses, paths and file names made opaque."""
    if "url" in masks and ("://" in text or "www." in text):
        text = _URL.sub(OPAQUE, text)
    if "email" in masks and "@" in text:
        text = _EMAIL.sub(OPAQUE, text)
    if "path" in masks and "/" in text:
        text = _PATH.sub(OPAQUE, text)
    if "file" in masks and "." in text and _FILE_SIGN.search(text):
        text = _FILE_NAME.sub(OPAQUE, text)
    return text


def _without_options(content: str) -> str:
    """A directive's body with its leading ``:option: value`` lines blanked (lines kept)."""
    lines = content.split("\n")
    for index, line in enumerate(lines):
        if not _OPTION.match(line):
            break
        lines[index] = ""
    return "\n".join(lines)
