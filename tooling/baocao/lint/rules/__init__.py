"""The registry of lint rules: every code, in order. Never reuse a published code."""

from __future__ import annotations

from baocao.lint.rules import (
    awards,
    awards_counts,
    awards_prose,
    awards_values,
    content,
    loading,
    metadata,
    safety,
    structure,
    text,
    typography,
)
from baocao.lint.rules.base import Rule

ALL_RULES: list[type[Rule]] = [
    *loading.RULES,
    *structure.RULES,
    *content.RULES,
    *metadata.RULES,
    *text.RULES,
    *typography.RULES,
    *safety.RULES,
    *awards.RULES,
    *awards_values.RULES,
    *awards_counts.RULES,
    *awards_prose.RULES,
]
BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}
BY_NAME: dict[str, type[Rule]] = {rule.name: rule for rule in ALL_RULES}


def resolve(selector: str) -> list[type[Rule]]:
    """Rules named by a code ("BC101"), a code prefix ("BC1"), a name or a family."""
    selector = selector.strip()
    if selector in BY_NAME:
        return [BY_NAME[selector]]
    upper = selector.upper()
    found = [r for r in ALL_RULES if r.code.startswith(upper) or r.family == selector]
    return found
