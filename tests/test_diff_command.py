"""``baocao diff``: the example units edited in a throw-away git repository, end to end.

The base commit holds the examples; a branch edits words, a table cell, the
front matter (number, signer), moves a section, removes and adds paragraphs.
The redline of each unit, accepted, must give the paragraphs of today's Word
file as ``baocao build docx`` writes it; rejected, those of the file built from
a separate checkout of the base. LibreOffice opens each redline and lists its
changes; the HTML page marks the changes, escapes the text and has no script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import html as lxml_html
from redline_helpers import NS, accepted, part, rejected, texts
from test_docx_support import ROOT, run_cli
from test_precommit import git
from test_redline_model import libreoffice_changes

UNITS = ("cong-ty-cap-nuoc-binh-minh", "so-noi-vu", "truong-thpt-le-quy-don")
AUTHOR = "Nguyễn Thị Bình"
DATE = "2026-03-04T05:06:07+07:00"


@dataclass
class Diffed:
    project: Path
    base: Path  # a checkout of the base commit, built separately
    result: subprocess.CompletedProcess[str]
    summary: str
    status_before: str
    status_after: str
    build_after: list[str]  # what ``_build`` held after the command (top-level folders)

    def redline(self, unit: str) -> bytes:
        return (self.project / "_build" / "diff" / f"{unit}.docx").read_bytes()


def built_file(project: Path, unit: str) -> bytes:
    folder = project / "_build" / "docx"
    found = [p for p in folder.glob(f"{unit}*.docx") if p.stem in (unit, f"{unit}-du-thao")]
    assert len(found) == 1, found
    return found[0].read_bytes()


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def move_section(path: Path, start: str, end: str) -> None:
    """Move the lines from ``start`` up to ``end`` to the end of the file."""
    text = path.read_text("utf-8")
    i, j = text.index(start), text.index(end)
    path.write_text(text[:i] + text[j:].rstrip("\n") + "\n\n" + text[i:j], "utf-8")


def edit_units(project: Path) -> None:
    reports = project / "reports"
    replace(
        reports / "so-noi-vu/1-dac-diem-tinh-hinh.md",
        "cơ quan chuyên môn",
        "cơ quan chuyên môn quan trọng",
    )
    # A number of the commendation data: its table cell and the total computed from it.
    replace(reports / "so-noi-vu/khen-thuong.yaml", "{tap-the: 11}", "{tap-the: 12}")
    replace(reports / "so-noi-vu/index.md", "so_ky_hieu: 412/BC-SNV", "so_ky_hieu: 415/BC-SNV")
    replace(
        reports / "so-noi-vu/index.md", "nguoi_ky: Trần Thị Thanh Hương", "nguoi_ky: Lê Văn Tâm"
    )
    ket_qua = reports / "cong-ty-cap-nuoc-binh-minh/2-ket-qua.md"
    move_section(ket_qua, "#### b)", "#### c)")
    school = reports / "truong-thpt-le-quy-don/index.md"
    replace(school, "Khó khăn là năm đầu", "Khó khăn: năm đầu")
    replace(school, "## II. Kết quả", 'Đoạn thêm mới với ký tự 1 < 2 & "ngoặc".\n\n## II. Kết quả')


def example_repository(project: Path, branch: str) -> Path:
    """A git repository of the example units: their approved version on main, and a
    branch ``branch`` checked out to change them on."""
    project.mkdir()
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "_templates", project / "_templates")
    shutil.copytree(ROOT / "reports", project / "reports")
    (project / ".gitignore").write_text("_build/\n", "utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "base")
    git(project, "checkout", "-q", "-b", branch)
    return project


@pytest.fixture(scope="session")
def diffed(tmp_path_factory: pytest.TempPathFactory) -> Diffed:
    base_dir = tmp_path_factory.mktemp("diff")
    project = example_repository(base_dir / "project", "pr")
    edit_units(project)
    git(project, "add", "-A")
    env = {"GIT_AUTHOR_NAME": AUTHOR, "GIT_AUTHOR_DATE": DATE}
    subprocess.run(
        ["git", "commit", "-q", "-m", "edits"],
        cwd=project,
        env={
            **os.environ,
            **env,
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@x.invalid",
            "GIT_AUTHOR_EMAIL": "b@x.invalid",
        },
        check=True,
    )
    before = git(project, "status", "--porcelain", "--ignored")
    summary = base_dir / "summary.md"
    command = [sys.executable, "-c", "import sys; from baocao.cli import main; sys.exit(main())"]
    environment = {k: v for k, v in os.environ.items() if k not in ("CI", "BAOCAO_LANG")}
    environment["GITHUB_STEP_SUMMARY"] = str(summary)
    result = subprocess.run(
        [*command, "diff", "--since", "main", "--summary", "--artifact", "ban-so-sanh"],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    after = git(project, "status", "--porcelain", "--ignored")
    folders = sorted(p.name for p in (project / "_build").iterdir())
    today = run_cli(project, "build", "docx")  # today's Word files, written by this command
    assert today.returncode == 0, today.stderr
    base = base_dir / "base"
    git(project, "worktree", "add", "-q", str(base), "main")
    built = run_cli(base, "build", "docx")
    assert built.returncode == 0, built.stderr
    return Diffed(project, base, result, summary.read_text("utf-8"), before, after, folders)


def test_the_command_writes_each_changed_units_redline(diffed: Diffed) -> None:
    assert diffed.result.returncode == 0, diffed.result.stderr
    for unit in UNITS:
        assert (diffed.project / "_build" / "diff" / f"{unit}.docx").is_file()
        assert (diffed.project / "_build" / "diff" / f"{unit}.html").is_file()
        assert (
            f"{unit}: đã tạo _build/diff/{unit}.docx, _build/diff/{unit}.html"
            in diffed.result.stdout
        )
    assert "Traceback" not in diffed.result.stderr


def test_only_build_outputs_change_in_the_work_tree(diffed: Diffed) -> None:
    before = [line for line in diffed.status_before.splitlines() if "_build" not in line]
    after = [line for line in diffed.status_after.splitlines() if "_build" not in line]
    assert before == after


def test_the_command_writes_no_word_file_of_the_build(diffed: Diffed) -> None:
    """Today's Word files are ``baocao build docx``'s; the command writes its redlines, its
    cache and Sphinx's doctrees."""
    assert diffed.build_after == ["cache", "diff", "doctrees"]


@pytest.mark.parametrize("unit", UNITS)
def test_accept_all_gives_todays_file_and_reject_all_the_base(diffed: Diffed, unit: str) -> None:
    marked = diffed.redline(unit)
    assert accepted(marked) == texts(built_file(diffed.project, unit))
    assert rejected(marked) == texts(built_file(diffed.base, unit))
    assert accepted(marked) != rejected(marked)


def test_marks_name_the_commit_author_and_date(diffed: Diffed) -> None:
    root = part(diffed.redline("so-noi-vu"))
    w = f"{{{NS['w']}}}"
    marks = root.xpath("//w:ins | //w:del", namespaces=NS)
    assert {m.get(f"{w}author") for m in marks} == {AUTHOR}
    assert {m.get(f"{w}date") for m in marks} == {"2026-03-03T22:06:07Z"}


def test_front_matter_and_table_cell_changes_are_word_level(diffed: Diffed) -> None:
    root = part(diffed.redline("so-noi-vu"))
    deleted = [t.text for t in root.xpath("//w:del//w:delText", namespaces=NS)]
    inserted = [t.text for t in root.xpath("//w:ins//w:t", namespaces=NS)]
    assert "412" in deleted and "415" in inserted  # the number, in the header block
    assert "11" in deleted and "12" in inserted  # a table cell
    assert "29" in deleted and "30" in inserted  # its total, computed
    assert {"Lê", "Văn", "Tâm"} <= set(inserted) and "Hương" in "".join(deleted)  # signer
    assert " quan trọng" in inserted or "quan" in inserted


def test_libreoffice_opens_the_redlines_and_lists_their_changes(
    diffed: Diffed, tmp_path: Path
) -> None:
    files = [diffed.project / "_build" / "diff" / f"{unit}.docx" for unit in UNITS]
    changes = libreoffice_changes(files, tmp_path)
    assert all(count > 0 for count in changes.values()), changes


def test_the_html_page_marks_changes_and_lists_changed_sections(diffed: Diffed) -> None:
    page = (diffed.project / "_build" / "diff" / "so-noi-vu.html").read_text("utf-8")
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//script") == []
    assert "412" in [e.text_content() for e in tree.xpath("//del")]
    assert "415" in [e.text_content() for e in tree.xpath("//ins")]
    listed = [li.text_content() for li in tree.xpath("//div[@class='changes']//li")]
    assert "Phần đầu văn bản: 1 đoạn sửa" in listed
    assert "Nơi nhận, chữ ký: 1 đoạn sửa" in listed
    assert "II.2.4.a: 2 đoạn sửa" in listed  # the cell and its total, in section II.2.4 a)
    assert any(line.startswith("I: ") for line in listed)
    assert "  Phần đầu văn bản: 1 đoạn sửa" in diffed.result.stdout


def test_the_html_page_escapes_the_text(diffed: Diffed) -> None:
    page = (diffed.project / "_build" / "diff" / "truong-thpt-le-quy-don.html").read_text("utf-8")
    assert "1 &lt; 2 &amp;" in page
    tree = lxml_html.fromstring(page)
    assert any("1 < 2 &" in p.text_content() for p in tree.xpath("//p[@class='ins']"))


def test_the_job_summary_lists_units_sections_and_the_artifact(diffed: Diffed) -> None:
    assert "| `so-noi-vu` | Phần đầu văn bản: 1 đoạn sửa;" in diffed.summary
    assert "`ban-so-sanh`" in diffed.summary
    for unit in UNITS:
        assert f"| `{unit}` |" in diffed.summary


def test_a_named_unit_without_changes_is_skipped(diffed: Diffed) -> None:
    result = run_cli(diffed.base, "diff", "--since", "HEAD", "so-noi-vu")
    assert result.returncode == 0, result.stderr
    assert "so-noi-vu: không có thay đổi so với 'HEAD', bỏ qua." in result.stdout


def test_an_unknown_ref_is_an_error_without_traceback(diffed: Diffed) -> None:
    result = run_cli(diffed.project, "--lang", "en", "diff", "--since", "khong-co-nhanh")
    assert result.returncode == 2
    assert "Cannot compare with 'khong-co-nhanh'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_new_uncommitted_unit_is_all_insertion_by_the_git_user(
    diffed: Diffed, tmp_path: Path
) -> None:
    project = tmp_path / "checkout"  # of the base: nothing changed yet
    git(diffed.project, "worktree", "add", "-q", "--detach", str(project), "main")
    shutil.copytree(project / "reports" / "so-noi-vu", project / "reports" / "so-moi")
    git(project, "config", "user.name", "Người Sửa")
    result = run_cli(project, "diff", "--since", "HEAD", "so-moi")
    assert result.returncode == 0, result.stderr
    assert not (project / "_build" / "docx").exists()
    assert run_cli(project, "build", "docx", "so-moi").returncode == 0
    marked = (project / "_build" / "diff" / "so-moi.docx").read_bytes()
    assert accepted(marked) == texts(built_file(project, "so-moi"))
    assert all(text == "" for _, text in rejected(marked))
    w = f"{{{NS['w']}}}"
    authors = {m.get(f"{w}author") for m in part(marked).xpath("//w:ins", namespaces=NS)}
    assert authors == {"Người Sửa"}


def test_files_built_at_the_base_are_cached_by_content(diffed: Diffed, tmp_path: Path) -> None:
    project = tmp_path / "checkout"  # of the branch, with its own _build
    git(diffed.project, "worktree", "add", "-q", "--detach", str(project), "pr")
    assert run_cli(project, "diff", "--since", "main", "so-noi-vu").returncode == 0
    cached = list((project / "_build" / "cache" / "diff").glob("so-noi-vu.*.docx"))
    assert len(cached) == 1
    assert rejected((project / "_build/diff/so-noi-vu.docx").read_bytes()) == texts(
        built_file(diffed.base, "so-noi-vu")
    )
    # The cached file is what the second run compares with: today's file there means no change.
    assert run_cli(project, "build", "docx", "so-noi-vu").returncode == 0
    cached[0].write_bytes(built_file(project, "so-noi-vu"))
    assert run_cli(project, "diff", "--since", "main", "so-noi-vu").returncode == 0
    marked = (project / "_build/diff/so-noi-vu.docx").read_bytes()
    assert accepted(marked) == rejected(marked)
    # A change of the settings changes the key: the base is built again, the old entry goes.
    settings = project / "pyproject.toml"
    settings.write_text(settings.read_text("utf-8") + "\n# sửa\n", "utf-8")
    assert run_cli(project, "diff", "--since", "main", "so-noi-vu").returncode == 0
    marked = (project / "_build/diff/so-noi-vu.docx").read_bytes()
    assert rejected(marked) == texts(built_file(diffed.base, "so-noi-vu"))
    assert len(list((project / "_build" / "cache" / "diff").glob("so-noi-vu.*.docx"))) == 1
