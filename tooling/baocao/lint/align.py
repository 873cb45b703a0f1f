"""Match a unit's headings to the form's nodes: an ordered alignment over text similarity.

Each heading (or bold paragraph standing for one) is scored against each node
with rapidfuzz on normalised keys (see headings.py); a dynamic programme keeps
the form's order and maximises the total score. Headings left over that match a
node strongly are then placed as out of order or duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process

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


@cache
def node_keys(form: Form, year: int) -> tuple[list[FormNode], list[str], list[frozenset]]:
    """The nodes, two comparison keys per node (title, issued heading) and each node's numbers.

    Cached per form and year.
    """
    nodes = form.walk()
    keys = []
    for node in nodes:
        keys += [heading_key(node.title_for(year)), heading_key(node.issued_heading_for(year))]
    numbers = [frozenset({number_key(n.number), number_key(n.issued_number)}) for n in nodes]
    return nodes, keys, numbers


def score_table(sections: list[Section], form: Form, year: int) -> list[list[float]]:
    """Similarity of every heading to every node, 0..100, with a small bonus when the
    number and the level agree."""
    nodes, keys, numbers = node_keys(form, year)
    section_keys = [heading_key(s.title) for s in sections]
    table = []
    for section, key in zip(sections, section_keys, strict=True):
        scores = [0.0] * len(nodes)
        hits = process.extract_iter(key, keys, scorer=fuzz.ratio, score_cutoff=55) if key else ()
        for _, ratio, index in hits:
            j = index // 2  # two keys per node
            scores[j] = max(scores[j], float(ratio))
        written = number_key(split_number(section.title)[0])
        for j, best in enumerate(scores):
            if best >= 60:
                node = nodes[j]
                best += 4 if written and written in numbers[j] else 0
                best += 2 if not section.bold and section.level == node.depth + 1 else 0
                scores[j] = best
        table.append(scores)
    return table


def align(sections: list[Section], form: Form, year: int) -> Alignment:
    nodes = form.walk()
    table = score_table(sections, form, year) if sections else []
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
