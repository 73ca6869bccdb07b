"""Date comparators: overlap of one event's dates, time-scope clusters, weekday checks."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from checker.compare.base import CompareContext
from checker.compare.dates import DateOverlap, DateOverlapParams, WeekdayMatches, WeekdayParams
from checker.entities import EntityIndex
from checker.testing import default_rules
from tests import claimfactory as cf

CTX = CompareContext(rules=default_rules(), entities=EntityIndex(default_rules().entities))


def outcomes(claims, **params):  # type: ignore[no-untyped-def]
    return DateOverlap().compare(claims, DateOverlapParams(**params), CTX)


def test_range_and_day_inside_it_agree() -> None:
    result = outcomes([cf.date("a", "2024-04-03", "2024-04-04"), cf.date("b", "2024-04-04")])
    assert [o.verdict for o in result] == ["agreement"]


def test_disjoint_days_within_the_window_conflict() -> None:
    result = outcomes([cf.date("a", "2024-04-03", "2024-04-04"), cf.date("b", "2024-04-08")])
    assert [o.verdict for o in result] == ["conflict"]


def test_months_apart_are_different_events() -> None:
    result = outcomes([cf.date("a", "2023-11-28", "2023-11-29"), cf.date("b", "2024-04-03", "2024-04-04")])
    assert [o.verdict for o in result] == ["agreement", "agreement"]
    assert all(len(o.sources) == 1 for o in result)


def test_month_granularity_contains_its_days() -> None:
    result = outcomes(
        [cf.date("a", "2024-07-01", "2024-07-31", "month"), cf.date("b", "2024-07-09", "2024-07-11")]
    )
    assert [o.verdict for o in result] == ["agreement"]


def test_open_ended_range_overlaps_later_dates() -> None:
    result = outcomes([cf.date("a", "2024-04-01", open_end=True), cf.date("b", "2024-04-05")])
    assert result[0].verdict == "agreement"


@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)), shift=st.integers(1, 8))
def test_a_day_shifted_outside_a_range_conflicts(day: dt.date, shift: int) -> None:
    other = day + dt.timedelta(days=1 + shift)
    result = outcomes(
        [
            cf.date("a", day.isoformat(), (day + dt.timedelta(days=1)).isoformat()),
            cf.date("b", other.isoformat()),
        ]
    )
    assert [o.verdict for o in result] == ["conflict"]


@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_weekday_check_accepts_the_true_weekday_and_rejects_others(day: dt.date) -> None:
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    check = WeekdayMatches()
    right = cf.date("a", day.isoformat(), weekday=names[day.weekday()])
    wrong = cf.date("a", day.isoformat(), weekday=names[(day.weekday() + 1) % 7])
    assert check.check(right, WeekdayParams(), CTX) is None
    outcome = check.check(wrong, WeekdayParams(), CTX)
    assert outcome is not None and outcome.verdict == "conflict"
