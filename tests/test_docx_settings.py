"""The Word file's size and margins follow [tool.baocao], within the decree's ranges."""

from __future__ import annotations

import io

import docx
import pytest
from baocao.config import Settings
from baocao.docx.nd30 import ND30
from baocao.docx.reference import reference_docx
from baocao.errors import ConfigError


def test_settings_choose_size_and_margins_in_range() -> None:
    settings = Settings(
        docx_font_size=13,
        docx_margin_top=25,
        docx_margin_bottom=22,
        docx_margin_left=35,
        docx_margin_right=20,
    )
    nd = ND30.from_settings(settings)
    assert (nd.body_size, nd.margin_top, nd.margin_bottom) == (13.0, 25.0, 22.0)
    section = docx.Document(io.BytesIO(reference_docx(nd))).sections[0]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm, 1) for m in margins] == [25.0, 22.0, 35.0, 20.0]


def test_defaults_are_the_decree_defaults() -> None:
    nd = ND30.from_settings(Settings())
    assert (nd.body_size, nd.margin_top, nd.margin_bottom, nd.margin_left, nd.margin_right) == (
        14.0,
        20.0,
        20.0,
        30.0,
        15.0,
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("docx_margin_top", 19),
        ("docx_margin_left", 36),
        ("docx_margin_right", 14.5),
        ("docx_font_size", 12),
    ],
)
def test_values_outside_the_decree_are_refused(key: str, value: float) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings(**{key: value})
    assert key in caught.value.render("vi")
