"""Benchmark of memory: peak RSS of ``baocao lint``, ``build html`` and ``build docx``.

Usage::

    python bench/memory.py [--sizes 30 300] [--big-mb 20] [--repeat 2] [--workdir DIR]

For each size N, ``bench/gen_corpus.py`` writes N units (seed 0, about 1,400 words a
unit); a last corpus is one unit of about ``--big-mb`` MB (its words spread over the
unit's files). On each corpus, each measurement is a whole process run to its end:

* ``baocao lint -j 1 --format json`` (no plain tool does its work);
* ``baocao build html --clean -j 1`` beside plain ``sphinx-build -j 1`` with only
  myst-parser on a copy of the units (``bench/html.py``'s plain site);
* ``baocao build docx -j 1`` (after the HTML build, as ``make build`` runs them) beside
  plain pandoc converting each unit's Markdown files, one unit at a time.

Two figures per run: the peak RSS of the largest single process of the command (exact:
the kernel's ``ru_maxrss``, as GNU time ``%M`` reports it), and the peak of the sum of
the PSS of all its processes (sampled every 20 ms from /proc: pandoc beside Python).
Rounds interleave the measurements (A B A B); the table gives the minimum over rounds and
the spread (max - min). Prints a Markdown table for docs/performance.md ("Memory").
Linux only (/proc, GNU time).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SAMPLE_S = 0.02
GNU_TIME = "/usr/bin/time"  # GNU time (Debian package "time")


def _load(name: str, file: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / file)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def make_project(base: Path, name: str, units: int, words: int) -> Path:
    project = base / name
    shutil.rmtree(project, ignore_errors=True)
    _load("gen_corpus", "gen_corpus.py").generate(units, project, seed=0, words=words)
    for file in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / file, project / file)
    shutil.copytree(ROOT / "_templates", project / "_templates")
    return project


def tree_pss(pid: int) -> int:
    """The summed PSS (bytes) of ``pid`` and its descendants now.

    PSS shares each page among the processes that map it, so a child forked a moment
    before it runs another program is not counted twice, as RSS would count it.
    """
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _pss(current)
        todo.extend(children.get(current, []))
    return total


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def peak(command: list[str], cwd: Path) -> tuple[float, float]:
    """(largest process's RSS, sampled PSS sum of the tree), in MiB, of one run of ``command``.

    GNU time starts the command: its own ``ru_maxrss`` would count what this process
    holds (a forked child starts with its parent's pages), GNU time's child does not.
    """
    env = {**os.environ, "CI": "true"}
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        process = subprocess.Popen(
            [GNU_TIME, "-f", "%M", "-o", rss.name, *command],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        highest = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(SAMPLE_S):
                highest[0] = max(highest[0], tree_pss(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, errors = process.communicate()
        done.set()
        sampler.join()
        largest_kib = int(rss.read().split()[-1])
    if process.returncode not in (0, 1):
        message = errors.decode("utf-8", "replace")[-800:]
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {message}")
    return largest_kib / 1024, highest[0] / 2**20


def plain_pandoc_command(project: Path) -> list[str]:
    """One process that runs plain pandoc on every unit in turn (its peak is theirs)."""
    script = (
        "import subprocess, sys, pypandoc\n"
        "from pathlib import Path\n"
        "pandoc = pypandoc.get_pandoc_path()\n"
        "out = Path(sys.argv[1]) / '_plain_docx'\n"
        "out.mkdir(exist_ok=True)\n"
        "for unit in sorted(p for p in (Path(sys.argv[1]) / 'reports').iterdir() if p.is_dir()):\n"
        "    rest = sorted(p for p in unit.rglob('*.md') if p.name != 'index.md')\n"
        "    sources = [str(unit / 'index.md'), *map(str, rest)]\n"
        "    target = str(out / (unit.name + '.docx'))\n"
        "    command = [pandoc, '-f', 'markdown', '-t', 'docx', '-o', target]\n"
        "    subprocess.run([*command, *sources], check=True, capture_output=True)\n"
    )
    return [sys.executable, "-c", script, str(project)]


def rows_for(project: Path, plain_site: Path) -> dict[str, tuple[list[str], Path]]:
    baocao = str(BIN / "baocao")
    sphinx = [sys.executable, "-m", "sphinx", "-q", "-j", "1", "-b", "html", "-E", "-a"]
    return {
        "baocao lint -j 1": ([baocao, "lint", "-j", "1", "--format", "json"], project),
        "baocao build html --clean -j 1": (
            [baocao, "build", "html", "--clean", "-j", "1"],
            project,
        ),
        "plain sphinx-build -j 1 (myst-parser)": ([*sphinx, ".", "_build/html"], plain_site),
        "baocao build docx -j 1": ([baocao, "build", "docx", "-j", "1"], project),
        "plain pandoc, one unit at a time": (plain_pandoc_command(project), project),
    }


def measure(
    rows: dict[str, tuple[list[str], Path]], repeat: int
) -> dict[str, list[tuple[float, float]]]:
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label in rows}
    for _ in range(repeat):  # A B A B: a passing load falls on every row alike
        for label, (command, cwd) in rows.items():
            runs[label].append(peak(command, cwd))
    return runs


def cell(values: list[float]) -> str:
    return f"{min(values):.0f} ± {max(values) - min(values):.0f}"


def machine() -> str:
    return _load("bench_html", "html.py").machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 300])
    parser.add_argument("--big-mb", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tooling")], check=True)
    base = args.workdir or Path(tempfile.mkdtemp(prefix="baocao-memory-"))
    make_plain: Callable[[Path, Path], Path] = _load("bench_html", "html.py").make_plain
    corpora = [(f"{n} units", make_project(base, f"units-{n}", n, 1400)) for n in args.sizes]
    if args.big_mb > 0:  # about 5.9 bytes a word in the generated text
        words = int(args.big_mb * 1e6 / 5.9)
        corpora.append((f"1 unit of {args.big_mb:g} MB", make_project(base, "big", 1, words)))
    print(f"Machine: {machine()}; {args.repeat} rounds; MiB, min ± spread\n")
    print("| corpus | command | largest process (RSS) | all its processes (PSS, sampled) |")
    print("| --- | --- | ---: | ---: |")
    for name, project in corpora:
        size = sum(p.stat().st_size for p in (project / "reports").rglob("*.md")) / 1e6
        runs = measure(rows_for(project, make_plain(project, base)), args.repeat)
        for label, values in runs.items():
            largest, total = [v[0] for v in values], [v[1] for v in values]
            print(f"| {name} ({size:.1f} MB) | {label} | {cell(largest)} | {cell(total)} |")
        sys.stdout.flush()
    if not args.workdir:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
