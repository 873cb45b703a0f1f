"""Split units across a GitHub Actions job matrix.

A unit's shard is a stable hash of its slug modulo the shard count, so a unit
never moves to another shard when units are added or removed; only a new shard
count moves units. Shards are named ``i/K`` with ``i`` from 1 to ``K``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def shard_of(slug: str, count: int) -> int:
    """The 1-based shard of ``slug`` among ``count`` shards."""
    if count < 1:
        raise ValueError(count)
    digest = hashlib.sha256(slug.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def select(slugs: Iterable[str], index: int, count: int) -> list[str]:
    """The slugs of shard ``index`` of ``count``, sorted."""
    return sorted(slug for slug in slugs if shard_of(slug, count) == index)


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` -> ``(2, 4)``; raises ValueError unless 1 <= i <= K."""
    match = _SHARD.match(text)
    if not match:
        raise ValueError(text)
    index, count = int(match[1]), int(match[2])
    if not 1 <= index <= count:
        raise ValueError(text)
    return index, count


def shard_count(units: int, threshold: int) -> int:
    """How many shards ``units`` need so that none holds more than ``threshold``
    units on average; 1 (no sharding) up to the threshold, or when it is 0."""
    if threshold <= 0 or units <= threshold:
        return 1
    return math.ceil(units / threshold)


def matrix(count: int) -> dict[str, list[str]]:
    """The job matrix for ``count`` shards, for ``fromJSON`` in a workflow."""
    if count < 1:
        raise ValueError(count)
    return {"shard": [f"{i}/{count}" for i in range(1, count + 1)]}
