"""The province's commendation numbers in the board's report, from the ONE roll-up.

The numbers are ``baocao.awards.rollup``'s (the units whose data has errors are left
out there, never summed). They become the board's unit's own data file, in the very
shape a unit writes, so section 2.4 a) shows them with the same ``{bang-khen-thuong}``
directive and the same renderer as any unit's tables; last year's roll-up becomes
the board's archived data of the year before, for the comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from baocao.awards.load import COLLECTIVE_KEY, NOMINEE_FIELDS, NOMINEES_KEY, YEAR_KEY
from baocao.awards.model import AwardSchema, Nominee
from baocao.awards.rollup import ERRORS, Counts, Rollup, UnitInput, rollup
from baocao.i18n import t
from baocao.project import Project


@dataclass(frozen=True)
class ProvinceAwards:
    rollup: Rollup
    nominees: tuple[Nominee, ...]  # the names proposed by the units summed


def province_awards(project: Project, year: int) -> ProvinceAwards | None:
    """The roll-up of the project's units for ``year``; None when the form has no schema."""
    from baocao.awards.collect import collect, project_schema
    from baocao.errors import ConfigError

    try:
        schema = project_schema(project)
    except ConfigError:
        return None
    return from_inputs(schema, collect(project, year), year)


def from_inputs(schema: AwardSchema, inputs: list[UnitInput], year: int) -> ProvinceAwards:
    made = rollup(schema, inputs, year)
    summed = {unit.slug for unit in made.units}
    nominees = tuple(
        nominee
        for unit in inputs
        if unit.slug in summed and unit.awards is not None
        for nominee in unit.awards.nominees
    )
    return ProvinceAwards(made, nominees)


def data_file(counts: Counts, schema: AwardSchema, year: int, nominees=()) -> str:
    """``counts`` as a unit's ``khen-thuong.yaml``: tables by kind and column, the names."""
    data: dict[str, Any] = {YEAR_KEY: year}
    for table in schema.tables:
        rows = {}
        for kind in table.kinds:
            cells = {c.id: counts.get(table.id, kind, c.id) for c in schema.columns}
            cells = {column: n for column, n in cells.items() if n}
            if cells:
                rows[kind] = cells
        if rows:
            data[table.id] = rows
    if nominees:
        data[NOMINEES_KEY] = [_nominee(nominee) for nominee in nominees]
    head = "# " + t("tong-hop.data-head", "vi") + "\n"
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _nominee(nominee: Nominee) -> dict[str, Any]:
    fields = {key: getattr(nominee, attr) for key, attr in NOMINEE_FIELDS.items()}
    item: dict[str, Any] = {key: value for key, value in fields.items() if value}
    if nominee.collective:
        item[COLLECTIVE_KEY] = True
    return item


def board_files(awards: ProvinceAwards, year: int) -> tuple[str, str | None]:
    """The board's data file for ``year``, and last year's (None without last year's)."""
    made = awards.rollup
    now = data_file(made.total, made.schema, year, awards.nominees)
    before = data_file(made.previous, made.schema, year - 1) if made.previous else None
    return now, before


def unit_cells(awards: ProvinceAwards | None) -> dict[str, str]:
    """Each unit's totals as the status table shows them, or why they are not summed."""
    if awards is None:
        return {}
    made = awards.rollup
    columns = made.schema.totals()
    cells = {}
    for unit in made.units:
        parts = []
        for table in made.schema.tables:
            counts = [(unit.counts.total(table.id, c.id), c.label.lower()) for c in columns]
            said = ", ".join(f"{n} {label}" for n, label in counts if n) or "0"
            parts.append(f"{table.label}: {said}")
        cells[unit.slug] = "; ".join(parts)
    for left in made.left_out:
        cells[left.slug] = made.why(left, "vi")
    return cells


def data_apart(awards: ProvinceAwards | None) -> list[tuple[str, str, str, int, str]]:
    """Units whose numbers are left out for errors: (slug, name, file, line, first error)."""
    if awards is None:
        return []
    made = awards.rollup
    return [
        (left.slug, left.name, left.errors[0].file, left.errors[0].line, left.errors[0].message)
        for left in made.left_out
        if left.reason == ERRORS and left.errors
    ]
