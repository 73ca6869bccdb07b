"""Which quotes are the same quote: matching across the whole corpus by shared words.

What identifies a quote is its words, not its context, so quotes are keyed after every
document is extracted: blocking on word shingles finds candidates in about linear time, and a
containment test (one quote's words inside the other's) joins them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from checker.models import Claim, QuoteClaim

_QUOTE_TOKEN = re.compile(r"[\w’']+")


def quote_tokens(text: str) -> list[str]:
    """Words of a quote with case, quote marks, dashes and punctuation normalized away."""
    return [t.replace("’", "'").lower() for t in _QUOTE_TOKEN.findall(text)]


def assign_quote_keys(claims: Sequence[Claim], min_words: int = 3, shingle: int = 3) -> None:
    """Give quotes that share their words (one inside the other, or overlapping) one key.

    Blocking: each quote is indexed by its word shingles; only quotes sharing a shingle are
    compared, and containment of the shorter in the longer joins them (union-find), so a corpus
    of n quotes costs about n shingle look-ups, not n^2 comparisons.
    """
    quotes = [c for c in claims if isinstance(c, QuoteClaim) and c.value.words >= min_words]
    tokens = {c.id: quote_tokens(c.value.text) for c in quotes}
    parent: dict[str, str] = {c.id: c.id for c in quotes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    buckets: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for claim in quotes:
        words = tokens[claim.id]
        size = min(shingle, len(words))
        for i in range(len(words) - size + 1):
            buckets[tuple(words[i : i + size])].append(claim.id)
    joined: set[tuple[str, str]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > 200:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = (a, b) if a < b else (b, a)
                if pair in joined or find(a) == find(b):
                    continue
                joined.add(pair)
                if _same_words(tokens[a], tokens[b]):
                    parent[find(a)] = find(b)
    groups: dict[str, list[QuoteClaim]] = defaultdict(list)
    for claim in quotes:
        groups[find(claim.id)].append(claim)
    for family in groups.values():
        if len(family) < 2:
            continue
        longest = max(family, key=lambda c: (len(tokens[c.id]), c.id))
        head = " ".join(tokens[longest.id][:8])
        key = f"quote:{head}"
        for claim in family:
            claim.key = key


def _same_words(a: list[str], b: list[str]) -> bool:
    """The shorter quote's words occur, in order and contiguously, in the longer one."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    n = len(short)
    first = short[0]
    return any(long[i] == first and long[i : i + n] == short for i in range(len(long) - n + 1))
