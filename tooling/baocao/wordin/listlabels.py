"""The label Word shows before a numbered-list paragraph ("II.", "2.1.", "a)"), from
``numbering.xml``: each list level's format and text, counted through the document."""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"))
_ROMAN += ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(value: int) -> str:
    out = []
    for size, letters in _ROMAN:
        while value >= size:
            out.append(letters)
            value -= size
    return "".join(out)


def letter(value: int) -> str:
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


FORMATS = {
    "decimal": str,
    "upperRoman": roman,
    "lowerRoman": lambda v: roman(v).lower(),
    "lowerLetter": letter,
    "upperLetter": lambda v: letter(v).upper(),
    "decimalZero": lambda v: f"{v:02d}",
}


class ListLabels:
    """Counts list paragraphs in document order; ``label`` gives the next one's text."""

    def __init__(self, document: Document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.abstract_of: dict[str, str] = {}
        self.styles: dict[str, tuple[str, int] | None] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstracts = {
            a.get(qn("w:abstractNumId")): _levels(a) for a in numbering.iter(qn("w:abstractNum"))
        }
        for num in numbering.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            abstract = ref.get(qn("w:val")) if ref is not None else None
            if abstract in abstracts:
                self.abstract_of[num.get(qn("w:numId"))] = abstract
                self.levels[num.get(qn("w:numId"))] = abstracts[abstract]

    def label(self, paragraph: Paragraph) -> str | None:
        """The label of this list paragraph (counting it), or None: no list, or a bullet."""
        num_pr = _num_pr(paragraph, self.styles)
        if num_pr is None:
            return None
        num_id, ilvl = num_pr
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        counters = self.counters.setdefault(self.abstract_of[num_id], {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt not in FORMATS:
            return None
        for level in range(ilvl, -1, -1):
            if level in levels:
                shape = FORMATS.get(levels[level][0], str)
                value = counters.get(level, levels[level][2])
                text = text.replace(f"%{level + 1}", shape(value))
        return text.strip() or None


def _levels(abstract) -> dict[int, tuple[str, str, int]]:
    out = {}
    for lvl in abstract.iter(qn("w:lvl")):
        fmt = lvl.find(qn("w:numFmt"))
        text = lvl.find(qn("w:lvlText"))
        start = lvl.find(qn("w:start"))
        out[int(lvl.get(qn("w:ilvl")))] = (
            fmt.get(qn("w:val")) if fmt is not None else "decimal",
            text.get(qn("w:val")) if text is not None else "",
            int(start.get(qn("w:val"))) if start is not None else 1,
        )
    return out


def _num_pr(
    paragraph: Paragraph, styles: dict[str, tuple[str, int] | None]
) -> tuple[str, int] | None:
    """The paragraph's list and level: its own ``w:numPr``, else its style's (a heading
    style tied to a multilevel list); ``styles`` caches the latter by style id."""
    p_pr = paragraph._p.pPr
    own = _read_num_pr(p_pr)
    if own is not None:
        return None if own[0] == "0" else own
    style_id = p_pr.pStyle.val if p_pr is not None and p_pr.pStyle is not None else None
    if style_id is None:
        return None
    if style_id not in styles:
        style = paragraph.style
        found = None
        while style is not None and found is None:
            found = _read_num_pr(style.element.pPr)
            style = style.base_style
        styles[style_id] = found
    found = styles[style_id]
    return None if found is None or found[0] == "0" else found


def _read_num_pr(p_pr) -> tuple[str, int] | None:
    num_pr = p_pr.numPr if p_pr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None
    return str(num_pr.numId.val), num_pr.ilvl.val if num_pr.ilvl is not None else 0


def drop_numbering(paragraph: Paragraph, label: str) -> None:
    """Write the label into the text and take the paragraph out of its list."""
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr._remove_numPr()
    p_pr.get_or_add_numPr().get_or_add_numId().val = 0  # no list, whatever the style says
    runs = paragraph.runs
    if runs:
        runs[0].text = f"{label} {runs[0].text}"
    else:
        paragraph.add_run(label)
