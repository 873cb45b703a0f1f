"""The pull-request job's own scripts, run as the workflow writes them: which code builds
a pull request (.ci/pr-scope), how long its steps took (.ci/timed, .ci/timings); and
zizmor, the static analyser of GitHub Actions, finding nothing in the workflows."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from test_precommit import copy_worktree, git
from test_workflows import PR, ROOT, WORKFLOWS, run_step

BASE = "github.event.pull_request.base.sha"
HEAD = "github.event.pull_request.head.sha"


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    zizmor = ROOT / ".venv" / "bin" / "zizmor"
    assert zizmor.is_file(), "zizmor is in the dev group: run `make setup-dev`"
    done = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", str(WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str]:
    """A copy of the repository on a branch `pr` from its base commit."""
    repo = copy_worktree(tmp_path / "repo")
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "pr")
    return repo, base


def _commit(repo: Path, path: str, text: str) -> str:
    target = repo / path
    target.write_text(target.read_text("utf-8") + text, "utf-8")
    git(repo, "commit", "-q", "-am", f"change {path}")
    return git(repo, "rev-parse", "HEAD").strip()


def test_scope_step_restores_the_base_tooling(repo: tuple[Path, str]) -> None:
    """Only reports/ changed: every path outside reports/ is the base commit's again (here
    Makefile and conf.py differ in the checkout, as when the base branch moved on), while
    the unit keeps the pull request's text."""
    project, base = repo
    head = _commit(project, "reports/so-noi-vu/index.md", "\nThêm một câu.\n")
    for name in ("Makefile", "conf.py"):
        (project / name).write_text("# not the base's\n", "utf-8")
    done, outputs, summary = run_step(PR, "check", "scope", project, {BASE: base, HEAD: head})
    assert done.returncode == 0, done.stdout + done.stderr
    assert outputs == {"own-code": "false", "artifact-suffix": ""}
    for name in ("Makefile", "conf.py"):
        assert (project / name).read_bytes() == (ROOT / name).read_bytes()
    assert (project / "reports/so-noi-vu/index.md").read_text("utf-8").endswith("Thêm một câu.\n")
    short = git(project, "rev-parse", "--short", base).strip()
    assert summary.startswith(
        f"Dựng bằng công cụ, Makefile, conf.py và thiết lập của nhánh gốc (`{short}`)"
    )


def test_scope_step_flags_a_pull_request_that_changes_the_tooling(
    repo: tuple[Path, str],
) -> None:
    project, base = repo
    _commit(project, "reports/so-noi-vu/index.md", "\nThêm một câu.\n")
    head = _commit(project, "tooling/baocao/__init__.py", "\n# changed by the pull request\n")
    done, outputs, summary = run_step(PR, "check", "scope", project, {BASE: base, HEAD: head})
    assert done.returncode == 0, done.stdout + done.stderr
    assert outputs == {"own-code": "true", "artifact-suffix": "-dung-bang-ma-cua-pr"}
    lines = summary.splitlines()
    assert lines[0] == "> [!WARNING]"
    assert "**Pull request này thay đổi công cụ dựng** (1 tệp ngoài `reports/`)" in lines[1]
    assert "> - `tooling/baocao/__init__.py`" in lines
    assert "reports/so-noi-vu/index.md" not in summary
    source = (project / "tooling/baocao/__init__.py").read_text("utf-8")
    assert source.endswith("# changed by the pull request\n")  # its own code builds it
    assert "::warning title=Dựng bằng mã của pull request::" in done.stdout


def test_timed_steps_and_the_timings_table(repo: tuple[Path, str]) -> None:
    """The lint step runs through .ci/timed as written (its exit code kept), then the last
    step turns the record into the summary's table."""
    project, base = repo
    _commit(project, "reports/so-noi-vu/3-phuong-huong.md", "\n……………………\n")
    values = {BASE: base}
    lint, _, _ = run_step(PR, "check", "lint", project, values)
    assert lint.returncode == 1, lint.stdout + lint.stderr  # the placeholder is an error
    assert "::error file=reports/so-noi-vu/3-phuong-huong.md" in lint.stdout
    record = (project.parent / "baocao-timings.tsv").read_text("utf-8").splitlines()
    assert len(record) == 1
    label, ms, rc = record[0].split("\t")
    assert (label, rc) == ("Kiểm tra (lint)", "1") and int(ms) > 0
    done, _, summary = run_step(PR, "check", "timings", project, {})
    assert done.returncode == 0, done.stderr
    rows = summary.splitlines()
    assert rows[:4] == [
        "### Thời gian các bước",
        "",
        "| bước | thời gian (giây) | kết quả |",
        "| --- | ---: | --- |",
    ]
    seconds = f"{int(ms) // 1000},{int(ms) % 1000 // 100}"
    assert rows[4] == f"| Kiểm tra (lint) | {seconds} | lỗi (mã 1) |"
    assert rows[5] == f"| **tổng** | **{seconds}** | |"


def test_pr_job_times_set_up_lint_and_both_builds() -> None:
    timed = {
        s["id"]: s["run"].split('"')[1]
        for s in PR["jobs"]["check"]["steps"]
        if s.get("run", "").startswith(".ci/timed") or ".ci/timed" in s.get("run", "")
    }
    assert timed == {
        "setup": "Cài đặt",
        "lint": "Kiểm tra (lint)",
        "html": "Dựng trang HTML",
        "docx": "Dựng tệp Word",
    }
    last = PR["jobs"]["check"]["steps"][-1]
    assert last["run"] == ".ci/timings" and last["if"] == "${{ always() }}"


def test_scope_runs_before_any_code_of_the_checkout() -> None:
    steps = PR["jobs"]["check"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    assert steps[1]["id"] == "scope"
    assert all("run" not in s for s in steps[:1])


def _keep(project: Path, *units: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    python = str(project / ".venv" / "bin" / "python")
    return subprocess.run(
        [python, ".ci/pr-units.py", *units],
        cwd=project,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )


def test_keeping_the_changed_units_never_removes_a_persons_work(repo: tuple[Path, str]) -> None:
    """Outside GitHub Actions, with an uncommitted change under reports/, or with a unit it
    does not know, .ci/pr-units.py refuses and removes nothing."""
    project, _ = repo
    units = sorted(p.name for p in (project / "reports").iterdir() if p.is_dir())
    outside = _keep(project, "so-noi-vu", env={"GITHUB_ACTIONS": ""})
    assert outside.returncode == 2 and "GitHub Actions" in outside.stderr
    unknown = _keep(project, "khong-co", env={"GITHUB_ACTIONS": "true"})
    assert unknown.returncode == 2 and "khong-co" in unknown.stderr
    draft = project / "reports" / "truong-thpt-le-quy-don" / "nhap.md"
    draft.write_text("# Bản nháp chưa commit\n", "utf-8")
    dirty = _keep(project, "so-noi-vu", env={"GITHUB_ACTIONS": "true"})
    assert dirty.returncode == 2 and "chưa commit" in dirty.stderr
    assert sorted(p.name for p in (project / "reports").iterdir() if p.is_dir()) == units
    assert draft.is_file()
