"""Benchmark: what the commendation data rules (BC601-BC612) add to ``baocao lint``.

Usage: .venv/bin/python bench/awards_lint.py [--units 200] [--rounds 5]

Generates a synthetic corpus (bench/gen_corpus.py) and gives every unit a data file
(reports/so-noi-vu/khen-thuong.yaml: 100 lines, both tables and 16 names), then times in
one process, interleaved A B C A B C ... for --rounds rounds: plain parsing of every
Markdown file with myst-parser's markdown-it setup and of every data file with PyYAML's
C loader (A), ``lint_unit`` of every unit with every rule (B), and with every rule but
BC601-BC612 (C). Times are CPU seconds of the process (``time.process_time``), which a
shared, loaded machine disturbs far less than wall time. Prints min and spread of each
and the ratios of the minima: a Markdown table for docs/performance.md.
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
DATA = ROOT / "reports" / "so-noi-vu" / "khen-thuong.yaml"


def generate(units: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(units, out)
    shutil.copy(ROOT / "pyproject.toml", out / "pyproject.toml")
    shutil.copytree(ROOT / "_templates", out / "_templates")
    for unit in sorted((out / "reports").iterdir()):
        if unit.is_dir():
            shutil.copy(DATA, unit / "khen-thuong.yaml")


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
    import yaml
    from baocao.lint import choose_rules, lint_unit
    from baocao.mdparser import parser as md_parser
    from baocao.project import Project

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        generate(args.units, corpus)
        project = Project.discover(corpus)
        units = project.unit_dirs()
        texts = [path.read_text("utf-8") for path in sorted(corpus.rglob("reports/**/*.md"))]
        data = [(u / "khen-thuong.yaml").read_text("utf-8") for u in units]
        every, without = choose_rules(), choose_rules((), ("BC6",))
        md = md_parser()

        def plain() -> None:
            for text in texts:
                md.parse(text)
            for text in data:
                yaml.load(text, Loader=loader)

        work = {
            "plain parse (markdown-it every file, PyYAML every data file)": plain,
            "lint, every rule": lambda: [lint_unit(project, u, every, False) for u in units],
            "lint, without BC601-BC612": lambda: [
                lint_unit(project, u, without, False) for u in units
            ],
        }
        for job in work.values():  # warm up: imports, caches of forms, schema, rule data
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
        f"Python {platform.python_version()}; corpus: {args.units} units, {files} Markdown "
        f"files and {args.units} data files; {args.rounds} rounds, CPU seconds\n"
    )
    print("| measurement | min | spread | ratio to plain parse |")
    print("| --- | ---: | ---: | ---: |")
    for label in labels:
        best, spread = min(times[label]), max(times[label]) - min(times[label])
        print(f"| {label} | {best:.3f} | {spread:.3f} | {best / plain:.2f}× |")
    cost = min(times[labels[1]]) - min(times[labels[2]])
    per_unit = cost / args.units * 1000
    print(f"\nThe data rules: {cost:.3f} s ({per_unit:.1f} ms a unit), ", end="")
    print(f"{cost / plain:.2f}× the plain parse.")


if __name__ == "__main__":
    main()
