"""The rule settings kept as data (data/lint.yaml), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class RuleData:
    placeholders: tuple[re.Pattern[str], ...]
    placeholder_exceptions: tuple[re.Pattern[str], ...]
    nothing_to_report: tuple[str, ...]
    repeated_word_slips: frozenset[str]
    guidance_similarity: float
    year_pattern: re.Pattern[str]
    year_range_pattern: re.Pattern[str]
    year_name_patterns: tuple[re.Pattern[str], ...]
    year_span_max: int
    document_numbers: tuple[str, ...]
    signer_lines: tuple[re.Pattern[str], ...]


@cache
def rule_data() -> RuleData:
    text = resources.files("baocao").joinpath("data/lint.yaml").read_text("utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return RuleData(
        placeholders=tuple(re.compile(p) for p in raw["placeholders"]),
        placeholder_exceptions=tuple(re.compile(p) for p in raw["placeholder_exceptions"]),
        nothing_to_report=tuple(raw["nothing_to_report"]),
        repeated_word_slips=frozenset(raw["repeated_word_slips"]),
        guidance_similarity=float(raw["guidance_similarity"]),
        year_pattern=re.compile(raw["year_pattern"]),
        year_range_pattern=re.compile(raw["year_range_pattern"], re.IGNORECASE),
        year_name_patterns=tuple(re.compile(p, re.I) for p in raw["year_name_patterns"]),
        year_span_max=int(raw["year_span_max"]),
        document_numbers=tuple(raw["document_numbers"]),
        signer_lines=tuple(re.compile(p, re.I) for p in raw["signer_lines"]),
    )
