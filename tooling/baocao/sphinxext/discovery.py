"""The documents Sphinx reads: the files each unit may read, and the guide pages.

Sphinx finds its documents by walking the whole source folder (the project root)
with ``os.walk(followlinks=True)``: a link to ``/`` in a unit made every build
walk the file system, and a link to a file outside a unit made it a document.
``UnitsProject`` finds them instead with ``baocao.unitpaths``: each unit's own
files, never through a link, nothing of a unit whose folder is a link or that is
past a limit (``baocao.limits``, the linter reports why), the same for each unit of a
closed year (``archive/<year>/<unit>/``, ``baocao.archive``), and the guide pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.project import EXCLUDE_PATHS, Project
from sphinx.util.matching import compile_matchers

from baocao.archive import archived_unit_dirs
from baocao.config import Settings
from baocao.limits import unit_limits
from baocao.sphinxext.units import project_at
from baocao.unitpaths import real_unit_dir, unit_files


class UnitsProject(Project):
    """Sphinx's ``Project`` whose documents are found by ``baocao.unitpaths``."""

    def discover(
        self, exclude_paths: Iterable[str] = (), include_paths: Iterable[str] = ("**",)
    ) -> set[str]:
        self.docnames.clear()
        self._path_to_docname.clear()
        self._docname_to_path.clear()
        excluded = compile_matchers([*exclude_paths, *EXCLUDE_PATHS])
        included = compile_matchers(include_paths)
        for name in self.candidates():
            if any(m(name) for m in included) and not any(m(name) for m in excluded):
                self.add(name)
        return self.docnames

    def candidates(self) -> Iterator[str]:
        """Paths relative to the source folder, POSIX style."""
        srcdir = Path(self.srcdir)
        project = project_at(str(srcdir))
        for unit_dir in [*project.unit_dirs(), *archived_unit_dirs(project.root)]:
            yield from unit_candidates(unit_dir, project.settings, srcdir)
        for page in project.settings.guide_pages:
            if (srcdir / page).is_file() and not (srcdir / page).is_symlink():
                yield Path(page).as_posix()

    def add(self, name: str) -> None:
        docname = self.path2doc(name)
        if not docname or docname in self.docnames:
            return
        self.docnames.add(docname)
        self._path_to_docname[Path(name)] = docname
        self._docname_to_path[docname] = Path(name)


def unit_candidates(unit_dir: Path, settings: Settings, srcdir: Path) -> list[str]:
    """The unit's documents; none when its folder is a link, it is past a limit, or
    listing it fails (the linter reports each as the unit's finding)."""
    try:
        if real_unit_dir(unit_dir) is None or unit_limits(unit_dir, settings, srcdir):
            return []
        return [path.relative_to(srcdir).as_posix() for path in unit_files(unit_dir)]
    except (OSError, RecursionError):
        return []


def use_units_project(app: Sphinx) -> None:
    """Put ``UnitsProject`` in place of Sphinx's, keeping what it knows of the last build.

    The project's builders do it when they are made (``reading.TolerantReadMixin``),
    before Sphinx looks for the documents of a new environment; for any other
    builder it is done when the builder is ready, before it reads.
    """
    if isinstance(app.project, UnitsProject):
        return
    project = UnitsProject(app.srcdir, app.config.source_suffix)
    project.restore(app.project)
    app.project = project
    app.env.project = project


def setup_discovery(app: Sphinx) -> None:
    app.connect("builder-inited", use_units_project, priority=100)
