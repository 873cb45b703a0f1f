"""The fast front-matter reader: whatever it reads, it reads as PyYAML's safe loader does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from baocao.flatyaml import flat_mapping
from baocao.report import front_matter_tokens
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FRONT = """mau: mau-02
nam: 2025
co_quan: SỞ NỘI VỤ
so_ky_hieu: 1/BC-SNV
ngay: 2025-12-15
trich_yeu: Tổng kết "thi đua", công tác khen thưởng năm 2025
nguoi_ky:
noi_nhan:
  - Ban Thi đua - Khen thưởng tỉnh
  - Lưu: VT, TĐKT.
"""


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (1 == True and a date == ... are not)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def yaml_reads(text: str) -> Any:
    try:
        return yaml.load(text, Loader=LOADER)
    except (yaml.YAMLError, ValueError, OverflowError) as err:
        return err


def test_the_usual_front_matter_is_read_without_yaml() -> None:
    data = flat_mapping(FRONT)
    assert data == {
        "mau": "mau-02",
        "nam": 2025,
        "co_quan": "SỞ NỘI VỤ",
        "so_ky_hieu": "1/BC-SNV",
        "ngay": dt.date(2025, 12, 15),
        "trich_yeu": 'Tổng kết "thi đua", công tác khen thưởng năm 2025',
        "nguoi_ky": None,
        "noi_nhan": ["Ban Thi đua - Khen thưởng tỉnh", {"Lưu": "VT, TĐKT."}],
    }
    assert same(data, yaml_reads(FRONT))


def test_anything_else_is_left_to_yaml() -> None:
    for text in (
        "a: 'quoted'\n",
        "a: b # comment\n",
        "a: yes\n",  # a boolean in YAML 1.1
        "a: 1:30\n",  # sexagesimal
        "a: 0x1F\n",
        "a: 1_000\n",
        "a: 1.5\n",
        "a: ~\n",
        "a: 2023-13-45\n",  # no such day: YAML's error names it
        "a: first line\n  continued\n",
        "a:\tb\n",
        "a: b: c\n",
        "a:\n  - x\n - y\n",
        "yes: b\n",
        "a: &x b\n",
        "a:\n  - Lưu : VT\n",  # the key is "Lưu": YAML drops the space
        "- a\n",
        "",
    ):
        assert flat_mapping(text) is None, text


def test_every_front_matter_of_the_examples_and_the_corpus() -> None:
    read = 0
    for path in [*ROOT.glob("reports/*/index.md"), *ROOT.glob("tests/corpus/units/*/index.md")]:
        tokens = front_matter_tokens(path.read_text("utf-8"))
        data = flat_mapping(tokens[0].content) if tokens else None
        if data is not None:
            read += 1
            assert same(data, yaml_reads(tokens[0].content)), path
    assert read >= 50


KEYS = st.sampled_from(["mau", "nam", "ngay", "a_b", "x1", "_k"] * 3 + ["yes", "y", "null", "on"])
# mostly plain text, so that many texts are read fast; then what YAML gives a meaning to
PLAIN = ["ab", "Lưu", "VT,", "x.", " ", "2025", "12", "0", "-", "/", "2025-12-15", "Lưu: "]
COLONS = ["a: ", " : ", ":", "x:", ": "]
SPECIAL = [*":#'\" ?&*!|>%@`[]{}~=<\t\u00a0\u2028", "2023-02-30", "0x1", "1:30", "1.5", "yes"]
VALUES = st.lists(st.sampled_from(PLAIN * 6 + COLONS * 2 + SPECIAL), max_size=4).map("".join)
LINES = st.one_of(
    st.tuples(KEYS, st.sampled_from([": ", ": ", ":", ":  ", " : "]), VALUES).map("".join),
    st.tuples(st.sampled_from(["  - ", "  - ", "- ", "    - ", "-", "  -  "]), VALUES).map("".join),
    st.sampled_from(["", " ", "  x: y", "---", "..."]),
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=4).map("\n".join))
def test_what_it_reads_yaml_reads_the_same(text: str) -> None:
    data = flat_mapping(text)
    if data is not None:
        assert same(data, yaml_reads(text)), text
