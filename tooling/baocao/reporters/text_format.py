"""Human-readable output: grouped by unit, ``file:line: CODE message``, then a summary line."""

from __future__ import annotations

from typing import TextIO

import click

from baocao.i18n import t
from baocao.lint import UnitResult

COLOURS = {"error": "red", "warning": "yellow"}


def emit(results: list[UnitResult], stream: TextIO, lang: str) -> None:
    colour = stream.isatty() if hasattr(stream, "isatty") else False
    for result in results:
        stream.write(click.style(result.path, bold=True) if colour else result.path)
        stream.write("\n")
        for d in result.diagnostics:
            label = t(f"severity.{d.severity}", lang)
            if colour:
                label = click.style(label, fg=COLOURS[d.severity])
            stream.write(f"  {d.file}:{d.line}: {d.code} {label}: {d.message(lang)}\n")
        stream.write("  " + unit_summary(result, lang) + "\n")
    stream.write(
        t(
            "lint.total",
            lang,
            units=len(results),
            errors=sum(r.errors for r in results),
            warnings=sum(r.warnings for r in results),
        )
        + "\n"
    )


def unit_summary(result: UnitResult, lang: str) -> str:
    key = "lint.unit-ok" if result.complete else "lint.unit-summary"
    return t(
        key,
        lang,
        present=result.present,
        required=result.required,
        errors=result.errors,
        warnings=result.warnings,
    )
