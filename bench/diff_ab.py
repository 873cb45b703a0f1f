"""Benchmark: ``baocao diff`` of two versions of baocao, interleaved, nothing cached.

Usage: .venv/bin/python bench/diff_ab.py --corpus-a DIR --corpus-b DIR [--path-a DIR]
       [--path-b DIR] [--rounds 5]

Each version runs ``baocao diff --since main`` in its own copy of an edited corpus
(as ``bench/diff.py`` or ``bench/diff_timeline.py --corpus`` makes it, the HTML site
built), with ``PYTHONPATH`` set to its ``tooling/`` folder (empty: this checkout's),
so that neither reads the other's Sphinx environment. One run each first (not counted:
the environment read for that code), then A B A B for ``--rounds`` rounds, each with
``_build/cache`` removed; prints each version's wall and CPU seconds (user + system of
the command and all it started) per round and their minima.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

BAOCAO = Path(sys.executable).parent / "baocao"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(corpus: Path, path: str) -> tuple[float, float]:
    """Wall and CPU seconds of one ``baocao diff``, nothing cached."""
    shutil.rmtree(corpus / "_build" / "cache", ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": path} if path else dict(os.environ)
    start, used = time.perf_counter(), children_cpu()
    command = [str(BAOCAO), "diff", "--since", "main"]
    subprocess.run(command, cwd=corpus, env=env, capture_output=True, check=False)
    return time.perf_counter() - start, children_cpu() - used


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-a", type=Path, required=True)
    parser.add_argument("--corpus-b", type=Path, required=True)
    parser.add_argument("--path-a", default="")
    parser.add_argument("--path-b", default="")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    versions = {"A": (args.corpus_a, args.path_a), "B": (args.corpus_b, args.path_b)}
    for corpus, path in versions.values():
        run(corpus, path)
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in versions}
    for _ in range(args.rounds):
        for name, (corpus, path) in versions.items():
            runs[name].append(run(corpus, path))
    for name, found in runs.items():
        walls = " ".join(f"{wall:.2f}" for wall, _ in found)
        cpus = " ".join(f"{cpu:.2f}" for _, cpu in found)
        print(
            f"{name}: wall {walls} (min {min(w for w, _ in found):.2f}); "
            f"CPU {cpus} (min {min(c for _, c in found):.2f})"
        )


if __name__ == "__main__":
    main()
