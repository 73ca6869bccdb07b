"""Dated reference exchange rates from rules/ (currencies.yml and the rate tables it names)."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict

from checker.rules import RuleBook


class RateTable:
    """The reference rate for a currency pair on the nearest date, direct, inverse or via a cross."""

    def __init__(self, rules: RuleBook) -> None:
        series: dict[tuple[str, str], dict[dt.date, float]] = defaultdict(dict)
        points = [(r.date, r.base, r.quote, r.rate) for r in rules.currencies.rates] + rules.rate_points
        for day, base, quote, rate in points:
            series[(base, quote)][day] = rate
            series[(quote, base)].setdefault(day, 1.0 / rate)
        self._days: dict[tuple[str, str], list[dt.date]] = {}
        self._rates: dict[tuple[str, str], list[float]] = {}
        for pair, by_day in series.items():
            days = sorted(by_day)
            self._days[pair] = days
            self._rates[pair] = [by_day[d] for d in days]
        self._bases = sorted({base for base, _ in series})

    def _direct(self, base: str, quote: str, on: dt.date | None) -> float | None:
        days = self._days.get((base, quote))
        if not days:
            return None
        rates = self._rates[(base, quote)]
        if on is None:
            return rates[-1]
        i = bisect.bisect_left(days, on)
        candidates = [j for j in (i - 1, i) if 0 <= j < len(days)]
        best = min(candidates, key=lambda j: abs((days[j] - on).days))
        return rates[best]

    def rate(self, base: str, quote: str, on: dt.date | None) -> float | None:
        """Units of ``quote`` per one ``base``; None when rules/ has no way to convert."""
        if base == quote:
            return 1.0
        direct = self._direct(base, quote, on)
        if direct is not None:
            return direct
        for pivot in self._bases:
            first, second = self._direct(base, pivot, on), self._direct(pivot, quote, on)
            if first is not None and second is not None:
                return first * second
        return None
