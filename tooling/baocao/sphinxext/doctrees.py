"""A unit's documents are taken once into its page or Word file, then let go.

Reading in one process, Sphinx keeps every doctree it read (``_write_doc_doctree_cache``)
until the page of that very document is written, and the bytes of every doctree it loaded
from disk (``_pickled_doctree_cache``) until the process ends: both grow with the number
of units. The builders here keep neither: a doctree read is written to disk only (as
Sphinx does when it reads in parallel), taken from there when its unit is assembled, and
forgotten once the unit's page or Word file is made.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import LoggingReporter


class LeanDoctreesMixin:
    """A builder mixin: a doctree just read goes to disk, not into a cache for the run."""

    def write_doctree(self, docname: str, doctree: nodes.document, *, _cache: bool = True) -> None:
        super().write_doctree(docname, doctree, _cache=False)  # type: ignore[misc]


def take(env: BuildEnvironment, docname: str) -> nodes.document:
    """The doctree of ``docname``, left in neither of the environment's caches."""
    tree = env._write_doc_doctree_cache.pop(docname, None)
    if tree is None:
        tree = env.get_doctree(docname)
        env._pickled_doctree_cache.pop(docname, None)
        return tree
    tree.settings.env = env
    tree.reporter = LoggingReporter(str(env.doc2path(docname)))
    return tree


def forget(env: BuildEnvironment, docnames: Iterable[str]) -> None:
    """Drop what the environment keeps of ``docnames`` in memory (they stay on disk)."""
    for docname in docnames:
        env._pickled_doctree_cache.pop(docname, None)
        env._write_doc_doctree_cache.pop(docname, None)
