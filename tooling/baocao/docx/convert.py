"""One unit's conversion: pandoc JSON → pandoc → ND30 finishing → the file, atomically.

``convert`` runs in a worker process: its ``Job`` and ``Outcome`` are plain,
picklable data. A failure becomes an ``Outcome`` with an error and leaves no
file behind (``write_atomic``), so the other units go on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from baocao.docx.finish import finish
from baocao.docx.meta import DocumentMeta
from baocao.docx.nd30 import DRAFT_SUFFIX, ND30
from baocao.docx.pandoc import write_docx
from baocao.fsutil import write_atomic
from baocao.limits import deadline


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to write one unit's Word file."""

    unit: str
    pandoc_json: str
    meta: DocumentMeta
    out_dir: Path
    reference: Path
    nd: ND30
    # The unit's folder, and its time limit (docx_seconds_per_unit, 0: none) and what
    # is left of it after preparing the job.
    where: str = ""
    time_limit: int = 0
    time_left: float = 0.0


@dataclass(frozen=True)
class Outcome:
    """What became of one unit: the file written, or the error."""

    unit: str
    path: Path | None
    draft: bool
    seconds: float
    error: str | None = None
    # What a run that finishes Jobs otherwise than by converting them made of the unit
    # (``baocao diff``: its redline, ``baocao.redline.within``).
    after: Any = None

    @property
    def ok(self) -> bool:
        return self.error is None


def file_name(unit: str, draft: bool) -> str:
    return f"{unit}{DRAFT_SUFFIX if draft else ''}.docx"


def convert(job: Job) -> Outcome:
    """Write ``job``'s unit; never raises."""
    start = time.perf_counter()
    draft = job.meta.draft
    try:
        data = render_in_time(job)
        target = job.out_dir / file_name(job.unit, draft)
        write_atomic(target, data)
        (job.out_dir / file_name(job.unit, not draft)).unlink(missing_ok=True)
    except Exception as err:  # any failure is this unit's, reported, not raised
        return failed(job.unit, draft, start, err)
    return Outcome(job.unit, target, draft, time.perf_counter() - start)


def render_in_time(job: Job) -> bytes:
    """``render`` within what is left of the unit's time limit (``docx_seconds_per_unit``)."""
    with deadline(job.time_left, job.where, "docx_seconds_per_unit", job.time_limit):
        return render(job)


def render(job: Job) -> bytes:
    """The bytes of ``job``'s Word file: pandoc, then the ND30 finishing."""
    return finish(write_docx(job.pandoc_json, job.reference), job.meta, job.nd)


def failed(unit: str, draft: bool, start: float, err: BaseException) -> Outcome:
    message = " ".join(str(err).split()) or type(err).__name__
    return Outcome(unit, None, draft, time.perf_counter() - start, message)
