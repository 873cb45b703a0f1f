"""The reviewer's whole cycle (issue 15): ``baocao diff`` writes the redline, the leader
edits that very file in Word with Track Changes, ``baocao import --onto`` brings the edits
back. The Markdown then reads as the leader saw it accepted, every other byte as it was.
"""

from __future__ import annotations

from pathlib import Path

from onto_helpers import Reviewer
from test_diff_command import example_repository
from test_docx_support import run_cli
from test_precommit import git

UNIT = "so-noi-vu"
SECTION = Path("reports/so-noi-vu/1-dac-diem-tinh-hinh.md")


def _project(tmp_path: Path) -> Path:
    project = example_repository(tmp_path / "project", "sua")
    section = project / SECTION
    text = section.read_text("utf-8")
    assert "cơ quan chuyên môn" in text
    section.write_text(text.replace("cơ quan chuyên môn", "cơ quan chuyên môn quan trọng", 1))
    git(project, "commit", "-q", "-am", "unit's edit")
    return project


def test_diff_then_edit_the_redline_in_word_then_import_onto(tmp_path: Path) -> None:
    project = _project(tmp_path)
    diffed = run_cli(project, "diff", "--since", "main", UNIT)
    assert diffed.returncode == 0, diffed.stdout + diffed.stderr
    redline = project / "_build" / "diff" / f"{UNIT}.docx"
    before = {p: p.read_bytes() for p in (project / "reports").rglob("*") if p.is_file()}

    reviewer = Reviewer(redline, tracked=True)  # the leader's own marks on top of the diff's
    reviewer.replace("cơ quan chuyên môn quan trọng", "quan trọng", "rất quan trọng")
    edited = reviewer.save(tmp_path / "lanh-dao-sua.docx")
    result = run_cli(project, "import", "--onto", UNIT, str(edited))

    assert result.returncode == 0, result.stdout + result.stderr
    after = {p: p.read_bytes() for p in (project / "reports").rglob("*") if p.is_file()}
    changed = [p for p in after if after[p] != before[p]]
    assert changed == [project / SECTION]
    text = after[project / SECTION].decode("utf-8")
    assert "cơ quan chuyên môn rất quan trọng" in text
    old = before[project / SECTION].decode("utf-8").splitlines()
    new = text.splitlines()
    assert len(old) == len(new)
    assert sum(a != b for a, b in zip(old, new, strict=True)) == 1  # one line touched
