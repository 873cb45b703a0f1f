"""Benchmark: ``baocao import --onto`` of a leader's edited Word file against plain pandoc
reading the same file, and against ``baocao build docx`` of the unit.

Usage: .venv/bin/python bench/onto.py [--words 28000] [--edits 30] [--repeat 5]

Generates one unit of about --words words (bench/gen_corpus.py, seed 40), builds its Word
file, and writes two edited copies with --edits edits each (words replaced, paragraphs
added and removed; tests/onto_helpers.py's Reviewer): one with tracked changes, one plain.
Then times, as whole processes, interleaved A B A B over --repeat rounds:
  - plain pandoc: ``pandoc -f docx -t markdown --track-changes=accept TRACKED -o /dev/null``;
  - ``baocao import --onto UNIT TRACKED --dry-run`` (read, pair, place; no build);
  - ``baocao import --onto UNIT PLAIN --dry-run`` (the same after building the unit's
    current Word file to compare with);
  - ``baocao build docx UNIT``.
``--dry-run`` keeps the Markdown the same in every round. Prints min, median and spread of
the wall time, the ratio of the minimums to plain pandoc, and the least CPU time.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pypandoc

HERE = Path(__file__).resolve().parent
# bench/docx.py would stand for python-docx: this folder leaves the module path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench_import = _load("bench_import", HERE / "import.py")  # the report, the timing, the table
onto_helpers = _load("onto_helpers", HERE.parent / "tests" / "onto_helpers.py")
BIN = Path(sys.executable).parent
PLAIN = "plain pandoc -f docx -t markdown"


def edited_copies(docx_file: Path, out: Path, edits: int) -> tuple[Path, Path]:
    from docx.oxml.ns import qn

    copies = []
    for tracked in (True, False):
        reviewer = onto_helpers.Reviewer(docx_file, tracked=tracked)
        rng = random.Random(edits)
        body = [
            p
            for p in reviewer.doc.element.body.iter(qn("w:p"))
            if len(onto_helpers.text_of(p).split()) > 12
        ]
        for number, paragraph in enumerate(rng.sample(body, edits)):
            text = onto_helpers.text_of(paragraph)
            if number % 5 == 3:
                reviewer.insert_after(text, f"Ý kiến bổ sung số {number} của lãnh đạo.")
            elif number % 5 == 4:
                reviewer.delete_paragraph(text)
            else:
                word = next(w for w in text.split() if w.isalpha() and len(w) > 3)
                reviewer.replace(paragraph, word, "đổi mới")
        copies.append(reviewer.save(out / f"sua-{'tracked' if tracked else 'plain'}.docx"))
    return copies[0], copies[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=28000)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="baocao-bench-onto-") as tmp:
        work = Path(tmp)
        project = work / "project"
        docx_file = bench_import.make_report(project, args.words)
        unit = docx_file.stem
        count = bench_import.pages(docx_file, work)
        tracked, plain = edited_copies(docx_file, work, args.edits)
        pandoc = pypandoc.get_pandoc_path()

        def run(*command: object) -> Callable[[], None]:
            def go() -> None:
                subprocess.run([str(c) for c in command], cwd=project, capture_output=True)

            return go

        rows = {
            PLAIN: run(
                pandoc,
                "-f",
                "docx",
                "-t",
                "markdown",
                "--track-changes=accept",
                tracked,
                "-o",
                "/dev/null",
            ),
            "baocao import --onto (tracked changes)": run(
                BIN / "baocao", "import", "--onto", unit, tracked, "--dry-run"
            ),
            "baocao import --onto (plain edits, builds to compare)": run(
                BIN / "baocao", "import", "--onto", unit, plain, "--dry-run"
            ),
            "baocao build docx UNIT": run(BIN / "baocao", "build", "docx", unit),
        }
        check = subprocess.run(
            [BIN / "baocao", "import", "--onto", unit, tracked, "--dry-run"],
            cwd=project,
            capture_output=True,
            text=True,
        )
        lines = check.stdout.splitlines()
        print("\n".join([line for line in lines if "KHÔNG" in line] + lines[-1:]))
        times = bench_import.interleaved(rows, args.repeat)
    _print(times, count, args)
    return 0


def _print(times, count, args) -> None:
    renamed = {
        ("plain pandoc -f docx -t markdown" if k == PLAIN else k): v for k, v in times.items()
    }
    args.words = f"{args.words} ({args.edits} edits)"
    bench_import._print(renamed, count, args)


if __name__ == "__main__":
    sys.exit(main())
