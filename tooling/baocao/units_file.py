"""Add a unit to reports/units.yaml, keeping the file's comments and order."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

from baocao.errors import BaocaoError
from baocao.fsutil import replace_if_unchanged, write_atomic
from baocao.i18n import catalogue

ATTEMPTS = 3  # reads of units.yaml when edits keep coming in while it is rewritten
HEADER = "# Units whose reports live under reports/<slug>/: slug, name, kind, owners.\n"


def known_kinds() -> list[str]:
    """The kinds of unit the dashboard has a label for (``kind.<kind>`` in the catalogue)."""
    return sorted(key.removeprefix("kind.") for key in catalogue() if key.startswith("kind."))


def _round_trip_yaml() -> Any:
    """ruamel's round-trip YAML, imported here, not at the top: the linter imports this
    module and never writes."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def add_unit(
    path: Path, slug: str, name: str, kind: str = "", owners: tuple[str, ...] = ()
) -> None:
    yaml = _round_trip_yaml()
    data = yaml.load(path.read_text("utf-8")) if path.is_file() else None
    if data is None:
        data = yaml.load(HEADER + "board: []\nunits: []\n")
    if data.get("units") is None:
        data["units"] = []
    data["units"].append({"slug": slug, "name": name, "kind": kind, "owners": list(owners)})
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    write_atomic(path, buffer.getvalue())


def set_year(path: Path, year: int) -> bool:
    """Set the ``year`` of reports/units.yaml where the file has one (True when it
    was changed), keeping comments and order. An edit saved meanwhile is never
    lost: the file is replaced only while it holds the bytes read, else read again."""
    for _ in range(ATTEMPTS):
        if not path.is_file():
            return False
        raw = path.read_bytes()
        yaml = _round_trip_yaml()
        data = yaml.load(raw.decode("utf-8"))
        if not isinstance(data, dict) or "year" not in data or data["year"] == year:
            return False
        data["year"] = year
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        if replace_if_unchanged(path, buffer.getvalue(), hashlib.sha256(raw).digest()):
            return True
    raise BaocaoError("newyear.units-busy", file=path)
