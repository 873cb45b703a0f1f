"""Benchmark: ``baocao diff`` against ``baocao build docx`` of the same changed units.

Usage: .venv/bin/python bench/diff.py [--units 100] [--repeat 3] [--redlines-python PY]

Generates a corpus (bench/gen_corpus.py) in a git repository, commits it on
``main``, edits every unit on a branch (a word in one file, a paragraph added to
another, committed), builds the HTML site once (as ``make build`` does, which
fills ``_build/doctrees``), then times as whole processes, interleaved (A B C A B C
for --repeat rounds):
  A. ``baocao build docx`` of the changed units (today's files only);
  B. ``baocao diff --since main`` of the same units (today's Jobs, not converted,
     each unit's document at the merge base made in the same build, the redlines
     .docx and .html), with no cache;
  C. the same again, the base's Jobs now in ``_build/cache/diff``.
The redlines of the last run are checked as the engines' are (below). Each run
also counts the CPU seconds of the process and all it started (user +
system, from ``getrusage(RUSAGE_CHILDREN)``), which a shared machine disturbs less.
It also compares the two ways of making a redline on the same pairs of Word
files (today's and the base's, built once beforehand): the project's engine
(``baocao.redline``), and, when --redlines-python names a Python with
``python-redlines[ooxmlpowertools]`` installed, Open-XML-PowerTools' WmlComparer
through it: time per pair, and whether "accept all" gives today's paragraphs
and "reject all" the base's. Prints Markdown tables for docs/performance.md.
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
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# bench/ must not shadow packages (bench/docx.py); the tests' accept/reject helper is used.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.append(str(ROOT / "tests"))
from redline_helpers import accepted, rejected, texts  # noqa: E402

REDLINES_SCRIPT = """
import sys, time
from pathlib import Path
from python_redlines.engines import XmlPowerToolsEngine
engine = XmlPowerToolsEngine()
old_dir, new_dir, out_dir = map(Path, sys.argv[1:4])
start = time.perf_counter()
for new in sorted(new_dir.glob("*.docx")):
    result = engine.run_redline("baocao", (old_dir / new.name).read_bytes(), new.read_bytes())
    (out_dir / new.name).write_bytes(result[0])
print(time.perf_counter() - start)
"""


def generate_project(units: int, out: Path) -> list[str]:
    """The generated corpus as a project (``bench/gen_corpus.py``'s ``generate_project``)."""
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate_project(units, out)


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "b@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "b@example.invalid"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def edit(corpus: Path, slugs: list[str]) -> None:
    """A word changed in a unit's first section file, a paragraph added to its last."""
    for slug in slugs:
        files = sorted((corpus / "reports" / slug).rglob("*.md"))
        body = [f for f in files if f.name != "index.md"] or files
        first = body[0]
        text = first.read_text("utf-8")
        cut = text.find(" ", len(text) // 2)
        first.write_text(text[:cut] + " đã" + text[cut:], "utf-8")
        last = body[-1]
        last.write_text(last.read_text("utf-8") + "\nĐoạn bổ sung sau khi rà soát.\n", "utf-8")


def baocao(corpus: Path, *args: str) -> None:
    done = subprocess.run([str(BIN / "baocao"), *args], cwd=corpus, capture_output=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"baocao {args[0]} failed: {done.stderr.decode()[-800:]}")


def cold_diff(corpus: Path) -> None:
    shutil.rmtree(corpus / "_build" / "cache", ignore_errors=True)
    baocao(corpus, "diff", "--since", "main")


def children_cpu() -> float:
    """User + system CPU seconds of every finished child process (and theirs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def interleaved(
    rows: dict[str, object], repeat: int
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall seconds and CPU seconds of each row's runs, rows interleaved."""
    times: dict[str, list[float]] = {label: [] for label in rows}
    cpu: dict[str, list[float]] = {label: [] for label in rows}
    for _ in range(repeat):
        for label, run in rows.items():
            start, used = time.perf_counter(), children_cpu()
            run()
            times[label].append(time.perf_counter() - start)
            cpu[label].append(children_cpu() - used)
    return times, cpu


def built_pairs(corpus: Path, tmp: Path) -> tuple[Path, Path]:
    """Today's Word files and the base's (a separate checkout), built once."""
    base = tmp / "base"
    git(corpus, "worktree", "add", "-q", str(base), "main")
    baocao(base, "build", "docx")
    old, new = tmp / "pairs-old", tmp / "pairs-new"
    for target, source in ((old, base), (new, corpus)):
        target.mkdir()
        for path in (source / "_build" / "docx").glob("*.docx"):
            shutil.copy(path, target / path.name.replace("-du-thao", ""))
    return old, new


def check(out: Path, old: Path, new: Path) -> tuple[int, int]:
    """How many redlines in ``out`` accept to today's text and reject to the base's."""
    good = total = 0
    for path in sorted(out.glob("*.docx")):
        total += 1
        data = path.read_bytes()
        try:
            ok = accepted(data) == texts((new / path.name).read_bytes())
            ok = ok and rejected(data) == texts((old / path.name).read_bytes())
        except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile):
            ok = False
        good += ok
    return good, total


def engine_ours(old: Path, new: Path, out: Path) -> float:
    import datetime as dt

    from baocao.redline.document import redline

    out.mkdir(exist_ok=True)
    start = time.perf_counter()
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for path in sorted(new.glob("*.docx")):
        data = redline((old / path.name).read_bytes(), path.read_bytes(), "baocao", stamp)
        (out / path.name).write_bytes(data)
    return time.perf_counter() - start


def engine_redlines(python: str, old: Path, new: Path, out: Path) -> float:
    out.mkdir(exist_ok=True)
    command = [python, "-c", REDLINES_SCRIPT, str(old), str(new), str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--redlines-python", default="")
    args = parser.parse_args()
    # Every module compiled beforehand, as an installation does: where bytecode is not
    # written (PYTHONDONTWRITEBYTECODE), each process would compile Sphinx and the rest
    # from source, and B starts more Python processes than A.
    libraries = sysconfig.get_paths()["purelib"]
    compiled = [sys.executable, "-m", "compileall", "-q", str(ROOT / "tooling"), libraries]
    subprocess.run(compiled, check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus"
        slugs = generate_project(args.units, corpus)
        (corpus / ".gitignore").write_text("_build/\n", "utf-8")
        git(corpus, "init", "-q", "-b", "main")
        git(corpus, "add", "-A")
        git(corpus, "commit", "-q", "-m", "base")
        git(corpus, "checkout", "-q", "-b", "edits")
        edit(corpus, slugs)
        git(corpus, "commit", "-q", "-am", "edits")
        baocao(corpus, "build", "html")
        rows = {
            "A. baocao build docx (the changed units)": lambda: baocao(corpus, "build", "docx"),
            "B. baocao diff --since main (the same units), nothing cached": lambda: cold_diff(
                corpus
            ),
            "C. baocao diff --since main again (the base's files cached)": lambda: baocao(
                corpus, "diff", "--since", "main"
            ),
        }
        times, cpu = interleaved(rows, args.repeat)
        written = len(list((corpus / "_build" / "diff").glob("*.docx")))
        old, new = built_pairs(corpus, tmp)
        checks = {
            "baocao diff --since main (its last run)": check(corpus / "_build" / "diff", old, new)
        }
        engines = {
            "baocao.redline (python-docx, lxml, difflib)": engine_ours(old, new, tmp / "ours")
        }
        checks["baocao.redline (python-docx, lxml, difflib)"] = check(tmp / "ours", old, new)
        if args.redlines_python:
            label = "python-redlines 2.0.0 (Open-XML-PowerTools WmlComparer)"
            engines[label] = engine_redlines(args.redlines_python, old, new, tmp / "theirs")
            checks[label] = check(tmp / "theirs", old, new)
    report(args, written, times, cpu, engines, checks)


def report(args, written, times, cpu, engines, checks) -> None:
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"Corpus: {args.units} units, each changed; {written} redlines written\n")
    print("| measurement | min (s) | spread (s) | runs | min vs A | CPU min (s) | CPU vs A |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: |")
    base, base_cpu = min(next(iter(times.values()))), min(next(iter(cpu.values())))
    for label, runs in times.items():
        shown = ", ".join(f"{r:.2f}" for r in runs)
        spread = max(runs) - min(runs)
        used = min(cpu[label])
        print(
            f"| {label} | {min(runs):.2f} | {spread:.2f} | {shown} | {min(runs) / base:.2f}× "
            f"| {used:.2f} | {used / base_cpu:.2f}× |"
        )
    good, total = checks.pop("baocao diff --since main (its last run)")
    print(f"\nThe command's redlines: {good}/{total} accept to today's text, reject to the base's")
    print(
        "\n| redline engine, same pairs | seconds | ms per unit | accept → today, reject → base |"
    )
    print("| --- | ---: | ---: | ---: |")
    for label, seconds in engines.items():
        good, total = checks[label]
        per = seconds / max(total, 1) * 1000
        print(f"| {label} | {seconds:.2f} | {per:.0f} | {good}/{total} |")


if __name__ == "__main__":
    main()
