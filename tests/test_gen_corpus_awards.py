"""bench/gen_corpus.py with ``with_awards``: each generated unit carries its
khen-thuong.yaml, drawn from the form's schema. Read here with yaml.safe_load and
checked in plain Python; the linter's BC6xx rules find exactly the units whose data this
test finds wrong (a breakdown larger than its total), and no other."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from baocao.lint import lint_unit
from baocao.lint.rules import resolve
from baocao.project import Project
from test_gen_corpus import ROOT, gen

UNITS = 60
SCHEMA = yaml.safe_load((ROOT / "_templates/forms/mau-02/khen-thuong.yaml").read_text("utf-8"))
TABLES = {table["id"]: table["kinds"] for table in SCHEMA["tables"]}
PARTS = {c["id"]: c["part_of"] for c in SCHEMA["columns"] if c.get("part_of")}
NOT_TABLES = ("nam", "danh-sach-de-nghi")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("corpus-awards")
    slugs = gen.generate(UNITS, out, seed=3, with_awards=True)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, out / name)
    shutil.copytree(ROOT / "_templates", out / "_templates")
    return out, slugs


def data(root: Path, slug: str) -> dict:
    return yaml.safe_load((root / "reports" / slug / "khen-thuong.yaml").read_text("utf-8"))


def wrong(unit: dict) -> bool:
    """A breakdown (or the breakdowns of one column together) larger than its total."""
    for table in TABLES:
        for cells in (unit.get(table) or {}).values():
            for total in set(PARTS.values()):
                parts = sum(cells.get(part, 0) for part, of in PARTS.items() if of == total)
                if parts > cells.get(total, 0):
                    return True
    return False


def test_every_unit_has_whole_numbers_of_the_schema(project: tuple[Path, list[str]]) -> None:
    root, slugs = project
    columns = {c["id"] for c in SCHEMA["columns"]}
    for slug in slugs:
        unit = data(root, slug)
        assert unit["nam"] == 2025
        assert set(unit) - set(NOT_TABLES) <= set(TABLES)
        for table, rows in unit.items():
            if table in NOT_TABLES:
                continue
            assert set(rows) <= set(TABLES[table]), slug
            for cells in rows.values():
                assert set(cells) <= columns
                assert all(isinstance(v, int) and v >= 0 for v in cells.values())


def test_the_list_of_names_matches_mau_11(project: tuple[Path, list[str]]) -> None:
    root, slugs = project
    for slug in slugs:
        unit = data(root, slug)
        names = unit["danh-sach-de-nghi"]
        for kind, cells in (unit.get("mau-11") or {}).items():
            given = [n for n in names if n["hinh-thuc"] == kind]
            assert sum(bool(n.get("tap-the")) for n in given) == cells.get("tap-the", 0)
            assert sum(not n.get("tap-the") for n in given) == cells.get("ca-nhan", 0)


def test_the_linter_finds_exactly_the_units_with_a_slip(project: tuple[Path, list[str]]) -> None:
    root, slugs = project
    expected = {slug for slug in slugs if wrong(data(root, slug))}
    assert 0 < len(expected) < len(slugs) // 5  # about 5 %: some, not most
    found = Project.discover(root)
    rules = resolve("BC6")
    flagged = {
        slug
        for slug in slugs
        if any(
            d.severity == "error"
            for d in lint_unit(found, root / "reports" / slug, rules).diagnostics
        )
    }
    assert flagged == expected


def test_same_seed_same_bytes_and_off_by_default(tmp_path: Path) -> None:
    first = gen.generate(4, tmp_path / "a", seed=5, with_awards=True)
    gen.generate(4, tmp_path / "b", seed=5, with_awards=True)
    for slug in first:
        a = (tmp_path / "a/reports" / slug / "khen-thuong.yaml").read_bytes()
        assert a == (tmp_path / "b/reports" / slug / "khen-thuong.yaml").read_bytes()
    gen.generate(4, tmp_path / "c", seed=5)
    assert not list((tmp_path / "c/reports").glob("*/khen-thuong.yaml"))
