"""Numeric comparators: interval logic with tolerances, shares of a whole, and currencies.

Every figure becomes an interval: "more than 5,000" is (5000, inf), "about 7" is 7 plus or
minus ``about_relative``, "less than half of them" is a share in [0, 0.5).  Claims agree when
the largest gap between any two intervals is within tolerance; that is one pass over the
claims (max of lower bounds against min of upper bounds), never all pairs.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from checker.compare.base import CompareContext, Outcome, Params, cluster_by_time, group_by, iso
from checker.compare.currency import RateTable
from checker.describe import describe
from checker.models import AmountClaim, Claim, CountClaim, PercentClaim, Qualifier


class IntervalParams(Params):
    """Parameters of ``interval``."""

    relative: float = Field(0.0, ge=0)
    """Largest relative difference that is still agreement (0.01 = 1%)."""
    absolute: float = Field(0.0, ge=0)
    """Largest absolute difference that is still agreement, in the claim's own units."""
    about_relative: float = Field(0.1, ge=0)
    """How far "about", "around", "nearly" stretch a figure."""
    share_absolute: float = Field(0.0, ge=0, le=1)
    """Tolerance on shares of a whole ("two thirds" vs 21 of 32)."""
    scope_window_days: int | None = Field(183, ge=0)
    """Figures whose as-of dates lie further apart than this describe different moments."""
    conversion_tolerance: float = Field(0.03, ge=0)
    """Extra relative tolerance when a comparison had to convert between currencies."""


@dataclass(frozen=True)
class Interval:
    """The closed range of true values a stated figure allows."""

    low: float
    high: float
    converted: bool = False


def interval(low: float | None, high: float | None, qualifier: Qualifier, about: float) -> Interval | None:
    """The set of true values a stated figure allows."""
    lo = low if low is not None else -math.inf
    hi = high if high is not None else math.inf
    if low is None and high is None:
        return None
    if qualifier == "exact" and low is not None and high is None:
        hi = low
    if qualifier == "exact" and high is not None and low is None:
        lo = high
    if qualifier == "about":
        figure = low if low is not None else high
        assert figure is not None
        lo, hi = figure * (1 - about), figure * (1 + about)
    elif qualifier in ("more_than", "at_least"):
        figure = low if low is not None else high
        lo, hi = (figure if figure is not None else -math.inf), math.inf
    elif qualifier in ("less_than", "at_most"):
        figure = high if high is not None else low
        lo, hi = (
            (0.0 if figure is not None and figure >= 0 else -math.inf),
            (figure if figure is not None else math.inf),
        )
    return Interval(min(lo, hi), max(lo, hi))


def verdict_for(
    intervals: Sequence[Interval], relative: float, absolute: float, conversion: float = 0.0
) -> tuple[bool, float]:
    """(agree, gap): the widest gap between any two intervals against the tolerance."""
    max_low = max(i.low for i in intervals)
    min_high = min(i.high for i in intervals)
    gap = max_low - min_high
    if gap <= 0:
        return True, 0.0
    magnitude = max(abs(max_low), abs(min_high))
    converted = any(i.converted for i in intervals)
    allowed = (relative + (conversion if converted else 0.0)) * magnitude + absolute
    return gap <= allowed + 1e-9 * magnitude, gap


def _as_of(claim: Claim) -> dt.date | None:
    return iso(claim.as_of)


def _rates(ctx: CompareContext) -> RateTable:
    """The rule book's rate table, built once per comparison run."""
    table = ctx.extra.get("rates")
    if not isinstance(table, RateTable):
        table = ctx.extra["rates"] = RateTable(ctx.rules)
    return table


class IntervalComparator:
    """Tolerance and interval logic for amounts, counts and percentages."""

    per: Literal["group"] = "group"

    def compare(self, claims: Sequence[Claim], params: IntervalParams, ctx: CompareContext) -> list[Outcome]:
        outcomes: list[Outcome] = []
        rates = _rates(ctx)
        for cluster in cluster_by_time(claims, params.scope_window_days, _as_of):
            measured = self._measure(cluster, params, ctx, rates)
            if not measured:
                continue
            agree, _gap = verdict_for(
                [i for _, i in measured], params.relative, params.absolute, params.conversion_tolerance
            )
            kept = [c for c, _ in measured]
            groups = group_by(kept, lambda c: describe(c.value))
            detail = None if agree else "no single figure fits every source, even with the rule's tolerance"
            outcomes.append(Outcome("agreement" if agree else "conflict", groups, detail=detail))
        return outcomes

    def _measure(
        self, claims: Sequence[Claim], params: IntervalParams, ctx: CompareContext, rates: RateTable
    ) -> list[tuple[Claim, Interval]]:
        amounts = [c for c in claims if isinstance(c, AmountClaim)]
        if amounts:
            return self._money(amounts, params, rates)
        counts = [c for c in claims if isinstance(c, CountClaim)]
        if counts:
            return self._counts(counts, params, ctx)
        out: list[tuple[Claim, Interval]] = []
        for claim in claims:
            if isinstance(claim, PercentClaim):
                v = claim.value
                iv = interval(v.low, v.high, v.qualifier, params.about_relative)
                if iv:
                    out.append((claim, iv))
        return out

    def _money(
        self, claims: Sequence[AmountClaim], params: IntervalParams, rates: RateTable
    ) -> list[tuple[Claim, Interval]]:
        tally: dict[str, int] = {}
        for claim in claims:
            for currency in [claim.value.currency, *(m.currency for m in claim.value.also)]:
                tally[currency] = tally.get(currency, 0) + 1
        pivot = max(sorted(tally), key=lambda cur: tally[cur])
        out: list[tuple[Claim, Interval]] = []
        for claim in claims:
            v = claim.value
            stated = [m for m in v.also if m.currency == pivot]
            if v.currency == pivot:
                iv = interval(v.low, v.high, v.qualifier, params.about_relative)
            elif stated:
                iv = interval(stated[0].low, stated[0].high, v.qualifier, params.about_relative)
            else:
                rate = rates.rate(v.currency, pivot, iso(claim.as_of))
                if rate is None:
                    continue
                low = v.low * rate if v.low is not None else None
                high = v.high * rate if v.high is not None else None
                base = interval(low, high, v.qualifier, params.about_relative)
                iv = Interval(base.low, base.high, converted=True) if base else None
            if iv:
                out.append((claim, iv))
        return out

    def _counts(
        self, claims: Sequence[CountClaim], params: IntervalParams, ctx: CompareContext
    ) -> list[tuple[Claim, Interval]]:
        """Counts and shares on one scale: shares of the whole when any claim is a share."""
        use_share = any(c.value.share is not None for c in claims)
        out: list[tuple[Claim, Interval]] = []
        for claim in claims:
            v = claim.value
            if v.share is not None:
                base = interval(v.share, v.share, v.qualifier, params.about_relative)
                if base:
                    tol = params.share_absolute
                    out.append((claim, Interval(max(base.low - tol / 2, 0.0), base.high + tol / 2)))
                continue
            iv = interval(v.low, v.high, v.qualifier, params.about_relative)
            if iv is None:
                continue
            if use_share:
                group = ctx.entities.lookup(v.unit)
                size = ctx.entities.group_size(group, iso(claim.as_of)) if group else None
                if not size:
                    continue
                iv = Interval(iv.low / size, iv.high / size)
            out.append((claim, iv))
        return out


class ConversionParams(Params):
    """Parameters of ``conversion``."""

    relative: float = Field(0.02, ge=0)
    """How far a restated amount may stray from the reference-rate conversion."""


class ConversionConsistent:
    """A sum restated in another currency must match the dated reference rate."""

    per: Literal["claim"] = "claim"

    def check(self, claim: Claim, params: ConversionParams, ctx: CompareContext) -> Outcome | None:
        if not isinstance(claim, AmountClaim) or not claim.value.also:
            return None
        rates = _rates(ctx)
        v = claim.value
        figure = v.low if v.low is not None else v.high
        if figure is None:
            return None
        for other in v.also:
            rate = rates.rate(v.currency, other.currency, iso(claim.as_of))
            restated = other.low if other.low is not None else other.high
            if rate is None or restated is None:
                continue
            expected = figure * rate
            if abs(restated - expected) > params.relative * abs(expected):
                detail = (
                    f"{v.currency} {figure:,.0f} at the reference rate {rate:.4f} is "
                    f"{other.currency} {expected:,.0f}, not {restated:,.0f}"
                )
                return Outcome("conflict", [[claim]], detail=detail)
        return None
