"""Benchmark: what the prose rules (placeholders BC202, typography BC406-BC409) cost.

Usage: .venv/bin/python bench/prose_rules.py [--units 200] [--rounds 5]

Generates a synthetic corpus (bench/gen_corpus.py), then times in one process, interleaved
A B C A B C ... for --rounds rounds: plain parsing of every file with myst-parser's
markdown-it setup (A), ``lint_unit`` of every unit with every rule (B), and with every rule
but the prose rules (C). Times are CPU seconds of the process (``time.process_time``), which
a shared, loaded machine disturbs far less than wall time. Prints min and spread (max - min)
of each, and the ratios of the minima: a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROSE_RULES = ("BC202", "BC406", "BC407", "BC408", "BC409")


def generate(units: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(units, out)
    shutil.copy(ROOT / "pyproject.toml", out / "pyproject.toml")
    shutil.copytree(ROOT / "_templates", out / "_templates")


def cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    # bench/html.py would shadow the standard library's html for the imports below
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]
    from baocao.lint import choose_rules, lint_unit
    from baocao.mdparser import parser as md_parser
    from baocao.project import Project

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        generate(args.units, corpus)
        project = Project.discover(corpus)
        units = project.unit_dirs()
        texts = [path.read_text("utf-8") for path in sorted(corpus.rglob("reports/**/*.md"))]
        every, without = choose_rules(), choose_rules((), PROSE_RULES)
        md = md_parser()
        work = {
            "plain parse (myst markdown-it), every file": lambda: [md.parse(t) for t in texts],
            "lint, every rule": lambda: [lint_unit(project, u, every, False) for u in units],
            "lint, without BC202 and BC406-BC409": lambda: [
                lint_unit(project, u, without, False) for u in units
            ],
        }
        for job in work.values():  # warm up: imports, caches of forms and rule data
            job()
        times: dict[str, list[float]] = {label: [] for label in work}
        for _ in range(args.rounds):
            for label, job in work.items():
                times[label].append(cpu_seconds(job))
    report(args, len(texts), times)


def report(args, files: int, times: dict[str, list[float]]) -> None:
    labels = list(times)
    plain = min(times[labels[0]])
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; corpus: {args.units} units, {files} files; "
        f"{args.rounds} rounds, CPU seconds\n"
    )
    print("| measurement | min | spread | ratio to plain parse |")
    print("| --- | ---: | ---: | ---: |")
    for label in labels:
        best, spread = min(times[label]), max(times[label]) - min(times[label])
        print(f"| {label} | {best:.3f} | {spread:.3f} | {best / plain:.2f}× |")
    cost = min(times[labels[1]]) - min(times[labels[2]])
    print(f"\nThe prose rules: {cost:.3f} s, {cost / plain:.2f}× the plain parse.")


if __name__ == "__main__":
    main()
