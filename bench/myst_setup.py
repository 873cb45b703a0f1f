"""Benchmark: reading every source with and without myst-parser's throw-away document.

Usage: .venv/bin/python bench/myst_setup.py [--units 40] [--repeat 3]

myst-parser's ``setup_render`` makes a docutils document with default settings for
every file it renders, then uses the document Sphinx passed in;
``baocao.sphinxext.parser.SafeRenderer`` overrides it without that document. This
times ``baocao build docx -j 1`` of a generated project with no doctrees (every
source is read, as for the base's files of ``baocao diff``), as whole processes,
interleaved A B A B: A with myst-parser's own ``setup_render`` (the override
removed), B with baocao's. Prints min and spread of wall and CPU seconds (the
process and its children: pandoc).
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
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = """
import sys
from baocao.cli import main
from baocao.sphinxext.parser import SafeRenderer
if sys.argv[1] == "myst":
    del SafeRenderer.setup_render
sys.exit(main(["build", "docx", "-j", "1"]))
"""
VARIANTS = {
    "A. myst-parser's setup_render (a throw-away document per file)": "myst",
    "B. SafeRenderer.setup_render (the document Sphinx passes)": "baocao",
}


def generate_project(units: int, out: Path) -> list[str]:
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate_project(units, out)


def one_run(corpus: Path, variant: str) -> tuple[float, float]:
    """Wall and CPU seconds of one build from no doctrees."""
    shutil.rmtree(corpus / "_build", ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUN, variant], cwd=corpus, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"build failed: {done.stderr.decode()[-800:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    libraries = sysconfig.get_paths()["purelib"]
    compiled = [sys.executable, "-m", "compileall", "-q", str(ROOT / "tooling"), libraries]
    subprocess.run(compiled, check=True, capture_output=True)
    times: dict[str, list[tuple[float, float]]] = {label: [] for label in VARIANTS}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate_project(args.units, corpus)
        for _ in range(args.repeat):
            for label, variant in VARIANTS.items():
                times[label].append(one_run(corpus, variant))
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"Corpus: {args.units} units, no doctrees, -j 1, {args.repeat} rounds\n")
    print("| measurement | wall min (s) | wall spread (s) | CPU min (s) | CPU spread (s) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, runs in times.items():
        walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
        print(
            f"| {label} | {min(walls):.2f} | {max(walls) - min(walls):.2f} "
            f"| {min(cpus):.2f} | {max(cpus) - min(cpus):.2f} |"
        )


if __name__ == "__main__":
    main()
