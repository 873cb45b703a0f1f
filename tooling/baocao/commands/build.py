"""``baocao build html|docx``: the two builders, each in its own module."""

from __future__ import annotations

import click

from baocao.commands.build_docx import docx
from baocao.commands.build_html import html
from baocao.i18n import t


@click.group(help=t("build.help"))
def build() -> None:
    pass


build.add_command(html)
build.add_command(docx)
