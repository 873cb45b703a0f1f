"""Benchmark of the commendation tables: ``{bang-khen-thuong}`` against typed Markdown tables.

Usage::

    python bench/awards_tables.py [--units 100] [--repeat 3] [--jobs N]

``bench/gen_corpus.py`` writes N units (seed 0) twice. In each copy, every unit's
section 2.4 a) gets the same numbers (those of ``reports/so-noi-vu/khen-thuong.yaml``,
the year set to the unit's):

* typed: the two tables and the list of names typed as Markdown tables, as units
  wrote them before (the plain way, nothing computed or checked);
* directive: ``{bang-khen-thuong}`` with ``:danh-sach:`` and the unit's
  ``khen-thuong.yaml`` (tables computed, the data linted, last year's looked up).

``baocao build html --clean`` runs in each, as separate processes, interleaved
typed, directive, typed, directive … ``--repeat`` times; the minimum and the spread
(max - min) of the wall time and of the CPU time (user + system of the build and its
workers, steadier on a shared machine) are printed as a Markdown table for
docs/performance.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATA = ROOT / "reports" / "so-noi-vu" / "khen-thuong.yaml"
HEADING = re.compile(r"^#+ .*theo thẩm quyền.*$", re.MULTILINE)
YEAR = re.compile(r"^nam: (\d{4})$", re.MULTILINE)
DIRECTIVE = "```{bang-khen-thuong}\n:danh-sach:\n```\n"


def _generator():
    spec = importlib.util.spec_from_file_location(
        "gen_corpus_awards", ROOT / "bench" / "gen_corpus.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def typed_tables(data: dict) -> str:
    """The data as the Markdown tables a unit typed by hand."""
    blocks = []
    for table in ("mau-10", "mau-11"):
        lines = [
            "| Hình thức | Tập thể | Cá nhân | Trong đó trực tiếp |",
            "| --- | ---: | ---: | ---: |",
        ]
        for kind, counts in data[table].items():
            cells = [str(counts.get(c, "")) for c in ("tap-the", "ca-nhan", "truc-tiep")]
            lines.append(f"| {kind} | {' | '.join(cells)} |")
        blocks.append("\n".join(lines))
    names = [
        "| TT | Họ và tên | Chức vụ | Đơn vị | Hình thức | Thành tích |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for number, entry in enumerate(data["danh-sach-de-nghi"], 1):
        fields = [entry.get(k, "") for k in ("ten", "chuc-vu", "don-vi", "hinh-thuc", "thanh-tich")]
        names.append(f"| {number} | {' | '.join(fields)} |")
    blocks.append("\n".join(names))
    return "\n\n".join(blocks) + "\n"


def add_tables(project: Path, directive: bool) -> int:
    """Put the tables (typed or the directive) under each unit's 2.4 a); return how many."""
    data = yaml.safe_load(DATA.read_text("utf-8"))
    text = DATA.read_text("utf-8")
    done = 0
    for unit in sorted(p for p in (project / "reports").iterdir() if p.is_dir()):
        year = YEAR.search((unit / "index.md").read_text("utf-8"))
        for path in sorted(unit.rglob("*.md")):
            source = path.read_text("utf-8")
            heading = HEADING.search(source)
            if heading is None:
                continue
            block = DIRECTIVE if directive else typed_tables(data)
            end = heading.end()
            path.write_text(f"{source[:end]}\n\n{block}{source[end:]}", "utf-8")
            if directive and year:
                own = re.sub(r"^nam: \d{4}$", f"nam: {year.group(1)}", text, flags=re.MULTILINE)
                (unit / "khen-thuong.yaml").write_text(own, "utf-8")
            done += 1
            break
    return done


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time, and CPU time (user + system, the build's worker processes included):
    on a shared machine the CPU time varies much less than the wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: some generated unit has lint errors
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-800:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="-j of the builds (0: default)")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tooling")], check=True)
    build = [str(BIN / "baocao"), "build", "html", "--clean"]
    if args.jobs:
        build += ["-j", str(args.jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        projects = {}
        for name, directive in (("typed", False), ("directive", True)):
            project = Path(tmp) / name
            _generator().generate_project(args.units, project, seed=0)
            placed = add_tables(project, directive)
            projects[name] = project
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in projects}
        for _ in range(args.repeat):
            for name, project in projects.items():
                shutil.rmtree(project / "_build", ignore_errors=True)
                times[name].append(timed(build, project))
    report(args, placed, times)


def report(
    args: argparse.Namespace, placed: int, times: dict[str, list[tuple[float, float]]]
) -> None:
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"Corpus: {args.units} generated units, tables in {placed}; {args.repeat} runs each\n")
    print("| `baocao build html --clean` | wall min (s) | spread | CPU min (s) | spread |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, runs in times.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(
            f"| {name} | {min(walls):.2f} | {max(walls) - min(walls):.2f} "
            f"| {min(cpus):.2f} | {max(cpus) - min(cpus):.2f} |"
        )
    for label, index in (("wall", 0), ("CPU", 1)):
        typed = min(run[index] for run in times["typed"])
        added = min(run[index] for run in times["directive"]) - typed
        per_table = 1000 * added / max(placed, 1)
        print(
            f"\nThe directive adds {added:.2f} s of {label} time ({per_table:.0f} ms a table, "
            f"{100 * added / typed:.0f} %) to the build with typed tables."
        )


if __name__ == "__main__":
    main()
