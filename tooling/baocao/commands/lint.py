"""``baocao lint``: check units for completeness; exit 0 clean, 1 errors, 2 usage/config."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import click

from baocao.cli import set_exit_code
from baocao.codeowners import CODEOWNERS, check_codeowners
from baocao.errors import UsageError
from baocao.fsutil import write_output
from baocao.i18n import get_lang, t
from baocao.lint import choose_rules, lint_unit
from baocao.lint.fixer import apply, fixed_texts, unified_diff
from baocao.lint.parallel import run
from baocao.lint.targets import changed_since, from_paths
from baocao.project import Project
from baocao.reporters import FORMATS, emitter, explain_format


@click.command(help=t("lint.help"))
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help=t("lint.opt.format"),
)
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), help=t("lint.opt.output")
)
@click.option("--select", multiple=True, help=t("lint.opt.select"))
@click.option("--ignore", multiple=True, help=t("lint.opt.ignore"))
@click.option("--fix", is_flag=True, help=t("lint.opt.fix"))
@click.option("--diff", "show_diff", is_flag=True, help=t("lint.opt.diff"))
@click.option("--changed-since", "ref", metavar="REF", help=t("lint.opt.changed-since"))
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, help=t("lint.opt.jobs"))
@click.option("--explain", is_flag=True, help=t("align.opt.explain"))
def lint(
    paths: tuple[str, ...],
    fmt: str,
    output: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fix: bool,
    show_diff: bool,
    ref: str | None,
    jobs: int,
    explain: bool,
) -> None:
    project = Project.discover()
    rules = choose_rules(
        _split(select) or project.settings.select, _split(ignore) + list(project.settings.ignore)
    )
    units = changed_since(project, ref) if ref else from_paths(project, list(paths))
    results = run(project, units, rules, keep_reports=fix or show_diff, jobs=jobs, explain=explain)
    if fix or show_diff:
        # a diff must not spoil a machine-readable report on stdout
        diff_to_stderr = fmt != "text" and output is None
        results = _fix(project, results, rules, write=fix and not show_diff, err=diff_to_stderr)
    lang = get_lang()
    if output:
        buffer = io.StringIO()
        emitter(fmt)(results, buffer, lang)
        try:
            if not output.parent.is_dir():  # a mistyped folder is not created
                raise FileNotFoundError(2, os.strerror(2), str(output.parent))
            write_output(output, buffer.getvalue())
        except OSError as err:
            raise UsageError(
                "lint.output-failed", file=output, problem=err.strerror or str(err)
            ) from None
    else:
        emitter(fmt)(results, sys.stdout, lang)
    if explain and fmt == "text":
        forms = {r.form: project.form(r.form) for r in results if r.form}
        explain_format.emit(results, sys.stdout, lang, forms)
    if not units and fmt == "text":
        click.echo(t("lint.nothing"), err=True)
    owners_ok = bool(paths) or _codeowners_current(project, fmt)
    set_exit_code(1 if any(r.errors for r in results) or not owners_ok else 0)


def _codeowners_current(project: Project, fmt: str) -> bool:
    """Where the project reviews on GitHub, CODEOWNERS must match reports/units.yaml."""
    if not (project.root / ".github").is_dir() or check_codeowners(project):
        return True
    message = t("codeowners.stale", path=CODEOWNERS)
    if fmt == "github":
        click.echo(f"::error file={CODEOWNERS},title=codeowners::{message}")
    click.echo(message, err=True)
    return False


def _split(values: tuple[str, ...]) -> list[str]:
    return [part for value in values for part in value.replace(",", " ").split() if part]


MAX_FIX_PASSES = 5


def _fix(project: Project, results: list, rules: list, write: bool, err: bool = False) -> list:
    fixed = []
    for result in results:
        changes = fixed_texts(result)
        if not changes:
            fixed.append(result)
            continue
        if write:
            fixed.append(_fix_unit(project, result, changes, rules))
        else:
            click.echo(unified_diff(changes, project.rel), nl=False, err=err)
            fixed.append(result)
    return fixed


def _fix_unit(project: Project, result, changes: dict, rules: list):
    """Write a unit's fixes, lint it again; stop at a file edited meanwhile."""
    # A fix can change what the next lint sees (a bold paragraph made a heading
    # moves the alignment): fix again until nothing changes, so that --fix is
    # idempotent. Every pass is bounded; each fix only ever moves text forward.
    touched: set = set()
    for _ in range(MAX_FIX_PASSES):
        left = apply(changes)
        touched |= set(changes) - set(left)
        for path in left:
            click.echo(t("lint.fix-file-changed", file=project.rel(path)), err=True)
            set_exit_code(1)
        result = lint_unit(project, project.root / result.path, rules)
        changes = fixed_texts(result)
        if left or not changes:
            break
    click.echo(t("lint.fixed", files=len(touched), unit=result.unit), err=True)
    return result
