"""CODEOWNERS generated from reports/units.yaml.

The board owns everything (``*``); each unit's owners and the board own the
unit's report folder. The file is derived data: ``baocao codeowners`` writes
it and ``check_codeowners`` tells whether the committed file is current.

This module also holds ``review_t``, the message lookup of the review
workflow's commands, whose texts live in ``data/messages-review.yaml``.
"""

from __future__ import annotations

import re
from pathlib import Path

from baocao.errors import ConfigError
from baocao.fsutil import write_atomic
from baocao.project import Project, UnitsList

CODEOWNERS = Path(".github/CODEOWNERS")

HEADER = """\
# Tệp này được sinh tự động từ reports/units.yaml bằng lệnh `baocao codeowners`.
# Đừng sửa tay: sửa reports/units.yaml rồi chạy lại lệnh.
# Generated from reports/units.yaml by `baocao codeowners`; do not edit by hand.
"""

# A GitHub user (@name), a team (@org/team) or an email address.
_HANDLE = re.compile(
    r"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]+)?$|^[^@\s]+@[^@\s]+\.[^@\s]+$"
)
_SAFE_SLUG = re.compile(r"^[A-Za-z0-9._-]+$")


def normal_handle(raw: str) -> str | None:
    """``raw`` as CODEOWNERS writes it (``@`` added to a bare name), or None if it is no handle."""
    handle = raw.strip()
    if handle and "@" not in handle:
        handle = "@" + handle
    return handle if _HANDLE.match(handle) else None


def _handle(raw: str, owner_of: str, units_file: Path) -> str:
    handle = normal_handle(raw)
    if handle is None:
        raise ConfigError("codeowners.bad-handle", file=units_file, handle=raw, owner_of=owner_of)
    return handle


def render(units: UnitsList, reports_dir: str, units_file: Path) -> str:
    """The CODEOWNERS text for ``units`` (sorted by slug, so the file is stable)."""
    board = [_handle(h, "board", units_file) for h in units.board]
    lines = [HEADER]
    if board:
        lines.append(" ".join(["*", *board]))
    prefix = "/" + reports_dir.strip("/")
    for slug in sorted(units.units):
        if not _SAFE_SLUG.match(slug):
            raise ConfigError("codeowners.bad-slug", file=units_file, slug=slug)
        owners = [_handle(h, slug, units_file) for h in units.units[slug].owners]
        everyone = list(dict.fromkeys([*owners, *board]))
        lines.append(" ".join([f"{prefix}/{slug}/", *everyone]))
    return "\n".join(lines) + "\n"


def expected(project: Project) -> str:
    return render(project.units, project.settings.reports_dir, project.units_file)


def check_codeowners(project: Project) -> bool:
    """True when .github/CODEOWNERS matches reports/units.yaml (or there is no units list)."""
    if not project.units_file.is_file():
        return True
    path = project.root / CODEOWNERS
    return path.is_file() and path.read_text("utf-8") == expected(project)


def write_codeowners(project: Project) -> bool:
    """Write .github/CODEOWNERS atomically; False when it was already current."""
    text = expected(project)
    path = project.root / CODEOWNERS
    if path.is_file() and path.read_text("utf-8") == text:
        return False
    write_atomic(path, text)
    return True
