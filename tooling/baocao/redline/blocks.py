"""Align two lists of blocks (paragraphs and tables) and mark what changed.

Blocks of a container (the body, a table cell, a page header) are aligned on
their text and style with difflib. Where blocks differ, old and new blocks of
the same kind are paired when they are alike enough (an edited paragraph, a
table with edited cells), the best monotone pairing by dynamic programming; a
paired paragraph is diffed word by word, a paired table row by row and cell by
cell. An unpaired old block comes back as a deleted copy at its place, an
unpaired new block is marked inserted. A moved block is a deletion at its old
place and an insertion at its new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from baocao.redline.marks import Revision, deleted, inserted, record_properties
from baocao.redline.words import Token, is_plain, redline_paragraph, similarity, tokens

P, TBL, TR, TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
PAIR_AT = 0.5  # paragraphs this alike (share of equal words) are one edited paragraph
TABLE_PAIR_AT = 0.3
MAX_PAIRING = 4000  # larger changed regions are removed and added whole


def text_of(element: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def style_of(paragraph: BaseOxmlElement) -> str:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return "" if style is None else style.get(qn("w:val"), "")


def block_key(block: BaseOxmlElement) -> tuple[str, ...]:
    if block.tag == P:
        return ("p", style_of(block), text_of(block))
    if block.tag == TR:
        return ("tr", *(text_of(cell) for cell in block.iter(TC)))
    return ("tbl", *(text_of(cell) for cell in block.iter(TC)))


@dataclass
class Placer:
    """Puts deleted copies at their place among a container's new blocks."""

    container: BaseOxmlElement
    blocks: Sequence[BaseOxmlElement]
    tail: BaseOxmlElement | None = field(default=None)

    def __post_init__(self) -> None:
        self.tail = self.blocks[-1] if self.blocks else None

    def before(self, index: int, element: BaseOxmlElement) -> None:
        """Place ``element`` before the new block at ``index`` (or after the last one)."""
        if index < len(self.blocks):
            self.blocks[index].addprevious(element)
        elif self.tail is not None:
            self.tail.addnext(element)
            self.tail = element
        else:
            end = self.container.find(qn("w:sectPr"))
            if end is None:
                self.container.append(element)
            else:
                end.addprevious(element)


Step = tuple[int | None, int | None]  # (old index, new index): a pair, a removal or an addition


class Differ:
    """Marks on the new blocks every change from the old ones, with one ``Revision``."""

    def __init__(self, revision: Revision) -> None:
        self.revision = revision

    def container(
        self, new: BaseOxmlElement, old: BaseOxmlElement, kinds: tuple[str, ...] = (P, TBL)
    ) -> None:
        """Redline the blocks of ``new`` (body, cell, header, table) against those of ``old``."""
        new_blocks = [c for c in new if c.tag in kinds]
        old_blocks = [c for c in old if c.tag in kinds]
        placer = Placer(new, new_blocks)
        keys_old = [block_key(b) for b in old_blocks]
        keys_new = [block_key(b) for b in new_blocks]
        matcher = SequenceMatcher(None, keys_old, keys_new, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    self.same(new_blocks[j], old_blocks[i])
                continue
            cursor = j1
            for i, j in self.pairing(old_blocks[i1:i2], new_blocks[j1:j2]):
                if j is None:
                    placer.before(cursor, deleted(old_blocks[i1 + i], self.revision))
                    continue
                cursor = j1 + j + 1
                if i is None:
                    inserted(new_blocks[j1 + j], self.revision)
                else:
                    self.pair(new_blocks[j1 + j], old_blocks[i1 + i], placer, j1 + j)

    def same(self, new: BaseOxmlElement, old: BaseOxmlElement) -> None:
        """Blocks with the same text: only their properties, or their cells', may differ."""
        if new.tag == P:
            record_properties(new, old, self.revision)
        elif new.tag == TBL:
            self.container(new, old, (TR,))
        else:
            for new_cell, old_cell in zip(new.findall(TC), old.findall(TC), strict=False):
                self.container(new_cell, old_cell)

    def pair(self, new: BaseOxmlElement, old: BaseOxmlElement, placer: Placer, index: int) -> None:
        """Two alike blocks of the same kind: one edited block."""
        if new.tag == TBL:
            self.container(new, old, (TR,))
        elif new.tag == TR:
            self.row(new, old, placer, index)
        elif is_plain(new) and is_plain(old):
            redline_paragraph(new, old, self.revision)
        else:
            placer.before(index, deleted(old, self.revision))
            inserted(new, self.revision)

    def row(self, new: BaseOxmlElement, old: BaseOxmlElement, placer: Placer, index: int) -> None:
        new_cells, old_cells = new.findall(TC), old.findall(TC)
        if len(new_cells) != len(old_cells):
            placer.before(index, deleted(old, self.revision))
            inserted(new, self.revision)
            return
        for new_cell, old_cell in zip(new_cells, old_cells, strict=True):
            self.container(new_cell, old_cell)

    def pairing(self, old: Sequence[BaseOxmlElement], new: Sequence[BaseOxmlElement]) -> list[Step]:
        """The best monotone pairing of alike blocks, as steps in document order."""
        if len(old) == len(new) == 1 and old[0].tag == new[0].tag:
            return [(0, 0)]  # one block became another at its place: an edit
        if len(old) * len(new) > MAX_PAIRING:
            return [(i, None) for i in range(len(old))] + [(None, j) for j in range(len(new))]
        old_words = [tokens(b) if b.tag == P else [] for b in old]
        new_words = [tokens(b) if b.tag == P else [] for b in new]
        alike = [
            [alike_blocks(o, n, ow, nw) for n, nw in zip(new, new_words, strict=True)]
            for o, ow in zip(old, old_words, strict=True)
        ]
        return best_pairing(alike, len(old), len(new))


def best_pairing(alike: list[list[float]], rows: int, cols: int) -> list[Step]:
    """The monotone pairing of ``rows`` old and ``cols`` new blocks with the highest total
    likeness (``alike[i][j]``; 0: not a pair), as steps in document order."""
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            paired = score[i + 1][j + 1] + alike[i][j] if alike[i][j] else -1.0
            score[i][j] = max(paired, score[i + 1][j], score[i][j + 1])
    steps: list[Step] = []
    i = j = 0
    while i < rows or j < cols:
        if (
            i < rows
            and j < cols
            and alike[i][j]
            and score[i][j] == score[i + 1][j + 1] + alike[i][j]
        ):
            steps.append((i, j))
            i, j = i + 1, j + 1
        elif i < rows and (j == cols or score[i][j] == score[i + 1][j]):
            steps.append((i, None))
            i += 1
        else:
            steps.append((None, j))
            j += 1
    return steps


def alike_blocks(
    old: BaseOxmlElement, new: BaseOxmlElement, old_words: list[Token], new_words: list[Token]
) -> float:
    """How alike two blocks are (0 when they are not one edited block)."""
    if old.tag != new.tag:
        return 0.0
    if old.tag == P:
        ratio = similarity(old_words, new_words)
        return ratio if ratio >= PAIR_AT else 0.0
    if old.tag == TR:
        return 1.0 if len(old.findall(TC)) == len(new.findall(TC)) else 0.0
    ratio = SequenceMatcher(None, text_of(old).split(), text_of(new).split()).ratio()
    return max(ratio, TABLE_PAIR_AT) if ratio >= TABLE_PAIR_AT else 0.0
