"""``baocao changed --since REF``: the units whose files changed since a git ref.

Changes are taken from the merge base of REF and HEAD to the working tree, plus
untracked files, so the answer is the same on a pull request's checkout and on
an officer's machine with uncommitted edits. Prints one slug per line. Deleted
units, and folders whose names are not slugs, are not listed: there is nothing
to build, and a slug is safe as a command-line word. A change to the settings
(pyproject.toml) or to the forms selects every unit, as ``baocao lint
--changed-since`` does. ``--github-output`` appends ``units`` (space-separated)
and ``count``; ``--summary`` appends a table of the changed units, and the files
outside any unit's folder, to the job summary.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import click

from baocao.changes import changed_units
from baocao.commands.shards import append_github_output
from baocao.i18n import t
from baocao.project import Project


def _summary(
    project: Project, per_unit: Counter[str], outside: list[str], everything: list[str]
) -> str:
    lines = [f"### {t('changed.summary-title')}", ""]
    if per_unit:
        lines += [t("changed.summary-head"), "| --- | --- | ---: |"]
        names = project.units.units
        for slug in sorted(per_unit):
            name = names[slug].name if slug in names else ""
            lines.append(f"| `{slug}` | {name} | {per_unit[slug]} |")
        lines.append("")
    else:
        lines += [t("changed.summary-none"), ""]
    if len(per_unit) > 1:
        lines += [t("changed.summary-several", count=len(per_unit)), ""]
    if outside:
        files = ", ".join(f"`{name}`" for name in outside)
        lines += [t("changed.summary-outside", files=files), ""]
    if everything:
        files = ", ".join(f"`{name}`" for name in everything)
        lines += [t("changed.summary-everything", files=files), ""]
    return "\n".join(lines) + "\n"


def _escape(text: str, extra: str = "") -> str:
    """Escape a workflow command's data (and, with ``extra``, a property value)."""
    table = {"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"}
    return "".join(table[c] if c in "%\r\n" + extra else c for c in text)


@click.command(help=t("changed.help"))
@click.option("--since", "ref", required=True, metavar="REF", help=t("changed.opt.since"))
@click.option("--github-output", is_flag=True, help=t("changed.opt.github-output"))
@click.option("--summary", is_flag=True, help=t("changed.opt.summary"))
def changed(ref: str, github_output: bool, summary: bool) -> None:
    project = Project.discover()
    slugs, per_unit, outside, everything = changed_units(project, ref)
    for slug in slugs:
        click.echo(slug)
    if github_output:
        append_github_output({"units": " ".join(slugs), "count": str(len(slugs))})
    if summary and os.environ.get("GITHUB_STEP_SUMMARY"):
        with Path(os.environ["GITHUB_STEP_SUMMARY"]).open("a", encoding="utf-8") as handle:
            handle.write(_summary(project, per_unit, outside, everything))
    if summary and outside:
        title = t("changed.notice-title")
        message = t("changed.summary-outside", files=", ".join(outside))
        click.echo(f"::notice title={_escape(title, ':,')}::{_escape(message)}")
