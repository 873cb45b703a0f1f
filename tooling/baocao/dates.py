"""Dates as Vietnamese readers write them: 15/01/2026 (Nghị định 30/2020 writes dd/mm/yyyy)."""

from __future__ import annotations

import datetime as dt
import os

DAY_FORMAT = "%d/%m/%Y"


def vn_date(day: dt.date) -> str:
    """ "15/01/2026" """
    return day.strftime(DAY_FORMAT)


def parse_day(text: str) -> dt.date | None:
    """A day written 15/01/2026 or 2026-01-15; None when it is neither."""
    for parse in (lambda s: dt.datetime.strptime(s, DAY_FORMAT).date(), dt.date.fromisoformat):
        try:
            return parse(text.strip())
        except ValueError:
            continue
    return None


def today() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when set (a reproducible build)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
