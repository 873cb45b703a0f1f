"""Benchmark: the cost of the unit boundary (real paths, limits, fault guards).

Usage: .venv/bin/python bench/boundary.py BASELINE_TOOLING [--units 300] [--site 60] [--repeat 3]

BASELINE_TOOLING is the ``tooling`` folder of the code before the boundary (for
example ``git archive f15f938 tooling | tar -x -C /tmp/base``, then
``/tmp/base/tooling``); it is put first on PYTHONPATH for the "before" runs. Times,
interleaved before/after (A B A B ...), each as a whole process on the same
synthetic corpus (bench/gen_corpus.py): ``baocao lint -j 1`` of --units units and a
fresh ``baocao build html -j 1`` of --site units. Prints min and spread (max - min) of
the wall time and of the CPU time (user + system: steadier on a shared machine) as a
Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lint import generate

ROOT = Path(__file__).resolve().parent.parent
BAOCAO = [sys.executable, "-m", "baocao.cli"]


def run_once(cmd: list[str], cwd: Path, pythonpath: str | None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``cmd``."""
    env = {**os.environ, "CI": "true"}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    shutil.rmtree(cwd / "_build", ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-800:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def compare(
    cmd: list[str], cwd: Path, baseline: str, repeat: int
) -> dict[str, list[tuple[float, float]]]:
    times: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
    for _ in range(repeat):
        times["before"].append(run_once(cmd, cwd, baseline))
        times["after"].append(run_once(cmd, cwd, None))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", type=Path)
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--site", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    baseline = str(args.baseline.resolve())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        lint_corpus, site_corpus = Path(tmp) / "lint", Path(tmp) / "site"
        generate(args.units, lint_corpus)
        generate(args.site, site_corpus)
        shutil.copy(ROOT / "conf.py", site_corpus / "conf.py")
        lint = [*BAOCAO, "lint", "--format", "json", "--output", os.devnull, "-j", "1"]
        html = [*BAOCAO, "build", "html", "-j", "1"]
        for label, cmd, cwd in (
            (f"baocao lint -j 1, {args.units} units", lint, lint_corpus),
            (f"baocao build html -j 1 (fresh), {args.site} units", html, site_corpus),
        ):
            times = compare(cmd, cwd, baseline, args.repeat)
            rows.append((label, times))
    machine = f"{platform.platform()}, {os.cpu_count()} CPUs"
    print(f"Machine: {machine}, Python {platform.python_version()}")
    print(f"Interleaved before/after, {args.repeat} runs each; seconds, min (spread).\n")
    print("| run | before, wall | after, wall | before, CPU | after, CPU |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, times in rows:
        cells = [
            f"{min(v):.2f} ({max(v) - min(v):.2f})"
            for which in (0, 1)
            for v in ([run[which] for run in runs] for runs in times.values())
        ]
        print(f"| {label} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
