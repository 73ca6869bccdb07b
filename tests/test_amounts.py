from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.claims.amounts import AmountExtractor
from checker.models import AmountValue
from checker.testing import context_for_text


def amounts(text: str) -> list[tuple[str, AmountValue]]:
    found = AmountExtractor().extract(context_for_text(text))
    return [(text[e.start : e.end], e.value) for e in found]  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "span", "currency", "low", "high", "qualifier"),
    [
        ("The U.S. has provided $77 billion in aid.", "$77 billion", "USD", 77e9, 77e9, "exact"),
        (
            "added more than 600 billion dollars",
            "more than 600 billion dollars",
            "USD",
            600e9,
            None,
            "more_than",
        ),
        ("provided more than $110 billion", "more than $110 billion", "USD", 110e9, None, "more_than"),
        ("contracts worth $10 billion US dollars.", "$10 billion US dollars", "USD", 10e9, 10e9, "exact"),
        ("a US$1,500 million loan", "US$1,500 million", "USD", 1.5e9, 1.5e9, "exact"),
        ("it cost £3bn", "£3bn", "GBP", 3e9, 3e9, "exact"),
        ("it cost £3m", "£3m", "GBP", 3e6, 3e6, "exact"),
        ("only ¥500", "¥500", "JPY", 500, 500, "exact"),
        ("rose 20 cents", "20 cents", "USD", 0.2, 0.2, "exact"),
        ("1.5 billion euros", "1.5 billion euros", "EUR", 1.5e9, 1.5e9, "exact"),
        ("EUR 5 million", "EUR 5 million", "EUR", 5e6, 5e6, "exact"),
        ("C$5 million", "C$5 million", "CAD", 5e6, 5e6, "exact"),
        ("5 million Canadian dollars", "5 million Canadian dollars", "CAD", 5e6, 5e6, "exact"),
        ("c $ 16.4 million", "c $ 16.4 million", "CAD", 16.4e6, 16.4e6, "exact"),
        ("hk $ 10.05 billion", "hk $ 10.05 billion", "HKD", 10.05e9, 10.05e9, "exact"),
        ("between $5 and $7 billion", "between $5 and $7 billion", "USD", 5e9, 7e9, "between"),
        ("$5-7 billion", "$5-7 billion", "USD", 5e9, 7e9, "between"),
        ("up to $10 million", "up to $10 million", "USD", None, 10e6, "at_most"),
        ("five million yen", "five million yen", "JPY", 5e6, 5e6, "exact"),
    ],
)
def test_surface_forms(
    text: str, span: str, currency: str, low: float | None, high: float | None, qualifier: str
) -> None:
    [(found_span, value)] = amounts(text)
    assert found_span == span
    assert (value.currency, value.qualifier) == (currency, qualifier)
    assert value.low == (pytest.approx(low) if low is not None else None)
    assert value.high == (pytest.approx(high) if high is not None else None)


def test_restatement_in_parentheses_is_one_claim() -> None:
    [(span, value)] = amounts("will need an additional €6.5 billion ($7.06 billion) in 2025.")
    assert span == "€6.5 billion ($7.06 billion)"
    assert (value.currency, value.low) == ("EUR", 6.5e9)
    assert [(m.currency, m.low, m.high) for m in value.also] == [("USD", 7.06e9, 7.06e9)]


def test_restatement_after_or_is_one_claim() -> None:
    [(span, value)] = amounts("€100 billion, or $108 billion, over five years")
    assert span == "€100 billion, or $108 billion"
    assert value.also[0].currency == "USD"


def test_same_currency_in_parentheses_stays_two_claims() -> None:
    assert len(amounts("$5 billion ($4 billion net)")) == 2


@pytest.mark.parametrize(
    "text", ["a twenty-pound bag", "I tried 3 times", "F-16 jets", "the 2025 budget", "Silica gel"]
)
def test_not_amounts(text: str) -> None:
    assert amounts(text) == []


def test_lone_letter_symbols_are_case_sensitive() -> None:
    [(span, value)] = amounts("a $5 bill")
    assert (span, value.currency) == ("$5", "USD")


def _scaled(figure: float, scale: str) -> str:
    return f"{figure:g}{scale}"


@settings(max_examples=60)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9))
def test_round_trip_every_surface_form(whole: int, tenth: int) -> None:
    value = whole + tenth / 10
    expected = value * 1e9
    millions = round(value * 1000)
    forms = [
        f"${value:g}bn",
        f"${value:g} billion",
        f"{value:g} billion dollars",
        f"US${millions:,} million",
        f"{round(expected):,} dollars",
        f"USD {value:g} billion",
    ]
    for form in forms:
        [(span, found)] = amounts(f"They pledged {form} for it.")
        assert span == form
        assert found.currency == "USD"
        assert found.low == pytest.approx(expected)
