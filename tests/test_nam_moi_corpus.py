"""``baocao nam-moi`` on the lint corpus (103 units written as units really write: their
own headings, bold paragraphs for headings, one file or many, slips in the front matter):
every unit with a readable year is rolled over, its new report lints with only the
"not yet written" findings, and its plan, wherever the linter found part III, is quoted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from baocao.archive import archived_unit_dir
from baocao.cli import main
from baocao.frontmatter import schema
from baocao.lint import lint_unit
from baocao.project import Project
from conftest import ROOT

CORPUS = ROOT / "tests/corpus/units"
CARRIED = {name for name, spec in schema().items() if spec.new_year == "carry"}


def test_every_unit_with_a_year_before_2026_is_rolled_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(ROOT / "_templates", root / "_templates")
    shutil.copytree(CORPUS, root / "reports")
    monkeypatch.chdir(root)
    project = Project.discover(root)
    before = {d.name: lint_unit(project, d) for d in project.unit_dirs()}
    main(["nam-moi", "2026"])
    rolled = 0
    for slug, old in sorted(before.items()):
        year = old.declared_year
        if year is None or year >= 2026 or not old.report.files:
            assert archived_unit_dir(root, year or 0, slug) is None, slug
            continue
        rolled += 1
        assert archived_unit_dir(root, year, slug) is not None, slug
        check_new_unit(project, root / "reports" / slug, old)
    assert rolled >= 90, rolled


def check_new_unit(project: Project, unit_dir: Path, old) -> None:
    result = lint_unit(project, unit_dir)
    slug = unit_dir.name
    front = result.report.front_matter
    assert front.get("nam") == 2026, slug
    # A value kept is one last year's report had, unless the linter found a placeholder in it.
    stand_ins = {d.field for d in old.diagnostics if d.code == "BC202" and d.field}
    kept = {k for k in CARRIED - stand_ins if old.report.front_matter.get(k) not in (None, "", [])}
    assert {k: front.get(k) for k in kept} == {k: old.report.front_matter.get(k) for k in kept}, (
        slug
    )
    missing = {"so_ky_hieu", "ngay"} | {k for k in CARRIED if k not in kept}
    # What a value carried over had wrong last year, it still has (a recipients list
    # without "Lưu:", say): nam-moi keeps values, it does not correct them.
    inherited = {(d.code, d.field) for d in old.diagnostics if d.field in kept}
    for diagnostic in result.diagnostics:
        found = (diagnostic.code, diagnostic.field)
        if diagnostic.code == "BC301":
            assert diagnostic.field in missing, (slug, diagnostic.field)
        else:
            assert diagnostic.code == "BC201" or found in inherited, (slug, found)
    written = plan_text(old)
    part_two = "\n".join(
        source.text for source in result.report.files if "% KẾ HOẠCH" in source.text
    )
    if written:
        assert f"% {written}" in part_two, slug
    else:
        assert not part_two, slug


def plan_text(old) -> str:
    """The first line of prose the linter read in part III (or under it), '' if none."""
    ctx = old.context
    form = ctx.form
    for node in form.node(form.plan_section).walk():
        for block in ctx.contents.get(node.id, []):
            if block.kind == "paragraph" and block.text.strip():
                source = next(s for s in ctx.report.files if s.rel == block.file)
                return source.text.splitlines()[block.line - 1].rstrip()
    return ""
