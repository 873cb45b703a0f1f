"""Shards of the publish workflow: a partition of the units, stable as units are added."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from baocao import shards
from baocao.cli import main
from hypothesis import given
from hypothesis import strategies as st

slug = st.from_regex(r"[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,3}", fullmatch=True)
slug_sets = st.sets(slug, min_size=0, max_size=60)


@given(units=slug_sets, count=st.integers(min_value=1, max_value=9))
def test_shards_partition_the_units(units: set[str], count: int) -> None:
    parts = [shards.select(units, index, count) for index in range(1, count + 1)]
    flat = [unit for part in parts for unit in part]
    assert sorted(flat) == sorted(units)  # every unit in exactly one shard
    assert all(part == sorted(part) for part in parts)


@given(units=slug_sets, added=slug_sets, count=st.integers(min_value=1, max_value=9))
def test_a_unit_never_moves_when_units_are_added(
    units: set[str], added: set[str], count: int
) -> None:
    for index in range(1, count + 1):
        before = set(shards.select(units, index, count))
        after = set(shards.select(units | added, index, count))
        assert before <= after
        assert after - before <= added


def test_shard_of_is_pinned() -> None:
    """The hash is part of the contract: changing it would move every unit."""
    assert [shards.shard_of("so-noi-vu", k) for k in (2, 3, 4, 7)] == [2, 3, 4, 7]
    assert [shards.shard_of("truong-thpt-le-quy-don", k) for k in (2, 3, 4, 7)] == [1, 1, 3, 5]
    assert [shards.shard_of("cong-ty-cap-nuoc-binh-minh", k) for k in (2, 3, 4, 7)] == [
        2,
        3,
        2,
        1,
    ]


def test_shards_are_balanced() -> None:
    sizes = [len(shards.select([f"don-vi-{i}" for i in range(2000)], i, 4)) for i in (1, 2, 3, 4)]
    assert sum(sizes) == 2000
    assert all(440 <= size <= 560 for size in sizes), sizes


@pytest.mark.parametrize(
    ("units", "threshold", "expected"),
    [(0, 200, 1), (150, 200, 1), (200, 200, 1), (201, 200, 2), (401, 200, 3), (5000, 200, 25)],
)
def test_shard_count_follows_the_threshold(units: int, threshold: int, expected: int) -> None:
    assert shards.shard_count(units, threshold) == expected


def test_threshold_zero_means_no_sharding() -> None:
    assert shards.shard_count(10_000, 0) == 1


def test_matrix_and_parse_shard() -> None:
    assert shards.matrix(3) == {"shard": ["1/3", "2/3", "3/3"]}
    assert shards.parse_shard(" 2 / 4 ") == (2, 4)
    for bad in ("0/3", "4/3", "3", "a/b", "1/0", ""):
        with pytest.raises(ValueError):
            shards.parse_shard(bad)
    with pytest.raises(ValueError):
        shards.matrix(0)


def _units(project: Path, count: int) -> list[str]:
    slugs = [f"don-vi-{i:03d}" for i in range(count)]
    for name in slugs:
        (project / "reports" / name).mkdir()
    return slugs


def test_cli_prints_the_matrix_and_each_shard(
    tmp_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slugs = _units(tmp_project, 25)
    assert main(["shards", "--count", "3"]) == 0
    matrix = json.loads(capsys.readouterr().out)
    assert matrix == {"shard": ["1/3", "2/3", "3/3"]}
    seen: list[str] = []
    for shard in matrix["shard"]:
        assert main(["shards", "--shard", shard]) == 0
        seen += capsys.readouterr().out.split()
    assert sorted(seen) == slugs


def test_cli_count_comes_from_the_setting(
    tmp_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _units(tmp_project, 5)
    assert main(["shards"]) == 0
    assert json.loads(capsys.readouterr().out) == {"shard": ["1/1"]}
    pyproject = tmp_project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text("utf-8") + "shard_threshold = 2\n", "utf-8")
    assert main(["shards"]) == 0
    assert json.loads(capsys.readouterr().out) == {"shard": ["1/3", "2/3", "3/3"]}


def test_cli_github_output(
    tmp_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    slugs = _units(tmp_project, 4)
    output = tmp_project / "github-output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    assert main(["shards", "--count", "2", "--github-output"]) == 0
    assert main(["shards", "--shard", "1/2", "--github-output"]) == 0
    lines = output.read_text("utf-8").splitlines()
    assert lines[:2] == ['matrix={"shard":["1/2","2/2"]}', "count=2"]
    first = shards.select(slugs, 1, 2)
    assert lines[2:] == [
        f"units={' '.join(first)}",
        f"paths={' '.join('reports/' + s for s in first)}",
        f"count={len(first)}",
    ]


def test_cli_usage_errors_exit_2(tmp_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["shards", "--shard", "4/3"]) == 2
    assert "i/K" in capsys.readouterr().err
    assert main(["shards", "--count", "2", "--shard", "1/2"]) == 2
    assert "--count" in capsys.readouterr().err
    assert main(["--lang", "en", "shards", "--shard", "x"]) == 2
    assert "is not valid" in capsys.readouterr().err
