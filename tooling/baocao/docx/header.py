"""The top of page 1: the header block (agencies | national motto) and the title.

Layout per Nghị định 30/2020/NĐ-CP, Phụ lục I: a borderless two-column table.
Row 1: parent agency, issuing unit (bold) and its short rule | Quốc hiệu,
Tiêu ngữ and its rule. Row 2: "Số: ..." | place and date in italic.
Then "BÁO CÁO", the trích yếu and a short rule, centred.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.xmlchemy import BaseOxmlElement

from baocao.docx import styles
from baocao.docx.frame import (
    add,
    add_rule,
    borderless_table,
    inner_width,
    move_to_start,
    set_style,
    style_ids,
)
from baocao.docx.meta import DocumentMeta
from baocao.docx.metrics import bold_width
from baocao.docx.nd30 import MOTTO, NATIONAL_TITLE, ND30


def header_block(document: Document, meta: DocumentMeta, nd: ND30) -> list[BaseOxmlElement]:
    """Build the header table and the title at the end of the body; return their elements."""
    ids = style_ids(document)
    left, right = nd.header_left, nd.header_right
    table = borderless_table(document, [left, right], rows=2, outdent=nd.header_outdent)
    agencies, motto = table.cell(0, 0), table.cell(0, 1)
    if meta.co_quan_chu_quan:
        add(agencies, ids[styles.PARENT_AGENCY], meta.co_quan_chu_quan.upper())
    add(agencies, ids[styles.AGENCY], meta.co_quan.upper())
    name = min(bold_width(meta.co_quan.upper(), nd.agency_size), inner_width(left))
    add_rule(add(agencies, ids[styles.RULE]), inner_width(left), name * nd.agency_rule_share)
    add(motto, ids[styles.NATIONAL_TITLE], NATIONAL_TITLE)
    add(motto, ids[styles.MOTTO], MOTTO)
    motto_width = bold_width(MOTTO, nd.motto_size)
    add_rule(add(motto, ids[styles.RULE]), inner_width(right), motto_width)
    add(table.cell(1, 0), ids[styles.NUMBER], meta.number_line)
    add(table.cell(1, 1), ids[styles.PLACE_DATE], meta.date_line)

    kind = set_style(document.add_paragraph(meta.document_type.upper()), ids[styles.DOCUMENT_TYPE])
    title = set_style(document.add_paragraph(meta.title), ids[styles.TITLE])
    title_width = min(bold_width(meta.title, nd.title_size), nd.text_width)
    rule = set_style(document.add_paragraph(), ids[styles.RULE])
    add_rule(rule, nd.text_width, title_width * nd.title_rule_share)
    rule.paragraph_format.space_after = document.styles["Body Text"].paragraph_format.space_after
    elements = [table._tbl, kind._p, title._p, rule._p]
    move_to_start(document, elements)
    return elements
