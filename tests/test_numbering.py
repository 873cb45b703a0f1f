"""The numbering prefix of a heading, as real reports write it."""

import unicodedata

import pytest
from baocao.numbering import parse, roman_value

CASES = [
    # text, style, value, depth, rest, part
    ("I. Đặc điểm tình hình", "roman", "i", 1, "Đặc điểm tình hình", False),
    ("II- KẾT QUẢ ĐẠT ĐƯỢC", "roman", "ii", 1, "KẾT QUẢ ĐẠT ĐƯỢC", False),
    ("III/ Phương hướng", "roman", "iii", 1, "Phương hướng", False),
    ("IV: Kiến nghị", "roman", "iv", 1, "Kiến nghị", False),
    ("I – Tình hình chung", "roman", "i", 1, "Tình hình chung", False),
    ("A. KẾT QUẢ CÔNG TÁC NĂM 2025", "upper", "a", 0, "KẾT QUẢ CÔNG TÁC NĂM 2025", False),
    ("B/ Phương hướng năm 2026", "upper", "b", 0, "Phương hướng năm 2026", False),
    ("Phần I", "part", "1", 0, "", True),
    ("PHẦN I: TÌNH HÌNH CHUNG", "part", "1", 0, "TÌNH HÌNH CHUNG", True),
    ("PHẦN THỨ NHẤT", "part", "1", 0, "", True),
    ("Phần thứ hai. Phương hướng", "part", "2", 0, "Phương hướng", True),
    ("Phần 3 - Kiến nghị", "part", "3", 0, "Kiến nghị", True),
    ("1. Thuận lợi", "decimal", "1", 2, "Thuận lợi", False),
    ("1/ Thuận lợi", "decimal", "1", 2, "Thuận lợi", False),
    ("2) Khó khăn", "decimal", "2", 2, "Khó khăn", False),
    ("3- Đánh giá chung", "decimal", "3", 2, "Đánh giá chung", False),
    ("(4) Kiến nghị", "decimal", "4", 2, "Kiến nghị", False),
    ("2.1. Kết quả thi đua", "dotted", "2.1", 3, "Kết quả thi đua", False),
    ("2.1 Kết quả thi đua", "dotted", "2.1", 3, "Kết quả thi đua", False),
    ("2.1.Kết quả thi đua", "dotted", "2.1", 3, "Kết quả thi đua", False),
    (
        "2.4.a) Khen thưởng theo thẩm quyền",
        "dotted",
        "2.4.a",
        4,
        "Khen thưởng theo thẩm quyền",
        False,
    ),
    ("2.4a) Khen thưởng", "dotted", "2.4.a", 4, "Khen thưởng", False),
    ("II.1. Công tác lãnh đạo", "dotted", "ii.1", 2, "Công tác lãnh đạo", False),
    ("a) Các phong trào", "letter", "a", 4, "Các phong trào", False),
    ("b. Các phong trào", "letter", "b", 4, "Các phong trào", False),
    ("c- Điển hình tiên tiến", "letter", "c", 4, "Điển hình tiên tiến", False),
    ("đ/ Nội dung khác", "letter", "đ", 4, "Nội dung khác", False),
    ("Mục II. Kết quả", "roman", "ii", 1, "Kết quả", False),
    # Word's numbering lost in a paste: a bare number before a capital letter
    ("1 Công tác lãnh đạo", "decimal", "1", 2, "Công tác lãnh đạo", False),
    ("2\tKhó khăn", "decimal", "2", 2, "Khó khăn", False),
    ("II KẾT QUẢ ĐẠT ĐƯỢC", "roman", "ii", 1, "KẾT QUẢ ĐẠT ĐƯỢC", False),
    # the number alone, the section's title written on the line below
    ("a)", "letter", "a", 4, "", False),
    ("b.", "letter", "b", 4, "", False),
    ("3.", "decimal", "3", 2, "", False),
    ("(1)", "decimal", "1", 2, "", False),
    ("III.", "roman", "iii", 1, "", False),
    ("II-", "roman", "ii", 1, "", False),
    # not numbering
    ("Đặc điểm tình hình", "", "", None, "Đặc điểm tình hình", False),
    ("2025 là năm bản lề", "", "", None, "2025 là năm bản lề", False),
    ("20 năm thực hiện phong trào", "", "", None, "20 năm thực hiện phong trào", False),
    ("10/2025 tổng kết", "", "", None, "10/2025 tổng kết", False),
    ("XI MĂNG HÀ TIÊN", "", "", None, "XI MĂNG HÀ TIÊN", False),
    ("XII Kết quả", "", "", None, "XII Kết quả", False),
    ("Ở cấp xã", "", "", None, "Ở cấp xã", False),
    ("đ/c Lan phụ trách", "", "", None, "đ/c Lan phụ trách", False),
    ("Phần mở đầu", "", "", None, "Phần mở đầu", False),
    ("2025.", "", "", None, "2025.", False),
    ("I", "", "", None, "I", False),
]


@pytest.mark.parametrize(("text", "style", "value", "depth", "rest", "part"), CASES)
def test_parse(text, style, value, depth, rest, part):
    numbering = parse(text)
    assert (numbering.style, numbering.value, numbering.depth) == (style, value, depth)
    assert (numbering.rest, numbering.part) == (rest, part)


@pytest.mark.parametrize(
    ("text", "ordinal"),
    [("III. X", 3), ("IV. X", 4), ("b) X", 2), ("đ) X", 5), ("2.4. X", 4), ("Phần thứ tư", 4)],
)
def test_ordinal(text, ordinal):
    assert parse(text).ordinal == ordinal


def test_roman_value():
    assert [roman_value(t) for t in ("i", "iv", "ix", "xiv", "abc")] == [1, 4, 9, 14, None]


def test_nfd_text_is_read_as_nfc():
    assert parse(unicodedata.normalize("NFD", "PHẦN THỨ HAI")).value == "2"
