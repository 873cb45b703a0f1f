"""pre-commit: the repository's hooks run once over a copy of the repository.

There is no network in tests, so only the ``repo: local`` hooks run (from a
test-only configuration holding exactly those entries of .pre-commit-config.yaml);
the YAML and whitespace hooks from pre-commit-hooks are checked for presence only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = ROOT / ".venv" / "bin" / "pre-commit"
LOCAL_HOOKS = ["baocao-fix", "baocao-lint", "baocao-codeowners", "baocao-vale-styles"]


def _config() -> dict:
    return yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` with a fixed identity; return its output."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def copy_worktree(target: Path) -> Path:
    """A git repository at ``target`` holding the working tree's files (tracked and new,
    not ignored) in one commit, with the project's .venv linked in (not committed)."""
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    names = [name for name in listed.split("\0") if name and (ROOT / name).is_file()]
    for name in names:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "--", *names)
    git(target, "commit", "-q", "-m", "base")
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repository, and beside it the local-hooks-only configuration."""
    config = _config()
    local = {**config, "repos": [r for r in config["repos"] if r["repo"] == "local"]}
    (tmp_path / "local-hooks.yaml").write_text(yaml.safe_dump(local), "utf-8")
    return copy_worktree(tmp_path / "repo")


def _run_hooks(repo: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    env.pop("SKIP", None)
    return subprocess.run(
        [str(PRE_COMMIT), "run", "--config", str(repo.parent / "local-hooks.yaml"), *extra],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )


def test_configuration_has_the_local_and_standard_hooks() -> None:
    repos = {r["repo"]: r for r in _config()["repos"]}
    assert [h["id"] for h in repos["local"]["hooks"]] == LOCAL_HOOKS
    standard = repos["https://github.com/pre-commit/pre-commit-hooks"]
    assert standard["rev"].startswith("v")
    ids = {h["id"] for h in standard["hooks"]}
    assert {"check-yaml", "end-of-file-fixer", "trailing-whitespace", "mixed-line-ending"} <= ids
    for hook in repos["local"]["hooks"]:
        assert hook["language"] == "unsupported"
        assert hook["entry"].startswith(".venv/bin/")


def test_configuration_and_manifest_are_valid() -> None:
    for command, path in (
        ("validate-config", ".pre-commit-config.yaml"),
        ("validate-manifest", ".pre-commit-hooks.yaml"),
    ):
        done = subprocess.run([str(PRE_COMMIT), command, path], cwd=ROOT, capture_output=True)
        assert done.returncode == 0, done.stdout + done.stderr
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hooks = {h["id"]: h for h in manifest}
    assert set(hooks) == {"baocao-lint", "baocao-fix"}
    assert hooks["baocao-lint"]["entry"] == "baocao lint"
    assert hooks["baocao-fix"]["entry"] == "baocao lint --fix"
    assert all(h["language"] == "python" for h in manifest)


def test_local_hooks_pass_over_the_whole_repository(repo: Path) -> None:
    warnings.warn(
        "only the local hooks ran: the hooks from pre-commit-hooks (YAML, whitespace) "
        "need the network to install",
        stacklevel=1,
    )
    done = _run_hooks(repo, "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    for hook in LOCAL_HOOKS:
        line = next(ln for ln in done.stdout.splitlines() if ln.startswith(_name(hook)))
        assert line.endswith("Passed"), line
    assert git(repo, "status", "--porcelain", "--untracked-files=no") == ""  # nothing fixed


def _name(hook_id: str) -> str:
    return next(h["name"] for r in _config()["repos"] for h in r["hooks"] if h["id"] == hook_id)


def test_lint_hook_fails_on_a_broken_unit(repo: Path) -> None:
    section = repo / "reports" / "so-noi-vu" / "3-phuong-huong.md"
    section.write_text(section.read_text("utf-8") + "\n……………………\n", "utf-8")
    done = _run_hooks(repo, "--files", str(section.relative_to(repo)))
    assert done.returncode == 1
    lint_line = next(ln for ln in done.stdout.splitlines() if ln.startswith(_name("baocao-lint")))
    assert lint_line.endswith("Failed")
    assert "so-noi-vu/3-phuong-huong.md" in done.stdout


def test_fix_hook_fixes_decomposed_text_and_fails_so_it_is_reviewed(repo: Path) -> None:
    section = repo / "reports" / "so-noi-vu" / "1-dac-diem-tinh-hinh.md"
    text = section.read_text("utf-8")
    section.write_text(text + "\nThi đua, khen thưởng.\n".replace("ư", "u\u031b"), "utf-8")
    done = _run_hooks(repo, "--files", str(section.relative_to(repo)))
    fix_line = next(ln for ln in done.stdout.splitlines() if ln.startswith(_name("baocao-fix")))
    assert fix_line.endswith("Failed"), done.stdout
    assert "files were modified by this hook" in done.stdout
    assert section.read_text("utf-8") == text + "\nThi đua, khen thưởng.\n"


def test_codeowners_hook_fails_when_units_change(repo: Path) -> None:
    units = repo / "reports" / "units.yaml"
    units.write_text(units.read_text("utf-8").replace('so-noi-vu"]', 'nguoi-moi"]'), "utf-8")
    done = _run_hooks(repo, "--files", "reports/units.yaml")
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith(_name("baocao-codeowners")))
    assert line.endswith("Failed")
    assert "baocao codeowners" in done.stdout
