"""What ``import --onto`` tells: each change with file and line, each edit not placed,
each comment as a review item; as lines for a person or as JSON for a workflow."""

from __future__ import annotations

from typing import Any

from baocao.i18n import t
from baocao.text import squash
from baocao.wordin.onto import OntoResult, ReviewItem
from baocao.wordin.onto_plan import DELETE, EDIT, Change, Unplaced
from baocao.wordin.revisions import NOTE, PAGE
from baocao.wordin.textedit import word_ops

SHORT = 70  # characters of a paragraph shown in a line


def short(text: str) -> str:
    text = squash(text)
    return text if len(text) <= SHORT else text[: SHORT - 1].rstrip() + "…"


def what_changed(change: Change | Unplaced) -> str:
    """ "a" → "b" for each changed stretch of an edited paragraph; the paragraph otherwise."""
    if change.kind in (EDIT, PAGE, NOTE):
        pieces = []
        for op in word_ops(change.before, change.after):
            old, new = short(change.before[op.start : op.end]), short(op.text)
            if not old or not new:
                kind = "onto.stretch-removed" if new == "" else "onto.stretch-added"
                pieces.append(t(kind, text=old or new))
            else:
                pieces.append(t("onto.stretch", old=old, new=new))
        return "; ".join(pieces) or t("onto.stretch-in", text=short(change.after))
    return short(change.before if change.kind == DELETE else change.after)


def text_lines(result: OntoResult, file: str, written: bool) -> list[str]:
    if result.tracked:
        lines = [t("onto.head.tracked", file=file, unit=result.unit, changes=result.tracked)]
    else:
        lines = [t("onto.head.compared", file=file, unit=result.unit)]
    for change in result.applied:
        lines.append(
            t(
                f"onto.applied.{change.kind}",
                file=change.rel,
                line=change.line,
                what=what_changed(change),
            )
        )
    lines.extend(_unplaced_line(u) for u in result.unplaced)
    lines.extend(t("onto.conflict", file=rel) for rel in result.conflicts)
    lines.extend(_comment_line(c) for c in result.comments)
    files = len({c.rel for c in result.applied})
    lines.append(
        t(
            "onto.summary" if written else "onto.summary-dry",
            applied=len(result.applied),
            files=files,
            unplaced=len(result.unplaced),
            comments=len(result.comments),
        )
    )
    return lines


def _unplaced_line(item: Unplaced) -> str:
    if item.rel:
        where = f"{item.rel}:{item.line}"
    elif item.paragraph:
        where = t("onto.word-paragraph", n=item.paragraph)
    else:
        where = t(f"onto.{item.kind}-part")
    return t(
        f"onto.unplaced.{item.kind}", where=where, what=what_changed(item), reason=t(item.reason)
    )


def _comment_line(item: ReviewItem) -> str:
    where = f"{item.file}:{item.line}" if item.file else t("onto.comment-nowhere")
    return t(
        "onto.comment",
        where=where,
        author=item.author or "?",
        anchor=short(item.anchor),
        text=item.text,
    )


def as_json(result: OntoResult, file: str, written: bool) -> dict[str, Any]:
    return {
        "unit": result.unit,
        "file": file,
        "tracked_changes": result.tracked,
        "written": written,
        "applied": [
            {
                "kind": c.kind,
                "file": c.rel,
                "line": c.line,
                "before": c.before,
                "after": c.after,
            }
            for c in result.applied
        ],
        "unplaced": [
            {
                "kind": u.kind,
                "file": u.rel,
                "line": u.line,
                "word_paragraph": u.paragraph or None,
                "before": u.before,
                "after": u.after,
                "reason": t(u.reason),
            }
            for u in result.unplaced
        ],
        "review_items": [
            {
                "author": c.author,
                "text": c.text,
                "anchor": c.anchor,
                "paragraph": c.paragraph,
                "file": c.file,
                "line": c.line,
            }
            for c in result.comments
        ],
        "conflicts": list(result.conflicts),
    }
