"""The interval comparator: tolerances, qualifiers, shares and currencies."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from checker.compare.base import CompareContext
from checker.compare.numeric import (
    ConversionConsistent,
    ConversionParams,
    IntervalComparator,
    IntervalParams,
    interval,
)
from checker.entities import EntityIndex
from checker.testing import default_rules
from tests import claimfactory as cf

CTX = CompareContext(rules=default_rules(), entities=EntityIndex(default_rules().entities))
COMPARE = IntervalComparator()


def verdict(claims, **params) -> str:  # type: ignore[no-untyped-def]
    outcomes = COMPARE.compare(claims, IntervalParams(**params), CTX)
    assert len(outcomes) == 1
    return outcomes[0].verdict


def test_qualifiers_become_intervals() -> None:
    assert interval(300000, None, "more_than", 0.1) == interval(300000, None, "at_least", 0.1)
    iv = interval(300000, None, "more_than", 0.1)
    assert iv is not None and iv.low == 300000 and math.isinf(iv.high)
    iv = interval(None, 0.5, "less_than", 0.1)
    assert iv is not None and iv.low == 0 and iv.high == 0.5
    iv = interval(7, 7, "about", 0.1)
    assert iv is not None and math.isclose(iv.low, 6.3) and math.isclose(iv.high, 7.7)


def test_more_than_agrees_with_a_larger_figure() -> None:
    claims = [
        cf.count_claim("a", 300000, None, unit="casualty", qualifier="more_than"),
        cf.count_claim("b", 310000, unit="casualty"),
    ]
    assert verdict(claims) == "agreement"


def test_more_than_conflicts_with_a_smaller_figure() -> None:
    claims = [
        cf.count_claim("a", 300000, None, unit="casualty", qualifier="more_than"),
        cf.count_claim("b", 250000, unit="casualty"),
    ]
    assert verdict(claims) == "conflict"


def test_shares_compare_with_counts_through_the_group_size() -> None:
    two_thirds = cf.count_claim("a", share=2 / 3)
    less_than_half = cf.count_claim("b", share=0.5, qualifier="less_than")
    eighteen = cf.count_claim("c", 18)
    twenty_one = cf.count_claim("d", 21)
    assert verdict([two_thirds, less_than_half], share_absolute=0.04) == "conflict"
    assert verdict([two_thirds, eighteen], share_absolute=0.04) == "conflict"
    assert verdict([two_thirds, twenty_one], share_absolute=0.04) == "agreement"


def test_a_many_source_conflict_is_one_outcome_grouped_by_value() -> None:
    claims = [cf.amount(s, v) for s, v in [("a", 77e9), ("b", 77e9), ("c", 90e9), ("d", 77e9)]]
    outcomes = COMPARE.compare(claims, IntervalParams(relative=0.02), CTX)
    assert len(outcomes) == 1 and outcomes[0].verdict == "conflict"
    assert sorted(len(g) for g in outcomes[0].groups) == [1, 3]


def test_far_apart_as_of_dates_are_different_scopes() -> None:
    old = cf.count_claim("a", 12, as_of="1949-12-31")
    new = cf.count_claim("b", 32, as_of="2024-04-04")
    outcomes = COMPARE.compare([old, new], IntervalParams(), CTX)
    assert len(outcomes) == 2


def test_currencies_convert_with_the_dated_rate() -> None:
    eur = cf.amount("a", 100e9, currency="EUR")
    usd = cf.amount("b", 108.6e9, currency="USD")
    assert verdict([eur, usd], relative=0.02) == "agreement"
    far = cf.amount("c", 150e9, currency="USD")
    assert verdict([eur, far], relative=0.02) == "conflict"


def test_restated_currency_is_used_before_converting() -> None:
    both = cf.amount("a", 6.5e9, currency="EUR", also=[{"currency": "USD", "low": 7.06e9, "high": 7.06e9}])
    usd = cf.amount("b", 7.06e9, currency="USD")
    assert verdict([both, usd], relative=0.0, conversion_tolerance=0.0) == "agreement"


def test_conversion_check() -> None:
    check = ConversionConsistent()
    good = cf.amount("a", 6.5e9, currency="EUR", also=[{"currency": "USD", "low": 7.06e9, "high": 7.06e9}])
    bad = cf.amount("a", 6.5e9, currency="EUR", also=[{"currency": "USD", "low": 9.5e9, "high": 9.5e9}])
    assert check.check(good, ConversionParams(relative=0.02), CTX) is None
    outcome = check.check(bad, ConversionParams(relative=0.02), CTX)
    assert outcome is not None and outcome.verdict == "conflict"


figures = st.floats(min_value=1.0, max_value=1e13, allow_nan=False, allow_infinity=False)
tolerances = st.sampled_from([0.0, 0.005, 0.01, 0.02, 0.05])


@given(figure=figures, relative=tolerances, fraction=st.floats(min_value=0.0, max_value=0.999))
def test_perturbation_within_tolerance_never_conflicts(
    figure: float, relative: float, fraction: float
) -> None:
    perturbed = figure * (1 - relative * fraction)  # tolerance is relative to the larger figure
    claims = [cf.amount("a", figure), cf.amount("b", perturbed)]
    assert verdict(claims, relative=relative) == "agreement"


@given(figure=figures, relative=tolerances, excess=st.floats(min_value=1.05, max_value=19.0))
def test_perturbation_beyond_tolerance_always_conflicts(
    figure: float, relative: float, excess: float
) -> None:
    step = max(relative, 0.001) * excess
    perturbed = figure * (1 - step)
    claims = [cf.amount("a", figure), cf.amount("b", perturbed)]
    assert verdict(claims, relative=relative) == "conflict"


@given(figure=figures, down=st.booleans(), excess=st.floats(min_value=1.05, max_value=20.0))
def test_percent_perturbation_beyond_absolute_tolerance_conflicts(
    figure: float, down: bool, excess: float
) -> None:
    value = figure % 100
    delta = 0.05 * excess * (-1 if down else 1)
    claims = [cf.percent("a", value), cf.percent("b", value + delta)]
    assert verdict(claims, absolute=0.05) == "conflict"
