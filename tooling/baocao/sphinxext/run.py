"""Run the site's Sphinx build in this process: ``baocao build html`` and the benchmark.

The output goes to ``_build/html/`` and the environment to ``_build/doctrees/`` under
the project root, so a second run rebuilds only what changed; ``baocao build docx``
reuses the same environment and does not read the documents again. ``site_app`` and
``build`` are also used by the watcher (``watch.py``), which keeps one application
and builds with it again after each change.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ConfigError as SphinxConfigError
from sphinx.util.docutils import docutils_namespace, patch_docutils

from baocao.errors import ConfigError
from baocao.interrupts import stop_children
from baocao.project import Project
from baocao.sphinxext.builder import ReportsHTMLBuilder
from baocao.sphinxext.confcheck import check_extension, conf_problem
from baocao.sphinxext.dashboard import Row
from baocao.sphinxext.progress import BuildProgress


@dataclass
class SiteResult:
    outdir: Path
    units: int = 0
    broken: list[Row] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    warnings: int = 0
    seconds: float = 0.0


def site_dirs(root: Path) -> tuple[Path, Path]:
    return root / "_build" / "html", root / "_build" / "doctrees"


@contextmanager
def site_app(project: Project, progress: BuildProgress, jobs: int) -> Iterator[Sphinx]:
    """The Sphinx application of the project's site; conf.py at its root loads the extension."""
    outdir, doctrees = site_dirs(project.root)
    root = str(project.root)
    if not (project.root / "conf.py").is_file():
        raise ConfigError("cli.no-conf", root=project.root)
    with patch_docutils(root), docutils_namespace():
        try:
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
        except SphinxConfigError as err:
            raise conf_problem(err, project) from None
        check_extension(app, project)
        progress.connect(app)
        try:
            yield app
        except BaseException:
            stop_children()  # an interrupted reader may wait forever to send its results
            raise


def build(app: Sphinx, progress: BuildProgress, started: float, warned: int = 0) -> SiteResult:
    """Build what changed since ``app``'s last build (or since the saved environment).

    ``started`` is when the caller started timing; ``warned`` the count of warnings
    the progress had already seen, so the result counts this build's only.
    """
    # The environment keeps the doctrees it loaded, and a document read again does not
    # replace its copy: forget them before building again, as sphinx.testing's
    # SphinxTestApp.build does (a unit's page is assembled from its files' doctrees).
    app.env._pickled_doctree_cache.clear()
    with progress:
        app.build()
    builder = app.builder
    assert isinstance(builder, ReportsHTMLBuilder) and builder.dashboard is not None
    rows = builder.dashboard.rows
    return SiteResult(
        outdir=Path(app.outdir),
        units=len(rows),
        broken=builder.dashboard.broken,
        rows=rows,
        warnings=progress.warnings - warned,
        seconds=time.perf_counter() - started,
    )


def clean_site(root: Path) -> None:
    """Forget the previous build: its pages and its saved environment."""
    for folder in site_dirs(root):
        shutil.rmtree(folder, ignore_errors=True)


def build_site(project: Project, progress: BuildProgress, jobs: int, clean: bool) -> SiteResult:
    """Build the site of ``project`` once."""
    started = time.perf_counter()
    if clean:
        clean_site(project.root)
    with site_app(project, progress, jobs) as app:
        return build(app, progress, started)
