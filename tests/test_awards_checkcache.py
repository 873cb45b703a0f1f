"""The roll-up's data check: the linter's own error rules run on the data file and the
front matter only (the same errors as the full lint), and archived units' checks are
kept in ``_build/cache/`` by their files' content, checked again when a file or the
form's schema changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from awards_helpers import generated_project
from baocao.awards import collect as collect_module
from baocao.awards.checkcache import CACHE
from baocao.awards.collect import collect
from baocao.awards.rollup import is_data_error
from baocao.awards.schema import load_schema
from baocao.i18n import set_lang
from baocao.lint.engine import lint_unit
from baocao.project import Project

LAST_YEAR = "archive/2024"
BAD_ROW = "  giay-khen: {ca-nhan: -4}\n"


def archive(project: Path, extra: str = BAD_ROW) -> Path:
    """Last year's so-noi-vu (clean) and truong-thpt-le-quy-don (``extra`` in its data)."""
    for slug, more in (("so-noi-vu", ""), ("truong-thpt-le-quy-don", extra)):
        folder = project / LAST_YEAR / slug
        folder.mkdir(parents=True)
        index = (project / "reports" / slug / "index.md").read_text("utf-8")
        (folder / "index.md").write_text(index.replace("nam: 2025", "nam: 2024"), "utf-8")
        data = f"nam: 2024\nmau-10:\n  lao-dong-tien-tien: {{ca-nhan: 10}}\n{more}"
        (folder / "khen-thuong.yaml").write_text(data, "utf-8")
    return project / LAST_YEAR / "truong-thpt-le-quy-don"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The archived folders the data check lints, in order."""
    seen: list[str] = []
    real = collect_module._checks

    def spy(project: Project, folders: list[Path]):
        seen.extend(f.name for f in folders if "archive" in f.parts)
        return real(project, folders)

    monkeypatch.setattr(collect_module, "_checks", spy)
    return seen


def previous_codes(project: Path) -> dict[str, list[str]]:
    inputs = collect(Project.discover(project))
    return {u.slug: [e.code for e in u.previous_errors] for u in inputs if u.previous}


def test_the_data_check_finds_the_errors_of_the_full_lint(tmp_project: Path):
    """No copy of the checks: on generated units (some broken), the errors the roll-up
    keeps are exactly the full lint's BC6xx errors, with file, line and message."""
    generated_project(tmp_project, 80)
    project = Project.discover(tmp_project)
    inputs = {u.slug: u for u in collect(project, year=2025)}
    broken = 0
    for folder in sorted((tmp_project / "reports").iterdir()):
        if not (folder / "khen-thuong.yaml").is_file():
            continue
        full = lint_unit(project, folder, keep_report=False).diagnostics
        expected = [
            (d.code, d.file, d.line, d.message()) for d in full if is_data_error(d.code, d.severity)
        ]
        found = [(e.code, e.file, e.line, e.message) for e in inputs[folder.name].errors]
        assert found == expected, folder.name
        broken += bool(expected)
    assert broken >= 5


def test_archived_checks_are_cached_and_not_linted_again(example_project: Path, counted):
    archive(example_project)
    first = previous_codes(example_project)
    assert first["truong-thpt-le-quy-don"] and first["so-noi-vu"] == []
    assert sorted(counted) == ["so-noi-vu", "truong-thpt-le-quy-don"]
    cache = json.loads((example_project / CACHE).read_text("utf-8"))
    assert len(cache) == 2
    counted.clear()
    assert previous_codes(example_project) == first
    assert counted == []


def test_a_changed_archived_file_is_checked_again(example_project: Path, counted):
    folder = archive(example_project)
    assert previous_codes(example_project)["truong-thpt-le-quy-don"] == ["BC605"]
    data = folder / "khen-thuong.yaml"
    data.write_text(data.read_text("utf-8").replace(BAD_ROW, ""), "utf-8")
    counted.clear()
    assert previous_codes(example_project)["truong-thpt-le-quy-don"] == []
    assert counted == ["truong-thpt-le-quy-don"]
    index = folder / "index.md"
    index.write_text(index.read_text("utf-8").replace("nam: 2024", "nam: 2023"), "utf-8")
    counted.clear()
    assert previous_codes(example_project)["truong-thpt-le-quy-don"] == ["BC606"]
    assert counted == ["truong-thpt-le-quy-don"]


def test_a_changed_schema_checks_every_archived_unit_again(example_project: Path, counted):
    archive(example_project, "  giay-khen-moi: {ca-nhan: 4}\n")
    assert previous_codes(example_project)["truong-thpt-le-quy-don"] == ["BC603"]
    [schema] = (example_project / "_templates/forms").glob("*/khen-thuong.yaml")
    text = schema.read_text("utf-8")
    assert "  - id: giay-khen\n" in text
    schema.write_text(text.replace("giay-khen\n", "giay-khen-moi\n"), "utf-8")
    load_schema.cache_clear()  # as a new process (a build, a --watch rebuild) reads it
    counted.clear()
    codes = previous_codes(example_project)
    assert sorted(counted) == ["so-noi-vu", "truong-thpt-le-quy-don"]
    assert codes["truong-thpt-le-quy-don"] == []


def test_an_unreadable_cache_is_not_used_and_is_written_anew(example_project: Path, counted):
    archive(example_project)
    (example_project / CACHE).parent.mkdir(parents=True)
    (example_project / CACHE).write_text("{not json", "utf-8")
    assert previous_codes(example_project)["truong-thpt-le-quy-don"] == ["BC605"]
    assert len(counted) == 2
    cache = json.loads((example_project / CACHE).read_text("utf-8"))
    assert len(cache) == 2
    leftovers = [p.name for p in (example_project / CACHE).parent.iterdir() if p.name != CACHE.name]
    assert leftovers == []


def test_messages_of_another_language_are_not_taken_from_the_cache(example_project: Path, counted):
    archive(example_project)
    vi = collect(Project.discover(example_project))
    counted.clear()
    set_lang("en")
    try:
        en = collect(Project.discover(example_project))
    finally:
        set_lang("vi")
    assert sorted(counted) == ["so-noi-vu", "truong-thpt-le-quy-don"]
    [vi_error] = next(u.previous_errors for u in vi if u.slug == "truong-thpt-le-quy-don")
    [en_error] = next(u.previous_errors for u in en if u.slug == "truong-thpt-le-quy-don")
    assert (vi_error.code, vi_error.line) == (en_error.code, en_error.line)
    assert vi_error.message != en_error.message
