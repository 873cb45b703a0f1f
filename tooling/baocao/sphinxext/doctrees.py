"""A unit's documents are taken once into its page or Word file, then let go.

Sphinx keeps every doctree it read in this run (``_write_doc_doctree_cache``) until the
page of that very document is written, and the bytes of every doctree it loaded from
disk (``_pickled_doctree_cache``) until the process ends. A unit's section files have no
page of their own (they go into the unit's page), so both caches would grow with the
number of units; taking a document through here keeps memory flat.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import LoggingReporter


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
