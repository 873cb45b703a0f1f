"""Body text: sentence templates with numbers filled in, paragraphs, movements, the table."""

import random
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from .data import SENTENCES, TOPICS, nfc
from .form import Node

HALF_SENTENCE = 10  # words: stop adding sentences when this close to the target


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _tenths(value: int) -> str:
    whole, tenth = divmod(value, 10)
    return f"{whole},{tenth}" if tenth else str(whole)


NUMBER_FIELDS: dict[str, Callable[[random.Random], str]] = {
    "k": lambda rng: str(rng.randint(2, 5)),
    "n1": lambda rng: str(rng.randint(6, 30)),
    "n2": lambda rng: str(rng.randint(35, 240)),
    "n3": lambda rng: _thousands(rng.randint(300, 4800)),
    "p1": lambda rng: _tenths(rng.randint(880, 999)),
    "p2": lambda rng: str(rng.randint(3, 28)),
    "p3": lambda rng: str(rng.randint(42, 78)),
}


@dataclass(frozen=True)
class Template:
    text: str
    number_fields: tuple[str, ...]

    def fill(self, rng: random.Random, context: dict[str, str]) -> str:
        values = dict(context)
        for name in self.number_fields:
            values[name] = NUMBER_FIELDS[name](rng)
        return self.text.format_map(values)


def _template(text: str) -> Template:
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return Template(text, tuple(sorted(names & NUMBER_FIELDS.keys())))


@cache
def sentence_pools() -> dict[str, tuple[Template, ...]]:
    return {
        topic: tuple(_template(nfc(text)) for text in items) for topic, items in SENTENCES.items()
    }


def _sentence_stream(topic: str, rng: random.Random) -> Iterator[Template]:
    """Topic sentences first, then general ones, each in a shuffled order; then again."""
    pools = sentence_pools()
    while True:
        for name in (topic, "general"):
            batch = list(pools.get(name, ()))
            rng.shuffle(batch)
            yield from batch


def paragraphs(sentences: list[str], rng: random.Random) -> str:
    """Group sentences into 2 to 4 paragraphs (fewer if there are fewer sentences)."""
    count = min(rng.randint(2, 4), len(sentences))
    cuts = sorted(rng.sample(range(1, len(sentences)), count - 1)) if count > 1 else []
    bounds = [0, *cuts, len(sentences)]
    return "\n\n".join(" ".join(sentences[a:b]) for a, b in pairwise(bounds))


def _movement_ref(name: str, words: str) -> str:
    """How a sentence names a movement, so that its identifying words appear verbatim."""
    if words in name:
        return f"“{name}”"
    lowered = name[0].lower() + name[1:]
    if words in lowered:
        return lowered
    return f"“{name}” ({words})"


def movements_body(node: Node, rng: random.Random, context: dict[str, str]) -> str:
    pools = sentence_pools()
    intro = pools["movement_intro"][0].fill(rng, context)
    sentences = [
        rng.choice(pools["movements"]).fill(rng, {**context, "pt": _movement_ref(name, words)})
        for name, words in node.mentions
    ]
    if rng.random() < 0.4:
        return intro + "\n\n" + "\n".join(f"- {s}" for s in sentences)
    return paragraphs([intro, *sentences], rng)


def table_block(rng: random.Random, context: dict[str, str]) -> str:
    intro = sentence_pools()["table_intro"][0].fill(rng, context)
    rows = [
        ("Bằng khen của Chủ tịch UBND tỉnh", rng.randint(1, 6), rng.randint(3, 20)),
        ("Giấy khen của thủ trưởng đơn vị", rng.randint(3, 15), rng.randint(10, 60)),
        ("Danh hiệu Tập thể lao động xuất sắc", rng.randint(1, 8), 0),
        ("Danh hiệu Chiến sĩ thi đua cơ sở", 0, rng.randint(5, 30)),
        ("Danh hiệu Lao động tiên tiến", 0, rng.randint(20, 150)),
    ]
    total = ("**Tổng cộng**", sum(r[1] for r in rows), sum(r[2] for r in rows))
    lines = [
        "| Hình thức khen thưởng | Tập thể | Cá nhân |",
        "| --- | ---: | ---: |",
        *(f"| {label} | {groups} | {people} |" for label, groups, people in (*rows, total)),
    ]
    return intro + "\n\n" + "\n".join(lines)


def words(text: str) -> int:
    return len(text.split())


def _next_sentence(
    stream: Iterator[Template], rng: random.Random, context: dict[str, str], room: float
) -> str:
    """The next sentence, or the shorter of the next two when the first overshoots room."""
    first = next(stream).fill(rng, context)
    if words(first) <= room:
        return first
    return min(first, next(stream).fill(rng, context), key=words)


def free_bodies(
    free: list[Node], budget: int, rng: random.Random, context: dict[str, str]
) -> dict[str, str]:
    """Two or more sentences per node, so that all nodes together reach about budget words."""
    share = max(budget, 0) / max(len(free), 1)
    produced = 0
    bodies: dict[str, str] = {}
    for i, node in enumerate(free):
        target = share * (i + 1)
        stream = _sentence_stream(TOPICS.get(node.id, "general"), rng)
        sentences: list[str] = []
        while len(sentences) < 2 or produced < target - HALF_SENTENCE:
            sentence = _next_sentence(stream, rng, context, target - produced)
            sentences.append(sentence)
            produced += words(sentence)
        bodies[node.id] = paragraphs(sentences, rng)
    return bodies
