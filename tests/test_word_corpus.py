"""Word reports, imported then linted (tests/wordcorpus/): the chain judged blind.

Each report of tests/wordcorpus/reports/ is built as a .docx the way offices type
them, imported with ``import_file`` (as ``baocao import --single-file``), and the
imported unit linted. Its findings must equal the hand-judged ones: a finding is
(code, a piece of the flagged line's text; "" when its place was not judged),
and the import must keep the header fields, the headings and the tables.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from baocao.lint.engine import lint_unit
from baocao.project import Project
from baocao.report import load_report
from baocao.wordin.run import import_file
from wordcorpus.build import build, descriptions

REPORTS = descriptions()


def _import(tmp_project: Path, slug: str, spec: dict):
    source = build(spec, tmp_project / f"{slug}.docx")
    project = Project.discover(tmp_project)
    changes = "accept" if spec["import"].get("accept_changes") else None
    outcome = import_file(project, source, slug, single_file=True, changes=changes)
    return project, outcome.target


def _found(project: Project, unit: Path) -> list[tuple[str, str]]:
    result = lint_unit(project, unit)
    found = []
    for diag in result.diagnostics:
        lines = (project.root / diag.file).read_text("utf-8").splitlines()
        found.append((diag.code, lines[diag.line - 1] if 0 < diag.line <= len(lines) else ""))
    return found


def _matches(expected: list[list[str]], found: list[tuple[str, str]]):
    """(missed, unexpected): each expected finding takes one found finding of its code
    whose line holds its text (ignoring case: Word headings are often in capitals)."""
    left = list(found)
    missed = []
    for code, text in expected:
        hit = next((f for f in left if f[0] == code and text.lower() in f[1].lower()), None)
        if hit is None:
            missed.append((code, text))
        else:
            left.remove(hit)
    return missed, left


def _tables(markdown: str) -> int:
    pipes = len(re.findall(r"^\|\s*:?-{3,}", markdown, flags=re.M))
    return pipes + markdown.count("{list-table}") + markdown.count("{table}")


@pytest.mark.parametrize("slug", sorted(REPORTS))
def test_imported_report_lints_as_judged(tmp_project: Path, slug: str) -> None:
    spec = REPORTS[slug]
    project, unit = _import(tmp_project, slug, spec)
    missed, unexpected = _matches(spec["expected"]["findings"], _found(project, unit))
    lines = [f"  missed:     {f}" for f in missed] + [f"  unexpected: {f}" for f in unexpected]
    assert not lines, f"{slug}: findings differ from its judged ones\n" + "\n".join(lines)


@pytest.mark.parametrize("slug", sorted(REPORTS))
def test_import_keeps_header_headings_and_tables(tmp_project: Path, slug: str) -> None:
    spec = REPORTS[slug]
    kept = spec["expected"]["kept"]
    project, unit = _import(tmp_project, slug, spec)
    report = load_report(unit, project.root, project.known_forms)
    values = report.front_matter.values
    assert {k: str(values.get(k)) for k in kept["front"]} == {
        k: str(v) for k, v in kept["front"].items()
    }
    markdown = (unit / "index.md").read_text("utf-8")
    headings = re.findall(r"^#{2,6} ", markdown, flags=re.M)
    assert len(headings) == kept["headings"], markdown
    assert _tables(markdown) == kept["tables"], markdown


def _only_data_file_missing(spec: dict) -> bool:
    return {code for code, _ in spec["expected"]["findings"]} <= {"BC601"}


def test_the_word_corpus_is_mixed() -> None:
    judged = list(REPORTS.values())
    # clean: nothing but BC601, which every imported unit has until its khen-thuong.yaml
    clean = [s for s in judged if s["outline"] == "form" and _only_data_file_missing(s)]
    other = [s for s in judged if s["outline"] == "other"]
    assert len(judged) >= 12
    assert len(clean) >= 0.3 * len(judged)
    assert len(judged) - len(clean) - len(other) >= 0.3 * len(judged)
    assert len(other) >= 0.2 * len(judged)
    ways = {s["headings"] for s in judged} | {s["header"]["style"] for s in judged}
    assert {"styles", "bold", "caps", "autonum", "table", "tabs"} <= ways


def test_a_part_wrapper_typed_bold_is_a_heading_beside_the_parts(tmp_project: Path) -> None:
    """ "Phần thứ nhất. ..." as a bold centred line becomes a heading at the level of "I.",
    told in the import report as a part, not as a heading that matches nothing."""
    spec = REPORTS["so-dan-toc-ton-giao"]
    source = build(spec, tmp_project / "so.docx")
    project = Project.discover(tmp_project)
    outcome = import_file(project, source, "so", single_file=True)
    markdown = (outcome.target / "index.md").read_text("utf-8").splitlines()
    assert "## Phần thứ nhất. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2025" in markdown
    assert "## Phần thứ hai. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026" in markdown
    assert "## I. ĐẶC ĐIỂM TÌNH HÌNH" in markdown
    wrappers = [line for line in outcome.lines if "phần gom các mục của mẫu" in line]
    assert len(wrappers) == 2 and "Phần thứ hai" in wrappers[1]
