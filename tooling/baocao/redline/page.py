"""The redline in the browser: a unit's page with insertions and deletions marked.

The page is made from the redlined Word file, so the browser shows exactly the
changes Word lists: paragraphs by style (headings as headings), ``<ins>`` and
``<del>`` for changed words, whole paragraphs and table rows marked added or
removed, and at the top a short list of the changed sections ("II.2.1: 3 đoạn sửa,
1 đoạn thêm"). It is built with lxml's element builder, so every text is escaped;
it has no script.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import builder as E
from lxml.html import tostring

from baocao.i18n import t

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADING = re.compile(r"Heading(\d)$")
NUMBER = re.compile(r"^\s*((?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)])")
HEAD_STYLES = ("ND30ParentAgency", "ND30Agency", "ND30NationalTitle", "ND30Motto", "ND30Number")
HEAD_STYLES += ("ND30PlaceDate", "ND30DocumentType", "ND30Title")
END_STYLES = ("ND30RecipientsLabel", "ND30Recipients", "ND30Signer", "ND30SignerName")
STYLE = """
body { font-family: "Times New Roman", serif; max-width: 46em; margin: 1em auto; padding: 0 1em; }
ins, .ins { background: #d8f5d8; text-decoration: underline; }
del, .del { background: #fbdada; text-decoration: line-through; }
table { border-collapse: collapse; } td { border: 1px solid #999; padding: 0 .4em; }
.changes { border: 1px solid #999; padding: .5em 1em; }
"""


def q(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass
class Changes:
    """What changed in each section, in the order the sections come."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, section: str, kind: str) -> None:
        self.counts.setdefault(section, Counter())[kind] += 1

    def lines(self) -> list[str]:
        kinds = ("edited", "added", "removed")
        return [
            t(
                "diff.section-changes",
                section=section,
                changes=", ".join(
                    t(f"diff.count-{kind}", count=counts[kind]) for kind in kinds if counts[kind]
                ),
            )
            for section, counts in self.counts.items()
        ]


@dataclass
class Numbering:
    """A heading's full number from its parents' ("III" then "2" is "III.2")."""

    by_level: dict[int, str] = field(default_factory=dict)

    def label(self, level: int, number: str) -> str:
        self.by_level = {k: v for k, v in self.by_level.items() if k < level}
        self.by_level[level] = number
        parts: list[str] = []
        for part in (self.by_level[k] for k in sorted(self.by_level)):
            if parts and part.startswith(parts[-1] + "."):
                parts[-1] = part  # "2" then "2.1": the child already says it
            else:
                parts.append(part)
        return ".".join(parts)


def _style(paragraph: etree._Element) -> str:
    style = paragraph.find(f"{q('pPr')}/{q('pStyle')}")
    return "" if style is None else style.get(q("val"), "")


def _mark(paragraph: etree._Element) -> str | None:
    for kind in ("ins", "del"):
        if paragraph.find(f"{q('pPr')}/{q('rPr')}/{q(kind)}") is not None:
            return kind
    return None


class PageWriter:
    """Walks the redlined body and builds the page and the list of changed sections."""

    def __init__(self) -> None:
        self.section = t("diff.section-head")
        self.changes = Changes()
        self.numbers = Numbering()

    def blocks(self, container: etree._Element) -> list[etree._Element]:
        out = []
        for child in container:
            if child.tag == q("p"):
                out.append(self.paragraph(child))
            elif child.tag == q("tbl"):
                out.append(self.table(child))
        return out

    def paragraph(self, paragraph: etree._Element) -> etree._Element:
        style = _style(paragraph)
        self.follow(paragraph, style)
        level = HEADING.match(style)
        element = getattr(E, f"H{min(int(level.group(1)) + 1, 6)}")() if level else E.P()
        for child in paragraph:
            self.inline(child, element, None)
        mark = _mark(paragraph)
        if mark:
            element.set("class", mark)
            self.changes.add(self.section, "added" if mark == "ins" else "removed")
        elif (
            paragraph.find(f".//{q('ins')}") is not None
            or paragraph.find(f".//{q('del')}") is not None
        ):
            self.changes.add(self.section, "edited")
        return element

    def follow(self, paragraph: etree._Element, style: str) -> None:
        """Keep track of the section a paragraph belongs to."""
        if style in HEAD_STYLES:
            self.section = t("diff.section-head")
        elif style in END_STYLES:
            self.section = t("diff.section-end")
        elif level := HEADING.match(style):
            kinds = (q("delText"),) if _mark(paragraph) == "del" else (q("t"),)
            text = "".join(node.text or "" for node in paragraph.iter(*kinds)).strip()
            number = NUMBER.match(text)
            self.section = self.numbers.label(
                int(level.group(1)), number.group(1).rstrip(".)") if number else text[:60]
            )

    def inline(self, node: etree._Element, parent: etree._Element, wrapper: str | None) -> None:
        if node.tag in (q("ins"), q("del")):
            tag = "ins" if node.tag == q("ins") else "del"
            box = etree.SubElement(parent, tag)
            for child in node:
                self.inline(child, box, tag)
        elif node.tag in (q("r"), q("hyperlink"), q("smartTag"), q("fldSimple")):
            for child in node:
                self.inline(child, parent, wrapper)
        elif node.tag in (q("t"), q("delText")):
            _append_text(parent, node.text or "")
        elif node.tag == q("tab"):
            _append_text(parent, "\t")
        elif node.tag == q("br"):
            etree.SubElement(parent, "br")

    def table(self, table: etree._Element) -> etree._Element:
        element = E.TABLE()
        for row in table.iter(q("tr")):
            if row.getparent() is not table:
                continue
            line = etree.SubElement(element, "tr")
            for kind in ("ins", "del"):
                if row.find(f"{q('trPr')}/{q(kind)}") is not None:
                    line.set("class", kind)
            for cell in row.findall(q("tc")):
                box = etree.SubElement(line, "td")
                box.extend(self.blocks(cell))
        return element


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def render(redlined: bytes, title: str) -> tuple[str, list[str]]:
    """The HTML page of a redlined Word file, and its list of changed sections."""
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(redlined)).read("word/document.xml"))
    writer = PageWriter()
    content = writer.blocks(body.find(q("body")))
    lines = writer.changes.lines() or [t("diff.no-changes")]
    summary = E.DIV(
        E.CLASS("changes"), E.H2(t("diff.changed-sections")), E.UL(*[E.LI(x) for x in lines])
    )
    page = E.HTML(
        {"lang": "vi"},
        E.HEAD(E.META(charset="utf-8"), E.TITLE(title), E.STYLE(STYLE)),
        E.BODY(E.H1(title), summary, *content),
    )
    html = tostring(page, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
    return html, lines
