"""``baocao import --onto UNIT FILE``: run the placing of a reviewer's Word edits and tell
what became of each (the command itself is ``import_word``, which hands over here)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from baocao.project import Project

TEXT, JSON = "text", "json"
FORMATS = (TEXT, JSON)


def run_onto(file: Path, unit: str, fmt: str, dry_run: bool) -> None:
    """Apply, print, and exit 1 when an edit was not placed (it is listed)."""
    from baocao.cli import set_exit_code
    from baocao.wordin.onto import import_onto
    from baocao.wordin.onto_report import as_json, text_lines

    project = Project.discover()
    result = import_onto(project, unit, file, write=not dry_run)
    shown = str(file)
    if fmt == JSON:
        click.echo(json.dumps(as_json(result, shown, not dry_run), ensure_ascii=False, indent=2))
    else:
        for line in text_lines(result, shown, not dry_run):
            click.echo(line)
    if result.unplaced:
        set_exit_code(1)
