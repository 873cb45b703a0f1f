"""What the prose of section 2.4 a) claims: "tặng Giấy khen cho 18 tập thể, 96 cá nhân"
read as (giay-khen, collective, 18) and (giay-khen, individual, 96).

Offices write counts in many ways: the number before the noun ("18 tập thể") or after
it ("tập thể: 18"), "lượt", the kind named before or after the counts, "đề nghị …
tặng …". A clause is read only when it is plain: one way to pair each count with a
kind, no word of a part, a comparison, a target or another period (data/awards-prose.yaml),
no year but the report's. Anything else is left unread: a missed claim is better than
a false warning.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from baocao.awards.model import AwardSchema
from baocao.awards.schema import per_schema

COMBINED = "combined"  # "114 lượt tập thể, cá nhân": collectives and individuals together
TOTAL = ""  # the kind of a claim about a whole table
_NUMBER = r"(?<![\d.,/-])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/-]|[.,]\d)"
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
_CLAUSE_END = re.compile(r"[;!?]|\.(?=\s|$)|\n\s*[-*+]\s")
_MARKUP = re.compile(r"[*_`“”\"'‘’«»()\[\]]")


@dataclass(frozen=True)
class Claim:
    """A count the prose states for one kind (``TOTAL``: for the whole table):
    ``recipient`` is "collective", "individual", "household" or "combined"; ``start``
    its offset in the text."""

    kind: str
    table: str
    recipient: str
    count: int
    start: int


@dataclass(frozen=True)
class _Words:
    recipients: dict[str, tuple[str, ...]]
    counters: tuple[str, ...]
    joiners: tuple[str, ...]
    skip: tuple[str, ...]
    proposal: tuple[str, ...]
    award_words: tuple[str, ...]


@cache
def _words() -> _Words:
    text = resources.files("baocao").joinpath("data/awards-prose.yaml").read_text("utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return _Words(
        recipients={k: tuple(v) for k, v in raw["recipients"].items()},
        counters=tuple(raw["counters"]),
        joiners=tuple(raw["joiners"]),
        skip=tuple(raw["skip"]),
        proposal=tuple(raw["proposal"]),
        award_words=tuple(raw["award_words"]),
    )


@cache
def _phrase(words: str) -> str:
    """A regex for ``words`` as whole words, any run of spaces between them."""
    return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words.split()) + r"(?!\w)"


@cache
def _any(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(_phrase(w) for w in sorted(words, key=len, reverse=True)) + ")"


@cache
def _count_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(combined, number before noun, noun before number)."""
    words = _words()
    noun = {r: _any(nouns) for r, nouns in words.recipients.items()}
    all_nouns = "|".join(f"(?P<{r}>{p})" for r, p in noun.items())
    counter = rf"(?:{_any(words.counters)}\s+)?"
    joiner = "(?:" + "|".join(re.escape(j) for j in words.joiners) + ")"
    combined = re.compile(
        rf"{_NUMBER}\s+{counter}{noun['collective']}\s*{joiner}\s*{noun['individual']}"
    )
    before = re.compile(rf"{_NUMBER}\s+{counter}(?:{all_nouns})")
    after = re.compile(rf"(?:{all_nouns})\s*(?::|là)\s*{_NUMBER}")
    return combined, before, after


def clauses(text: str) -> list[tuple[int, str]]:
    """(offset, clause) of the text cut at sentence ends and semicolons."""
    result, start = [], 0
    for match in _CLAUSE_END.finditer(text):
        result.append((start, text[start : match.start()]))
        start = match.end()
    result.append((start, text[start:]))
    return [(offset, clause) for offset, clause in result if clause.strip()]


def claims(text: str, schema: AwardSchema, year: int) -> list[Claim]:
    """Every count the text plainly states for a kind of the schema's tables."""
    plain = _normal(text)
    found: list[Claim] = []
    for offset, clause in clauses(plain):
        found.extend(_clause_claims(clause, offset, schema, year))
    return found


def _normal(text: str) -> str:
    """Lower case NFC with markup and quotes blanked, offsets kept."""
    text = unicodedata.normalize("NFC", text)
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: keep offsets
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _MARKUP.sub(" ", lowered)


@cache
def _skip() -> re.Pattern[str]:
    return re.compile(_any(_words().skip))


@cache
def _award_words() -> re.Pattern[str]:
    return re.compile(_any(_words().award_words))


@cache
def _proposal() -> re.Pattern[str]:
    return re.compile(_any(_words().proposal))


@per_schema
def _names(schema: AwardSchema) -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
    """(kind id, pattern of its head, words the clause must also hold) of every name
    of every kind, compiled once per schema."""
    result = []
    for kind in schema.kinds:
        for name in (kind.label, *kind.aliases):
            head, *needs = [part.strip() for part in name.lower().split("+")]
            result.append((kind.id, re.compile(_phrase(head)), tuple(needs)))
    return tuple(result)


def _clause_claims(clause: str, offset: int, schema: AwardSchema, year: int) -> list[Claim]:
    if _skip().search(clause):
        return []
    if any(int(m.group(0)) != year for m in _YEAR.finditer(clause)):
        return []
    counts = _counts(clause)
    if not counts:
        return []
    kinds = _kind_mentions(clause, schema)
    if _unknown_award(clause, kinds):
        return []
    if not kinds:
        return _table_claims(clause, counts, schema, offset)
    pairs = _pair(kinds, counts)
    if pairs is None:
        return []
    proposal = _proposal().search(clause) is not None
    return _agreed(pairs, schema, proposal, offset)


def _table_claims(
    clause: str, counts: list[tuple[int, str, int]], schema: AwardSchema, offset: int
) -> list[Claim]:
    """The totals of a table named by its title ("khen thưởng theo thẩm quyền cho 29 tập
    thể, 320 cá nhân"), when the clause names exactly one table and no kind."""
    named = {t.id for t in schema.tables if re.search(_phrase(t.title.lower()), clause)}
    if len(named) != 1:
        return []
    table = named.pop()
    pairs = [(TOTAL, start, recipient, count) for start, recipient, count in counts]
    return [
        Claim(TOTAL, table, recipient, count, offset + start)
        for start, recipient, count in _agreed_pairs(pairs)
    ]


def _unknown_award(clause: str, kinds: list[tuple[int, int, str]]) -> bool:
    """Whether the clause names an award outside every kind it names ("Bằng khen" with no
    authority, "Kỷ niệm chương"): its counts could be that award's."""
    return any(
        not any(s <= m.start() and m.end() <= e for s, e, _ in kinds)
        for m in _award_words().finditer(clause)
    )


def _kind_mentions(clause: str, schema: AwardSchema) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each kind named in the clause, longest names first; a
    place two kinds claim equally is dropped."""
    spans: dict[tuple[int, int], set[str]] = {}
    for kind_id, head, needs in _names(schema):
        if any(not re.search(_phrase(need), clause) for need in needs):
            continue
        for match in head.finditer(clause):
            spans.setdefault(match.span(), set()).add(kind_id)
    taken: list[tuple[int, int, str]] = []
    for (start, end), ids in sorted(spans.items(), key=lambda s: s[0][0] - s[0][1]):
        if any(start < e and s < end for s, e, _ in taken):
            continue
        taken.append((start, end, next(iter(ids)) if len(ids) == 1 else ""))
    return sorted((s, e, k) for s, e, k in taken if k)


def _counts(clause: str) -> list[tuple[int, str, int]]:
    """(start, recipient, count) of each count in the clause."""
    combined, before, after = _count_patterns()
    found: list[tuple[int, int, str, int]] = []
    for match in combined.finditer(clause):
        found.append((match.start(), match.end(), COMBINED, _int(match.group(1))))
    for pattern in (before, after):
        for match in pattern.finditer(clause):
            if any(s <= match.start() < e for s, e, _, _ in found):
                continue
            recipient = next(r for r in _words().recipients if match.group(r))
            number = next(g for g in match.groups()[::-1] if g and g[0].isdigit())
            found.append((match.start(), match.end(), recipient, _int(number)))
    return sorted((s, r, n) for s, _, r, n in found)


def _int(text: str) -> int:
    return int(text.replace(".", ""))


def _pair(
    kinds: list[tuple[int, int, str]], counts: list[tuple[int, str, int]]
) -> list[tuple[str, int, str, int]] | None:
    """(kind, start, recipient, count) pairs, None when the clause can be read two ways.

    One kind takes every count. With several, each count goes to the kind before it
    ("Giấy khen cho 18 tập thể, Lao động tiên tiến cho 198 cá nhân") or each to the
    kind after it ("18 tập thể nhận Giấy khen, 198 cá nhân đạt Lao động tiên tiến"),
    when only one of the two readings gives every kind a count.
    """
    if len({k for _, _, k in kinds}) == 1:
        return [(kinds[0][2], s, r, n) for s, r, n in counts]
    readings = [_forward(kinds, counts), _backward(kinds, counts)]
    valid = [r for r in readings if r is not None]
    return valid[0] if len(valid) == 1 else None


Mentions = list[tuple[int, int, str]]
Counts = list[tuple[int, str, int]]
Pairs = list[tuple[str, int, str, int]]


def _forward(kinds: Mentions, counts: Counts) -> Pairs | None:
    if counts[0][0] < kinds[0][0]:
        return None
    pairs = [(next(k for s, _, k in reversed(kinds) if s <= c), c, r, n) for c, r, n in counts]
    return pairs if {k for k, *_ in pairs} == {k for *_, k in kinds} else None


def _backward(kinds: Mentions, counts: Counts) -> Pairs | None:
    if counts[-1][0] > kinds[-1][0]:
        return None
    pairs = [(next(k for s, _, k in kinds if s >= c), c, r, n) for c, r, n in counts]
    return pairs if {k for k, *_ in pairs} == {k for *_, k in kinds} else None


def _agreed(
    pairs: list[tuple[str, int, str, int]], schema: AwardSchema, proposal: bool, offset: int
) -> list[Claim]:
    """One claim per (kind, recipient) the clause states once."""
    by_kind: dict[str, list[tuple[str, int, str, int]]] = {}
    for pair in pairs:
        by_kind.setdefault(pair[0], []).append(pair)
    result = []
    for kind, own in by_kind.items():
        table = _table_of(schema, kind, proposal)
        for start, recipient, count in _agreed_pairs(own) if table else []:
            result.append(Claim(kind, table, recipient, count, offset + start))
    return result


def _agreed_pairs(pairs: list[tuple[str, int, str, int]]) -> list[tuple[int, str, int]]:
    """(start, recipient, count) of each recipient one kind's pairs state once: two
    different counts for the same are a whole and its part, and neither is read."""
    seen: dict[str, set[int]] = {}
    first: dict[str, int] = {}
    for _, start, recipient, count in pairs:
        seen.setdefault(recipient, set()).add(count)
        first.setdefault(recipient, start)
    return [(first[r], r, numbers.pop()) for r, numbers in seen.items() if len(numbers) == 1]


def _table_of(schema: AwardSchema, kind: str, proposal: bool) -> str:
    """The table the claim is about: the one that holds the kind; the list's table
    (proposals) only when the clause proposes."""
    tables = [t.id for t in schema.tables if kind in t.kinds]
    if proposal and schema.nominee_table in tables:
        return schema.nominee_table
    others = [t for t in tables if t != schema.nominee_table]
    return others[0] if len(others) == 1 else ""
