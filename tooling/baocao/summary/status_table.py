"""The table of the units' status and totals at the head of the board's report.

One row per unit expected in the year (``baocao.status``, as the dashboard and
``baocao status`` tell it): its state, its required sections written, its errors,
and its commendation totals where its data is summed (``awards.py``).
"""

from __future__ import annotations

from baocao.dates import vn_date
from baocao.i18n import t
from baocao.summary.gather import Gathered

HEAD = ("unit", "state", "sections", "errors", "awards")


def status_rows(gathered: Gathered, awards: dict[str, str]) -> list[list[str]]:
    """Header row, then one row per unit; ``awards``: slug -> its totals, as text."""
    rows = [[t(f"tong-hop.doc.col.{key}", "vi") for key in HEAD]]
    apart = {unit.slug for unit in gathered.apart}
    units = {unit.slug: unit for unit in gathered.status.units}
    for unit in (units[slug] for slug in gathered.names):
        result = gathered.results.get(unit.slug)
        state = t(f"status.state.{unit.state}", "vi")
        if unit.since:
            state += " " + t("status.since", "vi", day=vn_date(unit.since))
        if unit.overdue:
            state += " — " + t("status.overdue", "vi")
        if unit.slug in apart:
            state += " — " + t("tong-hop.doc.apart-mark", "vi")
        sections = f"{result.present}/{result.required}" if result else "—"
        errors = str(result.errors) if result else "—"
        rows.append([unit.name, state, sections, errors, awards.get(unit.slug, "—")])
    return rows
