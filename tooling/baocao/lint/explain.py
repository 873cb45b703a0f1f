"""How each heading of a unit was read: the form section it was taken for, or what else, and why.

``baocao lint --explain`` prints these readings; the JSON output carries them per unit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from baocao.lint.align import Alignment
from baocao.report import Section

KINDS = ("section", "out-of-order", "duplicate", "sub", "wrapper", "unknown")


@dataclass
class Reading:
    """One heading (or a bold paragraph taken for a section) and how it was read."""

    file: str
    line: int
    heading: str
    level: int  # as written: 0 for a bold paragraph
    kind: str  # one of KINDS
    section: str | None  # the form node it was taken for, belongs to, or comes nearest
    doubtful: bool
    score: float | None  # the total of the evidence, None when no node comes near
    evidence: dict[str, float | str] | None  # words, source, number, level, body

    def as_dict(self) -> dict:
        return asdict(self)


def readings(sections: list[Section], alignment: Alignment) -> list[Reading]:
    """Every heading in order; bold paragraphs only when taken for a section."""
    out = []
    for i, section in enumerate(sections):
        kind, node_id = _kind(i, alignment)
        if kind is None:
            continue
        nearest_id, nearest = alignment.nearest.get(i) or (None, None)
        evidence = alignment.evidence.get(i) or nearest
        if kind in ("unknown", "wrapper"):
            node_id = nearest_id  # the section it came nearest to
        if kind == "sub":
            evidence = None  # it belongs to the section that holds it, by the outline
        out.append(
            Reading(
                file=section.file,
                line=section.line,
                heading=section.title,
                level=section.level,
                kind=kind,
                section=node_id,
                doubtful=i in alignment.doubtful,
                score=round(evidence.total, 1) if evidence else None,
                evidence=_parts(evidence) if evidence else None,
            )
        )
    return out


def _kind(i: int, alignment: Alignment) -> tuple[str | None, str | None]:
    if i in alignment.duplicates:
        return "duplicate", alignment.duplicates[i]
    if i in alignment.out_of_order:
        return "out-of-order", alignment.out_of_order[i]
    if i in alignment.node_of:
        return "section", alignment.node_of[i]
    if i in alignment.wrappers:
        return "wrapper", None
    if i in alignment.subs:
        return "sub", alignment.subs[i]
    if i in alignment.unknown:
        return "unknown", None
    return None, None  # a bold paragraph that is body text


def _parts(evidence) -> dict[str, float | str]:
    return {
        "words": round(evidence.words, 1),
        "source": evidence.source,
        "number": evidence.number,
        "level": evidence.level,
        "body": evidence.body,
    }
