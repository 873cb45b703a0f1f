"""Two versions of a pandoc document's blocks → one list of blocks carrying the changes.

Blocks of a container (the body, a Div, a table cell) are aligned on their
pandoc JSON with difflib; where they differ, old and new blocks of one kind are
paired when alike enough (``redline.blocks.best_pairing``, the pairing the
Word-level engine uses, with its thresholds): a paired paragraph or heading is
merged word by word (``ast_inlines``), a paired table row by row and cell by
cell, a paired Div or block quote block by block. A block without a pair is
kept whole inside a Div whose identifier says "deleted" or "inserted"; a table
row without a pair carries such a Div in its first cell. pandoc writes those
identifiers as bookmarks, which the finishing (``ast_marks``) turns into
revision marks on everything inside and then removes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import count

import panflute as pf

from baocao.docx.landscape import BOOKMARK_PREFIX as LANDSCAPE_PREFIX
from baocao.redline.ast_inlines import Marker, merge_inlines, words_of
from baocao.redline.blocks import MAX_PAIRING, PAIR_AT, TABLE_PAIR_AT, Step, best_pairing
from baocao.redline.words import similarity

PREFIX = "baocao_redline_"
DELETED, INSERTED = "del", "ins"
ROW = "row"  # a flag in a row's first cell: the whole row
# pandoc's writer puts an empty paragraph between two tables in a row; the merged
# document says where, with an empty Div of this identifier between them.
SEPARATOR = f"{PREFIX}sep"
# The origin of a block in the merged document: in both versions, only the old, only today's.
BOTH, OLD, NEW = "both", "old", "new"


def block_key(block: pf.Element) -> str:
    return json.dumps(block.to_json(), ensure_ascii=False, sort_keys=True)


def text_words(block: pf.Element) -> list[str]:
    return pf.stringify(block).split()


@dataclass
class Merger:
    """Merges two versions of a document's blocks; remembers the origin of each block."""

    marker: Marker
    origins: dict[int, str] = field(default_factory=dict)
    ids: count[int] = field(default_factory=lambda: count(1))

    def blocks(self, old: Sequence[pf.Block], new: Sequence[pf.Block]) -> list[pf.Block]:
        """Today's blocks with the old ones that are gone, every change flagged."""
        old, new = separated(old), separated(new)
        matcher = SequenceMatcher(
            None, [block_key(b) for b in old], [block_key(b) for b in new], autojunk=False
        )
        merged: list[pf.Block] = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                merged += [self.origin(block, BOTH) for block in new[j1:j2]]
                continue
            for i, j in pairing(old[i1:i2], new[j1:j2], alike_blocks):
                if j is None:
                    merged.append(self.whole(old[i1 + i], DELETED))
                elif i is None:
                    merged.append(self.whole(new[j1 + j], INSERTED))
                else:
                    merged += self.pair(old[i1 + i], new[j1 + j])
        return merged

    def origin(self, block: pf.Element, origin: str) -> pf.Element:
        self.origins[id(block)] = origin
        return block

    def flag(self, kind: str) -> str:
        return f"{PREFIX}{kind}_{next(self.ids)}"

    def whole(self, block: pf.Block, kind: str) -> pf.Block:
        """``block`` inside a Div flagged deleted or inserted."""
        if kind == DELETED:
            forget_identifiers(block, self.ids)
        self.origin(block, OLD if kind == DELETED else NEW)
        return pf.Div(block, identifier=self.flag(kind))

    def pair(self, old: pf.Block, new: pf.Block) -> list[pf.Block]:
        """Two alike blocks of one kind: one edited block."""
        if isinstance(new, pf.Para | pf.Plain | pf.Header):
            content = merge_inlines(words_of(old.content), words_of(new.content), self.marker)
            new.content = content
            return [self.origin(new, BOTH)]
        if isinstance(new, pf.Table):
            if spanned(old) != spanned(new) or (spanned(new) and shape(old) != shape(new)):
                return [self.whole(old, DELETED), self.whole(new, INSERTED)]
            return [self.origin(self.table(old, new), BOTH)]
        new.content = self.blocks(list(old.content), list(new.content))
        return [self.origin(new, BOTH)]

    def table(self, old: pf.Table, new: pf.Table) -> pf.Table:
        new.head.content = self.rows(list(old.head.content), list(new.head.content))
        for old_body, new_body in zip(old.content, new.content, strict=True):
            new_body.content = self.rows(list(old_body.content), list(new_body.content))
        if block_key(old.caption) != block_key(new.caption):
            new.caption.content = self.blocks(list(old.caption.content), list(new.caption.content))
        return new

    def rows(self, old: Sequence[pf.TableRow], new: Sequence[pf.TableRow]) -> list[pf.TableRow]:
        if any(spanned_row(row) for row in [*old, *new]):  # same shape: row by row
            return [self.row(o, n) for o, n in zip(old, new, strict=True)]
        matcher = SequenceMatcher(
            None, [block_key(r) for r in old], [block_key(r) for r in new], autojunk=False
        )
        merged: list[pf.TableRow] = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                merged += [self.origin(row, BOTH) for row in new[j1:j2]]
                continue
            for i, j in pairing(old[i1:i2], new[j1:j2], alike_rows):
                if j is None:
                    merged.append(self.whole_row(old[i1 + i], DELETED))
                elif i is None:
                    merged.append(self.whole_row(new[j1 + j], INSERTED))
                else:
                    merged.append(self.row(old[i1 + i], new[j1 + j]))
        return merged

    def row(self, old: pf.TableRow, new: pf.TableRow) -> pf.TableRow:
        for old_cell, new_cell in zip(old.content, new.content, strict=True):
            new_cell.content = self.blocks(list(old_cell.content), list(new_cell.content))
        return self.origin(new, BOTH)

    def whole_row(self, row: pf.TableRow, kind: str) -> pf.TableRow:
        """``row`` with a flag in its first cell: the whole row is deleted or inserted."""
        if kind == DELETED:
            forget_identifiers(row, self.ids)
        self.origin(row, OLD if kind == DELETED else NEW)
        first = row.content[0]
        first.content = [pf.Div(*first.content, identifier=self.flag(f"{ROW}{kind}"))]
        return row


def separated(blocks: Sequence[pf.Block]) -> list[pf.Block]:
    """``blocks`` with a separator between two tables in a row, as pandoc's writer makes one."""
    result: list[pf.Block] = []
    for block in blocks:
        if result and isinstance(block, pf.Table) and isinstance(result[-1], pf.Table):
            result.append(pf.Div(identifier=SEPARATOR))
        result.append(block)
    return result


def pairing(
    old: Sequence[pf.Element], new: Sequence[pf.Element], alike: Callable[..., float]
) -> list[Step]:
    """The best monotone pairing of alike blocks (or rows), as steps in document order."""
    if len(old) == len(new) == 1 and alike(old[0], new[0], single=True):
        return [(0, 0)]  # one block became another at its place: an edit
    if len(old) * len(new) > MAX_PAIRING:
        return [(i, None) for i in range(len(old))] + [(None, j) for j in range(len(new))]
    scores = [[alike(o, n) for n in new] for o in old]
    return best_pairing(scores, len(old), len(new))


def alike_blocks(old: pf.Element, new: pf.Element, single: bool = False) -> float:
    """How alike two blocks are (0 when they are not one edited block)."""
    if not same_kind(old, new):
        return 0.0
    if isinstance(new, pf.Para | pf.Plain | pf.Header):
        if single:
            return 1.0
        ratio = similarity(words_of(old.content), words_of(new.content))
        return ratio if ratio >= PAIR_AT else 0.0
    if single:
        return 1.0
    ratio = SequenceMatcher(None, text_words(old), text_words(new), autojunk=False).ratio()
    return max(ratio, TABLE_PAIR_AT) if ratio >= TABLE_PAIR_AT else 0.0


def same_kind(old: pf.Element, new: pf.Element) -> bool:
    """Blocks that can be merged into one: same type, level, attributes, columns."""
    if type(old) is not type(new):
        return False
    if isinstance(new, pf.Header):
        return old.level == new.level and old.classes == new.classes
    if isinstance(new, pf.Div):
        return (
            old.classes == new.classes
            and old.attributes == new.attributes
            and (old.identifier == new.identifier or both_landscape(old, new))
        )
    if isinstance(new, pf.Table):
        return columns(old) == columns(new)
    return isinstance(new, pf.Para | pf.Plain | pf.BlockQuote)


def both_landscape(old: pf.Div, new: pf.Div) -> bool:
    return old.identifier.startswith(LANDSCAPE_PREFIX) and new.identifier.startswith(
        LANDSCAPE_PREFIX
    )


def columns(table: pf.Table) -> tuple[int, int]:
    return (len(table.colspec), len(table.content))


def spanned_row(row: pf.TableRow) -> bool:
    return any(cell.rowspan > 1 for cell in row.content)


def table_rows(table: pf.Table) -> list[pf.TableRow]:
    return [*table.head.content, *(row for body in table.content for row in body.content)]


def spanned(table: pf.Table) -> bool:
    """Whether a cell spans rows: then a row cannot be added or removed on its own."""
    return any(spanned_row(row) for row in table_rows(table))


def shape(table: pf.Table) -> list[list[list[tuple[int, int]]]]:
    parts = [table.head, *table.content]
    return [[[(c.colspan, c.rowspan) for c in r.content] for r in p.content] for p in parts]


def alike_rows(old: pf.TableRow, new: pf.TableRow, single: bool = False) -> float:
    """Rows of as many cells, each spanning as many columns, are one edited row."""
    spans = [(c.colspan, c.rowspan) for c in old.content]
    return 1.0 if spans == [(c.colspan, c.rowspan) for c in new.content] else 0.0


def forget_identifiers(element: pf.Element, ids: count[int]) -> None:
    """Drop the identifiers inside a deleted block (the old version's bookmarks); an old
    landscape range gets a name of its own, so that its pages stay landscape until rejected."""

    def clear(item: pf.Element, _doc: pf.Doc | None) -> None:
        name = getattr(item, "identifier", "")
        if name:
            keep = name.startswith(LANDSCAPE_PREFIX)
            item.identifier = f"{LANDSCAPE_PREFIX}old{next(ids)}" if keep else ""

    element.walk(clear)
