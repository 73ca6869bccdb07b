"""Build Claim models directly, for comparator tests that should not depend on extraction."""

from __future__ import annotations

from itertools import count
from typing import Any

from checker.models import AmountClaim, CountClaim, DateClaim, PercentClaim, QuoteClaim

_ids = count()


def _common(source: str, key: str | None, as_of: str | None, text: str) -> dict[str, Any]:
    n = next(_ids)
    return {
        "id": f"{source}:c{n}",
        "source": source,
        "text": text,
        "start": 0,
        "end": len(text),
        "line": 1,
        "column": 1,
        "sentence": text,
        "key": key,
        "as_of": as_of,
    }


def amount(
    source: str,
    low: float | None,
    high: float | None = None,
    currency: str = "USD",
    qualifier: str = "exact",
    also: list[dict[str, Any]] | None = None,
    key: str = "amount:k/p",
    as_of: str = "2024-04-04",
) -> AmountClaim:
    value = {
        "currency": currency,
        "low": low,
        "high": low if high is None and qualifier == "exact" else high,
        "qualifier": qualifier,
        "also": also or [],
    }
    return AmountClaim.model_validate({**_common(source, key, as_of, f"{low}"), "value": value})


def count_claim(
    source: str,
    low: float | None = None,
    high: float | None = None,
    unit: str = "NATO Allies",
    qualifier: str = "exact",
    share: float | None = None,
    key: str = "count:k/p",
    as_of: str = "2024-04-04",
) -> CountClaim:
    value = {
        "low": low,
        "high": high if high is not None else low,
        "unit": unit,
        "qualifier": qualifier,
        "share": share,
        "of": unit if share is not None else None,
    }
    return CountClaim.model_validate({**_common(source, key, as_of, f"{low}"), "value": value})


def percent(source: str, value_: float, qualifier: str = "exact", key: str = "percent:k/p") -> PercentClaim:
    value = {"low": value_, "high": value_, "qualifier": qualifier, "of": "GDP"}
    return PercentClaim.model_validate({**_common(source, key, "2024-04-04", f"{value_}%"), "value": value})


def date(
    source: str,
    start: str | None,
    end: str | None = None,
    granularity: str = "day",
    weekday: str | None = None,
    key: str = "date:k/meeting",
    open_end: bool = False,
) -> DateClaim:
    value = {
        "start": start,
        "end": None if open_end else (end if end is not None else start),
        "granularity": granularity,
        "stated_weekday": weekday,
    }
    return DateClaim.model_validate({**_common(source, key, start, f"{start}"), "value": value})


def quote(source: str, text: str, speaker: str | None, key: str = "quote:k") -> QuoteClaim:
    value = {"text": text, "speaker": speaker, "cue": "said", "words": len(text.split())}
    return QuoteClaim.model_validate({**_common(source, key, "2024-04-04", text), "value": value})
