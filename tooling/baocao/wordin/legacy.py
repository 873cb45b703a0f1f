"""TCVN3 (.VnTime) and VNI text in a Word file, converted to Unicode in the document model.

A run in a ``.Vn*`` font is TCVN3, in a ``VNI-*`` font VNI; a paragraph whose text
still looks like mojibake (``baocao.lint.legacy.is_legacy``) is converted with the
encoding that leaves fewer foreign letters. The tables are the project's
(``data/legacy-encodings.yaml``); converted runs get the body font.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from baocao.docx.nd30 import FONT
from baocao.lint.legacy import convert, from_tcvn3, from_vni, is_legacy, may_be_legacy
from baocao.text import nfc, squash

_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")


@dataclass(frozen=True)
class Converted:
    encoding: str
    text: str  # the paragraph after conversion


def convert_legacy(document: Document) -> list[Converted]:
    """Convert every legacy run and paragraph in the body (tables included)."""
    out: list[Converted] = []
    if not _may_hold_legacy(document):
        return out
    for element in document.element.body.iter(qn("w:p")):
        paragraph = Paragraph(element, document._body)
        encoding = _by_font(paragraph) or _by_pattern(paragraph)
        if encoding:
            out.append(Converted(encoding, squash(paragraph.text)))
    return out


def _may_hold_legacy(document: Document) -> bool:
    """A quick look at the whole file: a legacy font named anywhere (body or styles), or a
    letter Vietnamese never writes."""
    for root in (document.element, document.styles.element):
        for slot in _FONT_SLOTS:
            for name in root.xpath(f".//w:rFonts/@{slot}"):
                if name.strip().lower().startswith((".vn", "vni")):
                    return True
    return may_be_legacy("".join(document.element.body.itertext()))


def _font(run: Run) -> str:
    r_fonts = run._r.rPr.rFonts if run._r.rPr is not None else None
    if r_fonts is None:
        return run.font.name or ""
    return next((r_fonts.get(qn(slot)) for slot in _FONT_SLOTS if r_fonts.get(qn(slot))), "")


def _by_font(paragraph: Paragraph) -> str | None:
    found = None
    style_font = paragraph.style.font.name if paragraph.style is not None else None
    for run in paragraph.runs:
        font = (_font(run) or style_font or "").strip()
        if font.lower().startswith(".vn"):
            text = from_tcvn3(run.text)
            # The capitals fonts (.VnTimeH, .VnArialH) show the small letters' codes as capitals.
            _set(run, text.upper() if font.lower().endswith("h") else text)
            found = "TCVN3"
        elif font.upper().startswith("VNI"):
            _set(run, from_vni(run.text))
            found = "VNI"
    return found


def _by_pattern(paragraph: Paragraph) -> str | None:
    if not is_legacy(paragraph.text):
        return None
    _, encoding = convert(paragraph.text)
    change = from_vni if encoding == "VNI" else from_tcvn3
    for run in paragraph.runs:
        _set(run, change(run.text))
    return encoding


def _set(run: Run, text: str) -> None:
    if run._r.xpath("./w:drawing | ./w:pict | ./w:object"):
        return
    run.text = nfc(text)
    run.font.name = FONT
