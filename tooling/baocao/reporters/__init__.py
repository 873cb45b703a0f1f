"""Output formats of ``baocao lint``: each module has ``emit(results, stream, lang)``."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TextIO

from baocao.lint import UnitResult

FORMATS = ("text", "json", "github", "sarif")
Emitter = Callable[[list[UnitResult], TextIO, str], None]


def emitter(name: str) -> Emitter:
    module = import_module(f"baocao.reporters.{name}_format")
    return module.emit
