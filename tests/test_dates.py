"""Date claims: surface forms, relative resolution, ranges, false friends and provenance."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.claims.base import Extracted
from checker.claims.dates import DateExtractor, parse_absolute_date
from checker.models import DateValue
from checker.testing import context_for_text

EXTRACTOR = DateExtractor()
THURSDAY = "2024-04-04"


def claims(text: str, published: str | None = THURSDAY) -> list[Extracted]:
    found = EXTRACTOR.extract(context_for_text(text, published))
    for claim in found:  # provenance: the span is exactly the expression, never shifted
        assert claim.kind == "date"
        assert text[claim.start : claim.end].strip() == text[claim.start : claim.end]
    return found


def only(text: str, published: str | None = THURSDAY) -> tuple[str, DateValue]:
    found = claims(text, published)
    assert len(found) == 1, [(text[c.start : c.end], c.value) for c in found]
    value = found[0].value
    assert isinstance(value, DateValue)
    return text[found[0].start : found[0].end], value


def spans(text: str, published: str | None = THURSDAY) -> list[tuple[str, str | None, str | None]]:
    """Each claim as its words, its first day and its last day."""
    found = []
    for claim in claims(text, published):
        assert isinstance(claim.value, DateValue)
        found.append((text[claim.start : claim.end], claim.value.start, claim.value.end))
    return found


def interval(text: str, published: str | None = THURSDAY) -> tuple[str | None, str | None]:
    _, value = only(text, published)
    return value.start, value.end


# --- absolute surface forms -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("They met on 3 April 2024 in Brussels.", "3 April 2024", "2024-04-03"),
        ("They met on April 3, 2024 in Brussels.", "April 3, 2024", "2024-04-03"),
        ("They met on the 3rd of April 2024.", "the 3rd of April 2024", "2024-04-03"),
        ("Filed 2024-04-03 at noon.", "2024-04-03", "2024-04-03"),
        ("Filed 04/03/2024 at noon.", "04/03/2024", "2024-04-03"),
        ("Ministers met on 15 Feb. 2024 to talk.", "15 Feb. 2024", "2024-02-15"),
        ("The treaty was signed on April 4, 1949, in Washington.", "April 4, 1949", "1949-04-04"),
        ("It was held on 3 may 2024.", "3 may 2024", "2024-05-03"),
        ("It was held on May 3, 2024.", "May 3, 2024", "2024-05-03"),
    ],
)
def test_absolute_day(text: str, span: str, day: str) -> None:
    found_span, value = only(text)
    assert found_span == span
    assert (value.start, value.end, value.granularity, value.timex, value.relative) == (
        day,
        day,
        "day",
        day,
        False,
    )


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("Talks resume on Apr. 3 in Brussels.", "2024-03-20", "2024-04-03"),
        ("Talks resumed April 3 in Brussels.", "2024-04-20", "2024-04-03"),
        ("Talks resumed on 3 April in Brussels.", "2024-04-20", "2024-04-03"),
    ],
)
def test_day_without_year_takes_the_publication_year(text: str, published: str, day: str) -> None:
    _, value = only(text, published)
    assert (value.start, value.end, value.relative) == (day, day, True)


def test_weekday_with_date_keeps_the_stated_weekday_even_when_wrong() -> None:
    span, value = only("Ministers met on Wednesday (3 April 2024) in Brussels.")
    assert span == "Wednesday (3 April 2024)"
    assert (value.start, value.stated_weekday) == ("2024-04-03", "Wednesday")
    span, value = only("Ministers met on Tuesday, April 4, 2024 in Brussels.")
    assert span == "Tuesday, April 4, 2024"
    assert (value.start, value.stated_weekday) == ("2024-04-04", "Tuesday")  # 4 April 2024 is a Thursday


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "granularity", "timex"),
    [
        ("The war began in February 2022.", "February 2022", "2022-02-01", "2022-02-28", "month", "2022-02"),
        ("He pledged it back in 2014, they said.", "2014", "2014-01-01", "2014-12-31", "year", "2014"),
        ("The alliance was founded in 1949.", "1949", "1949-01-01", "1949-12-31", "year", "1949"),
        ("Prices fell in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", "decade", "199"),
        ("Growth slowed in mid-2023.", "mid-2023", "2023-05-01", "2023-08-31", "year", "2023"),
        ("Growth slowed in early 2024.", "early 2024", "2024-01-01", "2024-04-30", "year", "2024"),
        ("Exports grew in summer 2023.", "summer 2023", "2023-06-01", "2023-08-31", "season", "2023-SU"),
        ("Exports grew in Q3 2023.", "Q3 2023", "2023-07-01", "2023-09-30", "quarter", "2023-Q3"),
        ("One of the great events of the 20th century.", "the 20th century", "1900-01-01", "1999-12-31",
         "century", "19"),
    ],
)  # fmt: skip
def test_periods(text: str, span: str, start: str, end: str, granularity: str, timex: str) -> None:
    found_span, value = only(text)
    assert found_span == span
    assert (value.start, value.end, value.granularity, value.timex) == (start, end, granularity, timex)


# --- ranges and open intervals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Ministers met on April 3-4, 2024 in Brussels.", "2024-04-03", "2024-04-04"),
        ("Ministers met on 3-4 April 2024 in Brussels.", "2024-04-03", "2024-04-04"),
        ("The fair runs from April 3 to April 5, organisers say.", "2024-04-03", "2024-04-05"),
        ("Output rose between 2014 and 2016, data show.", "2014-01-01", "2016-12-31"),
        ("Copyright © 2014-2025 Example Media", "2014-01-01", "2025-12-31"),
        ("Growth was high after 2016, data show.", "2017-01-01", None),
        ("Growth was high before 2018, data show.", None, "2017-12-31"),
        ("Prices have risen since February, data show.", "2024-02-01", None),
        ("The mandate runs until March 2025.", None, "2025-03-31"),
    ],
)
def test_ranges(text: str, start: str | None, end: str | None) -> None:
    assert interval(text) == (start, end)


def test_two_day_event_with_a_phase_cue_spans_both_days() -> None:
    found = claims(
        "Ministers arrived on Wednesday (3 April 2024), at the start of a two-day meeting.", "2024-04-03"
    )
    assert [(c.value.start, c.value.end) for c in found] == [("2024-04-03", "2024-04-04")]  # type: ignore[union-attr]
    assert found[0].hints == {"event": "meeting", "phase": "start", "days": "2"}
    _, value = only("Ministers ended their two-day meeting in Brussels on Thursday.", "2024-04-05")
    assert (value.start, value.end) == ("2024-04-03", "2024-04-04")
    _, value = only("Ministers concluded two days of meetings in Brussels on November 29, 2023.")
    assert (value.start, value.end) == ("2023-11-28", "2023-11-29")


def test_without_a_phase_cue_the_single_date_stays() -> None:
    found = claims("Earlier Wednesday, ministers met for the first of two days of meetings.", "2024-04-03")
    assert [(c.value.start, c.value.end) for c in found] == [("2024-04-03", "2024-04-03")]  # type: ignore[union-attr]
    assert found[0].hints["days"] == "2"


def test_event_hint_prefers_the_nearest_noun() -> None:
    found = claims("After the summit, the vote was held on 3 April 2024 before the election.")
    assert found[0].hints["event"] in {"vote", "election"}
    found = claims("The elections were set for 3 April 2024.")
    assert found[0].hints["event"] == "election"


# --- relative expressions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "timex"),
    [
        ("Ministers met today.", THURSDAY, THURSDAY, THURSDAY, THURSDAY),
        ("Ministers met yesterday.", THURSDAY, "2024-04-03", "2024-04-03", "2024-04-03"),
        ("Ministers meet tomorrow.", THURSDAY, "2024-04-05", "2024-04-05", "2024-04-05"),
        ("Ministers ended their talks on Thursday.", "2024-04-05", "2024-04-04", "2024-04-04", "2024-04-04"),
        ("Ministers met on Thursday.", THURSDAY, THURSDAY, THURSDAY, THURSDAY),
        ("Ministers will meet on Thursday.", "2024-04-01", THURSDAY, THURSDAY, THURSDAY),
        ("Thursday will also feature a ceremony.", "2024-04-02", THURSDAY, THURSDAY, THURSDAY),
        ("Earlier Wednesday, ministers met.", "2024-04-03", "2024-04-03", "2024-04-03", "2024-04-03"),
        ("He appointed them last October.", THURSDAY, "2023-10-01", "2023-10-31", "2023-10"),
        ("He appointed them last October 12.", THURSDAY, "2023-10-12", "2023-10-12", "2023-10-12"),
        ("The vote is this March 28.", THURSDAY, "2024-03-28", "2024-03-28", "2024-03-28"),
        ("The vote is next June 5.", THURSDAY, "2024-06-05", "2024-06-05", "2024-06-05"),
        ("Growth will pick up next year.", THURSDAY, "2025-01-01", "2025-12-31", "2025"),
        ("Growth picked up this year.", THURSDAY, "2024-01-01", "2024-12-31", "2024"),
        ("Ministers met this week.", THURSDAY, "2024-04-01", "2024-04-07", "2024-W14"),
        ("Ministers met last week.", THURSDAY, "2024-03-25", "2024-03-31", "2024-W13"),
        ("Ministers met last month.", THURSDAY, "2024-03-01", "2024-03-31", "2024-03"),
        ("Ministers met earlier this month.", THURSDAY, "2024-04-01", "2024-04-03", "2024-04"),
        ("He said in February that talks failed.", THURSDAY, "2024-02-01", "2024-02-29", "2024-02"),
        ("He said in July that talks failed.", THURSDAY, "2023-07-01", "2023-07-31", "2023-07"),
        ("Leaders will gather in February.", THURSDAY, "2025-02-01", "2025-02-28", "2025-02"),
        ("Leaders prepare for the summit in July.", THURSDAY, "2024-07-01", "2024-07-31", "2024-07"),
        ("He could win November's presidential elections.", THURSDAY, "2024-11-01", "2024-11-30", "2024-11"),
        ("The group was set up three years ago.", THURSDAY, "2021-01-01", "2021-12-31", "2021"),
    ],
)
def test_relative(text: str, published: str, start: str, end: str, timex: str) -> None:
    _, value = only(text, published)
    assert (value.start, value.end, value.timex, value.relative) == (start, end, timex, True)


def test_present_and_past_references() -> None:
    _, value = only("The alliance is now stronger.")
    assert (value.timex, value.start) == ("PRESENT_REF", THURSDAY)
    _, value = only("In the past, he has always given in.")
    assert (value.timex, value.start, value.end) == ("PAST_REF", None, None)
    _, value = only("Spending will rise in the coming years.")
    assert (value.timex, value.start, value.end) == ("FUTURE_REF", THURSDAY, None)


def test_relative_expressions_need_a_publication_date() -> None:
    assert claims("Ministers met yesterday and on Thursday, last October.", None) == []
    assert [c.value.start for c in claims("Ministers met on 3 April 2024.", None)] == ["2024-04-03"]  # type: ignore[union-attr]


# --- things that are not dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Allies may decide to act; protesters march through town as marches grow.",
        "He asked for a second time, and then a second vote, within a second.",
        "They bought 100M rounds and F-16 jets, 2% of GDP, $77 billion in aid.",
        "With Steadfast Defender 24 ongoing, the 75th anniversary falls on page 2014 of 18-month-long talks.",
        "For 75 years, the alliance has grown; 75 years of peace.",
        "In the past months, contracts were agreed. The details will take shape in the weeks to come.",
        "The force of 2000 soldiers grew to 1500 troops.",
    ],
)
def test_not_dates(text: str) -> None:
    assert [text[c.start : c.end] for c in claims(text)] == []


def test_capitalised_may_with_a_day_is_a_month() -> None:
    assert interval("The vote is on May 5.", "2024-04-04") == ("2024-05-05", "2024-05-05")
    assert claims("He may 5 times repeat it.") == []


# --- publication dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [("April 4, 2024", "2024-04-04"), ("15 Feb. 2024", "2024-02-15"), ("2024-04-04", "2024-04-04"),
     ("Thursday, April 4, 2024", "2024-04-04"), ("no date here", None), ("April 2024", None)],
)  # fmt: skip
def test_parse_absolute_date(text: str, day: str | None) -> None:
    found = parse_absolute_date(text)
    assert (found.isoformat() if found else None) == day


# --- round trip: render a date in every supported form, read the same value back ------------------------

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]  # fmt: skip
ABBREVIATIONS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


DAY_FORMS = {
    "d month y": lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    "month d, y": lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    "abbr d, y": lambda d: f"{ABBREVIATIONS[d.month - 1]} {d.day}, {d.year}",
    "d abbr y": lambda d: f"{d.day} {ABBREVIATIONS[d.month - 1]} {d.year}",
    "the dth of month y": lambda d: f"the {_ordinal(d.day)} of {MONTH_NAMES[d.month - 1]} {d.year}",
    "iso": lambda d: d.isoformat(),
    "us numeric": lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
    "weekday, month d, y": lambda d: f"{d.strftime('%A')}, {MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    "weekday (d month y)": lambda d: f"{d.strftime('%A')} ({d.day} {MONTH_NAMES[d.month - 1]} {d.year})",
}


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       form=st.sampled_from(sorted(DAY_FORMS)))  # fmt: skip
def test_round_trip_day(day: dt.date, form: str) -> None:
    rendered = DAY_FORMS[form](day)
    text = f"Officials said the accord was signed on {rendered} in the capital."
    span, value = only(text, "2024-04-04")
    assert span.endswith(rendered.rstrip(")")) or span == rendered
    assert (value.start, value.end, value.timex) == (day.isoformat(),) * 3
    assert parse_absolute_date(rendered) == day


@settings(max_examples=200, deadline=None)
@given(year=st.integers(min_value=1900, max_value=2099), month=st.integers(min_value=1, max_value=12),
       form=st.sampled_from(["in {m} {y}", "in {y}", "since {y}", "between {y} and {z}"]))  # fmt: skip
def test_round_trip_periods(year: int, month: int, form: str) -> None:
    text = (
        "Officials said output fell "
        + form.format(m=MONTH_NAMES[month - 1], y=year, z=year + 3)
        + " overall."
    )
    _, value = only(text, "2024-04-04")
    if "{m}" in form:
        assert value.timex == f"{year}-{month:02d}"
        assert value.start == dt.date(year, month, 1).isoformat()
    elif form.startswith("between"):
        assert (value.start, value.end) == (f"{year}-01-01", f"{year + 3}-12-31")
    elif form.startswith("since"):
        assert (value.start, value.end, value.timex) == (f"{year}-01-01", None, str(year))
    else:
        assert (value.start, value.end, value.timex) == (f"{year}-01-01", f"{year}-12-31", str(year))


@settings(max_examples=200, deadline=None)
@given(published=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
       weekday=st.integers(min_value=0, max_value=6))  # fmt: skip
def test_weekday_resolution_is_within_a_week(published: dt.date, weekday: int) -> None:
    name = dt.date(2024, 4, 1 + weekday).strftime("%A")
    _, past = only(f"Ministers met on {name}.", published.isoformat())
    _, future = only(f"Ministers will meet on {name}.", published.isoformat())
    assert past.start is not None and future.start is not None
    past_day, future_day = dt.date.fromisoformat(past.start), dt.date.fromisoformat(future.start)
    assert past_day.weekday() == future_day.weekday() == weekday
    assert 0 <= (published - past_day).days <= 6
    assert 0 <= (future_day - published).days <= 6


# --- classes of expressions added for the peer conformance cases (one test per class) ---------------

MONDAY = "2016-11-07"


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("We will meet on Christmas.", MONDAY, "2016-12-25", "2016-12-25"),
        ("They met at Easter 2018.", MONDAY, "2018-04-01", "2018-04-01"),
        ("Shops opened on Black Friday 2010.", MONDAY, "2010-11-26", "2010-11-26"),
        ("Thanksgiving will be quiet.", MONDAY, "2016-11-24", "2016-11-24"),
        ("He spoke on Father’s Day.", MONDAY, "2016-06-19", "2016-06-19"),
        ("We skipped last Easter.", MONDAY, "2016-03-27", "2016-03-27"),
    ],
)
def test_holidays(text: str, published: str, start: str, end: str) -> None:
    assert interval(text, published) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("They will decide in 2 weeks.", "2016-11-21", "2016-11-21"),
        ("It will happen 3 days after January 12th.", "2017-01-15", "2017-01-15"),
        ("We will leave three weeks from tomorrow.", "2016-11-29", "2016-11-29"),
        ("It happened 2 weeks before May 13 1999.", "1999-04-29", "1999-04-29"),
        ("It should be done within 9 months.", "2016-11-07", "2017-08-06"),
        ("I'll be out the next 3 days.", "2016-11-08", "2016-11-10"),
        ("They worked on it for the last 3 months.", "2016-08-07", "2016-11-06"),
        ("They met the week after next.", "2016-11-21", "2016-11-27"),
    ],
)
def test_shifts_and_windows_count_from_publication(text: str, start: str, end: str) -> None:
    assert interval(text, MONDAY) == (start, end)


def test_in_n_units_is_a_date_only_when_the_sentence_looks_ahead() -> None:
    assert claims("It was the worst season in a decade.", MONDAY) == []
    assert claims("Prices rose for the first time in two years.", MONDAY) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The range is from 2014~2018.", "2014-01-01", "2018-12-31"),
        ("Sales rose Jan-Feb 2017.", "2017-01-01", "2017-02-28"),
        ("Sales rose from May to September.", "2016-05-01", "2016-09-30"),
        ("I have worked between Jan 22 and now.", "2016-01-22", MONDAY),
        ("Meet me from 10/25 to 01/25.", "2016-10-25", "2017-01-25"),
    ],
)
def test_ranges_with_relative_or_unstated_ends(text: str, start: str, end: str) -> None:
    assert interval(text, MONDAY) == (start, end)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("I'll go back Dec31, 1994.", "1994-12-31"),
        ("I'll go back 05-Aug-2016.", "2016-08-05"),
        ("How about 2019-aug-1?", "2019-08-01"),
        ("He went back on 22/04.", "2016-04-22"),
        ("Find 30 minutes on 11/20.", "2016-11-20"),
        ("Let's meet Friday the 15th.", "2016-07-15"),
        ("Let's meet on Tuesday of next week.", "2016-11-15"),
    ],
)
def test_more_day_surface_forms(text: str, day: str) -> None:
    assert interval(text, MONDAY) == (day, day)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Sales in 2017 April rose.", "2017-04-01", "2017-04-30"),
        ("Sales in 11/2016 rose.", "2016-11-01", "2016-11-30"),
        ("Sales in Dec-2018 rose.", "2018-12-01", "2018-12-31"),
        ("Sales in 2016-11 rose.", "2016-11-01", "2016-11-30"),
        ("The 2011-12 season was long.", "2011-01-01", "2012-12-31"),
    ],
)
def test_numeric_months(text: str, start: str, end: str) -> None:
    assert interval(text, MONDAY) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("We met the last week of July.", "2016-07-25", "2016-07-31"),
        ("How about the first week of 2015?", "2014-12-29", "2015-01-04"),
        ("Show sales in week 1 of 2011.", "2011-01-03", "2011-01-09"),
        ("Set it up for the week of April 10th, 2017.", "2017-04-10", "2017-04-16"),
    ],
)
def test_weeks_of_a_period(text: str, start: str, end: str) -> None:
    assert interval(text, MONDAY) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("We have been here since tomorrow.", "2016-11-08", None),
        ("You can leave on 1/1/2016 and later.", "2016-01-01", None),
        ("It sold later than 2016.", "2017-01-01", None),
        ("Show sales in the year 2012 or later.", "2012-01-01", None),
    ],
)
def test_more_open_sides(text: str, start: str | None, end: str | None) -> None:
    assert interval(text, MONDAY) == (start, end)


@pytest.mark.parametrize("text", ["It runs 24/7.", "About 1/2 of them left.", "He ate 2 1/2 pies."])
def test_slashed_figures_that_are_not_dates(text: str) -> None:
    assert claims(text, MONDAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "Call +86 138-2010-2015 for details.",  # a telephone number holding a year range
        "The number is 123-12-1234.",  # a month-year inside a longer code
        "The code of this object is 133-03-03-2020.",
        "0.8/15 looks like a formula",
        "The phases were 2010-2015-2020 in all.",
    ],
)
def test_figures_joined_to_more_figures_are_not_dates(text: str) -> None:
    assert claims(text, MONDAY) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("It ran from 2010-2015.", "2010-2015"),
        ("It happened on 3/4/2019. Nobody came.", "3/4/2019"),
        ("It ran from 10-1-2018-10-7-2018.", "from 10-1-2018-10-7-2018"),  # two dates, same shape
        ("It ran 2/29-3/1.", "2/29-3/1"),  # another separator
    ],
)
def test_dates_joined_to_dates_or_a_full_stop_are_still_dates(text: str, span: str) -> None:
    assert only(text, MONDAY)[0] == span


# --- forms added for the Recognizers-Text conformance cases ------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("They left in nineteen ninety six.", "nineteen ninety six", "1996-01-01", "1996-12-31"),
        ("Sales fell in two thousand and twenty.", "two thousand and twenty", "2020-01-01", "2020-12-31"),
        ("It was born January twenty five nineteen eighty six.", "January twenty five nineteen eighty six",
         "1986-01-25", "1986-01-25"),
        ("It fell on fifteen August nineteen hundred ninety three.",
         "fifteen August nineteen hundred ninety three", "1993-08-15", "1993-08-15"),
        ("It opened in August two thousand and fifteen.", "August two thousand and fifteen", "2015-08-01",
         "2015-08-31"),
        ("We meet on the twenty second of June.", "the twenty second of June", "2024-06-22", "2024-06-22"),
        ("I'll go back May twenty nine.", "May twenty nine", "2024-05-29", "2024-05-29"),
    ],
)  # fmt: skip
def test_days_and_years_in_words(text: str, span: str, start: str, end: str) -> None:
    found_span, value = only(text)
    assert (found_span, value.start, value.end) == (span, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "In May twenty people died.",
        "In October two thousand people marched.",
        "Two March rallies drew crowds.",
        "Sales in two thousand and twenty stores fell.",
        "Highs were in the 70s all week.",
    ],
)
def test_counts_in_words_are_not_days_or_years(text: str) -> None:
    assert [(text[c.start : c.end]) for c in claims(text)] in ([], ["May"], ["October"])


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("We will finish the rest of the week.", "2024-04-04", "2024-04-07"),
        ("Prices hold for the rest of the year.", "2024-04-04", "2024-12-31"),
        ("Talks resume early next week.", "2024-04-08", "2024-04-10"),
        ("Talks resume mid next week.", "2024-04-09", "2024-04-12"),
        ("Talks resume late next week.", "2024-04-11", "2024-04-14"),
    ],
)
def test_rest_of_a_unit_and_parts_of_a_week(text: str, start: str, end: str) -> None:
    assert interval(text) == (start, end)


def test_in_n_units_without_a_tense_cue_looks_ahead_and_within_next_starts_today() -> None:
    assert interval("Schedule a meeting in 10 days.") == ("2024-04-14", "2024-04-14")
    assert interval("He is back within next 10 months.") == ("2024-04-04", "2025-02-03")
    assert interval("Rain is likely in the next two days.") == ("2024-04-05", "2024-04-06")
    assert interval("Go to China next forty days.") == ("2024-04-05", "2024-05-14")
    assert claims("Prices rose 5% in two years.") == []


def test_an_open_word_before_the_next_date_is_not_a_suffix() -> None:
    found = claims("He will come after 2016 and before 2018.")
    assert [(c.value.start, c.value.end) for c in found if isinstance(c.value, DateValue)] == [
        ("2017-01-01", None),
        (None, "2017-12-31"),
    ]


def test_a_future_month_range_already_running_is_this_years() -> None:
    assert interval("What will happen between August and October?", "2018-09-07") == (
        "2018-08-01",
        "2018-10-31",
    )
    assert interval("What will happen from May to March?", "2018-09-07") == ("2018-05-01", "2019-03-31")


def test_decades_with_an_apostrophe() -> None:
    span, value = only("Music of the 70's returned.")
    assert (span, value.start, value.end) == ("the 70's", "1970-01-01", "1979-12-31")


# --- round 3: parts of periods, weekdays in months, spans of days, open words, half years ----------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Ministers will meet in early April.", "2024-04-01", "2024-04-15"),
        ("Prices fell late last month.", "2024-03-16", "2024-03-31"),
        ("Ministers will meet at the end of the month.", "2024-04-16", "2024-04-30"),
        ("The talks stalled earlier in the week.", "2024-04-01", "2024-04-03"),
    ],
)
def test_parts_of_months_are_halves_and_earlier_excludes_today(text: str, start: str, end: str) -> None:
    assert interval(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Ministers meet on the first Friday of next month.", "2024-05-03"),
        ("The vote is on the last Monday of May 2024.", "2024-05-27"),
        ("Clocks change on the second Sunday in March.", "2024-03-10"),
    ],
)
def test_nth_weekday_of_a_month(text: str, day: str) -> None:
    assert interval(text) == (day, day)


def test_for_a_second_sunday_is_not_a_date() -> None:
    assert claims("Crowds gathered for a second Sunday in a row.") == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The office is closed 4 till 23 of next month.", "2024-05-04", "2024-05-23"),
        ("The trial ran from 4 to January 22, 1995.", "1995-01-04", "1995-01-22"),
    ],
)
def test_span_of_days_before_the_month_that_holds_them(text: str, start: str, end: str) -> None:
    assert interval(text) == (start, end)


def test_figures_before_a_month_are_not_a_span_of_days() -> None:
    span, value = only("Cases rose from 4 to 22 this month.")
    assert (span, value.start, value.end) == ("this month", "2024-04-01", "2024-04-30")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("He will leave before or on 1/1/2016.", None, "2016-01-01"),
        ("He will arrive later than or at 1/1/2016.", "2016-01-01", None),
        ("They hope to finish sooner than 2020.", None, "2019-12-31"),
        ("The plant opens 2026 or later.", "2026-01-01", None),
    ],
)
def test_inclusive_and_comparative_open_words(text: str, start: str | None, end: str | None) -> None:
    assert interval(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("They met last Wednesday.", "2024-03-27"),
        ("They met this past Wednesday.", "2024-04-03"),
        ("They will meet next Wednesday.", "2024-04-10"),
    ],
)
def test_last_weekday_is_in_last_week(text: str, day: str) -> None:
    assert interval(text) == (day, day)


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("Let's meet on Friday the 12th.", "Friday the 12th", "2024-04-12"),
        ("They met Friday the fifteen.", "Friday the fifteen", "2024-03-15"),
        ("On Friday the two leaders met.", "Friday", "2024-03-29"),
    ],
)
def test_weekday_with_day_of_month_is_the_nearest_such_day(text: str, span: str, day: str) -> None:
    found_span, value = only(text)
    assert (found_span, value.start) == (span, day)


@pytest.mark.parametrize(
    ("text", "start", "end", "timex"),
    [
        ("Output rose in H1 2016.", "2016-01-01", "2016-06-30", "2016-H1"),
        ("Output rose in the second half of 2023.", "2023-07-01", "2023-12-31", "2023-H2"),
        ("Sales rose in May this year.", "2024-05-01", "2024-05-31", "2024-05"),
        ("Sales should rise in Q3 next year.", "2025-07-01", "2025-09-30", "2025-Q3"),
        ("Shares are up 5% year-to-date.", "2024-01-01", "2024-04-03", "2024"),
        ("Music of the nineteen seventies returned.", "1970-01-01", "1979-12-31", "197"),
        ("Music of the noughties returned.", "2000-01-01", "2009-12-31", "200"),
    ],
)
def test_half_years_relative_years_and_spoken_decades(text: str, start: str, end: str, timex: str) -> None:
    _, value = only(text)
    assert (value.start, value.end, value.timex) == (start, end, timex)


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("It opened Sep-23-2020.", "Sep-23-2020", "2020-09-23"),
        ("It opened on 28 June in 2020.", "28 June in 2020", "2020-06-28"),
        ("It opened on July 4th of 1995.", "July 4th of 1995", "1995-07-04"),
    ],
)
def test_day_with_its_year_after_a_dash_or_a_preposition(text: str, span: str, day: str) -> None:
    found_span, value = only(text)
    assert (found_span, value.start, value.end) == (span, day, day)


def test_week_of_a_day_of_the_month() -> None:
    span, value = only("They met in the week of the 18th.")
    assert (span, value.start, value.end) == ("the week of the 18th", "2024-03-18", "2024-03-24")
