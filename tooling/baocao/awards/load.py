"""Read one unit's commendation data, ``reports/<unit>/khen-thuong.yaml``, into the model.

The loader never raises on what a unit typed: a file it cannot read at all (outside
the unit, too large, not UTF-8, not YAML, not a mapping) becomes a ``problem`` with
its line, and every value is kept as typed with its line (``Cell``), for the linter
to judge. The loader does not know the schema: every top-level key other than
``nam`` and ``danh-sach-de-nghi`` is read as a table, and the linter says which
tables, kinds and columns the form knows.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from baocao.archive import archived_unit_dir
from baocao.awards.model import (
    DATA_FILE,
    AwardRow,
    AwardTable,
    Cell,
    Nominee,
    UnitAwards,
)
from baocao.config import Settings
from baocao.unitpaths import may_read
from baocao.yamlio import LineMap, YamlProblem, load_yaml

YEAR_KEY = "nam"
NOMINEES_KEY = "danh-sach-de-nghi"
TOTAL_KEY = "tong-cong"
NOMINEE_FIELDS = {
    "ten": "name",
    "chuc-vu": "post",
    "don-vi": "unit",
    "hinh-thuc": "kind",
    "thanh-tich": "achievement",
}
COLLECTIVE_KEY = "tap-the"
MAX_BYTES = Settings.max_file_bytes
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Problem = tuple[int, str, dict]


def data_path(unit_dir: Path) -> Path:
    return unit_dir / DATA_FILE


def load_unit_awards(unit_dir: Path, max_bytes: int = MAX_BYTES) -> UnitAwards | None:
    """The unit's data, None when the unit has no data file.

    ``max_bytes`` is the project's ``max_file_bytes`` (0: no limit).
    """
    path = data_path(unit_dir)
    if not path.exists() and not path.is_symlink():
        return None
    text, problem = _read(unit_dir, path, max_bytes)
    if problem is not None:
        return UnitAwards(path=path, year=None, problems=(problem,))
    return _parsed(path, text)


@lru_cache(maxsize=1024)
def _parsed(path: Path, text: str) -> UnitAwards:
    """The data of ``text``, read from ``path``: parsed once per text in a process (the
    roll-up and the linter's rules both read every unit's file; the result is frozen)."""
    alias = _alias_line(text)
    if alias is not None:  # "&a … *a" can multiply a few lines into billions of values
        return UnitAwards(path=path, year=None, problems=((alias, "awards.yaml-alias", {}),))
    try:
        data, lines = load_yaml(text)
    except YamlProblem as err:
        return UnitAwards(
            path=path,
            year=None,
            problems=((err.line, "awards.yaml-syntax", {"problem": err.problem}),),
        )
    if not isinstance(data, dict):
        return UnitAwards(path=path, year=None, problems=((1, "awards.not-mapping", {}),))
    return _Reader(path, lines).unit(data)


def previous_awards(root: Path, slug: str, year: int) -> UnitAwards | None:
    """Last year's data of unit ``slug`` (report year ``year``), from the archive;
    None when the archive has no such unit or it has no data file."""
    folder = archived_unit_dir(root, year - 1, slug)
    return load_unit_awards(folder) if folder is not None else None


def _alias_line(text: str) -> int | None:
    """The line of the first alias (``*name``) of the text, None when it has none or
    is not YAML at all (the loader then tells why)."""
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line + 1
    except yaml.YAMLError:
        return None
    return None


def _read(unit_dir: Path, path: Path, max_bytes: int) -> tuple[str, Problem | None]:
    if not may_read(unit_dir, path.absolute()):
        return "", (1, "awards.outside-unit", {})
    if not path.is_file():  # a folder, a pipe, a device: never opened
        return "", (1, "awards.not-a-file", {})
    try:
        size = path.stat().st_size
        if 0 < max_bytes < size:
            return "", (1, "awards.too-large", {"size": size, "limit": max_bytes})
        return path.read_bytes().decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return "", (1, "awards.not-utf8", {})
    except OSError as err:
        return "", (1, "awards.unreadable", {"reason": err.strerror or type(err).__name__})


class _Reader:
    """Builds a UnitAwards from the parsed mapping, keeping every value's line."""

    def __init__(self, path: Path, lines: LineMap) -> None:
        self.path = path
        self.lines = lines
        self.unknown: list[tuple[str, int]] = []
        self.problems: list[Problem] = []

    def line(self, *where: str | int) -> int:
        return self.lines.line(where)

    def unit(self, data: dict[Any, Any]) -> UnitAwards:
        tables: dict[str, AwardTable] = {}
        nominees: tuple[Nominee, ...] = ()
        year_cell = Cell(data[YEAR_KEY], self.line(YEAR_KEY)) if YEAR_KEY in data else None
        for key, value in data.items():
            name = str(key)
            if name == YEAR_KEY:
                continue
            if name == NOMINEES_KEY:
                nominees = self.nominees(value)
            elif isinstance(value, dict) or value is None:
                tables[name] = self.table(name, value or {})
            else:
                self.problems.append((self.line(key), "awards.table-not-mapping", {"name": name}))
        year = year_cell.value if year_cell is not None else None
        return UnitAwards(
            path=self.path,
            year=year if isinstance(year, int) and not isinstance(year, bool) else None,
            tables=tables,
            nominees=nominees,
            unknown_keys=tuple(self.unknown),
            problems=tuple(self.problems),
            year_cell=year_cell,
        )

    def table(self, name: str, data: dict[Any, Any]) -> AwardTable:
        rows = []
        total = None
        for key, value in data.items():
            row = self.row(name, str(key), key, value)
            if row is None:
                continue
            if row.kind == TOTAL_KEY:
                total = row
            else:
                rows.append(row)
        return AwardTable(id=name, line=self.line(name), rows=tuple(rows), stated_total=total)

    def row(self, table: str, kind: str, key: Any, value: Any) -> AwardRow | None:
        line = self.line(table, key)
        if value is None:
            return AwardRow(kind=kind, line=line)
        if not isinstance(value, dict):
            self.problems.append((line, "awards.row-not-mapping", {"table": table, "kind": kind}))
            return None
        cells = {
            str(column): Cell(cell, self.line(table, key, column)) for column, cell in value.items()
        }
        return AwardRow(kind=kind, line=line, cells=cells)

    def nominees(self, value: Any) -> tuple[Nominee, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problems.append((self.line(NOMINEES_KEY), "awards.nominees-not-list", {}))
            return ()
        result = []
        for index, item in enumerate(value):
            nominee = self.nominee(index, item)
            if nominee is not None:
                result.append(nominee)
        return tuple(result)

    def nominee(self, index: int, item: Any) -> Nominee | None:
        line = self.line(NOMINEES_KEY, index)
        if not isinstance(item, dict):
            self.problems.append((line, "awards.nominee-not-mapping", {"number": index + 1}))
            return None
        fields = {attr: "" for attr in NOMINEE_FIELDS.values()}
        collective = False
        for key, value in item.items():
            name = str(key)
            if name in NOMINEE_FIELDS:
                fields[NOMINEE_FIELDS[name]] = _text(value)
            elif name == COLLECTIVE_KEY and isinstance(value, bool):
                collective = value
            elif name == COLLECTIVE_KEY:
                where = self.line(NOMINEES_KEY, index, key)
                self.problems.append((where, "awards.nominee-flag", {"number": index + 1}))
            else:
                where = self.line(NOMINEES_KEY, index, key)
                self.unknown.append((f"{NOMINEES_KEY}[{index + 1}].{name}", where))
        return Nominee(line=line, collective=collective, **fields)


def _text(value: Any) -> str:
    """A typed field as one line of text ("" when empty)."""
    if value is None:
        return ""
    return " ".join(str(value).split())
