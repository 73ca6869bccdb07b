"""Weeks and weekends: 'over the weekend' and 'the past quarter' placed by the tense, a weekday joined
to its week, and 'end'/'start'/'close' read as verbs unless 'the', 'of' or a hyphen makes them parts
of a period."""

from __future__ import annotations

import pytest

from tests.test_dates import claims, only

FRIDAY = "2016-11-11"
MONDAY = "2016-11-07"


@pytest.mark.parametrize(
    ("text", "published", "span", "start", "end"),
    [
        ("Police made arrests over the weekend.", FRIDAY, "the weekend", "2016-11-05", "2016-11-06"),
        ("Police made arrests over the weekend.", MONDAY, "the weekend", "2016-11-05", "2016-11-06"),
        ("They will meet on the weekend.", FRIDAY, "the weekend", "2016-11-12", "2016-11-13"),
        ("Talks resume at the weekend.", MONDAY, "the weekend", "2016-11-12", "2016-11-13"),
        ("The weekend's protests drew thousands.", MONDAY, "The weekend", "2016-11-05", "2016-11-06"),
        ("I'll be out on weekend", MONDAY, "weekend", "2016-11-12", "2016-11-13"),
        ("Over the weekend police arrested 12 people.", MONDAY, "the weekend", "2016-11-05", "2016-11-06"),
        ("During the weekend, rain fell.", MONDAY, "the weekend", "2016-11-05", "2016-11-06"),
        ("The weekend was quiet.", MONDAY, "The weekend", "2016-11-05", "2016-11-06"),
        ("Sales fell in the past quarter.", MONDAY, "the past quarter", "2016-07-01", "2016-09-30"),
    ],
)  # fmt: skip
def test_the_weekend_and_the_past_quarter(text: str, published: str, span: str, start: str, end: str) -> None:
    found_span, value = only(text, published)
    assert (found_span, value.start, value.end) == (span, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "The attack came on the weekend before the election.",
        "He works every weekend.",
        "We met on the weekend of the wedding party.",
        "Weekend trips are popular.",
        "Shops close on weekends.",
    ],
)
def test_a_weekend_placed_by_something_else_is_no_date(text: str) -> None:
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == []


@pytest.mark.parametrize(
    "text",
    [
        "The museum offers the weekend pass.",
        "Tickets for the weekend edition sold out.",
        "She anchors the weekend news.",
        "The weekend warrior spent $400.",
        "He hosts the weekend show.",
        "Bars are busy on weekend nights.",
        "Bars are busy on weekend days.",
    ],
)
def test_the_weekend_before_a_noun_is_an_adjective_not_a_date(text: str) -> None:
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == []


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("The talks end this week.", "this week", "2016-11-07", "2016-11-13"),
        ("The program will end next year.", "next year", "2017-01-01", "2017-12-31"),
        ("Shipments start next month.", "next month", "2016-12-01", "2016-12-31"),
        ("The deal should close next year.", "next year", "2017-01-01", "2017-12-31"),
        ("It ends at the end of next year.", "the end of next year", "2017-09-01", "2017-12-31"),
        ("Output peaks early next year.", "early next year", "2017-01-01", "2017-04-30"),
        ("Rates rise by end-2017.", "by end-2017", None, "2017-12-31"),
    ],
)  # fmt: skip
def test_end_start_and_close_are_verbs_unless_the_of_or_a_hyphen_makes_them_parts(
    text: str, span: str, start: str | None, end: str
) -> None:
    found_span, value = only(text, MONDAY)
    assert (found_span, value.start, value.end) == (span, start, end)


@pytest.mark.parametrize(
    ("text", "published", "span", "day"),
    [
        ("1st week of Oct. on Friday.", "2019-11-07", "1st week of Oct. on Friday", "2019-10-04"),
        ("They meet next week on Tuesday.", "2019-11-07", "next week on Tuesday", "2019-11-12"),
        ("Last week, Monday, the vote failed.", "2019-11-07", "Last week, Monday", "2019-10-28"),
        ("Book a room next week Mon, please.", "2017-12-04", "next week Mon", "2017-12-11"),
    ],
)
def test_a_weekday_after_a_week_is_that_weeks_day(text: str, published: str, span: str, day: str) -> None:
    found_span, value = only(text, published)
    assert (found_span, value.start, value.end) == (span, day, day)


def test_a_weekday_in_the_next_sentence_is_not_joined_to_a_week() -> None:
    text = "The talks end this week. Friday is a holiday."
    assert [text[c.start : c.end] for c in claims(text, "2019-11-07")] == ["this week", "Friday"]


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("The vote was held on the second Tuesday.", "the second Tuesday", "2016-10-11"),
        ("The vote will be held on the second Tuesday.", "the second Tuesday", "2016-11-08"),
        ("The vote is on the first Monday.", "the first Monday", "2016-11-07"),
        ("They met on the 3rd Friday.", "the 3rd Friday", "2016-10-21"),
        ("They will meet on the fifth Monday.", "the fifth Monday", "2017-01-30"),
    ],
)
def test_an_nth_weekday_without_a_month_is_of_the_month_the_tense_picks(
    text: str, span: str, day: str
) -> None:
    """'The second Tuesday' is never the nearest Tuesday: it is that day of the latest month (past), the
    next month that has it (future), or this month."""
    found_span, value = only(text, MONDAY)
    assert (found_span, value.start, value.end) == (span, day, day)


@pytest.mark.parametrize(
    "text",
    [
        "It was his first Sunday as pope.",
        "It rained for the second Sunday in a row.",
        "Polls close on the first Tuesday after the first Monday.",
        "The council meets every Tuesday.",
        "Markets fell for a third Monday running.",
        "Crowds gathered for the first Friday prayers since the ceasefire.",
        "The second Sunday service was packed.",
        "The council meets on the second Tuesday of each month.",
    ],
)
def test_weekdays_counted_from_something_else_or_recurring_are_no_date(text: str) -> None:
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Every other Friday we meet.",
        "I'll leave each 4/15.",
        "It snows every January.",
        "Every May 1, workers march.",
        "The shop closes every Christmas.",
    ],
)
def test_a_day_after_every_or_each_is_a_set_not_a_date(text: str) -> None:
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == []


def test_a_stated_year_after_each_is_one_date() -> None:
    found_span, value = only("Each 4/15/2016 filing was late.", MONDAY)
    assert (found_span, value.start, value.end) == ("4/15/2016", "2016-04-15", "2016-04-15")


def test_an_abbreviated_weekday_alone_is_no_date() -> None:
    text = "Shops open Mon to Sat. Mon is busy."
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == []
