from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.claims.amounts import AmountExtractor
from checker.models import AmountValue
from checker.testing import context_for_text
from tests.test_numbers import spell


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
        ("$135bn-$150bn", "$135bn-$150bn", "USD", 135e9, 150e9, "between"),  # was "$150bn" alone
        ("£1.5m-£2m", "£1.5m-£2m", "GBP", 1.5e6, 2e6, "between"),
        ("up to $10 million", "up to $10 million", "USD", None, 10e6, "at_most"),
        ("five million yen", "five million yen", "JPY", 5e6, 5e6, "exact"),
        # codes glued to figures, codes that scale, a scale after a code
        ("for USD115 only", "USD115", "USD", 115, 115, "exact"),
        ("for 115.5USD only", "115.5USD", "USD", 115.5, 115.5, "exact"),
        ("in excess of 30 MUSD", "in excess of 30 MUSD", "USD", 30e6, None, "more_than"),
        ("revenues of about MAUD 60", "about MAUD 60", "AUD", 60e6, 60e6, "about"),
        ("They lost 75 USD million.", "75 USD million", "USD", 75e6, 75e6, "exact"),
        ("buy it for usd 20 now", "usd 20", "USD", 20, 20, "exact"),
        # whole units and cents
        ("it cost 3 dollars 50 cents.", "3 dollars 50 cents", "USD", 3.5, 3.5, "exact"),
        (
            "thirteen dollars and forty-five cents",
            "thirteen dollars and forty-five cents",
            "USD",
            13.45,
            13.45,
            "exact",
        ),
        ("it costs only 15 dollars 50.", "15 dollars 50", "USD", 15.5, 15.5, "exact"),
        ("It costs c $ 100 and fifty.", "c $ 100 and fifty", "CAD", 100.5, 100.5, "exact"),
        ("10 $ 30 cent", "10 $ 30 cent", "USD", 10.3, 10.3, "exact"),
        ("the cost is $4.25 and 32 is the quantity", "$4.25", "USD", 4.25, 4.25, "exact"),
        (
            "pay three thousand dollars two hundred times",
            "three thousand dollars",
            "USD",
            3000,
            3000,
            "exact",
        ),
        # names: bare francs, subunits, hyphenated, measure words
        ("valued at 528 million francs", "528 million francs", "CHF", 528e6, 528e6, "exact"),
        ("10,000 swiss francs", "10,000 swiss francs", "CHF", 1e4, 1e4, "exact"),
        ("a 12-cent-a-share dividend", "12-cent", "USD", 0.12, 0.12, "exact"),
        ("its one-yen bid", "one-yen", "JPY", 1, 1, "exact"),
        ("That one costs 3 dimes", "3 dimes", "USD", 0.3, 0.3, "exact"),
        ("2 satoshis one day", "2 satoshis", "XBT", 2e-8, 2e-8, "exact"),
        ("I spent 20 million pounds on this!", "20 million pounds", "GBP", 20e6, 20e6, "exact"),
        ("paid 50 pound in fees", "50 pound", "GBP", 50, 50, "exact"),
        # groupings and signs
        ("a lone of 12,34,567.89 rupees", "12,34,567.89 rupees", "INR", 1_234_567.89, 1_234_567.89, "exact"),
        ("278,000 t valued 10 000 dollars.", "10 000 dollars", "USD", 1e4, 1e4, "exact"),
        ("The annual revenue is -15€.", "-15€", "EUR", -15, -15, "exact"),
        ("a loss of $-99.99", "$-99.99", "USD", -99.99, -99.99, "exact"),
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
    "text",
    [
        "a twenty-pound bag",
        "a twenty pound bag of pinto beans",
        "I tried 3 times",
        "F-16 jets",
        "the 2025 budget",
        "Silica gel",
        "All 70 of us.",
        "the G20 summit in 2024",
    ],
)
def test_not_amounts(text: str) -> None:
    assert amounts(text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("$ 20,000.00 $ 37,305.97 expenses", [("$ 20,000.00", 20000), ("$ 37,305.97", 37305.97)]),
        ("10 $ 30 $", [("10 $", 10), ("30 $", 30)]),
        ("rmb 10 usd 20", [("rmb 10", 10), ("usd 20", 20)]),
        ("10 rmb 20 usd", [("10 rmb", 10), ("20 usd", 20)]),
        ("50 dollar 40 rmb", [("50 dollar", 50), ("40 rmb", 40)]),
        ("we are giving away 3 USD50 Cards.", [("USD50", 50)]),
        ("$5 and 20 people", [("$5", 5)]),
    ],
)
def test_neighbouring_sums_stay_apart(text: str, spans: list[tuple[str, float]]) -> None:
    assert [(span, value.low) for span, value in amounts(text)] == spans


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
        f"USD{value:g}bn",
        f"{value:g} billion USD",
        f"{value:g} USD billion",
        f"{millions:,} MUSD",
        f"{value:g} billion US dollars",
        f"US$ {value:g} billion",
    ]
    if whole < 100 and tenth == 0:
        forms.append(f"{spell(whole)} billion dollars")
    for form in forms:
        [(span, found)] = amounts(f"They pledged {form} for it.")
        assert span == form
        assert found.currency == "USD"
        assert found.low == pytest.approx(expected)


_CURRENCY_FORMS = {
    "EUR": ("€", "euros", "EUR"),
    "GBP": ("£", "pounds", "GBP"),
    "JPY": ("¥", "yen", "JPY"),
    "CHF": ("CHF ", "Swiss francs", "CHF"),
}


@settings(max_examples=40)
@given(
    st.sampled_from(sorted(_CURRENCY_FORMS)),
    st.integers(min_value=1, max_value=999_999),
    st.sampled_from(["", " million", " billion"]),
)
def test_round_trip_other_currencies(code: str, figure: int, scale: str) -> None:
    symbol, name, iso = _CURRENCY_FORMS[code]
    expected = figure * {"": 1, " million": 1e6, " billion": 1e9}[scale]
    for form in (f"{symbol}{figure:,}{scale}", f"{figure:,}{scale} {name}", f"{iso} {figure:,}{scale}"):
        [(span, found)] = amounts(f"It cost {form} in all.")
        assert span == form.strip()
        assert found.currency == code
        assert found.low == pytest.approx(expected)


@settings(max_examples=40)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=99))
def test_round_trip_whole_units_and_cents(units: int, cents: int) -> None:
    expected = units + cents / 100
    forms = [
        f"${units}.{cents:02d}",
        f"{units} dollars {cents} cents",
        f"{units} dollars and {cents} cents",
        f"{spell(units)} dollars and {spell(cents)} cents",
        f"{units} dollars {cents}",
    ]
    for form in forms:
        [(span, found)] = amounts(f"It cost {form}.")
        assert span == form
        assert found.currency == "USD"
        assert found.low == pytest.approx(expected)
