"""The header block (agencies | Quốc hiệu, number | place and date) and the title.

Found by its Quốc hiệu, as a table or as lines whose two columns are separated
by tabs, in the body or else in the first page's header; then "BÁO CÁO" and the
title paragraphs under it. The elements read are removed from the document, so
pandoc reads only the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from baocao.docx.nd30 import MOTTO, NATIONAL_TITLE, NUMBER_LABEL
from baocao.text import squash
from baocao.wordin.wordxml import (
    body_items,
    cell_lines,
    columns,
    fold,
    has_picture,
    is_bold,
    is_centred,
    is_rule,
    lines,
    remove,
)

SEARCH = 12  # the header is among the first body items
TITLE_LINES = 3
_DATE = re.compile(
    r"^(?P<place>.*?)[,\s]*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
_BLANK_DATE = re.compile(r"^(?P<place>.*?)[,\s]*ngày\b", re.IGNORECASE)
_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_TABS = re.compile(r"\t+")
_NUMBER = re.compile(rf"^\s*{NUMBER_LABEL.rstrip(':')}\s*:", re.IGNORECASE)
_FIXED = {fold(NATIONAL_TITLE), fold(MOTTO)}


@dataclass
class Header:
    """What the top of page 1 said, and what could not be placed."""

    values: dict[str, object] = field(default_factory=dict)
    document_type: str = ""
    found: bool = False
    unplaced: list[str] = field(default_factory=list)


def take_header(document: Document, document_type: str) -> Header:
    """Read and remove the header block and, under it, ``document_type`` ("BÁO CÁO") and the
    title."""
    header = Header()
    items = list(body_items(document, first=SEARCH))
    start = _motto_at(items)
    if start is not None:
        header.found = True
        rest = _read_block(items, start, header, document_type)
        _read_title(items[rest:], header, document_type)
    else:
        page = page_header_items(document)
        start = _motto_at(page)
        if start is None:
            return header
        header.found = True
        _read_block(page, start, header, document_type)
        _read_title(items, header, document_type)
    if "nam" not in header.values and isinstance(header.values.get("ngay"), dt.date):
        header.values["nam"] = header.values["ngay"].year
    return header


def _motto_at(items: list) -> int | None:
    return next((i for i, item in enumerate(items) if _has_motto(item)), None)


def page_header_items(document: Document) -> list[Paragraph | Table]:
    """The paragraphs and tables of the first page's header (the page header Word shows on
    page 1), where some clerks put the header block."""
    section = document.sections[0]
    page = section.first_page_header if section.different_first_page_header_footer else None
    if page is None or page.is_linked_to_previous:
        page = section.header
    if page.is_linked_to_previous:
        return []
    return list(page.iter_inner_content())


def _has_motto(item: Paragraph | Table) -> bool:
    if isinstance(item, Table):
        texts = [text for col in range(2) for text, _ in cell_lines(item, col)]
    else:
        texts = [item.text]
    return any(fold(NATIONAL_TITLE) in fold(text) for text in texts)


def _read_block(items: list, start: int, header: Header, document_type: str) -> int:
    """Read the header table or the tab-separated lines around the Quốc hiệu, and the lines
    under them that still belong to the header ("Số: ...", the date); return the index of
    the first item after the block."""
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    item = items[start]
    if isinstance(item, Table):
        left += cell_lines(item, 0)
        right += [pair for col in range(1, columns(item)) for pair in cell_lines(item, col)]
        remove(item._tbl)
        first = end = start + 1
    else:
        first = end = start
        while (
            first > 0 and isinstance(items[first - 1], Paragraph) and "\t" in items[first - 1].text
        ):
            first -= 1
    while (
        end < len(items)
        and isinstance(items[end], Paragraph)
        and _header_line(items[end], document_type)
    ):
        end += 1
    for paragraph in items[first:end]:
        _split_tabs(paragraph, left, right)
        remove(paragraph._p)
    parse_columns(left, right, header)
    return end


def _header_line(paragraph: Paragraph, document_type: str) -> bool:
    text = paragraph.text
    key = fold(text)
    if has_picture(paragraph):
        return False
    return (
        "\t" in text
        or _NUMBER.match(text) is not None
        or key in _FIXED
        or key.startswith(fold(NATIONAL_TITLE))
        or _DATE.match(squash(text)) is not None
        or is_rule(text)
    ) and fold(document_type) != key


def _split_tabs(paragraph: Paragraph, left: list, right: list) -> None:
    bold = is_bold(paragraph)
    for line in lines(paragraph):
        parts = [p.strip() for p in _TABS.split(line)]
        if len(parts) >= 2:
            left.append((parts[0], bold))
            right.append((parts[-1], bold))
        elif _is_right(parts[0]):
            right.append((parts[0], bold))
        else:
            left.append((parts[0], bold))


def _is_right(text: str) -> bool:
    return fold(text) in _FIXED or _DATE.match(squash(text)) is not None


def parse_columns(left: list[tuple[str, bool]], right: list[tuple[str, bool]], header: Header):
    """Agencies and number from the left column; place and date from the right one."""
    agencies: list[tuple[str, bool]] = []
    for text, bold in left:
        text = squash(text)
        if is_rule(text):
            continue
        if text.lower().startswith(NUMBER_LABEL.rstrip(":").lower()):
            number = text[2:].lstrip(" :").strip()
            if number:
                header.values["so_ky_hieu"] = number
        else:
            agencies.append((text, bold))
    _agencies(agencies, header)
    for text, _ in right:
        text = squash(text)
        if is_rule(text) or fold(text) in _FIXED:
            continue
        if not _place_date(text, header):
            header.unplaced.append(text)


def _agencies(agencies: list[tuple[str, bool]], header: Header) -> None:
    if not agencies:
        return
    bold = [text for text, is_b in agencies if is_b]
    if bold and len(bold) < len(agencies):
        first_bold = next(i for i, (_, is_b) in enumerate(agencies) if is_b)
        parent = [text for text, _ in agencies[:first_bold]]
        own = [text for text, _ in agencies[first_bold:]]
    elif len(agencies) == 1:
        parent, own = [], [agencies[0][0]]
    else:
        parent, own = [agencies[0][0]], [text for text, _ in agencies[1:]]
    if parent:
        header.values["co_quan_chu_quan"] = " ".join(parent)
    header.values["co_quan"] = " ".join(own)


def _place_date(text: str, header: Header) -> bool:
    match = _DATE.match(text)
    if match:
        place = match["place"].strip(" ,")
        if place:
            header.values["dia_danh"] = place
        try:
            header.values["ngay"] = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            header.unplaced.append(text)
        return True
    blank = _BLANK_DATE.match(text)
    if blank:
        if blank["place"].strip(" ,"):
            header.values["dia_danh"] = blank["place"].strip(" ,")
        return True
    return False


def _read_title(items: list, header: Header, document_type: str) -> None:
    """The document type ("BÁO CÁO"), then the title: the centred or bold paragraphs under it."""
    index = 0
    while index < len(items) and _blank(items[index]):
        remove(items[index]._p)
        index += 1
    if index >= len(items) or not isinstance(items[index], Paragraph):
        return
    kind = items[index]
    if fold(kind.text) != fold(document_type):
        return
    header.document_type = squash(kind.text)
    remove(kind._p)
    title: list[str] = []
    for item in items[index + 1 : index + 1 + TITLE_LINES + 1]:
        if not isinstance(item, Paragraph) or has_picture(item):
            break
        text = squash(item.text)
        if not text:
            remove(item._p)
            if title:
                break
            continue
        if is_rule(text) or not (is_centred(item) or is_bold(item)) or len(title) == TITLE_LINES:
            if is_rule(text):
                remove(item._p)
            break
        title.append(text)
        remove(item._p)
    if title:
        header.values["trich_yeu"] = " ".join(title)
        year = _YEAR.search(header.values["trich_yeu"])
        if year:
            header.values["nam"] = int(year[1])


def _blank(item) -> bool:
    return isinstance(item, Paragraph) and is_rule(item.text) and not has_picture(item)
