"""The linter scored on the hand-judged corpus of tests/corpus/ (issue 12, item 8).

Every unit's findings must equal its hand-judged expectations by (code, file, line).
"""

from __future__ import annotations

import re

import pytest
from corpus_score import (
    EXPECTED,
    UNITS,
    Score,
    diff,
    expectation,
    held_out,
    lint_corpus,
    score,
    slugs,
    table,
)

SLUGS = slugs()


@pytest.fixture(scope="module")
def found() -> dict[str, list[tuple[str, str, int]]]:
    return lint_corpus(SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_unit_findings_are_the_judged_ones(slug: str, found) -> None:
    missed, unexpected = diff(expectation(slug).findings, found[slug])
    lines = [f"  missed:     {f}" for f in missed] + [f"  unexpected: {f}" for f in unexpected]
    assert not lines, f"{slug}: findings differ from tests/corpus/expected/{slug}.yaml\n" + (
        "\n".join(lines)
    )


def test_every_unit_has_its_expectations_and_no_stray_file() -> None:
    assert {p.stem for p in EXPECTED.glob("*.yaml")} == set(SLUGS)


def test_the_held_out_units_are_units_of_the_corpus_and_mixed() -> None:
    """The units judged blind (corpus_score.py --held-out) are real, judged, and mixed."""
    names = held_out()
    assert len(names) == len(set(names)) >= 25
    assert set(names) <= set(SLUGS)
    judged = [expectation(s) for s in names]
    assert sum(1 for e in judged if not e.findings) >= 0.3 * len(judged)
    assert sum(1 for e in judged if e.outline == "other") >= 0.1 * len(judged)


def test_the_corpus_is_large_and_mixed() -> None:
    judged = [expectation(s) for s in SLUGS]
    clean = [e for e in judged if not e.findings]
    other = [e for e in judged if e.outline == "other"]
    trees = [s for s in SLUGS if (UNITS / s / "index.md").read_text("utf-8").count("{toctree}")]
    assert len(judged) >= 45
    assert len(clean) >= 0.3 * len(judged)
    assert len(judged) - len(clean) - len(other) >= 0.3 * len(judged)
    assert len(other) >= 0.1 * len(judged)
    assert len(trees) >= 8


@pytest.mark.parametrize("slug", SLUGS)
def test_expectations_are_well_formed(slug: str) -> None:
    judged = expectation(slug)
    assert judged.voice.strip()
    assert judged.outline in ("form", "other")


def test_every_expected_finding_names_a_code_and_a_line_of_its_file() -> None:
    checked = 0
    for slug in SLUGS:
        unit = UNITS / slug
        for code, file, line in expectation(slug).findings:
            assert re.fullmatch(r"BC\d{3}", code), f"{slug}: {code}"
            assert (unit / file).is_file(), f"{slug}: {file}"
            length = len((unit / file).read_bytes().splitlines())
            assert 1 <= line <= length, f"{slug}: {code} at {file}:{line}, past its {length} lines"
            checked += 1
    assert checked >= 150  # the corpus's defects, judged by hand


@pytest.mark.parametrize("slug", [s for s in SLUGS if expectation(s).outline == "other"])
def test_a_unit_on_another_outline_is_told_once(slug: str) -> None:
    """One not-on-form at the report's title line, no per-section structure finding."""
    judged = expectation(slug)
    text = (UNITS / slug / "index.md").read_text("utf-8").splitlines()
    title = next(n for n, line in enumerate(text, 1) if line.startswith("# "))
    assert [f for f in judged.findings if f[0] == "BC107"] == [("BC107", "index.md", title)]
    per_section = {"BC101", "BC102", "BC103", "BC105", "BC106"}
    assert not [f for f in judged.findings if f[0] in per_section]


def test_the_score_counts_hits_misses_and_false_alarms() -> None:
    expected = {
        "a": [("BC202", "index.md", 5), ("BC202", "index.md", 5), ("BC303", "index.md", 8)],
        "b": [],
        "c": [("BC107", "index.md", 19)],
    }
    found = {
        "a": [("BC202", "index.md", 5), ("BC303", "index.md", 9)],
        "b": [("BC105", "index.md", 30)],
        "c": [("BC107", "index.md", 19)],
    }
    result: Score = score(expected, found)
    assert (result.total.hits, result.total.missed, result.total.unexpected) == (2, 2, 2)
    assert result.total.precision == 0.5
    assert result.total.recall == 0.5
    placeholder = result.classes["placeholder"]
    assert (placeholder.hits, placeholder.missed, placeholder.unexpected) == (1, 1, 0)
    year = result.classes["year"]
    assert (year.hits, year.missed, year.unexpected) == (0, 1, 1)
    assert result.classes["not-on-form"].recall == 1.0
    assert (result.clean_units, result.clean_units_clean, result.clean_false_alarms) == (1, 0, 1)
    assert result.units_exact == 1
    assert "| placeholder | 2 | 1 | 1 | 0 | 100% | 50% |" in table(result)
