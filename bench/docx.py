"""Benchmark: ``baocao build docx`` against plain pandoc on the same generated units.

Usage: .venv/bin/python bench/docx.py [--units 100] [--repeat 3]

Generates a synthetic corpus (bench/gen_corpus.py), builds its HTML site once (as
``make build`` does, so the doctrees exist), then times each of these as a whole
process, best of --repeat rounds (a round runs every measurement in turn):
  - plain pandoc: one pandoc process per unit converting the unit's Markdown files
    to .docx, one at a time, then two at a time;
  - ``baocao build docx -j 1`` and ``-j 2`` (and ``-j N`` on machines with more
    cores), each as a whole process: start-up, the environment the HTML build left,
    lint, doctree → pandoc → ND30 finishing, one file per unit;
  - ``baocao build docx -j 1`` with no doctrees yet (no HTML build before it).
Prints a Markdown table for docs/performance.md ("Word files").
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypandoc

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def generate_project(units: int, out: Path) -> list[str]:
    """The generated corpus as a project (``bench/gen_corpus.py``'s ``generate_project``)."""
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate_project(units, out)


def unit_sources(unit_dir: Path) -> list[str]:
    """The unit's Markdown files, index first (file names follow the report's order)."""
    rest = sorted(p for p in unit_dir.rglob("*.md") if p != unit_dir / "index.md")
    return [str(p) for p in [unit_dir / "index.md", *rest]]


def best_times(rows: dict[str, Callable[[], None]], repeat: int) -> dict[str, float]:
    """Best wall time of each run; rounds go through every row in turn, so that a
    passing load on the machine does not fall on one measurement only."""
    best = dict.fromkeys(rows, float("inf"))
    for _ in range(repeat):
        for label, run in rows.items():
            start = time.perf_counter()
            run()
            best[label] = min(best[label], time.perf_counter() - start)
    return best


def plain_pandoc(corpus: Path, units: list[str], out: Path, workers: int) -> None:
    pandoc = pypandoc.get_pandoc_path()
    out.mkdir(exist_ok=True)

    def convert(unit: str) -> None:
        sources = unit_sources(corpus / "reports" / unit)
        command = [pandoc, "-f", "markdown", "-t", "docx", "-o", str(out / f"{unit}.docx")]
        subprocess.run([*command, *sources], check=True, capture_output=True)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(convert, units))


def baocao_docx(corpus: Path, jobs: int) -> None:
    done = subprocess.run(
        [str(BIN / "baocao"), "build", "docx", "-j", str(jobs)], cwd=corpus, capture_output=True
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"baocao build docx failed: {done.stderr.decode()[-800:]}")


def cold_docx(corpus: Path) -> None:
    """The Word files without an HTML build before: Sphinx reads every source itself."""
    shutil.rmtree(corpus / "_build" / "doctrees")
    baocao_docx(corpus, 1)


def build_html(corpus: Path) -> None:
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", "_build/doctrees", "."]
    subprocess.run([*command, "_build/html"], cwd=corpus, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    # Byte-compile the project's modules, as pip does for an installed package (an
    # editable install does not, and PYTHONDONTWRITEBYTECODE may stop Python doing it).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tooling")], check=True)
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        units = generate_project(args.units, corpus)
        build_html(corpus)
        plain_out = Path(tmp) / "plain"
        rows = {
            "plain pandoc, 1 process per unit, one at a time": (
                1,
                lambda: plain_pandoc(corpus, units, plain_out, 1),
            ),
            "plain pandoc, 1 process per unit, two at a time": (
                2,
                lambda: plain_pandoc(corpus, units, plain_out, 2),
            ),
            "baocao build docx -j 1": (1, lambda: baocao_docx(corpus, 1)),
            "baocao build docx -j 2": (2, lambda: baocao_docx(corpus, 2)),
        }
        if cores > 2:
            rows[f"baocao build docx -j {cores}"] = (cores, lambda: baocao_docx(corpus, cores))
        rows["baocao build docx -j 1, no doctrees yet (reads every source)"] = (
            1,
            lambda: cold_docx(corpus),
        )
        times = best_times({label: run for label, (_, run) in rows.items()}, args.repeat)
        written = len(list((corpus / "_build" / "docx").glob("*.docx")))
    report(args.units, written, cores, {k: (rows[k][0], v) for k, v in times.items()})


def report(units: int, written: int, cores: int, times: dict[str, tuple[int, float]]) -> None:
    plain = {jobs: seconds for label, (jobs, seconds) in times.items() if "plain" in label}
    one = times["baocao build docx -j 1"][1]
    print(
        f"Machine: {platform.processor() or platform.machine()}, {cores} cores, "
        f"Python {platform.python_version()}, pandoc {pypandoc.get_pandoc_version()}"
    )
    print(f"Corpus: {units} units ({written} Word files written by baocao)\n")
    print("| measurement | seconds | ms per unit | vs plain pandoc | speed-up vs -j 1 |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, (jobs, seconds) in times.items():
        versus = seconds / plain[min(jobs, max(plain))]
        speedup = f"{one / seconds:.2f}×" if label.startswith("baocao") else ""
        per_unit = seconds / units * 1000
        print(f"| {label} | {seconds:.2f} | {per_unit:.0f} | {versus:.2f}× | {speedup} |")


if __name__ == "__main__":
    main()
