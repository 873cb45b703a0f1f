"""The reference document pandoc takes its styles and page setup from, made by code.

It starts from pandoc's own default reference (so every style pandoc writes
exists, and nothing else) and restyles it: ND30 page setup, Times New Roman in
every slot, the body, heading, table and block styles of ``styles.py``, and
borders on pandoc's "Table" table style.
"""

from __future__ import annotations

import io
import subprocess

import docx
import pypandoc
from docx.document import Document
from docx.oxml.ns import qn

from baocao.docx import ooxml
from baocao.docx.nd30 import ND30
from baocao.docx.package import document_bytes
from baocao.docx.typography import apply_styles, enforce_fonts, setup_page

TABLE_STYLE = "Table"


def pandoc_default_reference() -> bytes:
    """pandoc's built-in reference.docx."""
    command = [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"]
    return subprocess.run(command, check=True, capture_output=True).stdout


def reference_docx(nd: ND30) -> bytes:
    """The reference .docx for ``nd``, as reproducible bytes."""
    document = docx.Document(io.BytesIO(pandoc_default_reference()))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    setup_page(document.sections[0], nd)
    apply_styles(document, nd)
    _table_style(document)
    enforce_fonts(document, nd)
    return document_bytes(document)


def _table_style(document: Document) -> None:
    style = document.styles[TABLE_STYLE].element
    tbl_pr = style.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = ooxml.element("w:tblPr")
        style.insert_element_before(tbl_pr, "w:trPr", "w:tcPr", "w:tblStylePr")
    ooxml.table_borders(tbl_pr)
