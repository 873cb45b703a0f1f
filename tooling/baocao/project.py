"""The project on disk: its root, settings, forms, units and the units list."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from baocao.config import Settings, find_root, load_settings
from baocao.dates import parse_day
from baocao.errors import ConfigError
from baocao.forms import Form, available_forms, load_form
from baocao.unitpaths import unit_folders
from baocao.yamlio import LineMap, YamlProblem, load_yaml


@dataclass(frozen=True)
class Unit:
    """One entry of reports/units.yaml."""

    slug: str
    name: str
    kind: str = ""
    owners: tuple[str, ...] = ()
    years: tuple[int, ...] = ()  # the years it must report for; empty: every year

    def expected_in(self, year: int | None) -> bool:
        return not self.years or year is None or year in self.years


@dataclass
class UnitsList:
    board: tuple[str, ...] = ()
    units: dict[str, Unit] = field(default_factory=dict)
    year: int | None = None  # the year being collected, when the list says so
    deadlines: dict[int, dt.date] = field(default_factory=dict)  # han_nop, by year
    # ``tong_hop``: the front matter of the board's own report (``baocao tong-hop``),
    # as written, with the line of each key; checked by ``summary/board.py``.
    board_report: Any = None
    board_report_lines: dict[str, int] = field(default_factory=dict)


@dataclass
class Project:
    root: Path
    settings: Settings
    _real_paths: dict[Path, Path] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

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
        return load_form(self._real(self.forms_dir), form_id or self.settings.default_form)

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
        for root in (self.root.absolute(), self._real(self.root)):
            if named.is_relative_to(root):
                return named.relative_to(root).as_posix()
        return path.as_posix()

    def _real(self, path: Path) -> Path:
        """``path.resolve()``, computed once per project and path (each unit asks)."""
        if path not in self._real_paths:
            self._real_paths[path] = path.resolve()
        return self._real_paths[path]


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
    year = _year(data.get("year"), path, lines.line(("year",))) if "year" in data else None
    deadlines = _deadlines(data.get("han_nop") or {}, path, lines)
    board_report = data.get("tong_hop")
    report_lines = {
        str(key): lines.line(("tong_hop", str(key)))
        for key in (board_report if isinstance(board_report, dict) else {})
    }
    report_lines[""] = lines.line(("tong_hop",))
    return UnitsList(
        tuple(data.get("board") or ()), units, year, deadlines, board_report, report_lines
    )


def _unit(item: Any, path: Path, line: int) -> Unit:
    if not isinstance(item, dict) or not item.get("slug"):
        raise ConfigError("units.bad-entry", file=path, line=line)
    owners = item.get("owners") or ()
    years = item.get("years")
    years = years if isinstance(years, list) else [] if years is None else [years]
    return Unit(
        str(item["slug"]),
        str(item.get("name") or item["slug"]),
        str(item.get("kind") or ""),
        tuple(str(o) for o in owners),
        tuple(_year(y, path, line) for y in years),
    )


def _year(value: Any, path: Path, line: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
        raise ConfigError("units.bad-year", file=path, line=line, value=value)
    return value


def _deadlines(value: Any, path: Path, lines: LineMap) -> dict[int, dt.date]:
    """``han_nop``: year -> deadline, written as a date (2026-01-15) or as 15/01/2026."""
    if not isinstance(value, dict):
        raise ConfigError("units.bad-deadline", file=path, line=lines.line(("han_nop",)))
    deadlines = {}
    for year, day in value.items():
        line = lines.line(("han_nop", str(year)))
        deadlines[_year(year, path, line)] = _date(day, path, line)
    return deadlines


def _date(value: Any, path: Path, line: int) -> dt.date:
    day = value if isinstance(value, dt.date) else parse_day(str(value))
    if day is None:
        raise ConfigError("units.bad-deadline", file=path, line=line)
    return day
