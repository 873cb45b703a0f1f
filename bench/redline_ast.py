"""Benchmark: a unit's redline from two pandoc documents against building the base's file.

Usage: .venv/bin/python bench/redline_ast.py [--units 40] [--repeat 5]

Generates a corpus (bench/gen_corpus.py) and a copy with every unit edited as
bench/diff.py edits it (a word in one file, a paragraph added to another), takes
each unit's Job (pandoc document and front matter, as the Word builder prepares
it) in both versions, then times over all units, interleaved (A B C A B C ...):
  A. today's Word file alone, pandoc then the finishing (``convert``'s work);
  B. the old way's redline work: the base's Word file built the same way, then
     ``redline.document.redline`` comparing it with today's file (built beforehand);
  C. ``redline.ast_diff.redline_docx`` from the two Jobs (no base file at all).
Each round is timed in wall seconds and in CPU seconds (this process's and its
pandoc's, read from /proc: robust on a shared machine). Checks that every C
redline accepts to today's file and rejects to the base's. Prints Markdown tables
for docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.append(str(ROOT / "tests"))
from baocao.redline.ast_diff import redline_docx  # noqa: E402
from baocao.redline.document import redline  # noqa: E402
from redline_helpers import accepted, rejected, texts  # noqa: E402
from redline_jobs import built, unit_jobs  # noqa: E402

STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def cpu_seconds() -> float:
    """CPU time of this process and of its running pandoc processes (Linux's /proc)."""
    from baocao.docx import pandoc

    total = time.process_time()
    tick = os.sysconf("SC_CLK_TCK")
    for writer in pandoc._writers.values():
        stat = Path(f"/proc/{writer.process.pid}/stat")
        if stat.is_file():
            fields = stat.read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def load_module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    gen, diff = load_module("gen_corpus"), load_module("diff")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        slugs = gen.generate_project(args.units, tmp / "base")
        shutil.copytree(tmp / "base", tmp / "edited")
        diff.edit(tmp / "edited", slugs)
        before = unit_jobs(tmp / "base", slugs, tmp / "keep")
        after = unit_jobs(tmp / "edited", slugs, tmp / "keep")
        units = [u for u in slugs if u in before and u in after]
        today_files = {u: built(after[u]) for u in units}
        rows = {
            "A. today's file alone (pandoc, finishing)": lambda: [built(after[u]) for u in units],
            "B. base's file built, then compared (redline.document)": lambda: [
                redline(built(before[u]), today_files[u], "bench", STAMP) for u in units
            ],
            "C. redline_docx from the two pandoc documents": lambda: [
                redline_docx(before[u], after[u], "bench", STAMP) for u in units
            ],
        }
        times: dict[str, list[float]] = {label: [] for label in rows}
        cpu: dict[str, list[float]] = {label: [] for label in rows}
        for _ in range(args.repeat):
            for label, run in rows.items():
                start, start_cpu = time.perf_counter(), cpu_seconds()
                run()
                times[label].append(time.perf_counter() - start)
                cpu[label].append(cpu_seconds() - start_cpu)
        good = 0
        for unit in units:
            marked = redline_docx(before[unit], after[unit], "bench", STAMP)
            good += accepted(marked) == texts(today_files[unit]) and rejected(marked) == texts(
                built(before[unit])
            )
        report(args, units, {"wall": times, "CPU": cpu}, good)


def report(args, units: list[str], kinds: dict[str, dict[str, list[float]]], good: int) -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} cores"
    print(f"Machine: {machine}, Python {platform.python_version()}")
    print(f"Units: {len(units)} of {args.units}, each edited; rounds: {args.repeat}")
    for kind, times in kinds.items():
        print(f"\n| measurement ({kind}) | min (s) | spread (s) | ms per unit | min vs A |")
        print("| --- | ---: | ---: | ---: | ---: |")
        base = min(next(iter(times.values())))
        for label, runs in times.items():
            per = min(runs) / max(len(units), 1) * 1000
            spread = max(runs) - min(runs)
            ratio = min(runs) / base
            print(f"| {label} | {min(runs):.2f} | {spread:.2f} | {per:.0f} | {ratio:.2f}× |")
    print(f"\nC's redlines: accept → today's file, reject → the base's: {good}/{len(units)}")


if __name__ == "__main__":
    main()
