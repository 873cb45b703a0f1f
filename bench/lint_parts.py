"""Benchmark: where ``baocao lint -j 1`` spends its time, part by part, in wall seconds.

Usage: .venv/bin/python bench/lint_parts.py [--units 500] [--top 20] [--cpu]

cProfile slows Python code several times more than the C code it calls, so its
shares mislead for a linter whose biggest part (markdown-it) is Python and whose
rules lean on ``re``. This benchmark generates the corpus of bench/lint.py
(bench/gen_corpus.py, seed 0), then lints it in this process with each rule's
``check``, the loader, markdown-it's ``parse``, the front matter, the toctree
entries and the alignment each wrapped in a timer, and prints the total of each
part. Parts nest: ``load`` holds ``markdown-it parse``, ``front matter`` and
``toctree entries``; a rule's time holds what it computes first for the rules after
it (the prose runs, for the first rule that reads them). With ``--cpu`` the timers read
the process's CPU time (``time.process_time``) instead of the wall clock: on a machine
shared with other programs, the wall time of a part follows their load, its CPU time
much less.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOTALS: dict[str, float] = defaultdict(float)
CLOCK = {"clock": time.perf_counter}


def timed(label: str, function: Callable) -> Callable:
    """``function`` with its wall time added to ``TOTALS[label]`` at each call."""

    def wrapper(*args, **kwargs):
        start = CLOCK["clock"]()
        try:
            return function(*args, **kwargs)
        finally:
            TOTALS[label] += CLOCK["clock"]() - start

    return wrapper


def timed_rule(rule: type) -> type:
    """A subclass of ``rule`` whose ``check`` runs to the end inside the timer."""

    def check(self, ctx):
        return timed(rule.code, lambda: list(rule.check(self, ctx)))()

    return type(rule.__name__, (rule,), {"check": check})


def instrument() -> None:
    # this folder (first on the path) holds html.py, which would hide the standard library's
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
    from baocao import report, toctree
    from baocao.lint import engine
    from baocao.mdparser import parser

    md = parser()
    md.parse = timed("markdown-it parse", md.parse)
    report._Loader.read_front_matter = timed("front matter", report._Loader.read_front_matter)
    toctree._resolve = timed("toctree entries", toctree._resolve)
    engine.load_report = timed("load", engine.load_report)
    engine.align = timed("alignment", engine.align)
    choose = engine.choose_rules
    engine.choose_rules = lambda *args: [timed_rule(rule) for rule in choose(*args)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--cpu", action="store_true", help="CPU time instead of wall time")
    args = parser.parse_args()
    if args.cpu:
        CLOCK["clock"] = time.process_time
    spec = importlib.util.spec_from_file_location("bench_lint", ROOT / "bench" / "lint.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    instrument()
    from baocao.cli import main as baocao

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        bench.generate(args.units, corpus)
        os.chdir(corpus)
        start = CLOCK["clock"]()
        baocao(["lint", "--format", "json", "--output", os.devnull, "-j", "1"])
        total = CLOCK["clock"]() - start
    clock = "CPU" if args.cpu else "wall"
    print(f"baocao lint -j 1, {args.units} units: {total:.3f} s {clock} (timers included)")
    for label, seconds in sorted(TOTALS.items(), key=lambda item: -item[1])[: args.top]:
        print(f"{label:<20} {seconds:7.3f} s")


if __name__ == "__main__":
    main()
