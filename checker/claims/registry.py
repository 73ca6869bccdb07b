"""The registry of claim kinds: one module each, listed here once.

Adding a kind means one module that implements ``ClaimExtractor``, one line here and its tests;
the engine and the formatters do not change.
"""

from __future__ import annotations

from checker.claims.amounts import AmountExtractor
from checker.claims.base import ClaimExtractor
from checker.claims.counts import CountExtractor
from checker.claims.dates import DateExtractor
from checker.claims.percents import PercentExtractor
from checker.claims.quotes import QuoteExtractor
from checker.models import ClaimKind

EXTRACTORS: dict[ClaimKind, ClaimExtractor] = {
    "date": DateExtractor(),
    "amount": AmountExtractor(),
    "count": CountExtractor(),
    "percent": PercentExtractor(),
    "quote": QuoteExtractor(),
}
