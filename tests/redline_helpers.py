"""Accept or reject every tracked change of a Word file, on its XML, as Word does.

Written for the tests, independently of ``baocao.redline``: accepting drops
deleted content and keeps inserted content; rejecting does the opposite; a
paragraph whose mark is removed joins the next paragraph; a removed row goes;
``w:pPrChange`` restores the old paragraph properties on rejection.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def part(data: bytes, name: str = "word/document.xml") -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def resolve(root: etree._Element, accept: bool) -> etree._Element:
    """``root`` with every revision accepted (or rejected)."""
    gone, kept = ("del", "ins") if accept else ("ins", "del")
    for row in root.xpath(f"//w:tr[w:trPr/w:{gone}]", namespaces=NS):
        row.getparent().remove(row)
    for table in root.xpath("//w:tbl[not(w:tr)]", namespaces=NS):
        table.getparent().remove(table)
    for mark in root.xpath(f"//w:trPr/w:{kept}", namespaces=NS):
        mark.getparent().remove(mark)
    for paragraph in root.xpath(f"//w:p[w:pPr/w:rPr/w:{gone}]", namespaces=NS):
        _join_next(paragraph)
    for mark in root.xpath(f"//w:pPr/w:rPr/w:{kept}", namespaces=NS):
        mark.getparent().remove(mark)
    for mark in root.xpath(f"//w:{gone}", namespaces=NS):
        mark.getparent().remove(mark)
    for mark in root.xpath(f"//w:{kept}", namespaces=NS):
        for child in list(mark):
            mark.addprevious(child)
        mark.getparent().remove(mark)
    for text in root.xpath("//w:delText", namespaces=NS):
        text.tag = q("t")
    for change in root.xpath("//w:pPrChange", namespaces=NS):
        ppr = change.getparent()
        if not accept:
            old = change.find(q("pPr"))
            for child in [c for c in ppr if c.tag not in (q("rPr"), q("sectPr"))]:
                ppr.remove(child)
            for index, child in enumerate(list(old)):
                ppr.insert(index, child)
        change.getparent().remove(change) if change.getparent() is not None else None
    return root


def _join_next(paragraph: etree._Element) -> None:
    """Remove the paragraph's mark: its content moves to the start of the next paragraph."""
    content = [c for c in paragraph if c.tag != q("pPr")]
    following = paragraph.getnext()
    while following is not None and following.tag != q("p"):
        following = following.getnext() if following.tag != q("tbl") else None
    if following is not None:
        ppr = following.find(q("pPr"))
        at = 0 if ppr is None else 1
        for index, child in enumerate(content):
            following.insert(at + index, child)
    paragraph.getparent().remove(paragraph)


def paragraphs(root: etree._Element) -> list[tuple[str, str]]:
    """(style, text) of every paragraph, in document order, cells included."""
    found = []
    for paragraph in root.iter(q("p")):
        style = paragraph.find(f"{q('pPr')}/{q('pStyle')}")
        name = "" if style is None else style.get(q("val"))
        text = "".join(t.text or "" for t in paragraph.iter(q("t"), q("delText")))
        found.append((name, text))
    return found


def accepted(data: bytes, name: str = "word/document.xml") -> list[tuple[str, str]]:
    return paragraphs(resolve(part(data, name), accept=True))


def rejected(data: bytes, name: str = "word/document.xml") -> list[tuple[str, str]]:
    return paragraphs(resolve(part(data, name), accept=False))


def texts(data: bytes, name: str = "word/document.xml") -> list[tuple[str, str]]:
    return paragraphs(part(data, name))
