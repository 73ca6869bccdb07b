"""Counts, amounts and percentages in news prose: the figures a fact-checker would call claims,
and the look-alikes (names and models, rates, ratios, rankings, idioms) that are none."""

from __future__ import annotations

import pytest

from checker.claims.amounts import AmountExtractor
from checker.claims.counts import CountExtractor
from checker.claims.percents import PercentExtractor
from checker.testing import context_for_text


def counts(text: str) -> list[tuple[str, float | None, str]]:
    found = CountExtractor().extract(context_for_text(text))
    return [(text[e.start : e.end], e.value.low, e.value.unit) for e in found]  # type: ignore[union-attr]


def amounts(text: str) -> list[tuple[str, str, float | None]]:
    found = AmountExtractor().extract(context_for_text(text))
    return [(text[e.start : e.end], e.value.currency, e.value.low) for e in found]  # type: ignore[union-attr]


def percents(text: str) -> list[tuple[str, float | None]]:
    found = PercentExtractor().extract(context_for_text(text))
    return [(text[e.start : e.end], e.value.low) for e in found]  # type: ignore[union-attr]


# --- counts: a figure in a name, a rate, a ratio or a ranking is no count -----------------------


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The airline grounded 50 Boeing 737 Max aircraft after the incident.", "737"),
        ("Apple sold 20 million iPhone 15 units in the first quarter.", "15"),
        ("Route 66 attracts thousands of tourists every year.", "66"),
        ("Ukraine received 14 Leopard 2 tanks.", "2"),
        ("Flight BA 117 departs at 10.40.", "117"),
        ("The UK's Section 21 evictions will be banned.", "21"),
        ("The Formula 1 season opens in Bahrain.", "1"),
        ("Unit 731 conducted experiments.", "731"),
        ("The Fortune 500 companies employ staff.", "500"),
        ("Leaders of the G7 met, while the Group of 20 gathers in New Delhi.", "20"),
        ("Infant mortality stands at 3 per 1,000 live births.", "1,000"),
        ("One in five children lives in poverty.", "five"),
        ("About one in three adults are obese.", "three"),
        ("The company cut 1 in 10 jobs.", "10"),
        ("Nine in 10 people support it.", "10"),
        ("Eight out of 10 voters oppose the plan.", "10"),
        ("The top 10 banks hold most deposits.", "10"),
        ("One-third of the budget goes to defence.", "One-third"),
        # the quick look at the word before a figure reads it as the full search does
        ("Infant deaths—per 1,000 births—fell.", "1,000"),
        ("Among the *top 10 banks, three failed.", "10"),
    ],
)
def test_not_counts(text: str, figure: str) -> None:
    assert [c for c in counts(text) if c[0].startswith(figure)] == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Another 500 people were arrested.", "500 people", 500, "person"),
        ("Only 3 of the 10 candidates qualified.", "10 candidates", 10, "candidate"),
        ("18 out of 32 Allies met the target.", "32 Allies", 32, "ally"),
        ("Five of the 32 allies opposed the plan.", "32 allies", 32, "ally"),
        ("Sales of 50,000 units were reported.", "50,000 units", 50_000, "unit"),
        ("Police said Monday 12 people were arrested.", "12 people", 12, "person"),
        ("Germany sent 18 Leopard tanks.", "18 Leopard tanks", 18, "tank"),
        ("NATO's 32 Allies met in Vilnius.", "32 Allies", 32, "NATO Allies"),
        ("In 2019, 40 people died in the fire.", "40 people", 40, "person"),
        ("Ukraine received 31 Abrams tanks.", "31 Abrams tanks", 31, "tank"),
        ("Police arrested 3 people in 2 raids.", "2 raids", 2, "raid"),
        ("Russia fired 75 missiles and 120 drones.", "120 drones", 120, "drone"),
        ("The Rolling Stones played 2 shows.", "2 shows", 2, "show"),
        ("Russia Fires 40 Missiles at Kyiv", "40 Missiles", 40, "missile"),
        ("Ukraine Receives 14 Leopard Tanks From Germany", "14 Leopard Tanks", 14, "tank"),
    ],
)
def test_counts_kept(text: str, span: str, value: float, unit: str) -> None:
    assert (span, value, unit) in counts(text)


# --- percentages: a year before someone else's percent sign, and "100 percent sure" ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unemployment hit 10% in 2009 and 14.7% in April 2020.", [("10%", 10), ("14.7%", 14.7)]),
        ("Unemployment rose in 2020 and 2021 to 8%.", [("8%", 8)]),
        ("Prices rose 3% in 2023 and 4% in 2024.", [("3%", 3), ("4%", 4)]),
        ("I am 100 percent sure we will win, the coach said.", []),
        ("We are 110% behind the manager.", []),
        ("The minister said the cost would be one hundred percent covered.", [("one hundred percent", 100)]),
        ("The 100% tariff on Chinese EVs takes effect.", [("100%", 100)]),
        ("The tax rate will fall from 25 to 21 percent.", [("25", 25), ("21 percent", 21)]),
        ("Growth is forecast at 5% to 7% next year.", [("5% to 7%", 5)]),
        ("The proposal won 99.9 percent of the vote.", [("99.9 percent", 99.9)]),
    ],
)
def test_percents_in_news(text: str, expected: list[tuple[str, float]]) -> None:
    assert percents(text) == expected


# --- amounts: codes and symbols that are names, weights in pounds, hyphenated scales -------------


@pytest.mark.parametrize(
    "text",
    [
        "The ESP32 chip costs less than a euro.",
        "The website runs on PHP 8.2 and MySQL.",
        "The file failed its CRC32 check.",
        "The RS 5 coupe was unveiled at the show.",
        "He shed 20 pounds before the fight.",
        "The boxer weighs 200 pounds.",
        "The jets dropped 2,000-pound bombs on the tunnels.",
    ],
)
def test_not_amounts_in_news(text: str) -> None:
    assert amounts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A $5 bill was found.", [("$5", "USD", 5)]),
        ("Visitors must pay a $5 fee to enter.", [("$5", "USD", 5)]),
        ("Canberra pledged A$100 million.", [("A$100 million", "AUD", 1e8)]),
        ("The state approved a $1.5-billion bond.", [("$1.5-billion", "USD", 1.5e9)]),
        ("Tickets sell for Rs 5,000 each.", [("Rs 5,000", "INR", 5000)]),
        ("Manila set aside PHP 1,500 for each family.", [("PHP 1,500", "PHP", 1500)]),
        ("Ottawa pledged CAD 5 million.", [("CAD 5 million", "CAD", 5e6)]),
        ("He was fined 500 pounds yesterday.", [("500 pounds", "GBP", 500)]),
        ("Investors lost 20 million pounds in the scheme.", [("20 million pounds", "GBP", 2e7)]),
        ("Savers lost 5,000 pounds in the scam.", [("5,000 pounds", "GBP", 5000)]),
        ("The farmer sold a 500-pound pumpkin for £300.", [("£300", "GBP", 300)]),
        ("Workers earn $5-a-day in the mines.", [("$5", "USD", 5)]),
        ("AI is the $1 trillion question for investors.", [("$1 trillion", "USD", 1e12)]),
    ],
)
def test_amounts_in_news(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert amounts(text) == expected
