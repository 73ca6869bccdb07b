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
        # negative figures
        ("-9.25", -9.25),
        ("minus five", -5),
        ("negative one", -1),
        ("minus five point five", -5.5),
        # exponents and scientific notation
        ("1e10", 1e10),
        ("12.32e+14", 12.32e14),
        ("-12e-1", -1.2),
        ("1.1^23", 1.1**23),
        ("2.5^-1", 0.4),
        ("1.3x10^6", 1.3e6),
        ("2.48×10−5", 2.48e-5),
        # fractions in figures
        ("3/4", 0.75),
        ("2  1/4", 2.25),
        ("-4/5", -0.8),
        ("¾", 0.75),
        ("2½", 2.5),
        # digit grouping
        (".08", 0.08),
        ("1 234 567", 1_234_567),
        ("40\u202f000", 40_000),
        ("12,34,567.89", 1_234_567.89),
        ("1.111,11", 1111.11),
        # spoken decimals
        ("two hundred point zero three", 200.03),
        ("two hundred point seventy-one", 200.71),
        ("nought point eleven", 0.11),
        # fractions with any ordinal denominator, mixed numbers
        ("twenty fifths", 4),
        ("twenty-three fifths", 4.6),
        ("twenty twenty fifths", 0.8),
        ("one hundred thirty fifths", 100 / 35),
        ("one hundred thirty-two fifths", 26.4),
        ("one hundred and thirty-two fifths", 26.4),
        ("three twenty-firsts", 3 / 21),
        ("a twenty-first", 1 / 21),
        ("one one hundred fifth", 1 / 105),
        ("one and a fourth", 1.25),
        ("twenty and three fifths", 20.6),
        ("one hundred and three quarters", 100.75),
        ("two hundred and fifty-four hundredths", 200.54),
        ("one hundred and three and two thirds", 103 + 2 / 3),
        ("one million and a half", 1.5e6),
        ("3 million and a half", 3.5e6),
        ("one billion and a half million", 1.0005e9),
        ("one billion and three quarters million", 1.00075e9),
        ("half a dozen", 6),
        ("a millionth", 1e-6),  # denominators of a scale, like "a thousandth"
        ("three billionths", 3e-9),
        ("a hundred thousand trillionths", 1e-7),
        # scales
        ("three lakh crore", 3e12),
        ("6 crore and two hundred", 60_000_200),
        ("3 dozens", 36),
        ("three hundred and two dozens", 324),
        ("4 thousand 3 hundred and 21", 4321),
        ("three million, two hundred & forty", 3_000_240),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    [match] = re.finditer(NUMBER, text)
    assert match.group(0) == text
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["75th", "F-16", "24/7", "1/0", "5/17/2018", "29km", "1m", "second", "first", "the .25ml"]
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("3 hundred and 2 hundred are two", [("3 hundred", 300), ("2 hundred", 200), ("two", 2)]),
        ("4 thousand 3 hundred and 0", [("4 thousand 3 hundred", 4300), ("0", 0)]),
        ("twenty seconds later", [("twenty", 20)]),
        ("In 2023 500 people", [("2023", 2023), ("500", 500)]),
        ("12 500 people", [("12", 12), ("500", 500)]),
        ("the 2013-14 season", [("2013", 2013), ("14", 14)]),
        ("rose 3-4 points", [("3", 3), ("4", 4)]),
        ("$-99.99 and -15", [("-99.99", -99.99), ("-15", -15)]),
        ("He finished a third.", [("a third", pytest.approx(1 / 3))]),
        ("a third term", []),
    ],
)
def test_where_numbers_end(text: str, numbers: list[tuple[str, float]]) -> None:
    assert [(text[n.start : n.end], n.value) for n in find_numbers(text)] == numbers


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


@given(
    st.integers(min_value=0, max_value=999_999_999),
    st.sampled_from([str.lower, str.upper, str.title, str.capitalize]),
)
def test_spelled_out_numbers_read_alike_in_every_case(n: int, case: object) -> None:
    """Headlines write numbers in capitals or title case; the grammar must read them all alike."""
    words = case(spell(n))  # type: ignore[operator]
    [match] = re.finditer(NUMBER, words)
    assert match.group(0) == words
    assert parse_number(words) == n


def _indian(n: int) -> str:
    head, tail = str(n)[:-3], str(n)[-3:]
    groups: list[str] = []
    while head:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([*groups, tail])


@given(st.integers(min_value=0, max_value=10**12), st.booleans())
def test_digits_round_trip(n: int, negative: bool) -> None:
    sign = -1 if negative and n else 1
    forms = {str(n), f"{n:,}", f"{n:,}".replace(",", "\u202f"), f"{n:.3e}" if n >= 1000 else str(n)}
    if n >= 1_000_000:
        forms.add(f"{n:,}".replace(",", " "))
    if n >= 100_000:
        forms.add(_indian(n))
    for text in forms:
        written = ("-" if sign < 0 else "") + text
        [mention] = find_numbers(f"about {written} things")
        assert mention.value == pytest.approx(
            sign * float(text.replace(",", "").replace(" ", "").replace("\u202f", ""))
        )


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=2, max_value=12), st.booleans())
def test_fractions_round_trip(numerator: int, denominator: int, words: bool) -> None:
    ordinals = ["", "", "half", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    ordinals += ["eleventh", "twelfth"]
    if words:
        plural = ordinals[denominator] + ("" if numerator == 1 else "s")
        if denominator == 2:
            plural = "half" if numerator == 1 else "halves"
        text = f"{spell(numerator)} {plural}"
    else:
        if numerator >= denominator:
            return
        text = f"{numerator}/{denominator}"
    [mention] = find_numbers(f"some {text} of it")
    assert mention.value == pytest.approx(numerator / denominator)


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=99))
def test_spoken_decimals_round_trip(whole: int, hundredths: int) -> None:
    decimals = f"{hundredths:02d}"
    words = " ".join(_ONES[int(d)] for d in decimals)
    [mention] = find_numbers(f"it is {spell(whole)} point {words} now")
    assert mention.value == pytest.approx(float(f"{whole}.{decimals}"))
