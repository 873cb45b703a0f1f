"""SARIF 2.1.0, with each rule's metadata and help text (its documentation)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from baocao import __version__
from baocao.lint import UnitResult
from baocao.lint.rules import ALL_RULES
from baocao.lint.rules.base import Rule

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning"}


def _doc(rule: type[Rule]) -> tuple[str, str]:
    text = (rule.__doc__ or "").strip()
    summary = text.splitlines()[0] if text else rule.name
    return summary, "\n".join(line.strip() for line in text.splitlines())


def rule_metadata(rule: type[Rule]) -> dict[str, Any]:
    summary, full = _doc(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": full, "markdown": full},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"family": rule.family, "fixable": rule.fixable},
    }


def document(results: list[UnitResult], lang: str) -> dict[str, Any]:
    index = {rule.code: i for i, rule in enumerate(ALL_RULES)}
    sarif_results = [
        {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": LEVELS[d.severity],
            "message": {"text": d.message(lang)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": d.file, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": d.line},
                    }
                }
            ],
            "properties": {"unit": r.unit, "section": d.section, "field": d.field},
        }
        for r in results
        for d in r.diagnostics
    ]
    driver = {
        "name": "baocao",
        "version": __version__,
        "informationUri": "https://github.com/baocao-vn/baocao",
        "rules": [rule_metadata(r) for r in ALL_RULES],
    }
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": sarif_results}],
    }


def emit(results: list[UnitResult], stream: TextIO, lang: str) -> None:
    json.dump(document(results, lang), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
