"""Word fields, which python-docx has no API for (python-docx issues #640, #1297).

A field is a run sequence: ``fldChar begin``, ``instrText``, ``fldChar
separate``, the cached result, ``fldChar end``. Word and LibreOffice compute
PAGE themselves when they lay the page out.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from baocao.docx.ooxml import element


def add_field(paragraph: Paragraph, instruction: str, result: str = "") -> None:
    """Append the field ``instruction`` (e.g. "PAGE") to ``paragraph``."""
    begin = paragraph.add_run()
    begin._r.append(element("w:fldChar", fldCharType="begin"))
    code = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    code._r.append(instr)
    separate = paragraph.add_run()
    separate._r.append(element("w:fldChar", fldCharType="separate"))
    if result:
        paragraph.add_run(result)
    end = paragraph.add_run()
    end._r.append(element("w:fldChar", fldCharType="end"))


def add_page_number(paragraph: Paragraph) -> None:
    """The current page number, as Arabic numerals."""
    add_field(paragraph, "PAGE", "2")
