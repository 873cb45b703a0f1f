"""Benchmark: ``baocao lint`` against plain myst markdown-it parsing of the same files.

Usage: .venv/bin/python bench/lint.py [--units 500] [--big 5000] [--repeat 3]

Generates a synthetic corpus (bench/gen_corpus.py), then times, each as a whole
process, --repeat rounds interleaved (A B C D E, A B C D E, ...: every measurement sees
the same moments of a shared machine), and reports each one's minimum and spread:
  - plain parse: import myst-parser's markdown-it setup and parse every file;
  - baocao lint of every unit (one process, and the default parallel workers);
  - one unit: baocao lint of a single unit, against a process that only imports
    myst_parser.parsers.mdit and myst_parser.mdit_to_docutils.base;
  - memory: peak RSS of ``baocao lint -j 1`` at --units and at --big units (flat memory).
Prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PLAIN_PARSE = """
import pathlib, sys
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
md = create_md_parser(MdParserConfig(enable_extensions={"colon_fence"}), RendererHTML)
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.md")):
    md.parse(path.read_text("utf-8"))
"""
IMPORT_ONLY = "import myst_parser.parsers.mdit, myst_parser.mdit_to_docutils.base"


def generate(units: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(units, out)
    shutil.copy(ROOT / "pyproject.toml", out / "pyproject.toml")
    shutil.copytree(ROOT / "_templates", out / "_templates")


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system, with its workers) of one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def interleaved(
    rows: list[tuple[str, list[str]]], cwd: Path, repeat: int
) -> dict[str, list[tuple[float, float]]]:
    """Each row's (wall, CPU) times, the rows run one after the other in every round."""
    times: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in rows}
    for _ in range(repeat):
        for label, cmd in rows:
            times[label].append(timed(cmd, cwd))
    return times


def peak_rss(cmd: list[str], cwd: Path) -> int:
    """Peak RSS (KiB) of one run, measured by GNU time in a fresh process."""
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *cmd], cwd=cwd, capture_output=True, text=True
    )
    return int(done.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--big", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    # Byte-compile the project's modules, as pip does for an installed package (an
    # editable install does not, and PYTHONDONTWRITEBYTECODE may stop Python doing it).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tooling")], check=True)
    python, baocao = sys.executable, str(BIN / "baocao")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(args.units, corpus)
        files = list((corpus / "reports").rglob("*.md"))
        size = sum(f.stat().st_size for f in files) / 1e6
        one = sorted((corpus / "reports").iterdir())[0]
        lint = [baocao, "lint", "--format", "json", "--output", os.devnull]
        rows = [
            ("plain parse (myst markdown-it), every file", [python, "-c", PLAIN_PARSE, "reports"]),
            ("baocao lint, every unit, 1 process", [*lint, "-j", "1"]),
            ("baocao lint, every unit, default workers", lint),
            ("import of myst mdit + mdit_to_docutils only", [python, "-c", IMPORT_ONLY]),
            ("baocao lint, one unit", [*lint, f"reports/{one.name}"]),
        ]
        times = interleaved(rows, corpus, args.repeat)
        rss_small = peak_rss([*lint, "-j", "1"], corpus)
        big = Path(tmp) / "big"
        generate(args.big, big)
        start = time.perf_counter()
        rss_big = peak_rss([*lint, "-j", "1"], big)
        big_time = time.perf_counter() - start
    report(args, len(files), size, times, rss_small, rss_big, big_time)


def report(
    args,
    files: int,
    size: float,
    times: dict[str, list[tuple[float, float]]],
    rss_small: int,
    rss_big: int,
    big_time: float,
) -> None:
    labels = list(times)
    wall = {label: [w for w, _ in runs] for label, runs in times.items()}
    cpu = {label: min(c for _, c in runs) for label, runs in times.items()}
    plain, one_import = min(wall[labels[0]]), min(wall[labels[3]])
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"Corpus: {args.units} units, {files} files, {size:.1f} MB; {args.repeat} rounds\n")
    print("| measurement | wall min (s) | wall spread (s) | ratio of minima | CPU min (s) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label in labels:
        base, unit = (plain, "plain parse") if label in labels[:3] else (one_import, "import only")
        best, spread = min(wall[label]), max(wall[label]) - min(wall[label])
        print(
            f"| {label} | {best:.2f} | {spread:.2f} | {best / base:.2f}× {unit} "
            f"| {cpu[label]:.2f} |"
        )
    print(
        f"\nPeak memory, baocao lint -j 1: {rss_small / 1024:.0f} MiB at {args.units} units, "
        f"{rss_big / 1024:.0f} MiB at {args.big} units ({big_time:.1f} s)."
    )


if __name__ == "__main__":
    main()
