"""``baocao diff`` makes the base's document inside today's build, and falls back per unit.

A branch of the example units edits the front matter and text of one unit's only
file, adds a section file (and its toctree entry) to a second, removes one from a
third (the base has a file today's environment does not: the old way, a project of
its own at the base, builds that unit), and adds a unit. Each redline, accepted,
must give today's Word file; rejected, the file built from a separate checkout of
the base (the oracle, built the old way by ``baocao build docx`` there). The HTML
build's doctrees must not change.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from baocao.project import Project
from baocao.redline import run
from baocao.sphinxext.domain import BaocaoDomain, baocao_domain
from baocao.sphinxext.revision import Revision, Unfollowable, compare, docs_to_read
from redline_helpers import accepted, rejected, texts
from test_diff_command import built_file, example_repository, replace
from test_docx_support import run_cli
from test_precommit import git

FRONT = "truong-thpt-le-quy-don"  # front matter and text of its only file
ADDED = "cong-ty-cap-nuoc-binh-minh"  # a section file added today
REMOVED = "so-noi-vu"  # a section file removed today: built the old way
NEW = "don-vi-moi"  # a unit that did not exist at the base
UNITS = (ADDED, NEW, REMOVED, FRONT)


def edit(project: Path) -> None:
    reports = project / "reports"
    school = reports / FRONT / "index.md"
    replace(school, "Khó khăn là năm đầu", "Khó khăn: năm đầu")
    replace(school, "## II. Kết quả", "Đoạn thêm mới của năm nay.\n\n## II. Kết quả")
    text = school.read_text("utf-8")
    number = next(line for line in text.splitlines() if line.startswith("so_ky_hieu:"))
    replace(school, number, "so_ky_hieu: 99/BC-THPT")
    company = reports / ADDED
    replace(company / "index.md", "3-phuong-huong\n", "3-phuong-huong\n4-phu-luc\n")
    (company / "4-phu-luc.md").write_text(
        "# Phụ lục\n\nMột đoạn của phụ lục viết trong năm nay.\n", "utf-8"
    )
    replace(company / "1-dac-diem-tinh-hinh.md", "Công ty", "Công ty cổ phần")
    results = reports / REMOVED / "2-ket-qua"
    replace(results / "index.md", "4-kien-nghi-de-xuat\n", "")
    (results / "4-kien-nghi-de-xuat.md").unlink()
    shutil.copytree(reports / FRONT, reports / NEW)


def doctrees(project: Path) -> dict[str, str]:
    folder = project / "_build" / "doctrees"
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*.doctree")
    }


@dataclass
class Within:
    project: Path
    base: Path
    stderr: str
    doctrees_before: dict[str, str]
    doctrees_after: dict[str, str]

    def redline(self, unit: str) -> bytes:
        return (self.project / "_build" / "diff" / f"{unit}.docx").read_bytes()


@pytest.fixture(scope="module")
def within(tmp_path_factory: pytest.TempPathFactory) -> Within:
    top = tmp_path_factory.mktemp("within")
    project = example_repository(top / "project", "pr")
    edit(project)
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "edits")
    built = run_cli(project, "build", "html")
    assert built.returncode in (0, 1), built.stderr
    before = doctrees(project)
    result = run_cli(project, "diff", "--since", "main")
    assert result.returncode == 0, result.stderr
    after = doctrees(project)
    assert not (project / "_build" / "docx").exists()  # today's files: baocao build docx
    today = run_cli(project, "build", "docx")
    assert today.returncode == 0, today.stderr
    base = top / "base"
    git(project, "worktree", "add", "-q", str(base), "main")
    oracle = run_cli(base, "build", "docx")
    assert oracle.returncode == 0, oracle.stderr
    return Within(project, base, result.stderr, before, after)


@pytest.mark.parametrize("unit", [ADDED, REMOVED, FRONT])
def test_accept_all_gives_today_and_reject_all_the_base_built_the_old_way(
    within: Within, unit: str
) -> None:
    marked = within.redline(unit)
    assert accepted(marked) == texts(built_file(within.project, unit))
    assert rejected(marked) == texts(built_file(within.base, unit))
    assert accepted(marked) != rejected(marked)


def test_the_changes_are_the_edits(within: Within) -> None:
    school = within.redline(FRONT)
    now = " ".join(text for _, text in accepted(school))
    then = " ".join(text for _, text in rejected(school))
    assert "99/BC-THPT" in now and "99/BC-THPT" not in then
    assert "Đoạn thêm mới của năm nay." in now and "Đoạn thêm mới" not in then
    company = within.redline(ADDED)
    now = " ".join(text for _, text in accepted(company))
    then = " ".join(text for _, text in rejected(company))
    assert "Một đoạn của phụ lục viết trong năm nay." in now
    assert "phụ lục viết" not in then


def test_a_new_unit_is_all_insertion(within: Within) -> None:
    marked = within.redline(NEW)
    assert accepted(marked) == texts(built_file(within.project, NEW))
    assert [text for _, text in rejected(marked) if text] == []


def test_the_html_builds_doctrees_are_left_as_they_were(within: Within) -> None:
    assert within.doctrees_before
    assert within.doctrees_after == within.doctrees_before
    assert "Traceback" not in within.stderr


def test_only_the_unit_with_a_file_gone_is_built_the_old_way(
    within: Within, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In this process (one job: the environment read again is this process's own)."""
    old_way: list[list[str]] = []
    original = run.diff_old_way

    def spy(project, base, plan, units, today, workdir, jobs):  # type: ignore[no-untyped-def]
        old_way.append(list(units))
        return original(project, base, plan, units, today, workdir, jobs)

    monkeypatch.setattr(run, "diff_old_way", spy)
    monkeypatch.chdir(within.project)
    shutil.rmtree(within.project / "_build" / "cache", ignore_errors=True)
    results = run.diff_units(Project.discover(within.project), "main", list(UNITS), 1)
    assert [r.error for r in results] == [None] * len(UNITS)
    assert old_way == [[REMOVED]]
    for unit in (ADDED, REMOVED, FRONT):
        marked = within.redline(unit)
        assert accepted(marked) == texts(built_file(within.project, unit))
        assert rejected(marked) == texts(built_file(within.base, unit))
    assert doctrees(within.project) == within.doctrees_before


def test_compare_lists_older_markdown_and_refuses_what_it_cannot_follow(tmp_path: Path) -> None:
    today, older = tmp_path / "today", tmp_path / "older"
    for folder in (today, older):
        (folder / "2-ket-qua").mkdir(parents=True)
        (folder / "index.md").write_text("# Báo cáo\n", "utf-8")
        (folder / "khen-thuong.yaml").write_text("a: 1\n", "utf-8")
    (older / "2-ket-qua" / "a.md").write_text("Cũ.\n", "utf-8")
    (today / "2-ket-qua" / "a.md").write_text("Mới.\n", "utf-8")
    (today / "2-ket-qua" / "b.md").write_text("Thêm.\n", "utf-8")
    found = compare(today, older, "reports/u/")
    assert found.texts == {"reports/u/2-ket-qua/a.md": "Cũ.\n"}
    assert found.added == {"reports/u/2-ket-qua/b.md"}
    (older / "khen-thuong.yaml").write_text("a: 2\n", "utf-8")
    with pytest.raises(Unfollowable, match=r"khen-thuong\.yaml"):
        compare(today, older, "reports/u/")
    (older / "khen-thuong.yaml").write_text("a: 1\n", "utf-8")
    (older / "3-phuong-huong.md").write_text("Đã xoá hôm nay.\n", "utf-8")
    with pytest.raises(Unfollowable):
        compare(today, older, "reports/u/")


def test_a_second_run_takes_the_bases_job_from_the_cache(within: Within) -> None:
    cached = within.project / "_build" / "cache" / "diff"
    jobs = sorted(p.name.split(".")[0] for p in cached.glob("*.json"))
    assert jobs == sorted([ADDED, FRONT])  # made in the build; so-noi-vu the old way
    again = run_cli(within.project, "diff", "--since", "main")
    assert again.returncode == 0, again.stderr
    for unit in (ADDED, FRONT):
        marked = within.redline(unit)
        assert accepted(marked) == texts(built_file(within.project, unit))
        assert rejected(marked) == texts(built_file(within.base, unit))


def test_the_documents_read_again_are_the_changed_those_including_them_and_naming_new_ones(
    tmp_path: Path,
) -> None:
    def doc2path(docname: str) -> Path:
        return tmp_path / f"{docname}.md"

    prefix = "reports/u/"
    names = ("index", "a", "b", "c", "n")
    env = SimpleNamespace(
        doc2path=doc2path,
        # The index depends on every file for its dashboard row, on ``c.md`` also for its
        # doctree (an include).
        dependencies={
            f"{prefix}c": {doc2path(f"{prefix}a")},
            f"{prefix}index": {doc2path(f"{prefix}{name}") for name in names},
        },
        toctree_includes={f"{prefix}index": [f"{prefix}a", f"{prefix}b", f"{prefix}n"]},
        domaindata={},
    )
    domain = BaocaoDomain(env)  # type: ignore[arg-type]
    domain.row_dependencies[f"{prefix}index"] = [f"{prefix}{n}.md" for n in names if n != "c"]
    env.domains = {"baocao": domain}
    builder = SimpleNamespace(env=env, srcdir=tmp_path)
    docs = {f"{prefix}{name}" for name in names}
    revision = Revision({f"{prefix}a.md": "Cũ.\n"}, frozenset({f"{prefix}n.md"}))
    read = docs_to_read(builder, revision, docs)  # type: ignore[arg-type]
    assert read == {f"{prefix}a", f"{prefix}c", f"{prefix}index"}
    only_changed = Revision({f"{prefix}b.md": "Cũ.\n"}, frozenset())
    assert docs_to_read(builder, only_changed, docs) == {f"{prefix}b"}  # type: ignore[arg-type]
    included = Revision({f"{prefix}c.md": "Cũ.\n"}, frozenset())
    expected = {f"{prefix}c", f"{prefix}index"}
    assert docs_to_read(builder, included, docs) == expected  # type: ignore[arg-type]
    domain.row_dependencies.clear()  # an environment from before: every file counts
    assert docs_to_read(builder, only_changed, docs) == {  # type: ignore[arg-type]
        f"{prefix}b",
        f"{prefix}index",
    }


def test_an_index_is_not_read_again_for_a_changed_section_file(within: Within) -> None:
    """The environment the HTML build saved keeps apart what an index depends on only
    for its dashboard row: a changed section file reads that file again, not the index."""
    with (within.project / "_build" / "doctrees" / "environment.pickle").open("rb") as handle:
        env = pickle.load(handle)
    env.domains = {"baocao": BaocaoDomain(env)}  # as Sphinx sets them up, on its data
    index = f"reports/{ADDED}/index"
    section = f"reports/{ADDED}/1-dac-diem-tinh-hinh.md"
    assert section in baocao_domain(env).row_dependencies[index]
    builder = SimpleNamespace(env=env, srcdir=within.project)
    docs = {d for d in env.found_docs if d.startswith(f"reports/{ADDED}/")}
    changed = Revision({section: "# Đặc điểm\n\nCũ.\n"}, frozenset())
    read = docs_to_read(builder, changed, docs)  # type: ignore[arg-type]
    assert read == {section.removesuffix(".md")}
