"""The date each unit's report last changed: its last commit, or its files' time.

One ``git log`` over the reports folder gives every unit's last commit date; its
result is remembered (in the environment) until HEAD moves, since the log grows
with the history and every build needs the dates. A unit with uncommitted changes,
or a project outside git, falls back to the newest modification time of its files.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

from baocao.unitpaths import unit_files


def git(root: Path, *args: str) -> str | None:
    command = ["git", "-c", "core.quotePath=false", *args]
    try:
        done = subprocess.run(
            command, cwd=root, capture_output=True, text=True, check=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


def _slug(path: str, reports_dir: str) -> str | None:
    parts = path.strip().split("/")
    prefix = reports_dir.strip("/").split("/")
    if len(parts) > len(prefix) + 1 and parts[: len(prefix)] == prefix:
        return parts[len(prefix)]
    return None


def unit_commits(root: Path, reports_dir: str) -> dict[str, list[tuple[str, str]]] | None:
    """Slug -> the commits touching the unit as (hash, ISO date), newest first; None
    when git could not tell."""
    log = git(root, "log", "--relative", "--format=%x00%H %cs", "--name-only", "--", reports_dir)
    if log is None:
        return None
    commits: dict[str, list[tuple[str, str]]] = {}
    commit = ("", "")
    for line in log.splitlines():
        if line.startswith("\x00"):
            sha, _, date = line[1:].partition(" ")
            commit = (sha, date)
        elif (slug := _slug(line, reports_dir)) is not None:
            seen = commits.setdefault(slug, [])
            if not seen or seen[-1] != commit:
                seen.append(commit)
    return commits


def committed_dates(root: Path, reports_dir: str) -> dict[str, str] | None:
    """Slug -> ISO date of the last commit touching the unit; None when git could not tell."""
    commits = unit_commits(root, reports_dir)
    if commits is None:
        return None
    return {slug: history[0][1] for slug, history in commits.items()}


def remembered_dates(root: Path, reports_dir: str, memo: dict[str, Any]) -> dict[str, str]:
    """``committed_dates``, read again only when HEAD or the folder changed. A failed
    read is not remembered, nor the dates of a shallow clone (deepening it changes them
    without moving HEAD; CI's clones are shallow and build once anyway)."""
    state = (git(root, "rev-parse", "--is-shallow-repository", "HEAD") or "").split()
    if len(state) != 2:
        return {}
    shallow, head = state
    key = f"{head} {reports_dir}"
    if shallow != "false" or memo.get("key") != key:
        dates = committed_dates(root, reports_dir)
        if dates is None:
            return {}
        memo.clear()
        if shallow == "false":
            memo.update(key=key, dates=dates)
        return dates
    return memo["dates"]


def dirty_units(root: Path, reports_dir: str) -> set[str] | None:
    """Slugs with uncommitted or untracked files; None outside a git work tree."""
    prefix = git(root, "rev-parse", "--show-prefix")
    status = git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--", reports_dir)
    if prefix is None or status is None:
        return None
    local = prefix.strip() + reports_dir
    return {s for entry in status.split("\0") if (s := _slug(entry[3:], local))}


def newest_mtime(unit_dir: Path) -> str:
    times = [p.stat().st_mtime for p in unit_files(unit_dir)]
    return dt.date.fromtimestamp(max(times)).isoformat() if times else ""


def last_changes(
    root: Path, reports_dir: str, unit_dirs: list[Path], memo: dict[str, Any]
) -> dict[str, str]:
    """Slug -> ISO date of the unit's last change; ``memo`` keeps the log's dates."""
    dirty = dirty_units(root, reports_dir)
    committed = remembered_dates(root, reports_dir, memo) if dirty is not None else {}
    result = {}
    for unit_dir in unit_dirs:
        slug = unit_dir.name
        if dirty is None or slug in dirty or slug not in committed:
            result[slug] = newest_mtime(unit_dir)
        else:
            result[slug] = committed[slug]
    return result
