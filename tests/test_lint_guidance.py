"""Guidance left in (BC203, and ``written``): a paragraph is folded alike however its
white space is found."""

from __future__ import annotations

import sys

from baocao.lint.rules.content import one_spaced
from hypothesis import given, settings
from hypothesis import strategies as st

# every white space character there is, a few that are neither space nor printable,
# and letters with and without marks
SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
PIECES = st.sampled_from([*SPACES, "\u200b", "\x00", "\u00ad", *"aĐặc", "điểm", "- ", "• "])


@settings(max_examples=1000, deadline=None)
@given(pieces=st.lists(PIECES, max_size=25))
def test_white_space_is_made_one_space_as_splitting_makes_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert one_spaced(text) == " ".join(text.split())


def test_a_paragraph_on_two_lines_is_on_one() -> None:
    assert one_spaced("Nêu khái quát\nđặc điểm ") == "Nêu khái quát đặc điểm"
    assert one_spaced("a \n\u00a0b\tc") == "a b c"
    assert len(SPACES) > 20  # the table above is not empty by mistake
