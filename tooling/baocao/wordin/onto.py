"""``baocao import --onto UNIT FILE``: a reviewer's Word edits brought back to the Markdown.

Read the Word file before and after its edits (``wordparas``), plan the changes on the
unit's files (``onto_plan``), write each changed file atomically, and only if nobody
changed it since it was read; list the comments with where they are anchored.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from baocao.errors import BaocaoError, UsageError
from baocao.fsutil import replace_if_unchanged
from baocao.project import Project
from baocao.text import squash
from baocao.wordin.onto_plan import Change, Unplaced, plan_changes
from baocao.wordin.source import docx_bytes
from baocao.wordin.sourcemap import SourceBlock, SourceFile, unit_sources
from baocao.wordin.wordparas import Versions, read_versions

KEPT = 0.5  # under this share of paragraphs left as they were, the file is another report


@dataclass(frozen=True)
class ReviewItem:
    """A comment of the Word file, with the Markdown block it is anchored to if found."""

    author: str
    text: str
    anchor: str  # the text the comment marks (its paragraph's when it marks none)
    paragraph: str
    file: str | None
    line: int | None


@dataclass
class OntoResult:
    unit: str
    tracked: int
    applied: list[Change] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    comments: list[ReviewItem] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # files changed while we worked


def import_onto(project: Project, unit: str, file: Path, write: bool = True) -> OntoResult:
    """Apply ``file``'s edits to ``unit``'s Markdown; ``write=False`` only says what would
    change."""
    unit_dir = project.reports_dir / unit
    if not (unit_dir / "index.md").is_file():
        raise UsageError("onto.no-unit", unit=unit)
    data = docx_bytes(file)
    files, blocks = unit_sources(project, unit_dir)
    versions = read_versions(data, lambda: _build(project, unit))
    plan = plan_changes(files, blocks, versions)
    if plan.kept < KEPT or (blocks and not plan.found):
        raise UsageError("onto.not-this-unit", file=file, unit=unit, share=round(plan.kept * 100))
    result = OntoResult(unit, versions.tracked, unplaced=plan.unplaced)
    result.comments = _review_items(versions, blocks, plan.where)
    by_file: dict[Path, list[Change]] = defaultdict(list)
    for change in plan.changes:
        by_file[change.path].append(change)
    for source in files:
        changes = by_file.get(source.path)
        if not changes:
            continue
        if write and not _write(source, changes):
            result.conflicts.append(source.rel)
            result.unplaced.extend(_conflict(c) for c in changes)
            continue
        result.applied.extend(sorted(changes, key=lambda c: c.start))
    return result


def _conflict(change: Change) -> Unplaced:
    reason = "onto.reason.conflict"
    return Unplaced(change.kind, change.before, change.after, reason, 0, change.rel, change.line)


def _build(project: Project, unit: str) -> Path:
    """The unit's Word file as ``baocao build docx`` makes it now."""
    from baocao.docx.build import BuildPlan, build_docx

    outcomes = build_docx(project, [unit], BuildPlan())
    done = next((o for o in outcomes if o.unit == unit), None)
    if done is None or done.path is None:
        raise BaocaoError("onto.build-failed", unit=unit, error=done.error if done else "")
    return done.path


def _review_items(
    versions: Versions, blocks: list[SourceBlock], where: dict[int, int]
) -> list[ReviewItem]:
    texts = [squash(p.text) for p in versions.after]
    marked = versions.marked + [""] * len(versions.comments)
    items = []
    for comment, text in zip(versions.comments, marked, strict=False):
        block = None
        if comment.anchor in texts:
            found = where.get(texts.index(comment.anchor))
            block = blocks[found] if found is not None else None
        items.append(
            ReviewItem(
                comment.author,
                comment.text,
                text or comment.anchor,
                comment.anchor,
                block.rel if block else None,
                block.line if block else None,
            )
        )
    return items


def new_text(text: str, changes: list[Change]) -> str:
    for change in sorted(changes, key=lambda c: (c.start, c.end), reverse=True):
        text = text[: change.start] + change.text + text[change.end :]
    return text


def _write(source: SourceFile, changes: list[Change]) -> bool:
    """Write the file with its changes, unless its bytes changed since they were read."""
    digest = hashlib.sha256(source.data).digest()
    return replace_if_unchanged(source.path, new_text(source.text, changes), digest)
