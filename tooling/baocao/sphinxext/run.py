"""Run the site's Sphinx build in this process: ``baocao build html`` and the benchmark.

The output goes to ``_build/html/`` and the environment to ``_build/doctrees/`` under
the project root, so a second run rebuilds only what changed; ``baocao build docx``
reuses the same environment and does not read the documents again.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

from baocao.project import Project
from baocao.sphinxext.builder import ReportsHTMLBuilder
from baocao.sphinxext.dashboard import Row
from baocao.sphinxext.progress import BuildProgress


@dataclass
class SiteResult:
    outdir: Path
    units: int = 0
    broken: list[Row] = field(default_factory=list)
    warnings: int = 0
    seconds: float = 0.0


def site_dirs(root: Path) -> tuple[Path, Path]:
    return root / "_build" / "html", root / "_build" / "doctrees"


def build_site(project: Project, progress: BuildProgress, jobs: int, clean: bool) -> SiteResult:
    """Build the site of ``project``; conf.py at its root must load the extension."""
    started = time.perf_counter()
    outdir, doctrees = site_dirs(project.root)
    if clean:
        shutil.rmtree(outdir, ignore_errors=True)
        shutil.rmtree(doctrees, ignore_errors=True)
    root = str(project.root)
    with patch_docutils(root), docutils_namespace(), progress:
        app = Sphinx(
            root,
            root,
            str(outdir),
            str(doctrees),
            "html",
            status=None,
            warning=progress,  # type: ignore[arg-type]
            parallel=jobs,
        )
        progress.connect(app)
        app.build()
    builder = app.builder
    assert isinstance(builder, ReportsHTMLBuilder) and builder.dashboard is not None
    rows = builder.dashboard.rows
    return SiteResult(
        outdir=outdir,
        units=len(rows),
        broken=builder.dashboard.broken,
        warnings=progress.warnings,
        seconds=time.perf_counter() - started,
    )
