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

_SPACES = re.compile(r"[ \t\r\n]+")
_BREAKS = frozenset({"<br>", "<br/>", "<br />"})

Handler = Callable[["InlineConverter", nodes.Node], list[pf.Inline]]


def words(text: str) -> list[pf.Inline]:
    """A run of text as one ``Str``, blanks inside it collapsed to one space.

    pandoc's docx writer joins ``Str`` and ``Space`` into one run anyway; one element
    per run instead of two per word keeps large reports fast. Blanks at either end
    become ``Space`` so that ``tidy`` can drop them at the ends of a line.
    """
    core = _SPACES.sub(" ", text).strip(" ")
    if not core:
        return [pf.Space()] if text else []
    lead = [pf.Space()] if text[0] in " \t\r\n" else []
    trail = [pf.Space()] if text[-1] in " \t\r\n" else []
    return [*lead, pf.Str(core), *trail]


def tidy(inlines: list[pf.Inline]) -> list[pf.Inline]:
    """One space between words, none at either end of the line, plain text in one ``Str``."""
    cleaned: list[pf.Inline] = []
    for item in inlines:
        if isinstance(item, pf.Space | pf.SoftBreak):
            if cleaned and not isinstance(cleaned[-1], pf.Space):
                cleaned.append(pf.Space())
        elif isinstance(item, pf.Str) and cleaned and isinstance(cleaned[-1], pf.Str):
            cleaned[-1] = pf.Str(cleaned[-1].text + item.text)
        elif isinstance(item, pf.Str) and cleaned[-2:] and _str_space(cleaned[-2:]):
            cleaned.pop()
            cleaned[-1] = pf.Str(f"{cleaned[-1].text} {item.text}")
        else:
            cleaned.append(item)
    while cleaned and isinstance(cleaned[-1], pf.Space):
        cleaned.pop()
    return cleaned


def _str_space(pair: list[pf.Inline]) -> bool:
    return len(pair) == 2 and isinstance(pair[0], pf.Str) and isinstance(pair[1], pf.Space)


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
