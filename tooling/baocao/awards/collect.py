"""Gather the roll-up's input from the project on disk: the units (reports/units.yaml and
the unit folders), each unit's data (``awards.load``), its data errors as the linter's
awards rules (BC6xx) find them, and last year's data from the archive.

The checks are the linter's own: the units are linted with the BC6xx rules whose
findings keep a unit out (``rollup.is_data_error``: the errors) and the loading rules,
never checked a second way here. Those rules read the data file, the form's schema and
the report's form and year, so only index.md's front matter is read (``head_only``), never
the report's text (BC612, which compares the text with the data, is a warning: the site's
and ``baocao lint``'s full lint tells it). Archived units' checks are cached by their
files' content (``awards.checkcache``). A data file the linter could not reach (a unit
without ``index.md`` is linted for its loading findings only) is still kept out when the
loader could not read it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from baocao.archive import archived_unit_dir
from baocao.awards.checkcache import Checks, cached_checks
from baocao.awards.load import data_path, load_unit_awards
from baocao.awards.model import AwardSchema, UnitAwards
from baocao.awards.rollup import (
    DATA_CODE_PREFIX,
    DataError,
    Rollup,
    UnitInput,
    is_data_error,
    rollup,
    rollup_year,
)
from baocao.awards.schema import load_schema
from baocao.diagnostics import Diagnostic
from baocao.faults import CODE as FAULT_CODE
from baocao.faults import fault_diagnostic
from baocao.i18n import t
from baocao.lint.engine import lint_unit
from baocao.lint.rules import resolve
from baocao.lint.rules.base import Rule
from baocao.lint.rules.loading import EmptyFile, MissingFile, NotUtf8, UnreadableFile
from baocao.project import Project, Unit


def project_schema(project: Project) -> AwardSchema:
    """The schema of the project's default form (ConfigError when it has none)."""
    return load_schema((project.forms_dir / project.settings.default_form).resolve())


Known = Mapping[str, tuple[DataError, ...]]
"""Data errors already found, by unit slug (the site's build has linted every unit)."""


def project_rollup(project: Project, year: int | None = None, known: Known | None = None) -> Rollup:
    """The roll-up of every unit of the project, for ``year`` (by default the year of
    reports/units.yaml or of the settings, else the year most units' data is for).
    ``known``: the units' data errors when the caller has them (they are not linted again)."""
    schema = project_schema(project)
    inputs = collect(project, year, known)
    return rollup(schema, inputs, _year(project, year, inputs))


def collect(
    project: Project, year: int | None = None, known: Known | None = None
) -> list[UnitInput]:
    """Every unit's input, in the order of reports/units.yaml, then unlisted folders."""
    known = known or {}
    units = _units(project)
    found = {slug: _load(project, project.reports_dir / slug) for slug in units}
    year = _year(project, year, [UnitInput(s, "", "", a) for s, (a, _) in found.items()])
    units = {s: u for s, u in units.items() if found[s][0] is not None or u.expected_in(year)}
    to_lint = [a.path.parent for s, (a, _) in found.items() if a is not None and s not in known]
    checks = {**_checks(project, to_lint), **{s: (e, True) for s, e in known.items()}}
    before = _previous(project, list(units), year)
    archived = [a.path.parent for a, _ in before.values() if a]
    before_checks = cached_checks(
        project, archived, _rules(), lambda folders: _checks(project, folders)
    )
    inputs = []
    for slug, unit in units.items():
        (awards, fault), (previous, previous_fault) = found[slug], before[slug]
        errors, checked = checks.get(slug, ((), True))
        previous_errors = before_checks.get(slug, ((), True))[0]
        inputs.append(
            UnitInput(
                slug,
                unit.name,
                unit.kind,
                awards,
                fault or errors or _problems(project, awards),
                previous,
                previous_fault or previous_errors or _problems(project, previous),
                checked=checked,
            )
        )
    return inputs


def _units(project: Project) -> dict[str, Unit]:
    listed = dict(project.units.units)
    for folder in project.unit_dirs():
        listed.setdefault(folder.name, Unit(folder.name, folder.name))
    return listed


def _year(project: Project, year: int | None, inputs: list[UnitInput]) -> int | None:
    return year or project.units.year or project.settings.year or rollup_year(inputs)


Loaded = tuple[UnitAwards | None, tuple[DataError, ...]]


def _load(project: Project, folder: Path | None) -> Loaded:
    """A unit's data; a fault while reading it is the unit's data error (``baocao.faults``)."""
    if folder is None or not folder.is_dir():
        return None, ()
    try:
        return load_unit_awards(folder, project.settings.max_file_bytes), ()
    except Exception as err:  # this unit's fault; the others go on
        diagnostic = fault_diagnostic(err, "lint", project.rel(data_path(folder)))
        error = DataError(diagnostic.code, diagnostic.file, 1, diagnostic.message())
        return UnitAwards(data_path(folder), None), (error,)


def _previous(project: Project, slugs: list[str], year: int | None) -> dict[str, Loaded]:
    """Last year's data of each unit, from the archive."""
    if year is None:
        return dict.fromkeys(slugs, (None, ()))
    return {slug: _load(project, archived_unit_dir(project.root, year - 1, slug)) for slug in slugs}


ENTRY_UNREAD = {NotUtf8.code, EmptyFile.code, UnreadableFile.code}
"""Loader findings on index.md that mean it was not read (``report.py``)."""


def _rules() -> list[type[Rule]]:
    """The rules whose findings may keep a unit out, and the loading rules."""
    rules = [r for r in resolve(DATA_CODE_PREFIX) if is_data_error(r.code, r.severity)]
    return [*rules, *resolve("loading")] if rules else []


def _checks(project: Project, folders: list[Path]) -> Checks:
    """Each unit's data errors (by folder name) from the linter's awards rules, and whether
    the linter could read the unit at all (when not, its data was not checked: the
    findings that stopped it are the errors)."""
    rules = _rules()
    if not rules or not folders:
        return {}
    found: Checks = {}
    for folder in folders:
        result = lint_unit(project, folder, rules, keep_report=False, head_only=True)
        unread = _unread(result.diagnostics, result.path)
        data = [d for d in result.diagnostics if is_data_error(d.code, d.severity)]
        errors = tuple(DataError(d.code, d.file, d.line, d.message()) for d in data or unread)
        found[Path(result.path).name] = (errors, not unread or bool(data))
    return found


def _unread(diagnostics: list[Diagnostic], folder: str) -> list[Diagnostic]:
    """The findings that kept the linter from reading the unit at all: no index.md, an
    index.md it could not read, or a fault (then no rule ran on the unit's data)."""
    index = f"{folder}/index.md"
    return [
        d
        for d in diagnostics
        if d.code == FAULT_CODE
        or (d.code == MissingFile.code and d.file == folder)
        or (d.code in ENTRY_UNREAD and d.file == index)
    ]


def _problems(project: Project, awards: UnitAwards | None) -> tuple[DataError, ...]:
    """What the loader could not read, when the linter did not say it."""
    if awards is None:
        return ()
    file = project.rel(awards.path)
    return tuple(
        DataError("", file, line, t(key, **params)) for line, key, params in awards.problems
    )
