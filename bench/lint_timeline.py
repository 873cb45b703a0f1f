"""Benchmark: where the wall time of ``baocao lint`` with its default workers goes.

Usage: .venv/bin/python bench/lint_timeline.py [--units 500] [--rounds 3]

Generates the corpus of bench/lint.py (bench/gen_corpus.py, seed 0) and, in each round,
runs ``baocao lint --format json --output /dev/null`` in a fresh process that notes the
moments of its life (seconds since the process started): the imports done, the workers
asked for, each worker's start and end with its CPU time, its number of units and the
size of its results once pickled (what goes back to the parent), the results back in
the parent, and the end of the process (reporters, JSON). Prints one line per round.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run inside the measured process: wraps the worker's function and the parallel run.
PROBE = r"""
import atexit, os, pickle, sys, time
START = time.time()
import baocao.commands.lint as command
import baocao.lint.parallel as parallel
from baocao.cli import main
marks = {"imports": time.time() - START}
lint_chunk, run = parallel._lint_chunk, command.run

def chunk(args):
    begin, cpu = time.time(), time.process_time()
    results = lint_chunk(args)
    end, used = time.time(), time.process_time() - cpu
    size = len(pickle.dumps(results))
    print(f"worker {begin - START:.3f}-{end - START:.3f} cpu {used:.2f} "
          f"units {len(results)} pickled {size / 1e6:.2f} MB", file=sys.stderr)
    return results

def timed_run(*args, **kwargs):
    marks["run"] = time.time() - START
    results = run(*args, **kwargs)
    marks["back"] = time.time() - START
    return results

parallel._lint_chunk, command.run = chunk, timed_run
atexit.register(lambda: print(
    " ".join(f"{k} {v:.3f}" for k, v in marks.items()) + f" exit {time.time() - START:.3f}",
    file=sys.stderr))
sys.argv = ["baocao", "lint", "--format", "json", "--output", os.devnull]
main()
"""


def generate(units: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_lint", ROOT / "bench" / "lint.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(units, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tooling")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(args.units, corpus)
        print(f"Corpus: {args.units} units; load average {os.getloadavg()[0]:.1f}")
        for number in range(1, args.rounds + 1):
            done = subprocess.run(
                [sys.executable, "-c", PROBE], cwd=corpus, capture_output=True, text=True
            )
            lines = [line for line in done.stderr.splitlines() if line.strip()]
            print(f"round {number}:", " | ".join(lines[-3:]))


if __name__ == "__main__":
    main()
