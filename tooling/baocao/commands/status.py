"""``baocao status``: who has submitted the year's report, who is drafting, who is late.

The same answer as the dashboard's, in the terminal or as JSON for a scheduled
workflow that reminds units. Exits 0: being late is news, not a failure.
"""

from __future__ import annotations

import datetime as dt
import json

import click

from baocao.dates import parse_day, today, vn_date
from baocao.i18n import t
from baocao.lint.parallel import run
from baocao.project import Project
from baocao.status import Found, Status, state_label, submission_status, summary_line


def _today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return today()
    day = parse_day(value)
    if day is None:
        raise click.BadParameter(t("status.bad-today", value=value))
    return day


@click.command(help=t("status.help"))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--today", callback=_today, metavar="DD/MM/YYYY", help=t("status.opt.today"))
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, help=t("lint.opt.jobs"))
def status(fmt: str, today: dt.date, jobs: int) -> None:
    project = Project.discover()
    results = run(project, project.unit_dirs(), None, jobs=jobs)
    found = {r.unit: Found(r.declared_year, r.complete) for r in results}
    answer = submission_status(project, found, today)
    click.echo(as_json(answer) if fmt == "json" else as_text(answer))


def as_json(answer: Status) -> str:
    data = {
        "version": 1,
        "year": answer.year,
        "deadline": answer.deadline.isoformat() if answer.deadline else None,
        "today": answer.today.isoformat(),
        "summary": {
            "expected": len(answer.units),
            **{state: answer.count(state) for state in ("complete", "drafting", "missing")},
            "overdue": answer.overdue,
        },
        "units": [
            {
                "unit": unit.slug,
                "name": unit.name,
                "state": unit.state,
                "report_year": unit.report_year,
                "complete_since": unit.since.isoformat() if unit.since else None,
                "overdue": unit.overdue,
            }
            for unit in answer.units
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def as_text(answer: Status) -> str:
    head = t("status.year", year=answer.year or "?")
    if answer.deadline:
        head += " " + t("status.deadline", day=vn_date(answer.deadline))
    lines = [head, summary_line(answer)]
    for unit in answer.units:
        line = f"- {unit.name}: {state_label(unit.state)}"
        if unit.since:
            line += " " + t("status.since", day=vn_date(unit.since))
        if unit.state == "missing" and unit.report_year:
            line += " " + t("status.other-year", year=unit.report_year)
        if unit.overdue:
            line += " — " + t("status.overdue")
        lines.append(line)
    return "\n".join(lines)
