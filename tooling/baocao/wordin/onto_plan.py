"""What ``import --onto`` changes: each Word edit as a change of characters in a unit file.

The Word paragraphs before the edits are paired with the unit's Markdown blocks
(``placing.pair``), the paragraphs before with those after; then an edited paragraph
changes its block (``textedit``), a removed one removes its block's lines, an added
one goes after the block of the paragraph before it. An edit with no block, or that
cannot be made so the Markdown reads as the Word file, is kept as not placed.

An edited paragraph's block is made to read as the paragraph after the edits, from the
block's own text: a block that reads so already is left alone, and a paragraph added
that is already the next block is not added again. So the redline of ``baocao diff``,
whose marks since the approved version are in the Markdown already, edited further by
the leader, brings back the leader's edits only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from baocao.text import squash
from baocao.wordin.inlines import escape
from baocao.wordin.myst import paragraph
from baocao.wordin.onto_untracked import REASON, untracked
from baocao.wordin.placing import SIMILAR, key, pair, similarity
from baocao.wordin.revisions import NOTE, PAGE
from baocao.wordin.sourcemap import CELL, SourceBlock, SourceFile
from baocao.wordin.textedit import edit_block
from baocao.wordin.wordparas import Versions, WordParagraph

EDIT, INSERT, DELETE, FORMAT = "edit", "insert", "delete", "format"
PARTS = {PAGE: "onto.reason.page-part", NOTE: "onto.reason.note-part"}


@dataclass(frozen=True)
class Change:
    """One placed change: ``text`` replaces characters ``start:end`` of ``path``."""

    kind: str
    path: Path
    rel: str
    line: int
    start: int
    end: int
    text: str
    before: str
    after: str


@dataclass(frozen=True)
class Unplaced:
    """An edit not made: its Word paragraph (1-based), and its block when one was found."""

    kind: str
    before: str
    after: str
    reason: str  # a message id
    paragraph: int
    rel: str | None = None
    line: int | None = None


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    where: dict[int, int] = field(default_factory=dict)  # paragraph after -> block
    kept: float = 1.0  # the share of paragraphs the edits left as they were
    found: int = 0  # paragraphs of the Word file found in the Markdown


class Planner:
    def __init__(self, files: list[SourceFile], blocks: list[SourceBlock], versions: Versions):
        self.texts = {f.path: f.text for f in files}
        self.blocks = blocks
        self.before, self.after = versions.before, versions.after
        found = pair([p.text for p in self.before], [b.plain for b in blocks])
        self.source_of = {i: b for i, b in found if i is not None and b is not None}
        self.plan = Plan()
        self.deleted: set[int] = set()
        self.inserts: dict[int, list[WordParagraph]] = {}
        self.versions = versions

    def run(self) -> Plan:
        pairs = pair([p.text for p in self.before], [p.text for p in self.after], fill=True)
        self.plan.kept = _kept(pairs, self.before, self.after)
        self.plan.found = len(self.source_of)
        last: int | None = None
        for i, j in pairs:
            block = self.source_of.get(i) if i is not None else None
            if i is not None and j is not None:
                self._edit(i, j, block)
            elif i is not None:
                self._delete(i, block)
            elif j is not None:
                self._insert(j, last)
            if i is not None and key(self.before[i].text):
                last = block  # None after a paragraph not from the Markdown (the signer)
        self._place_inserts()
        self._listed()
        return self.plan

    def _listed(self) -> None:
        """What is only listed: formatting changes, edits of the page headers and
        footers, and what differs from the build with no tracked change."""
        for j, word in enumerate(self.after):
            if word.formatted is not None and key(word.text):
                what = squash(word.formatted) or word.text
                reason = "onto.reason.formatting"
                self._unplaced_at(FORMAT, word.text, what, reason, j, self.plan.where.get(j))
        for kind, before, after in self.versions.part_edits:
            self._unplaced(Unplaced(kind, before, after, PARTS[kind], 0))
        for was, now, number, source in untracked(self.versions, self.source_of, self.blocks):
            kind = EDIT if was and now else INSERT if now else DELETE
            rel, line = (source.rel, source.line) if source else (None, None)
            self._unplaced(Unplaced(kind, was, now, REASON, number, rel, line))

    def _unplaced_at(
        self, kind: str, before: str, after: str, reason: str, j: int, block: int | None
    ) -> None:
        """An edit not made, at Word paragraph ``j`` (0-based) and its block if known."""
        source = self.blocks[block] if block is not None else None
        rel, line = (source.rel, source.line) if source else (None, None)
        self._unplaced(Unplaced(kind, before, after, reason, j + 1, rel, line))

    def _edit(self, i: int, j: int, block: int | None) -> None:
        before, after = self.before[i].text, self.after[j].text
        if block is not None:
            self.plan.where[j] = block
        if self.before[i].fields != self.after[j].fields:
            self._unplaced_at(EDIT, after, after, "onto.reason.field", j, block)
        if self.before[i].notes != self.after[j].notes:
            self._unplaced_at(EDIT, after, after, "onto.reason.note", j, block)
        if squash(before) == squash(after):
            if before.count("\n") != after.count("\n"):  # a line break put or taken away
                self._unplaced_at(FORMAT, after, after, "onto.reason.formatting", j, block)
            return
        if block is None:
            self._unplaced(Unplaced(EDIT, before, after, self._outside(i), j + 1))
            return
        source = self.blocks[block]
        if source.kind != CELL and similarity(key(before), key(after)) < SIMILAR:
            self._delete(i, block)  # another paragraph in its place, not this one edited
            self._insert(j, block)
            return
        if squash(source.plain) == squash(after):
            return  # the Markdown reads so already (a change since the Word file's base)
        text = self.texts[source.path]
        # The edits since the Word text, or, when the Markdown has changed since the Word
        # file's base (a redline's marks), since the Markdown's own text.
        base = before if key(before) == key(source.plain) else source.plain
        edited = edit_block(text[source.start : source.end], source.plain, base, after)
        if edited is None:
            reason = "onto.reason.markup"
            self._unplaced(Unplaced(EDIT, before, after, reason, j + 1, source.rel, source.line))
            return
        self._change(EDIT, source, source.line, source.start, source.end, edited, before, after)

    def _outside(self, i: int) -> str:
        """Why paragraph ``i`` (before), which has no Markdown block, cannot be edited: a
        table cell between the first and the last paragraph from the Markdown is of a table
        baocao makes from data; anything else is of the header or signer blocks."""
        inside = self.source_of and min(self.source_of) < i < max(self.source_of)
        if inside and self.before[i].in_table:
            return "onto.reason.computed"
        return "onto.reason.outside"

    def _delete(self, i: int, block: int | None) -> None:
        before = self.before[i].text
        if not key(before):
            return
        if block is None:
            self._unplaced(Unplaced(DELETE, before, "", self._outside(i), i + 1))
            return
        if self.blocks[block].kind == CELL:
            cell = self.blocks[block]
            reason = "onto.reason.table"
            self._unplaced(Unplaced(DELETE, before, "", reason, i + 1, cell.rel, cell.line))
            return
        self.deleted.add(block)
        source = self.blocks[block]
        start, end = _line_span(self.texts[source.path], source)
        self._change(DELETE, source, source.line, start, end, "", before, "")

    def _insert(self, j: int, last: int | None) -> None:
        added = self.after[j]
        if not key(added.text):
            return
        if added.heading:
            self._unplaced(Unplaced(INSERT, "", added.text, "onto.reason.heading", j + 1))
            return
        if last is not None and self._next_reads(last, added.text):
            return  # already in the Markdown, right where it goes
        if last is None or added.in_table or self.blocks[last].kind == CELL:
            reason = "onto.reason.table" if added.in_table else "onto.reason.outside"
            self._unplaced(Unplaced(INSERT, "", added.text, reason, j + 1))
            return
        self.inserts.setdefault(last, []).append(added)

    def _next_reads(self, block: int, text: str) -> bool:
        following = self.blocks[block + 1] if block + 1 < len(self.blocks) else None
        return following is not None and squash(following.plain) == squash(text)

    def _place_inserts(self) -> None:
        for block, added in self.inserts.items():
            source = self.blocks[block]
            text = self.texts[source.path]
            newline = "\r\n" if "\r\n" in text else "\n"
            pieces = [paragraph(escape(p.text.strip())).replace("\n", newline) for p in added]
            if block in self.deleted:
                at, end = _line_span(text, source)
                markdown = "".join(p + _gap(p, source, newline) for p in pieces)
                if _gap(pieces[0], source, newline) != newline and not _after_blank(text, at):
                    markdown = newline + markdown  # not a continuation of the line above
                if end == len(text):
                    markdown = markdown.rstrip("\r\n") + newline
            else:
                at = source.end
                markdown = "".join(_gap(p, source, newline) + p for p in pieces)
            after = "\n".join(p.text for p in added)
            self._change(INSERT, source, source.end_line + 1, at, at, markdown, "", after)

    def _change(self, kind, source, line, start, end, text, before, after) -> None:
        self.plan.changes.append(
            Change(kind, source.path, source.rel, line, start, end, text, before, after)
        )

    def _unplaced(self, unplaced: Unplaced) -> None:
        self.plan.unplaced.append(unplaced)


def _kept(pairs: list, before: list[WordParagraph], after: list[WordParagraph]) -> float:
    texts = [i for i, p in enumerate(before) if key(p.text)]
    same = sum(
        1
        for i, j in pairs
        if i is not None and j is not None and squash(before[i].text) == squash(after[j].text)
    )
    return same / len(texts) if texts else 1.0


def _gap(markdown: str, source: SourceBlock, newline: str) -> str:
    """A list item follows a list item on the next line; anything else after a blank one."""
    is_item = markdown.startswith(("- ", "  - ")) or markdown[:1].isdigit()
    return newline if source.in_list and is_item else newline * 2


def _after_blank(text: str, at: int) -> bool:
    """Whether position ``at`` (a line start) is the file's start or follows a blank line."""
    head = text[:at].replace("\r\n", "\n")
    return not head or head.endswith("\n\n")


def _line_span(text: str, source: SourceBlock) -> tuple[int, int]:
    """The block's whole lines with their line ends, and one blank line after them."""
    start = text.rfind("\n", 0, source.start) + 1
    end = text.find("\n", source.end)
    end = len(text) if end < 0 else end + 1
    blank = text.find("\n", end)
    if blank >= 0 and not text[end:blank].strip() and start > 0:
        end = blank + 1
    elif end == len(text) and text[:start].endswith("\n\n"):
        start -= 1  # the last block of the file: the blank line before it goes
    return start, end


def plan_changes(files: list[SourceFile], blocks: list[SourceBlock], versions: Versions) -> Plan:
    return Planner(files, blocks, versions).run()
