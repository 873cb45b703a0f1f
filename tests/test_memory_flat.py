"""Memory stays flat in the number of units: once a unit's page or Word file is made,
the Sphinx environment keeps none of its doctrees in memory (bench/memory.py measures
the peak; this checks the cause)."""

from __future__ import annotations

import shutil
from pathlib import Path

from baocao.docx.build import BuildPlan
from baocao.project import Project
from baocao.sphinxext import run
from baocao.sphinxext.progress import BuildProgress
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace
from test_html_site import ROOT


def kept(app: Sphinx) -> list[str]:
    env = app.env
    names = set(env._write_doc_doctree_cache) | set(env._pickled_doctree_cache)
    return sorted(name for name in names if name.startswith("reports/"))


def test_the_site_keeps_no_unit_doctree_once_written(example_project: Path) -> None:
    shutil.copy(ROOT / "conf.py", example_project / "conf.py")
    project = Project.discover()
    progress = BuildProgress(False)
    with run.site_app(project, progress, 1) as app:
        result = run.build(app, progress, 0.0)
        assert result.units == 3 and not result.broken
        assert len(app.env.found_docs) > 10  # the tree units' section files were read
        assert kept(app) == []


def test_the_word_builder_keeps_no_unit_doctree_once_converted(
    example_project: Path, monkeypatch
) -> None:
    import baocao.docx.build as docx_build

    shutil.copy(ROOT / "conf.py", example_project / "conf.py")
    apps: list[Sphinx] = []
    original = Sphinx.build

    def build_and_keep(self: Sphinx, *args, **kwargs) -> None:
        apps.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Sphinx, "build", build_and_keep)
    with docutils_namespace():  # the directives Sphinx registers go with it
        outcomes = docx_build.build_docx(Project.discover(), [], BuildPlan(jobs=1))
    assert sorted(o.unit for o in outcomes if o.ok) == sorted(
        p.name for p in (example_project / "reports").iterdir() if p.is_dir()
    )
    assert kept(apps[0]) == []
