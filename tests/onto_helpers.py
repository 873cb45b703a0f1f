"""Shared by the ``import --onto`` tests (no tests here): a reviewer editing a built Word
file, with Track Changes (``w:ins`` / ``w:del`` runs with author and date, made on the
document model) or without, and commenting on it."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from word_shapes import run_with

AUTHOR = "Giám đốc Sở"
DATE = "2026-01-05T09:00:00Z"


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


class Reviewer:
    """Edits one Word file; ``tracked`` says whether the edits are tracked changes."""

    def __init__(self, path: Path, tracked: bool = True) -> None:
        self.doc = docx.Document(str(path))
        self.tracked = tracked
        self.ids = iter(range(900, 10_000))

    def paragraph(self, contains: str, exact: bool = False):
        for element in self.doc.element.body.iter(qn("w:p")):
            text = text_of(element)
            if text == contains or (not exact and contains in text):
                return element
        raise AssertionError(f"no paragraph with {contains!r}")

    def cell(self, row_starts: str, column: int):
        """The paragraph of cell ``column`` in the row whose first cell holds ``row_starts``."""
        for row in self.doc.element.body.iter(qn("w:tr")):
            cells = list(row.iter(qn("w:tc")))
            if row_starts in text_of(cells[0]):
                return next(cells[column].iter(qn("w:p")))
        raise AssertionError(f"no row with {row_starts!r}")

    def _mark(self, tag: str):
        mark = OxmlElement(tag)
        mark.set(qn("w:id"), str(next(self.ids)))
        mark.set(qn("w:author"), AUTHOR)
        mark.set(qn("w:date"), DATE)
        return mark

    def replace(self, contains, old: str, new: str) -> None:
        """In the paragraph holding ``contains`` (or that paragraph element), ``old`` (inside
        one run) becomes ``new``."""
        paragraph = self.paragraph(contains) if isinstance(contains, str) else contains
        run = next(r for r in paragraph.iter(qn("w:r")) if old in text_of(r))
        text = text_of(run)
        at = text.index(old)
        pieces = [run_with(run, text[:at])]
        if self.tracked:
            if old:
                deleted = self._mark("w:del")
                deleted.append(run_with(run, old, tag="w:delText"))
                pieces.append(deleted)
            if new:
                inserted = self._mark("w:ins")
                inserted.append(run_with(run, new))
                pieces.append(inserted)
        else:
            pieces.append(run_with(run, new))
        pieces.append(run_with(run, text[at + len(old) :]))
        parent = run.getparent()
        index = parent.index(run)
        parent.remove(run)
        for offset, piece in enumerate(pieces):
            parent.insert(index + offset, piece)

    def delete_paragraph(self, contains: str) -> None:
        paragraph = self.paragraph(contains)
        if not self.tracked:
            paragraph.getparent().remove(paragraph)
            return
        for run in list(paragraph.iter(qn("w:r"))):
            for text in run.iter(qn("w:t")):
                text.tag = qn("w:delText")
            wrapper = self._mark("w:del")
            run.addprevious(wrapper)
            wrapper.append(run)
        properties = paragraph.get_or_add_pPr()
        marks = properties.find(qn("w:rPr"))
        if marks is None:
            marks = OxmlElement("w:rPr")
            properties.append(marks)
        marks.append(self._mark("w:del"))

    def insert_after(self, contains: str, text: str, style: str | None = None) -> None:
        """A new paragraph, styled as the one holding ``contains`` (or ``style``), after it."""
        paragraph = self.paragraph(contains)
        added = OxmlElement("w:p")
        if paragraph.pPr is not None:
            added.append(copy.deepcopy(paragraph.pPr))
        if style is not None:
            added.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), style)
        template = next(paragraph.iter(qn("w:r")))
        run = run_with(template, text)
        if self.tracked:
            properties = added.get_or_add_pPr()
            marks = properties.find(qn("w:rPr"))
            if marks is None:
                marks = OxmlElement("w:rPr")
                properties.append(marks)
            marks.append(self._mark("w:ins"))
            wrapper = self._mark("w:ins")
            wrapper.append(run)
            added.append(wrapper)
        else:
            added.append(run)
        paragraph.addnext(added)

    def comment(self, contains: str, text: str, author: str = AUTHOR, on: str = "") -> None:
        """A comment on the paragraph holding ``contains``, or on the words ``on`` in it."""
        if on:
            tracked, self.tracked = self.tracked, False
            self.replace(contains, on, on)  # ``on`` now has a run of its own, untracked
            self.tracked = tracked
            element = self.paragraph(contains)
            runs = [r for r in Paragraph(element, self.doc.part).runs if r.text == on]
        else:
            runs = Paragraph(self.paragraph(contains), self.doc.part).runs
        self.doc.add_comment(runs, text=text, author=author)

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


def body_texts(path: Path) -> list[str]:
    """The texts of the body's paragraphs, tracked changes accepted."""
    from baocao.wordin import revisions
    from baocao.wordin.wordparas import paragraphs

    document = docx.Document(str(path))
    revisions.accept(document)
    return [p.text for p in paragraphs(document)]
