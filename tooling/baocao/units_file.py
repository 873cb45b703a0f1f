"""Add a unit to reports/units.yaml, keeping the file's comments and order."""

from __future__ import annotations

import io
from pathlib import Path

from baocao.fsutil import write_atomic
from baocao.i18n import catalogue

HEADER = "# Units whose reports live under reports/<slug>/: slug, name, kind, owners.\n"


def known_kinds() -> list[str]:
    """The kinds of unit the dashboard has a label for (``kind.<kind>`` in the catalogue)."""
    return sorted(key.removeprefix("kind.") for key in catalogue() if key.startswith("kind."))


def add_unit(
    path: Path, slug: str, name: str, kind: str = "", owners: tuple[str, ...] = ()
) -> None:
    from ruamel.yaml import YAML  # here, not at the top: the linter imports this module

    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(path.read_text("utf-8")) if path.is_file() else None
    if data is None:
        data = yaml.load(HEADER + "board: []\nunits: []\n")
    if data.get("units") is None:
        data["units"] = []
    data["units"].append({"slug": slug, "name": name, "kind": kind, "owners": list(owners)})
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    write_atomic(path, buffer.getvalue())
