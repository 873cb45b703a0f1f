"""Benchmark of the HTML site: ``baocao build html`` against plain Sphinx, same corpus.

Usage::

    python bench/html.py [--sizes 30 100 300] [--workdir DIR] [--jobs N] [--no-plain]

For each size N, ``bench/gen_corpus.py`` writes N units (seed 0), committed in a git
repository. Then, each as a separate process, timed from start to exit:

* plain: ``sphinx-build -j auto`` with only myst-parser (the project's MyST syntax
  extensions) and Sphinx's default theme, on a copy of the units with a root
  ``index.md`` whose toctree lists every unit, as a plain Sphinx site would be;
* full: ``baocao build html --clean`` (the command's own default for ``-j``
  unless ``--jobs`` is given);
* unchanged: ``baocao build html`` again with nothing changed: what every run costs
  (starting Python and Sphinx, loading the environment, the dashboard);
* edit: ``baocao build html`` again after appending a paragraph to one section file
  of one unit (and, for reference, ``sphinx-build -j auto`` again on the plain site
  after the same edit);
* watch edit: ``baocao build html --watch`` running, a paragraph appended to a section
  file of a different unit each time (``WATCH_EDITS`` times, ``WATCH_PAUSE`` seconds
  apart, as a person saves), timed from the write to the line the watcher prints
  when it has written the pages; the median and the slowest are kept.

It prints a Markdown table (copied into docs/performance.md) and checks the issue's
targets: at 300 units at most 0.3 times the plain build; time per unit at 300 at
most 1.2 times that at 30; an edit rebuilt in at most 0.1 times the full build at 100
(a new process, and with the watcher).
"""

import sys
from pathlib import Path

# This file's name hides the standard library's ``html`` when bench/ is on the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import os  # noqa: E402
import queue  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WATCH_EDITS = 7
WATCH_PAUSE = 1.0
WATCH_TIMEOUT = 300
PLAIN_CONF = """project = "plain"
extensions = ["myst_parser"]
myst_enable_extensions = {extensions!r}
exclude_patterns = ["_build"]
"""


@dataclass
class Row:
    units: int
    plain: float | None
    plain_edit: float | None
    full: float
    unchanged: float
    edit: float
    watch_edits: list[float]

    @property
    def watch_edit(self) -> float:
        return statistics.median(self.watch_edits)

    @property
    def per_unit_ms(self) -> float:
        return self.full / self.units * 1000


def generator():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_project(n: int, base: Path) -> Path:
    """N generated units with the project's settings, forms and conf.py, committed in
    git as a province's repository is (the dashboard reads each unit's last commit)."""
    project = base / f"units-{n}"
    shutil.rmtree(project, ignore_errors=True)
    generator().generate(n, project, seed=0)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "_templates", project / "_templates")
    (project / ".gitignore").write_text("_build/\n", "utf-8")
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.com"]
    for command in (["init", "-q"], ["add", "-A"], [*identity, "commit", "-q", "-m", "units"]):
        subprocess.run(["git", *command], cwd=project, check=True, capture_output=True)
    return project


def make_plain(project: Path, base: Path) -> Path:
    """The same units as a plain Sphinx site: myst-parser only, a root toctree of the units."""
    from baocao.mdparser import MYST_EXTENSIONS

    plain = base / f"plain-{project.name}"
    shutil.rmtree(plain, ignore_errors=True)
    shutil.copytree(project / "reports", plain / "reports")
    (plain / "conf.py").write_text(PLAIN_CONF.format(extensions=list(MYST_EXTENSIONS)), "utf-8")
    units = sorted(p.name for p in (plain / "reports").iterdir() if p.is_dir())
    toctree = "\n".join(f"reports/{slug}/index" for slug in units)
    index = f"# Báo cáo các đơn vị\n\n```{{toctree}}\n:maxdepth: 2\n\n{toctree}\n```\n"
    (plain / "index.md").write_text(index, "utf-8")
    return plain


def timed(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "CI": "true"}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{done.stdout}\n{done.stderr}")
    return elapsed


def edit_one_file(site: Path, unit_number: int = 0, later: bool = True) -> Path:
    """Append a paragraph to one section file of a unit (with a newer time if ``later``)."""
    unit = sorted(p for p in (site / "reports").iterdir() if p.is_dir())[unit_number]
    files = sorted(unit.rglob("*.md"), key=lambda p: (p.name == "index.md", str(p)))
    target = files[0]
    target.write_text(target.read_text("utf-8") + "\nMột đoạn bổ sung.\n", "utf-8")
    if later:
        moment = time.time() + 2
        os.utime(target, (moment, moment))
    return target


def watch_edits(project: Path, command: list[str]) -> list[float]:
    """Seconds from each edit to the watcher's "waiting" line after its rebuild."""
    from baocao.sphinxext.texts import text

    waiting = text("cli.watch.waiting")
    env = {**os.environ, "CI": "true"}
    watcher = subprocess.Popen(
        [*command, "--watch"], cwd=project, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=read_lines, args=(watcher.stdout, lines), daemon=True).start()

    def until_waiting() -> None:
        while lines.get(timeout=WATCH_TIMEOUT).strip() != waiting:
            pass

    try:
        until_waiting()  # the first build
        times = []
        for unit_number in range(1, WATCH_EDITS + 1):
            time.sleep(WATCH_PAUSE)
            start = time.perf_counter()
            edit_one_file(project, unit_number, later=False)
            until_waiting()
            times.append(time.perf_counter() - start)
        return times
    except queue.Empty:
        sys.exit(f"the watcher did not rebuild within {WATCH_TIMEOUT} s in {project}")
    finally:
        watcher.send_signal(signal.SIGINT)
        watcher.wait(timeout=30)


def read_lines(stream: Any, lines: queue.Queue[str]) -> None:
    for line in iter(stream.readline, ""):
        lines.put(line)


def measure(n: int, base: Path, jobs: list[str], plain: bool) -> Row:
    project = make_project(n, base)
    plain_time = plain_edit = None
    if plain:
        site = make_plain(project, base)
        command = [str(BIN / "sphinx-build"), "-q", "-j", "auto", "-b", "html", ".", "_build/html"]
        plain_time = timed(command, site)
        edit_one_file(site)
        plain_edit = timed(command, site)
    baocao = [str(BIN / "baocao"), "build", "html", *jobs]
    full = timed([*baocao, "--clean"], project)
    unchanged = timed(baocao, project)
    edit_one_file(project)
    edit = timed(baocao, project)
    return Row(n, plain_time, plain_edit, full, unchanged, edit, watch_edits(project, baocao))


def machine() -> str:
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        model = next(
            (line.split(":", 1)[1].strip() for line in lscpu.splitlines() if "Model name" in line),
            "unknown",
        )
    except (OSError, subprocess.SubprocessError):
        model = "unknown"
    return f"{os.cpu_count()} CPUs (nproc), {model}, Python {sys.version.split()[0]}"


def table(rows: list[Row]) -> str:
    lines = [
        "| units | plain full (s) | baocao full (s) | baocao / plain | baocao ms per unit "
        "| baocao unchanged (s) | plain edit (s) | baocao edit (s) | baocao edit / full "
        "| watch edit, median (slowest) (s) | watch edit / full |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        plain = f"{row.plain:.1f}" if row.plain is not None else "–"
        plain_edit = f"{row.plain_edit:.1f}" if row.plain_edit is not None else "–"
        ratio = f"{row.full / row.plain:.2f}" if row.plain else "–"
        lines.append(
            f"| {row.units} | {plain} | {row.full:.1f} | {ratio} | {row.per_unit_ms:.0f} "
            f"| {row.unchanged:.2f} | {plain_edit} | {row.edit:.2f} | {row.edit / row.full:.2f} "
            f"| {row.watch_edit:.2f} ({max(row.watch_edits):.2f}) "
            f"| {row.watch_edit / row.full:.3f} |"
        )
    return "\n".join(lines)


def targets(rows: list[Row]) -> list[str]:
    by_size = {row.units: row for row in rows}
    checks = []
    if 300 in by_size and by_size[300].plain:
        ratio = by_size[300].full / by_size[300].plain
        checks.append(f"300 units vs plain: {ratio:.2f} (target <= 0.3)")
    if 30 in by_size and 300 in by_size:
        growth = by_size[300].per_unit_ms / by_size[30].per_unit_ms
        checks.append(f"time per unit, 300 / 30: {growth:.2f} (target <= 1.2)")
    if 100 in by_size:
        row = by_size[100]
        checks.append(f"edit / full at 100 units, new process: {row.edit / row.full:.2f}")
        share = row.watch_edit / row.full
        checks.append(f"edit / full at 100 units, watching: {share:.3f} (target <= 0.1)")
    return checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 100, 300])
    parser.add_argument("--workdir", type=Path, help="keep the corpora here (default: a temp dir)")
    parser.add_argument("--jobs", help="-j for baocao build html (default: the command's)")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain Sphinx builds")
    args = parser.parse_args()
    # Byte-compile the project's modules, as pip does for an installed package (an
    # editable install does not, and PYTHONDONTWRITEBYTECODE may stop Python doing it).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tooling")], check=True)
    jobs = ["-j", args.jobs] if args.jobs else []
    with tempfile.TemporaryDirectory(prefix="baocao-bench-html-") as tmp:
        base = args.workdir or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        rows = []
        for n in args.sizes:
            rows.append(measure(n, base, jobs, not args.no_plain))
            print(f"{n} units measured", file=sys.stderr)
    print(f"Machine: {machine()}\n")
    print(f"Command: python bench/html.py {' '.join(sys.argv[1:])}".rstrip() + "\n")
    print(table(rows) + "\n")
    for line in targets(rows):
        print(f"- {line}")


if __name__ == "__main__":
    main()
