"""Shared by the import tests (no tests here): what a unit says, to compare two units.

``unit_view`` reads a unit as the linter does and keeps what the round trip must
keep: the front matter's values, the headings with their effective levels, the
text of every paragraph, list item and table cell (as the reader sees it, markup
removed), and the lint findings by code.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from baocao.lint.engine import lint_unit
from baocao.project import Project
from baocao.report import load_report
from baocao.text import squash
from test_docx_support import run_cli  # noqa: F401  (the import tests run commands with it)

ROOT = Path(__file__).resolve().parents[1]
# What the Word file cannot carry: pieces of the front matter it prints in capitals.
UPPER_IN_WORD = ("co_quan", "co_quan_chu_quan", "chuc_vu", "quyen_han")


@dataclass
class UnitView:
    front_matter: dict[str, object]
    headings: list[tuple[str, int]]
    texts: list[str]
    findings: Counter


def plain(tokens) -> list[str]:
    """The reader's text of each inline token (paragraph, list item, table cell)."""
    out = []
    for token in tokens:
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        text = squash("".join(parts))
        if text:
            out.append(text)
    return out


def unit_view(project: Project, unit_dir: Path) -> UnitView:
    report = load_report(unit_dir, project.root, project.known_forms)
    texts = [text for block in report.preamble for text in plain(block.tokens)]
    headings = []
    for section in report.sections:
        if not section.bold:
            headings.append((squash(section.title), section.level))
        for block in section.blocks:
            if block.kind not in ("comment", "toctree"):
                texts += plain(block.tokens)
    result = lint_unit(project, unit_dir)
    values = dict(report.front_matter.values)
    for key in UPPER_IN_WORD:
        if isinstance(values.get(key), str):
            values[key] = values[key].upper()
    if isinstance(values.get("noi_nhan"), list):
        values["noi_nhan"] = [str(v).rstrip(";.,") for v in values["noi_nhan"]]
    findings = Counter((d.code, d.severity) for d in result.diagnostics)
    return UnitView(values, headings, texts, findings)
