"""Build one Word report of the Word corpus from its plain-data description (no tests here).

A description (``reports/<slug>.yaml``) says how the office typed the report:
``header`` (a borderless two-column table, or tab-separated lines), ``headings``
(``styles``: Word's "Heading n" styles; ``bold``: bold "Normal" paragraphs; ``caps``:
bold paragraphs, level-1 headings in capitals; ``caps_all``: every heading bold in
capitals; ``autonum``: bold paragraphs whose "I." / "1." / "2.1." / "a)" come from
Word's list numbering, not typed), ``letters: italic`` (the "a)" headings in italics,
not bold), the sections in order with their bodies (a "Phần thứ ..." wrapper is a bold
centred line), and the signer block (a table, or right-indented paragraphs). A body
item is a paragraph's text or one of: ``table`` (rows, cells to merge),
``page_break``, ``tracked`` (a reviewer's deletion and insertion left unaccepted),
``comment`` (a reviewer's comment).
The document model is made with python-docx and its oxml element API.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import yaml
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.shared import Mm
from word_samples import ROMAN_LIST_ID, para, revision, roman_list_numbering

HERE = Path(__file__).resolve().parent
REPORTS = HERE / "reports"


def descriptions() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in sorted(REPORTS.glob("*.yaml"))}


def level_of(number: str) -> int:
    """0 for "Phần thứ ...", 1 for "I.", 2 for "1.", 3 for "2.1.", 4 for "a)"."""
    if not number or number.startswith("Phần"):
        return 0
    if number.endswith(")"):
        return 4
    if re.fullmatch(r"[IVX]+\.", number):
        return 1
    return 3 if number.count(".") >= 2 else 2


def header(doc: Document, spec: dict) -> None:
    if spec.get("style", "table") == "tabs":
        para(doc, f"{spec['parent']}\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        para(doc, f"{spec['agency']}\t\tĐộc lập - Tự do - Hạnh phúc", bold=True)
        para(doc, f"Số: {spec['number']}\t\t{spec['place_date']}")
        return
    table = doc.add_table(rows=2, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0].add_run(spec["parent"])
    left.add_paragraph().add_run(spec["agency"]).bold = True
    left.add_paragraph("_______")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    right.add_paragraph("_______________")
    table.cell(1, 0).paragraphs[0].add_run(f"Số: {spec['number']}")
    table.cell(1, 1).paragraphs[0].add_run(spec["place_date"]).italic = True


def title(doc: Document, lines: list[str]) -> None:
    para(doc, "BÁO CÁO", bold=True, centred=True)
    for line in lines:
        para(doc, line, bold=True, centred=True)
    para(doc, "_______", centred=True)


def heading(doc: Document, spec: dict, number: str, text: str) -> None:
    how, level = spec["headings"], level_of(number)
    typed = f"{number} {text}".strip()
    if level == 4 and spec.get("letters") == "italic":
        doc.add_paragraph().add_run(typed).italic = True
    elif level == 0 and how != "styles":
        para(doc, typed, bold=True, centred=True)
    elif how == "styles":
        doc.add_paragraph(typed, style=f"Heading {max(level, 1)}")
    elif how == "autonum" and level:
        paragraph = para(doc, text, bold=True)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level - 1
        num_pr.get_or_add_numId().val = int(ROMAN_LIST_ID)
    elif (how == "caps" and level <= 1) or how == "caps_all":
        para(doc, typed.upper(), bold=True)
    else:
        para(doc, typed, bold=True)


def table(doc: Document, spec: dict) -> None:
    rows = spec["rows"]
    made = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    made.style = doc.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                made.cell(r, c).text = str(value)
    for r0, c0, r1, c1 in spec.get("merge", []):
        kept = made.cell(r0, c0).text
        merged = made.cell(r0, c0).merge(made.cell(r1, c1))
        merged.text = kept


def body_item(doc: Document, item) -> None:
    if isinstance(item, str):
        para(doc, item)
    elif "table" in item:
        table(doc, item["table"])
    elif "page_break" in item:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif "tracked" in item:
        before, old, new, after = item["tracked"]
        paragraph = para(doc, before)
        paragraph._p.append(revision("w:del", old, 1))
        paragraph._p.append(revision("w:ins", new, 2))
        paragraph.add_run(after)
    elif "comment" in item:
        text, note = item["comment"]
        run = doc.add_paragraph().add_run(text)
        doc.add_comment(run, text=note, author="Trưởng phòng")


def signer(doc: Document, spec: dict) -> None:
    if spec.get("style", "table") == "indented":
        para(doc, "Nơi nhận:", bold=True)
        for line in spec["recipients"]:
            para(doc, line)
        for line in spec["lines"]:
            para(doc, line, bold=True).paragraph_format.left_indent = Mm(85)
        return
    made = doc.add_table(rows=1, cols=2)
    left, right = made.cell(0, 0), made.cell(0, 1)
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    for line in spec["recipients"]:
        left.add_paragraph(line)
    right.paragraphs[0].add_run(spec["lines"][0]).bold = True
    for line in spec["lines"][1:]:
        right.add_paragraph(line)


def build(spec: dict, path: Path) -> Path:
    doc = docx.Document()
    header(doc, spec["header"])
    title(doc, spec["title"])
    how = spec["headings"]
    if how == "autonum":
        roman_list_numbering(doc)
    for number, text, *body in spec["sections"]:
        heading(doc, spec, number, text)
        for item in body:
            body_item(doc, item)
    signer(doc, spec["signer"])
    doc.save(str(path))
    return path
