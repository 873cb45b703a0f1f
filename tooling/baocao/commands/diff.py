"""``baocao diff --since REF [UNIT ...]``: the changes since a git ref, for reviewers.

For each unit changed since REF (from the merge base, as ``baocao changed``; or
the named units), writes ``_build/diff/<unit>.docx``, today's Word file with
every change as a tracked change, and ``_build/diff/<unit>.html``, the same in
the browser, then prints each unit's changed sections. ``--summary`` appends
them to the GitHub job summary. Exit status 1 when a unit has no redline.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from baocao.changes import changed_units
from baocao.cli import set_exit_code
from baocao.commands.build_docx import check_units
from baocao.docx.runner import default_jobs
from baocao.i18n import t
from baocao.project import Project
from baocao.redline.run import diff_units, output_dir
from baocao.redline.write import UnitDiff


@click.command("diff", help=t("diff.help"))
@click.argument("units", nargs=-1)
@click.option("--since", "ref", required=True, metavar="REF", help=t("diff.opt.since"))
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, help=t("diff.opt.jobs"))
@click.option("--summary", is_flag=True, help=t("diff.opt.summary"))
@click.option("--artifact", default="", metavar="NAME", help=t("diff.opt.artifact"))
def diff(units: tuple[str, ...], ref: str, jobs: int, summary: bool, artifact: str) -> None:
    project = Project.discover()
    check_units(project, units)
    changed = changed_units(project, ref)[0]
    selected = [u for u in units if u in changed] if units else changed
    for unit in units:
        if unit not in changed:
            click.echo(t("diff.unchanged", unit=unit, ref=ref))
    if not selected:
        click.echo(t("diff.nothing", ref=ref))
        return
    results = diff_units(project, ref, selected, jobs or default_jobs())
    for result in results:
        report(project, result)
    written = [r for r in results if r.error is None]
    click.echo(t("diff.done", count=len(written), outdir=project.rel(output_dir(project))))
    if len(written) < len(results):
        set_exit_code(1)
    if summary and os.environ.get("GITHUB_STEP_SUMMARY"):
        with Path(os.environ["GITHUB_STEP_SUMMARY"]).open("a", encoding="utf-8") as handle:
            handle.write(summary_table(results, artifact))


def report(project: Project, result: UnitDiff) -> None:
    if result.error is not None:
        click.echo(t("diff.failed", unit=result.unit, error=result.error), err=True)
        return
    files = f"{project.rel(result.docx or Path())}, {project.rel(result.html or Path())}"
    click.echo(t("diff.written", unit=result.unit, files=files))
    for line in result.sections:
        click.echo(f"  {line}")


def summary_table(results: list[UnitDiff], artifact: str) -> str:
    lines = [f"### {t('diff.summary-title')}", "", t("diff.summary-head"), "| --- | --- |"]
    for result in results:
        sections = (result.error or "; ".join(result.sections)).replace("|", "\\|")
        lines.append(f"| `{result.unit}` | {sections} |")
    lines.append("")
    if artifact:
        lines += [t("diff.summary-artifact", artifact=artifact), ""]
    return "\n".join(lines) + "\n"
