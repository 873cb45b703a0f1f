"""One unit's redline written: ``_build/diff/<unit>.docx`` and ``<unit>.html``, atomically.

Whatever goes wrong is that unit's outcome (``UnitDiff.error``), never raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from baocao.fsutil import write_atomic
from baocao.i18n import t
from baocao.redline.document import redline
from baocao.redline.page import render


@dataclass
class UnitDiff:
    """One unit's redline: its files and changed sections, or why there is none."""

    unit: str
    docx: Path | None = None
    html: Path | None = None
    sections: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class Task:
    """Everything needed to write one unit's redline (plain data, for a worker)."""

    out: Path
    unit: str
    title: str
    today: bytes | None  # today's Word file of the unit
    before: bytes | None
    existed: bool  # the unit's folder was there at the base (so ``before`` should be too)
    author: str
    date: dt.datetime
    error: str | None = None  # why there is no ``today``


def unit_diff(task: Task) -> UnitDiff:
    """Write one unit's redline files; never raises."""
    today, unit = task.today, task.unit
    if today is None:
        return UnitDiff(unit, error=task.error or "")
    if task.existed and task.before is None:  # not a new unit: its older file failed
        return UnitDiff(unit, error=t("diff.base-failed"))
    return write_redline(
        task.out,
        unit,
        task.title,
        lambda: redline(task.before, today, task.author, task.date),
    )


def write_redline(out: Path, unit: str, title: str, make: Callable[[], bytes]) -> UnitDiff:
    """Write the redline ``make`` gives, and its HTML page; never raises."""
    try:
        data = make()
        html, sections = render(data, title)
        write_atomic(out / f"{unit}.docx", data)
        write_atomic(out / f"{unit}.html", html.encode("utf-8"))
    except Exception as err:  # any failure is this unit's, reported, not raised
        return UnitDiff(unit, error=" ".join(str(err).split()) or type(err).__name__)
    return UnitDiff(unit, out / f"{unit}.docx", out / f"{unit}.html", sections)
