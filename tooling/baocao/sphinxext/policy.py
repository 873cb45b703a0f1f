"""What a unit's report may pull into the site: the safety policy shared by the parser
gates (``parser.py``) and the doctree transform (``safety.py``).

A unit's report may use the directives of ``Settings.allowed_directives``, include
files and show images from its own folder, and nothing else: no raw HTML or other
raw content, nothing from another unit's folder, from the rest of the project or
from the Internet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from baocao.archive import ARCHIVE_DIR
from baocao.unitpaths import may_read, named_path

RAW_DIRECTIVES = frozenset({"raw", "eval-rst", "eval-md"})
INCLUDE_DIRECTIVES = frozenset({"include", "literalinclude"})
LINKING_DIRECTIVES = frozenset({"image", "figure"})
# Options through which docutils directives read a file or fetch a URL (csv-table, raw).
FILE_OPTIONS = ("file",)
URL_OPTIONS = ("url",)
UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


@dataclass(frozen=True)
class UnitScope:
    """The folder a document's references must stay in, and the Sphinx source root."""

    unit_dir: Path
    srcdir: Path

    def contains(self, target: str, base_dir: Path) -> bool:
        """True when ``target`` is a local path (never a URL) the unit may read
        (``baocao.unitpaths``: its real path inside the unit's real folder).

        ``/x`` is relative to the source root, as Sphinx reads it; anything else is
        relative to ``base_dir``, the folder of the file that names it.
        """
        target = target.strip()
        if not target or is_url(target) or target.startswith("<"):
            return False
        return may_read(self.unit_dir, named_path(target, base_dir, self.srcdir))


def is_url(target: str) -> bool:
    return bool(_SCHEME.match(target)) or target.startswith("//")


def unsafe_scheme(uri: str) -> bool:
    match = _SCHEME.match(uri.strip())
    return bool(match) and match.group(1).lower() in UNSAFE_SCHEMES


def unit_slug(docname: str, reports_dir: str) -> str | None:
    """The unit a document belongs to: ``reports/<slug>/...`` gives ``<slug>``; a closed
    year's ``archive/<year>/<slug>/...`` gives ``<year>/<slug>`` (``baocao.archive``)."""
    for prefix, depth in ((reports_dir.strip("/") + "/", 1), (ARCHIVE_DIR + "/", 2)):
        if docname.startswith(prefix):
            parts = docname[len(prefix) :].split("/")
            if len(parts) > depth and (depth == 1 or parts[0].isdigit()):
                return "/".join(parts[:depth])
    return None


def unit_base(slug: str, reports_dir: str) -> str:
    """The folder of the unit ``unit_slug`` named, relative to the source root."""
    return f"{ARCHIVE_DIR}/{slug}" if "/" in slug else f"{reports_dir.strip('/')}/{slug}"


def unit_index(slug: str, reports_dir: str) -> str:
    return f"{unit_base(slug, reports_dir)}/index"


def scope_for(docname: str, srcdir: Path, reports_dir: str) -> UnitScope | None:
    slug = unit_slug(docname, reports_dir)
    if slug is None:
        return None
    return UnitScope(srcdir / unit_base(slug, reports_dir), srcdir)


def directive_refusal(name: str, allowed: frozenset[str]) -> str | None:
    """Why a directive is refused whatever its arguments (a text id), or None."""
    if name in RAW_DIRECTIVES:
        return "removed.raw"
    if name not in allowed and name not in INCLUDE_DIRECTIVES:
        return "removed.directive"
    return None
