"""Parallel reading and writing only where it pays.

Sphinx reads in parallel in chunks of about sqrt(N) documents, and each chunk's
process sends the whole environment back to be unpickled by the main process, one
after the other: at 300 units (2,000 files) that is 20 environments of 2.5 MB,
about 9 s of unpickling, more than the reading it spreads over two cores. Here
each process reads ``CHUNKS_PER_PROCESS`` large chunks instead, so the environment
comes back a few times only. A handful of documents (an edit, a rebuild) is read
and written in this process: forking and sending the environment back costs more
than the work.
"""

from __future__ import annotations

import pickle
from collections.abc import Set

from sphinx.builders import Builder
from sphinx.util.parallel import ParallelTasks

CHUNKS_PER_PROCESS = 2
MIN_DOCS_PER_PROCESS = 40


def split(docnames: list[str], parts: int) -> list[list[str]]:
    """``docnames`` in ``parts`` chunks of nearly equal size, in order."""
    size, rest = divmod(len(docnames), parts)
    chunks, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < rest else 0)
        if end > start:
            chunks.append(docnames[start:end])
        start = end
    return chunks


class LargeChunksMixin(Builder):
    """A builder that reads in few large chunks and works alone on small jobs."""

    def _read_parallel(self, docnames: list[str], nproc: int) -> None:
        if len(docnames) < MIN_DOCS_PER_PROCESS * nproc:
            self._read_serial(docnames)
            return
        for docname in docnames:
            self.events.emit("env-purge-doc", self.env, docname)
            self.env.clear_doc(docname)

        def read_process(docs: list[str]) -> bytes:
            for docname in docs:
                self.read_doc(docname, _cache=False)
            return pickle.dumps(self.env, pickle.HIGHEST_PROTOCOL)

        def merge(docs: list[str], otherenv: bytes) -> None:
            self.env.merge_info_from(docs, pickle.loads(otherenv), self._app)

        tasks = ParallelTasks(nproc)
        for chunk in split(docnames, nproc * CHUNKS_PER_PROCESS):
            tasks.add_task(read_process, chunk, merge)
        tasks.join()

    def write_documents(self, docnames: Set[str]) -> None:
        if len(docnames) < MIN_DOCS_PER_PROCESS * max(self._app.parallel, 1):
            self.parallel_ok = False
        super().write_documents(docnames)
