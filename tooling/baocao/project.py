"""The project on disk: its root, settings, forms, units and the units list."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from baocao.config import Settings, find_root, load_settings
from baocao.errors import ConfigError
from baocao.forms import Form, available_forms, load_form
from baocao.unitpaths import unit_folders
from baocao.yamlio import YamlProblem, load_yaml


@dataclass(frozen=True)
class Unit:
    """One entry of reports/units.yaml."""

    slug: str
    name: str
    kind: str = ""
    owners: tuple[str, ...] = ()


@dataclass
class UnitsList:
    board: tuple[str, ...] = ()
    units: dict[str, Unit] = field(default_factory=dict)


@dataclass
class Project:
    root: Path
    settings: Settings

    @classmethod
    def discover(cls, start: Path | None = None) -> Project:
        root = find_root(start)
        return cls(root, load_settings(root))

    @property
    def reports_dir(self) -> Path:
        return self.root / self.settings.reports_dir

    @property
    def forms_dir(self) -> Path:
        return self.root / self.settings.forms_dir

    @property
    def units_file(self) -> Path:
        return self.reports_dir / "units.yaml"

    @cached_property
    def known_forms(self) -> list[str]:
        return available_forms(self.forms_dir)

    def form(self, form_id: str | None = None) -> Form:
        return load_form(self.forms_dir.resolve(), form_id or self.settings.default_form)

    def unit_dirs(self) -> list[Path]:
        """Every unit folder under the reports root, sorted by slug; a link is listed
        too, for the linter to tell (``unitpaths``), never walked."""
        return unit_folders(self.reports_dir)

    @cached_property
    def units(self) -> UnitsList:
        return read_units(self.units_file)

    def rel(self, path: Path) -> str:
        """``path`` relative to the root, POSIX style, as named (a link is not followed)."""
        named = Path(os.path.normpath(path.absolute()))
        for root in (self.root.absolute(), self.root.resolve()):
            if named.is_relative_to(root):
                return named.relative_to(root).as_posix()
        return path.as_posix()


def read_units(path: Path) -> UnitsList:
    """Read reports/units.yaml; a missing file is an empty list."""
    if not path.is_file():
        return UnitsList()
    try:
        data, lines = load_yaml(path.read_text("utf-8"))
    except YamlProblem as err:
        raise ConfigError(
            "units.yaml-syntax", file=path, line=err.line, problem=err.problem
        ) from None
    data = data or {}
    if not isinstance(data, dict) or not isinstance(data.get("units", []), list):
        raise ConfigError("units.bad-shape", file=path, line=1)
    units: dict[str, Unit] = {}
    for index, item in enumerate(data.get("units") or []):
        units_item = _unit(item, path, lines.line(("units", index)))
        units[units_item.slug] = units_item
    return UnitsList(tuple(data.get("board") or ()), units)


def _unit(item: Any, path: Path, line: int) -> Unit:
    if not isinstance(item, dict) or not item.get("slug"):
        raise ConfigError("units.bad-entry", file=path, line=line)
    owners = item.get("owners") or ()
    return Unit(
        str(item["slug"]),
        str(item.get("name") or item["slug"]),
        str(item.get("kind") or ""),
        tuple(str(o) for o in owners),
    )
