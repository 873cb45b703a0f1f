"""Dates as a Vietnamese reader writes them in messages: dd/mm/yyyy."""

from __future__ import annotations

import datetime as dt


def shown(date: dt.date) -> str:
    """``date`` as "30/04/2026" (Vietnamese administrative writing, Nghị định 30/2020)."""
    return f"{date.day:02d}/{date.month:02d}/{date.year}"
