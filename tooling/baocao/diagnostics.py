"""A diagnostic: one finding about one place of a unit's report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from baocao.i18n import t

Severity = Literal["error", "warning"]


@dataclass
class Diagnostic:
    """A finding, with its message kept as an id so it can be shown in any language.

    ``file`` is a POSIX path relative to the project root; ``line`` is 1-based.
    ``section`` is the form node's stable id (None for the whole unit).
    """

    code: str
    rule: str
    severity: Severity
    file: str
    line: int
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    section: str | None = None
    section_title: str | None = None
    field: str | None = None
    fixable: bool = False

    def message(self, lang: str | None = None) -> str:
        text = t(self.key, lang, **self.params)
        if "taken_heading" in self.params:  # the finding rests on a doubtful match
            text += " " + t("align.taken-for", lang, **self.params)
        return text

    def sort_key(self) -> tuple[str, int, str]:
        return (self.file, self.line, self.code)
