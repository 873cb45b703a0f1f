"""Reading a Markdown file makes one docutils document: the one Sphinx passes in.

myst-parser's renderer would first make a throw-away document with default
settings (a new docutils option parser) for every file; ``SafeRenderer`` does not.
The site is built with that document factory made to fail: every page is still
written with its text.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from baocao.cli import main
from bs4 import BeautifulSoup
from myst_parser.mdit_to_docutils import base

ROOT = Path(__file__).resolve().parents[1]
UNIT = "so-noi-vu"


def _no_throwaway_document(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("a throw-away docutils document was made")


def test_every_file_is_read_without_a_throwaway_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "_templates", project / "_templates")
    shutil.copytree(ROOT / "reports", project / "reports")
    monkeypatch.setattr(base, "make_document", _no_throwaway_document)
    monkeypatch.setenv("CI", "true")
    err = io.StringIO()
    with contextlib.chdir(project), contextlib.redirect_stderr(err):
        code = main(["build", "html"])
    assert code == 0, err.getvalue()
    assert "throw-away" not in err.getvalue()
    sources = sorted((project / "reports" / UNIT).rglob("*.md"))
    assert len(sources) > 3
    for source in sources:
        rel = source.relative_to(project).with_suffix(".html")
        page = project / "_build" / "html" / rel
        assert page.is_file(), rel
        heading = next(line for line in source.read_text("utf-8").splitlines() if "# " in line)
        title = heading.split("# ", 1)[1].strip()
        text = " ".join(BeautifulSoup(page.read_text("utf-8"), "html.parser").get_text().split())
        assert title in text, (rel, title)
