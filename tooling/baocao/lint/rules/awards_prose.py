"""Commendation prose rule (BC612): what section 2.4 a) says against the data."""

from __future__ import annotations

from baocao.lint.rules.base import Rule

RULES: list[type[Rule]] = []
