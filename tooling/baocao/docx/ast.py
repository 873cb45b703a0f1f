"""A unit's Sphinx doctree as a pandoc document (panflute), built node by node.

No Markdown, JSON or XML is written by hand: each docutils node becomes panflute
elements, and panflute serialises the result for pandoc. Sections become
headers (the document's own title is dropped: the Word file prints the trích
yếu under "BÁO CÁO" instead). Lists become paragraphs that begin with "- " or
their number, as administrative documents write them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import panflute as pf
from docutils import nodes

from baocao.docx.inline import InlineConverter, image_url, tidy, words
from baocao.docx.landscape import BOOKMARK_PREFIX
from baocao.docx.nd30 import LANDSCAPE_CLASS
from baocao.docx.table import TableConverter

PANDOC_API = (1, 23, 1)
BULLETS = ("-", "+", "-")
SKIPPED = frozenset(
    {
        "comment",
        "target",
        "substitution_definition",
        "raw",
        "index",
        "meta",
        "system_message",
        "toctree",
        "footnote",
        "citation",
        "docinfo",
        "pending",
        "label",
    }
)

BlockHandler = Callable[["PandocVisitor", nodes.Node, int], list[pf.Block]]


class PandocVisitor:
    """Turns one doctree into panflute blocks.

    ``depth`` counts the sections around a node; the document's title section is
    depth 1, so "I." headings written one level below it become Heading 1.
    """

    def __init__(
        self,
        document: nodes.document,
        *,
        srcdir: Path,
        labels: Mapping[str, str] | None = None,
        drop_title: bool = True,
    ) -> None:
        self.document = document
        self.srcdir = srcdir
        self.labels = dict(labels or {})
        self.offset = 1 if drop_title else 0
        self.inline = InlineConverter(self)
        self.landscapes = 0  # wide blocks marked so far, for their bookmarks' names
        self.footnotes = {
            node_id: node for node in document.findall(nodes.footnote) for node_id in node["ids"]
        }

    # --- entry points
    def convert(self) -> pf.Doc:
        return pf.Doc(*self.blocks(self.document, 0), api_version=PANDOC_API)

    def blocks(self, node: nodes.Node, depth: int) -> list[pf.Block]:
        return [block for child in node.children for block in self.block(child, depth)]

    def blocks_of(self, children: Iterable[nodes.Node], depth: int = 0) -> list[pf.Block]:
        return [block for child in children for block in self.block(child, depth)]

    def inlines(self, node: nodes.Node) -> list[pf.Inline]:
        """The inline content of a text element, as one tidy line."""
        return tidy(self.inline.children(node))

    def block(self, node: nodes.Node, depth: int) -> list[pf.Block]:
        if isinstance(node, nodes.Text):
            return [pf.Plain(*tidy(self.inline.convert(node)))] if node.astext().strip() else []
        if node.tagname in SKIPPED:
            return []
        handler = _BLOCKS.get(node.tagname)
        if handler is None:
            handler = _admonition if isinstance(node, nodes.Admonition) else None
        if handler is None:
            handler = _paragraph if isinstance(node, nodes.TextElement) else _children
        return handler(self, node, depth)

    def cell_blocks(self, entry: nodes.Node) -> list[pf.Block]:
        """A table cell's content: paragraphs as compact ``Plain`` blocks."""
        return [
            pf.Plain(*block.content) if isinstance(block, pf.Para) else block
            for block in self.blocks(entry, 0)
        ]

    def image(self, node: nodes.Node) -> pf.Image:
        alt = words(str(node.get("alt", "")))
        return pf.Image(*alt, url=image_url(node, self.srcdir))

    def list_items(self, node: nodes.Node, depth: int, level: int) -> list[pf.Block]:
        result: list[pf.Block] = []
        for index, item in enumerate(node.children):
            marker = _marker(node, index, level)
            first, *rest = item.children or [nodes.paragraph()]
            if isinstance(first, nodes.paragraph):
                result.append(pf.Para(pf.Str(marker), pf.Space(), *self.inlines(first)))
            else:
                result.append(pf.Para(pf.Str(marker)))
                rest = [first, *rest]
            for child in rest:
                if isinstance(child, nodes.bullet_list | nodes.enumerated_list):
                    result.extend(self.list_items(child, depth, level + 1))
                else:
                    result.extend(self.block(child, depth))
        return result


def _children(visitor: PandocVisitor, node: nodes.Node, depth: int) -> list[pf.Block]:
    return visitor.blocks(node, depth)


def _container(visitor: PandocVisitor, node: nodes.Node, depth: int) -> list[pf.Block]:
    """A container's blocks; marked landscape, a Div whose bookmark ``finish`` turns."""
    blocks = visitor.blocks(node, depth)
    if LANDSCAPE_CLASS not in node.get("classes", []) or not blocks:
        return blocks
    visitor.landscapes += 1
    return [pf.Div(*blocks, identifier=f"{BOOKMARK_PREFIX}{visitor.landscapes}")]


def _paragraph(visitor: PandocVisitor, node: nodes.Node, _depth: int) -> list[pf.Block]:
    content = visitor.inlines(node)
    return [pf.Para(*content)] if content else []


def _section(visitor: PandocVisitor, node: nodes.Node, depth: int) -> list[pf.Block]:
    depth += 1
    result: list[pf.Block] = []
    for child in node.children:
        if isinstance(child, nodes.title):
            level = depth - visitor.offset
            if level >= 1:
                result.append(pf.Header(*visitor.inlines(child), level=min(level, 6)))
        else:
            result.extend(visitor.block(child, depth))
    return result


def _titled(visitor: PandocVisitor, node: nodes.Node, depth: int, label: str) -> list[pf.Block]:
    """Admonitions, topics and sidebars: a bold label paragraph, then the content."""
    body = [c for c in node.children if not isinstance(c, nodes.title)]
    titles = [c for c in node.children if isinstance(c, nodes.title)]
    heading = visitor.inlines(titles[0]) if titles else [pf.Str(label)] if label else []
    head = [pf.Para(pf.Strong(*heading))] if heading else []
    return [pf.Div(*head, *visitor.blocks_of(body, depth))]


def _admonition(visitor: PandocVisitor, node: nodes.Node, depth: int) -> list[pf.Block]:
    return _titled(visitor, node, depth, visitor.labels.get(node.tagname, ""))


def _topic(visitor: PandocVisitor, node: nodes.Node, depth: int) -> list[pf.Block]:
    return _titled(visitor, node, depth, "")


def _list(visitor: PandocVisitor, node: nodes.Node, depth: int) -> list[pf.Block]:
    return visitor.list_items(node, depth, 0)


def _definition_list(visitor: PandocVisitor, node: nodes.Node, depth: int) -> list[pf.Block]:
    result: list[pf.Block] = []
    for item in node.children:
        for child in item.children:
            if isinstance(child, nodes.term):
                result.append(pf.Para(pf.Strong(*visitor.inlines(child))))
            elif isinstance(child, nodes.definition):
                result.extend(visitor.blocks(child, depth))
    return result


def _field_list(visitor: PandocVisitor, node: nodes.Node, depth: int) -> list[pf.Block]:
    result: list[pf.Block] = []
    for field in node.children:
        name, body = field.children[0], field.children[1]
        label = pf.Strong(*visitor.inlines(name), pf.Str(":"))
        blocks = visitor.blocks(body, depth)
        if blocks and isinstance(blocks[0], pf.Para):
            result.append(pf.Para(label, pf.Space(), *blocks[0].content))
            blocks = blocks[1:]
        else:
            result.append(pf.Para(label))
        result.extend(blocks)
    return result


def _literal_block(_visitor: PandocVisitor, node: nodes.Node, _depth: int) -> list[pf.Block]:
    return [pf.CodeBlock(node.astext())]


def _line_block(visitor: PandocVisitor, node: nodes.Node, _depth: int) -> list[pf.Block]:
    lines = [pf.LineItem(*visitor.inlines(line)) for line in node.findall(nodes.line)]
    return [pf.LineBlock(*lines)] if lines else []


def _block_quote(visitor: PandocVisitor, node: nodes.Node, depth: int) -> list[pf.Block]:
    return [pf.BlockQuote(*visitor.blocks(node, depth))] if node.children else []


def _attribution(visitor: PandocVisitor, node: nodes.Node, _depth: int) -> list[pf.Block]:
    return [pf.Para(pf.Str("—"), pf.Space(), *visitor.inlines(node))]


def _transition(_visitor: PandocVisitor, node: nodes.Node, _depth: int) -> list[pf.Block]:
    # myst-parser puts one before the footnotes; those become Word footnotes.
    return [] if "footnotes" in node.get("classes", []) else [pf.HorizontalRule()]


def _table(visitor: PandocVisitor, node: nodes.Node, _depth: int) -> list[pf.Block]:
    return [TableConverter(visitor).convert(node)]


def _image(visitor: PandocVisitor, node: nodes.Node, _depth: int) -> list[pf.Block]:
    return [pf.Para(visitor.image(node))]


def _figure(visitor: PandocVisitor, node: nodes.Node, depth: int) -> list[pf.Block]:
    result: list[pf.Block] = []
    for child in node.children:
        if isinstance(child, nodes.caption):
            result.append(pf.Para(pf.Emph(*visitor.inlines(child))))
        else:
            result.extend(visitor.block(child, depth))
    return result


def _rubric(visitor: PandocVisitor, node: nodes.Node, _depth: int) -> list[pf.Block]:
    return [pf.Para(pf.Strong(*visitor.inlines(node)))]


_BLOCKS: dict[str, BlockHandler] = {
    "section": _section,
    "container": _container,
    "paragraph": _paragraph,
    "bullet_list": _list,
    "enumerated_list": _list,
    "definition_list": _definition_list,
    "field_list": _field_list,
    "literal_block": _literal_block,
    "doctest_block": _literal_block,
    "line_block": _line_block,
    "block_quote": _block_quote,
    "attribution": _attribution,
    "transition": _transition,
    "table": _table,
    "image": _image,
    "figure": _figure,
    "rubric": _rubric,
    "topic": _topic,
    "sidebar": _topic,
}

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman(number: int) -> str:
    result = ""
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        result += letters * count
    return result


def _marker(node: nodes.Node, index: int, level: int) -> str:
    """ "-" or "+" for bullets; "1.", "a)", "ii." ... for enumerated lists."""
    if isinstance(node, nodes.bullet_list):
        return BULLETS[min(level, len(BULLETS) - 1)]
    number = int(node.get("start", 1)) + index
    kind = node.get("enumtype", "arabic")
    label = {
        "loweralpha": chr(ord("a") + (number - 1) % 26),
        "upperalpha": chr(ord("A") + (number - 1) % 26),
        "lowerroman": roman(number),
        "upperroman": roman(number).upper(),
    }.get(kind, str(number))
    return f"{node.get('prefix', '')}{label}{node.get('suffix', '.')}"


def to_pandoc(document: nodes.document, **options) -> pf.Doc:
    """The doctree as a panflute document (see ``PandocVisitor`` for options)."""
    return PandocVisitor(document, **options).convert()


def to_json(doc: pf.Doc) -> str:
    """pandoc's JSON for ``doc``, as panflute writes it."""
    stream = io.StringIO()
    pf.dump(doc, stream)
    return stream.getvalue()
