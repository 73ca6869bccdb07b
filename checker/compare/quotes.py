"""Quote comparators: the same words must be credited to the same speaker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from checker.compare.base import CompareContext, Outcome, Params, group_by
from checker.models import Claim, QuoteClaim


class QuoteAttributionParams(Params):
    """Parameters of ``quote-attribution``."""

    min_words: int = Field(3, ge=1)
    """Shorter quotes (scare quotes, titles) are too short to identify a quotation."""


def _speaker(claim: Claim) -> str:
    return (claim.value.speaker if isinstance(claim, QuoteClaim) else None) or ""


class QuoteAttribution:
    """Agreement when every source credits the shared words to one speaker."""

    per: Literal["group"] = "group"

    def compare(
        self, claims: Sequence[Claim], params: QuoteAttributionParams, ctx: CompareContext
    ) -> list[Outcome]:
        quotes = [c for c in claims if isinstance(c, QuoteClaim) and c.value.words >= params.min_words]
        attributed = [c for c in quotes if c.value.speaker]
        if len({c.source for c in attributed}) < 2:
            return []
        speakers = {c.value.speaker for c in attributed}
        groups = group_by(attributed, _speaker)
        if len(speakers) > 1:
            detail = "credited to " + " and to ".join(sorted(s for s in speakers if s))
            return [Outcome("conflict", groups, detail=detail, labels=[_speaker(g[0]) for g in groups])]
        return [Outcome("agreement", groups, labels=[_speaker(g[0]) for g in groups])]
