"""Word files built at a commit, kept in ``_build/cache/diff`` and found again by content.

Either the base's Word file (built the old way) or its Job (pandoc document and
front matter, ``.json``: made inside today's build, ``baocao.redline.within``) is
kept. A commit never changes, so a unit's file built from it is the same as long as the
unit's folder at that commit (its git tree id), the settings, forms, ``conf.py``,
``units.yaml`` and baocao itself are the same: the key hashes all of these. A
second ``baocao diff`` against the same base (a pull request pushed again) then
builds only today's files. A unit keeps one cached file; a new one replaces it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from importlib import metadata, resources
from pathlib import Path

from baocao.docx.build import BUILD_DIR
from baocao.fsutil import write_atomic
from baocao.project import Project
from baocao.redline.source import git, reports_path

_PACKAGE_FILES = ("*.py", "*.yaml", "*.lua", "*.json", "*.html", "*.css", "*.js", "*.toml")
_LIBRARIES = ("python-docx", "pypandoc-binary", "sphinx", "myst-parser", "panflute")


def cache_dir(project: Project) -> Path:
    return project.root / BUILD_DIR / "cache" / "diff"


def _digest(parts: Iterable[bytes]) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "big"))
        hasher.update(part)
    return hasher.hexdigest()


def _files(folder: Path, patterns: Sequence[str] = ("*",)) -> list[Path]:
    found = {p for pattern in patterns for p in folder.rglob(pattern) if p.is_file()}
    return sorted(p for p in found if "__pycache__" not in p.parts)


def shared_key(project: Project) -> str:
    """What every unit's file depends on besides its own folder."""
    package = Path(str(resources.files("baocao")))
    inputs = [project.root / "pyproject.toml", project.root / "conf.py", project.units_file]
    inputs += _files(project.forms_dir)
    parts: list[bytes] = []
    for path in _files(package, _PACKAGE_FILES) + inputs:
        parts.append(path.name.encode())
        parts.append(path.read_bytes() if path.is_file() else b"")
    for name in _LIBRARIES:
        try:
            parts.append(f"{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            parts.append(name.encode())
    return _digest(parts)


def unit_keys(project: Project, commit: str, units: Sequence[str]) -> dict[str, str]:
    """Each unit's key: its folder's tree id at ``commit`` with the shared key."""
    reports = reports_path(project)
    listing = str(git(project, commit, "ls-tree", "--full-tree", commit, f"{reports}/"))
    trees = {}
    for line in listing.splitlines():
        info, _, path = line.partition("\t")
        trees[path.rsplit("/", 1)[-1]] = info.split()[-1]
    shared = shared_key(project)
    return {u: _digest([shared.encode(), trees[u].encode()]) for u in units if u in trees}


def _path(project: Project, unit: str, key: str, suffix: str) -> Path:
    return cache_dir(project) / f"{unit}.{key[:24]}{suffix}"


def load(project: Project, keys: dict[str, str], suffix: str = ".docx") -> dict[str, bytes]:
    """The cached files (``suffix``: of that kind) of the units whose key is known."""
    found = {}
    for unit, key in keys.items():
        path = _path(project, unit, key, suffix)
        if path.is_file():
            found[unit] = path.read_bytes()
    return found


def store(
    project: Project, keys: dict[str, str], files: dict[str, bytes], suffix: str = ".docx"
) -> None:
    """Keep each unit's new file, dropping the unit's older one of the same kind."""
    for unit, data in files.items():
        if unit not in keys:
            continue
        path = _path(project, unit, keys[unit], suffix)
        for old in cache_dir(project).glob(f"{unit}.*{suffix}"):
            if old != path and old.name.count(".") == 2:
                old.unlink(missing_ok=True)
        write_atomic(path, data)
