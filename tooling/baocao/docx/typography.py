"""Fonts, styles and page setup, applied to a python-docx Document.

Used twice: to write the reference document for pandoc, and again by the
finisher, because pandoc adds styles of its own (Hyperlink, Source Code, ...)
that must also be Times New Roman and black.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle

from baocao.docx import ooxml
from baocao.docx.nd30 import ND30
from baocao.docx.styles import StyleSpec, paragraph_styles

LANGUAGE = "vi-VN"
BLACK = "000000"


def setup_page(section: Section, nd: ND30) -> None:
    """A4 portrait with the decree's margins."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(nd.page_width)
    section.page_height = Mm(nd.page_height)
    section.top_margin = Mm(nd.margin_top)
    section.bottom_margin = Mm(nd.margin_bottom)
    section.left_margin = Mm(nd.margin_left)
    section.right_margin = Mm(nd.margin_right)
    section.header_distance = Mm(nd.header_distance)
    section.footer_distance = Mm(nd.header_distance)
    section.gutter = Mm(0)


def apply_styles(document: Document, nd: ND30) -> None:
    """Create or restyle every paragraph style of ``paragraph_styles``."""
    for spec in paragraph_styles(nd):
        _apply(_paragraph_style(document, spec.name), spec, document)


def _paragraph_style(document: Document, name: str) -> ParagraphStyle:
    styles = document.styles
    if name in [s.name for s in styles]:
        return styles[name]
    return styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)


def _apply(style: ParagraphStyle, spec: StyleSpec, document: Document) -> None:
    if spec.base is not None:
        style.base_style = document.styles[spec.base]
    style.quick_style = True
    font, fmt = style.font, style.paragraph_format
    if spec.size is not None:
        font.size = Pt(spec.size)
    if spec.bold is not None:
        font.bold = spec.bold
    if spec.italic is not None:
        font.italic = spec.italic
    if spec.align is not None:
        fmt.alignment = spec.align
    if spec.first_line is not None:
        fmt.first_line_indent = Mm(spec.first_line)
    if spec.left is not None:
        fmt.left_indent = Mm(spec.left)
    if spec.before is not None:
        fmt.space_before = Pt(spec.before)
    if spec.after is not None:
        fmt.space_after = Pt(spec.after)
    if spec.line_spacing is not None:
        fmt.line_spacing = spec.line_spacing
    if spec.keep_with_next is not None:
        fmt.keep_with_next = spec.keep_with_next


def enforce_fonts(document: Document, nd: ND30) -> None:
    """Times New Roman in every font slot, black text and Vietnamese proofing, everywhere.

    Covers the document defaults, every style, and any run of the body, headers
    and footers that names a font or colour of its own.
    """
    styles = document.styles.element
    defaults = ooxml.doc_defaults_rpr(styles)
    ooxml.set_fonts(defaults, nd.font)
    ooxml.set_language(defaults, LANGUAGE)
    for style in styles.findall(qn("w:style")):
        rpr = style.get_or_add_rPr()
        ooxml.set_fonts(rpr, nd.font)
        _black(rpr)
    parts = [document.element]
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            if not header.is_linked_to_previous:
                parts.append(header._element)
    for part in parts:
        for rpr in part.iter(qn("w:rPr")):
            if rpr.find(qn("w:rFonts")) is not None:
                ooxml.set_fonts(rpr, nd.font)
            _black(rpr)


def _black(rpr) -> None:
    for color in rpr.findall(qn("w:color")):
        for attr in ("themeColor", "themeShade", "themeTint"):
            color.attrib.pop(qn(f"w:{attr}"), None)
        color.set(qn("w:val"), BLACK)
