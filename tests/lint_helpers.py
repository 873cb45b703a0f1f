"""Shared helpers of the linter's tests: a throw-away project with real units, and runners.

Plain functions, not fixtures (tests/conftest.py belongs to the lead): each test
passes its own ``tmp_path``.
"""

from __future__ import annotations

import io
import json
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from baocao.cli import main
from baocao.lint import lint_unit
from baocao.lint.engine import UnitResult
from baocao.project import Project

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
SCHOOL = "truong-thpt-le-quy-don"  # single file
DEPARTMENT = "so-noi-vu"  # tree
COMPANY = "cong-ty-cap-nuoc-binh-minh"  # tree
EXAMPLES = (DEPARTMENT, SCHOOL, COMPANY)


def make_project(tmp_path: Path, *units: str, pyproject_extra: str = "") -> Path:
    """A project in ``tmp_path``: pyproject.toml, _templates/ and copies of example units."""
    root = tmp_path / "proj"
    root.mkdir(parents=True, exist_ok=True)
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    (root / "pyproject.toml").write_text(text + pyproject_extra, "utf-8")
    shutil.copytree(ROOT / "_templates", root / "_templates")
    (root / "reports").mkdir()
    for unit in units:
        shutil.copytree(REPORTS / unit, root / "reports" / unit)
    return root


def lint(root: Path, unit: str, rules=None) -> UnitResult:
    project = Project.discover(root)
    return lint_unit(project, root / "reports" / unit, rules)


def codes(result: UnitResult) -> list[str]:
    return [d.code for d in result.diagnostics]


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run_cli(root: Path, *args: str, monkeypatch=None) -> Run:
    """Run ``baocao ARGS`` in-process with ``root`` as the working directory."""
    out, err = io.StringIO(), io.StringIO()
    if monkeypatch is not None:
        monkeypatch.chdir(root)
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    else:
        import os

        old = Path.cwd()
        os.chdir(root)
        try:
            with redirect_stdout(out), redirect_stderr(err):
                code = main(list(args))
        finally:
            os.chdir(old)
    return Run(code, out.getvalue(), err.getvalue())


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and mtime (ns) of every file under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
