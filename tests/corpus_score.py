"""Score the linter on the hand-judged corpus of tests/corpus/.

Each unit of ``tests/corpus/units/<slug>/`` has its expected findings in
``tests/corpus/expected/<slug>.yaml``, judged by hand. The linter runs through the
real CLI (``baocao lint --format json``) on a throw-away project holding every unit;
findings are compared by (code, file, line) as multisets.

Run ``.venv/bin/python tests/corpus_score.py`` to print the table of docs/lint-corpus.md;
``--units`` adds every unit that differs, ``--held-out`` scores only the units judged blind
(``tests/corpus/held-out.txt``), ``--only FILE`` only the units FILE lists (one round of them).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from baocao.cli import main

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parent / "corpus"
UNITS = CORPUS / "units"
EXPECTED = CORPUS / "expected"
HELD_OUT = CORPUS / "held-out.txt"  # the units written and judged blind, after the tuning

Finding = tuple[str, str, int]  # (code, file relative to the unit, line)

# The classes of the figures, by rule code; "clean" is counted per unit, not per code.
CLASSES: dict[str, tuple[str, ...]] = {
    "structure": (
        "BC101",
        "BC102",
        "BC103",
        "BC104",
        "BC105",
        "BC106",
        "BC201",
        "BC203",
        "BC204",
        "BC205",
    ),
    "placeholder": ("BC202",),
    "year": ("BC303",),
    "typography": ("BC403", "BC404", "BC405", "BC406", "BC407", "BC408", "BC409"),
    "not-on-form": ("BC107",),
    "encoding": ("BC001", "BC401", "BC402"),
    "metadata": ("BC002", "BC301", "BC302", "BC304"),
    "safety": ("BC003", "BC005", "BC007", "BC501", "BC502", "BC503", "BC504", "BC505"),
}


def class_of(code: str) -> str:
    return next((name for name, codes in CLASSES.items() if code in codes), "other")


@dataclass
class Expectation:
    slug: str
    voice: str
    outline: str
    findings: list[Finding]


def slugs() -> list[str]:
    return sorted(p.name for p in UNITS.iterdir() if p.is_dir())


def held_out() -> list[str]:
    """The units judged blind, never used while tuning: the honest measure."""
    return HELD_OUT.read_text("utf-8").split()


def expectation(slug: str) -> Expectation:
    data = yaml.safe_load((EXPECTED / f"{slug}.yaml").read_text("utf-8"))
    found = [(f["code"], f["file"], int(f["line"])) for f in data.get("findings") or []]
    return Expectation(slug, data["voice"], data["outline"], found)


def lint_corpus(names: Iterable[str] | None = None) -> dict[str, list[Finding]]:
    """Every unit's findings from ``baocao lint --format json`` on a copy of the corpus."""
    names = list(names or slugs())
    with tempfile.TemporaryDirectory(prefix="baocao-corpus-") as tmp:
        root = Path(tmp)
        shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
        shutil.copytree(ROOT / "_templates", root / "_templates")
        for name in names:
            shutil.copytree(UNITS / name, root / "reports" / name)
        report = _run_json(root)
    found: dict[str, list[Finding]] = {name: [] for name in names}
    for unit in report["units"]:
        prefix = unit["path"] + "/"
        found[unit["unit"]] = [
            (d["code"], d["file"].removeprefix(prefix), d["line"]) for d in unit["diagnostics"]
        ]
    return found


def _run_json(root: Path) -> dict:
    out, err = io.StringIO(), io.StringIO()
    old = Path.cwd()
    os.chdir(root)
    try:
        # The corpus judges the report's own rules. Its units have no commendation data
        # file (issue 14 came later), so the data rules would only say so in each unit
        # (BC601); they have their own cases (tests/rules/cases/BC6*.yml).
        with redirect_stdout(out), redirect_stderr(err):
            main(["lint", "--format", "json", "--jobs", "1", "--ignore", "BC6"])
    finally:
        os.chdir(old)
    try:
        return json.loads(out.getvalue())
    except json.JSONDecodeError:
        raise RuntimeError(f"baocao lint gave no JSON report:\n{err.getvalue()}") from None


def diff(expected: list[Finding], found: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(missed, unexpected): expected findings not given, and findings not expected."""
    want, got = Counter(expected), Counter(found)
    return sorted((want - got).elements()), sorted((got - want).elements())


@dataclass
class Tally:
    hits: int = 0
    missed: int = 0
    unexpected: int = 0

    @property
    def precision(self) -> float | None:
        given = self.hits + self.unexpected
        return self.hits / given if given else None

    @property
    def recall(self) -> float | None:
        wanted = self.hits + self.missed
        return self.hits / wanted if wanted else None


@dataclass
class Score:
    total: Tally = field(default_factory=Tally)
    classes: dict[str, Tally] = field(default_factory=dict)
    clean_units: int = 0
    clean_units_clean: int = 0
    clean_false_alarms: int = 0
    units: int = 0
    units_exact: int = 0


def score(expected: Mapping[str, list[Finding]], found: Mapping[str, list[Finding]]) -> Score:
    result = Score(classes={name: Tally() for name in [*CLASSES, "other"]})
    for slug, want in expected.items():
        got = found.get(slug, [])
        missed, unexpected = diff(want, got)
        hits = sorted((Counter(want) & Counter(got)).elements())
        for findings, attr in ((hits, "hits"), (missed, "missed"), (unexpected, "unexpected")):
            for code, _, _ in findings:
                for tally in (result.total, result.classes[class_of(code)]):
                    setattr(tally, attr, getattr(tally, attr) + 1)
        result.units += 1
        result.units_exact += not missed and not unexpected
        if not want:
            result.clean_units += 1
            result.clean_units_clean += not got
            result.clean_false_alarms += len(got)
    return result


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def table(result: Score) -> str:
    rows = [
        "| Class | Expected | Found right | Missed | Unexpected | Precision | Recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    named = [(name, tally) for name, tally in result.classes.items()]
    for name, tally in [*named, ("all", result.total)]:
        if name == "other" and not (tally.hits or tally.missed or tally.unexpected):
            continue
        rows.append(
            f"| {name} | {tally.hits + tally.missed} | {tally.hits} | {tally.missed}"
            f" | {tally.unexpected} | {_pct(tally.precision)} | {_pct(tally.recall)} |"
        )
    rows += [
        "",
        f"Units judged exactly: {result.units_exact}/{result.units}.",
        f"Clean units with no finding: {result.clean_units_clean}/{result.clean_units}"
        f" ({result.clean_false_alarms} false alarms on clean units).",
    ]
    return "\n".join(rows)


def per_unit(expected: Mapping[str, list[Finding]], found: Mapping[str, list[Finding]]) -> str:
    rows = ["| Unit | Missed | Unexpected |", "| --- | --- | --- |"]
    for slug, want in expected.items():
        missed, unexpected = diff(want, found.get(slug, []))
        if missed or unexpected:
            rows.append(f"| {slug} | {_short(missed)} | {_short(unexpected)} |")
    return "\n".join(rows)


def _short(findings: list[Finding]) -> str:
    return ", ".join(f"{code} {file}:{line}" for code, file, line in findings) or "–"


def chosen(argv: list[str]) -> list[str]:
    """The units to score: ``--only FILE`` (slugs, one a line), ``--held-out``, or all."""
    if "--only" in argv:
        return Path(argv[argv.index("--only") + 1]).read_text("utf-8").split()
    return held_out() if "--held-out" in argv else slugs()


def run() -> int:
    names = chosen(sys.argv)
    expected = {name: expectation(name).findings for name in names}
    found = lint_corpus(names)
    print(table(score(expected, found)))
    if "--units" in sys.argv:
        print()
        print(per_unit(expected, found))
    return 0


if __name__ == "__main__":
    raise SystemExit(run())
