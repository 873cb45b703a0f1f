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
import subprocess
from collections import Counter
from pathlib import Path

import click

from baocao.commands.shards import append_github_output
from baocao.errors import ConfigError
from baocao.i18n import t
from baocao.project import Project
from baocao.scaffold import SLUG


def _git(project: Project, ref: str, *args: str) -> list[str]:
    try:
        done = subprocess.run(
            ["git", *args], cwd=project.root, capture_output=True, text=True, check=True
        )
    except FileNotFoundError as err:
        raise ConfigError("changed.git-failed", ref=ref, problem=str(err)) from None
    except subprocess.CalledProcessError as err:
        problem = err.stderr.strip().splitlines()[-1] if err.stderr.strip() else str(err)
        raise ConfigError("changed.git-failed", ref=ref, problem=problem) from None
    return [item for item in done.stdout.split("\0") if item]


def changed_files(project: Project, ref: str) -> list[str]:
    """Paths (POSIX, relative to the project root) changed since ``ref``."""
    base = _git(project, ref, "merge-base", ref, "HEAD")[0].strip()
    tracked = _git(project, ref, "diff", "--name-only", "--relative", "-z", base)
    untracked = _git(project, ref, "ls-files", "--others", "--exclude-standard", "-z")
    return sorted(set(tracked) | set(untracked))


def unit_slugs(project: Project) -> set[str]:
    """The units there are: folders with an index.md whose names are slugs."""
    return {
        path.name
        for path in project.unit_dirs()
        if (path / "index.md").is_file() and SLUG.match(path.name)
    }


def affects_every_unit(project: Project, name: str) -> bool:
    """A change to the settings or to the forms can change every unit's result."""
    forms = Path(project.settings.forms_dir).as_posix().strip("/") + "/"
    return name == "pyproject.toml" or name.startswith(forms)


def split_by_unit(project: Project, files: list[str]) -> tuple[Counter[str], list[str]]:
    """Count changed files per existing unit; return them and the files outside units."""
    units = unit_slugs(project)
    reports = Path(project.settings.reports_dir).as_posix().strip("/") + "/"
    per_unit: Counter[str] = Counter()
    outside: list[str] = []
    for name in files:
        parts = name[len(reports) :].split("/") if name.startswith(reports) else []
        if len(parts) > 1 and parts[0] in units:
            per_unit[parts[0]] += 1
        else:
            outside.append(name)
    return per_unit, outside


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
    per_unit, outside = split_by_unit(project, changed_files(project, ref))
    everything = [name for name in outside if affects_every_unit(project, name)]
    slugs = sorted(unit_slugs(project) if everything else per_unit)
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
