"""A province under attack: the example units plus one unit per attack, built once.

Every attack tries to bring the text of a file outside its unit (holding ``SECRET``,
also in the build's environment) or a script into the site or a Word file. The
builds run as commands (``.venv/bin/baocao``) in a child process with a generous
timeout, as CI runs them: a build that walks the whole file system fails the test
instead of hanging it.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from baocao.cli import main
from bs4 import BeautifulSoup
from docx import Document

ROOT = Path(__file__).resolve().parents[2]
BAOCAO = Path(sys.executable).with_name("baocao")
SECRET = "BAOCAO-SECRET-7F3A"
EXAMPLES = ("cong-ty-cap-nuoc-binh-minh", "so-noi-vu", "truong-thpt-le-quy-don")
BASE = "so-noi-vu"  # a unit written as a tree of files
TIMEOUT = 600  # seconds; a build of this province takes a few


def make_project(root: Path) -> Path:
    """The example project in ``root / "project"``, and ``root / "outside"`` with secrets."""
    project = root / "project"
    project.mkdir(parents=True)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "_templates", project / "_templates")
    shutil.copytree(ROOT / "reports", project / "reports")
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"# Bí mật\n\n{SECRET} văn bản ngoài đơn vị.\n", "utf-8")
    (outside / "secret.csv").write_text(f"a,b\n{SECRET},1\n", "utf-8")
    (outside / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n" + SECRET.encode())
    shutil.copytree(ROOT / "reports" / BASE, outside / "unit")
    (outside / "unit" / "3-phuong-huong.md").write_text(
        f"# III. Phương hướng\n\n{SECRET}\n", "utf-8"
    )
    return project


def add_unit(project: Path, slug: str, base: str = BASE) -> Path:
    unit = project / "reports" / slug
    shutil.copytree(ROOT / "reports" / base, unit)
    return unit


def list_in_toctree(unit: Path, *entries: str, only: bool = False) -> None:
    """Add ``entries`` to the first toctree of the unit's index (or make them its only ones)."""
    index = unit / "index.md"
    text = index.read_text("utf-8")
    start = text.index("```{toctree}\n") + len("```{toctree}\n")
    end = text.index("```", start)
    body = "\n".join(entries) + "\n"
    text = text[:start] + (body if only else text[start:end] + body) + text[end:]
    index.write_text(text, "utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + "\n" + text + "\n", "utf-8")


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BAOCAO_TEST_SECRET": SECRET, "CI": "true"}
    return subprocess.run(
        [str(BAOCAO), *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


@dataclass
class Built:
    """A province after ``baocao lint --format json``, ``build html`` and ``build docx``."""

    project: Path
    lint: subprocess.CompletedProcess[str]
    html: subprocess.CompletedProcess[str]
    docx: subprocess.CompletedProcess[str]

    @property
    def findings(self) -> dict[str, list[dict]]:
        data = json.loads(self.lint.stdout)
        return {unit["unit"]: unit["diagnostics"] for unit in data["units"]}

    def codes(self, unit: str) -> set[str]:
        return {d["code"] for d in self.findings[unit]}

    def page(self, unit: str) -> Path:
        return self.project / "_build" / "html" / "reports" / unit / "index.html"

    def docx_file(self, unit: str) -> Path | None:
        folder = self.project / "_build" / "docx"
        found = sorted(folder.glob(f"{unit}.docx")) + sorted(folder.glob(f"{unit}-du-thao.docx"))
        return found[0] if found else None

    def unit_outputs(self, unit: str) -> str:
        """Everything published of one unit: its pages, and its Word file's text."""
        folder = self.project / "_build" / "html" / "reports" / unit
        parts = [p.read_text("utf-8") for p in sorted(folder.rglob("*.html"))]
        docx = self.docx_file(unit)
        if docx is not None:
            parts.append(docx_text(docx))
        return "\n".join(parts)

    def everything(self) -> str:
        """Every text file of the build, every Word file's text and XML, the search index."""
        parts = []
        for path in sorted((self.project / "_build").rglob("*")):
            if path.is_file() and path.suffix in (".html", ".js", ".txt", ".json", ".css"):
                parts.append(path.read_text("utf-8", "replace"))
            elif path.suffix == ".docx":
                parts.append(docx_text(path))
                with zipfile.ZipFile(path) as package:
                    parts.extend(
                        package.read(n).decode("utf-8", "replace") for n in package.namelist()
                    )
            elif path.is_file() and path.suffix in (".png", ".csv", ".md"):
                parts.append(path.read_bytes().decode("utf-8", "replace"))
        return "\n".join(parts)


def run_here(project: Path, *args: str) -> tuple[int, str, str]:
    """``baocao ARGS`` in this process, in ``project``: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(project),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def docx_text(path: Path) -> str:
    """The text of a Word file as python-docx reads it: paragraphs, tables, headers."""
    document = Document(io.BytesIO(path.read_bytes()))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts.extend(cell.text for row in table.rows for cell in row.cells)
    for section in document.sections:
        texts.extend(p.text for p in section.header.paragraphs)
        texts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(texts)


def build_all(project: Path) -> Built:
    shutil.rmtree(project / "_build", ignore_errors=True)
    lint = run(project, "lint", "--format", "json")
    html = run(project, "build", "html")
    docx = run(project, "build", "docx")
    return Built(project, lint, html, docx)


_EVENT_ATTR = re.compile(r"^on[a-z]+$", re.IGNORECASE)


def script_problems(page: Path) -> list[str]:
    """What in a unit page's body could run a script: script, iframe, object, embed,
    event attributes, script URLs, meta refresh."""
    soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
    found = []
    for tag in soup.find_all(["script", "iframe", "object", "embed", "style", "base"]):
        if not _theme_asset(tag):
            found.append(f"<{tag.name}>")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if _EVENT_ATTR.match(name):
                found.append(f"{tag.name} {name}")
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name in ("href", "src", "action") and re.match(
                r"\s*(javascript|vbscript|data):", text, re.IGNORECASE
            ):
                found.append(f"{tag.name} {name}={text}")
    for meta in soup.find_all("meta", attrs={"http-equiv": True}):
        found.append(f"meta {meta['http-equiv']}")
    return found


def _theme_asset(tag) -> bool:
    """A script of the theme: loaded from the site's own ``_static`` folder, no content."""
    src = str(tag.get("src", ""))
    return (
        tag.name == "script" and not tag.string and re.match(r"^(\.\./)*_static/", src) is not None
    )
