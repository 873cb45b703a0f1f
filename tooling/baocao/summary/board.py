"""The front matter of the board's report: ``tong_hop`` in ``reports/units.yaml``.

The board writes there what its report's header and signature need (agency, number,
place, signer, recipients); the form, the year, the date and the subject are filled
in. Whatever is missing or wrong is a note naming the file and line, and the report
is still written (a draft, with the value left empty for the board to fill in).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from baocao.forms import Form
from baocao.frontmatter import DRAFT_KEY, check, schema
from baocao.i18n import t
from baocao.project import Project
from baocao.yamlio import LineMap

KEY = "tong_hop"
FILLED = ("mau", "nam", "ngay", "trich_yeu", DRAFT_KEY)  # filled in, never read


@dataclass(frozen=True)
class Note:
    """Something the board should know about what was read: file, line, message."""

    file: str
    line: int
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return f"{self.file}:{self.line}: " + t(self.key, lang, **self.params)


@dataclass
class BoardFront:
    values: dict[str, Any]
    notes: list[Note]


def board_front(project: Project, form: Form, year: int, day: dt.date) -> BoardFront:
    """The board report's front matter, and a note for each key missing or wrong."""
    units = project.units
    where = project.rel(project.units_file)
    lines = units.board_report_lines
    written = units.board_report
    notes: list[Note] = []
    values: dict[str, Any] = {}
    if written is None:
        notes.append(Note(where, 1, "tong-hop.board-none", {"key": KEY}))
    elif not isinstance(written, dict):
        notes.append(Note(where, lines.get("", 1), "tong-hop.board-not-mapping", {"key": KEY}))
    else:
        values = _given(written, lines, where, notes)
    values.update(
        {
            "mau": form.id,
            "nam": year,
            "ngay": day.isoformat(),
            "trich_yeu": form.title_for(year),
            DRAFT_KEY: True,
        }
    )
    return BoardFront(values, notes)


def _given(written: dict, lines: dict[str, int], where: str, notes: list[Note]) -> dict:
    """The keys the board wrote that a report's front matter takes, checked as a unit's are."""
    fields = schema()
    line_map = LineMap({(key,): line for key, line in lines.items() if key})
    checked = check({k: v for k, v in written.items() if k not in FILLED}, line_map)
    for name in written:
        if name not in fields or name in FILLED:
            known = ", ".join(f for f in fields if f not in FILLED)
            line = lines.get(str(name), 1)
            params = {"key": KEY, "field": name, "known": known}
            notes.append(Note(where, line, "tong-hop.board-unknown", params))
    for problem in checked.problems:
        if problem.field in FILLED:
            continue
        spec = fields[problem.field]
        line = lines.get(problem.field, lines.get("", 1))
        key = "tong-hop.board-missing" if problem.kind == "missing" else "tong-hop.board-invalid"
        notes.append(
            Note(
                where,
                line,
                key,
                {
                    "key": KEY,
                    "field": problem.field,
                    "label": spec.label,
                    "example": spec.example,
                    "problem": t(problem.key, **problem.params),
                },
            )
        )
    return {k: v for k, v in checked.values.items() if k in fields and k not in FILLED}
