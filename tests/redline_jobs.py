"""Jobs (pandoc document + metadata) of a project's units, as the Word builder prepares them.

The builder's worker pool is replaced by one that keeps each prepared ``Job``
instead of converting it, so a test gets exactly what ``baocao build docx`` would
hand to pandoc. ``built`` is the oracle: the Word file ``convert`` writes for a Job
(pandoc, then the finishing), made without ``baocao.redline``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from baocao.docx.build import BuildPlan, build_docx
from baocao.docx.convert import Job
from baocao.docx.finish import finish
from baocao.docx.pandoc import write_docx
from baocao.docx.reference import reference_docx
from baocao.project import Project
from baocao.sphinxext import docx_builder


def keeping_runner(kept: dict[str, Job]) -> type:
    class KeepingRunner:
        """Stands in for ``baocao.docx.runner.Runner``: prepares each unit, keeps its Job."""

        def __init__(self, _jobs: int, prepare: Callable[[str], Job]) -> None:
            self.prepare = prepare

        def __enter__(self) -> KeepingRunner:
            return self

        def __exit__(self, *_exc: object) -> None:
            return None

        def submit(self, unit: str) -> None:
            kept[unit] = self.prepare(unit)

        def poll(self) -> list:
            return []

        def drain(self) -> list:
            return []

    return KeepingRunner


def unit_jobs(root: Path, units: Sequence[str], keep: Path) -> dict[str, Job]:
    """The Jobs of ``units`` of the project at ``root``, their reference document kept in
    ``keep`` (the builder's own goes with its temporary folder)."""
    kept: dict[str, Job] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(docx_builder, "Runner", keeping_runner(kept))
        build_docx(Project.discover(root), list(units), BuildPlan())
    keep.mkdir(parents=True, exist_ok=True)
    reference = keep / "reference.docx"
    for job in kept.values():
        if not reference.is_file():
            reference.write_bytes(reference_docx(job.nd))
    return {unit: replace(job, reference=reference) for unit, job in kept.items()}


def built(job: Job) -> bytes:
    """The Word file of ``job`` as ``baocao build docx`` writes it."""
    return finish(write_docx(job.pandoc_json, job.reference), job.meta, job.nd)
