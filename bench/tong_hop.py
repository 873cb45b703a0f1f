"""Benchmark of ``baocao tong-hop`` (the board's report) beside ``baocao build html``.

Usage::

    python bench/tong_hop.py [--sizes 30 100] [--rounds 3] [--jobs 2] [--workdir DIR]

For each size N, ``bench/gen_corpus.py`` writes N units (seed 0) and each unit gets a
commendation data file (``khen-thuong.yaml``, fixed seed). Then, each as a separate
process timed from start to exit, interleaved A B A B for ``--rounds`` rounds:

* site: ``baocao build html --clean -j JOBS``, the units' site;
* tong-hop: ``baocao tong-hop -j JOBS``: lint every unit, roll up the numbers, write
  the board's report and build its page and its Word file.

It prints a Markdown table (min and spread of each, and their ratio) for
docs/performance.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def generator():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_corpus"] = module
    spec.loader.exec_module(module)
    return module


def write_data(unit: Path, rng: random.Random, year: int = 2025) -> None:
    giay = rng.randint(0, 40)
    data = {
        "nam": year,
        "mau-10": {
            "giay-khen": {"tap-the": rng.randint(0, 9), "ca-nhan": giay},
            "lao-dong-tien-tien": {"ca-nhan": rng.randint(0, 200)},
        },
    }
    (unit / "khen-thuong.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


def project(size: int, workdir: Path) -> Path:
    root = workdir / f"units-{size}"
    shutil.rmtree(root, ignore_errors=True)
    slugs = generator().generate_project(size, root)
    rng = random.Random(14)
    for slug in slugs:
        write_data(root / "reports" / slug, rng)
    return root


def timed(root: Path, *args: str) -> float:
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "baocao"), *args], cwd=root, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"baocao {' '.join(args)} failed: {done.stderr}")
    return seconds


def measure(root: Path, rounds: int, jobs: int) -> tuple[list[float], list[float]]:
    site, board = [], []
    for _ in range(rounds):
        site.append(timed(root, "build", "html", "--clean", "-j", str(jobs)))
        board.append(timed(root, "tong-hop", "-j", str(jobs)))
    return site, board


def spread(values: list[float]) -> str:
    return f"{min(values):.2f} s (max {max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 100])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-tong-hop-"))
    print("| units | baocao build html --clean | baocao tong-hop | ratio of minima |")
    print("| ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        site, board = measure(project(size, workdir), args.rounds, args.jobs)
        ratio = min(board) / min(site)
        print(f"| {size} | {spread(site)} | {spread(board)} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
