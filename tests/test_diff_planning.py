"""``baocao diff``'s plan (the base's units exported, authors, cache keys, titles) made
in a forked process while Sphinx starts (``baocao.redline.run.Planning``): the same
plan as made in the command's own process, and a failure raised there as the usual
error."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from baocao.errors import UsageError
from baocao.project import Project
from baocao.redline.run import Planning, merge_base, redline_plan
from test_diff_command import example_repository, replace
from test_precommit import git

UNIT = "so-noi-vu"


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = example_repository(tmp_path_factory.mktemp("planning") / "project", "pr")
    index = project / "reports" / UNIT / "index.md"
    text = index.read_text("utf-8")
    line = next(s for s in text.splitlines() if s.strip() and not s.startswith(("-", "#", ":")))
    replace(index, line, line + " Câu thêm khi rà soát.")
    git(project, "commit", "-q", "-am", "edit")
    return Project.discover(project)


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_the_forked_plan_equals_the_plan_made_here(repository: Project, tmp_path: Path) -> None:
    base = merge_base(repository, "main")
    here = redline_plan(repository, base, [UNIT], tmp_path / "here")
    planning = Planning(repository, base, [UNIT], tmp_path / "forked")
    forked = planning.result()
    assert forked.out == planning.out == here.out
    assert (forked.keys, forked.authors, forked.titles) == (here.keys, here.authors, here.titles)
    exported = files(forked.older.reports_dir / UNIT)
    assert exported == files(here.older.reports_dir / UNIT)
    index = exported["index.md"].decode("utf-8")
    assert "Câu thêm khi rà soát." not in index  # the base's text, not today's
    assert "Câu thêm khi rà soát." in (repository.reports_dir / UNIT / "index.md").read_text()
    assert pickle.loads(pickle.dumps(forked)).keys == forked.keys


def test_a_failure_in_the_child_is_the_usual_error_here(
    repository: Project, tmp_path: Path
) -> None:
    missing = "0" * 40  # no such commit: git fails in the child, then here
    planning = Planning(repository, missing, [UNIT], tmp_path / "base")
    with pytest.raises(UsageError) as caught:
        planning.result()
    assert caught.value.message_id == "changed.git-failed"
    assert caught.value.params["ref"] == missing


def test_the_plan_is_made_once(repository: Project, tmp_path: Path) -> None:
    planning = Planning(repository, merge_base(repository, "main"), [UNIT], tmp_path / "base")
    first = planning.result()
    assert planning.result() is first
    assert (first.older.reports_dir / UNIT / "index.md").is_file()
