"""Quote comparator: one quote must be credited to one speaker and worded alike.

Keying (``checker.quotematch``) puts quotes that may be one quote on one key; here the rule's
``similarity`` decides which of them are one quote.  For each quote that two sources share:

* different speakers are an attribution conflict;
* one speaker, but a material word differs (a number, a negation, an antonym, a name) is a
  wording conflict, whose detail shows both versions with the differing words marked;
* otherwise the sources agree (punctuation, case and elisions never matter).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from pydantic import Field

from checker.compare.base import CompareContext, Outcome, Params, group_by
from checker.compare.quote_wording import (
    MATERIAL,
    Change,
    Material,
    differences,
    render_change,
    render_side,
    wording_lexicon,
)
from checker.models import Claim, QuoteClaim
from checker.quotematch import MATCH_FLOOR, Alignment, QuoteWords, align, quote_words


class QuoteAttributionParams(Params):
    """Parameters of ``quote-attribution``."""

    min_words: int = Field(3, ge=1)
    """Shorter quotes (scare quotes, titles) are too short to identify a quotation."""
    similarity: float = Field(85.0, ge=MATCH_FLOOR, le=100.0)
    """How alike (0-100, characters of the normalized words) the shorter quote and the part of
    the longer it aligns with must be for the two to be one quote when neither contains the other.
    """
    shared_words: float = Field(0.75, ge=0.0, le=1.0)
    """The share of the shorter quote's words that must match, in order, the part of the longer
    it aligns with (quotes that merely share a phrase are alike in characters, not in words).
    """
    material: list[Material] = Field(default_factory=lambda: list(MATERIAL))
    """Which differences between versions of one quote make them a misquote."""


def _speaker(claim: Claim) -> str:
    return (claim.value.speaker if isinstance(claim, QuoteClaim) else None) or ""


def _words(claim: QuoteClaim) -> QuoteWords:
    return quote_words(claim.value.text)


class QuoteAttribution:
    """Agreement when every source credits one quote to one speaker in the same material words."""

    per: Literal["group"] = "group"

    def compare(
        self, claims: Sequence[Claim], params: QuoteAttributionParams, ctx: CompareContext
    ) -> list[Outcome]:
        quotes = [c for c in claims if isinstance(c, QuoteClaim) and c.value.words >= params.min_words]
        attributed = [c for c in quotes if c.value.speaker]
        if len({c.source for c in attributed}) < 2:
            return []
        clusters = [c for c in _same_quotes(attributed, params) if len({q.source for q in c}) > 1]
        outcomes: list[Outcome] = []
        for cluster in clusters:
            outcome = self._decide(cluster, params, ctx)
            if len(clusters) > 1:
                longest = max(cluster, key=lambda c: (len(_words(c).norms), c.id))
                outcome.scope = " ".join(_words(longest).norms[:6])
            outcomes.append(outcome)
        return outcomes

    def _decide(
        self, cluster: list[QuoteClaim], params: QuoteAttributionParams, ctx: CompareContext
    ) -> Outcome:
        speakers = {c.value.speaker for c in cluster}
        groups: list[list[Claim]] = group_by(cluster, _speaker)
        if len(speakers) > 1:
            credited = (f"{_speaker(g[0])} ({', '.join(sorted({c.source for c in g}))})" for g in groups)
            detail = "credited to " + " and to ".join(credited)
            return Outcome("conflict", groups, detail=detail, labels=[_speaker(g[0]) for g in groups])
        misquote = _wording(cluster, params, ctx)
        if misquote is not None:
            return misquote
        return Outcome("agreement", groups, labels=[_speaker(g[0]) for g in groups])


def _same_quotes(claims: list[QuoteClaim], params: QuoteAttributionParams) -> list[list[QuoteClaim]]:
    """Claims that are one quote at the rule's similarity (union-find over distinct wordings)."""
    variants: dict[tuple[tuple[str, ...], frozenset[int]], list[QuoteClaim]] = {}
    for claim in claims:
        words = _words(claim)
        variants.setdefault((words.norms, words.gaps), []).append(claim)
    keys = list(variants)
    parent = list(range(len(keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    parsed = [_words(variants[k][0]) for k in keys]
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if find(i) != find(j) and _one_quote(parsed[i], parsed[j], params) is not None:
                parent[find(i)] = find(j)
    clusters: dict[int, list[QuoteClaim]] = {}
    for index, key in enumerate(keys):
        clusters.setdefault(find(index), []).extend(variants[key])
    return list(clusters.values())


def _one_quote(a: QuoteWords, b: QuoteWords, params: QuoteAttributionParams) -> Alignment | None:
    return _aligned(a.text, b.text, params.similarity, params.shared_words)


@lru_cache(maxsize=4096)
def _aligned(a: str, b: str, similarity: float, shared: float) -> Alignment | None:
    """Alignments are asked for twice (clustering, then wording): work each out once."""
    return align(quote_words(a), quote_words(b), similarity, shared)


def _wording(
    cluster: list[QuoteClaim], params: QuoteAttributionParams, ctx: CompareContext
) -> Outcome | None:
    """A wording conflict: versions of the quote that differ from the reference materially.

    The reference is the wording most sources give (the first given, on a tie); every other
    wording is compared with it, so n versions cost n comparisons.
    """
    by_wording: dict[tuple[str, ...], list[QuoteClaim]] = {}
    for claim in cluster:
        by_wording.setdefault(_words(claim).norms, []).append(claim)
    if len(by_wording) < 2:
        return None
    sources = Counter({k: len({c.source for c in v}) for k, v in by_wording.items()})
    order = {k: i for i, k in enumerate(by_wording)}
    reference_key = max(by_wording, key=lambda k: (sources[k], -order[k]))
    reference = _words(by_wording[reference_key][0])
    lexicon = wording_lexicon(ctx.rules)
    wanted = set(params.material)
    agreeing: list[Claim] = list(by_wording[reference_key])
    differing: list[tuple[list[QuoteClaim], QuoteWords, list[Change]]] = []
    for key, claims in by_wording.items():
        if key == reference_key:
            continue
        words = _words(claims[0])
        alignment = _one_quote(reference, words, params)
        changes = differences(reference, words, alignment, lexicon) if alignment else []
        material = [c for c in changes if c.material & wanted]
        if material:
            differing.append((claims, words, material))
        else:
            agreeing.extend(claims)
    if not differing:
        return None
    speaker = _speaker(cluster[0])
    groups: list[list[Claim]] = [agreeing]
    labels = [f"{speaker}: “{render_side(reference, [c for _, _, m in differing for c in m], 'a')}”"]
    details: list[str] = []
    for claims, words, material in differing:
        groups.append(list(claims))
        labels.append(f"{speaker}: “{render_side(words, material, 'b')}”")
        kinds = sorted({k for c in material for k in c.material & wanted})
        details.append(f"“{render_change(reference, material)}” ({', '.join(kinds)})")
    detail = "worded differently: " + "; ".join(details)
    return Outcome("conflict", groups, detail=detail, labels=labels)
