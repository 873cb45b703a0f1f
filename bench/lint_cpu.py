"""Benchmark: CPU time of ``baocao lint -j 1`` against plain parsing, interleaved A B A B.

Usage: .venv/bin/python bench/lint_cpu.py [--units 500] [--rounds 5] [--baseline DIR]

Wall time on a shared machine follows the other processes' load; the CPU time a
process uses (user + system, from ``getrusage``) follows it much less. This
benchmark generates the corpus of bench/lint.py (bench/gen_corpus.py, seed 0) and,
round after round, runs the plain parse (myst-parser's markdown-it setup over every
file) and ``baocao lint -j 1`` (JSON to /dev/null) one after the other, so that both
see the same moment of the machine. With ``--baseline DIR`` (the ``tooling/``
folder of another checkout, e.g. main's), each round also lints with that code, for
a before/after comparison. Prints min and spread per measurement, and the ratios
of the minima.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = "import sys; from baocao.cli import main; sys.exit(main())"


def _bench_lint():
    spec = importlib.util.spec_from_file_location("bench_lint", ROOT / "bench" / "lint.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cpu_seconds(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    """User + system CPU seconds of one run of ``cmd`` and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="another checkout's tooling/ folder")
    args = parser.parse_args()
    bench = _bench_lint()
    python = sys.executable
    lint = [python, "-c", RUN, "lint", "--format", "json", "--output", os.devnull, "-j", "1"]
    runs = {"plain parse": ([python, "-c", bench.PLAIN_PARSE, "reports"], dict(os.environ))}
    if args.baseline:
        baseline = dict(os.environ, PYTHONPATH=str(args.baseline.resolve()))
        runs["baocao lint -j 1, baseline"] = (lint, baseline)
    runs["baocao lint -j 1"] = (lint, dict(os.environ))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        bench.generate(args.units, corpus)
        times: dict[str, list[float]] = {label: [] for label in runs}
        for _ in range(args.rounds):
            for label, (cmd, env) in runs.items():
                times[label].append(cpu_seconds(cmd, corpus, env))
    report(args, times)


def report(args, times: dict[str, list[float]]) -> None:
    plain = min(times["plain parse"])
    print(f"Corpus: {args.units} units; {args.rounds} rounds, interleaved; CPU seconds\n")
    print("| measurement | min | spread | ratio of minima |")
    print("| --- | ---: | ---: | ---: |")
    for label, values in times.items():
        spread = max(values) - min(values)
        print(f"| {label} | {min(values):.2f} | {spread:.2f} | {min(values) / plain:.2f}× plain |")


if __name__ == "__main__":
    main()
