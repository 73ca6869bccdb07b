"""Date claims: ranges and open ends (days of a month named after them, years compared, range ends
that are parts of a period) and the figures around them that must stay figures."""

from __future__ import annotations

import pytest

from tests.test_dates import spans as date_spans

MONDAY = "2016-11-07"


def spans(text: str, published: str = MONDAY) -> list[tuple[str, str | None, str | None]]:
    return date_spans(text, published)


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("I'll be out from 4 to 22 this month.", "from 4 to 22 this month", "2016-11-04", "2016-11-22"),
        ("I'll be out 4 to 23 next month.", "4 to 23 next month", "2016-12-04", "2016-12-23"),
        ("The office is closed between 4 and 22 this month.", "between 4 and 22 this month", "2016-11-04",
         "2016-11-22"),
        ("He is on leave from 4 to 22 this month.", "from 4 to 22 this month", "2016-11-04", "2016-11-22"),
        ("She will be away from 4 to 22 in May.", "from 4 to 22 in May", "2017-05-04", "2017-05-22"),
        ("Offices close from the 4th to the 22nd this month.", "from the 4th to the 22nd this month",
         "2016-11-04", "2016-11-22"),
        ("I'll be out November between 19 and 20.", "November between 19 and 20", "2016-11-19",
         "2016-11-20"),
        ("I'll be out Feb between 2-7 two thousand and eighteen.",
         "Feb between 2-7 two thousand and eighteen", "2018-02-02", "2018-02-07"),
        ("It was held May between 4 and 6, 2015.", "May between 4 and 6, 2015", "2015-05-04", "2015-05-06"),
    ],
)  # fmt: skip
def test_days_of_a_month_named_after_them(text: str, span: str, start: str, end: str) -> None:
    assert spans(text) == [(span, start, end)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cases rose from 4 to 22 this month.", ["this month"]),
        ("Between 4 and 22 this month were injured.", ["this month"]),
        ("They lost 4-22 this month.", ["this month"]),
        ("Shares took off from 4 to 22 this month.", ["this month"]),
        ("Shares were off 4 to 6 this month.", ["this month"]),
        ("Bond yields were off 3 to 5 last month.", ["last month"]),
        ("Prices went from 4 to 23 next month.", ["next month"]),
        ("Deaths rose from 4 to 22 in May, officials said.", ["May"]),
        ("In November between 19 and 20 people died.", ["November"]),
        ("In May between 4 and 6 percent voted.", ["May"]),
        ("Sales were 4 and 22 this month.", ["this month"]),
        ("Held May 4 and 22.", ["May 4"]),
    ],
)
def test_figures_before_a_month_stay_figures(text: str, expected: list[str]) -> None:
    assert [span for span, _, _ in spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("It grew between the end of 2007 and the end of 2008.", "2007-12-31", "2008-12-31"),
        ("It grew from the middle of 2007 to the end of 2008.", "2007-07-02", "2008-12-31"),
        ("It ran from the end of March to the middle of September.", "2016-03-31", "2016-09-16"),
        ("It was closed from the end of March to the start of April.", "2016-03-31", "2016-04-01"),
        ("Output was cut from the end of March through April.", "2016-03-31", "2016-04-30"),
        ("It ran between the middle of March and the end of September.", "2016-03-16", "2016-09-30"),
        ("It ran from mid-March to mid-September.", "2016-03-16", "2016-09-16"),
        ("It ran from March to the beginning of May.", "2016-03-01", "2016-05-01"),
        ("It ran from late March to early May.", "2016-03-16", "2016-05-15"),
    ],
)
def test_range_ends_that_are_points_of_a_period(text: str, start: str, end: str) -> None:
    """A range from the end of X starts on X's last day (the end of March is in March: starting after it
    made "from the end of March to the start of April" April 1 alone; the peer library starts the day
    after), to the middle of Y ends on Y's middle day; 'late' and 'early' stay parts of the period."""
    assert [(s, e) for _, s, e in spans(text)] == [(start, end)]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("We have lived here since the end of 1989.", "1989-09-01", None),
        ("Prices rose in mid-2007.", "2007-05-01", "2007-08-31"),
    ],
)
def test_a_part_of_a_period_alone_stays_a_period(text: str, start: str, end: str | None) -> None:
    assert [(s, e) for _, s, e in spans(text)] == [(start, end)]


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("What are the sales for year greater than 2012?", "greater than 2012", "2013-01-01", None),
        ("Rating where year is greater than 2015", "greater than 2015", "2016-01-01", None),
        (
            "Show cars with years less than or equal to 2012.",
            "less than or equal to 2012",
            None,
            "2012-12-31",
        ),
        ("How about year 2016 and greater?", "year 2016 and greater", "2016-01-01", None),
        ("Take the year 2016 or below.", "the year 2016 or below", None, "2016-12-31"),
    ],
)
def test_years_the_word_year_compares(text: str, span: str, start: str | None, end: str | None) -> None:
    assert spans(text, "2018-08-31") == [(span, start, end)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He got greater than 2015 votes.", []),
        ("Turnout was greater than 2015 levels.", []),
        ("Sales this year were higher than 2015.", ["this year"]),
        ("Profits last year were lower than 2016.", ["last year"]),
        ("Sales in recent years were higher than 2010.", []),
        ("Each year is better than 2010.", []),
        ("Scores of 2016 and greater win.", []),
    ],
)
def test_figures_and_years_compared_with_a_year_are_no_open_range(text: str, expected: list[str]) -> None:
    assert [span for span, _, _ in spans(text, "2018-08-31")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He coached the team 2014 to 2018.", [("2014 to 2018", "2014-01-01", "2018-12-31")]),
        ("She served as mayor 2014 to 2018, then retired.", [("2014 to 2018", "2014-01-01", "2018-12-31")]),
        ("It ran in 2014 through 2018.", [("2014 through 2018", "2014-01-01", "2018-12-31")]),
        ("The range is 2014 to 2018.", []),  # after a form of be the figures may be a count ("The vote was")
        ("The study covered 1990 through 2010.", [("1990 through 2010", "1990-01-01", "2010-12-31")]),
        ("He won 2014 to 2018 votes.", []),
        ("The index rose 2014 to 2018.", []),
        ("The plan cut 2018 to 2014 jobs.", []),
        ("The tally went 2014 to 2018.", []),
    ],
)
def test_bare_years_joined_by_to(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("It ran 2/29-3/1.", "2019-09-18", "2016-02-29", "2016-03-01"),
        ("It ran from 2/29 to 3/1.", "2019-09-18", "2016-02-29", "2016-03-01"),
        ("It ran from 12/30 to 1/2.", "2019-09-18", "2018-12-30", "2019-01-02"),
    ],
)
def test_the_ends_of_a_range_without_a_year_share_one(
    text: str, published: str, start: str, end: str
) -> None:
    assert [(s, e) for _, s, e in spans(text, published)] == [(start, end)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How many clusters docked till date?", [("till date", None, MONDAY)]),
        ("No arrests were made until date, police said.", [("until date", None, MONDAY)]),
        ("How many docked from March till date?", [("from March till date", "2016-03-01", MONDAY)]),
        ("It is the largest to date.", []),
        ("Keep the records up to date.", []),
        ("The ticket is valid until date of expiry.", []),
    ],
)
def test_till_date_ends_on_publication(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Take the period ending with 1/1/2016.", [("ending with 1/1/2016", None, "2016-01-01")]),
        ("In the year ending June 30, 2016, sales rose.", [("June 30, 2016", "2016-06-30", "2016-06-30")]),
    ],
)
def test_ending_with_a_day(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plan a meeting this week from Tue to Thur.", [("2017-11-14", "2017-11-16")]),
        ("The shop is open from Mon. to Fri. this week.", [("2017-11-13", "2017-11-17")]),
        ("Open Mon-Fri.", []),
        ("Open Mon to Fri.", []),
        ("The Sun to Sat schedule.", []),
        ("He sat to wed her.", []),
        ("They met Wed.", []),
    ],
)
def test_abbreviated_weekdays_as_ends_of_a_range(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s, e) for _, s, e in spans(text, "2017-11-14")] == expected
