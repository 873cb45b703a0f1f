"""The units as they were at a git commit, in a throw-away project, built to Word.

The units' folders are read from git (``git archive``), never from the work
tree, and put in a temporary project with today's settings, forms, ``conf.py``
and ``units.yaml``, so that only the report's text differs from today's build.
A unit that did not exist at the commit has no older file.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from baocao.docx.build import BuildPlan, build_docx
from baocao.errors import UsageError
from baocao.project import Project

_SHARED_FILES = ("pyproject.toml", "conf.py")


def git(project: Project, ref: str, *args: str, text: bool = True) -> str | bytes:
    """Run git in the project; a failure is a usage error naming ``ref``."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=project.root, capture_output=True, text=text, check=True
        )
    except (FileNotFoundError, subprocess.CalledProcessError) as err:
        stderr = getattr(err, "stderr", None) or b""
        if isinstance(stderr, bytes):
            stderr = stderr.decode("utf-8", "replace")
        problem = stderr.strip().splitlines()[-1] if stderr.strip() else str(err)
        raise UsageError("changed.git-failed", ref=ref, problem=problem) from None
    return done.stdout


def reports_path(project: Project) -> PurePosixPath:
    """The reports folder, relative to the top of the git repository."""
    prefix = str(git(project, "HEAD", "rev-parse", "--show-prefix")).strip()
    reports = project.reports_dir.resolve().relative_to(project.root.resolve())
    return PurePosixPath(prefix) / reports.as_posix()


def units_at(project: Project, commit: str, units: Sequence[str]) -> list[str]:
    """Which of ``units`` have an ``index.md`` at ``commit``."""
    reports = reports_path(project)
    names = [f"{reports / unit}/index.md" for unit in units]
    listed = str(
        git(project, commit, "ls-tree", "--full-tree", "--name-only", commit, "--", *names)
    )
    present = set(listed.splitlines())
    return [unit for unit, name in zip(units, names, strict=True) if name in present]


def export(project: Project, commit: str, units: Sequence[str], target: Path) -> Project:
    """A project at ``target`` with today's settings and forms and ``units`` at ``commit``."""
    for name in _SHARED_FILES:
        if (project.root / name).is_file():
            shutil.copy2(project.root / name, target / name)
    forms = project.forms_dir.resolve().relative_to(project.root.resolve())
    shutil.copytree(project.forms_dir, target / forms)
    reports = project.reports_dir.resolve().relative_to(project.root.resolve())
    (target / reports).mkdir(parents=True, exist_ok=True)
    if project.units_file.is_file():
        shutil.copy2(project.units_file, target / reports / "units.yaml")
    if units:
        top = reports_path(project)
        paths = [str(top / unit) for unit in units]
        top_dir = str(git(project, commit, "rev-parse", "--show-toplevel")).strip()
        archive = ("-C", top_dir, "archive", "--format=tar", commit, "--", *paths)
        data = git(project, commit, *archive, text=False)
        _extract(bytes(data), top, target / reports)
    return Project.discover(target)


def _extract(data: bytes, top: PurePosixPath, target: Path) -> None:
    """Unpack the archive's files under ``top`` into ``target`` (regular files only)."""
    made: set[Path] = set()  # folders made already: one mkdir per folder, not per file
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            name = PurePosixPath(member.name).relative_to(top)
            path = target.joinpath(*name.parts)
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            source = archive.extractfile(member)
            if source is not None:
                path.write_bytes(source.read())


def build_at(
    project: Project, commit: str, units: Sequence[str], workdir: Path, jobs: int
) -> dict[str, bytes]:
    """The Word file of each of ``units`` as built from ``commit`` (absent when it had none)."""
    present = units_at(project, commit, units)
    if not present:
        return {}
    old = export(project, commit, present, workdir)
    outcomes = build_docx(old, present, BuildPlan(jobs=jobs))
    return {o.unit: o.path.read_bytes() for o in outcomes if o.ok and o.path is not None}
