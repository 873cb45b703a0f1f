"""``baocao shards``: the job matrix of the publish workflow, and each shard's units.

``baocao shards --count K`` prints the matrix ``{"shard": ["1/K", ..., "K/K"]}``;
without ``--count``, K comes from the number of units and ``shard_threshold``
(1 up to the threshold). ``baocao shards --shard i/K`` prints the slugs of that
shard, one per line. ``--github-output`` also appends the result to the file
named by ``$GITHUB_OUTPUT``: ``matrix`` and ``count``, or the shard's ``units``
(slugs, for ``baocao build docx``), ``paths`` (unit folders, for ``baocao lint``)
and ``count``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from baocao import shards as sharding
from baocao.i18n import t
from baocao.project import Project


def append_github_output(values: dict[str, str]) -> None:
    """Append ``name=value`` lines to the file named by $GITHUB_OUTPUT."""
    target = os.environ.get("GITHUB_OUTPUT")
    if not target:
        raise click.UsageError(t("review.no-github-output", name="GITHUB_OUTPUT"))
    with Path(target).open("a", encoding="utf-8") as handle:
        for name, value in values.items():
            handle.write(f"{name}={value}\n")


@click.command(help=t("shards.help"))
@click.option("--count", type=click.IntRange(min=1), default=None, help=t("shards.opt.count"))
@click.option("--shard", "shard", default=None, metavar="i/K", help=t("shards.opt.shard"))
@click.option("--github-output", is_flag=True, help=t("shards.opt.github-output"))
def shards(count: int | None, shard: str | None, github_output: bool) -> None:
    if count is not None and shard is not None:
        raise click.UsageError(t("shards.both"))
    project = Project.discover()
    slugs = [path.name for path in project.unit_dirs()]
    if shard is None:
        count = count or sharding.shard_count(len(slugs), project.settings.shard_threshold)
        matrix = json.dumps(sharding.matrix(count), separators=(",", ":"))
        click.echo(matrix)
        if github_output:
            append_github_output({"matrix": matrix, "count": str(count)})
        return
    try:
        index, total = sharding.parse_shard(shard)
    except ValueError:
        raise click.UsageError(t("shards.bad-shard", value=shard)) from None
    selected = sharding.select(slugs, index, total)
    for slug in selected:
        click.echo(slug)
    if github_output:
        paths = " ".join(project.rel(project.reports_dir / slug) for slug in selected)
        append_github_output(
            {"units": " ".join(selected), "paths": paths, "count": str(len(selected))}
        )
