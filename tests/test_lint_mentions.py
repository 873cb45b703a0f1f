"""BC204's mentions: a word found as written before folding the body never changes which
mentions a body names."""

from __future__ import annotations

import re
from functools import cache

import pytest
from baocao.forms import Mention, load_form
from baocao.lint import headings, mentions
from hypothesis import given, settings
from hypothesis import strategies as st
from lint_helpers import ROOT

# mentions whose words folding may not keep whole: an abbreviation's letters, a mark that
# stays, a stray mark first, "Σ", two spaces, punctuation at an end
TRICKY = (
    Mention("NTM", ("xây dựng ntm", "ntm")),
    Mention("BCH", ("Bch mới", "ban chấp hành")),
    Mention("Sigma", ("ΣΟΦΙΑ", "ΟΔΟΣ")),
    Mention("mark", ("\u0301án", "a\u0483b", "\u0958")),  # क़: क and a nukta that stays
    Mention("spaces", ("hai  dấu cách", "điểm cuối.")),
    Mention("tone", ("văn hoá công sở",)),
)


MARKS = ("\u0301", "\u0323", "\u0483", "\u20d2", "Σ", "Α", "İ", "b")


@cache
def form_mentions() -> tuple[Mention, ...]:
    form = load_form((ROOT / "_templates" / "forms").resolve(), "mau-02")
    return tuple(m for node in form.walk() for m in node.mentions)


def _pieces() -> list[str]:
    words = [w for m in (*form_mentions(), *TRICKY) for w in m.words]
    return [
        *words,
        *(w.capitalize() for w in words),
        *(w.upper() for w in words),
        *["NTM", "ntm", "CCHC", "UBND", "HĐND", "Bch", "hoá", "hóa", "mới"],
        *(
            "\u0301",
            "\u0323",
            "\u0483",
            "\u20d2",
            "Σ",
            "İ",
            "\u00a0",
            "  ",
            "\n",
            " ",
            ", ",
            ".",
            "–",
        ),
    ]


def _plain(body: str, wanted: tuple[Mention, ...]) -> list[Mention]:
    """BC204 as it read before: fold the whole body, then look for each mention's words."""
    folded = mentions.fold(body)
    if not folded:
        return []
    return [m for m in wanted if not any(w in folded for w in mentions.folded_words(m))]


@settings(max_examples=600, deadline=None)
@given(data=st.data())
def test_a_body_names_the_same_mentions_however_it_is_searched(data) -> None:
    pieces = data.draw(st.lists(st.sampled_from(_pieces()), max_size=30))
    body = data.draw(st.sampled_from([" ", "", "\n"])).join(pieces)
    wanted = (*form_mentions(), *TRICKY)
    assert mentions.missing(body, wanted) == _plain(body, wanted)


@settings(max_examples=600, deadline=None)
@given(
    pieces=st.lists(st.sampled_from([*(w for m in TRICKY for w in m.words), *MARKS]), max_size=8)
)
def test_the_words_folding_could_change_are_looked_for_folded(pieces: list[str]) -> None:
    """Words and marks run together, the one case where a mark after a word moves."""
    body = "".join(pieces)
    assert mentions.missing(body, TRICKY) == _plain(body, TRICKY)


def test_a_word_an_abbreviation_could_cut_into_is_looked_for_folded(monkeypatch) -> None:
    """An abbreviation ending in a stop ("TP.") takes in the stop a word starts with."""
    pattern = re.compile(r"(?<!\w)(?:TP\.)(?!\w)", re.IGNORECASE)
    fake = lambda: (pattern, {"TP.": "thành phố"})  # noqa: E731
    monkeypatch.setattr(headings, "abbreviations", fake)
    monkeypatch.setattr(mentions, "abbreviations", fake)
    city = Mention("city", (". hồ chí minh",))
    mentions._as_written.cache_clear()
    try:
        assert mentions.missing("TP. hồ chí minh", (city,)) == [city]
        assert mentions.missing("Tại TP Hồ Chí Minh . hồ chí minh", (city,)) == []
    finally:
        mentions._as_written.cache_clear()


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("Phong trào xây dựng nông thôn mới đạt 98%.", "Cả nước chung sức xây dựng nông thôn mới"),
        ("Xây dựng NTM đạt 98%.", "Cả nước chung sức xây dựng nông thôn mới"),
        (
            "VĂN HOÁ CÔNG SỞ được duy trì.",
            "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        ),
    ],
)
def test_a_mention_written_any_way_is_named(body: str, named: str) -> None:
    names = [m.name for m in mentions.missing(body, form_mentions())]
    assert named not in names and len(names) == len(form_mentions()) - 1


def test_a_word_folding_could_change_is_looked_for_only_folded() -> None:
    kept = {w for m in TRICKY for w in mentions._as_written(m)}
    assert kept == {"ban chấp hành", "văn hoá công sở"}
    assert all(mentions._as_written(m) == m.words for m in form_mentions())
