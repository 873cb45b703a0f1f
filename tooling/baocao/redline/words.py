"""A paragraph changed word by word: unchanged words kept, the others marked.

A paragraph of plain runs (text, tabs, breaks, with any formatting) is cut into
tokens (words, spaces, punctuation), each with its run's formatting; difflib
aligns the old and new tokens; the new paragraph is rebuilt with runs for the
unchanged tokens, ``w:del`` runs for the removed and ``w:ins`` runs for the added.
A change of formatting alone is a removal and an insertion of the same words.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from baocao.redline.marks import DEL, INS, Revision, record_properties

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_RUN_CHILDREN = {qn("w:rPr"), qn("w:t"), qn("w:tab"), qn("w:br")}
_PARAGRAPH_CHILDREN = {qn("w:pPr"), qn("w:r"), qn("w:proofErr")}
_SPECIAL = {qn("w:tab"): "\t", qn("w:br"): "\n"}


@dataclass(frozen=True)
class Token:
    """A word, space, punctuation mark, tab or break, with its run's formatting."""

    text: str
    special: bool
    style: bytes
    rpr: BaseOxmlElement | None

    @property
    def key(self) -> tuple[str, bool, bytes]:
        return (self.text, self.special, self.style)


def is_plain(paragraph: BaseOxmlElement) -> bool:
    """Only runs of text, tabs and breaks: what a word-level diff can rebuild."""
    return all(child.tag in _PARAGRAPH_CHILDREN for child in paragraph) and all(
        child.tag in _RUN_CHILDREN for run in paragraph.iter(qn("w:r")) for child in run
    )


def tokens(paragraph: BaseOxmlElement) -> list[Token]:
    found: list[Token] = []
    for run in paragraph.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        style = b"" if rpr is None else etree.tostring(rpr)
        for child in run:
            if child.tag == qn("w:t"):
                found += [Token(w, False, style, rpr) for w in TOKEN.findall(child.text or "")]
            elif child.tag in _SPECIAL:
                found.append(Token(_SPECIAL[child.tag], True, style, rpr))
    return found


def similarity(old: list[Token], new: list[Token]) -> float:
    matcher = SequenceMatcher(None, [t.key for t in old], [t.key for t in new], autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() > 0 else 0.0


def redline_paragraph(
    new: BaseOxmlElement, old: BaseOxmlElement, revision: Revision
) -> BaseOxmlElement:
    """``new`` rebuilt with the word changes from ``old`` marked; both must be plain."""
    before, after = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, [t.key for t in before], [t.key for t in after], autojunk=False)
    for child in [c for c in new if c.tag != qn("w:pPr")]:
        new.remove(child)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append_runs(new, after[j1:j2], None, revision)
            continue
        _append_runs(new, before[i1:i2], DEL, revision)
        _append_runs(new, after[j1:j2], INS, revision)
    record_properties(new, old, revision)
    return new


def _append_runs(
    paragraph: BaseOxmlElement, items: list[Token], tag: str | None, revision: Revision
) -> None:
    """Runs for ``items`` (one per formatting), inside one mark when ``tag`` is given."""
    if not items:
        return
    target = paragraph
    if tag is not None:
        target = revision.mark(tag)
        paragraph.append(target)
    run: BaseOxmlElement | None = None
    style: bytes | None = None
    for token in items:
        if run is None or token.style != style:
            run, style = _new_run(token), token.style
            target.append(run)
        _append_text(run, token, deleted=tag == DEL)


def _new_run(token: Token) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    if token.rpr is not None:
        run.append(copy.deepcopy(token.rpr))
    return run


def _append_text(run: BaseOxmlElement, token: Token, deleted: bool) -> None:
    if token.special:
        run.append(OxmlElement("w:tab" if token.text == "\t" else "w:br"))
        return
    name = qn("w:delText" if deleted else "w:t")
    last = run[-1] if len(run) else None
    if last is None or last.tag != name:
        last = OxmlElement("w:delText" if deleted else "w:t")
        last.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        last.text = ""
        run.append(last)
    last.text += token.text
