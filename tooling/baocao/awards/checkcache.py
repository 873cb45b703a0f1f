"""The data checks of archived units, kept in ``_build/cache/khen-thuong-luu-tru.json``.

A closed year never changes, yet every site build and every ``--watch`` save gathers
last year's data for the roll-up. Each archived unit's check (its data errors, and
whether its data could be checked) is kept under a key made of everything the check
reads: the unit's ``index.md`` and data file (their bytes), the names and sizes of
its files (the limits), every form's commendation schema, the settings, the language
of the messages and baocao's own code and data (its rules, loader, messages). Change any of these
and the unit is checked again. The file is written atomically; a cache that cannot
be read is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from baocao.awards.model import DATA_FILE, SCHEMA_FILE
from baocao.awards.rollup import DataError
from baocao.fsutil import write_atomic
from baocao.i18n import get_lang
from baocao.lint.rules.base import Rule
from baocao.project import Project

CACHE = Path("_build/cache/khen-thuong-luu-tru.json")
PACKAGE = Path(__file__).resolve().parents[1]

Check = tuple[tuple[DataError, ...], bool]
Checks = dict[str, Check]
"""Each unit's data errors and whether its data was checked, by folder name."""


def cached_checks(
    project: Project,
    folders: list[Path],
    rules: list[type[Rule]],
    check: Callable[[list[Path]], Checks],
) -> Checks:
    """``check(folders)``, taking each folder's answer from the cache when its key is
    there, and keeping the new answers."""
    if not folders:
        return {}
    path = project.root / CACHE
    stored = _read(path)
    shared = _shared_key(project, rules)
    keys = {folder: _key(project, folder, shared) for folder in folders}
    found = {f.name: c for f, k in keys.items() if (c := _decoded(stored.get(k))) is not None}
    missing = [f for f in folders if f.name not in found]
    fresh = check(missing) if missing else {}
    if fresh:
        kept = {keys[f]: stored[keys[f]] for f in folders if f.name in found}
        kept.update({keys[f]: _encoded(fresh[f.name]) for f in missing if f.name in fresh})
        write_atomic(path, json.dumps(kept, ensure_ascii=False, indent=1))
    return {**found, **fresh}


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _shared_key(project: Project, rules: list[type[Rule]]) -> bytes:
    """What every unit's check depends on: settings, schemas, language, baocao itself
    (the rules' codes chosen, and every module and data file of the package)."""
    digest = hashlib.sha256()
    digest.update(repr(project.settings).encode())
    digest.update(get_lang().encode())
    digest.update(" ".join(rule.code for rule in rules).encode())
    schemas = sorted(project.forms_dir.glob(f"*/{SCHEMA_FILE}"))
    code = sorted([*PACKAGE.rglob("*.py"), *PACKAGE.glob("data/*.yaml")])
    for file in [*schemas, *code]:
        digest.update(file.as_posix().encode())
        digest.update(_bytes(file))
    return digest.digest()


def _key(project: Project, folder: Path, shared: bytes) -> str:
    digest = hashlib.sha256(shared)
    digest.update(project.rel(folder).encode())
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            file = Path(root) / name
            digest.update(f"{file.relative_to(folder).as_posix()}:{_size(file)}\n".encode())
    for name in ("index.md", DATA_FILE):
        digest.update(_bytes(folder / name))
    return digest.hexdigest()


def _size(path: Path) -> int:
    try:
        return path.lstat().st_size
    except OSError:
        return -1


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _encoded(check: Check) -> dict[str, Any]:
    errors, checked = check
    return {"checked": checked, "errors": [[e.code, e.file, e.line, e.message] for e in errors]}


def _decoded(entry: Any) -> Check | None:
    """The check kept in ``entry``, None when there is none or it is not one."""
    try:
        errors = tuple(DataError(str(c), str(f), int(n), str(m)) for c, f, n, m in entry["errors"])
        return errors, bool(entry["checked"])
    except (KeyError, TypeError, ValueError):
        return None
