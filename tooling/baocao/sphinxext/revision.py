"""A unit's documents read again as they were at an older revision, in memory only.

``baocao diff`` needs each changed unit's pandoc document at the merge base. Inside
today's Word build (a worker of the docx builder, after Sphinx has saved the
environment) only the unit's files whose text differs are read again, through
Sphinx's own reading (the ``source-read`` and ``include-read`` events give it the
older text), so directives, transforms and collectors run as in a normal build;
every other document keeps today's doctree. A unit's ``index`` depends on every
file of its folder for its dashboard row only (``units.py``): it is read again when
its own text differs or a file its doctree depends on (an include) does. Nothing is written into
``_build/doctrees``: the doctrees read go into the environment's in-memory cache,
where ``get_doctree`` finds them, and are dropped once the unit is assembled.

What this cannot follow (a file the older revision had and today's has not, a file
other than Markdown that differs) is refused with ``Unfollowable``; the caller then
builds that unit the old way (``baocao.redline.source``).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx.builders import Builder

from baocao.sphinxext.domain import baocao_domain

MARKDOWN = ".md"


class Unfollowable(Exception):
    """The older revision of a unit cannot be read within today's environment."""


@dataclass(frozen=True)
class Revision:
    """How a unit's folder at the older revision differs from today's.

    ``texts``: the older text of each Markdown file that differs or is new today, by
    its path relative to the source folder; ``added``: Markdown files only today.
    """

    texts: dict[str, str]
    added: frozenset[str]


def _files(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}


def compare(today: Path, older: Path, prefix: str) -> Revision:
    """The differences of a unit's folder ``older`` from ``today``'s (``prefix``: the
    folder's path relative to the source folder, with a trailing slash)."""
    now, then = _files(today), _files(older)
    if then.keys() - now.keys():
        raise Unfollowable("a file of the older revision is gone today")
    texts: dict[str, str] = {}
    for name, path in then.items():
        data = path.read_bytes()
        if data == now[name].read_bytes():
            continue
        if not name.endswith(MARKDOWN):
            raise Unfollowable(f"{name} differs and is not Markdown")
        texts[prefix + name] = data.decode("utf-8")
    added = frozenset(prefix + n for n in now.keys() - then.keys() if n.endswith(MARKDOWN))
    return Revision(texts, added)


def docs_to_read(builder: Builder, revision: Revision, unit_docs: set[str]) -> set[str]:
    """The unit's documents whose doctree differs at the older revision."""
    env = builder.env
    by_path = {_rel(builder, env.doc2path(d)): d for d in unit_docs}
    hidden = {by_path[p] for p in revision.added if p in by_path}
    if revision.added - by_path.keys():
        raise Unfollowable("a Markdown file new today is not a document")
    changed = set(revision.texts)
    read = {by_path[p] for p in changed if p in by_path}
    row = baocao_domain(env).row_dependencies  # an index's, for its dashboard row only
    for docname in unit_docs - hidden:  # those that include a changed file, or name a new one
        deps = {_rel(builder, d) for d in env.dependencies.get(docname, ())}
        deps -= set(row.get(docname, ()))
        if changed & deps or hidden & set(env.toctree_includes.get(docname, ())):
            read.add(docname)
    return read


def _rel(builder: Builder, path: str | os.PathLike[str]) -> str:
    return Path(os.path.relpath(path, builder.srcdir)).as_posix()


def read_older(builder: Builder, revision: Revision, unit_docs: set[str]) -> list[str]:
    """Read the unit's documents that differ at ``revision`` again, into memory.

    The documents new today are left out of the environment's documents first, so
    an older toctree does not find them. Returns the documents read.
    """
    read = sorted(docs_to_read(builder, revision, unit_docs))
    added = {d for d in unit_docs if _rel(builder, builder.env.doc2path(d)) in revision.added}
    builder.env.found_docs.difference_update(added)
    with _older_texts(builder, revision.texts), in_memory(builder):
        for docname in read:
            builder.events.emit("env-purge-doc", builder.env, docname)
            builder.env.clear_doc(docname)
            builder.read_doc(docname)
    return read


@contextmanager
def _older_texts(builder: Builder, texts: Mapping[str, str]) -> Iterator[None]:
    """Sphinx's reading given the older text of the files in ``texts``."""
    app = builder._app

    def source(_app: object, docname: str, content: list[str]) -> None:
        content[0] = texts.get(_rel(builder, builder.env.doc2path(docname)), content[0])

    def include(_app: object, path: Path, _parent: str, content: list[str]) -> None:
        content[0] = texts.get(Path(path).as_posix(), content[0])

    listeners = [app.connect("source-read", source), app.connect("include-read", include)]
    try:
        yield
    finally:
        for listener in listeners:
            app.disconnect(listener)


@contextmanager
def in_memory(builder: Builder) -> Iterator[None]:
    """Doctrees read meanwhile are kept in the environment's memory, not on disk."""
    builder.doctrees_in_memory = True  # type: ignore[attr-defined]
    try:
        yield
    finally:
        builder.doctrees_in_memory = False  # type: ignore[attr-defined]


class InMemoryDoctreesMixin:
    """A builder mixin: while ``doctrees_in_memory``, a doctree read is kept pickled in
    the environment's cache (where ``get_doctree`` looks first) instead of on disk."""

    doctrees_in_memory = False

    def write_doctree(self, docname: str, doctree: nodes.document, *, _cache: bool = True) -> None:
        if not self.doctrees_in_memory:
            super().write_doctree(docname, doctree, _cache=_cache)  # type: ignore[misc]
            return
        # As Sphinx's write_doctree makes a doctree picklable.
        doctree.reporter = None  # type: ignore[assignment]
        doctree.transformer = None  # type: ignore[assignment]
        doctree.settings = doctree.settings.copy()
        doctree.settings.warning_stream = None
        doctree.settings.env = None
        doctree.settings.record_dependencies = None
        env = self.env  # type: ignore[attr-defined]
        env._pickled_doctree_cache[docname] = pickle.dumps(doctree, pickle.HIGHEST_PROTOCOL)
