"""Day names inside other names in news prose: a place, event, law or object named after a holiday
("Christmas Island", "the Good Friday Agreement", "Easter eggs"), an epithet before a weekday ("Black
Monday", "Super Tuesday"), a newspaper or show after one ("the Sunday Times", "Monday Night Football")
and an event named after a month and day of an earlier year ("the Jan. 6 committee") are no date of the
document's year; the words come from rules/holidays.yml (``names_after_days``)."""

from __future__ import annotations

import pytest

from tests.test_dates import spans

FRIDAY = "2024-03-15"


def _spans(text: str) -> list[tuple[str, str | None, str | None]]:
    return spans(text, FRIDAY)


@pytest.mark.parametrize(
    "text",
    [
        "Christmas Island is an Australian territory.",
        "Christmas Island authorities reported 12 new arrivals.",
        "Easter Island's statues are famous.",
        "The Easter Island moai were damaged by fire.",
        "Halloween Town is a Disney film.",
        "Rep. Mark Green introduced the Independence Day Act.",
        "The Christmas Day tsunami of 2004 killed 230,000 people.",
        "She led the Easter Rising commemoration.",
        "The Boxing Day Test starts at the MCG.",
        "The Christmas market in Berlin reopened.",
        "Easter eggs were hidden in the software.",
        "Christmas lights went up on Main Street.",
        "The Christmas spirit was evident.",
        "He played for the Martinsburg Fourth of July committee.",
        "The Good Friday Agreement ended decades of violence.",
        "She bought a Valentine's Day card.",
        "The Christmas tree was lit.",
    ],
)
def test_a_holiday_in_a_name_or_a_thing_named_after_it_is_no_date(text: str) -> None:
    """Neither the holiday nor a shorter day inside it ("July", "Friday") is read."""
    assert _spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Friday Night Lights returns to television.",
        "The Monday Night Football game drew 20 million viewers.",
        "Black Monday saw the Dow fall 22.6%.",
        "Bloody Sunday remains a painful memory.",
        "Super Tuesday results gave Trump a big lead.",
        "He was interviewed by the Sunday Times.",
        "The Saturday Evening Post ran the story.",
        "She hosted Saturday Night Live.",
    ],
)
def test_a_weekday_in_a_name_is_no_date(text: str) -> None:
    assert _spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The September 11 attacks killed nearly 3,000 people.",
        "The Jan. 6 committee released its report.",
        "The 11 September attacks changed US policy.",
        "The Oct. 7 attackers crossed the fence at dawn.",
    ],
)
def test_an_event_named_after_a_month_and_day_is_no_date(text: str) -> None:
    """The nearest such day would misdate an event of an earlier year."""
    assert _spans(text) == []


@pytest.mark.parametrize(
    ("text", "span", "start"),
    [
        ("Black Friday sales rose 3% last year.", "Black Friday", "2023-11-24"),
        ("The mall was crowded on Christmas Eve.", "Christmas Eve", "2023-12-24"),
        ("Crowds gathered for the Fourth of July parade.", "the Fourth of July", "2023-07-04"),
        ("Memorial Day weekend traffic was heavy.", "Memorial Day weekend", "2023-05-27"),
        ("The Senate voted on Monday.", "Monday", "2024-03-11"),
        ("The Senate Tuesday voted 52-48.", "Tuesday", "2024-03-12"),
        ("On Sunday night police arrested two men.", "Sunday", "2024-03-10"),
        ("The Sept. 11, 2001 attacks killed nearly 3,000 people.", "Sept. 11, 2001", "2001-09-11"),
        ("The committee met on Jan. 6 to vote.", "Jan. 6", "2024-01-06"),
    ],
)
def test_days_beside_such_words_stay_dates(text: str, span: str, start: str) -> None:
    found = _spans(text)
    assert [(s, v) for s, v, _ in found][:1] == [(span, start)], found


@pytest.mark.parametrize(
    "text",
    [
        "Apple's fiscal Q1 ended with record sales.",
        "In the fiscal first quarter, sales rose.",
        "Fiscal Q3 2024 revenue was $10 billion.",
        "The fiscal year 2024 budget passed.",
        "Spending rose in the 2024 fiscal year.",
        "The financial year 2023 closed with a surplus.",
    ],
)
def test_a_fiscal_quarter_is_no_calendar_quarter(text: str) -> None:
    """A company's (or a state's) fiscal calendar places its quarters and years, not the calendar's."""
    assert _spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "She finished third on the 1st day.",
        "On the 15th day of the strike, talks resumed.",
    ],
)
def test_the_nth_day_of_an_event_is_no_day_of_the_month(text: str) -> None:
    assert _spans(text) == []


@pytest.mark.parametrize(
    ("text", "span", "start"),
    [
        ("Sales rose in the first quarter of 2023.", "the first quarter of 2023", "2023-01-01"),
        ("Rent is due on the 1st.", "the 1st", "2024-04-01"),  # "is due": the next 1st
        ("Payment is due on the 15th day of next month.", "the 15th day of next month", "2024-04-15"),
    ],
)
def test_calendar_quarters_and_days_of_the_month_stay_dates(text: str, span: str, start: str) -> None:
    assert [(s, v) for s, v, _ in _spans(text)] == [(span, start)]


@pytest.mark.parametrize(
    "text",
    [
        "In the fourth quarter, the Lakers outscored Boston 30-22.",
        "Mahomes threw two touchdowns in the second quarter.",
        "The Celtics led by 12 at halftime and pulled away in the third quarter.",
        "He threw two touchdowns in week 5.",
        "Q4: the Bulls scored 31 points.",
    ],
)
def test_a_period_of_a_game_is_no_calendar_quarter_or_week(text: str) -> None:
    """A quarter or numbered week without a year beside a game's words (``game_words`` in
    rules/holidays.yml) is the game's or the season's, not the calendar's."""
    assert _spans(text) == []


@pytest.mark.parametrize(
    ("text", "quarters"),
    [
        ("Sales of Audi's Q3 and Q5 models rose.", []),
        ("Sales of the Q7, Q3 and Q5 rose.", []),
        ("The Q3/Q8 line-up grew.", []),
        ("Sales rose in Q3 and Q4.", ["Q3", "Q4"]),  # quarters listed with quarters stay dates
    ],
)
def test_a_q_listed_with_a_q_that_is_no_quarter_is_a_name(text: str, quarters: list[str]) -> None:
    """ "Q5" is no quarter, so the "Q3" listed with it is a model or a code, not the third quarter."""
    assert [s for s, _, _ in _spans(text)] == quarters


@pytest.mark.parametrize(
    ("text", "published", "span", "start"),
    [
        ("Profit rose 12% in the fourth quarter.", FRIDAY, "the fourth quarter", "2023-10-01"),
        ("GDP saw a rebound in the fourth quarter.", FRIDAY, "the fourth quarter", "2023-10-01"),
        (
            "Margins rose 3 percentage points in the fourth quarter.",
            FRIDAY,
            "the fourth quarter",
            "2023-10-01",
        ),
        ("The second quarter was strong.", FRIDAY, "The second quarter", "2023-04-01"),
        ("Profit rose in the first quarter.", FRIDAY, "the first quarter", "2024-01-01"),  # begun by then
        ("Profit will rise in the first quarter.", FRIDAY, "the first quarter", "2024-01-01"),  # not ended
        ("Sales will recover in the first quarter.", "2024-11-15", "the first quarter", "2025-01-01"),
        ("Sales recovered in Q3.", "2024-05-02", "Q3", "2023-07-01"),
        ("Sales fell in the 2016 fourth quarter.", FRIDAY, "2016 fourth quarter", "2016-10-01"),
        ("I'll be out 2016 the third quarter.", FRIDAY, "2016 the third quarter", "2016-07-01"),
    ],
)
def test_a_quarter_without_a_year_follows_the_tense(text: str, published: str, span: str, start: str) -> None:
    """Like a month without a year: in a past sentence the latest quarter begun by publication, in a
    future one the first not yet ended (it was always the publication's year: "profit rose in the
    fourth quarter" in March was a quarter still to come)."""
    assert [(s, v) for s, v, _ in spans(text, published)] == [(span, start)]


def test_a_year_ending_a_range_is_not_the_next_quarters() -> None:
    found = _spans("From 2015 to 2016 the third quarter was strong.")
    assert [(s, v) for s, v, _ in found] == [
        ("From 2015 to 2016", "2015-01-01"),
        ("the third quarter", "2023-07-01"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Officials met on Tuesday, the first high-level talks since the war.", [("Tuesday", "2024-03-12")]),
        ("Officials met on Tuesday, the 12th round of talks.", [("Tuesday", "2024-03-12")]),
        ("Officials met on Tuesday, the 12th.", [("Tuesday, the 12th", "2024-03-12")]),
        (
            "Talks ran from Monday the 11th to Friday the 15th.",
            [("from Monday the 11th to Friday the 15th", "2024-03-11")],
        ),
    ],
)
def test_an_ordinal_after_a_weekday_is_its_day_only_before_a_pause(
    text: str, found: list[tuple[str, str]]
) -> None:
    """ "met on Tuesday, the first high-level talks" was Tuesday 1 October: "the first" counts the talks."""
    assert [(s, v) for s, v, _ in _spans(text)] == found
