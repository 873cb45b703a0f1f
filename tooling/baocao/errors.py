"""Errors that stop a command, each with a message id so it can be shown in any language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from baocao.i18n import t


class BaocaoError(Exception):
    """A problem the user can fix; the CLI prints it without a traceback.

    ``exit_code`` follows the CLI's contract: 1 for failed work, 2 for usage or
    configuration errors.
    """

    exit_code = 1

    def __init__(
        self,
        message_id: str,
        /,
        *,
        file: Path | str | None = None,
        line: int | None = None,
        **params: Any,
    ) -> None:
        self.message_id = message_id
        self.file = str(file) if file is not None else None
        self.line = line
        self.params = params
        super().__init__(self.render("en"))

    def render(self, lang: str | None = None) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        return where + t(self.message_id, lang, **self.params)


class ConfigError(BaocaoError):
    """A malformed form, settings table or units list: exit code 2."""

    exit_code = 2


class UsageError(BaocaoError):
    """A path, git reference or output file a command cannot use: exit code 2."""

    exit_code = 2
