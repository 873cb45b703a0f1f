"""Read body blocks line by line: (file, line, text), skipping what never renders."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from baocao.report import Block

SILENT = ("comment", "toctree", "break", "front_matter")
_RENDERED = frozenset(("inline", "fence", "code_block", "html_block"))


def block_lines(blocks: Iterable[Block]) -> Iterator[tuple[str, int, str]]:
    """Each rendered line of text with its 1-based line in its file."""
    for block in blocks:
        if block.kind in SILENT:
            continue
        if block.kind == "heading":
            yield block.file, block.line, block.text
            continue
        file = block.file
        for token in block.tokens:
            if token.type not in _RENDERED or not token.map:
                continue
            first = token.map[0] + 1 + (1 if token.type == "fence" else 0)
            for offset, text in enumerate(token.content.split("\n")):
                if text and not text.isspace():  # text.strip(), without the copy
                    yield file, first + offset, text


def paragraphs(blocks: Iterable[Block]) -> Iterator[tuple[str, int, str]]:
    """Each inline run (paragraph, list item, table cell) with its first line."""
    for block in blocks:
        if block.kind in SILENT:
            continue
        for token in block.tokens:
            if token.type == "inline" and token.content.strip() and token.map:
                yield block.file, token.map[0] + 1, token.content


def words(blocks: Iterable[Block]) -> int:
    return sum(len(text.split()) for _, _, text in block_lines(blocks))
