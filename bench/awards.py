"""Benchmark of the province's commendation roll-up: what the roll-up, the board page's
charts and the export add to ``baocao build html`` of the same units.

Usage::

    python bench/awards.py [--units 300] [--rounds 3] [--workdir DIR] [--jobs N]

``bench/gen_corpus.py --awards`` writes N units (seed 0), each with its
``khen-thuong.yaml`` (about 5 % with an error, so the roll-up leaves them out),
committed in a git repository as in ``bench/html.py``. Then, each as a separate process
timed from start to exit, interleaved A B A B … for ``--rounds`` rounds:

* A, html: ``baocao build html --clean`` (the command's own ``-j`` unless ``--jobs``);
* B, awards: this file with ``--pass PROJECT``: the roll-up as the site and
  ``baocao xuat`` gather it (``awards.collect.project_rollup``: the units' data, their
  BC6xx errors from the linter's rules on the data file and the front matter, last
  year's from the archive), the board page's view
  with every SVG chart drawn (``awards.board.board_view``), and the export
  (``awards.export.write_exports``: .xlsx and CSV) into a temporary folder.

It prints the minimum and the spread (max − min) of each, in wall-clock seconds and in
CPU seconds (the process and every process it starts, which a shared machine's load
disturbs less), and B's minimum over A's minimum against the target: at most 0.10.
A already contains the board page (the site builds it); B is the same work done again
on its own, so B / A is what the roll-up, the charts and the export cost next to the
site.
"""

import sys
from pathlib import Path

# bench/html.py would hide the standard library's ``html`` were bench/ on the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TARGET = 0.10


def generator():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_project(n: int, base: Path) -> Path:
    project = base / f"units-{n}"
    shutil.rmtree(project, ignore_errors=True)
    generator().generate_project(n, project, seed=0, with_awards=True)
    (project / ".gitignore").write_text("_build/\n", "utf-8")
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.com"]
    for command in (["init", "-q"], ["add", "-A"], [*identity, "commit", "-q", "-m", "units"]):
        subprocess.run(["git", *command], cwd=project, check=True, capture_output=True)
    return project


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (the process and every process it started)."""
    env = {**os.environ, "CI": "true"}
    cpu = cpu_of_children()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{done.stdout}\n{done.stderr}")
    return elapsed, cpu_of_children() - cpu


def one_pass(project: Path) -> None:
    """B: the roll-up, the board page's view with its charts, and the export."""
    from baocao.awards.board import Places, board_view
    from baocao.awards.collect import project_rollup
    from baocao.awards.export import write_exports
    from baocao.project import Project
    from baocao.sphinxext.texts import has_text, text

    def kind_label(kind: str) -> str:  # the dashboard's, without importing Sphinx
        return text(f"kind.{kind}") if has_text(f"kind.{kind}") else kind

    found = Project.discover(project)
    rollup = project_rollup(found)
    board = board_view(rollup, Places({}, kind_label))
    charts = sum(len(section.charts) for section in board.sections)
    with tempfile.TemporaryDirectory(prefix="baocao-bench-xuat-") as folder:
        written = write_exports(rollup, Path(folder))
    print(
        f"{len(rollup.units)} summed, {len(rollup.left_out)} left out, {charts} charts, "
        f"{len(written)} files"
    )


def machine() -> str:
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        model = next(
            (line.split(":", 1)[1].strip() for line in lscpu.splitlines() if "Model name" in line),
            "unknown",
        )
    except (OSError, subprocess.SubprocessError):
        model = "unknown"
    try:
        load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        load = "unknown"
    return f"{os.cpu_count()} CPUs (nproc), {model}, Python {sys.version.split()[0]}, load {load}"


Times = list[tuple[float, float]]  # (wall, CPU) seconds of each round


def measure(project: Path, rounds: int, jobs: list[str]) -> tuple[Times, Times]:
    html = [str(BIN / "baocao"), "build", "html", "--clean", *jobs]
    awards = [sys.executable, str(Path(__file__).resolve()), "--pass", str(project)]
    timed(html, project)  # warm the file cache and the byte-compiled modules
    a: Times = []
    b: Times = []
    for index in range(rounds):
        a.append(timed(html, project))
        b.append(timed(awards, project))
        print(f"round {index + 1}: html {a[-1]}, awards {b[-1]} (wall, CPU s)", file=sys.stderr)
    return a, b


def cell(values: list[float]) -> str:
    return f"{min(values):.2f} ({max(values) - min(values):.2f})"


def report(n: int, a: Times, b: Times, argv: list[str]) -> str:
    lines = [
        f"Machine: {machine()}",
        "",
        f"Command: python bench/awards.py {' '.join(argv)}".rstrip(),
        "",
        "| units | rounds | seconds | A: build html, min (spread) "
        "| B: roll-up + charts + export, min (spread) | B / A |",
        "| ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    ratios = {}
    for index, name in ((0, "wall"), (1, "CPU")):
        times_a, times_b = [t[index] for t in a], [t[index] for t in b]
        ratios[name] = min(times_b) / min(times_a)
        lines.append(
            f"| {n} | {len(a)} | {name} | {cell(times_a)} | {cell(times_b)} | {ratios[name]:.3f} |"
        )
    lines.append("")
    for name, ratio in ratios.items():
        verdict = "met" if ratio <= TARGET else "NOT met"
        lines.append(f"- B / A, {name}: {ratio:.3f} (target <= {TARGET:.2f}): {verdict}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workdir", type=Path, help="keep the corpus here (default: a temp dir)")
    parser.add_argument("--jobs", help="-j for baocao build html")
    parser.add_argument("--pass", dest="one_pass", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_pass:
        one_pass(args.one_pass)
        return
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tooling")], check=True)
    jobs = ["-j", args.jobs] if args.jobs else []
    with tempfile.TemporaryDirectory(prefix="baocao-bench-awards-") as tmp:
        base = args.workdir or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        project = make_project(args.units, base)
        a, b = measure(project, args.rounds, jobs)
    print(report(args.units, a, b, sys.argv[1:]))


if __name__ == "__main__":
    main()
