"""Headings: paragraphs in a Word heading style, and bold or all-caps numbered paragraphs
(numbered by hand or by a Word list), levelled by their numbering, not by their style.

The numbering is read by ``baocao.numbering`` (the one parser of heading numbers).
A promoted paragraph gets the style "Heading N", so that pandoc reads it as a
heading of level N; a list label becomes text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from baocao.numbering import Numbering, parse
from baocao.text import squash
from baocao.wordin.listlabels import ListLabels, drop_numbering
from baocao.wordin.wordxml import body_items, is_bold, is_italic, style_names

MAX_LEVEL = 6
MAX_WORDS = 40  # as report.BOLD_HEADING_MAX_WORDS (a test keeps them equal)
_STYLE_LEVEL = re.compile(r"^(?:heading|tiêu đề|title)\s*(\d)$", re.IGNORECASE)


@dataclass
class _Candidate:
    paragraph: Paragraph
    text: str
    label: str | None
    numbering: Numbering
    style_level: int | None


def promote_headings(document: Document) -> int:
    """Mark every heading of the body with the style "Heading N"; return how many."""
    labels = ListLabels(document)
    styles: dict[str | None, int | None] = {}
    candidates = []
    for item in body_items(document):
        if not isinstance(item, Paragraph):
            continue
        label = labels.label(item)
        candidate = _candidate(item, label, styles)
        if candidate is not None:
            candidates.append(candidate)
    levels = _levels(candidates)
    style_ids = {level: _heading_style_id(document, level) for level in set(levels)}
    for candidate, level in zip(candidates, levels, strict=True):
        if candidate.label:
            drop_numbering(candidate.paragraph, candidate.label)
        candidate.paragraph._p.style = style_ids[level]
    return len(candidates)


def style_level(paragraph: Paragraph, cache: dict[str | None, int | None]) -> int | None:
    """The level a heading style or an outline level gives the paragraph (style levels are
    kept in ``cache`` by style id)."""
    p_pr = paragraph._p.pPr
    style_id = p_pr.pStyle.val if p_pr is not None and p_pr.pStyle is not None else None
    if style_id not in cache:
        cache[style_id] = _style_level(paragraph)
    outline = p_pr.find(qn("w:outlineLvl")) if p_pr is not None else None
    value = outline.get(qn("w:val")) if outline is not None else None
    if value is not None and value.isdigit() and value != "9":
        return int(value) + 1
    return cache[style_id]


def _style_level(paragraph: Paragraph) -> int | None:
    for name in style_names(paragraph):
        match = _STYLE_LEVEL.match(name.strip())
        if match and 1 <= int(match[1]) <= 9:
            return int(match[1])
    return None


def _candidate(
    paragraph: Paragraph, label: str | None, styles: dict[str | None, int | None]
) -> _Candidate | None:
    text = squash(paragraph.text)
    if not text and not label:
        return None
    full = f"{label} {text}" if label else text
    if full.count(" ") >= MAX_WORDS:
        return None
    numbering = parse(full)
    level = style_level(paragraph, styles)
    if level is None and not (numbering.style and _stands_out(paragraph, text, numbering)):
        return None
    return _Candidate(paragraph, text, label, numbering, level)


def _stands_out(paragraph: Paragraph, text: str, numbering: Numbering) -> bool:
    """Bold throughout, or written in capitals; a lettered one ("a) ...") also in italics
    throughout, as the decree's samples write them."""
    letters = [ch for ch in text if ch.isalpha()]
    caps = len(letters) >= 3 and all(ch.isupper() for ch in letters)
    if caps or is_bold(paragraph):
        return True
    return numbering.style == "letter" and is_italic(paragraph)


def _levels(candidates: list[_Candidate]) -> list[int]:
    """Each heading's level: the depth its numbering takes (a letter one below the heading it
    follows), shifted so the shallowest numbering is level 1; a part wrapper at level 1, as
    the form's parts it groups; unnumbered ones by their style."""
    depths = [
        c.numbering.depth for c in candidates if c.numbering.depth and c.numbering.style != "letter"
    ]
    shift = min(depths) - 1 if depths else 0
    levels: list[int] = []
    parent = 0
    for candidate in candidates:
        numbering = candidate.numbering
        if numbering.part:
            level = 1  # a part wrapper ("Phần thứ nhất. ...") stands beside the roman parts
        elif numbering.style == "letter":
            level = parent + 1 if parent else (numbering.depth or 4) - shift
        elif numbering.depth:
            level = numbering.depth - shift
            parent = level
        else:
            level = candidate.style_level or parent + 1 or 1
            parent = level
        levels.append(max(1, min(MAX_LEVEL, level)))
    return levels


def _heading_style_id(document: Document, level: int) -> str:
    name = f"Heading {level}"
    styles = document.styles
    try:
        return styles[name].style_id
    except KeyError:
        return styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).style_id
