from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.claims.percents import PercentExtractor
from checker.models import PercentValue
from checker.testing import context_for_text
from tests.test_numbers import spell


def percents(text: str) -> list[tuple[str, PercentValue]]:
    found = PercentExtractor().extract(context_for_text(text))
    return [(text[e.start : e.end], e.value) for e in found]  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "of", "qualifier"),
    [
        ("allies spend 2% of GDP on defence", "2%", 2, 2, "GDP", "exact"),
        ("2% of their gross domestic product", "2%", 2, 2, "GDP", "exact"),
        ("99% of all military aid to Ukraine", "99%", 99, 99, "military aid", "exact"),
        ("rose 20 percent", "20 percent", 20, 20, None, "exact"),
        ("twenty per cent", "twenty per cent", 20, 20, None, "exact"),
        ("2 %", "2 %", 2, 2, None, "exact"),
        ("a 5.5% rise", "5.5%", 5.5, 5.5, None, "exact"),
        ("more than 40% of the budget", "more than 40%", 40, None, "budget", "more_than"),
        ("between 2 and 3 percent", "between 2 and 3 percent", 2, 3, None, "between"),
        ("up 2 percentage points", "2 percentage points", 2, 2, None, "exact"),
        ("just need minus five percent", "minus five percent", -5, -5, None, "exact"),
        ("growth of -2.5% this year", "-2.5%", -2.5, -2.5, None, "exact"),
        ("a change of negative 3 per cent", "negative 3 per cent", -3, -3, None, "exact"),
        ("one hundred percents", "one hundred percents", 100, 100, None, "exact"),
        ("percent of 10", "percent of 10", 10, 10, None, "exact"),
        ("Per cent of twenty-two", "Per cent of twenty-two", 22, 22, None, "exact"),
        ("rose by 2½%", "2½%", 2.5, 2.5, None, "exact"),
    ],
)
def test_surface_forms(
    text: str, span: str, low: float | None, high: float | None, of: str | None, qualifier: str
) -> None:
    [(found_span, value)] = percents(text)
    assert found_span == span
    assert (value.low, value.high, value.of, value.qualifier) == (low, high, of, qualifier)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Unemployment rose 2 percentage points to 6.1%.",
            [("2 percentage points", 2, 2, True), ("6.1%", 6.1, 6.1, False)],
        ),
        (
            "Support fell 3 percentage points, to 41 percent.",
            [("3 percentage points", 3, 3, True), ("41 percent", 41, 41, False)],
        ),
        (
            "It rose from 5% to 2 percentage points above target.",
            [("5%", 5, 5, False), ("2 percentage points", 2, 2, True)],
        ),
        ("The gap narrowed 2 to 3 percentage points.", [("2 to 3 percentage points", 2, 3, True)]),
        ("Between 2 and 3 percentage points.", [("Between 2 and 3 percentage points", 2, 3, True)]),
        ("The rate was 5 to 6 percent.", [("5 to 6 percent", 5, 6, False)]),
    ],
)
def test_percentage_points_are_a_change_never_a_range_with_a_level(
    text: str, found: list[tuple[str, float, float, bool]]
) -> None:
    """ "Rose 2 percentage points to 6.1%" was the range 2-6.1%: a change in points and the level it
    reached are two figures, and the change is marked (``points``) so it is keyed apart."""
    assert [(span, v.low, v.high, v.points) for span, v in percents(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The S&P 500 rose 0.5% to 4,500.", [("0.5%", 0.5, 0.5)]),
        ("Passenger numbers rose by 12% to 15.4 million.", [("12%", 12, 12)]),
        ("Rates rose from 5% to 7% this year.", [("from 5% to 7%", 5, 7)]),
        ("Rates rose from 5 to 7% this year.", [("from 5 to 7%", 5, 7)]),
    ],
)
def test_a_percent_sign_on_the_first_figure_only_makes_no_range(
    text: str, found: list[tuple[str, float, float]]
) -> None:
    """ "The S&P 500 rose 0.5% to 4,500" was the range 0.5-4,500%: the change and the level it reached."""
    assert [(span, v.low, v.high) for span, v in percents(text)] == found


def test_share_of_a_group_is_a_count_not_a_percent() -> None:
    assert percents("NATO's chief had the backing of 90% of members.") == []


@pytest.mark.parametrize(
    "text",
    [
        "https://www.test.com/search?q=30%25%2020%",
        "a certain percentage of GDP",
        "the percent of 10 people",
        "Percent of 20 countries",
    ],
)
def test_not_percents(text: str) -> None:
    assert percents(text) == []


@given(
    st.integers(min_value=0, max_value=100),
    st.sampled_from(["%", " %", " percent", " per cent", " percentage points", " pct"]),
    st.booleans(),
)
def test_round_trip(n: int, sign: str, negative: bool) -> None:
    figures = [str(n), spell(n), f"{n}.0"]
    if negative and n:
        figures = [f"-{n}", f"minus {spell(n)}", f"negative {n}"]
        n = -n
    for figure in figures:
        text = f"It fell {figure}{sign} last year."
        [(span, value)] = percents(text)
        assert span == f"{figure}{sign}"
        assert value.low == value.high == n
