"""The site's small parts: dates, recipients, the safety policy, the search folding."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from baocao.sphinxext.document import recipient_lines, vietnamese_date
from baocao.sphinxext.policy import UnitScope, directive_refusal, unit_index, unit_slug
from baocao.sphinxext.search import SearchVietnamese

ALLOWED = frozenset({"note", "figure", "csv-table"})


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2024-01-05", "Bình Minh, ngày 05 tháng 01 năm 2024"),
        ("2024-02-29", "Bình Minh, ngày 29 tháng 02 năm 2024"),
        ("2024-03-09", "Bình Minh, ngày 09 tháng 3 năm 2024"),
        ("2023-12-15", "Bình Minh, ngày 15 tháng 12 năm 2023"),
    ],
)
def test_place_and_date_per_nd30(iso: str, expected: str) -> None:
    assert vietnamese_date("Bình Minh", iso) == expected


def test_recipients_end_with_semicolons_and_a_final_period() -> None:
    lines = recipient_lines(["Sở Nội vụ;", " UBND huyện ", "", "Lưu: VT, TĐKT."])
    assert lines == ["- Sở Nội vụ;", "- UBND huyện;", "- Lưu: VT, TĐKT."]


@pytest.fixture
def scope(tmp_path: Path) -> UnitScope:
    unit = tmp_path / "reports" / "don-vi"
    (unit / "hinh").mkdir(parents=True)
    (tmp_path / "bi-mat.txt").write_text("x", "utf-8")
    (unit / "lien-ket").symlink_to(tmp_path / "bi-mat.txt")
    return UnitScope(unit, tmp_path)


@pytest.mark.parametrize(
    ("target", "inside"),
    [
        ("hinh/bieu-do.png", True),
        ("./phu-luc.md", True),
        ("/reports/don-vi/hinh/a.png", True),
        ("../khac/a.png", False),
        ("../../bi-mat.txt", False),
        ("/bi-mat.txt", False),
        ("lien-ket", False),  # a link inside the folder to a file outside it
        ("https://example.com/a.png", False),
        ("//example.com/a.png", False),
        ("data:image/png;base64,AAAA", False),
        ("<isonum.txt>", False),
        ("", False),
    ],
)
def test_only_local_paths_inside_the_unit_are_allowed(
    scope: UnitScope, target: str, inside: bool
) -> None:
    assert scope.contains(target, scope.unit_dir) is inside


def test_directives_refused_whatever_their_arguments() -> None:
    assert directive_refusal("raw", ALLOWED | {"raw"}) == "removed.raw"
    assert directive_refusal("eval-rst", ALLOWED) == "removed.raw"
    assert directive_refusal("sidebar", ALLOWED) == "removed.directive"
    assert directive_refusal("include", ALLOWED) is None  # checked on its path
    assert directive_refusal("note", ALLOWED) is None


def test_documents_belong_to_their_unit() -> None:
    assert unit_slug("reports/so-noi-vu/2-ket-qua/index", "reports") == "so-noi-vu"
    assert unit_slug("reports/README", "reports") is None
    assert unit_slug("index", "reports") is None
    assert unit_slug("data/reports/a/index", "data/reports") == "a"
    assert unit_index("a", "data/reports/") == "data/reports/a/index"


def test_search_words_are_folded_and_nfd_text_is_one_word() -> None:
    search = SearchVietnamese({})
    decomposed = unicodedata.normalize("NFD", "khen thưởng")  # as some editors type it
    assert decomposed != "khen thưởng"
    assert search.split(decomposed) == ["khen", "thưởng"]
    assert [search.stem(w) for w in search.split("Khen Thưởng ĐỘT XUẤT")] == [
        "khen",
        "thuong",
        "dot",
        "xuat",
    ]
    assert not search.word_filter("2025") and search.word_filter("và")
