"""Word files as clerks make them, built with python-docx (no tests here).

Each builder writes one .docx in a way real reports are typed: the header as a
table or as tab-separated lines; headings as bold paragraphs, Word heading
styles or numbered-list paragraphs; a .VnTime section; a reviewer's tracked
changes and comments (revision elements made with python-docx's oxml element
API); a table with merged cells; a picture; the signer as a table or as
right-indented paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import docx
from baocao.lint.legacy import tables
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PICTURE = FIXTURES / "html" / "anh-ngoai.png"
TITLE = "Tổng kết phong trào thi đua, công tác khen thưởng năm 2025, phương hướng nhiệm vụ năm 2026"


def para(doc: Document, text: str, *, bold: bool = False, centred: bool = False, style=None):
    paragraph = doc.add_paragraph(style=style)
    run = paragraph.add_run(text)
    run.bold = bold or None
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def header_table(doc: Document, parent: str, agency: str, number: str, place_date: str) -> None:
    table = doc.add_table(rows=2, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0].add_run(parent)
    left.add_paragraph().add_run(agency).bold = True
    left.add_paragraph("_______")
    right.paragraphs[0].add_run("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    table.cell(1, 0).paragraphs[0].add_run(f"Số: {number}")
    table.cell(1, 1).paragraphs[0].add_run(place_date).italic = True


def header_tabs(doc: Document, parent: str, agency: str, number: str, place_date: str) -> None:
    para(doc, f"{parent}\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    para(doc, f"{agency}\t\tĐộc lập - Tự do - Hạnh phúc", bold=True)
    para(doc, f"Số: {number}\t\t{place_date}")


def title(doc: Document, lines: list[str]) -> None:
    para(doc, "BÁO CÁO", bold=True, centred=True)
    for line in lines:
        para(doc, line, bold=True, centred=True)
    para(doc, "_______", centred=True)


def signer_table(doc: Document, recipients: list[str], signer: list[str]) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    for line in recipients:
        left.add_paragraph(line)
    right.paragraphs[0].add_run(signer[0]).bold = True
    for line in signer[1:]:
        right.add_paragraph(line)


def signer_indented(doc: Document, recipients: list[str], signer: list[str]) -> None:
    para(doc, "Nơi nhận:", bold=True)
    for line in recipients:
        para(doc, line)
    for line in signer:
        paragraph = para(doc, line, bold=True)
        paragraph.paragraph_format.left_indent = Mm(85)


BODY = {
    "I": "Xã Hòa An có 12 thôn, 3.450 hộ dân; Đảng bộ xã có 312 đảng viên.",
    "1": "Ủy ban nhân dân xã ban hành Kế hoạch số 05/KH-UBND phát động phong trào thi đua.",
    "2.1": "Xã hoàn thành 18/18 chỉ tiêu kinh tế - xã hội, thu ngân sách đạt 112% dự toán.",
    "a": "Phong trào “Cả nước chung sức xây dựng nông thôn mới”: làm 2,5 km đường bê tông.",
    "III": "Năm 2026, xã phấn đấu giữ vững danh hiệu xã nông thôn mới nâng cao.",
}
HEADINGS = [
    ("I. ĐẶC ĐIỂM TÌNH HÌNH", 1, "I"),
    ("II. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA, CÔNG TÁC KHEN THƯỞNG NĂM 2025", 1, None),
    ("1. Công tác lãnh đạo, chỉ đạo tổ chức triển khai phong trào thi đua", 2, "1"),
    ("2. Kết quả tổ chức, triển khai các phong trào thi đua", 2, None),
    ("2.1. Kết quả thi đua thực hiện nhiệm vụ chính trị của cơ quan, đơn vị", 3, "2.1"),
    ("2.2. Kết quả triển khai thực hiện phong trào thi đua theo đợt, chuyên đề", 3, None),
    ("a) Các phong trào thi đua do Thủ tướng Chính phủ, Tỉnh ủy, UBND tỉnh phát động", 4, "a"),
    ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2026", 1, "III"),
]
RECIPIENTS = ["- Ban Thi đua - Khen thưởng tỉnh;", "- Lưu: VT."]
SIGNER = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn Bình"]
FRONT = {
    "co_quan_chu_quan": "UBND HUYỆN HÒA BÌNH",
    "co_quan": "UBND XÃ HÒA AN",
    "so_ky_hieu": "15/BC-UBND",
    "dia_danh": "Hòa An",
    "nam": 2025,
    "trich_yeu": TITLE,
    "quyen_han": "TM. ỦY BAN NHÂN DÂN",
    "chuc_vu": "CHỦ TỊCH",
    "nguoi_ky": "Nguyễn Văn Bình",
    "noi_nhan": ["Ban Thi đua - Khen thưởng tỉnh", "Lưu: VT."],
}
PLACE_DATE = "Hòa An, ngày 10 tháng 12 năm 2025"


def _start(header=header_table) -> Document:
    doc = docx.Document()
    header(doc, "UBND HUYỆN HÒA BÌNH", "UBND XÃ HÒA AN", "15/BC-UBND", PLACE_DATE)
    first, second = TITLE.split(", phương")
    title(doc, [f"{first},", f"phương{second}"])
    return doc


def bold_headings(path: Path) -> Path:
    """Header table; headings as bold (and capital) paragraphs; signer table."""
    doc = _start()
    for text, _, key in HEADINGS:
        para(doc, text, bold=True)
        if key:
            para(doc, BODY[key])
    signer_table(doc, RECIPIENTS, SIGNER)
    doc.save(str(path))
    return path


def heading_styles(path: Path) -> Path:
    """Header as tab-separated lines; every heading in "Heading 1" whatever its level;
    signer as right-indented paragraphs under "Nơi nhận:"."""
    doc = _start(header_tabs)
    for text, _, key in HEADINGS:
        doc.add_paragraph(text, style="Heading 1")
        if key:
            para(doc, BODY[key])
    signer_indented(doc, RECIPIENTS, SIGNER)
    doc.save(str(path))
    return path


ROMAN_LIST_ID = "90"


def roman_list_numbering(doc: Document) -> str:
    """A four-level list "I." / "1." / "1.1." / "a)"; returns its numId."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), ROMAN_LIST_ID)
    for ilvl, (fmt, text) in enumerate(
        [("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3."), ("lowerLetter", "%4)")]
    ):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), ROMAN_LIST_ID)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), ROMAN_LIST_ID)
    num.append(ref)
    numbering.append(num)
    return ROMAN_LIST_ID


def _number(paragraph, num_id: str, ilvl: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = int(num_id)


LIST_LEVELS = {"I": 0, "II": 0, "III": 0, "1": 1, "2": 1, "2.1": 2, "2.2": 2, "a": 3}


def numbered_list(path: Path) -> Path:
    """Headings as bold paragraphs of a Word numbered list (the labels are not text)."""
    doc = _start()
    num_id = roman_list_numbering(doc)
    for text, _, key in HEADINGS:
        label, rest = text.split(" ", 1)
        paragraph = para(doc, rest, bold=True)
        _number(paragraph, num_id, LIST_LEVELS[label.rstrip(".)")])
        if key:
            para(doc, BODY[key])
    signer_table(doc, RECIPIENTS, SIGNER)
    doc.save(str(path))
    return path


def to_tcvn3(text: str) -> str:
    table, _ = tables()
    back = {letter: code for code, letter in table.items()}
    return "".join(back.get(ch, ch) for ch in text)


def to_vni(text: str) -> str:
    _, pairs = tables()
    back = {letter: code for code, letter in pairs}
    return "".join(back.get(ch, ch) for ch in text)


VNTIME = "Phong trào thi đua yêu nước được triển khai sâu rộng đến từng thôn, xóm."
VNI = "Công tác khen thưởng kịp thời, đúng người, đúng việc."


def vntime(path: Path) -> Path:
    """A section typed in .VnTime (TCVN3 bytes), and a VNI paragraph with no font said."""
    doc = _start()
    for text, _, key in HEADINGS:
        para(doc, text, bold=True)
        if key == "I":
            run = doc.add_paragraph().add_run(to_tcvn3(VNTIME))
            run.font.name = ".VnTime"
            para(doc, to_vni(VNI))
        elif key:
            para(doc, BODY[key])
    signer_table(doc, RECIPIENTS, SIGNER)
    doc.save(str(path))
    return path


def revision(tag: str, text: str, change_id: int):
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(change_id))
    element.set(qn("w:author"), "Phòng Nội vụ")
    element.set(qn("w:date"), "2025-12-09T08:00:00Z")
    run = OxmlElement("w:r")
    text_el = OxmlElement("w:delText" if tag == "w:del" else "w:t")
    text_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text_el.text = text
    run.append(text_el)
    element.append(run)
    return element


REVIEWED = ("Xã hoàn thành ", "18/18", "17/18", " chỉ tiêu kinh tế - xã hội.")


def tracked_changes(path: Path) -> Path:
    """A reviewer replaced "18/18" by "17/18" (a deletion and an insertion) and commented."""
    doc = _start()
    for text, _, key in HEADINGS:
        para(doc, text, bold=True)
        if key == "2.1":
            before, old, new, after = REVIEWED
            paragraph = para(doc, before)
            paragraph._p.append(revision("w:del", old, 1))
            paragraph._p.append(revision("w:ins", new, 2))
            tail = paragraph.add_run(after)
            doc.add_comment(
                tail, text="Số liệu cần khớp với báo cáo kinh tế - xã hội.", author="Chị Lan"
            )
        elif key:
            para(doc, BODY[key])
    signer_table(doc, RECIPIENTS, SIGNER)
    doc.save(str(path))
    return path


def merged_and_picture(path: Path) -> Path:
    """A table whose title row spans every column and a picture under it."""
    doc = _start()
    for text, _, key in HEADINGS:
        para(doc, text, bold=True)
        if key == "a":
            table = doc.add_table(rows=3, cols=3)
            top = table.cell(0, 0).merge(table.cell(0, 2))
            top.text = "Kết quả khen thưởng năm 2025"
            for col, value in enumerate(["Hình thức", "Tập thể", "Cá nhân"]):
                table.cell(1, col).text = value
            for col, value in enumerate(["Giấy khen", "3", "12"]):
                table.cell(2, col).text = value
            doc.add_paragraph().add_run().add_picture(str(PICTURE), width=Mm(40))
        elif key:
            para(doc, BODY[key])
    signer_table(doc, RECIPIENTS, SIGNER)
    doc.save(str(path))
    return path


def styled_list_headings(path: Path) -> Path:
    """Headings in "Heading 1".."Heading 4" whose numbers come from the styles' multilevel
    list (as in many Word templates), "Số:" and the date under a one-row header table."""
    doc = docx.Document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].add_run("UBND HUYỆN HÒA BÌNH")
    table.cell(0, 0).add_paragraph().add_run("UBND XÃ HÒA AN").bold = True
    table.cell(0, 1).paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    table.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    para(doc, f"Số: 15/BC-UBND\t\t{PLACE_DATE}")
    first, second = TITLE.split(", phương")
    title(doc, [f"{first},", f"phương{second}"])
    num_id = roman_list_numbering(doc)
    for level in range(4):
        style = doc.styles[f"Heading {level + 1}"]
        num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = int(num_id)
    for text, _, key in HEADINGS:
        label, rest = text.split(" ", 1)
        doc.add_paragraph(rest, style=f"Heading {LIST_LEVELS[label.rstrip('.)')] + 1}")
        if key:
            para(doc, BODY[key])
    signer_table(doc, RECIPIENTS, SIGNER)
    doc.save(str(path))
    return path


def header_in_page_header(path: Path) -> Path:
    """The header table in Word's page header of page 1; capitals typed in .VnTimeH;
    lettered headings in italics, not bold."""
    doc = docx.Document()
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    page = section.first_page_header
    table = page.add_table(rows=2, cols=2, width=Mm(170))
    table.cell(0, 0).paragraphs[0].add_run("UBND HUYỆN HÒA BÌNH")
    table.cell(0, 0).add_paragraph().add_run("UBND XÃ HÒA AN").bold = True
    table.cell(0, 1).paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    table.cell(1, 0).paragraphs[0].add_run("Số: 15/BC-UBND")
    table.cell(1, 1).paragraphs[0].add_run(PLACE_DATE)
    first, second = TITLE.split(", phương")
    title(doc, [f"{first},", f"phương{second}"])
    for text, _, key in HEADINGS:
        if text.startswith("a)"):
            doc.add_paragraph().add_run(text).italic = True
        elif text.startswith("I. "):
            run = doc.add_paragraph().add_run(to_tcvn3(text.lower()))
            run.font.name = ".VnTimeH"
            run.bold = True
        else:
            para(doc, text, bold=True)
        if key:
            para(doc, BODY[key])
    signer_table(doc, RECIPIENTS, SIGNER)
    doc.save(str(path))
    return path
