"""The schema of a form's commendation data: ``_templates/forms/<form>/khen-thuong.yaml``.

It says which tables a unit fills (Mẫu số 10, 11), which kinds of award each may
hold, which columns are counted (with their breakdowns), the ratio rules and the
legal texts they rest on. The layout is data of the form: a province changes the
file, never the code. A malformed schema stops the command with a ``ConfigError``
naming the file, the line and what to change, like ``form.yaml`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache, wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from baocao.awards.model import (
    SCHEMA_FILE,
    AwardSchema,
    Column,
    Kind,
    LegalBasis,
    RatioRule,
    TableSpec,
)
from baocao.errors import ConfigError
from baocao.forms import read_form_file
from baocao.yamlio import LineMap

Where = tuple[str | int, ...]
T = TypeVar("T")

TOP = {
    "section": str,
    "nominee_table": str,
    "columns": list,
    "kinds": list,
    "tables": list,
    "ratio_rules": list,
    "bases": list,
}
TOP_REQUIRED = ("columns", "kinds", "tables")
COLUMN = {"id": str, "label": str, "part_of": str, "recipient": str, "share": str}
RECIPIENTS = ("collective", "individual", "household")
KIND = {
    "id": str,
    "label": str,
    "collective": bool,
    "individual": bool,
    "household": bool,
    "aliases": list,
}
TABLE = {"id": str, "label": str, "title": str, "kinds": list}
RATIO = {
    "id": str,
    "message": str,
    "table": str,
    "kind": str,
    "column": str,
    "of_kind": str,
    "of_column": str,
    "max_share": float,
    "basis": str,
}
BASIS = {
    "id": str,
    "title": str,
    "issued": str,
    "effective": str,
    "source": str,
    "replaced_by": str,
}


def per_schema(function: Callable[..., T]) -> Callable[..., T]:
    """Cache ``function(schema, *args)`` by the schema's identity: a schema is loaded
    once per form and never changes, and hashing its whole content on every call would
    cost more than the work saved."""
    memo: dict[tuple[int, tuple[Any, ...]], tuple[AwardSchema, T]] = {}

    @wraps(function)
    def cached(schema: AwardSchema, *args: Any) -> T:
        key = (id(schema), args)
        if key not in memo:
            memo[key] = (schema, function(schema, *args))
        return memo[key][1]

    return cached


def schema_path(form_dir: Path) -> Path:
    return form_dir / SCHEMA_FILE


def has_schema(form_dir: Path) -> bool:
    """Whether the form carries commendation data at all."""
    return schema_path(form_dir).is_file()


@cache
def load_schema(form_dir: Path) -> AwardSchema:
    """Load and check ``form_dir/khen-thuong.yaml``; raise ConfigError naming file and line."""
    path = schema_path(form_dir)
    if not path.is_file():
        raise ConfigError("awards.schema-missing", file=path)
    data, lines = read_form_file(path)
    return _SchemaReader(path, lines).schema(data)


class _SchemaReader:
    """Turns the parsed YAML into an AwardSchema, checking each entry as it goes."""

    def __init__(self, path: Path, lines: LineMap) -> None:
        self.path = path
        self.lines = lines

    def fail(self, where: Where, key: str, message_id: str, **params: Any) -> NoReturn:
        raise ConfigError(
            message_id, file=self.path, line=self.lines.line(where), key=key, **params
        )

    def mapping(
        self, data: Any, where: Where, spec: dict[str, type], required: tuple[str, ...]
    ) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(where, ".".join(map(str, where)) or "(gốc)", "form.not-mapping")
        for key, value in data.items():
            if key not in spec:
                self.fail((*where, key), str(key), "form.unknown-key", known=", ".join(spec))
            if not _is(value, spec[key]):
                self.fail((*where, key), key, "form.wrong-type", expected=spec[key].__name__)
        for key in required:
            if data.get(key) in ("", None, []):
                self.fail(where, key, "form.missing-key")
        return data

    def entries(
        self, items: list[Any], name: str, spec: dict[str, type], required: tuple[str, ...]
    ) -> list[tuple[Where, dict[str, Any]]]:
        """Each entry of a list of mappings with an ``id``, ids unique."""
        seen: set[str] = set()
        result = []
        for index, item in enumerate(items):
            where: Where = (name, index)
            entry = self.mapping(item, where, spec, ("id", *required))
            if entry["id"] in seen:
                self.fail((*where, "id"), "id", "awards.schema-duplicate-id", id=entry["id"])
            seen.add(entry["id"])
            result.append((where, entry))
        return result

    def schema(self, data: Any) -> AwardSchema:
        data = self.mapping(data, (), TOP, TOP_REQUIRED)
        columns = self.columns(data["columns"])
        kinds = self.kinds(data["kinds"])
        bases = self.bases(data.get("bases", []))
        schema = AwardSchema(
            path=self.path,
            tables=self.tables(data["tables"], {k.id for k in kinds}),
            kinds=kinds,
            columns=columns,
            bases=bases,
        )
        nominee_table = data.get("nominee_table", "")
        if nominee_table and schema.table(nominee_table) is None:
            known = {t.id for t in schema.tables}
            self.ref(("nominee_table",), "nominee_table", nominee_table, known)
        return replace(
            schema,
            ratio_rules=self.ratio_rules(data.get("ratio_rules", []), schema),
            section=data.get("section", ""),
            nominee_table=nominee_table,
        )

    def columns(self, items: list[Any]) -> tuple[Column, ...]:
        entries = self.entries(items, "columns", COLUMN, ("label",))
        totals = {e["id"] for _, e in entries if not e.get("part_of")}
        for where, entry in entries:
            part_of = entry.get("part_of", "")
            if part_of and part_of not in totals:
                self.ref((*where, "part_of"), "part_of", part_of, totals)
            recipient = entry.get("recipient", "")
            if recipient and (part_of or recipient not in RECIPIENTS):
                self.fail((*where, "recipient"), "recipient", "awards.schema-recipient")
            if entry.get("share") and not part_of:
                self.fail((*where, "share"), "share", "awards-table.schema-share")
        return tuple(
            Column(
                e["id"],
                _text(e["label"]),
                e.get("part_of", ""),
                e.get("recipient", ""),
                _text(e.get("share", "")),
            )
            for _, e in entries
        )

    def kinds(self, items: list[Any]) -> tuple[Kind, ...]:
        result = []
        for where, entry in self.entries(items, "kinds", KIND, ("label",)):
            aliases = entry.get("aliases", [])
            for index, alias in enumerate(aliases):
                if not isinstance(alias, str) or not alias.strip():
                    self.fail(
                        (*where, "aliases", index), "aliases", "form.wrong-type", expected="str"
                    )
            result.append(
                Kind(
                    id=entry["id"],
                    label=_text(entry["label"]),
                    collective=entry.get("collective", True),
                    individual=entry.get("individual", True),
                    household=entry.get("household", False),
                    aliases=tuple(_text(a) for a in aliases),
                )
            )
        return tuple(result)

    def tables(self, items: list[Any], kind_ids: set[str]) -> tuple[TableSpec, ...]:
        result = []
        for where, entry in self.entries(items, "tables", TABLE, ("label", "title", "kinds")):
            for index, kind in enumerate(entry["kinds"]):
                if kind not in kind_ids:
                    self.ref((*where, "kinds", index), "kinds", str(kind), kind_ids)
            result.append(
                TableSpec(
                    id=entry["id"],
                    label=_text(entry["label"]),
                    title=_text(entry["title"]),
                    kinds=tuple(entry["kinds"]),
                )
            )
        return tuple(result)

    def ratio_rules(self, items: list[Any], schema: AwardSchema) -> tuple[RatioRule, ...]:
        required = tuple(k for k in RATIO if k != "id")
        result = []
        for where, entry in self.entries(items, "ratio_rules", RATIO, required):
            table = schema.table(entry["table"])
            if table is None:
                self.ref((*where, "table"), "table", entry["table"], {t.id for t in schema.tables})
            for key in ("kind", "of_kind"):
                if entry[key] not in table.kinds:
                    self.ref((*where, key), key, entry[key], set(table.kinds))
            for key in ("column", "of_column"):
                if schema.column(entry[key]) is None:
                    self.ref((*where, key), key, entry[key], {c.id for c in schema.columns})
            if schema.basis(entry["basis"]) is None:
                self.ref((*where, "basis"), "basis", entry["basis"], {b.id for b in schema.bases})
            share = float(entry["max_share"])
            if not 0 < share <= 1:
                self.fail((*where, "max_share"), "max_share", "awards.schema-bad-share")
            result.append(
                RatioRule(**{**entry, "message": _text(entry["message"]), "max_share": share})
            )
        return tuple(result)

    def bases(self, items: list[Any]) -> tuple[LegalBasis, ...]:
        required = ("title", "source")  # dates may be "" when not verified
        entries = self.entries(items, "bases", BASIS, required)
        ids = {e["id"] for _, e in entries}
        for where, entry in entries:
            replaced_by = entry.get("replaced_by", "")
            if replaced_by and replaced_by not in ids:
                self.ref((*where, "replaced_by"), "replaced_by", replaced_by, ids)
        return tuple(
            LegalBasis(
                id=e["id"],
                title=_text(e["title"]),
                issued=e["issued"],
                effective=e.get("effective", ""),
                source=e["source"],
                replaced_by=e.get("replaced_by", ""),
            )
            for _, e in entries
        )

    def ref(self, where: Where, key: str, value: str, known: set[str]) -> NoReturn:
        self.fail(where, key, "awards.schema-unknown-ref", id=value, known=", ".join(sorted(known)))


def _is(value: Any, expected: type) -> bool:
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, expected)


def _text(value: str) -> str:
    return " ".join(value.split())
