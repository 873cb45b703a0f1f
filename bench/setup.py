"""Benchmark: setting up the old way against the new, and a pull request's path.

Usage: .venv/bin/python bench/setup.py [--rounds 3] [--units 300] [--skip-install]

1. A fresh environment, side by side in one run, interleaved (each round runs every row
   once, in turn; min and spread over the rounds):
   - old: ``python -m venv`` then pip installs the whole lock (requirements/dev.txt, runtime
     and development tools together, as requirements.lock was) and baocao;
   - new: ``make setup``: uv from PyPI (requirements/uv.txt), the runtime set
     (requirements/runtime.txt) and baocao;
   each cold (empty caches: every package comes from PyPI) and warm (a fresh environment,
   the caches a previous run left: on CI the cache keyed by the locks' hash).
2. A pull request that changes one unit of a generated province (``--units``, 300), after
   set-up, interleaved with building that one unit alone:
   - PR path, as the PR job runs it: ``baocao lint --changed-since BASE``, ``baocao changed``
     and ``.ci/pr-units.py`` (the changed unit kept alone in the checkout), ``baocao build
     html``, ``baocao build docx UNIT``, from an empty ``_build``;
   - alone: a project holding only that unit: ``baocao build html``, ``baocao build docx
     UNIT``, from an empty ``_build``.
Prints Markdown tables for docs/performance.md ("Set-up and a pull request's path").
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BAOCAO = str(Path(sys.executable).parent / "baocao")
PYTHON = shutil.which("python3") or sys.executable
Row = Callable[[], dict[str, float]]


def generate_project(units: int, out: Path) -> list[str]:
    """The generated corpus as a project (``bench/gen_corpus.py``'s ``generate_project``)."""
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate_project(units, out)


def run(argv: list[str], cwd: Path, env: dict[str, str] | None = None, ok=(0,)) -> None:
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode not in ok:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr[-1500:]}")


def timed(steps: list[tuple[str, Callable[[], None]]]) -> dict[str, float]:
    """Seconds of each step and of all of them ("total")."""
    times: dict[str, float] = {}
    for label, step in steps:
        start = time.perf_counter()
        step()
        times[label] = time.perf_counter() - start
    times["total"] = sum(times.values())
    return times


def interleaved(rows: dict[str, Row], rounds: int) -> dict[str, list[dict[str, float]]]:
    results: dict[str, list[dict[str, float]]] = {label: [] for label in rows}
    for number in range(rounds):
        for label, row in rows.items():
            results[label].append(row())
            print(f"round {number + 1}: {label}: {results[label][-1]['total']:.1f} s", flush=True)
    return results


# ---------------------------------------------------------------- 1. set-up


def old_way(work: Path, pip_cache: Path | None) -> Row:
    def row() -> dict[str, float]:
        venv = work / "old-venv"
        shutil.rmtree(venv, ignore_errors=True)
        cache = ["--no-cache-dir"] if pip_cache is None else ["--cache-dir", str(pip_cache)]
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", *cache]
        locks = ["-r", "requirements/dev.txt", "-r", "requirements/build.txt"]
        editable = ["--no-deps", "--no-build-isolation", "-e", "."]
        return timed(
            [
                ("venv", lambda: run([PYTHON, "-m", "venv", str(venv)], ROOT)),
                ("install", lambda: run([*pip, *locks], ROOT)),
                ("baocao", lambda: run([*pip, *editable], ROOT)),
            ]
        )

    return row


def new_way(work: Path, uv_cache: Path | None) -> Row:
    def row() -> dict[str, float]:
        venv, boot = work / "new-venv", work / ("uv-warm" if uv_cache else "uv-cold")
        shutil.rmtree(venv, ignore_errors=True)
        env = dict(os.environ)
        if uv_cache is None:
            shutil.rmtree(boot, ignore_errors=True)
            cold = work / "uv-cache-cold"
            shutil.rmtree(cold, ignore_errors=True)
            env |= {"UV_CACHE_DIR": str(cold), "PIP_NO_CACHE_DIR": "1"}
        else:
            env["UV_CACHE_DIR"] = str(uv_cache)
        make = ["make", "--no-print-directory", "setup", f"VENV={venv}", f"UV_BOOTSTRAP={boot}"]
        return timed([("make setup", lambda: run(make, ROOT, env))])

    return row


def setup_rows(work: Path) -> dict[str, Row]:
    pip_cache, uv_cache = work / "pip-cache", work / "uv-cache"
    warm_old, warm_new = old_way(work, pip_cache), new_way(work, uv_cache)
    warm_old()  # fills the caches the warm rows use
    warm_new()
    return {
        "old, cold: pip, whole lock": old_way(work, None),
        "new, cold: make setup (uv, runtime set)": new_way(work, None),
        "old, warm: pip, whole lock": warm_old,
        "new, warm: make setup (uv, runtime set)": warm_new,
    }


# ---------------------------------------------------------------- 2. a pull request's path


def province(units: int, out: Path) -> tuple[str, str]:
    """A generated province in git: a base commit, then one changing one unit.
    Returns the base commit and the changed unit."""
    slugs = generate_project(units, out)
    git = ["git", "-c", "user.name=b", "-c", "user.email=b@example.invalid"]
    run([*git, "init", "-q", "-b", "main"], out)
    run([*git, "add", "-A"], out)
    run([*git, "commit", "-q", "-m", "base"], out)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=out, capture_output=True, text=True)
    unit = slugs[len(slugs) // 2]
    index = out / "reports" / unit / "index.md"
    index.write_text(index.read_text("utf-8") + "\nĐơn vị bổ sung một câu.\n", "utf-8")
    run([*git, "commit", "-q", "-am", f"{unit}: sửa"], out)
    return base.stdout.strip(), unit


def alone(whole: Path, unit: str, out: Path) -> None:
    """A project holding only ``unit`` of the province ``whole``."""
    out.mkdir()
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(whole / name, out / name)
    shutil.copytree(whole / "_templates", out / "_templates")
    shutil.copytree(whole / "reports" / unit, out / "reports" / unit)
    registry = yaml.safe_load((whole / "reports" / "units.yaml").read_text("utf-8"))
    registry["units"] = [u for u in registry["units"] if u["slug"] == unit]
    text = yaml.safe_dump(registry, allow_unicode=True, sort_keys=False)
    (out / "reports" / "units.yaml").write_text(text, "utf-8")


def pr_rows(work: Path, units: int) -> tuple[dict[str, Row], str]:
    whole = work / "province"
    base, unit = province(units, whole)
    single = work / "alone"
    alone(whole, unit, single)

    def pr_path() -> dict[str, float]:
        shutil.rmtree(whole / "_build", ignore_errors=True)
        run(["git", "checkout", "-q", "HEAD", "--", "reports"], whole)  # the units kept go
        lint = [BAOCAO, "lint", "--changed-since", base, "--format", "github"]
        changed = [BAOCAO, "changed", "--since", base]
        keep = [sys.executable, str(ROOT / ".ci" / "pr-units.py"), unit]
        ci = {**os.environ, "GITHUB_ACTIONS": "true"}
        return timed(
            [
                ("lint --changed-since", lambda: run(lint, whole, ok=(0, 1))),
                ("changed, keep the unit", lambda: (run(changed, whole), run(keep, whole, ci))),
                ("build html", lambda: run([BAOCAO, "build", "html"], whole)),
                ("build docx", lambda: run([BAOCAO, "build", "docx", unit], whole)),
            ]
        )

    def one_unit() -> dict[str, float]:
        shutil.rmtree(single / "_build", ignore_errors=True)
        return timed(
            [
                ("build html", lambda: run([BAOCAO, "build", "html"], single)),
                ("build docx", lambda: run([BAOCAO, "build", "docx", unit], single)),
            ]
        )

    rows = {f"PR path, {units} units": pr_path, "that unit alone": one_unit}
    return rows, unit


# ---------------------------------------------------------------- report


def summary(runs: list[dict[str, float]], key: str = "total") -> str:
    values = [r[key] for r in runs]
    return f"{min(values):.1f} (±{max(values) - min(values):.1f})"


def table(results: dict[str, list[dict[str, float]]]) -> None:
    steps = list(dict.fromkeys(k for runs in results.values() for k in runs[0]))
    print("| row | " + " | ".join(steps) + " |")
    print("| --- |" + " ---: |" * len(steps))
    for label, runs in results.items():
        cells = [summary(runs, s) if s in runs[0] else "" for s in steps]
        print(f"| {label} | " + " | ".join(cells) + " |")
    print()


def ratio(results: dict[str, list[dict[str, float]]], top: str, bottom: str) -> float:
    return min(r["total"] for r in results[top]) / min(r["total"] for r in results[bottom])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--skip-install", action="store_true", help="only the PR path")
    args = parser.parse_args()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; seconds, min (± spread) of {args.rounds} rounds\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.skip_install:
            setup = interleaved(setup_rows(work), args.rounds)
            table(setup)
            for temp in ("cold", "warm"):
                old, new = (f"{w}, {temp}: " for w in ("old", "new"))
                top = next(k for k in setup if k.startswith(new))
                bottom = next(k for k in setup if k.startswith(old))
                print(f"new / old, {temp}: {ratio(setup, top, bottom):.2f}")
            print()
        rows, unit = pr_rows(work, args.units)
        print(f"changed unit: {unit}")
        path = interleaved(rows, args.rounds)
        table(path)
        top, bottom = rows
        print(f"PR path / that unit alone: {ratio(path, top, bottom):.2f}")


if __name__ == "__main__":
    main()
