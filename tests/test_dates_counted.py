"""Date claims counted from another day: the year of a holiday counted from, "new year" as what a
length is counted from, "within the next ... before today", "two Sundays from now"; and the words
around them that must stay no date."""

from __future__ import annotations

import pytest

from tests.test_dates import claims, only

MONDAY = "2016-11-07"
JANUARY = "2017-01-10"


@pytest.mark.parametrize(
    ("text", "published", "span", "day"),
    [
        ("We will meet 5 days before new year.", MONDAY, "5 days before new year", "2016-12-27"),
        ("We will meet 5 days before the New Year.", MONDAY, "5 days before the New Year", "2016-12-27"),
        ("They met two weeks after New Year's.", MONDAY, "two weeks after New Year's", "2016-01-15"),
        # future tense: the latest holiday whose counted day is still ahead, not next year's
        ("It will happen three weeks after Christmas.", JANUARY, "three weeks after Christmas", "2017-01-15"),
        ("The law will take effect 30 days after January 1.", JANUARY, "30 days after January 1",
         "2017-01-31"),
        # past tense keeps the holiday's own year, even when the day counted is still ahead
        ("The vote was set for 2 weeks after January 5.", JANUARY, "2 weeks after January 5", "2017-01-19"),
        ("It happened three weeks after Christmas.", JANUARY, "three weeks after Christmas", "2017-01-15"),
        ("We will meet 2 weeks before Christmas.", JANUARY, "2 weeks before Christmas", "2017-12-11"),
        # on 2 January, three weeks after the Christmas just past is still ahead: that one, not next year's
        ("I'll go back 3 weeks after Christmas on Friday.", "2021-01-02", "3 weeks after Christmas on Friday",
         "2021-01-15"),
        ("It happened 2 weeks before Christmas.", MONDAY, "2 weeks before Christmas", "2015-12-11"),
    ],
)  # fmt: skip
def test_days_counted_from_a_holiday_or_a_day_without_a_year(
    text: str, published: str, span: str, day: str
) -> None:
    found_span, value = only(text, published)
    assert (found_span, value.start, value.end) == (span, day, day)


@pytest.mark.parametrize(
    "text",
    [
        "Sales will rise in the new year.",
        "The new year began with a storm.",
        "We met 5 days before Lunar New Year.",
        "Crowds gathered 3 days before Chinese New Year.",
        "Happy new year to all our readers.",
        "He made a new year resolution.",
        "It fell for months after the new year.",
        "Several weeks after the New Year, prices rose.",
        "Only days before the new year, he quit.",
        "The days before New Year are busy.",
        "Five days before the new year's deadline, talks failed.",
        "Two weeks after the new year sales began, stocks ran out.",
    ],
)
def test_new_year_alone_is_no_day(text: str) -> None:
    """Only a length counted from it makes "new year" the day, and only the words themselves: before a
    noun ("the new year's deadline") they qualify something else."""
    assert claims(text, MONDAY) == []


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("This task will start within the next 2 weeks before today", "2 weeks before today", "2018-06-08",
         "2018-06-08"),
        ("This task will start within the next 2 weeks after tomorrow", "2 weeks after tomorrow",
         "2018-07-07", "2018-07-07"),
        ("It will start within the next 2 weeks after today.", "within the next 2 weeks after today",
         "2018-06-22", "2018-07-05"),
        ("Pay within the next 30 days after June 1.", "within the next 30 days after June 1", "2018-06-01",
         "2018-06-30"),
        ("It will start within 2 weeks before yesterday.", "within 2 weeks before yesterday", "2018-06-08",
         "2018-06-21"),
    ],
)  # fmt: skip
def test_within_the_next_is_a_span_only_from_now(text: str, span: str, start: str, end: str) -> None:
    found_span, value = only(text, "2018-06-22")
    assert (found_span, value.start, value.end) == (span, start, end)


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("Are you available two sundays from now?", "two sundays from now", "2018-05-20"),
        ("We meet a Monday from now.", "a Monday from now", "2018-05-14"),
        ("The vote is three Fridays hence.", "three Fridays hence", "2018-05-25"),
    ],
)
def test_weekdays_counted_from_now(text: str, span: str, day: str) -> None:
    found_span, value = only(text, "2018-05-07")
    assert (found_span, value.start, value.end) == (span, day, day)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("The shop was closed for two Sundays.", []),
        ("They played three Sundays in a row.", []),
        ("Few Sundays from here on will be quiet.", []),
        ("Are you available two monday later?", ["monday"]),  # "later" counts from an event, not now
        ("The project was submitted and 3 weeks later it was approved.", []),
    ],
)
def test_counted_weekdays_and_later_that_are_no_day(text: str, spans: list[str]) -> None:
    assert [text[c.start : c.end] for c in claims(text, "2018-05-07")] == spans
