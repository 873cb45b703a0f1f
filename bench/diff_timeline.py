"""Benchmark: where the wall time of ``baocao diff`` (nothing cached) goes, step by step.

Usage: .venv/bin/python bench/diff_timeline.py [--units 100] [--rounds 3]

Generates and edits the corpus of bench/diff.py (bench/gen_corpus.py, every unit changed,
committed on a branch, the HTML site built once) and, in each round, with
``_build/cache`` removed, runs ``baocao diff --since main`` in a fresh process that notes
the moments of its life (seconds since the process started): the imports done, the
changed units found, each serial step of ``redline_plan`` (the base's export, the
authors, the cache keys, the titles), the Sphinx application made, the workers'
first and last unit (with the CPU seconds of the workers), the results back in the
parent, and the process's end. Prints one line per round.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run inside the measured process: wraps the steps of ``baocao diff``.
PROBE = r"""
import atexit, sys, time
START = time.time()
import baocao.changes as changes
import baocao.commands.diff as command
import baocao.docx.runner as runner
import baocao.redline.run as run
from sphinx.application import Sphinx
from baocao.cli import main
marks = {"imports": time.time() - START}

def timed(module, name, label=None):
    original = getattr(module, name)
    def wrapper(*args, **kwargs):
        begin = time.time() - START
        try:
            return original(*args, **kwargs)
        finally:
            marks[label or name] = (begin, time.time() - START)
    setattr(module, name, wrapper)

timed(command, "changed_units")
timed(run, "merge_base")
timed(run, "units_at")
timed(run, "export")
timed(run, "authorships")
timed(run.cache, "unit_keys")
timed(run, "redline_plan")
timed(run, "build_docx")
timed(Sphinx, "__init__", "sphinx start")
timed(Sphinx, "build", "sphinx build")
work = runner.prepare_and_finish

def worker(unit):
    begin, cpu = time.time(), time.process_time()
    outcome = work(unit)
    used = time.process_time() - cpu
    print(f"unit {begin - START:.3f} {time.time() - START:.3f} {used:.3f}", file=sys.stderr)
    return outcome

runner.prepare_and_finish = worker

def show():
    end = time.time() - START
    parts = [f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v[0]:.2f}-{v[1]:.2f}"
             for k, v in marks.items()]
    print("MARKS " + "; ".join(parts) + f"; end {end:.2f}", file=sys.stderr)

atexit.register(show)
sys.argv = ["baocao", "diff", "--since", "main"]
main()
"""


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def summary(stderr: str) -> str:
    """The round's marks and its workers' span."""
    units = [line.split()[1:] for line in stderr.splitlines() if line.startswith("unit ")]
    marks = next(line[6:] for line in stderr.splitlines() if line.startswith("MARKS "))
    first = min(float(u[0]) for u in units)
    last = max(float(u[1]) for u in units)
    cpu = sum(float(u[2]) for u in units)
    return f"{marks}; workers {first:.2f}-{last:.2f} ({len(units)} units, cpu {cpu:.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", default="", help="an existing corpus, already edited")
    args = parser.parse_args()
    bench = load("diff")
    with tempfile.TemporaryDirectory() as tmp_name:
        corpus = Path(args.corpus) if args.corpus else Path(tmp_name) / "corpus"
        if not args.corpus:
            slugs = bench.generate_project(args.units, corpus)
            (corpus / ".gitignore").write_text("_build/\n", "utf-8")
            bench.git(corpus, "init", "-q", "-b", "main")
            bench.git(corpus, "add", "-A")
            bench.git(corpus, "commit", "-q", "-m", "base")
            bench.git(corpus, "checkout", "-q", "-b", "edits")
            bench.edit(corpus, slugs)
            bench.git(corpus, "commit", "-q", "-am", "edits")
            bench.baocao(corpus, "build", "html")
        for _ in range(args.rounds):
            shutil.rmtree(corpus / "_build" / "cache", ignore_errors=True)
            command = [sys.executable, "-c", PROBE]
            done = subprocess.run(command, cwd=corpus, capture_output=True, text=True)
            print(summary(done.stderr))


if __name__ == "__main__":
    main()
