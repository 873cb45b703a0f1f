"""Heading alignment: every way units really write a form heading finds its own node, never
another one, alone and among the other headings of a full report."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
import yaml
from baocao.forms import Form, FormNode, load_form
from baocao.lint.align import BOLD_MATCH, MATCH, _ordered_pairs, _read_row, align
from baocao.lint.recognise import Evidence
from baocao.report import Section
from hypothesis import given, settings
from hypothesis import strategies as st
from lint_helpers import ROOT, SCHOOL, codes, lint, make_project

YEAR = 2025


@cache
def form() -> Form:
    return load_form((ROOT / "_templates" / "forms").resolve(), "mau-02")


@cache
def abbreviations() -> list[tuple[str, str]]:
    data = yaml.safe_load((ROOT / "tooling/baocao/data/terminology.yaml").read_text("utf-8"))
    return [(entry["short"], entry["full"]) for entry in data["abbreviations"]]


def scaffold(node: FormNode) -> str:
    return node.heading_for(YEAR)


def _letter_index(node: FormNode) -> int | None:
    match = re.fullmatch(r"([a-z])\)", node.number)
    return ord(match[1]) - ord("a") + 1 if match else None


def _drop_mark(text: str, which: int) -> str | None:
    """``text`` with the ``which``-th tone or vowel mark removed (NFC), None if it has none."""
    decomposed = unicodedata.normalize("NFD", text)
    marks = [i for i, c in enumerate(decomposed) if unicodedata.combining(c)]
    if not marks:
        return None
    at = marks[which % len(marks)]
    return unicodedata.normalize("NFC", decomposed[:at] + decomposed[at + 1 :])


def _typo(text: str, where: float, kind: str) -> str:
    """One letter of the title changed (``sub``), dropped (``del``) or doubled (``dup``)."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    at = letters[int(where * (len(letters) - 1))]
    if kind == "sub":
        return text[:at] + ("x" if text[at].lower() != "x" else "y") + text[at + 1 :]
    if kind == "del":
        return text[:at] + text[at + 1 :]
    return text[:at] + text[at] + text[at:]


def strip(word: str) -> str:
    return unicodedata.normalize("NFD", word).encode("ascii", "ignore").decode()


def _years(title: str) -> list[str]:
    return re.findall(r"năm (\d{4})", title)


def variations(node: FormNode) -> dict[str, tuple[str, bool]]:
    """name -> (heading text, written as a bold paragraph) for every way of writing ``node``."""
    title = node.title_for(YEAR)
    number, issued = node.number, node.issued_number
    out: dict[str, tuple[str, bool]] = {
        "scaffold": (f"{number} {title}", False),
        "all-caps": (f"{number} {title}".upper(), False),
        "issued-number": (f"{issued} {title}", False),
        "issued-text": (node.issued_heading_for(YEAR), False),
        "corrected-number": (f"{number} {title}", False),
        "no-number": (title, False),
        "number-without-dot": (f"{number.rstrip('.)')} {title}", False),
        "trailing-colon": (f"{number} {title}:", False),
        "trailing-period": (f"{number} {title}.", False),
        "bold": (f"{number} {title}", True),
        "bold-caps-no-number": (title.upper(), True),
    }
    index = _letter_index(node)
    if index is not None:
        parent = form().node(node.parent)
        out["decimal-for-letter"] = (f"{parent.number}{index}. {title}", False)
        out["one-dot-one-for-letter"] = (f"{index}.{index} {title}", False)
    lowered = title.lower()
    for short, full in abbreviations():
        if full.lower() in lowered:
            pattern = re.compile(re.escape(full), re.IGNORECASE)
            out[f"abbrev-{short}"] = (f"{number} {pattern.sub(short, title)}", False)
        if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", title):
            out[f"expand-{short}"] = (f"{number} {title.replace(short, full)}", False)
    issued_text = node.issued_heading_for(YEAR)
    shortened = issued_text
    for short, full in abbreviations():
        shortened = re.sub(re.escape(full), short, shortened, flags=re.IGNORECASE)
    if shortened != issued_text:  # e.g. CBCCVC, NTM, CCHC in the issued text of 2.2 a)
        out["issued-text-abbreviated"] = (shortened, False)
    if _years(title):
        dropped = re.sub(r"\s*(?:trong )?năm \d{4}", "", title)
        out["year-dropped"] = (f"{number} {dropped}", False)
        for word in ("tới", "qua"):
            replaced = re.sub(r"\d{4}", word, title)
            out[f"year-nam-{strip(word)}"] = (f"{number} {replaced}", False)
    combined = re.sub(r"\s*(?:trong )?năm \d{4}", "", title)
    for short, full in abbreviations():
        combined = re.sub(re.escape(full), short, combined, flags=re.IGNORECASE)
    out["combined-caps-abbrev-no-year-no-number-colon"] = (combined.upper() + ":", False)
    out["combined-issued-number-no-marks"] = (
        f"{issued} " + strip(title.replace("đ", "d").replace("Đ", "D")),
        False,
    )
    for which, label in ((0, "first"), (-1, "last"), (len(title) // 7, "middle")):
        dropped = _drop_mark(title, which)
        if dropped and dropped != title:
            out[f"mark-missing-{label}"] = (f"{number} {dropped}", False)
    clause = re.split(r"[;:(]", title, maxsplit=1)[0].strip(" ,")
    if clause != title:
        out["first-clause"] = (f"{number} {clause}", False)
    words = title.replace(",", "").split()
    if len(words) > 5:
        four = " ".join(title.split()[:4]).rstrip(",")
        out["first-four-words"] = (f"{number} {four}", False)
    for n, cue in enumerate(node.cues):  # other names from recognition.yaml
        written = cue.format(nam=YEAR, nam_sau=YEAR + 1, nam_truoc=YEAR - 1)
        out[f"other-name-{n}"] = (f"{number} {written}", False)
        out[f"other-name-{n}-caps-no-number"] = (written.upper(), False)
    for where in (0.0, 0.5, 1.0):
        for kind in ("sub", "del", "dup"):
            out[f"typo-{kind}-{int(where * 100)}"] = (
                f"{number} {_typo(title, where, kind)}",
                False,
            )
    return out


def _cases():
    for node in form().walk():
        for name in variations(node):
            yield pytest.param(node.id, name, id=f"{node.id}-{name}")


def section(node: FormNode, text: str, bold: bool, line: int) -> Section:
    return Section(text, 0 if bold else node.depth + 1, "reports/x/index.md", line, bold=bold)


def full_report(replace: dict[str, Section] | None = None, drop: tuple[str, ...] = ()):
    """Every node's heading in scaffold form, some replaced or dropped."""
    replace = replace or {}
    sections = []
    for line, node in enumerate(form().walk(), start=1):
        if node.id in drop:
            continue
        sections.append(replace.get(node.id) or section(node, scaffold(node), False, line * 10))
    return sections


@pytest.mark.parametrize(("node_id", "variation"), list(_cases()))
def test_variation_matches_its_own_node(node_id: str, variation: str) -> None:
    node = form().node(node_id)
    text, bold = variations(node)[variation]
    heading = section(node, text, bold, 1)

    alone = align([heading], form(), YEAR)
    assert alone.node_of.get(0) == node_id, f"{text!r} alone -> {alone.node_of.get(0)}"

    sections = full_report({node_id: heading})
    result = align(sections, form(), YEAR)
    at = sections.index(heading)
    assert result.node_of.get(at) == node_id, f"{text!r} -> {result.node_of.get(at)}"
    expected = {i: n.id for i, n in enumerate(form().walk())}
    assert result.node_of == expected
    assert not result.out_of_order and not result.duplicates and not result.unknown


def test_variations_are_many() -> None:
    total = sum(len(variations(n)) for n in form().walk())
    assert len(form().walk()) == 21 and total > 21 * 20


def test_scaffold_report_aligns_one_to_one() -> None:
    result = align(full_report(), form(), YEAR)
    assert list(result.node_of.values()) == [n.id for n in form().walk()]


def test_b_missing_c_still_matches_c() -> None:
    sections = full_report(drop=("II.2.2.b",))
    result = align(sections, form(), YEAR)
    c = next(i for i, s in enumerate(sections) if s.title.startswith("c) Các phong trào"))
    assert result.node_of[c] == "II.2.2.c"
    assert "II.2.2.b" not in result.matches
    assert not result.unknown and not result.out_of_order and not result.duplicates


def test_b_missing_c_renumbered_b_still_matches_c() -> None:
    c_node = form().node("II.2.2.c")
    renumbered = section(c_node, f"b) {c_node.title_for(YEAR)}", False, 1)
    sections = full_report({"II.2.2.c": renumbered}, drop=("II.2.2.b",))
    result = align(sections, form(), YEAR)
    assert result.node_of[sections.index(renumbered)] == "II.2.2.c"
    assert "II.2.2.b" not in result.matches


def test_out_of_order_and_duplicate_and_unknown_in_alignment() -> None:
    sections = full_report()
    iii = next(s for s in sections if s.title.startswith("III."))
    sections.remove(iii)
    sections.insert(0, iii)  # III first
    sections.append(section(form().node("II.3.1"), scaffold(form().node("II.3.1")), False, 999))
    sections.append(Section("IV. Các nội dung khác", 2, "reports/x/index.md", 1000))
    result = align(sections, form(), YEAR)
    assert result.out_of_order.get(0) == "III"
    assert result.duplicates.get(len(sections) - 2) == "II.3.1"
    assert len(sections) - 1 in result.unknown


# ---- the same through the linter, on a real unit ----


def _edit(root: Path, old: str, new: str) -> None:
    path = root / "reports" / SCHOOL / "index.md"
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def test_lint_section_out_of_order_is_bc102(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    block_start = "#### 3.2. Tồn tại, hạn chế, nguyên nhân"
    text = (root / "reports" / SCHOOL / "index.md").read_text("utf-8")
    start = text.index(block_start)
    end = text.index("### 4. Kiến nghị")
    block = text[start:end]
    text = text[:start] + text[end:]
    at = text.index("#### 3.1. Những kết quả đạt được")
    (root / "reports" / SCHOOL / "index.md").write_text(text[:at] + block + text[at:], "utf-8")
    result = lint(root, SCHOOL)
    assert codes(result) == ["BC102"], codes(result)
    assert result.diagnostics[0].section in ("II.3.1", "II.3.2")


def test_lint_duplicate_is_bc106(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    _edit(
        root,
        "### 4. Kiến nghị, đề xuất\n",
        "#### 3.2. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN\n\nBổ sung: hồ sơ còn chậm.\n\n"
        "### 4. Kiến nghị, đề xuất\n",
    )
    result = lint(root, SCHOOL)
    assert codes(result) == ["BC106"], codes(result)
    assert result.diagnostics[0].section == "II.3.2"


def test_lint_unknown_heading_is_bc105(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    _edit(
        root,
        "### 4. Kiến nghị, đề xuất\n",
        "### Thông tin liên hệ của cán bộ đầu mối\n\nĐiện thoại 0123.456.789.\n\n"
        "### 4. Kiến nghị, đề xuất\n",
    )
    result = lint(root, SCHOOL)
    assert codes(result) == ["BC105"], codes(result)


def test_lint_every_heading_rewritten_at_once(tmp_path: Path) -> None:
    """All caps, issued numbers, no year and a colon everywhere: still complete and clean."""
    root = make_project(tmp_path, SCHOOL)
    path = root / "reports" / SCHOOL / "index.md"
    lines = path.read_text("utf-8").split("\n")
    for i, line in enumerate(lines):
        if re.match(r"#{2,5} ", line):
            hashes, text = line.split(" ", 1)
            text = re.sub(r"\s*(?:trong )?năm \d{4}", "", text).upper().rstrip(".") + ":"
            text = text.replace("2.3.", "2.2.", 1) if text.startswith("2.3.") else text
            text = text.replace("2.4.", "2.3.", 1) if text.startswith("2.4.") else text
            lines[i] = f"{hashes} {text}"
    path.write_text("\n".join(lines), "utf-8")
    result = lint(root, SCHOOL)
    assert result.present == result.required == 19
    assert not [c for c in codes(result) if c.startswith("BC1")], codes(result)


@pytest.mark.parametrize("words", [3, 4, 5])
def test_every_heading_cut_to_its_first_words_without_number_still_aligns(words: int) -> None:
    """Cut short and unnumbered, headings alike alone ("Các phong trào thi" for a, b and c of
    2.2) are told apart by their place among the others."""
    sections = [
        Section(" ".join(n.title_for(YEAR).split()[:words]), n.depth + 1, "x.md", i)
        for i, n in enumerate(form().walk(), start=1)
    ]
    result = align(sections, form(), YEAR)
    assert list(result.node_of.values()) == [n.id for n in form().walk()]
    assert not result.unknown and not result.duplicates and not result.out_of_order


@pytest.mark.parametrize("shift", [-1, 1, 2])
def test_every_heading_one_level_off_still_aligns(shift: int) -> None:
    """A unit that starts at "#" (or nests one level too deep) is still matched node by node."""
    sections = [
        Section(scaffold(n), max(1, n.depth + 1 + shift), "reports/x/index.md", i)
        for i, n in enumerate(form().walk(), start=1)
    ]
    result = align(sections, form(), YEAR)
    assert list(result.node_of.values()) == [n.id for n in form().walk()]


def _pairs_by_full_table(totals: list[list[float]], limits: list[float]) -> list[tuple[int, int]]:
    """The longest-path alignment computed over the whole table, cell by cell: the oracle
    of the linter's sparse one."""
    n_sec, width = len(totals), len(totals[0]) if totals else 0
    best = [[0.0] * (width + 1) for _ in range(n_sec + 1)]
    for i in range(n_sec - 1, -1, -1):
        for j in range(width - 1, -1, -1):
            value = max(best[i + 1][j], best[i][j + 1])
            if totals[i][j] >= limits[i]:
                value = max(value, totals[i][j] - limits[i] + 1 + best[i + 1][j + 1])
            best[i][j] = value
    pairs, i, j = [], 0, 0
    while i < n_sec and j < width:
        cell, limit = totals[i][j], limits[i]
        if cell >= limit and best[i][j] == cell - limit + 1 + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


# a few scores, many of them equal, around both thresholds: ties are where orders differ
SCORES = st.sampled_from([0.0, 60.0, 77.5, 78.0, 79.0, 80.5, 86.0, 88.0, 90.0, 93.3, 100.0])


@settings(max_examples=400, deadline=None)
@given(
    data=st.integers(1, 12).flatmap(
        lambda width: st.lists(
            st.tuples(st.booleans(), st.lists(SCORES, min_size=width, max_size=width)),
            max_size=14,
        )
    )
)
def test_the_alignment_is_the_full_tables_longest_path(data: list) -> None:
    """The alignment fills only the cells a heading can stand for; it takes exactly the
    pairs the whole table would, ties and all."""
    rows, totals, limits = [], [], []
    for bold, scores in data:
        evidence = {j: Evidence(s, "title") for j, s in enumerate(scores) if s}
        limit = BOLD_MATCH if bold else MATCH
        rows.append(_read_row(evidence, limit))
        totals.append(scores)
        limits.append(limit)
    width = len(data[0][1]) if data else 0
    assert _ordered_pairs(rows, width) == _pairs_by_full_table(totals, limits)
