"""What the commendation rules (BC6xx) read: the form's schema and the unit's data,
loaded once per unit, and the helpers that name ids and suggest the closest one."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from baocao.awards.load import load_unit_awards
from baocao.awards.model import DATA_FILE, AwardRow, AwardSchema, AwardTable, UnitAwards
from baocao.awards.schema import has_schema, load_schema, per_schema
from baocao.errors import ConfigError
from baocao.forms import Form, FormNode
from baocao.lint.context import LintContext
from baocao.text import slugify

SCHEMA_ERROR = "awards-schema-error"


@dataclass(frozen=True)
class AwardsInput:
    """What the commendation rules read: the form's schema, the unit's data (None when
    the unit has no data file) and the data file's path as findings name it."""

    schema: AwardSchema
    data: UnitAwards | None
    file: str

    def known_tables(self) -> Iterator[tuple[AwardTable, AwardRow]]:
        """(table, row) of every row, typed total included, of the tables the form knows."""
        if self.data is None:
            return
        for table in self.data.tables.values():
            if self.schema.table(table.id) is None:
                continue
            for row in table.rows:
                yield table, row
            if table.stated_total is not None:
                yield table, table.stated_total


def awards_input(ctx: LintContext) -> AwardsInput | None:
    """The schema and data of the unit, None when its form has no commendation data."""
    if "awards" not in ctx.cache:
        ctx.cache["awards"] = _load(ctx)
    return ctx.cache["awards"]


def _load(ctx: LintContext) -> AwardsInput | None:
    if ctx.form is None or not ctx.report.files:
        return None
    form_dir = _schema_dir(ctx.form)
    if form_dir is None:
        return None
    try:
        schema = load_schema(form_dir)
    except ConfigError as err:  # told by BC602; the report's own rules go on
        ctx.cache[SCHEMA_ERROR] = err
        return None
    file = posixpath.join(posixpath.dirname(ctx.report.index_file), DATA_FILE)
    data = load_unit_awards(ctx.report.root, ctx.settings.max_file_bytes)
    return AwardsInput(schema, data, file)


@cache
def _schema_dir(form: Form) -> Path | None:
    """The form's folder if the form carries commendation data: looked at once per
    process, as the form itself is read once."""
    form_dir = form.path.parent
    return form_dir if has_schema(form_dir) else None


def schema_error(ctx: LintContext) -> tuple[str, int, str, dict] | None:
    """(file, line, message id, params) of the form's malformed schema, if it is."""
    awards_input(ctx)
    err = ctx.cache.get(SCHEMA_ERROR)
    if err is None:
        return None
    where = _shown(Path(err.file or "."), ctx.project_root)
    return where, err.line or 1, err.message_id, dict(err.params)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def section_node(ctx: LintContext, schema: AwardSchema) -> FormNode | None:
    """The form section whose prose states the counts, when the form has it."""
    if ctx.form is None or not schema.section:
        return None
    return next((n for n in ctx.form.walk() if n.id == schema.section), None)


def label(schema: AwardSchema, kind_id: str) -> str:
    kind = schema.kind(kind_id)
    return kind.label if kind else kind_id


def column_label(schema: AwardSchema, column_id: str) -> str:
    column = schema.column(column_id)
    return column.label if column else column_id


def closest(value: str, choices: dict[str, str]) -> str:
    """The id that ``value`` most likely meant ("" when none is close): choices map
    each way of writing an id (the id, its label's slug, an alias's slug) to the id."""
    slug = slugify(value, words=20)
    if slug in choices:
        return choices[slug]
    found = difflib.get_close_matches(slug or value, list(choices), n=1, cutoff=0.6)
    return choices[found[0]] if found else ""


@per_schema
def kind_choices(schema: AwardSchema, allowed: Iterable[str] | None = None) -> dict[str, str]:
    ids = set(allowed) if allowed is not None else {k.id for k in schema.kinds}
    choices: dict[str, str] = {}
    for kind in schema.kinds:
        if kind.id in ids:
            for name in (kind.label, *kind.aliases):
                choices.setdefault(slugify(name, words=20), kind.id)
            choices[kind.id] = kind.id
    return choices


@per_schema
def column_choices(schema: AwardSchema) -> dict[str, str]:
    choices = {slugify(c.label, words=20): c.id for c in schema.columns}
    choices.update({c.id: c.id for c in schema.columns})
    return choices
