"""How strongly a heading stands for a form node, and why: its words, its number, its level.

The words are compared with the node's title and issued heading, the title's
first clause, the first words of the title (a shortened heading) and the other
headings units write for it (``recognition.yaml`` beside the form). The number
and the level agree or disagree with the node's place in the form; the body's
words decide between nodes the heading alone leaves open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from baocao.forms import Form, FormNode, fill
from baocao.lint.headings import heading_key, heading_title, number_key
from baocao.numbering import Numbering, parse
from baocao.report import Section
from baocao.text import strip_marks

FLOOR = 55.0  # below this the words say nothing
SURE = 90.0  # words at least this close to a node are not doubtful
AMBIGUOUS = 5.0  # two nodes within this many points: the heading alone does not decide
PREFIX_MIN_WORDS = 2  # a shortened heading keeps at least this many words
PREFIX_CLOSE = 92.0  # a prefix or an extended heading must be this close
BODY_STEP, BODY_MAX = 2.0, 6.0


@dataclass(frozen=True)
class Evidence:
    """The score of one heading against one node, in its parts."""

    words: float  # 0..100: the heading's words against the node's
    source: str  # "title", "clause", "prefix", "cue"; "number": its number and place only
    number: float = 0.0  # the written number agrees (+) or says another place (-)
    level: float = 0.0  # the heading level agrees (+) or is far off (-)
    body: float = 0.0  # the body's words point to the node (+)

    @property
    def total(self) -> float:
        return self.words + self.number + self.level + self.body


@dataclass(frozen=True)
class _Key:
    text: str
    node: int
    source: str
    words: int


@cache
def node_keys(form: Form, year: int) -> tuple[_Key, ...]:
    """Every text a node can be recognised by, folded; cached per form and year."""
    keys: list[_Key] = []
    for index, node in enumerate(form.walk()):
        texts = [
            ("title", node.title_for(year)),
            ("title", node.issued_heading_for(year)),
            *(("clause", c) for c in _clauses(node, year)),
            *(("cue", fill(c, year)) for c in node.cues),
        ]
        seen = set()
        for source, text in texts:
            key = heading_key(text)
            if key and key not in seen:
                seen.add(key)
                keys.append(_Key(key, index, source, len(key.split())))
    return tuple(keys)


def _clauses(node: FormNode, year: int) -> list[str]:
    """The first clause of a long title: up to ";", ":" or "(" ."""
    out = []
    for text in (node.title_for(year), fill(node.issued, year)):
        first = re.split(r"[;:(]", text, maxsplit=1)[0]
        if first != text and len(first.split()) >= 3:
            out.append(first)
    return out


@cache
def node_numbers(form: Form) -> tuple[frozenset[str], ...]:
    """The numbers each node may be written with: "2.1", "ii.1", "a", "2.4.a", "2.3.a"."""
    return tuple(frozenset(_paths(node, form)) for node in form.walk())


def _paths(node: FormNode, form: Form) -> set[str]:
    """The node's own numbers, and each prefixed by a number of its parent's ("ii.1")."""
    own = {number_key(node.number), number_key(node.issued_number)} - {None}
    if node.parent:
        for prefix in _paths(form.node(node.parent), form):
            own |= {f"{prefix}.{n}" for n in tuple(own) if "." not in n}
    return own


@lru_cache(maxsize=4096)
def word_scores(key: str, form: Form, year: int) -> dict[int, tuple[float, str]]:
    """node index -> (best similarity, source) of a heading's folded words.

    Cached, within bounds: the same headings come back in unit after unit.
    """
    best: dict[int, tuple[float, str]] = {}
    if not key:
        return best
    keys = node_keys(form, year)
    texts = _texts(form, year)
    for _, score, at in process.extract_iter(key, texts, scorer=fuzz.ratio, score_cutoff=FLOOR):
        _keep(best, keys[at], float(score), keys[at].source)
    _shortened(key, form, year, best)
    _extended(key, form, year, best)
    cues = _cue_texts(form, year)
    for _, score, at in process.extract_iter(
        key, cues[0], scorer=fuzz.token_sort_ratio, score_cutoff=SURE
    ):
        _keep(best, keys[cues[1][at]], float(score) - 2, "cue")  # another word order
    return best


@cache
def _cue_texts(form: Form, year: int) -> tuple[list[str], list[int]]:
    keys = node_keys(form, year)
    at = [n for n, k in enumerate(keys) if k.source == "cue"]
    return [keys[n].text for n in at], at


@cache
def _cut(form: Form, year: int, words: int) -> tuple[list[str], list[int]]:
    """The keys longer than ``words`` words, cut to their first ``words`` words (other
    names of a section only from three words on: two say too little)."""
    keys = node_keys(form, year)
    at = [
        n
        for n, k in enumerate(keys)
        if k.words > words and (k.source != "cue" or words >= PREFIX_MIN_WORDS + 1)
    ]
    return [" ".join(keys[n].text.split()[:words]) for n in at], at


@cache
def _texts(form: Form, year: int) -> list[str]:
    return [k.text for k in node_keys(form, year)]


@cache
def _by_first_word(form: Form, year: int) -> dict[str, list[_Key]]:
    """Keys of two words or more by their first word, for headings that extend them."""
    index: dict[str, list[_Key]] = {}
    for k in node_keys(form, year):
        if k.words >= 2:
            index.setdefault(k.text.split(" ", 1)[0], []).append(k)
    return index


def _keep(best: dict[int, tuple[float, str]], key: _Key, score: float, source: str) -> None:
    if score > best.get(key.node, (0.0, ""))[0]:
        best[key.node] = (score, source)


def _shortened(key: str, form: Form, year: int, best: dict) -> None:
    """A heading that is the first words of a longer title ("first clause", cut short)."""
    words = key.split()
    if len(words) < PREFIX_MIN_WORDS:
        return
    keys = node_keys(form, year)
    texts, at = _cut(form, year, len(words))
    hits = [
        (keys[at[n]], float(score))
        for _, score, n in process.extract_iter(
            key, texts, scorer=fuzz.ratio, score_cutoff=PREFIX_CLOSE
        )
    ]
    nodes = {k.node for k, _ in hits}
    short = 4 if len(words) == 2 else 0  # two words say less than three
    for k, score in hits:
        _keep(best, k, score - short - (8 if len(nodes) == 1 else 20), "prefix")


def _extended(key: str, form: Form, year: int, best: dict) -> None:
    """A heading that starts with a node's title or cue and adds words of its own."""
    words = key.split()
    for k in _by_first_word(form, year).get(words[0], ()):
        if k.words < len(words):
            score = fuzz.ratio(" ".join(words[: k.words]), k.text, score_cutoff=PREFIX_CLOSE)
            if score:
                _keep(best, k, score - 10, k.source)


def number_score(numbering: Numbering, node: FormNode, numbers: frozenset[str]) -> float:
    """+4 for the node's own number, +3 for a numbering style of its depth, less when far."""
    if not numbering.style or numbering.part:
        return 0.0
    score = 4.0 if numbering.value in numbers else 0.0
    if numbering.style == "upper" or numbering.depth is None:
        return score
    gap = abs(numbering.depth - node.depth)
    return score + (3.0 if gap == 0 else -3.0 if gap == 1 else -12.0)


def level_score(bold: bool, level: int, node: FormNode) -> float:
    if bold:
        return 0.0
    gap = abs(level - (node.depth + 1))
    return 3.0 if gap == 0 else -2.0 if gap == 1 else -8.0


def body_score(body: str, node: FormNode, year: int) -> float:
    """+2 for each of the node's body words found in ``body``, at most +6."""
    if not node.cue_words or not body:
        return 0.0
    folded = _fold(body)
    hits = sum(
        1
        for w in node.cue_words
        if re.search(rf"(?<!\w){re.escape(_fold(fill(w, year)))}(?!\w)", folded)
    )
    return min(BODY_MAX, BODY_STEP * hits)


def _fold(text: str) -> str:
    return " ".join(strip_marks(text).lower().split())


def evidence_row(
    section: Section, level: int, body: Callable[[], str], form: Form, year: int
) -> dict[int, Evidence]:
    """node index -> Evidence, for the nodes the heading's words come near (do not change it:
    rows are shared between the units that write the same heading)."""
    row, doubtful = words_row(heading_title(section), level, section.bold, form, year)
    if not doubtful:
        return row
    nodes, text = form.walk(), body()
    return {
        j: _with_body(e, body_score(text, nodes[j], year))
        if e.words >= 60 and not nodes[j].children  # a parent's words are its children's
        else e
        for j, e in row.items()
    }


@lru_cache(maxsize=4096)
def words_row(
    title: str, level: int, bold: bool, form: Form, year: int
) -> tuple[dict[int, Evidence], bool]:
    """The evidence of the heading itself, and whether it leaves the node open."""
    nodes = form.walk()
    numbering = parse(title.strip().strip("*_ "))
    numbers = node_numbers(form)
    row = {
        j: Evidence(
            score,
            source,
            number_score(numbering, nodes[j], numbers[j]),
            level_score(bold, level, nodes[j]),
        )
        for j, (score, source) in word_scores(heading_key(title), form, year).items()
    }
    return row, bool(row) and doubtful_words(row)


def doubtful_words(row: dict[int, Evidence]) -> bool:
    """The words alone do not settle it: not close enough, or two nodes nearly as close."""
    ranked = sorted((e.words for e in row.values()), reverse=True)
    return ranked[0] < SURE or (len(ranked) > 1 and ranked[0] - ranked[1] < AMBIGUOUS)


def _with_body(evidence: Evidence, body: float) -> Evidence:
    return Evidence(evidence.words, evidence.source, evidence.number, evidence.level, body)
