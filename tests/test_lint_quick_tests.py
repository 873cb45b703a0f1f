"""The whole-text quick tests of the text rules never hide what their search finds.

Each rule first asks one cheap question of a whole file (or paragraph) and searches
line by line, run by run, only when the answer is yes. These tests try every short text
over the characters that matter and check that the quick test says yes wherever the
search finds something.
"""

from __future__ import annotations

import itertools
import re

from baocao.lint import lines, tone
from baocao.lint.rules.text import StrayWhitespace, _may_have_stray_whitespace
from baocao.lint.rules.typography import SpaceBeforePunctuation


def _texts(alphabet: str, longest: int) -> list[str]:
    return [
        "".join(chars)
        for size in range(1, longest + 1)
        for chars in itertools.product(alphabet, repeat=size)
    ]


def test_a_tone_style_is_never_hidden_by_its_sign() -> None:
    alphabet = "qQhoOuUàÀỳÝẹòÒùỤaEyYn "
    found = 0
    for text in _texts(alphabet, 3):
        for style in ("hòa", "hoà"):
            if tone.pattern(style).search(text):
                found += 1
                assert tone.find(text, style), (text, style)
    assert found > 100  # the alphabet makes both styles, in both cases
    assert tone.find("Hòa bình, THỦY lợi, khỏe", "hòa") == ["òa", "ỦY", "ỏe"]
    assert tone.find("quý, hoàn thành", "hoà") == []


def test_the_stray_whitespace_file_test_never_hides_a_line_that_has_some() -> None:
    found = 0
    for text in _texts(" a\t\n\r\u00a0", 6):
        if any(StrayWhitespace.PATTERN.search(line) for line in lines.split(text)):
            found += 1
            assert _may_have_stray_whitespace(text), repr(text)
    assert found > 10_000
    assert _may_have_stray_whitespace("Một dòng. \r\nDòng sau.\r\n")  # Word's line ends
    assert not _may_have_stray_whitespace("---\nnoi_nhan:\n  - Sở Nội vụ\n---\nMột dòng.\n")


def test_the_sign_of_a_space_before_punctuation_is_the_one_it_replaced() -> None:
    before = re.compile(r"[,;:.!?)\]”»](?<= .)|[(\[“«](?= )")
    for text in _texts(" ,.(“)a»", 5):
        assert bool(SpaceBeforePunctuation.SIGN.search(text)) == bool(before.search(text)), text
