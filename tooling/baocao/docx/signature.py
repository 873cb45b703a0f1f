"""The end of the document: recipients (left) and the signature block (right).

"Nơi nhận:" in bold italic, then each recipient as "- x;", the last ("Lưu: ...")
ending with "."; on the right the quyền hạn (TM., KT., ...), the signer's title,
room for the signature and seal, and the signer's name, all bold and centred.
"""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt
from docx.table import Table

from baocao.docx import styles
from baocao.docx.frame import add, borderless_table, style_ids
from baocao.docx.meta import DocumentMeta
from baocao.docx.nd30 import ND30, RECIPIENTS_LABEL
from baocao.docx.ooxml import element

SPACE_ABOVE = 12.0  # pt between the body and the block


def signature_block(document: Document, meta: DocumentMeta, nd: ND30) -> Table:
    """Append the recipients and signature table to the body."""
    left = nd.signature_left
    table = borderless_table(document, [left, nd.text_width - left])
    table.rows[0]._tr.get_or_add_trPr().append(element("w:cantSplit"))
    ids = style_ids(document)
    recipients, signer = table.cell(0, 0), table.cell(0, 1)
    add(recipients, ids[styles.RECIPIENTS_LABEL], RECIPIENTS_LABEL)
    for line in meta.recipient_lines():
        add(recipients, ids[styles.RECIPIENTS], line)
    if meta.quyen_han:
        add(signer, ids[styles.SIGNER], meta.quyen_han.upper())
    add(signer, ids[styles.SIGNER], meta.chuc_vu.upper())
    add(signer, ids[styles.SIGNER_NAME], meta.nguoi_ky)
    for cell in (recipients, signer):
        cell.paragraphs[0].paragraph_format.space_before = Pt(SPACE_ABOVE)
    return table
