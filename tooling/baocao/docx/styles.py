"""The Word styles of the report, as data derived from the ND30 values.

``reference.py`` writes them into the reference document pandoc uses; the
finisher applies the ``ND30 ...`` styles to the header, title and signature
blocks it builds. Word's built-in names (Normal, Body Text, Heading 1, ...) are
kept so that the navigation pane and a table of contents work.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.text import WD_ALIGN_PARAGRAPH

from baocao.docx.nd30 import ND30

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT

PARENT_AGENCY = "ND30 Parent Agency"
AGENCY = "ND30 Agency"
NUMBER = "ND30 Number"
NATIONAL_TITLE = "ND30 National Title"
MOTTO = "ND30 Motto"
PLACE_DATE = "ND30 Place Date"
RULE = "ND30 Rule"
DOCUMENT_TYPE = "ND30 Document Type"
TITLE = "ND30 Title"
RECIPIENTS_LABEL = "ND30 Recipients Label"
RECIPIENTS = "ND30 Recipients"
SIGNER = "ND30 Signer"
SIGNER_NAME = "ND30 Signer Name"
DRAFT_MARK = "ND30 Draft Mark"
PAGE_NUMBER = "Header"
HEADINGS = tuple(f"Heading {level}" for level in range(1, 7))


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style; None leaves a property to the base style."""

    name: str
    base: str | None = "Normal"
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    align: WD_ALIGN_PARAGRAPH | None = None
    first_line: float | None = None  # mm
    left: float | None = None  # mm
    before: float | None = None  # pt
    after: float | None = None  # pt
    line_spacing: float | None = None
    keep_with_next: bool | None = None


def paragraph_styles(nd: ND30) -> list[StyleSpec]:
    """Every paragraph style the report uses, in the order they must be created."""
    body = nd.body_size
    block = {"before": 0.0, "after": 0.0, "align": CENTER, "first_line": 0.0}
    heading = {
        "size": body,
        "bold": True,
        "align": JUSTIFY,
        "first_line": nd.first_line_indent,
        "before": nd.space_after,
        "after": nd.space_after,
        "line_spacing": nd.line_spacing,
        "keep_with_next": True,
    }
    return [
        StyleSpec(
            "Normal",
            None,
            size=body,
            align=LEFT,
            before=0.0,
            after=0.0,
            line_spacing=nd.line_spacing,
        ),
        StyleSpec(
            "Body Text",
            size=body,
            align=JUSTIFY,
            first_line=nd.first_line_indent,
            before=0.0,
            after=nd.space_after,
        ),
        StyleSpec("First Paragraph", "Body Text"),
        StyleSpec("Block Text", "Body Text", italic=True, left=10.0),
        StyleSpec("Compact", size=nd.table_size, align=LEFT, first_line=0.0, before=1.0, after=1.0),
        StyleSpec(
            "Table Caption",
            size=nd.table_size,
            bold=True,
            align=CENTER,
            before=6.0,
            after=3.0,
            keep_with_next=True,
        ),
        StyleSpec("Footnote Text", size=12.0, align=JUSTIFY, before=0.0, after=0.0),
        *[StyleSpec(name, italic=index >= 3, **heading) for index, name in enumerate(HEADINGS)],
        StyleSpec(PAGE_NUMBER, size=body, align=CENTER),
        StyleSpec(PARENT_AGENCY, size=nd.agency_size, bold=False, **block),
        StyleSpec(AGENCY, size=nd.agency_size, bold=True, **block),
        StyleSpec(NUMBER, size=nd.number_size, **{**block, "before": 6.0}),
        StyleSpec(NATIONAL_TITLE, size=nd.national_title_size, bold=True, **block),
        StyleSpec(MOTTO, size=nd.motto_size, bold=True, **block),
        StyleSpec(PLACE_DATE, size=body, italic=True, **{**block, "before": 6.0}),
        StyleSpec(RULE, size=1.0, **{**block, "before": 3.0}),
        StyleSpec(
            DOCUMENT_TYPE, size=body, bold=True, **{**block, "before": 18.0}, keep_with_next=True
        ),
        StyleSpec(TITLE, size=nd.title_size, bold=True, **block, keep_with_next=True),
        StyleSpec(
            RECIPIENTS_LABEL,
            size=nd.recipients_label_size,
            bold=True,
            italic=True,
            **{**block, "align": LEFT},
        ),
        StyleSpec(RECIPIENTS, size=nd.recipients_size, **{**block, "align": LEFT}),
        StyleSpec(SIGNER, size=body, bold=True, **block),
        StyleSpec(SIGNER_NAME, size=body, bold=True, **{**block, "before": nd.signature_space}),
        StyleSpec(DRAFT_MARK, size=body, bold=True, **{**block, "align": RIGHT}),
    ]
