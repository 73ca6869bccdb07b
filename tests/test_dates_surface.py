"""Date claims: less common surface forms (a named month in any order, dashed dates with two-figure
years and their century, calendar-year abbreviations, lowercase months, Ramadan) and the figures and
words around them that must stay out of dates."""

from __future__ import annotations

import pytest

from checker.claims.base import ExtractionContext
from checker.claims.dates import DateExtractor
from checker.models import DateValue
from checker.testing import context_for_text
from tests.test_dates import claims, only

MONDAY = "2016-11-07"


def spans(text: str, published: str = MONDAY) -> list[str]:
    return [text[c.start : c.end] for c in claims(text, published)]


def day_first(text: str, published: str = MONDAY) -> list[tuple[str, str | None]]:
    ctx = context_for_text(text, published)
    found = DateExtractor().extract(
        ExtractionContext(document=ctx.document, rules=ctx.rules, published=ctx.published, date_order="dmy")
    )
    result = []
    for claim in found:
        assert isinstance(claim.value, DateValue)
        result.append((text[claim.start : claim.end], claim.value.start))
    return result


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("I'll go back September-2020-23.", "September-2020-23", "2020-09-23"),
        ("I'll go back 2020/23/Sep.", "2020/23/Sep.", "2020-09-23"),
        ("i'll go back 23-2020-September", "23-2020-September", "2020-09-23"),
        ("Filed 2019-Mar-04 in court.", "2019-Mar-04", "2019-03-04"),
    ],
)
def test_a_named_month_makes_any_order_of_the_parts_a_date(text: str, span: str, day: str) -> None:
    found_span, value = only(text, MONDAY)
    assert (found_span, value.start, value.end) == (span, day, day)
    assert day_first(text) == [(span, day)]


def test_a_slashed_pair_of_years_stays_a_span_of_years() -> None:
    found_span, value = only("The 2020/23 spending plan was cut.", MONDAY)
    assert (found_span, value.start, value.end) == ("2020/23", "2020-01-01", "2023-12-31")


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("I'll go back 03/18/40.", MONDAY, "1940-03-18"),
        ("I'll go back on 3-7-27", MONDAY, "2027-03-07"),
        ("Born in June '37, he ...", MONDAY, "1937-06-01"),
        ("Planned for June '36 at the latest.", MONDAY, "2036-06-01"),
        ("I was born in April of 87.", MONDAY, "1987-04-01"),
        ("He was born on 15 April of 45.", "2030-01-01", "2045-04-15"),
        ("Signed 03/18/40 in the archive.", "1990-01-01", "1940-03-18"),
        ("Due 03/18/99 at noon.", "1990-01-01", "1999-03-18"),
    ],
)
def test_a_two_figure_year_lies_at_most_twenty_years_after_publication(
    text: str, published: str, day: str
) -> None:
    _, value = only(text, published)
    assert value.start == day


@pytest.mark.parametrize(
    ("text", "mdy", "dmy"),
    [
        ("I'll go back on 9-18-15", "2015-09-18", "2015-09-18"),
        ("The letter was dated 3-7-07.", "2007-03-07", "2007-07-03"),
        ("Since Monday, 9-18-15, nothing moved.", "2015-09-18", "2015-09-18"),
        ("9-18-15", "2015-09-18", "2015-09-18"),
        ("The deal was signed 12-03-15 in Paris.", "2015-12-03", "2015-03-12"),
    ],
)
def test_dashed_dates_with_a_two_figure_year(text: str, mdy: str, dmy: str) -> None:
    _, value = only(text, MONDAY)
    assert value.start == mdy
    assert [day for _, day in day_first(text)] == [dmy]


@pytest.mark.parametrize(
    "text",
    [
        "It was a 3-7-1 vote.",
        "They went 12-5-10 this season.",
        "The 12-5-10 record is their best.",
        "She won 9-18-15 in sets.",
        "A 5-4-12 split decision.",
        "ISBN 978-3-16-10 was listed.",
        "Ticket #3-7-07 was drawn.",
        "Part 3-7-07-12 failed.",
        "Version 3.7.07 shipped.",
        "They voted 6-3-10 for the bill.",
    ],
)
def test_tallies_codes_and_versions_are_no_dashed_dates(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "published", "span", "start", "end"),
    [
        ("Shops close early during Ramadan.", "2020-08-17", "Ramadan", "2020-04-23", "2020-05-22"),
        ("Ramadhan ended quietly.", "2021-06-09", "Ramadhan", "2021-04-12", "2021-05-11"),
        ("Fasting in Ramzan 2019 was hard.", MONDAY, "Ramzan 2019", "2019-05-05", "2019-06-03"),
        ("The holy month of Ramazan began.", "2020-08-17", "Ramazan", "2020-04-23", "2020-05-22"),
    ],
)
def test_ramadan_is_the_whole_month_of_the_tabular_islamic_calendar(
    text: str, published: str, span: str, start: str, end: str
) -> None:
    """Ramadan runs from 1 Ramadan to the day before 1 Shawwal (Eid al-Fitr), in the arithmetic
    calendar the other Islamic holidays use; the days observed may differ by a day."""
    found_span, value = only(text, published)
    assert (found_span, value.start, value.end) == (span, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "Ramzan Kadyrov said the operation was over.",
        "The scholar Tariq Ramadan was charged.",
        "Tariq Ramadan denied the claims.",
        "Taha Yassin Ramadan was executed.",
    ],
)
def test_ramadan_in_a_personal_name_is_no_date(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "span", "start"),
    [
        ("It may be in may.", "may", "2017-05-01"),
        ("Prices have risen since march, when the tax began.", "since march", "2016-03-01"),
        ("I went back to China in the april.", "april", "2016-04-01"),
        ("The vote in the April elections was close.", "April", "2016-04-01"),
        ("He may, in may, go.", "may", "2017-05-01"),
    ],
)
def test_lowercase_months_in_a_date_slot(text: str, span: str, start: str) -> None:
    found_span, value = only(text, MONDAY)
    assert (found_span, value.start) == (span, start)


@pytest.mark.parametrize(
    "text",
    [
        "As you may know, it rained.",
        "Prices in may be higher.",
        "Interest in may rise.",
        "We march in may protest.",
        "They are in march mode.",
        "in march we march",
        "Investors may march on.",
        "The fall in mayhem was welcome.",
    ],
)
def test_may_and_march_the_verbs_stay_out_of_dates(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "published", "span", "start", "end"),
    [
        ("Show sales in the cy 2008", MONDAY, "cy 2008", "2008-01-01", "2008-12-31"),
        ("Revenue for CY2008 rose.", MONDAY, "CY2008", "2008-01-01", "2008-12-31"),
        ("Show sales in the cy18", "2019-06-18", "cy18", "2018-01-01", "2018-12-31"),
        ("I'll go back 08/12,2015", MONDAY, "08/12,2015", "2015-08-12", "2015-08-12"),
        ("week of september.16th", MONDAY, "week of september.16th", "2016-09-12", "2016-09-18"),
        ("I'll be out year 247", MONDAY, "year 247", "0247-01-01", "0247-12-31"),
        ("In the year 800, Charlemagne was crowned.", MONDAY, "the year 800", "0800-01-01", "0800-12-31"),
    ],
)
def test_calendar_years_and_punctuated_forms(
    text: str, published: str, span: str, start: str, end: str
) -> None:
    found_span, value = only(text, published)
    assert (found_span, value.start, value.end) == (span, start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cyclone hit 2008 homes.", []),
        ("CY 08 results were out.", []),
        ("Members of Black September.", []),
        ("It happened in September.16 people died.", ["September"]),
        ("Every year 250.", []),
        ("The city fell in the year 300 BC.", []),
        ("Year 100 people were hired.", []),
        ("A ratio of 1/2, 2015 was a bad year.", []),
    ],
)
def test_figures_near_calendar_words_stay_figures(text: str, expected: list[str]) -> None:
    assert spans(text) == expected
