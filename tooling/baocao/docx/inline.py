"""Inline docutils nodes to panflute inlines.

Each handler takes a node and returns a list of panflute ``Inline`` elements;
an unknown inline node keeps its children, so no text is ever dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import panflute as pf
from docutils import nodes

if TYPE_CHECKING:
    from baocao.docx.ast import PandocVisitor

_SPACES = re.compile(r"([ \t\r\n]+)")
_BREAKS = frozenset({"<br>", "<br/>", "<br />"})

Handler = Callable[["InlineConverter", nodes.Node], list[pf.Inline]]


def words(text: str) -> list[pf.Inline]:
    """Text as pandoc words: ``Str`` for each word, ``Space`` for each run of blanks."""
    result: list[pf.Inline] = []
    for part in _SPACES.split(text):
        if not part:
            continue
        result.append(pf.Space() if part[0] in " \t\r\n" else pf.Str(part))
    return result


class InlineConverter:
    """Converts the inline content of one text element."""

    def __init__(self, visitor: PandocVisitor) -> None:
        self.visitor = visitor

    def children(self, node: nodes.Node) -> list[pf.Inline]:
        return [item for child in node.children for item in self.convert(child)]

    def convert(self, node: nodes.Node) -> list[pf.Inline]:
        if isinstance(node, nodes.Text):
            return words(node.astext())
        handler = _HANDLERS.get(node.tagname)
        return handler(self, node) if handler else self.children(node)

    def emphasis(self, node: nodes.Node) -> list[pf.Inline]:
        return [pf.Emph(*self.children(node))]

    def strong(self, node: nodes.Node) -> list[pf.Inline]:
        return [pf.Strong(*self.children(node))]

    def literal(self, node: nodes.Node) -> list[pf.Inline]:
        return [pf.Code(node.astext())]

    def subscript(self, node: nodes.Node) -> list[pf.Inline]:
        return [pf.Subscript(*self.children(node))]

    def superscript(self, node: nodes.Node) -> list[pf.Inline]:
        return [pf.Superscript(*self.children(node))]

    def reference(self, node: nodes.Node) -> list[pf.Inline]:
        content = self.children(node)
        uri = node.get("refuri", "")
        if not node.get("internal") and ("://" in uri or uri.startswith("mailto:")):
            return [pf.Link(*content, url=uri)]
        return content

    def math(self, node: nodes.Node) -> list[pf.Inline]:
        return [pf.Math(node.astext(), format="InlineMath")]

    def image(self, node: nodes.Node) -> list[pf.Inline]:
        return [self.visitor.image(node)]

    def footnote_reference(self, node: nodes.Node) -> list[pf.Inline]:
        footnote = self.visitor.footnotes.get(node.get("refid", ""))
        if footnote is None:
            return [pf.Superscript(pf.Str(node.astext()))]
        body = [child for child in footnote.children if not isinstance(child, nodes.label)]
        return [pf.Note(*self.visitor.blocks_of(body))]

    def raw(self, node: nodes.Node) -> list[pf.Inline]:
        return [pf.LineBreak()] if node.astext().strip() in _BREAKS else []

    def skip(self, _node: nodes.Node) -> list[pf.Inline]:
        return []


def image_url(node: nodes.Node, srcdir: Path) -> str:
    """The image's file, absolute, as pandoc reads it; remote images keep their URL."""
    uri = str(node.get("uri", ""))
    if "://" in uri:
        return uri
    return (srcdir / uri).as_posix()


_HANDLERS: dict[str, Handler] = {
    "emphasis": InlineConverter.emphasis,
    "title_reference": InlineConverter.emphasis,
    "literal_emphasis": InlineConverter.emphasis,
    "strong": InlineConverter.strong,
    "literal_strong": InlineConverter.strong,
    "literal": InlineConverter.literal,
    "subscript": InlineConverter.subscript,
    "superscript": InlineConverter.superscript,
    "reference": InlineConverter.reference,
    "math": InlineConverter.math,
    "image": InlineConverter.image,
    "footnote_reference": InlineConverter.footnote_reference,
    "raw": InlineConverter.raw,
    "comment": InlineConverter.skip,
    "substitution_definition": InlineConverter.skip,
    "index": InlineConverter.skip,
    "system_message": InlineConverter.skip,
}
