"""Where a unit's faults stop: whatever goes wrong inside one unit is that unit's finding.

Every command calls this module around the work it does for one unit (linting it,
reading its files into Sphinx, assembling and writing its page, converting its Word
file). An exception there becomes an error finding of the unit (BC009 ``unit-fault``,
or ``UnitFault``'s own code and message when the code knows what went wrong), with
file and line where known; the unit's page and Word file are left out, and every
other unit goes on. Ctrl+C and exit requests are not faults: they pass through.
"""

from __future__ import annotations

from typing import Any

from baocao.diagnostics import Diagnostic

CODE, RULE = "BC009", "unit-fault"
MAX_REASON = 200


class UnitFault(Exception):
    """A fault known to belong to one unit, with the finding that tells it."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.key)
        self.diagnostic = diagnostic

    def __str__(self) -> str:
        return self.diagnostic.message()


def reason(err: BaseException) -> str:
    """One short line saying what went wrong (no traceback)."""
    if isinstance(err, UnitFault):
        return err.diagnostic.message()
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


def fault_diagnostic(err: BaseException, stage: str, file: str, line: int = 1) -> Diagnostic:
    """The finding of a fault at ``stage`` (``lint``, ``read``, ``page``, ``docx``)."""
    if isinstance(err, UnitFault):
        return err.diagnostic
    return Diagnostic(CODE, RULE, "error", file, line, f"fault.{stage}", {"reason": reason(err)})


def fault_record(err: BaseException, stage: str, file: str, line: int = 1) -> dict[str, Any]:
    """The same finding as plain data, for the site's environment."""
    diagnostic = fault_diagnostic(err, stage, file, line)
    return {
        "code": diagnostic.code,
        "file": diagnostic.file,
        "line": diagnostic.line,
        "what": diagnostic.message("vi"),
    }
