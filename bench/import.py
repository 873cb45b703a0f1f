"""Benchmark: ``baocao import`` of a long report against plain ``pandoc -f docx -t markdown``.

Usage: .venv/bin/python bench/import.py [--words 16000] [--repeat 7] [--readers PYTHON]

Generates one unit of about --words words (bench/gen_corpus.py), builds its Word file
with ``baocao build docx``, counts its pages (through LibreOffice and pdfinfo where
installed), then times, as whole processes, interleaved A B A B over --repeat rounds:
  - plain pandoc: ``pandoc -f docx -t markdown FILE -o /dev/null``;
  - ``baocao import FILE UNIT`` into a fresh unit each time: start-up, the python-docx
    pass, pandoc to JSON, MyST, writing the unit, lint and the safe fixes.
With --readers PYTHON (an interpreter where mammoth and docx2python are installed) it
also times ``mammoth.convert_to_markdown`` and ``docx2python`` on the same file, the
other readers weighed for the body.
Prints min, median and spread (max - min) of the wall time of each, the ratio of the
minimums, and the least CPU time (user + system, the process and what it started), which
a loaded machine disturbs less.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypandoc

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MAMMOTH = "import mammoth,sys; mammoth.convert_to_markdown(open(sys.argv[1],'rb'))"
DOCX2PYTHON = "import docx2python,sys; docx2python.docx2python(sys.argv[1]).close()"


def make_report(out: Path, words: int) -> Path:
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (unit,) = module.generate(1, out, seed=40, words=words, single_file_share=0.0)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, out / name)
    shutil.copytree(ROOT / "_templates", out / "_templates")
    subprocess.run([BIN / "baocao", "build", "docx"], cwd=out, check=True, capture_output=True)
    return out / "_build" / "docx" / f"{unit}.docx"


def pages(docx_file: Path, work: Path) -> int | None:
    soffice, pdfinfo = shutil.which("soffice"), shutil.which("pdfinfo")
    if not (soffice and pdfinfo):
        return None
    profile = (work / "lo-profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(work), str(docx_file)], capture_output=True)
    info = subprocess.run([pdfinfo, str(work / f"{docx_file.stem}.pdf")], capture_output=True)
    for line in info.stdout.decode().splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def interleaved(
    rows: dict[str, Callable[[], None]], repeat: int
) -> dict[str, list[tuple[float, float]]]:
    """Wall and CPU seconds (the process and what it started) of every row once per round,
    rounds in turn (A B A B ...): a passing load on the machine falls on every row alike."""
    times: dict[str, list[tuple[float, float]]] = {label: [] for label in rows}
    for _ in range(repeat):
        for label, run in rows.items():
            start, cpu = time.perf_counter(), _cpu()
            run()
            times[label].append((time.perf_counter() - start, _cpu() - cpu))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=16000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--readers", type=Path, default=None, help="python with mammoth etc.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="baocao-bench-import-") as tmp:
        work = Path(tmp)
        docx_file = make_report(work / "project", args.words)
        count = pages(docx_file, work)
        pandoc = pypandoc.get_pandoc_path()
        runs = iter(range(10_000))

        def plain() -> None:
            command = [pandoc, "-f", "docx", "-t", "markdown", str(docx_file), "-o", "/dev/null"]
            subprocess.run(command, check=True, capture_output=True)

        def baocao() -> None:
            command = [BIN / "baocao", "import", str(docx_file), f"nhap-{next(runs)}"]
            subprocess.run(command, cwd=work / "project", check=True, capture_output=True)

        rows: dict[str, Callable[[], None]] = {
            "plain pandoc -f docx -t markdown": plain,
            "baocao import": baocao,
        }
        if args.readers:
            for label, code in (("mammoth (Markdown)", MAMMOTH), ("docx2python", DOCX2PYTHON)):
                rows[label] = _reader(args.readers, code, docx_file)
        times = interleaved(rows, args.repeat)
    _print(times, count, args)
    return 0


def _reader(python: Path, code: str, docx_file: Path) -> Callable[[], None]:
    def run() -> None:
        subprocess.run([python, "-c", code, str(docx_file)], check=True, capture_output=True)

    return run


def _print(times: dict[str, list[tuple[float, float]]], count: int | None, args) -> None:
    base = min(wall for wall, _ in times["plain pandoc -f docx -t markdown"])
    base_cpu = min(cpu for _, cpu in times["plain pandoc -f docx -t markdown"])
    print(
        f"Machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
        f"Python {platform.python_version()}, pandoc {pypandoc.get_pandoc_version()}; "
        f"report: {args.words} words, {count or '?'} pages; {args.repeat} rounds.\n"
    )
    print(
        "| measurement | wall min (s) | wall median (s) | wall spread (s) | vs plain pandoc "
        "| CPU min (s) | CPU vs plain pandoc |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, values in times.items():
        walls = [wall for wall, _ in values]
        cpu = min(c for _, c in values)
        low, spread = min(walls), max(walls) - min(walls)
        print(
            f"| {label} | {low:.3f} | {statistics.median(walls):.3f} | {spread:.3f} "
            f"| {low / base:.2f}× | {cpu:.3f} | {cpu / base_cpu:.2f}× |"
        )


if __name__ == "__main__":
    sys.exit(main())
