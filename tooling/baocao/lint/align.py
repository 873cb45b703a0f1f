"""Match a unit's headings to the form's nodes: an ordered alignment over text similarity.

Each heading (or bold paragraph standing for one) is scored against each node
with rapidfuzz on normalised keys (see headings.py); a dynamic programme keeps
the form's order and maximises the total score. Headings left over that match a
node strongly are then placed as out of order or duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from baocao.forms import Form, FormNode
from baocao.lint.headings import heading_key, number_key, split_number
from baocao.report import Section

MATCH = 78.0  # minimum similarity for a heading to stand for a node
BOLD_MATCH = 86.0  # a bold paragraph must match more clearly than a heading
STRAY = 88.0  # a heading out of order or repeated must match clearly


@dataclass
class Alignment:
    """The result: which section stands for which node, and what is left."""

    matches: dict[str, int] = field(default_factory=dict)  # node id -> section index
    node_of: dict[int, str] = field(default_factory=dict)  # section index -> node id
    out_of_order: dict[int, str] = field(default_factory=dict)
    duplicates: dict[int, str] = field(default_factory=dict)
    unknown: list[int] = field(default_factory=list)
    scores: dict[int, float] = field(default_factory=dict)


def node_keys(node: FormNode, year: int) -> list[str]:
    keys = {heading_key(node.title_for(year)), heading_key(node.issued_heading_for(year))}
    return [k for k in keys if k]


def score(section: Section, node: FormNode, keys: list[str]) -> float:
    """Similarity in 0..100, with a small bonus when the number agrees."""
    key = heading_key(section.title)
    if not key:
        return 0.0
    best = max(fuzz.ratio(key, k) for k in keys)
    if best < 60:
        return best
    written, _ = split_number(section.title)
    numbers = {number_key(node.number), number_key(node.issued_number)}
    if written and written in numbers:
        best += 4
    if not section.bold and section.level == node.depth + 1:
        best += 2
    return best


def align(sections: list[Section], form: Form, year: int) -> Alignment:
    nodes = form.walk()
    keys = [node_keys(n, year) for n in nodes]
    table = [[score(s, n, k) for n, k in zip(nodes, keys, strict=True)] for s in sections]
    result = Alignment()
    for i, j in _ordered_pairs(table, sections):
        result.matches[nodes[j].id] = i
        result.node_of[i] = nodes[j].id
        result.scores[i] = table[i][j]
    _place_leftovers(result, table, sections, nodes)
    return result


def _threshold(section: Section) -> float:
    return BOLD_MATCH if section.bold else MATCH


def _ordered_pairs(table: list[list[float]], sections: list[Section]) -> list[tuple[int, int]]:
    """Longest-path alignment: pairs (section, node) increasing in both, maximal total."""
    n_sec, n_node = len(table), len(table[0]) if table else 0
    best = [[0.0] * (n_node + 1) for _ in range(n_sec + 1)]
    for i in range(n_sec - 1, -1, -1):
        limit = _threshold(sections[i])
        for j in range(n_node - 1, -1, -1):
            take = table[i][j] - limit + 1 + best[i + 1][j + 1] if table[i][j] >= limit else -1
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    pairs, i, j = [], 0, 0
    while i < n_sec and j < n_node:
        limit = _threshold(sections[i])
        if table[i][j] >= limit and best[i][j] == table[i][j] - limit + 1 + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _place_leftovers(
    result: Alignment, table: list[list[float]], sections: list[Section], nodes: list[FormNode]
) -> None:
    for i, section in enumerate(sections):
        if i in result.node_of:
            continue
        j = max(range(len(nodes)), key=lambda col: table[i][col]) if nodes else -1
        if j < 0 or table[i][j] < STRAY:
            if not section.bold:
                result.unknown.append(i)
            continue
        node_id = nodes[j].id
        if node_id in result.matches:
            result.duplicates[i] = node_id
        else:
            result.out_of_order[i] = node_id
            result.matches[node_id] = i
            result.node_of[i] = node_id
        result.scores[i] = table[i][j]
