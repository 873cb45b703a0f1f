"""The typography rules (BC406-BC409) end to end: findings at their lines, safe fixes.

The rule cases in tests/rules/cases/BC40[6-9].yml hold the findings; this file holds what
``--fix`` does to the files: the slips in prose are corrected, text in code, links and
URLs is never touched, a slip whose fix is not certain is left and still reported.
"""

from __future__ import annotations

import importlib.util
import random
import unicodedata
from pathlib import Path

from baocao.lint import choose_rules
from baocao.lint.rules.typography import RepeatedWords, _may_repeat, _repeats
from baocao.lint.slips import Slip, fix_text
from lint_helpers import EXAMPLES, ROOT, SCHOOL, lint, make_project, run_cli

SLIPS = (
    "Thực hiện Kế hoạch số kế hoạch số 12/KH-UBND của của tỉnh ; đạt 02/16(đạt 12,5%)"
    " theo Báo cáo số 01 /BC-UBND ( giai đoạn 2001- 2005 )."
)
FIXED = (
    "Thực hiện Kế hoạch số 12/KH-UBND của tỉnh; đạt 02/16 (đạt 12,5%)"
    " theo Báo cáo số 01/BC-UBND (giai đoạn 2001-2005)."
)
UNTOUCHED = "Mã `của của ;` và [trang ,](https://a.vn/x) giữ nguyên, xem https://a.vn/b ."
LINE = "Nhà trường phát động đợt thi đua chào mừng"


def unit_with(tmp_path: Path, *new_lines: str) -> Path:
    root = make_project(tmp_path, SCHOOL)
    index = root / "reports" / SCHOOL / "index.md"
    text = index.read_text("utf-8")
    old = next(line for line in text.split("\n") if LINE in line)
    index.write_text(text.replace(old, "\n\n".join(new_lines)), "utf-8")
    return root


def test_fix_corrects_every_slip_in_prose_only(tmp_path: Path) -> None:
    root = unit_with(tmp_path, SLIPS, UNTOUCHED)
    before = run_cli(root, "lint", "--format", "json").json()["units"][0]["diagnostics"]
    assert sorted(d["code"] for d in before) == [
        "BC406",
        "BC406",
        "BC407",
        "BC407",
        "BC407",
        "BC408",
        "BC409",
        "BC409",
    ]
    assert {d["line"] for d in before} == {60}
    done = run_cli(root, "lint", "--fix", "--format", "json")
    assert done.json()["units"][0]["diagnostics"] == []
    text = (root / "reports" / SCHOOL / "index.md").read_text("utf-8")
    assert FIXED + "\n\n" + UNTOUCHED + "\n" in text
    assert SLIPS not in text


def test_a_slip_split_by_markup_is_reported_not_fixed(tmp_path: Path) -> None:
    root = unit_with(tmp_path, "Khen thưởng năm **2023** , đạt kết quả tốt.")
    index = root / "reports" / SCHOOL / "index.md"
    before = index.read_text("utf-8")
    done = run_cli(root, "lint", "--fix", "--format", "json")
    found = done.json()["units"][0]["diagnostics"]
    assert [(d["code"], d["line"]) for d in found] == [("BC407", 60)]
    assert index.read_text("utf-8") == before


def test_fix_text_rewrites_a_slip_only_where_it_occurs_once_outside_code() -> None:
    text = "a\nsố 01 /BC-UBND và `01 /BC-UBND`\r\n01 /BC-UBND, 01 /BC-UBND\n"
    slips = [
        Slip("f.md", 2, "01 /BC-UBND", "01/BC-UBND"),
        Slip("f.md", 3, "01 /BC-UBND", "01/BC-UBND"),
        Slip("other.md", 1, "a", "b"),
    ]
    assert fix_text(text, "f.md", slips) == (
        "a\nsố 01/BC-UBND và `01 /BC-UBND`\r\n01 /BC-UBND, 01 /BC-UBND\n"
    )


def test_generated_units_and_examples_raise_none_of_these_rules(tmp_path: Path) -> None:
    """The measurement of false findings: real-voiced text, written clean, stays clean."""
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    assert spec and spec.loader
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    root = make_project(tmp_path, *EXAMPLES)
    slugs = generator.generate(20, root, seed=3)
    rules = choose_rules(("BC202", "BC303", "BC406", "BC407", "BC408", "BC409"))
    found = [
        f"{d.file}:{d.line}: {d.code} {d.message('en')}"
        for unit in (*EXAMPLES, *slugs)
        for d in lint(root, unit, rules).diagnostics
    ]
    assert found == []


def test_the_quick_test_never_hides_a_repeat_the_search_finds() -> None:
    texts = [
        "Của của.",
        "KẾ HOẠCH Kế hoạch",
        "của của.",
        "“của của”",
        "kế hoạch kế hoạch.",
        "(kế hoạch số kế hoạch số)",
        "theo kế hoạch; kế hoạch",
        "x–của của…",
        "a\ufffccủa của",
        "1 2 3 4 5 1 2 3 4 5",
        "công tác thi đua công tác thi đua, công tác",
    ]
    for text in texts:
        if RepeatedWords.PATTERN.search(text):
            assert _may_repeat(text), text
    assert not _may_repeat("công tác thi đua, khen thưởng năm 2025 của đơn vị")


def _repeats_by_hand(words: list[bytes]) -> set[int]:
    """Where a word equals the next, or two words in a row the two 2 to 5 words later."""
    return {
        at
        for at in range(len(words))
        if words[at + 1 : at + 2] == [words[at]]
        or any(
            len(words[at + size : at + size + 2]) == 2
            and words[at : at + 2] == words[at + size : at + size + 2]
            for size in range(2, 6)
        )
    }


def test_the_repeats_are_every_place_found_word_by_word() -> None:
    rng = random.Random(0)
    for length in range(0, 40):
        for _ in range(30):
            vocabulary = [b"a", b"b", b"c", b"d", b"e"][: rng.randint(1, 5)]
            words = [rng.choice(vocabulary) for _ in range(length)]
            assert set(_repeats(words)) == _repeats_by_hand(words), words
    assert set(_repeats(b"x a b y a b z".split())) == {1}  # a phrase at an odd place
    assert set(_repeats(b"a b x a b".split())) == {0}  # three words apart, at an even one


def test_a_slip_in_an_nfd_file_is_found_and_fixed_with_the_nfd_fix(tmp_path: Path) -> None:
    line = "Thực hiện Kế hoạch của của tỉnh ; đạt kết quả tốt."
    root = unit_with(tmp_path, unicodedata.normalize("NFD", line))
    found = run_cli(root, "lint", "--format", "json").json()["units"][0]["diagnostics"]
    assert sorted((d["code"], d["line"]) for d in found) == [
        ("BC401", 60),
        ("BC406", 60),
        ("BC407", 60),
    ]
    assert "'của của'" in next(d["message"] for d in found if d["code"] == "BC406")
    done = run_cli(root, "lint", "--fix", "--format", "json")
    assert done.json()["units"][0]["diagnostics"] == []
    text = (root / "reports" / SCHOOL / "index.md").read_text("utf-8")
    assert "Thực hiện Kế hoạch của tỉnh; đạt kết quả tốt." in text
