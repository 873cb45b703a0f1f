"""``baocao build html|docx|pdf``: the builders, each in its own module."""

from __future__ import annotations

from typing import ClassVar

import click

from baocao.cli import LazyGroup
from baocao.i18n import t


class BuildGroup(LazyGroup):
    commands_map: ClassVar[dict[str, str]] = {
        "html": "baocao.commands.build_html:html",
        "docx": "baocao.commands.build_docx:docx",
        "pdf": "baocao.commands.build_pdf:pdf",
    }


@click.group(cls=BuildGroup, help=t("build.help"))
def build() -> None:
    pass
