"""``baocao lint --explain``: every heading of each unit, what it was taken for, and why."""

from __future__ import annotations

from typing import TextIO

from baocao.forms import Form
from baocao.i18n import t
from baocao.lint import UnitResult
from baocao.lint.align import BOLD_MATCH, MATCH
from baocao.lint.explain import Reading


def emit(results: list[UnitResult], stream: TextIO, lang: str, forms: dict[str, Form]) -> None:
    for result in results:
        stream.write(t("align.explain.title", lang, unit=result.path) + "\n")
        form = forms.get(result.form or "")
        if form is None or not result.headings:  # None: not asked for; []: no form
            stream.write("  " + t("align.explain.none", lang) + "\n")
            continue
        for reading in result.headings:
            stream.write("  " + line(reading, form, result.year or 0, lang) + "\n")


def line(reading: Reading, form: Form, year: int, lang: str) -> str:
    marks = "#" * reading.level + " " if reading.level else "**"
    heading = f"{marks}{reading.heading}" + ("**" if not reading.level else "")
    what = t(f"align.kind.{reading.kind}", lang, **_node(reading.section, form, year))
    if reading.doubtful:
        what += " (" + t("align.doubtful", lang) + ")"
    out = t("align.explain.line", lang, file=reading.file, line=reading.line, heading=heading)
    return out + " " + what + _why(reading, form, year, lang)


def _node(node_id: str | None, form: Form, year: int) -> dict[str, str]:
    if node_id is None:
        return {"id": "", "title": ""}
    return {"id": node_id, "title": form.node(node_id).title_for(year)}


def _why(reading: Reading, form: Form, year: int, lang: str) -> str:
    evidence = reading.evidence
    if not evidence:
        return ""
    need = BOLD_MATCH if reading.level == 0 else MATCH
    params = {
        "source": t(f"align.source.{evidence['source']}", lang),
        "words": _num(evidence["words"]),
        "number": _signed(evidence["number"]),
        "level": _signed(evidence["level"]),
        "body": _signed(evidence["body"]),
        "total": _num(reading.score or 0),
        "need": _num(need),
    }
    if reading.kind == "wrapper":
        return ""
    if reading.kind == "unknown":
        params |= _node(reading.section, form, year)
        return "; " + t("align.nearest", lang, **params)
    key = "align.why.number" if evidence["source"] == "number" else "align.why"
    return "; " + t(key, lang, **params)


def _num(value: float) -> str:
    return f"{value:.0f}"


def _signed(value: float) -> str:
    return f"{value:+.0f}" if value else "0"
