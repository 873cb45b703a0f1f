"""Match a unit's headings to the form's nodes: an ordered alignment over the evidence.

Each heading (or bold paragraph standing for one) is scored against each node
(recognise.py: words, number, level, body); a dynamic programme keeps the
form's order and maximises the total score. Headings left over that match a
node clearly by its own title are then placed as out of order or duplicate.
The rest is read from the outline (outline.py): part wrappers ("PHẦN THỨ
NHẤT"), sub-headings inside a section, and headings the form does not know.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from baocao.forms import Form, FormNode
from baocao.lint.headings import heading_title
from baocao.lint.outline import Outline, read_outline
from baocao.lint.recognise import (
    SURE,
    Evidence,
    doubtful_words,
    evidence_row,
    node_numbers,
    number_score,
    words_row,
)
from baocao.numbering import Numbering, parse
from baocao.report import Section

MATCH = 78.0  # minimum score for a heading to stand for a node
BOLD_MATCH = 86.0  # a bold paragraph must match more clearly than a heading
STRAY = 88.0  # a heading out of order or repeated must match clearly, by the node's title


@dataclass
class Alignment:
    """The result: which section stands for which node, and what is left."""

    matches: dict[str, int] = field(default_factory=dict)  # node id -> section index
    node_of: dict[int, str] = field(default_factory=dict)  # section index -> node id
    out_of_order: dict[int, str] = field(default_factory=dict)
    duplicates: dict[int, str] = field(default_factory=dict)
    unknown: list[int] = field(default_factory=list)
    scores: dict[int, float] = field(default_factory=dict)
    evidence: dict[int, Evidence] = field(default_factory=dict)  # section index -> why
    doubtful: set[int] = field(default_factory=set)  # matches the words alone do not settle
    wrappers: list[int] = field(default_factory=list)  # part wrappers: structure only
    subs: dict[int, str] = field(default_factory=dict)  # sub-heading -> node it belongs to
    levels: dict[int, int] = field(default_factory=dict)  # level relative to the wrappers
    outline_levels: dict[int, int] = field(default_factory=dict)  # as written, or implied
    nearest: dict[int, tuple[str, Evidence]] = field(default_factory=dict)  # best node of each


def align(sections: list[Section], form: Form, year: int) -> Alignment:
    outline = read_outline(sections)
    depth_of = {node.id: node.depth for node in form.walk()}
    result = _match(outline, sections, form, year)
    outline.settle(result.node_of, depth_of)
    if outline.shifted_by_settle:  # headings read as wrappers only now: score their levels again
        result = _match(outline, sections, form, year)
        outline.settle(result.node_of, depth_of)
    _fill_slots(result, outline, sections, form)
    _read_rest(result, outline, sections, form)
    return result


def _fill_slots(result: Alignment, outline: Outline, sections: list[Section], form: Form) -> None:
    """A heading in the very place of a missing section, under its parent, at its level and
    with its number ("2.1. Công tác chuyên môn" between 2. and 2.2.) stands for it, even
    when its words say little; the match is doubtful, so findings on it name it."""
    required = form.required_ids()
    if not required or sum(n in result.matches for n in required) < form.on_form_minimum * len(
        required
    ):
        return  # a unit on another outline has no places of the form's sections
    nodes = form.walk()
    order = {node.id: k for k, node in enumerate(nodes)}
    for i, section in enumerate(sections):
        if i in result.node_of or i in result.duplicates or outline.styled_wrapper(i):
            continue
        numbering = parse(section.title.strip().strip("*_ "))
        if section.bold or not numbering.style or numbering.part:
            continue
        prev = max((k for k in result.node_of if k < i), default=None)
        after = min((k for k in result.node_of if k > i), default=None)
        low = order[result.node_of[prev]] if prev is not None else -1
        high = order[result.node_of[after]] if after is not None else len(nodes)
        holder = outline.owner(i, result.node_of)
        parent = result.node_of[holder] if holder is not None else None
        for j in range(low + 1, high):
            node = nodes[j]
            if node.id in result.matches or node.parent != parent:
                continue
            if _fits(numbering, outline.level(i), node, node_numbers(form)[j]):
                _take_slot(result, i, node.id, numbering, node, node_numbers(form)[j])
                outline.unwrap(i)  # "III. MỤC TIÊU, NHIỆM VỤ …" holding III.1: III, no wrapper
                break


def _fits(numbering: Numbering, level: int, node: FormNode, numbers: frozenset[str]) -> bool:
    return numbering.value in numbers and numbering.depth == node.depth and level == node.depth + 1


def _take_slot(
    result: Alignment,
    i: int,
    node_id: str,
    numbering: Numbering,
    node: FormNode,
    numbers: frozenset[str],
) -> None:
    nearest_id, nearest = result.nearest.get(i) or (None, None)
    words = nearest.words if nearest is not None and nearest_id == node_id else 0.0
    evidence = Evidence(words, "number", number_score(numbering, node, numbers), 3.0)
    result.node_of[i] = node_id
    result.matches[node_id] = i
    result.scores[i] = evidence.total
    result.evidence[i] = evidence
    result.doubtful.add(i)


def _match(outline: Outline, sections: list[Section], form: Form, year: int) -> Alignment:
    rows = [
        _row(s, outline.level(i), lambda i=i: outline.body(i), form, year)
        for i, s in enumerate(sections)
    ]
    nodes = form.walk()
    result = Alignment()
    for i, row in enumerate(rows):
        if row.nearest is not None:
            result.nearest[i] = (nodes[row.nearest].id, row.evidence[row.nearest])
    for i, j in _ordered_pairs(rows, len(nodes)):
        _take(result, i, nodes[j].id, rows[i], j)
    _place_leftovers(result, rows, sections, nodes, outline)
    return result


@dataclass(frozen=True, eq=False)
class Row:
    """A heading's evidence against the nodes its words come near, and what the
    alignment reads of it, worked out once."""

    evidence: dict[int, Evidence]  # node index -> why
    nearest: int | None  # the node of the highest total (the first of equals)
    doubtful: bool  # the words alone do not settle the node
    gains: dict[int, float]  # node -> total - threshold + 1, where at the threshold; by node


def _row(section: Section, level: int, body: Callable[[], str], form: Form, year: int) -> Row:
    shared = _settled_row(heading_title(section), level, section.bold, form, year)
    if shared is not None:
        return shared
    return _read_row(evidence_row(section, level, body, form, year), _threshold(section))


@lru_cache(maxsize=4096)
def _settled_row(title: str, level: int, bold: bool, form: Form, year: int) -> Row | None:
    """The row of a heading whose words alone settle it, shared between the units that
    write it; None when the body must have its say."""
    evidence, doubtful = words_row(title, level, bold, form, year)
    if doubtful:
        return None
    return _read_row(evidence, BOLD_MATCH if bold else MATCH)


def _read_row(evidence: dict[int, Evidence], limit: float) -> Row:
    nearest = max(evidence, key=lambda j: evidence[j].total) if evidence else None
    gains = {j: e.total - limit + 1 for j, e in sorted(evidence.items()) if e.total >= limit}
    return Row(evidence, nearest, bool(evidence) and doubtful_words(evidence), gains)


def _take(result: Alignment, i: int, node_id: str, row: Row, j: int) -> None:
    evidence = row.evidence[j]
    result.node_of[i] = node_id
    result.scores[i] = evidence.total
    result.evidence[i] = evidence
    if row.doubtful:
        result.doubtful.add(i)


def _threshold(section: Section) -> float:
    return BOLD_MATCH if section.bold else MATCH


def _ordered_pairs(rows: list[Row], width: int) -> list[tuple[int, int]]:
    """Longest-path alignment: pairs (section, node) increasing in both, maximal total.

    ``best[i][j]`` is the best total of the sections from ``i`` on and the nodes from
    ``j`` on; a pair adds its gain, the amount by which its total passes the threshold."""
    best = [[0.0] * (width + 1)]
    for row in reversed(rows):
        best.append(_best_row(row.gains, best[-1]))
    best.reverse()
    pairs, i, j = [], 0, 0
    while i < len(rows) and j < width:
        gain = rows[i].gains.get(j)
        if gain is not None and best[i][j] == gain + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _best_row(gains: dict[int, float], below: list[float]) -> list[float]:
    """One row of the longest-path table from the row below it.

    A row never grows to the right, and neither does the row below: a cell with no
    pair is the larger of the cell below and the next pair's cell to its right, so the
    cells between two pairs are filled in one sweep; a row with no pair is the row below."""
    if not gains:
        return below
    row = list(below)
    settled = len(below) - 1  # row[settled] is known: the last column is 0 in every row
    for j, gain in reversed(gains.items()):
        _fill(row, below, j + 1, settled)
        row[j] = max(below[j], row[j + 1], gain + below[j + 1])
        settled = j
    _fill(row, below, 0, settled)
    return row


def _fill(row: list[float], below: list[float], start: int, settled: int) -> None:
    """The cells from ``start`` up to ``settled``, where no pair is."""
    right = row[settled]
    row[start:settled] = [b if b >= right else right for b in below[start:settled]]


def _place_leftovers(
    result: Alignment,
    rows: list[Row],
    sections: list[Section],
    nodes: list[FormNode],
    outline: Outline,
) -> None:
    """Register the in-order matches, then place clear leftovers as out of order or repeated.

    A heading held by a form leaf is its sub-heading, whatever it sounds like, unless it
    carries the other section's own number.
    """
    for i, node_id in list(result.node_of.items()):
        result.matches[node_id] = i
    leaves = {n.id for n in nodes if not n.children}
    for i in range(len(sections)):
        j = rows[i].nearest
        if i in result.node_of or j is None:
            continue
        evidence = rows[i].evidence[j]
        holder = outline.owner(i, result.node_of)
        if holder is not None and result.node_of[holder] in leaves and evidence.number <= 0:
            continue
        if evidence.total < STRAY or evidence.source == "cue" or evidence.words < SURE:
            continue
        node_id = nodes[j].id
        first = result.matches.get(node_id)
        if first is not None and first in outline.parents(i):
            _swap(result, first, i, node_id, rows[i], j)  # a section cannot hold itself
        elif first is not None:
            result.duplicates[i] = node_id
            result.scores[i] = evidence.total
            result.evidence[i] = evidence
        else:
            result.out_of_order[i] = node_id
            result.matches[node_id] = i
            _take(result, i, node_id, rows[i], j)


def _swap(result: Alignment, outer: int, inner: int, node_id: str, row: Row, j: int) -> None:
    """A heading holding another that stands as well for its node groups it: the inner one
    is the section ("PHẦN II: PHƯƠNG HƯỚNG …" holding "III. Phương hướng …")."""
    del result.node_of[outer]
    result.scores.pop(outer, None)
    result.evidence.pop(outer, None)
    result.doubtful.discard(outer)
    result.matches[node_id] = inner
    _take(result, inner, node_id, row, j)


def _read_rest(result: Alignment, outline: Outline, sections: list[Section], form: Form) -> None:
    """Wrappers, sub-headings and unknown headings among the headings left."""
    result.wrappers = outline.wrappers()
    for i, section in enumerate(sections):
        result.levels[i] = outline.level(i)
        result.outline_levels[i] = outline.raw(i)
        if i in result.node_of or i in result.duplicates or i in outline.wrapping:
            continue
        holder = outline.owner(i, result.node_of)
        node = form.node(result.node_of[holder]) if holder is not None else None
        if node is not None and _inside(node, outline.raw(i), outline.raw(holder)):
            result.subs[i] = node.id
        elif (leaf := _numbered_leaf(i, sections, result, form)) is not None:
            result.subs[i] = leaf
        elif not section.bold:
            result.unknown.append(i)


def _numbered_leaf(i: int, sections: list[Section], result: Alignment, form: Form) -> str | None:
    """Where levels say nothing (all headings at one level, as a paste may leave them), a
    heading numbered one style deeper than the leaf section before it ("1." after "I.")
    belongs to that leaf."""
    before = [k for k in result.node_of if k < i]
    if not before:
        return None
    k = max(before)
    node = form.node(result.node_of[k])
    mine, theirs = parse(sections[i].title).depth, parse(sections[k].title).depth
    if node.children or mine is None or theirs is None or sections[i].level != sections[k].level:
        return None
    return node.id if mine > theirs else None


def _inside(node: FormNode, level: int, holder_level: int) -> bool:
    """A heading under ``node`` belongs to it where the form has no section of its own."""
    return not node.children or level > holder_level + 1


def taken_out(result: Alignment, form: Form) -> dict[int, str]:
    """The headings taken out of the form's order, without the sections a moved parent
    carries along: 2.4 written before 2.2 brings its a), b), c) with it, and only 2.4 is
    out of its place."""
    told: dict[int, str] = {}
    carrier: tuple[int, str] | None = None
    for i in sorted(result.out_of_order):
        node_id = result.out_of_order[i]
        if carrier is not None and _carried(result, form, carrier, i):
            continue
        told[i] = node_id
        carrier = (i, node_id)
    return told


def _carried(result: Alignment, form: Form, carrier: tuple[int, str], i: int) -> bool:
    """Every form section from the moved heading down to heading ``i`` lies inside it."""
    start, ancestor = carrier
    between = [k for k in result.node_of if start < k <= i]
    return all(_descends(form, result.node_of[k], ancestor) for k in between)


def _descends(form: Form, node_id: str, ancestor: str) -> bool:
    parent = form.node(node_id).parent
    while parent is not None and parent != ancestor:
        parent = form.node(parent).parent
    return parent == ancestor
