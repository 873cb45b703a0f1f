"""The end of the document: "Nơi nhận:" with its recipients, and the signer's block.

Found as a table holding "Nơi nhận:", or as paragraphs from the last "Nơi nhận:"
on, their two columns split by tabs, the signer's lines told by their indent or
alignment; signer lines right before "Nơi nhận:" are taken too. The elements read
are removed from the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from baocao.docx.nd30 import RECIPIENTS_LABEL
from baocao.frontmatter import schema
from baocao.text import squash
from baocao.wordin.wordxml import (
    body_items,
    cell_lines,
    columns,
    fold,
    has_picture,
    is_right,
    is_rule,
    left_indent_mm,
    lines,
    remove,
)

SEARCH = 40  # the block is among the last body items
SIGNER_INDENT_MM = 50.0  # a paragraph indented this far is in the right column
_TABS = re.compile(r"\t+")
_BULLET = re.compile(r"^[-–—+•*]\s*")
_NOTE = re.compile(r"^\(.*\)$")  # "(Đã ký)", "(Ký, ghi rõ họ tên, đóng dấu)"
_LABEL = fold(RECIPIENTS_LABEL)


@dataclass
class Signer:
    values: dict[str, object] = field(default_factory=dict)
    found: bool = False


def take_signer(document: Document) -> Signer:
    signer = Signer()
    items = list(body_items(document, last=SEARCH))
    label = _last_label(items)
    if label is None:
        return signer
    signer.found = True
    left: list[str] = []
    right: list[str] = []
    item = items[label]
    if isinstance(item, Table):
        left = [text for text, _ in cell_lines(item, 0)]
        right = [text for col in range(1, columns(item)) for text, _ in cell_lines(item, col)]
        remove(item._tbl)
        rest = items[label + 1 :]
    else:
        right += _signer_before(items[:label])
        rest = items[label:]
    for other in rest:
        if isinstance(other, Paragraph) and not has_picture(other):
            _split(other, left, right)
            remove(other._p)
    parse_recipients(left, signer)
    parse_signer(right, signer)
    return signer


def _last_label(items: list) -> int | None:
    for index in range(len(items) - 1, -1, -1):
        item = items[index]
        if isinstance(item, Table):
            texts = [text for text, _ in cell_lines(item, 0)]
        else:
            texts = [item.text]
        if any(fold(text).startswith(_LABEL) for text in texts):
            return index
    return None


def _in_right_column(paragraph: Paragraph) -> bool:
    return left_indent_mm(paragraph) >= SIGNER_INDENT_MM or is_right(paragraph)


def _signer_before(items: list) -> list[str]:
    """Indented or centred lines just above "Nơi nhận:" (the signer written first)."""
    taken: list[Paragraph] = []
    for item in reversed(items):
        if not isinstance(item, Paragraph) or has_picture(item):
            break
        if is_rule(item.text) or _in_right_column(item):
            taken.append(item)
            continue
        break
    out: list[str] = []
    for paragraph in reversed(taken):
        out += lines(paragraph)
        remove(paragraph._p)
    return out


def _split(paragraph: Paragraph, left: list[str], right: list[str]) -> None:
    right_column = _in_right_column(paragraph)
    for line in lines(paragraph):
        parts = [p.strip() for p in _TABS.split(line)]
        if len(parts) >= 2:
            left.append(parts[0])
            right.append(parts[-1])
        elif right_column:
            right.append(parts[0])
        else:
            left.append(parts[0])


def parse_recipients(left: list[str], signer: Signer) -> None:
    items: list[str] = []
    for text in left:
        text = squash(text)
        if fold(text).startswith(_LABEL):
            text = text.split(":", 1)[1].strip() if ":" in text else ""
        text = _BULLET.sub("", text).strip().rstrip(";,").strip()
        if text and not is_rule(text):
            items.append(text)
    if not items:
        return
    items = [item.rstrip(".").strip() for item in items[:-1]] + [items[-1]]
    signer.values["noi_nhan"] = items


def parse_signer(right: list[str], signer: Signer) -> None:
    """Quyền hạn (TM., KT., ...), the signer's title in capitals, then the name."""
    texts = [squash(text) for text in right]
    texts = [t for t in texts if t and not is_rule(t) and not _NOTE.match(t)]
    if not texts:
        return
    authority = re.compile(schema()["quyen_han"].pattern or r"^$", re.IGNORECASE)
    if authority.match(texts[0]):
        signer.values["quyen_han"] = texts.pop(0)
    if not texts:
        return
    if len(texts) == 1:
        signer.values["chuc_vu"] = texts[0]
        return
    signer.values["chuc_vu"] = " ".join(texts[:-1])
    signer.values["nguoi_ky"] = texts[-1]
