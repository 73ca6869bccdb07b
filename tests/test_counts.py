from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.claims.base import Extracted
from checker.claims.counts import CountExtractor, singular
from checker.models import CountValue
from checker.testing import context_for_text
from tests.test_numbers import spell

NATO = "NATO met in Brussels. "


def counts(text: str) -> list[tuple[str, CountValue, Extracted]]:
    found = CountExtractor().extract(context_for_text(text))
    return [(text[e.start : e.end], e.value, e) for e in found]  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit", "qualifier"),
    [
        (NATO + "It expects 18 Allies to spend more.", "18 Allies", 18, 18, "NATO Allies", "exact"),
        (NATO + "Only three Allies met that target.", "three Allies", 3, 3, "NATO Allies", "exact"),
        (NATO + "and 20 NATO Allies have agreed", "20 NATO Allies", 20, 20, "NATO Allies", "exact"),
        (NATO + "NATO has 32 members now.", "32 members", 32, 32, "NATO Allies", "exact"),
        ("The club has 12 members.", "12 members", 12, 12, "member", "exact"),
        (
            "incurred more than 300,000 casualties",
            "more than 300,000 casualties",
            300_000,
            None,
            "casualty",
            "more_than",
        ),
        ("delivering one million drones to Ukraine", "one million drones", 1e6, 1e6, "drone", "exact"),
        ("Twenty-six people die in accident", "Twenty-six people", 26, 26, "person", "exact"),
        ("about 5,000 new soldiers", "about 5,000 new soldiers", 5000, 5000, "soldier", "about"),
        ("between 5 and 7 tanks", "between 5 and 7 tanks", 5, 7, "tank", "between"),
        ("two large contracts", "two large contracts", 2, 2, "contract", "exact"),
        (
            "a population of 1 414 021 100 people",
            "1 414 021 100 people",
            1_414_021_100,
            1_414_021_100,
            "person",
            "exact",
        ),
        ("some 40\u202f000 refugees", "some 40\u202f000 refugees", 40_000, 40_000, "refugee", "about"),
        ("12,34,567 children", "12,34,567 children", 1_234_567, 1_234_567, "child", "exact"),
        (
            "two and a half thousand soldiers",
            "two and a half thousand soldiers",
            2500,
            2500,
            "soldier",
            "exact",
        ),
        ("one million and a half people", "one million and a half people", 1.5e6, 1.5e6, "person", "exact"),
        (
            "4 thousand 3 hundred and 21 drones",
            "4 thousand 3 hundred and 21 drones",
            4321,
            4321,
            "drone",
            "exact",
        ),
        ("three dozen tanks", "three dozen tanks", 36, 36, "tank", "exact"),
        ("1.2e3 missiles", "1.2e3 missiles", 1200, 1200, "missile", "exact"),
    ],
)
def test_surface_forms(
    text: str, span: str, low: float | None, high: float | None, unit: str, qualifier: str
) -> None:
    [(found_span, value, _)] = counts(text)
    assert found_span == span
    assert (value.low, value.high, value.unit, value.qualifier) == (low, high, unit, qualifier)


def test_share_of_a_named_group() -> None:
    [(span, value, extracted)] = counts(NATO + "Today, two thirds of NATO Allies are spending 2%.")
    assert span == "two thirds of NATO Allies"
    assert (value.low, value.high, value.of, value.unit) == (None, None, "NATO Allies", "NATO Allies")
    assert value.share == pytest.approx(2 / 3, abs=1e-5)
    assert extracted.hints["group"] == "nato-allies"


def test_them_resolves_to_the_group_named_before_in_the_sentence() -> None:
    text = "Although many NATO members have increased spending, less than half of them have met the target."
    [(span, value, _)] = counts(text)
    assert span == "less than half of them"
    assert (value.share, value.qualifier, value.of) == (0.5, "less_than", "NATO Allies")


def test_percentage_of_a_group_is_a_share() -> None:
    [(span, value, _)] = counts(NATO + "He had the backing of 90% of members.")
    assert span == "90% of members"
    assert (value.share, value.of) == (0.9, "NATO Allies")


def test_origin_cue_and_stated_year() -> None:
    [(_, _, origin)] = counts("NATO began with 12 members from North America and Europe.")
    assert origin.hints["scope"] == "origin"
    [(_, _, then)] = counts("NATO made the pledge back in 2014, when only three Allies met that target.")
    assert then.hints["year"] == "2014"


@pytest.mark.parametrize(
    "text",
    [
        "for 75 years",
        "a two-day meeting",
        "Sweden's 18-month-long request",
        "the alliance's 75th anniversary",
        "F-16 jets and spare parts",
        "With Steadfast Defender 24, the largest exercise",
        "support 24/7 for them",
        "three decades later",
        "it's the only one that can",
        "one of the members",
        "the 2024 elections",
        "on April 4 talks resumed",
        "spent $800 rebates",
        "2% of GDP",
        "All 70 of us.",
        "I tried to call Bob 3 times already.",
        "twenty seconds later",
        "In 2023 the summit met.",
        "a twenty pound bag",
        # the second figure of two joined ones
        "The 2024-25 season ends on May 25.",
        "Rule 10b5-1 plans are under scrutiny.",
        "Arsenal beat Spurs 3-2 goals to nil.",
    ],
)
def test_not_counts(text: str) -> None:
    assert counts(text) == []


def test_year_like_figure_counts_only_a_listed_noun() -> None:
    assert counts("the 2024 elections") == []
    [(span, _, _)] = counts("They sent 1800 drones.")
    assert span == "1800 drones"


def test_singular() -> None:
    assert [singular(w) for w in ("casualties", "drones", "boxes", "classes")] == [
        "casualty",
        "drone",
        "box",
        "class",
    ]


def test_numbers_that_run_on_split_before_the_noun() -> None:
    found = counts("3 hundred and 2 hundred soldiers")
    assert [(span, value.low, value.unit) for span, value, _ in found] == [
        ("2 hundred soldiers", 200, "soldier")
    ]


def test_fraction_in_figures_is_a_share() -> None:
    [(span, value, _)] = counts(NATO + "Today 3/4 of NATO Allies spend 2%.")
    assert span == "3/4 of NATO Allies"
    assert (value.share, value.of) == (0.75, "NATO Allies")


@given(st.integers(min_value=2, max_value=999_999), st.sampled_from(["", "more than ", "about ", "up to "]))
def test_round_trip(n: int, qualifier: str) -> None:
    forms = {str(n), f"{n:,}", spell(n), f"{n:,}".replace(",", "\u202f")}
    if n >= 1_000_000 or (n % 1000 == 0 and n >= 1000):
        forms.add(f"{n / 1000:g} thousand")
    for figure in sorted(forms):
        text = f"They sent {qualifier}{figure} drones."
        [(span, value, _)] = counts(text)
        assert span == f"{qualifier}{figure} drones"
        assert value.unit == "drone"
        assert n in (value.low, value.high)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Protests left 72 dead, officials said.", [("72 dead", 72, "dead")]),
        (
            "The toll rose to 2,719, with 4,521 injured and 441 missing.",
            [("4,521 injured", 4521, "injured"), ("441 missing", 441, "missing")],
        ),
        (
            "Ten people were killed and 30 wounded.",
            [("Ten people", 10, "person"), ("30 wounded", 30, "injured")],
        ),
        # before a noun the adjective describes what is counted
        ("The crash left 3 dead batteries.", [("3 dead batteries", 3, "battery")]),
        ("Police found 2 missing children.", [("2 missing children", 2, "child")]),
    ],
)
def test_people_counted_by_an_adjective_alone(text: str, found: list[tuple[str, float, str]]) -> None:
    """ "Protests left 72 dead" had no count: units.yml lists "dead", "injured", "missing" as `alone`."""
    assert [(span, value.low, value.unit) for span, value, _ in counts(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Strikes killed at least 21 Palestinians, officials said.",
            [("at least 21 Palestinians", "palestinian")],
        ),
        ("Some 2.6 million Syrians live in Turkey.", [("Some 2.6 million Syrians", "syrian")]),
        ("She visited 2 Paris suburbs.", [("2 Paris suburbs", "suburb")]),
    ],
)
def test_people_named_by_where_they_are_from_are_counted(text: str, found: list[tuple[str, str]]) -> None:
    """ "killed at least 21 Palestinians" had no count: only lowercase plurals were counted."""
    assert [(span, value.unit) for span, value, _ in counts(text)] == found
