"""Vietnamese for the few texts docutils itself generates (admonition titles, field names).

Docutils ships no ``vi`` language module, so with ``language = "vi"`` it warns on
every document and falls back to English. ``setup_docutils_vi`` registers this
module as ``docutils.languages.vi`` (and its reStructuredText twin), where docutils'
language importer looks first.
"""

from __future__ import annotations

import sys

from docutils.parsers.rst.languages import en as rst_en

labels = {
    "author": "Tác giả",
    "authors": "Các tác giả",
    "organization": "Cơ quan",
    "address": "Địa chỉ",
    "contact": "Liên hệ",
    "version": "Phiên bản",
    "revision": "Bản sửa",
    "status": "Tình trạng",
    "date": "Ngày",
    "copyright": "Bản quyền",
    "dedication": "Đề tặng",
    "abstract": "Tóm tắt",
    "attention": "Chú ý!",
    "caution": "Thận trọng!",
    "danger": "Nguy hiểm!",
    "error": "Lỗi",
    "hint": "Gợi ý",
    "important": "Quan trọng",
    "note": "Ghi chú",
    "tip": "Mẹo",
    "warning": "Cảnh báo",
    "contents": "Mục lục",
}
bibliographic_fields = {
    "tác giả": "author",
    "các tác giả": "authors",
    "cơ quan": "organization",
    "địa chỉ": "address",
    "liên hệ": "contact",
    "phiên bản": "version",
    "bản sửa": "revision",
    "tình trạng": "status",
    "ngày": "date",
    "bản quyền": "copyright",
    "đề tặng": "dedication",
    "tóm tắt": "abstract",
}
author_separators = [";", ","]
# Directive and role names stay the English ones MyST documents use.
directives = dict(rst_en.directives)
roles = dict(rst_en.roles)


def setup_docutils_vi() -> None:
    """Make ``language_code = "vi"`` resolve to this module in docutils."""
    module = sys.modules[__name__]
    sys.modules.setdefault("docutils.languages.vi", module)
    sys.modules.setdefault("docutils.parsers.rst.languages.vi", module)
