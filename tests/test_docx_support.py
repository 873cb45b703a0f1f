"""Shared by the Word builder's tests (no tests here): one built project per session.

``build_once`` copies the project (configuration, forms, the example units and the
units of ``tests/fixtures/docx/units``) to a temporary folder, blocks the output
path of one unit so its conversion fails, builds the HTML site, then runs
``baocao build docx`` twice, keeping each run's bytes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_UNITS = ROOT / "tests" / "fixtures" / "docx" / "units"
EXAMPLES = ("cong-ty-cap-nuoc-binh-minh", "so-noi-vu", "truong-thpt-le-quy-don")
DRAFT = "don-vi-du-thao"
BLOCKED = "don-vi-loi"  # a copy of an example whose output path is a folder
FONT = "Times New Roman"


@dataclass
class Built:
    project: Path
    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]
    first_bytes: dict[str, bytes] = field(default_factory=dict)
    second_bytes: dict[str, bytes] = field(default_factory=dict)

    @property
    def docx_dir(self) -> Path:
        return self.project / "_build" / "docx"

    @property
    def html_dir(self) -> Path:
        return self.project / "_build" / "html"

    def document(self, name: str) -> Document:
        return docx.Document(str(self.docx_dir / name))


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "BAOCAO_LANG")}
    return subprocess.run(
        [sys.executable, "-c", "import sys; from baocao.cli import main; sys.exit(main())", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def make_project(base: Path) -> Path:
    project = base / "project"
    project.mkdir(parents=True)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "_templates", project / "_templates")
    shutil.copytree(ROOT / "reports", project / "reports")
    for unit in FIXTURE_UNITS.iterdir():
        shutil.copytree(unit, project / "reports" / unit.name)
    shutil.copytree(ROOT / "reports" / EXAMPLES[2], project / "reports" / BLOCKED)
    (project / "_build" / "docx" / f"{BLOCKED}.docx").mkdir(parents=True)
    return project


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.docx")) if p.is_file()}


@cache
def build_once(base: Path) -> Built:
    project = make_project(base / "docx-build")
    html = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-b",
            "html",
            "-d",
            "_build/doctrees",
            ".",
            "_build/html",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert html.returncode == 0, html.stderr
    first = run_cli(project, "build", "docx")
    first_bytes = snapshot(project / "_build" / "docx")
    second = run_cli(project, "build", "docx")
    return Built(project, first, second, first_bytes, snapshot(project / "_build" / "docx"))


def body_paragraphs(document: Document) -> list[Paragraph]:
    """Every paragraph of the body in reading order, table cells included."""
    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def effective(paragraph: Paragraph, attr: str):
    """A font property as Word applies it: the runs, else the paragraph's style chain."""
    values = {getattr(run.font, attr) for run in paragraph.runs if run.text.strip()}
    values.discard(None)
    if len(values) == 1:
        return values.pop()
    style = paragraph.style
    while style is not None:
        value = getattr(style.font, attr)
        if value is not None:
            return value
        style = style.base_style
    return None


def effective_format(paragraph: Paragraph, attr: str):
    """A paragraph property as Word applies it: the paragraph, else its style chain."""
    value = getattr(paragraph.paragraph_format, attr)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attr)
        style = style.base_style
    return value


def has_top_border(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.pPr
    borders = ppr.find(qn("w:pBdr")) if ppr is not None else None
    top = borders.find(qn("w:top")) if borders is not None else None
    return top is not None and top.get(qn("w:val")) == "single"


def field_codes(paragraphs: list[Paragraph]) -> list[str]:
    return [
        node.text.strip() for p in paragraphs for node in p._p.iter(qn("w:instrText")) if node.text
    ]
