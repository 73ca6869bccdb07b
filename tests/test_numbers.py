from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.numbers import (
    NUMBER,
    find_numbers,
    iter_quantities,
    parse_number,
    qualifier_of,
    quantity_pattern,
)

QUANTITY = re.compile(quantity_pattern())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,500", 1500),
        ("7.06", 7.06),
        ("300,000", 300_000),
        ("1.5 million", 1.5e6),
        ("1.5bn", 1.5e9),
        ("100M", 1e8),
        ("75 million", 75e6),
        ("one million", 1e6),
        ("1.2 trillion", 1.2e12),
        ("6.5 billion", 6.5e9),
        ("twelve", 12),
        ("twenty-one", 21),
        ("Seventy-five", 75),
        ("one hundred and five", 105),
        ("two hundred and two thousand", 202_000),
        ("a hundred", 100),
        ("two thirds", 2 / 3),
        ("half", 0.5),
        ("three quarters", 0.75),
        ("one and a half", 1.5),
        ("five and a half million", 5.5e6),
        ("half million", 5e5),
        ("two thirds of a million", 2e6 / 3),
        ("10k", 1e4),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    [match] = re.finditer(NUMBER, text)
    assert match.group(0) == text
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["75th", "F-16", "24/7", "29km", "1m", "second", "first"])
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_a_third_only_before_of_or_a_scale() -> None:
    assert [n.value for n in find_numbers("a third of them")] == [pytest.approx(1 / 3)]
    assert find_numbers("a third term") == []


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("more than 300,000", 300_000, None, "more_than"),
        ("about 7", 7, 7, "about"),
        ("Nearly 7", 7, 7, "about"),
        ("between 5 and 7", 5, 7, "between"),
        ("from 5 to 7", 5, 7, "between"),
        ("5 to 7 billion", 5e9, 7e9, "between"),
        ("3-4", 3, 4, "between"),
        ("up to 10", None, 10, "at_most"),
        ("at least 4", 4, None, "at_least"),
        ("fewer than 9", None, 9, "less_than"),
        ("less than half", None, 0.5, "less_than"),
    ],
)
def test_quantities(text: str, low: float | None, high: float | None, qualifier: str) -> None:
    [(_, quantity)] = iter_quantities(QUANTITY, text)
    assert (quantity.start, quantity.end) == (0, len(text))
    assert (quantity.low, quantity.high, quantity.qualifier) == (low, high, qualifier)


def test_and_without_between_is_two_numbers() -> None:
    found = iter_quantities(QUANTITY, "45 and 50 cases")
    assert [(q.low, q.high) for _, q in found] == [(45, 45), (50, 50)]


def test_qualifier_of_unknown_is_exact() -> None:
    assert qualifier_of(None) == "exact"
    assert qualifier_of("More  than") == "more_than"


_ONES = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
    *("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    """English words for 0 <= n < 1e9, British style ("one hundred and five")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10 - 2] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + (" and " + spell(rest) if rest else "")
    for scale, name in ((10**6, "million"), (1000, "thousand")):
        if n >= scale:
            rest = n % scale
            head = spell(n // scale) + " " + name
            if not rest:
                return head
            return head + (" and " if rest < 100 else " ") + spell(rest)
    raise AssertionError(n)


@given(st.integers(min_value=0, max_value=999_999_999))
def test_spelled_out_round_trip(n: int) -> None:
    words = spell(n)
    [match] = re.finditer(NUMBER, words)
    assert match.group(0) == words
    assert parse_number(words) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_round_trip(n: int) -> None:
    for text in (str(n), f"{n:,}"):
        [mention] = find_numbers(f"about {text} things")
        assert mention.value == n
