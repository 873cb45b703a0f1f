"""The front matter of a unit's index.md, checked against ``data/front-matter.yaml``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from baocao.yamlio import LineMap


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    required: bool
    label: str
    example: str
    pattern: str | None = None
    is_name: bool = False  # a name (person, body, place): `lint --fix` never respells it
    new_year: str = ""  # "carry": `baocao nam-moi` keeps the value for the next year


@dataclass
class FieldProblem:
    """A key that is missing or whose value has the wrong type or form."""

    field: str
    kind: str  # "missing" or "invalid"
    line: int
    key: str  # message id
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class FrontMatter:
    values: dict[str, Any]
    problems: list[FieldProblem]
    lines: LineMap

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def line(self, name: str) -> int:
        return self.lines.line((name,))


DRAFT_KEY = "du_thao"
"""``du_thao: true`` marks a report as a draft whatever its findings (the board's
working draft, ``baocao tong-hop``): its page and its Word file say "DỰ THẢO"."""


def marked_draft(values: dict[str, Any]) -> bool:
    return values.get(DRAFT_KEY) is True


@cache
def schema() -> dict[str, FieldSpec]:
    text = resources.files("baocao").joinpath("data/front-matter.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)["fields"]
    return {name: FieldSpec(name=name, **spec) for name, spec in raw.items()}


def check(data: Any, lines: LineMap, known_forms: list[str] | None = None) -> FrontMatter:
    """Normalise and check every field; never raises on user input."""
    values: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    if not isinstance(data, dict):
        data = {}
    for name, spec in schema().items():
        line = lines.line((name,))
        raw = data.get(name)
        if _is_empty(raw):
            if spec.required:
                problems.append(
                    FieldProblem(
                        name,
                        "missing",
                        line,
                        "field.empty" if name in data else "field.missing",
                        {"field": name, "label": spec.label, "example": spec.example},
                    )
                )
            continue
        value, problem = CONVERTERS[spec.type](raw, spec, known_forms)
        if problem:
            problems.append(
                FieldProblem(
                    name,
                    "invalid",
                    line,
                    problem,
                    {
                        "field": name,
                        "label": spec.label,
                        "example": spec.example,
                        "value": _show(raw),
                    },
                )
            )
        else:
            values[name] = value
    for name, raw in data.items():
        if name not in schema():
            values.setdefault(name, raw)
    return FrontMatter(values, problems, lines)


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def _show(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


Result = tuple[Any, str | None]


def _text(raw: Any, spec: FieldSpec, _forms: list[str] | None) -> Result:
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        return None, "field.not-text"
    text = " ".join(str(raw).split())
    if spec.pattern and not re.match(spec.pattern, text):
        return None, f"field.pattern.{spec.name}"
    return text, None


def _year(raw: Any, _spec: FieldSpec, _forms: list[str] | None) -> Result:
    if isinstance(raw, str) and raw.strip().isdigit():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int) or not 2000 <= raw <= 2100:
        return None, "field.not-year"
    return raw, None


def _date(raw: Any, _spec: FieldSpec, _forms: list[str] | None) -> Result:
    if isinstance(raw, dt.datetime):
        return raw.date(), None
    if isinstance(raw, dt.date):
        return raw, None
    try:
        return dt.date.fromisoformat(str(raw).strip()), None
    except ValueError:
        return None, "field.not-date"


def _form(raw: Any, _spec: FieldSpec, forms: list[str] | None) -> Result:
    if not isinstance(raw, str):
        return None, "field.not-text"
    if forms is not None and raw not in forms:
        return None, "field.unknown-form"
    return raw, None


def _recipients(raw: Any, _spec: FieldSpec, _forms: list[str] | None) -> Result:
    """A list of recipients; ``- Lưu: VT, TĐKT.`` written unquoted is a one-key mapping."""
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return None, "field.not-list"
    items = []
    for item in raw:
        if isinstance(item, dict) and len(item) == 1:
            ((key, value),) = item.items()
            item = f"{key}: {value}" if value is not None else f"{key}:"
        if not isinstance(item, str | int | float) or isinstance(item, bool):
            return None, "field.not-list"
        items.append(" ".join(str(item).split()))
    return items, None


CONVERTERS: dict[str, Callable[[Any, FieldSpec, list[str] | None], Result]] = {
    "text": _text,
    "year": _year,
    "date": _date,
    "form": _form,
    "recipients": _recipients,
}
