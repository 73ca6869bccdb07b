"""Comparators, one module each, listed in one registry; rules in rules/compare/ name them."""

from __future__ import annotations

from checker.compare.base import ClaimCheck, GroupComparator, Registered
from checker.compare.dates import DateOverlap, DateOverlapParams, WeekdayMatches, WeekdayParams
from checker.compare.numeric import ConversionConsistent, ConversionParams, IntervalComparator, IntervalParams
from checker.compare.quotes import QuoteAttribution, QuoteAttributionParams

COMPARATORS: dict[str, Registered] = {
    entry.name: entry
    for entry in (
        Registered("date-overlap", DateOverlapParams, DateOverlap(), "dates of one event must overlap"),
        Registered("weekday", WeekdayParams, WeekdayMatches(), "a stated weekday must match its date"),
        Registered("interval", IntervalParams, IntervalComparator(), "figures must agree within tolerance"),
        Registered(
            "conversion", ConversionParams, ConversionConsistent(), "restated currency must match the rate"
        ),
        Registered(
            "quote-attribution", QuoteAttributionParams, QuoteAttribution(), "same words, same speaker"
        ),
    )
}

__all__ = ["COMPARATORS", "ClaimCheck", "GroupComparator", "Registered"]
