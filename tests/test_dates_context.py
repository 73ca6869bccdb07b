"""Date claims: forms that are dates only in a date's context (dashed figures with a two-figure year,
bare years joined by 'to', years compared, 'CY' and a year, a month glued to a year and figures), and the
codes, tallies, counts and fiscal years in news that look like them and must stay no date."""

from __future__ import annotations

import pytest

from tests.test_dates import spans as date_spans

MONDAY = "2016-11-07"


def spans(text: str, published: str = MONDAY) -> list[tuple[str, str | None, str | None]]:
    return date_spans(text, published)


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("The meeting was held on 9-18-15.", "9-18-15", "2015-09-18"),
        ("It was dated 3-7-07 and signed.", "3-7-07", "2007-03-07"),
        ("The order was signed on Monday 9-18-15 in Atlanta.", "Monday 9-18-15", "2015-09-18"),
        ("Date: 9-18-15", "9-18-15", "2015-09-18"),
        ("The deal was signed 12-03-15 in Paris.", "12-03-15", "2015-12-03"),
    ],
)
def test_dashed_dates_with_a_two_figure_year_after_a_date_word(text: str, span: str, day: str) -> None:
    assert spans(text) == [(span, day, day)]


@pytest.mark.parametrize(
    "text",
    [
        "Part number 4-11-20 was recalled.",
        "Under Section 9-11-12 of the Georgia code",
        "O.C.G.A. § 9-11-12",
        "The Raiders are 5-3-12 in road games.",
        "The vote in the Senate was 12-10-13.",
        "Their record fell to 10-12-10 after the loss.",
        "Read pages 3-12-15",
        "Room 3-12-15 is booked.",
        "Combination 5-10-15",
        "Lottery: the numbers were 4-11-20.",
        "Teams finished the group 3-12-10",
        "The team went 9-18-15 this season.",
        "It passed by a vote of 12-10-13.",
        "Their record improved from 5-3-12 to 6-3-12.",
    ],
)
def test_dashed_codes_and_tallies_are_no_dates(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The bill passed 2014 to 2018 in the House.",
        "The vote was 2014 to 2018 against the motion.",
        "Turnout was roughly 2014 to 2018 voters",
        "Enrollment grew to 2014 to 2018 students.",
        "Rooms 2014 to 2018 are on the second floor.",
        "Rooms 2014 to 2018.",
        "Flights 2014 to 2018 were cancelled.",
        "The vote was 2014 to 2018.",
        "Roughly 2014 to 2018.",
    ],
)
def test_figures_joined_by_to_are_no_years(text: str) -> None:
    assert spans(text) == []


def test_figures_joined_by_to_before_a_date_leave_only_the_date() -> None:
    assert [span for span, _, _ in spans("Ticket sales were 2014 to 2018 last week.")] == ["last week"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("the 2019 to 2020 season", "2019 to 2020"),
        ("He played for the Giants 2014 to 2018.", "2014 to 2018"),
        ("He worked there 2014 to 2018 and then left.", "2014 to 2018"),
    ],
)
def test_bare_years_joined_by_to_that_stay_a_range(text: str, span: str) -> None:
    assert [s for s, _, _ in spans(text)] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Ten years later than 2012 would be too late",
        "five years greater than 2012 levels",
        "Profits were years above 2010 levels",
        "Costs were 3 years later than 2012 estimates.",
        "It came several years later than 2012.",
    ],
)
def test_a_length_of_years_or_a_noun_after_the_year_is_no_comparison(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("The plant must close no later than 2012.", "no later than 2012", None, "2012-12-31"),
        ("Show sales for year greater than 2012 in Ohio.", "greater than 2012", "2013-01-01", None),
    ],
)
def test_years_compared_that_stay_open(text: str, span: str, start: str | None, end: str | None) -> None:
    assert spans(text) == [(span, start, end)]


@pytest.mark.parametrize(
    ("text", "span", "start"),
    [
        ("Sales in CY2008 rose.", "CY2008", "2008-01-01"),
        ("revenue for CY 2015 was flat", "CY 2015", "2015-01-01"),
        ("Show sales in the cy 2008", "cy 2008", "2008-01-01"),
    ],
)
def test_calendar_years_after_a_time_word(text: str, span: str, start: str) -> None:
    assert [(s, b) for s, b, _ in spans(text)] == [(span, start)]


@pytest.mark.parametrize(
    "text",
    [
        "Police stopped a car with plates CY 2015",
        "The ferry CY 2010 sank",
        "Shares of CY 2017 notes fell",
        "Shares of the CY 2017 notes fell",
        "The part CY18 was replaced",
    ],
)
def test_cy_as_a_ticker_plate_or_code_is_no_calendar_year(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("September-2020-23", "September-2020-23", "2020-09-23"),
        ("2020/23/Sep", "2020/23/Sep", "2020-09-23"),
        ("23-2020-September", "23-2020-September", "2020-09-23"),
        ("The deal closed on May-2015-17.", "May-2015-17", "2015-05-17"),
    ],
)
def test_a_named_month_year_and_day_in_any_order(text: str, span: str, day: str) -> None:
    assert spans(text) == [(span, day, day)]


@pytest.mark.parametrize(
    "text",
    [
        "The May-2015-16 budget was approved.",
        "Jun-2014-15 fiscal plan",
        "memo MAR-2016-12",
        "Case number DEC-2015-21",
        "Case number DEC-2015-45 was closed.",
        "File JAN/2016/77 was lost.",
    ],
)
def test_fiscal_years_and_codes_after_a_month_are_no_dates(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "span", "start"),
    [
        ("In 2012, sales rose in March.", "March", "2012-03-01"),
        ("Sales rose in 2012, especially in the third quarter.", "the third quarter", "2012-07-01"),
        ("On 3 May 2012 he met her, and on June 5 they married.", "June 5", "2012-06-05"),
        ("The 2016 elections will be held in November.", "November", "2016-11-01"),
        # not of the stated year: the future, an open range, a day every year, another sentence
        ("In 2012 he was elected; he will visit in March.", "March", "2017-03-01"),
        ("Since 2012, talks in March have failed.", "March", "2016-03-01"),
        ("It dates back to 1865 and is observed on 19 June every year.", "19 June", "2016-06-19"),
        ("Sales fell in 2012. They rose in March.", "March", "2016-03-01"),
        ("The law, passed in 2012, took effect on January 1.", "January 1", "2016-01-01"),
        (
            "Revenue in 2012 was $5 billion; in the first quarter it rose 3%.",
            "the first quarter",
            "2016-01-01",
        ),
    ],
)
def test_a_period_without_a_year_takes_the_year_stated_before_it(text: str, span: str, start: str) -> None:
    """The year written earlier in the same sentence is the story's year: "In 2012, sales rose in
    March" was March 2016, the latest March before publication."""
    assert [s for s, _, _ in spans(text)][-1] == span
    assert spans(text)[-1][1] == start


@pytest.mark.parametrize(
    ("text", "span", "start"),
    [
        ("Her induction that January day in 2011 was cold.", "January", "2011-01-01"),
        ("The February meeting in 2012 was tense.", "February", "2012-02-01"),
        ("On March 5 the bill passed in 2011.", "March 5", "2011-03-05"),
        # a figure or a pause between them: the year places something else
        ("In March prices rose 3% in 2011.", "March", "2016-03-01"),
        ("The talks in March, unlike those in 2011, failed.", "March", "2016-03-01"),
    ],
)
def test_a_month_before_the_words_it_dates_and_their_year_is_of_that_year(
    text: str, span: str, start: str
) -> None:
    found = spans(text)
    assert (found[0][0], found[0][1]) == (span, start)


@pytest.mark.parametrize(
    ("text", "span", "start"),
    [
        ("The elections will be held in October.", "October", "2017-10-01"),
        ("The vote will be held on March 3.", "March 3", "2017-03-03"),
        ("The talks are being held in March.", "March", "2016-03-01"),
        ("The elections were held in March.", "March", "2016-03-01"),
    ],
)
def test_a_past_form_after_be_is_a_participle_not_the_tense(text: str, span: str, start: str) -> None:
    """ "Will be held in November" was past tense (from "held"): the November before publication."""
    assert [(s, v) for s, v, _ in spans(text)] == [(span, start)]


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        # published on Wednesday 2016-11-09
        ("The vote is on Tuesday, officials said.", "Tuesday", "2016-11-15"),
        ("The deadline is Friday, the agency said.", "Friday", "2016-11-11"),
        ("The hearing is set for Monday, a clerk said.", "Monday", "2016-11-14"),
        ("The vote is on the second Tuesday, officials said.", "the second Tuesday", "2016-12-13"),
        ("The Hajj, which begins on June 14, draws millions.", "June 14", "2017-06-14"),
        ("Talks resume on Monday.", "Monday", "2016-11-14"),
        ("The polling station opens on Sunday.", "Sunday", "2016-11-13"),
        # nouns and adjectives that look like those verbs say nothing of the tense
        ("The index's fall on Monday was steep.", "Monday", "2016-11-07"),
        ("After a strong start on Monday, shares slid.", "Monday", "2016-11-07"),
        ("Traffic will peak, the AA said, on Good Friday.", "Good Friday", "2017-04-14"),
        # the present tense elsewhere in the sentence still leaves the date to its own verb
        ("The trial did not begin on Monday.", "Monday", "2016-11-07"),
        ("He said on Monday that talks would resume.", "Monday", "2016-11-07"),
        ("Officials said the vote was on Tuesday.", "Tuesday", "2016-11-08"),
        ("The city is still recovering from Tuesday's storm, officials said.", "Tuesday", "2016-11-08"),
    ],
)
def test_a_date_the_present_tense_is_of_is_still_to_come(text: str, span: str, day: str) -> None:
    """ "The vote is on Tuesday, officials said" was last Tuesday: "said" gave the tense; so did a
    parenthetical ", the AA said," to the clause around it."""
    assert [(s, v) for s, v, _ in spans(text, "2016-11-09")] == [(span, day)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The fair ran from 9-18-15 to 9-20-15.", [("from 9-18-15 to 9-20-15", "2015-09-18", "2015-09-20")]),
        (
            "It ran on 9-18-15 and 9-20-15.",
            [("9-18-15", "2015-09-18", "2015-09-18"), ("9-20-15", "2015-09-20", "2015-09-20")],
        ),
        ("Parts 4-11-20 and 4-11-21 failed.", []),  # the first is no date, so neither is its partner
        ("The vote was 12-10-13 to 5-3-12.", []),
    ],
)
def test_the_other_end_of_a_dashed_date_is_a_date_too(text: str, found: list[tuple[str, str, str]]) -> None:
    """ "From 9-18-15 to 9-20-15" read only its first date: the second has no date word before it."""
    assert spans(text) == found


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("The storm is forecast to strengthen by Thursday.", "2016-11-10"),
        ("The index is projected to recover by Thursday.", "2016-11-10"),
        ("The bill is on track to pass by Thursday.", "2016-11-10"),
    ],
)
def test_forecast_and_projected_to_look_ahead(text: str, end: str) -> None:
    """ "is forecast to strengthen by Thursday" was last Thursday (no cue; "forecast" is no verb form)."""
    assert [(s, e) for s, _, e in spans(text, "2016-11-09")] == [("by Thursday", end)]


@pytest.mark.parametrize(
    ("text", "span", "end"),
    [
        ("The exhibition runs until Sunday.", "until Sunday", "2016-11-13"),
        ("Its China program, to run through June, was cut.", "through June", "2017-06-30"),
    ],
)
def test_what_runs_until_a_date_runs_until_one_to_come(text: str, span: str, end: str) -> None:
    """TempEval-3: "the China program to run through June" was the June before (from "agreed")."""
    assert [(s, e) for s, _, e in spans(text, "2016-11-09")] == [(span, end)]
