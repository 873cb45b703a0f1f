"""The shape of a lint rule: a stable code, a kebab-case name, a severity, a check."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from baocao.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from baocao.lint.context import LintContext


class Rule:
    """Base class. A rule's docstring is its documentation (Vietnamese, for users):

    a one-line summary, then the sections "Ví dụ sai" and "Ví dụ đúng", each with a
    fenced example; tests check that shape and run the examples.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[Severity] = "error"
    fixable: ClassVar[bool] = False

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def fix(self, text: str, ctx: LintContext, file: str, at: frozenset[int]) -> str:
        """Return the fixed text of ``file`` (only for fixable rules).

        ``at`` holds the lines of this rule's findings in ``file``: a fix changes
        nothing else, and only prose (``baocao.lint.prose_spans``) unless it fixes structure.
        """
        return text
