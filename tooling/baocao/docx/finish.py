"""What pandoc cannot express, done with python-docx on pandoc's output.

Page setup, the header block and title, the signature and recipients block,
page numbers from page 2 (a different first page), the draft mark, body tables
with borders and a bold repeated header row, landscape sections for wide
tables, fonts in every slot, the core properties, and reproducible bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from baocao.docx import ooxml, styles
from baocao.docx.fields import add_page_number
from baocao.docx.frame import set_style, style_ids
from baocao.docx.header import header_block
from baocao.docx.landscape import landscape_sections
from baocao.docx.meta import DocumentMeta
from baocao.docx.nd30 import DRAFT_MARK, ND30
from baocao.docx.package import document_bytes
from baocao.docx.signature import signature_block
from baocao.docx.typography import LANGUAGE, enforce_fonts, setup_page

# Package parts pandoc copies from its own reference (statistics of a sample file).
_DROPPED_PARTS = (RT.EXTENDED_PROPERTIES, RT.CUSTOM_PROPERTIES)


def finish(data: bytes, meta: DocumentMeta, nd: ND30) -> bytes:
    """Turn pandoc's .docx into the administrative document; return its bytes."""
    return document_bytes(finished(data, meta, nd), meta.stamp)


def finished(
    data: bytes, meta: DocumentMeta, nd: ND30, prepare: Callable[[Document], None] | None = None
) -> Document:
    """pandoc's .docx made the administrative document, not yet saved; ``prepare``, when
    given, changes pandoc's document first."""
    document = docx.Document(io.BytesIO(data))
    if prepare is not None:
        prepare(document)
    section = document.sections[0]
    setup_page(section, nd)
    format_body_tables(document, nd)
    header_block(document, meta, nd)
    signature_block(document, meta, nd)
    page_headers(document, meta)
    landscape_sections(document, nd)
    enforce_fonts(document, nd)
    set_properties(document, meta)
    return document


def format_body_tables(document: Document, nd: ND30) -> None:
    """Borders on every cell, header rows bold and repeated, columns across the text width."""
    for table in document.tables:
        ooxml.table_borders(table._tbl.tblPr)
        grid = table._tbl.tblGrid.gridCol_lst
        total = sum(col.w or 0 for col in grid) or 1
        for index, col in enumerate(grid):
            table.columns[index].width = Mm(nd.text_width * (col.w or 0) / total)
        following = table._tbl.getnext()
        if following is not None and following.tag == qn("w:p"):
            following.get_or_add_pPr().get_or_add_spacing().before = Pt(nd.space_after)
        for row in table.rows:
            tr_pr = row._tr.trPr
            if tr_pr is None or tr_pr.find(qn("w:tblHeader")) is None:
                continue
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.bold = True


def page_headers(document: Document, meta: DocumentMeta) -> None:
    """Page numbers centred in the header from page 2; the draft mark on every page."""
    ids = style_ids(document)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    number = set_style(header.paragraphs[0], ids[styles.PAGE_NUMBER])
    add_page_number(number)
    if meta.draft:
        _draft_mark(first.paragraphs[0], ids[styles.DRAFT_MARK])
        _draft_mark(number.insert_paragraph_before(), ids[styles.DRAFT_MARK])


def _draft_mark(paragraph: Paragraph, style_id: str) -> None:
    set_style(paragraph, style_id)
    run = paragraph.add_run(DRAFT_MARK)
    ooxml.run_border(run._r.get_or_add_rPr())


def set_properties(document: Document, meta: DocumentMeta) -> None:
    """Title, author (the issuing unit) and dates from the report; nothing from this machine."""
    props = document.core_properties
    stamp = dt.datetime.combine(meta.stamp or dt.date(1980, 1, 1), dt.time())
    props.title = meta.title
    props.subject = meta.document_type
    props.author = meta.co_quan
    props.last_modified_by = meta.co_quan
    props.identifier = meta.so_ky_hieu
    props.language = LANGUAGE
    props.keywords = ""
    props.comments = ""
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in _DROPPED_PARTS:
            package.rels.pop(rel_id)
