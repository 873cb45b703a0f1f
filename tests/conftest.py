"""Shared fixtures: the repository root and throw-away projects to run commands in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from baocao.i18n import set_lang
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Property tests are judged on what they find, never on how fast a loaded machine runs
# them: no per-example deadline (a pause of the worker, a full garbage collection after
# a build in the same process, would fail it as "Flaky") and no health check on slow
# generation. The examples are the same on every run (derandomize): what CI runs is what
# passed here, and a case found while exploring with more examples is kept as an
# explicit @example. A test's own @settings keep these unless they say otherwise.
settings.register_profile(
    "baocao",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.load_profile("baocao")


@pytest.fixture(autouse=True)
def vietnamese_by_default():
    """Every test starts in Vietnamese: a command run in-process with ``--lang en`` sets the
    language for the process, and a test calling the builders directly would inherit it."""
    set_lang("vi")
    yield
    set_lang("vi")


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def tmp_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project (settings and forms, no reports) as the current directory."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "_templates", tmp_path / "_templates")
    (tmp_path / "reports").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def example_project(tmp_project: Path) -> Path:
    """A project holding copies of the example units."""
    shutil.rmtree(tmp_project / "reports")
    shutil.copytree(ROOT / "reports", tmp_project / "reports")
    return tmp_project
