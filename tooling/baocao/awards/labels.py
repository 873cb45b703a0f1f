"""The words the exports of the roll-up show: labels of kinds of award and of units, and
the units left out as rows (name, kind, why, details).

The exported files are in Vietnamese whatever ``--lang`` says: they go to the board and
to the Ministry. Their words are in the catalogue all the same (``text``).
"""

from __future__ import annotations

from baocao.awards.model import AwardSchema
from baocao.awards.rollup import DataError, Rollup
from baocao.i18n import catalogue, t

LANG = "vi"


def text(key: str, **params: object) -> str:
    """A word of the exported files (``messages-export.yaml``), in Vietnamese."""
    return t(key, LANG, **params)


def kind_label(schema: AwardSchema, kind_id: str) -> str:
    """The schema's label of a kind of award ("Giấy khen"), its id when it has none."""
    kind = schema.kind(kind_id)
    return kind.label if kind else kind_id


def column_label(schema: AwardSchema, column_id: str) -> str:
    column = schema.column(column_id)
    return column.label if column else column_id


def unit_kind_label(kind: str) -> str:
    """The label of a kind of unit (``kind.<kind>`` of the catalogue), else the kind as typed."""
    if not kind:
        return text("xuat.unit-kind.none")
    return text(f"kind.{kind}") if f"kind.{kind}" in catalogue() else kind


def where(error: DataError) -> str:
    return f"{error.file}:{error.line}: {error.message}"


def left_out_rows(rollup: Rollup) -> list[tuple[str, str, str, str]]:
    """Each unit left out as (name, kind of unit, why, the errors one per line)."""
    return [
        (
            unit.name,
            unit_kind_label(unit.kind),
            rollup.why(unit, LANG),
            "\n".join(where(error) for error in unit.errors),
        )
        for unit in rollup.left_out
    ]
