"""What pandoc cannot bring over, found before it reads the file: embedded objects (an
Excel table pasted as an object, an equation of the old editor) and charts. Each is named
in the import report with the text of the paragraph that holds it."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn

from baocao.text import squash

CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"


@dataclass(frozen=True)
class Unsupported:
    kind: str  # "object" or "chart"
    text: str  # the paragraph's text


def find_unsupported(document: Document) -> list[Unsupported]:
    found: list[Unsupported] = []
    body = document.element.body
    for paragraph in body.iter(qn("w:p")):
        kinds = []
        if paragraph.find(f".//{qn('w:object')}") is not None:
            kinds.append("object")
        if any(g.get("uri") == CHART for g in paragraph.iter(qn("a:graphicData"))):
            kinds.append("chart")
        if kinds:
            text = squash("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
            found += [Unsupported(kind, text) for kind in kinds]
    return found
