"""Revision marks (``w:ins``, ``w:del``, ``w:pPrChange``) on python-docx's element tree.

Every mark carries the same author and date (``Revision``) and an id unique in the
document. Elements are made with ``OxmlElement``; nothing is written as XML text.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from itertools import count

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

INS, DEL = "w:ins", "w:del"
# Text-bearing run children and their names inside a deletion.
_DELETED_NAMES = {qn("w:t"): "w:delText", qn("w:instrText"): "w:delInstrText"}
# Children of a paragraph's properties that ``w:pPrChange`` may not record.
_NOT_IN_CHANGE = (qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange"))


@dataclass
class Revision:
    """Who made the changes, when, and the next free revision id."""

    author: str
    date: dt.datetime
    ids: count[int] = field(default_factory=lambda: count(1))

    @property
    def stamp(self) -> str:
        return self.date.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def mark(self, tag: str) -> BaseOxmlElement:
        """A new, empty ``tag`` (w:ins, w:del, w:pPrChange) with id, author and date."""
        mark = OxmlElement(tag)
        mark.set(qn("w:id"), str(next(self.ids)))
        mark.set(qn("w:author"), self.author)
        mark.set(qn("w:date"), self.stamp)
        return mark


def runs_of(element: BaseOxmlElement) -> list[BaseOxmlElement]:
    """Every run inside ``element`` (also inside hyperlinks and fields), not yet marked."""
    return [run for run in element.iter(qn("w:r")) if run.getparent().tag not in (qn(INS), qn(DEL))]


def wrap(run: BaseOxmlElement, mark: BaseOxmlElement) -> None:
    """Put ``run`` inside ``mark`` at the run's place."""
    run.addprevious(mark)
    mark.append(run)


def as_deleted(run: BaseOxmlElement) -> BaseOxmlElement:
    """Turn the run's text into deleted text (``w:delText``), in place."""
    for child in run:
        name = _DELETED_NAMES.get(child.tag)
        if name:
            child.tag = qn(name)
    return run


def mark_paragraph(paragraph: BaseOxmlElement, tag: str, revision: Revision) -> None:
    """Mark the paragraph mark (its end) inserted or deleted."""
    ppr = paragraph.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        successor = ppr.find(qn("w:sectPr"))
        if successor is None:
            successor = ppr.find(qn("w:pPrChange"))
        if successor is None:
            ppr.append(rpr)
        else:
            successor.addprevious(rpr)
    rpr.insert(0, revision.mark(tag))


def mark_row(row: BaseOxmlElement, tag: str, revision: Revision) -> None:
    """Mark a table row inserted or deleted (``w:trPr``)."""
    trpr = row.get_or_add_trPr()
    change = trpr.find(qn("w:trPrChange"))
    if change is None:
        trpr.append(revision.mark(tag))
    else:
        change.addprevious(revision.mark(tag))


def inserted(element: BaseOxmlElement, revision: Revision) -> BaseOxmlElement:
    """Mark everything in a paragraph or table inserted; return it."""
    for run in runs_of(element):
        wrap(run, revision.mark(INS))
    for paragraph in element.iter(qn("w:p")):
        mark_paragraph(paragraph, INS, revision)
    for row in element.iter(qn("w:tr")):
        mark_row(row, INS, revision)
    return element


def deleted(element: BaseOxmlElement, revision: Revision) -> BaseOxmlElement:
    """A copy of a paragraph or table with everything in it marked deleted."""
    element = copy.deepcopy(element)
    strip_references(element)
    for run in runs_of(element):
        wrap(as_deleted(run), revision.mark(DEL))
    for paragraph in element.iter(qn("w:p")):
        mark_paragraph(paragraph, DEL, revision)
    for row in element.iter(qn("w:tr")):
        mark_row(row, DEL, revision)
    return element


def strip_references(element: BaseOxmlElement) -> None:
    """Drop what points into the old file's other parts: notes, comments, bookmarks, pictures.

    A copy of an old paragraph lives in the new file, where those ids mean
    something else or nothing (the file would be damaged); a section break of
    the old file would split the new one.
    """
    dropped = ("w:footnoteReference", "w:endnoteReference", "w:commentReference", "w:drawing")
    dropped += ("w:sectPr",)
    for tag in dropped:
        for found in list(element.iter(qn(tag))):
            found.getparent().remove(found)
    ranges = ("w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd")
    for tag in ranges:
        for found in list(element.iter(qn(tag))):
            found.getparent().remove(found)
    for link in list(element.iter(qn("w:hyperlink"))):
        link.attrib.pop(qn("r:id"), None)


def record_properties(paragraph: BaseOxmlElement, old: BaseOxmlElement, revision: Revision) -> None:
    """Record the old paragraph's properties in ``w:pPrChange`` when they differ."""
    before = _base_properties(old)
    now = _base_properties(paragraph)
    if _same(before, now):
        return
    change = revision.mark("w:pPrChange")
    change.append(before)
    paragraph.get_or_add_pPr().append(change)


def _base_properties(paragraph: BaseOxmlElement) -> BaseOxmlElement:
    ppr = paragraph.find(qn("w:pPr"))
    base = OxmlElement("w:pPr") if ppr is None else copy.deepcopy(ppr)
    for child in list(base):
        if child.tag in _NOT_IN_CHANGE:
            base.remove(child)
    base.attrib.clear()
    return base


def _same(one: BaseOxmlElement, other: BaseOxmlElement) -> bool:
    return etree.tostring(one) == etree.tostring(other)
