"""Benchmark: the CPU time of the loader's own work (``load_report`` of every unit), interleaved.

Usage: .venv/bin/python bench/lint_load.py [--units 500] [--rounds 3] [--baseline DIR]

markdown-it's parse is most of the loading and the same work in any version of the
loader, so it hides what the loader itself does (reading the files, the front matter,
the block walk, the toctree, the limits and the unit's walk). This benchmark generates
the corpus of bench/lint.py (bench/gen_corpus.py, seed 0) and, in a fresh process per
measurement, loads every unit once to warm up, then ``--repeat`` times more and keeps
the least CPU time (``time.process_time``), twice: with markdown-it's parse answered
from a cache filled on the warm-up (the loader's own work), and as it is (parse
included). With ``--baseline DIR`` (another checkout's ``tooling/`` folder, e.g.
main's) each round runs the baseline then this checkout, one after the other. Prints
min and spread of each over the rounds.
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

# Run in the measured process: argv = corpus folder, "cached" or "parsed", repeats.
PROBE = r"""
import os, sys, time
from pathlib import Path
from baocao import mdparser
from baocao.project import Project
from baocao.report import load_report

md = mdparser.parser()
if sys.argv[2] == "cached":
    parse, seen = md.parse, {}

    def cached(text, env=None):
        if text not in seen:
            seen[text] = parse(text, env)
        return seen[text]

    md.parse = cached
os.chdir(sys.argv[1])
project = Project.discover(Path.cwd())
units = project.unit_dirs()

def load_all():
    for unit in units:
        load_report(unit, project.root, project.known_forms, project.settings)

load_all()
best = float("inf")
for _ in range(int(sys.argv[3])):
    start = time.process_time()
    load_all()
    best = min(best, time.process_time() - start)
print(best)
"""


def _generate(units: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_lint", ROOT / "bench" / "lint.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(units, out)


def measure(corpus: Path, mode: str, repeat: int, env: dict[str, str]) -> float:
    cmd = [sys.executable, "-c", PROBE, str(corpus), mode, str(repeat)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the probe failed: {done.stderr[-500:]}")
    return float(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another checkout's tooling/ folder")
    args = parser.parse_args()
    envs = {"this checkout": dict(os.environ)}
    if args.baseline:
        baseline = dict(os.environ, PYTHONPATH=str(args.baseline.resolve()))
        envs = {"baseline": baseline, **envs}
    rows = [(name, mode) for mode in ("cached", "parsed") for name in envs]
    times: dict[tuple[str, str], list[float]] = {row: [] for row in rows}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        _generate(args.units, corpus)
        for _ in range(args.rounds):
            for name, mode in rows:
                times[name, mode].append(measure(corpus, mode, args.repeat, envs[name]))
    print(f"Corpus: {args.units} units; {args.rounds} rounds, interleaved; CPU seconds\n")
    print("| measurement | min | spread |")
    print("| --- | ---: | ---: |")
    labels = {"cached": "the loader's own work (parse cached)", "parsed": "loading, parse included"}
    for (name, mode), values in times.items():
        spread = max(values) - min(values)
        print(f"| {labels[mode]}, {name} | {min(values):.3f} | {spread:.3f} |")


if __name__ == "__main__":
    main()
