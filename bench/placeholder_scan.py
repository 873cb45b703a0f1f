"""Benchmark: ways to look for BC202's placeholders, on whole files and on paragraphs.

Usage: .venv/bin/python bench/placeholder_scan.py [--units 500] [--rounds 5]

Generates the corpus of bench/lint.py (bench/gen_corpus.py, seed 0) and times, in CPU
seconds (min of the rounds), what BC202 and ``written`` do today against two
alternatives that answer the same:

- files: each pattern of data/lint.yaml searched in turn (``placeholders.may_hold``);
  one alternation of all of them; each pattern led by a choice of literals
  ("ngày|Ngày|NGÀY") searched only where one of its literals occurs.
- paragraphs (the inline texts of the files): the patterns' substitutions in turn
  (``written``), and the same after the literal test for the patterns led by a choice.

Also prints each pattern's own search time over the files. Every alternative is
checked to give the same answers as today's code before it is timed.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from re import _constants, _parser

ROOT = Path(__file__).resolve().parent.parent


def _leads(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The literals a pattern led by a choice of literals must start with, else None."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    if pattern.flags & re.IGNORECASE or not items or items[0][0] is not _constants.BRANCH:
        return None
    leads = tuple(_literal(branch) for branch in items[0][1][1])
    return None if "" in leads else leads


def _literal(items) -> str:
    text = ""
    for op, value in items:
        if op is not _constants.LITERAL:
            break
        text += chr(value)
    return text


def best(function: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    # bench/html.py would hide the standard library's html, which markdown-it imports
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
    spec = importlib.util.spec_from_file_location("bench_lint", ROOT / "bench" / "lint.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    from baocao.lint.ruledata import rule_data
    from baocao.mdparser import parser as md

    patterns = rule_data().placeholders
    with tempfile.TemporaryDirectory() as tmp:
        bench.generate(args.units, Path(tmp) / "corpus")
        files = [p.read_text(encoding="utf-8") for p in sorted(Path(tmp).rglob("*.md"))]
    paragraphs = [t.content for f in files for t in md().parse(f) if t.type == "inline"]
    joined = re.compile("|".join(f"(?:{p.pattern})" for p in patterns))
    led = [(tuple(re.compile(re.escape(s)).search for s in _leads(p) or ()), p) for p in patterns]

    def each(text: str) -> bool:
        return any(p.search(text) for p in patterns)

    def one(text: str) -> bool:
        return joined.search(text) is not None

    def by_lead(text: str) -> bool:
        return any(
            (not tests or any(t(text) for t in tests)) and p.search(text) for tests, p in led
        )

    def subs(text: str) -> str:
        for pattern in patterns:
            text = pattern.sub(" ", text)
        return text

    def subs_by_lead(text: str) -> str:
        for tests, pattern in led:
            if not tests or any(t(text) for t in tests):
                text = pattern.sub(" ", text)
        return text

    for name, way in (("one alternation", one), ("literals first", by_lead)):
        assert list(map(way, files)) == list(map(each, files)), name
    assert list(map(subs_by_lead, paragraphs)) == list(map(subs, paragraphs))
    print(f"{len(files)} files, {len(paragraphs)} paragraphs; CPU s, min of {args.rounds}")
    rows = [
        ("files: each pattern (today)", lambda: list(map(each, files))),
        ("files: one alternation", lambda: list(map(one, files))),
        ("files: literals first", lambda: list(map(by_lead, files))),
        ("paragraphs: substitutions (today)", lambda: list(map(subs, paragraphs))),
        ("paragraphs: literals first", lambda: list(map(subs_by_lead, paragraphs))),
    ]
    for label, function in rows:
        print(f"{label:<36} {best(function, args.rounds):.4f}")
    for pattern in patterns:
        seconds = best(lambda p=pattern: [p.search(f) for f in files], args.rounds)
        print(f"{seconds:.4f}  {pattern.pattern}")


if __name__ == "__main__":
    main()
