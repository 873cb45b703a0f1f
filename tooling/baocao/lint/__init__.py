"""The completeness linter: ``lint_unit`` checks one unit's report against its form.

The names below are loaded from ``engine`` when first used, so that a module of this
package (``legacy``, ``lines``) can be imported without the whole linter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from baocao.lint.engine import UnitResult, choose_rules, lint_unit

__all__ = ["UnitResult", "choose_rules", "lint_unit"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from baocao.lint import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
