"""Short human renderings of claim values, shared by findings' messages and the formatters."""

from __future__ import annotations

from checker.models import (
    AmountValue,
    ClaimValue,
    CountValue,
    DateValue,
    Money,
    PercentValue,
    Qualifier,
    QuoteValue,
)

_QUALIFIER_WORDS: dict[Qualifier, str] = {
    "exact": "",
    "about": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "at most ",
    "between": "",
}


def number(value: float) -> str:
    """1234567 -> '1.23 million', 32 -> '32', 0.5 -> '0.5'."""
    magnitude = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            return f"{value / size:.4g} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:.4g}"


def _range(low: float | None, high: float | None, qualifier: Qualifier) -> str:
    if low is not None and high is not None and low != high:
        return f"{number(low)}-{number(high)}"
    figure = low if low is not None else high
    if figure is None:
        return "?"
    return _QUALIFIER_WORDS[qualifier] + number(figure)


def money(m: Money | AmountValue) -> str:
    """Render a sum of money with its currency and qualifier ("EUR 6.5 billion")."""
    qualifier: Qualifier = m.qualifier if isinstance(m, AmountValue) else "exact"
    return f"{m.currency} {_range(m.low, m.high, qualifier)}"


def date_range(value: DateValue) -> str:
    """The shortest faithful rendering: a day, a month, a year or an interval."""
    start, end = value.start, value.end
    if start is None and end is None:
        return value.timex or "?"
    if start is None:
        return f"until {end}"
    if end is None:
        return f"from {start}"
    if value.granularity == "month" and start[:7] == end[:7]:
        return start[:7]
    if value.granularity == "year" and start[:4] == end[:4]:
        return start[:4]
    return start if start == end else f"{start}..{end}"


def describe(value: ClaimValue) -> str:
    """One line that says what a claim states, for messages and value groups."""
    if isinstance(value, DateValue):
        return date_range(value)
    if isinstance(value, AmountValue):
        text = money(value)
        if value.also:
            text += " (" + ", ".join(money(m) for m in value.also) + ")"
        return text
    if isinstance(value, CountValue):
        if value.share is not None:
            share = f"{value.share * 100:.3g}%"
            return f"{_QUALIFIER_WORDS[value.qualifier]}{share} of {value.of or value.unit}"
        return f"{_range(value.low, value.high, value.qualifier)} {value.unit}"
    if isinstance(value, PercentValue):
        unit = " percentage points" if value.points else "%"
        text = _range(value.low, value.high, value.qualifier) + unit
        return f"{text} of {value.of}" if value.of else text
    if isinstance(value, QuoteValue):
        words = value.text if len(value.text) <= 70 else value.text[:67] + "..."
        return f"{value.speaker or 'unattributed'}: \u201c{words}\u201d"
    raise TypeError(type(value).__name__)
