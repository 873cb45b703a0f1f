"""When each unit's report became complete, from its git history.

A unit is complete since the oldest commit of the unbroken run of complete
versions that ends with the current one: a typo fixed after the deadline does not
move the date, a version with an error in between does. Each earlier version is
taken out of git into a throw-away project (the current forms and settings) and
linted; the answer is kept by the version's git tree id in
``_build/cache/complete.json``, so a version is linted once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from baocao.fsutil import write_atomic
from baocao.project import Project
from baocao.sphinxext.lastchange import dirty_units, git, newest_mtime, unit_commits

CACHE = Path("_build/cache/complete.json")


def complete_since(project: Project, slugs: Iterable[str]) -> dict[str, dt.date | None]:
    """For each of ``slugs`` (units complete now): the date it became complete; None
    when git cannot tell (outside git, a shallow clone's last commit is taken as is)."""
    reports_dir = project.settings.reports_dir
    dirty = dirty_units(project.root, reports_dir)
    commits = unit_commits(project.root, reports_dir) if dirty is not None else None
    found: dict[str, dt.date | None] = {}
    with _Versions(project) as versions:
        for slug in slugs:
            unit_dir = project.reports_dir / slug
            if commits is None or slug in (dirty or set()) or slug not in commits:
                mtime = newest_mtime(unit_dir)
                found[slug] = dt.date.fromisoformat(mtime) if mtime else None
                continue
            found[slug] = _walk(commits[slug], lambda sha, s=slug: versions.complete(sha, s))
    return found


def _walk(history: list[tuple[str, str]], complete: Callable[[str], bool]) -> dt.date:
    """The date of the oldest commit in the run of complete versions (newest first; the
    newest is complete: it is the unit as it stands)."""
    since = history[0][1]
    for sha, date in history[1:]:
        if not complete(sha):
            break
        since = date
    return dt.date.fromisoformat(since)


class _Versions:
    """Earlier versions of units, linted in a throw-away project, answers cached."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.path = project.root / CACHE
        self.key = _settings_key(project)
        self.known: dict[str, bool] = {}
        self.changed = False
        self.scratch: Path | None = None

    def __enter__(self) -> _Versions:
        try:
            cached = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            cached = {}
        if isinstance(cached, dict) and cached.get("key") == self.key:
            self.known = dict(cached.get("trees") or {})
        return self

    def __exit__(self, *exc: object) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
        if self.changed:
            data = {"key": self.key, "trees": self.known}
            write_atomic(self.path, json.dumps(data, sort_keys=True))

    def complete(self, sha: str, slug: str) -> bool:
        where = f"{self.project.settings.reports_dir}/{slug}"
        tree = git(self.project.root, "rev-parse", "--verify", "-q", f"{sha}:{where}") or ""
        tree = tree.strip()
        if not tree:
            return False  # the unit did not exist at that commit
        if tree not in self.known:
            self.known[tree] = self._lint(sha, where)
            self.changed = True
        return self.known[tree]

    def _lint(self, sha: str, where: str) -> bool:
        from baocao.lint import lint_unit

        root = self._scratch()
        unit_dir = root / where
        shutil.rmtree(unit_dir, ignore_errors=True)
        archive = subprocess.run(
            ["git", "archive", "--format=tar", sha, "--", where],
            cwd=self.project.root,
            capture_output=True,
            check=False,
        )
        if archive.returncode != 0:
            return False
        try:
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(root, filter="data")  # no link or path out of the folder
        except tarfile.TarError:
            return False
        return lint_unit(Project.discover(root), unit_dir, keep_report=False).complete

    def _scratch(self) -> Path:
        """A project with the current settings and forms, and no units."""
        if self.scratch is None:
            self.scratch = Path(tempfile.mkdtemp(prefix="baocao-history-"))
            shutil.copy(self.project.root / "pyproject.toml", self.scratch / "pyproject.toml")
            forms = self.project.settings.forms_dir
            shutil.copytree(self.project.forms_dir, self.scratch / forms)
        return self.scratch


def _settings_key(project: Project) -> str:
    """What a version's completeness depends on besides the version: settings and forms."""
    digest = hashlib.sha256((project.root / "pyproject.toml").read_bytes())
    for path in sorted(project.forms_dir.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(project.forms_dir).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
