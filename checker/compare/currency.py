"""Dated reference exchange rates from rules/currencies.yml."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from checker.rulespecs import CurrenciesSpec


class RateTable:
    """Look up the reference rate for a currency pair nearest a date (direct or inverse)."""

    def __init__(self, spec: CurrenciesSpec) -> None:
        self._rates: dict[tuple[str, str], list[tuple[dt.date, float]]] = defaultdict(list)
        for rate in spec.rates:
            self._rates[(rate.base, rate.quote)].append((rate.date, rate.rate))
            self._rates[(rate.quote, rate.base)].append((rate.date, 1.0 / rate.rate))
        for series in self._rates.values():
            series.sort()

    def rate(self, base: str, quote: str, on: dt.date | None) -> float | None:
        """Units of ``quote`` per one ``base``; None when rules/ has no rate for the pair."""
        if base == quote:
            return 1.0
        series = self._rates.get((base, quote))
        if not series:
            return None
        if on is None:
            return series[-1][1]
        return min(series, key=lambda item: abs((item[0] - on).days))[1]
