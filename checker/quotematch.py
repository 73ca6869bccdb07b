"""Which quotes are the same quote: matching across the whole corpus by shared words.

What identifies a quote is its words, not its context, so quotes are keyed after every
document is extracted.  Two quotes are the same quote when, after normalizing case, quote
marks, dashes and punctuation, one's words occur in the other (an ellipsis standing for any
words), or when the shorter aligns with part of the longer with high similarity, so a quote with
one word changed still meets its original.

Blocking keeps this about linear: each quote is indexed by its word shingles (three words in a
row, and two words with one between them, so one changed word always leaves a shingle intact),
and only quotes that share a shingle are compared.  Keying joins quotes at ``MATCH_FLOOR``; the
quote rule's own, stricter ``similarity`` then decides within a key which quotes are one quote.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from checker.models import Claim, QuoteClaim

MATCH_FLOOR = 75.0
"""The lowest similarity (0-100) at which keying joins two quotes; a rule may only ask for more."""

_BUCKET_CAP = 200
"""A shingle shared by more quotes than this is too common to tell quotes apart."""

_TOKEN = re.compile(r"(?P<gap>…|\.\s?\.\s?\.)|(?P<open>\[)|(?P<close>\])|(?P<word>\d+(?:[.,]\d+)*|[\w’']+)")
_SENTENCE_END = frozenset('.!?…:;“"‘')


@dataclass(frozen=True, slots=True)
class QuoteWord:
    """One word of a quote: its normalized form, as written, and what its capital means."""

    norm: str
    surface: str
    initial: bool
    """It starts the quote or a sentence, so a capital letter says nothing about it."""
    editorial: bool
    """Inside [square brackets]: the writer's words, not the speaker's."""


class QuoteWords:
    """A quote as normalized words; ``gaps`` are positions where an ellipsis elides words.

    Matching needs only ``norms``; the words as written (``words``) are built on first use, by
    the few comparisons that show or weigh a difference.
    """

    __slots__ = ("_editorial", "_spans", "_words", "gaps", "joined", "norms", "text")

    def __init__(
        self,
        text: str,
        norms: tuple[str, ...],
        spans: tuple[tuple[int, int], ...],
        editorial: frozenset[int],
        gaps: frozenset[int],
    ) -> None:
        self.text = text
        self.norms = norms
        self.joined = " ".join(norms)
        self.gaps = gaps
        """``i`` in gaps: words are elided before ``norms[i]`` (``len(norms)``: at the end)."""
        self._spans = spans
        self._editorial = editorial
        self._words: tuple[QuoteWord, ...] | None = None

    @property
    def words(self) -> tuple[QuoteWord, ...]:
        if self._words is None:
            built: list[QuoteWord] = []
            previous_end = 0
            for index, (norm, (start, end)) in enumerate(zip(self.norms, self._spans, strict=True)):
                between = self.text[previous_end:start].rstrip()
                previous_end = end
                initial = index == 0 or (bool(between) and between[-1] in _SENTENCE_END)
                built.append(QuoteWord(norm, self.text[start:end], initial, index in self._editorial))
            self._words = tuple(built)
        return self._words

    def segments(self) -> list[tuple[str, ...]]:
        """Runs of words between ellipses."""
        cuts = sorted({0, *self.gaps, len(self.norms)})
        return [self.norms[a:b] for a, b in itertools.pairwise(cuts) if b > a]


@lru_cache(maxsize=65536)
def quote_words(text: str) -> QuoteWords:
    """The words of a quote with case, quote marks, dashes and punctuation normalized away."""
    norms: list[str] = []
    spans: list[tuple[int, int]] = []
    editorial: set[int] = set()
    gaps: set[int] = set()
    bracketed = False
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            start, end = match.span()
            while start < end and text[start] in "’'":
                start += 1
            while end > start and text[end - 1] in "’'":
                end -= 1
            if end > start:
                if bracketed:
                    editorial.add(len(norms))
                norms.append(text[start:end].replace("’", "'").lower())
                spans.append((start, end))
        elif kind == "gap":
            gaps.add(len(norms))
        else:
            bracketed = kind == "open"
    return QuoteWords(text, tuple(norms), tuple(spans), frozenset(editorial), frozenset(gaps))


def quote_tokens(text: str) -> list[str]:
    """Words of a quote with case, quote marks, dashes and punctuation normalized away."""
    return list(quote_words(text).norms)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Where the shorter of two quotes sits in the longer, and how alike they are there."""

    score: float
    """Similarity 0-100 of the shorter quote and the window of the longer it aligns with."""
    a_is_short: bool
    lo: int
    hi: int
    """The window ``words[lo:hi]`` of the longer quote that the shorter one aligns with."""
    exact: bool
    """One's words occur in the other (ellipses standing for any words): nothing differs."""


def align(
    a: QuoteWords, b: QuoteWords, similarity: float = MATCH_FLOOR, shared: float = 0.0
) -> Alignment | None:
    """How ``a`` and ``b`` are the same quote, or None when they are not.

    Not contained in one another, they must be alike to ``similarity`` (0-100, characters of the
    normalized words), and the word alignment must match at least ``shared`` (a fraction) of the
    shorter quote's words: "we must and we will keep helping the growers" is much like "… and
    will keep helping the growers' union", but several of its words are not there.
    """
    if not a.norms or not b.norms:
        return None
    a_short = len(a.joined) <= len(b.joined)
    short, long = (a, b) if a_short else (b, a)
    for inner, outer, flipped in ((short, long, False), (long, short, True)):
        window = _contained(inner, outer)
        if window is not None:
            return Alignment(100.0, a_short != flipped, window[0], window[1], exact=True)
    text_short, text_long = short.joined, long.joined
    if fuzz.partial_ratio(text_short, text_long, score_cutoff=similarity) == 0:
        return None
    lo, hi, score = _window(text_short, long)
    if score < similarity:
        return None
    if shared > 0:
        ops = word_alignment(short, long, lo, hi)
        matched = sum(s_hi - s_lo for tag, s_lo, s_hi, _, _ in ops if tag == "equal")
        if matched < shared * len(short.norms):
            return None
    return Alignment(score, a_short, lo, hi, exact=False)


_SLACK = 8
"""Words either side of the character alignment that the word alignment may still use."""


@lru_cache(maxsize=4096)
def word_alignment(short: QuoteWords, long: QuoteWords, lo: int, hi: int) -> tuple[WordOp, ...]:
    """``align_words`` near the character window ``long[lo:hi]``, in ``long``'s word offsets.

    The character window says where the shorter quote sits; aligning words there places it
    exactly (a dropped "not" or a changed first word moves the best character window a word).
    """
    offset = max(lo - _SLACK, 0)
    region = long.norms[offset : hi + _SLACK]
    return tuple(
        (tag, s_lo, s_hi, offset + r_lo, offset + r_hi)
        for tag, s_lo, s_hi, r_lo, r_hi in align_words(short.norms, region)
    )


def _contained(inner: QuoteWords, outer: QuoteWords) -> tuple[int, int] | None:
    """The window of ``outer`` holding every segment of ``inner`` in order, contiguously each."""
    segments = inner.segments()
    if not segments:
        return None
    norms = outer.norms
    at = 0
    first: int | None = None
    for segment in segments:
        found = _find(norms, segment, at)
        if found < 0:
            return None
        first = found if first is None else first
        at = found + len(segment)
    return (first or 0), at


def _find(haystack: tuple[str, ...], needle: tuple[str, ...], start: int) -> int:
    n = len(needle)
    head = needle[0]
    for i in range(start, len(haystack) - n + 1):
        if haystack[i] == head and haystack[i : i + n] == needle:
            return i
    return -1


def _window(text_short: str, long: QuoteWords) -> tuple[int, int, float]:
    """The run of the longer quote's words most like the shorter quote: the best character
    alignment, widened to whole words and by a word or two either way where that fits better
    (an inserted "not" makes the matching run a word longer than the shorter quote).
    """
    text_long = long.joined
    hit = fuzz.partial_ratio_alignment(text_short, text_long)
    if hit is None:
        return 0, len(long.norms), 0.0
    starts: list[int] = []
    offset = 0
    for norm in long.norms:
        starts.append(offset)
        offset += len(norm) + 1
    first = max(i for i, s in enumerate(starts) if s <= hit.dest_start)
    last = max(i for i, s in enumerate(starts) if s < max(hit.dest_end, hit.dest_start + 1)) + 1
    norms = long.norms
    best = (first, last, -1.0)
    for lo in range(max(first - 2, 0), min(first + 2, last)):
        for hi in range(max(last - 1, lo + 1), min(last + 2, len(norms)) + 1):
            score = fuzz.ratio(text_short, " ".join(norms[lo:hi]))
            if score > best[2]:
                best = (lo, hi, score)
    return best


_MATCH, _MISMATCH, _GAP = 2.0, -1.0, -1.5
"""Scores of word alignment: a changed word costs less than a dropped one plus an added one."""

WordOp = tuple[str, int, int, int, int]
"""(tag, short_lo, short_hi, long_lo, long_hi); tag is equal, replace, insert or delete."""


def align_words(short: tuple[str, ...], long: tuple[str, ...]) -> list[WordOp]:
    """Align every word of ``short`` against a run of ``long`` (words outside the run are free).

    Semi-global alignment: a quote may be a part of the other, so the longer one's words before
    and after the matching run cost nothing, while words added or dropped inside it do.  Runs of
    one tag are merged.  Cost is ``len(short) * len(long)``; it is only run on pairs already
    known to be one quote.
    """
    m, n = len(short), len(long)
    score = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        score[i][0] = score[i - 1][0] + _GAP
        row, above = score[i], score[i - 1]
        word = short[i - 1]
        for j in range(1, n + 1):
            best = above[j - 1] + (_MATCH if word == long[j - 1] else _MISMATCH)
            up = above[j] + _GAP
            if up > best:
                best = up
            left = row[j - 1] + _GAP
            if left > best:
                best = left
            row[j] = best
    last = score[m]
    j = max(range(n + 1), key=lambda k: (last[k], -k))
    steps: list[tuple[str, int, int]] = []
    i = m
    while i > 0:
        here = score[i][j]
        if j > 0:
            same = short[i - 1] == long[j - 1]
            if here == score[i - 1][j - 1] + (_MATCH if same else _MISMATCH):
                steps.append(("equal" if same else "replace", i - 1, j - 1))
                i, j = i - 1, j - 1
                continue
            if here == score[i][j - 1] + _GAP:
                steps.append(("insert", i, j - 1))
                j -= 1
                continue
        steps.append(("delete", i - 1, j))
        i -= 1
    ops: list[WordOp] = []
    for tag, si, lj in reversed(steps):
        s_hi = si + (tag != "insert")
        l_hi = lj + (tag != "delete")
        if ops and ops[-1][0] == tag and ops[-1][2] == si and ops[-1][4] == lj:
            ops[-1] = (tag, ops[-1][1], s_hi, ops[-1][3], l_hi)
        else:
            ops.append((tag, si, s_hi, lj, l_hi))
    return ops


def _shingles(norms: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Three words in a row and two words one apart: one changed word leaves one of them."""
    if len(norms) < 3:
        return {norms} if norms else set()
    keys: set[tuple[str, ...]] = set()
    for i in range(len(norms) - 2):
        keys.add(norms[i : i + 3])
        keys.add((norms[i], "", norms[i + 2]))
    return keys


def assign_quote_keys(claims: Sequence[Claim], min_words: int = 3) -> None:
    """Give quotes that are the same quote (see ``align``) one key.

    Quotes with identical words are one variant, compared once however many sources repeat it.
    Blocking: each variant is indexed by its word shingles; only variants sharing a shingle are
    compared, and those that align are joined (union-find), so a corpus of n quotes costs about
    n shingle look-ups, not n^2 comparisons.
    """
    quotes = [c for c in claims if isinstance(c, QuoteClaim) and c.value.words >= min_words]
    variant_of: dict[tuple[tuple[str, ...], frozenset[int]], int] = {}
    variants: list[QuoteWords] = []
    members: list[list[QuoteClaim]] = []
    for claim in quotes:
        words = quote_words(claim.value.text)
        index = variant_of.setdefault((words.norms, words.gaps), len(variants))
        if index == len(variants):
            variants.append(words)
            members.append([])
        members[index].append(claim)
    parent = list(range(len(variants)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, words in enumerate(variants):
        for shingle in _shingles(words.norms):
            buckets[shingle].append(index)
    tried: set[tuple[int, int]] = set()
    for bucket in buckets.values():
        if len(bucket) < 2 or len(bucket) > _BUCKET_CAP:
            continue
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                if (a, b) in tried or find(a) == find(b):
                    continue
                tried.add((a, b))
                if align(variants[a], variants[b]) is not None:
                    parent[find(a)] = find(b)
    families: dict[int, list[QuoteClaim]] = defaultdict(list)
    for index, claims_of_variant in enumerate(members):
        families[find(index)].extend(claims_of_variant)
    for family in families.values():
        if len(family) < 2:
            continue
        longest = max(family, key=lambda c: (len(quote_words(c.value.text).norms), c.id))
        head = " ".join(quote_words(longest.value.text).norms[:8])
        key = f"quote:{head}"
        for claim in family:
            claim.key = key
