"""Date comparators: do two sources put the same event on overlapping days, and does a stated
weekday match its date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from checker.compare.base import CompareContext, Outcome, Params, cluster_by_time, group_by, iso
from checker.describe import describe
from checker.models import Claim, DateClaim

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class DateOverlapParams(Params):
    """Parameters of ``date-overlap``."""

    same_event_within_days: int = Field(10, ge=0)
    """Dates of one key further apart than this are different events (last year's meeting)."""
    tolerance_days: int = Field(0, ge=0)
    """A gap this small between two stated intervals still counts as agreement."""


def _bounds(claim: DateClaim) -> tuple[dt.date, dt.date]:
    start = iso(claim.value.start) or dt.date.min
    end = iso(claim.value.end) or dt.date.max
    return start, end


def _anchor(claim: Claim) -> dt.date | None:
    if not isinstance(claim, DateClaim):
        return None
    return iso(claim.value.start) or iso(claim.value.end)


class DateOverlap:
    """Dates of one event agree when no stated interval excludes another statement.

    A single day ("on Thursday") states one day of the event, so two different single days are
    compatible with a multi-day event that some source states ("May 7-8"); a day outside every
    stated interval, or two disjoint intervals, is a conflict.  With no interval stated, single
    days must coincide.  Each test is a max/min over the cluster: one pass, no pairs.
    """

    per: Literal["group"] = "group"

    def compare(
        self, claims: Sequence[Claim], params: DateOverlapParams, ctx: CompareContext
    ) -> list[Outcome]:
        outcomes: list[Outcome] = []
        dated = [c for c in claims if isinstance(c, DateClaim)]
        for cluster in cluster_by_time(dated, params.same_event_within_days, _anchor):
            bounds = [_bounds(c) for c in cluster if isinstance(c, DateClaim)]
            if not bounds:
                continue
            # Each bound is read once: a syndicated key holds tens of thousands of claims.
            latest_start = max(start for start, _ in bounds)
            earliest_end = min(end for _, end in bounds)
            spans = [(start, end) for start, end in bounds if start != end]
            if spans:
                span_end = min(end for _, end in spans)
                span_start = max(start for start, _ in spans)
                gap = max((latest_start - span_end).days, (span_start - earliest_end).days, 0)
            else:
                gap = max((latest_start - earliest_end).days, 0)
            verdict: Literal["agreement", "conflict"] = (
                "conflict" if gap > params.tolerance_days else "agreement"
            )
            first = min(start for start, _ in bounds)
            groups = group_by(cluster, lambda c: describe(c.value))
            detail = f"{gap} day(s) apart" if verdict == "conflict" else None
            outcomes.append(Outcome(verdict, groups, detail=detail, scope=first.isoformat()[:7]))
        return outcomes


class WeekdayParams(Params):
    """``weekday`` takes no parameters."""


class WeekdayMatches:
    """A weekday written beside a date must be that date's weekday."""

    per: Literal["claim"] = "claim"

    def check(self, claim: Claim, params: WeekdayParams, ctx: CompareContext) -> Outcome | None:
        if not isinstance(claim, DateClaim) or not claim.value.stated_weekday or not claim.value.start:
            return None
        stated = claim.value.stated_weekday.strip().lower()
        if stated not in _WEEKDAYS:
            return None
        actual = _WEEKDAYS[dt.date.fromisoformat(claim.value.start).weekday()]
        if stated == actual:
            return None
        detail = f"{claim.value.start} is a {actual.capitalize()}, not a {stated.capitalize()}"
        return Outcome("conflict", [[claim]], detail=detail)
