"""The few WordprocessingML properties python-docx has no API for.

Each helper builds elements with ``OxmlElement`` and inserts them in the order
the schema requires (Word reports a damaged file otherwise).
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
THEME_SLOTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")

# Successors of each element in its parent's schema sequence.
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_TBLHEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
_AFTER_TBLBORDERS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)
_AFTER_BDR = (
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_RPR_DEFAULT = ("w:pPrDefault",)


def element(tag: str, **attrs: str) -> BaseOxmlElement:
    """A new ``w:`` element with ``w:`` attributes."""
    new = OxmlElement(tag)
    for name, value in attrs.items():
        new.set(qn(f"w:{name}"), value)
    return new


def replace_child(parent: BaseOxmlElement, child: BaseOxmlElement, successors: Iterable[str]):
    """Put ``child`` in ``parent`` in place of any element with the same tag."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    parent.insert_element_before(child, *successors)
    return child


def set_fonts(rpr: BaseOxmlElement, font: str) -> None:
    """One font in every slot of ``w:rFonts``, theme fonts removed."""
    rfonts = rpr.get_or_add_rFonts()
    for slot in FONT_SLOTS:
        rfonts.set(qn(f"w:{slot}"), font)
    for slot in (*THEME_SLOTS, "hint"):
        rfonts.attrib.pop(qn(f"w:{slot}"), None)


def set_language(rpr: BaseOxmlElement, lang: str) -> None:
    replace_child(rpr, element("w:lang", val=lang, eastAsia=lang, bidi=lang), _AFTER_LANG)


def doc_defaults_rpr(styles_element: BaseOxmlElement) -> BaseOxmlElement:
    """``w:docDefaults/w:rPrDefault/w:rPr``, created when missing."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = element("w:docDefaults")
        styles_element.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = element("w:rPrDefault")
        defaults.insert_element_before(rpr_default, *_AFTER_RPR_DEFAULT)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    return rpr


def _border(side: str, val: str, size: int) -> BaseOxmlElement:
    if val in ("nil", "none"):
        return element(f"w:{side}", val=val)
    return element(f"w:{side}", val=val, sz=str(size), space="0", color="000000")


def paragraph_border(ppr: BaseOxmlElement, side: str = "top", size: int = 6) -> None:
    """A solid line on one side of a paragraph; ``size`` in eighths of a point."""
    borders = element("w:pBdr")
    borders.append(_border(side, "single", size))
    replace_child(ppr, borders, _AFTER_PBDR)


def table_borders(tbl_pr: BaseOxmlElement, val: str = "single", size: int = 4) -> None:
    """Borders on every edge and between every cell (``val="nil"`` for none)."""
    borders = element("w:tblBorders")
    for side in BORDER_SIDES:
        borders.append(_border(side, val, size))
    replace_child(tbl_pr, borders, _AFTER_TBLBORDERS)


def table_indent(tbl_pr: BaseOxmlElement, twips: int) -> None:
    """Shift a table from the left margin (negative: into the margin)."""
    indent = element("w:tblInd", w=str(twips), type="dxa")
    replace_child(tbl_pr, indent, ("w:tblBorders", *_AFTER_TBLBORDERS))


def run_border(rpr: BaseOxmlElement, size: int = 8) -> None:
    """A box around a run of text."""
    box = element("w:bdr", val="single", sz=str(size), space="1", color="000000")
    replace_child(rpr, box, _AFTER_BDR)


def repeat_header(tr_pr: BaseOxmlElement) -> None:
    """Mark a table row as a header row, repeated at the top of each page."""
    replace_child(tr_pr, element("w:tblHeader"), _AFTER_TBLHEADER)
