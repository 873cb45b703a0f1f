"""The layout facts of Nghị định 30/2020/NĐ-CP, Phụ lục I, as one dataclass.

Every length is in millimetres and every size in points, so the values read like
the decree. Where the decree gives a range, the default is the usual choice within
it; ``ND30.from_settings`` applies the project's settings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from baocao.config import Settings

FONT = "Times New Roman"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NUMBER_LABEL = "Số:"
RECIPIENTS_LABEL = "Nơi nhận:"
DRAFT_MARK = "DỰ THẢO"
DRAFT_SUFFIX = "-du-thao"
# A doctree container whose content goes on landscape pages (a wide table).
LANDSCAPE_CLASS = "baocao-landscape"


@dataclass(frozen=True)
class ND30:
    """Page, type and block geometry of an administrative document."""

    page_width: float = 210.0
    page_height: float = 297.0
    margin_top: float = 20.0
    margin_bottom: float = 20.0
    margin_left: float = 30.0
    margin_right: float = 15.0
    header_distance: float = 10.0
    font: str = FONT
    body_size: float = 14.0
    first_line_indent: float = 12.7
    space_after: float = 6.0
    line_spacing: float = 1.0
    table_size: float = 13.0
    agency_size: float = 13.0
    national_title_size: float = 12.0
    motto_size: float = 13.0
    number_size: float = 13.0
    title_size: float = 14.0
    recipients_label_size: float = 12.0
    recipients_size: float = 11.0
    # Header table: it reaches ``header_outdent`` into the left margin, as the decree's
    # samples do, so that the unit's name and the Quốc hiệu each fit on one line.
    header_outdent: float = 5.0
    header_left: float = 76.0
    # Signature table, across the text width.
    signature_left: float = 70.0
    # Short rules: the unit's line as a share of its name, the title's as a share of the text.
    agency_rule_share: float = 0.4
    title_rule_share: float = 0.3
    signature_space: float = 72.0

    @property
    def text_width(self) -> float:
        return self.page_width - self.margin_left - self.margin_right

    @property
    def landscape_text_width(self) -> float:
        """The text width of a page turned to landscape, with the same margins."""
        return self.page_height - self.margin_left - self.margin_right

    @property
    def header_right(self) -> float:
        return self.text_width + self.header_outdent - self.header_left

    @classmethod
    def from_settings(cls, settings: Settings) -> ND30:
        return replace(
            cls(),
            body_size=float(settings.docx_font_size),
            margin_top=float(settings.docx_margin_top),
            margin_bottom=float(settings.docx_margin_bottom),
            margin_left=float(settings.docx_margin_left),
            margin_right=float(settings.docx_margin_right),
        )
