"""The completeness linter: ``lint_unit`` checks one unit's report against its form."""

from baocao.lint.engine import UnitResult, choose_rules, lint_unit

__all__ = ["UnitResult", "choose_rules", "lint_unit"]
