"""The "First Paragraph" / "Body Text" style of each paragraph, as each version would have it.

pandoc's docx writer styles a body paragraph "First Paragraph" when it is the
first one of the document or follows a heading, a code block, a rule or a block
quote, and "Body Text" otherwise; any paragraph (a table cell's too) ends that
state. In the merged document a removed paragraph or heading sits among today's
blocks and would change the style of today's next paragraph (and an added one
that of an old paragraph). So the state is followed three times — through the
merged document, through today's blocks only and through the old blocks only —
and where the merged reading differs, the paragraph's style is set with pandoc's
``custom-style``; a paragraph of both versions whose style differs between them
gets a flag that the finishing turns into a paragraph-properties change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import panflute as pf

from baocao.redline.ast_blocks import BOTH, NEW, OLD, PREFIX, table_rows

FIRST, BODY = "First Paragraph", "Body Text"
WAS = "was"  # a flag: this paragraph had the other style in the old version
_STYLE_FLAGS = {FIRST: "first", BODY: "body"}
FLAG_STYLES = {flag: style for style, flag in _STYLE_FLAGS.items()}
READINGS = (BOTH, NEW, OLD)  # the merged document, today's blocks, the old blocks


@dataclass
class Styled:
    """A body paragraph and the style it gets in each reading."""

    block: pf.Block
    origin: str
    styles: dict[str, str]


@dataclass
class Flow:
    """pandoc's "the next paragraph is a first paragraph" state, in each reading."""

    origins: dict[int, str]
    first: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(READINGS, True))
    found: list[Styled] = field(default_factory=list)

    def seen_by(self, origin: str) -> list[str]:
        return [r for r in READINGS if r == BOTH or origin in (BOTH, r)]

    def set_first(self, origin: str, value: bool) -> None:
        for reading in self.seen_by(origin):
            self.first[reading] = value

    def blocks(self, blocks: list[pf.Block], origin: str, styled: bool) -> None:
        for block in blocks:
            self.block(block, self.origins.get(id(block), origin), styled)

    def block(self, block: pf.Block, origin: str, styled: bool) -> None:
        if isinstance(block, pf.Header):
            self.set_first(origin, not _has_note(block))
        elif isinstance(block, pf.Para | pf.Plain | pf.LineBlock):
            if styled:
                styles = {r: FIRST if self.first[r] else BODY for r in READINGS}
                self.found.append(Styled(block, origin, styles))
            self.set_first(origin, False)
        elif isinstance(block, pf.CodeBlock | pf.HorizontalRule):
            self.set_first(origin, True)
        elif isinstance(block, pf.BlockQuote):
            self.blocks(list(block.content), origin, False)
            self.set_first(origin, True)
        elif isinstance(block, pf.Div):
            self.blocks(
                list(block.content), origin, styled and "custom-style" not in block.attributes
            )
        elif isinstance(block, pf.Table):
            self.table(block, origin)

    def table(self, table: pf.Table, origin: str) -> None:
        self.blocks(list(table.caption.content), origin, False)
        for row in table_rows(table):
            row_origin = self.origins.get(id(row), origin)
            for cell in row.content:
                self.blocks(list(cell.content), row_origin, False)


def _has_note(block: pf.Block) -> bool:
    """A footnote's paragraphs, written inside a heading, end the state the heading set."""
    notes: list[pf.Note] = []

    def visit(element: pf.Element, _doc: pf.Doc | None) -> None:
        if isinstance(element, pf.Note):
            notes.append(element)

    block.walk(visit)
    return bool(notes)


def keep_styles(doc: pf.Doc, origins: dict[int, str]) -> None:
    """Give each paragraph of the merged document the style its own version gives it."""
    flow = Flow(origins)
    flow.blocks(list(doc.content), BOTH, True)
    for number, styled in enumerate(flow.found):
        own = styled.styles[OLD if styled.origin == OLD else NEW]
        inlines = _first_inlines(styled.block)
        if styled.origin == BOTH and styled.styles[OLD] != own and inlines is not None:
            was = _STYLE_FLAGS[styled.styles[OLD]]
            inlines.insert(0, pf.Span(identifier=f"{PREFIX}{WAS}{was}_{number}"))
        if styled.styles[BOTH] != own:
            _set_style(styled.block, own)


def _first_inlines(block: pf.Block) -> pf.ListContainer | None:
    """Where a flag goes at the start of the paragraph: a line block's first line."""
    if not isinstance(block, pf.LineBlock):
        return block.content
    return block.content[0].content if block.content else None


def _set_style(block: pf.Block, style: str) -> None:
    parent, index = block.parent, block.index
    holder = pf.Div(attributes={"custom-style": style})
    parent.content[index] = holder
    holder.content.append(block)
