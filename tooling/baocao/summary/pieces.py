"""A unit's text under one section of the form, as Markdown the board's report can hold.

Blocks come as the linter read them (``LintContext.contents``: one owner of which
heading is which section); each is taken whole from its file by its line range, so
nothing inside a block is rewritten. What cannot be carried safely into another
report is left out with a note: raw HTML, directives that read files or render
data of their own, pictures (their files stay in the unit's folder). A unit's own
sub-heading becomes an emphasised line, so the form's outline stays the board's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markdown_it.token import Token

from baocao.i18n import t
from baocao.lint.blocks import SILENT
from baocao.lint.directives import DIRECTIVE
from baocao.report import Block, Report

# Directives whose content is Markdown or a table, reading no file: carried over.
CARRIED = ("list-table", "table", "note", "tip", "important", "warning", "attention")
# A unit's own commendation tables: the board's report shows the province's instead
# (and each unit's totals in its status table), so they are left out without a note.
AWARDS_DIRECTIVE = "bang-khen-thuong"
DROPPED_KINDS = ("myst_target", *SILENT)


@dataclass(frozen=True)
class Piece:
    """One block of a unit's text: its Markdown, and whether it was left out."""

    markdown: str
    left_out: bool = False


def pieces(report: Report, blocks: Iterable[Block]) -> list[Piece]:
    """The blocks of one section of ``report`` as Markdown pieces, in order."""
    sources = {source.rel: source.text.splitlines() for source in report.files}
    result = []
    for block in blocks:
        piece = _piece(block, sources.get(block.file, []))
        if piece is not None:
            result.append(piece)
    return result


def _piece(block: Block, lines: list[str]) -> Piece | None:
    first = block.tokens[0] if block.tokens else None
    if block.kind in DROPPED_KINDS or _directive(first) == AWARDS_DIRECTIVE:
        return None
    if block.kind == "heading":
        return Piece(f"*{block.text.strip()}*")
    if not _carried(block.tokens):
        return Piece(t("tong-hop.left-out", "vi", file=block.file, line=block.line), True)
    text = "\n".join(lines[block.line - 1 : block.end_line]).strip("\n")
    return Piece(text) if text.strip() else None


def _carried(tokens: list[Token]) -> bool:
    """Whether every token of a block may go into another report as it is."""
    for token in tokens:
        if token.type == "html_block":
            return False
        name = _directive(token)
        if name is not None and (name not in CARRIED or _has_picture(token.content)):
            return False
        for child in token.children or ():
            if child.type in ("image", "html_inline"):
                return False
    return True


def _directive(token: Token | None) -> str | None:
    """The name of the directive a fence opens, None for anything else."""
    if token is None or token.type not in ("fence", "colon_fence"):
        return None
    match = DIRECTIVE.match(token.info.strip())
    return match["name"] if match else None


def _has_picture(content: str) -> bool:
    return "![" in content or "{image}" in content or "{figure}" in content
