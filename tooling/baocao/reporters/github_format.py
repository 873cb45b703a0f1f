"""GitHub Actions: one workflow command per finding, and a table of every unit in the summary.

GitHub shows only the first ten annotations of each kind per step, so the job
summary ($GITHUB_STEP_SUMMARY) holds everything.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from baocao.i18n import t
from baocao.lint import UnitResult
from baocao.reporters.text_format import unit_summary


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def emit(results: list[UnitResult], stream: TextIO, lang: str) -> None:
    for result in results:
        for d in result.diagnostics:
            props = ",".join(
                [
                    f"file={_escape_property(d.file)}",
                    f"line={d.line}",
                    f"title={_escape_property(f'{d.code} {d.rule}')}",
                ]
            )
            stream.write(f"::{d.severity} {props}::{_escape_data(d.message(lang))}\n")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with Path(summary).open("a", encoding="utf-8") as handle:
            handle.write(summary_markdown(results, lang))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary_markdown(results: list[UnitResult], lang: str) -> str:
    lines = [
        f"## {t('summary.title', lang)}",
        "",
        f"| {t('summary.unit', lang)} | {t('summary.sections', lang)} | "
        f"{t('summary.errors', lang)} | {t('summary.warnings', lang)} | "
        f"{t('summary.status', lang)} |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for r in results:
        status = "✅ " + t("summary.ok", lang) if r.complete else "❌ " + unit_summary(r, lang)
        lines.append(
            f"| `{r.unit}` | {r.present}/{r.required} | {r.errors} | {r.warnings} | "
            f"{_cell(status)} |"
        )
    details = [d for r in results for d in r.diagnostics]
    if details:
        lines += [
            "",
            f"### {t('summary.details', lang)}",
            "",
            f"| {t('summary.where', lang)} | {t('summary.code', lang)} | "
            f"{t('summary.message', lang)} |",
            "| --- | --- | --- |",
        ]
        lines += [
            f"| `{d.file}:{d.line}` | {d.code} {d.rule} | {_cell(d.message(lang))} |"
            for d in details
        ]
    return "\n".join(lines) + "\n\n"
