"""The JSON contract (version 1) of DESIGN.md; its schema is data/lint-output.schema.json."""

from __future__ import annotations

import json
from typing import Any, TextIO

from baocao.diagnostics import Diagnostic
from baocao.lint import UnitResult


def diagnostic(d: Diagnostic, lang: str) -> dict[str, Any]:
    return {
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity,
        "file": d.file,
        "line": d.line,
        "section": d.section,
        "section_title": d.section_title,
        "message": d.message(lang),
        "field": d.field,
        "fixable": d.fixable,
    }


def unit(r: UnitResult, lang: str) -> dict[str, Any]:
    data = {
        "unit": r.unit,
        "path": r.path,
        "form": r.form,
        "complete": r.complete,
        "sections": {"required": r.required, "present": r.present},
        "diagnostics": [diagnostic(d, lang) for d in r.diagnostics],
    }
    if r.headings is not None:  # with --explain: how each heading was read
        data["headings"] = [h.as_dict() for h in r.headings]
    return data


def document(results: list[UnitResult], lang: str) -> dict[str, Any]:
    units = [unit(r, lang) for r in results]
    return {
        "version": 1,
        "units": units,
        "summary": {
            "units": len(results),
            "errors": sum(r.errors for r in results),
            "warnings": sum(r.warnings for r in results),
        },
    }


def emit(results: list[UnitResult], stream: TextIO, lang: str) -> None:
    json.dump(document(results, lang), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
