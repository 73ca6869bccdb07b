"""Date claims: compound lengths, counted spans, parts of periods, holiday weekends, more ranges and
the figures around them that must stay figures (one parametrized test per class of expression)."""

from __future__ import annotations

import pytest

from tests.test_dates import claims, interval, only

MONDAY = "2016-11-07"
TUESDAY = "2018-05-29"


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("I need to prepare for Labor Day weekend.", "2021-11-09", "2021-09-04", "2021-09-06"),
        ("We'll take the weekend of Thanksgiving 2023 off.", MONDAY, "2023-11-23", "2023-11-26"),
        ("A flight for Halloween weekend 2021.", MONDAY, "2021-10-30", "2021-10-31"),
        ("They met on Eid al-Fitr 2021.", MONDAY, "2021-05-12", "2021-05-12"),
        ("Prayers were held on Eid al-Adha 2020.", MONDAY, "2020-07-30", "2020-07-30"),
        ("The Islamic New Year 2020 was quiet.", MONDAY, "2020-08-19", "2020-08-19"),
        ("I'll go back on Yuandan of next year.", MONDAY, "2017-01-01", "2017-01-01"),
    ],
)
def test_holiday_weekends_and_lunar_holidays(text: str, published: str, start: str, end: str) -> None:
    assert interval(text, published) == (start, end)


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("We met 1 month and 21 days ago.", "1 month and 21 days ago", "2018-04-08", "2018-04-08"),
        ("I left 2 years, 1 month, 21 days ago.", "2 years, 1 month, 21 days ago", "2016-04-08",
         "2016-04-08"),
        ("I will be back within 5 years 1 month 12 days.", "within 5 years 1 month 12 days", "2018-05-29",
         "2023-07-10"),
        ("They worked for the last 3 months and 2 weeks.", "the last 3 months and 2 weeks", "2018-02-14",
         "2018-05-28"),
        ("They tried for the last 3 months and many weeks.", "the last 3 months", "2018-02-28", "2018-05-28"),
    ],
)  # fmt: skip
def test_compound_lengths(text: str, span: str, start: str, end: str) -> None:
    found_span, value = only(text, TUESDAY)
    assert (found_span, value.start, value.end) == (span, start, end)


def test_a_compound_length_stops_before_another_date_counted_back() -> None:
    text = "They worked for the last 3 months and 2 weeks and 2 days ago they found it."
    found = [(text[c.start : c.end], c.value.start) for c in claims(text, MONDAY)]  # type: ignore[union-attr]
    assert found == [("the last 3 months", "2016-08-07"), ("2 weeks and 2 days ago", "2016-10-22")]
    text = "It rose in the past two years and three months ago it fell."
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == ["the past two years", "three months ago"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("It was done more than 2 weeks before today.", None, "2018-05-14"),
        ("It will start more than 2 weeks after today.", "2018-06-13", None),
        ("It will be done less than 3 days after tomorrow.", "2018-05-30", "2018-06-01"),
        ("It will start within 2 weeks after today.", "2018-05-29", "2018-06-11"),
        ("It will start within the next 2 weeks after today.", "2018-05-29", "2018-06-11"),
        ("I will come back less than 2 weeks from today.", "2018-05-29", "2018-06-11"),
    ],
)
def test_lengths_with_more_than_less_than_within(text: str, start: str | None, end: str | None) -> None:
    assert interval(text, TUESDAY) == (start, end)


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("Set something up for the next 4 business days.", "2018-08-21", "2018-08-22", "2018-08-27"),
        ("It covers the previous 4 business days.", "2018-08-21", "2018-08-15", "2018-08-20"),
        ("It will be settled in four business days.", "2018-08-21", "2018-08-27", "2018-08-27"),
        ("Refunds arrive within 10 working days.", "2018-08-21", "2018-08-21", "2018-09-04"),
        ("It will happen this working week.", "2018-06-26", "2018-06-25", "2018-06-29"),
        ("It will happen next workweek.", "2018-06-26", "2018-07-02", "2018-07-06"),
    ],
)
def test_business_days_and_work_weeks(text: str, published: str, start: str, end: str) -> None:
    assert interval(text, published) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Set OOO for 2 weeks starting May 20th.", "2018-05-20", "2018-06-02"),
        ("Set OOO for 3 days, from today.", "2018-05-29", "2018-05-31"),
        ("Set OOO for 3 days from today.", "2018-05-29", "2018-05-31"),
        ("They will close for 1 week, from 20th dec.", "2018-12-20", "2018-12-26"),
        ("We will meet 3 days from today.", "2018-06-01", "2018-06-01"),
    ],
)
def test_a_length_laid_from_a_day(text: str, start: str, end: str) -> None:
    assert interval(text, TUESDAY) == (start, end)


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("They will leave the third month of 2021.", MONDAY, "2021-03-01", "2021-03-31"),
        ("The 9th month of next year we review it.", "2021-11-29", "2022-09-01", "2022-09-30"),
        ("Booked for the first 2 weeks of 2021.", MONDAY, "2021-01-04", "2021-01-17"),
        ("Work is set for the last 3 weeks of this year.", "2019-11-29", "2019-12-09", "2019-12-29"),
        ("Results for the last four months of 2021 are out.", MONDAY, "2021-09-01", "2021-12-31"),
        ("They visited Paris the first ten days of last year.", "2021-11-29", "2020-01-01", "2020-01-10"),
        ("Sales rose in the first nine months of 2023.", MONDAY, "2023-01-01", "2023-09-30"),
        ("Sales rose in the first six months of the year.", MONDAY, "2016-01-01", "2016-06-30"),
        ("Rain fell in the first 10 days of March 2020.", MONDAY, "2020-03-01", "2020-03-10"),
    ],
)
def test_first_and_last_units_of_a_period(text: str, published: str, start: str, end: str) -> None:
    assert interval(text, published) == (start, end)


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("I am off april ninth through seventeenth.", MONDAY, "2016-04-09", "2016-04-17"),
        ("I am off between the ninth and the seventeenth of april.", MONDAY, "2016-04-09", "2016-04-17"),
        ("I am off from ninth till seventeenth of april.", MONDAY, "2016-04-09", "2016-04-17"),
        ("I am off from april the ninth till the seventeenth.", MONDAY, "2016-04-09", "2016-04-17"),
        ("I am off from April 27th to the 3rd.", MONDAY, "2016-04-27", "2016-05-03"),
        ("I'll be out from Week 31 to Week 35.", "2018-05-04", "2018-07-30", "2018-09-02"),
        ("A long vacation from next monday to friday.", "2019-09-05", "2019-09-09", "2019-09-13"),
        ("Meet next week between Wednesday and Friday.", "2017-11-14", "2017-11-22", "2017-11-24"),
        ("Sales from april to June in 2017 fell.", MONDAY, "2017-04-01", "2017-06-30"),
        ("Sales from april in 2016 to June in 2017 fell.", MONDAY, "2016-04-01", "2017-06-30"),
        ("How many docked from March to date?", MONDAY, "2016-03-01", "2016-11-07"),
    ],
)
def test_more_ranges(text: str, published: str, start: str, end: str) -> None:
    assert interval(text, published) == (start, end)


def test_two_days_listed_with_and_are_two_claims_unless_between_opens_a_range() -> None:
    text = "I am looking at 18 and 19 June."
    found = [(text[c.start : c.end], c.value.start, c.value.end) for c in claims(text, MONDAY)]  # type: ignore[union-attr]
    assert found == [("18", "2016-06-18", "2016-06-18"), ("19 June", "2016-06-19", "2016-06-19")]
    assert interval("I am out between 18 and 19 June.", MONDAY) == ("2016-06-18", "2016-06-19")


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("I'll go back Monday two weeks from now.", "2016-11-09", "2016-11-21"),
        ("I'll go back in 3 days on Friday.", "2016-11-09", "2016-11-11"),
        ("I'll go back 3 weeks after Christmas on Friday.", "2021-11-02", "2022-01-14"),
        ("I'll go back Thursday, two year from now.", "2021-01-02", "2023-01-05"),
    ],
)
def test_weekday_of_the_week_of_a_counted_day(text: str, published: str, day: str) -> None:
    assert interval(text, published) == (day, day)


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("I'll go back before end of this year.", MONDAY, None, "2016-12-31"),
        ("It must be signed before the end of December.", MONDAY, None, "2016-12-31"),
        ("It was open after the beginning of March 2016.", MONDAY, "2016-03-01", None),
        ("The flu peaked by the end of year, officials said.", "2013-03-22", None, "2012-12-31"),
        ("Prices will rise by the end of the year.", "2013-03-22", None, "2013-12-31"),
        ("A party at the end of month.", "2018-11-27", "2018-11-16", "2018-11-30"),
    ],
)
def test_ends_and_beginnings_of_periods(
    text: str, published: str, start: str | None, end: str | None
) -> None:
    assert interval(text, published) == (start, end)


@pytest.mark.parametrize(
    ("text", "published", "span", "start", "end"),
    [
        ("It was signed on Feb 29.", "2017-03-22", "Feb 29", "2016-02-29", "2016-02-29"),
        ("It will be signed on Feb 29.", "2017-03-22", "Feb 29", "2020-02-29", "2020-02-29"),
        ("I'll go back 20161016.", MONDAY, "20161016", "2016-10-16", "2016-10-16"),
        ("See report-20170302.html for it.", MONDAY, "20170302", "2017-03-02", "2017-03-02"),
        ("I was born in April of 87.", MONDAY, "April of 87", "1987-04-01", "1987-04-30"),
        ("She was born in June '19 in Ohio.", MONDAY, "June '19", "2019-06-01", "2019-06-30"),
        ("I was born on 15 April of 87.", MONDAY, "15 April of 87", "1987-04-15", "1987-04-15"),
        ("Sales in the year of 2008 fell.", MONDAY, "2008", "2008-01-01", "2008-12-31"),
        ("The custom dates back to 1865, they say.", MONDAY, "1865", "1865-01-01", "1865-12-31"),
        ("I went back 20th of next month.", MONDAY, "20th of next month", "2016-12-20", "2016-12-20"),
        ("Set it up around the 21st this month.", MONDAY, "the 21st this month", "2016-11-21", "2016-11-21"),
        ("They met on 29th.", MONDAY, "29th", "2016-10-29", "2016-10-29"),
        ("I'll be out june next year.", MONDAY, "june next year", "2017-06-01", "2017-06-30"),
        ("I'll be out the third week next year.", MONDAY, "the third week next year", "2017-01-16",
         "2017-01-22"),
        ("Out the third quarter of two thousand and twenty.", MONDAY,
         "the third quarter of two thousand and twenty", "2020-07-01", "2020-09-30"),
        ("Are you free three weeks from tmrw?", MONDAY, "three weeks from tmrw", "2016-11-29", "2016-11-29"),
        ("I'll be out November , 2016.", MONDAY, "November , 2016", "2016-11-01", "2016-11-30"),
    ],
)  # fmt: skip
def test_more_day_month_and_year_forms(text: str, published: str, span: str, start: str, end: str) -> None:
    found_span, value = only(text, published)
    assert (found_span, value.start, value.end) == (span, start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I bought it for $12 December 27.", ["December 27"]),
        ("6,107.31 August 2019 should not take the decimal.", ["August 2019"]),
        ("We will be only 3 next week.", ["next week"]),
        ("I leave on 1/1/2016 and after my work is done.", ["1/1/2016"]),
        ("It cost $20161016 in total; order #20170302 and +20170302 too.", []),
        ("A crowd of two thousand.", []),
        ("They march first to third base.", []),
        ("He was born in March of 87 people.", ["March"]),
        ("Troops march in 2016 was long.", ["2016"]),
        ("He rose 3 days, after the vote.", []),
        ("Over the past week, prices rose.", []),
        ("The first 2 weeks of training were hard.", []),
        ("He finished on 29th place.", []),
        ("Runners on 1st and 3rd scored.", []),
        ("The festival of lights and the Arabic press.", []),
    ],
)
def test_figures_and_words_that_stay_out_of_dates(text: str, expected: list[str]) -> None:
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == expected


def test_count_and_cardinal_fragments_read_every_number_word() -> None:
    """The grammar builds "one" to "ninety-nine" from parts; every written form must still match whole."""
    import re

    from checker.claims import dates
    from checker.claims._datelex import CARDINALS, NUMBER_WORDS

    cardinal, count = re.compile(dates._CARDINAL), re.compile(dates._COUNT)
    for word in CARDINALS:
        for form in (word, word.replace("-", " "), word.replace("-", "")):
            assert cardinal.fullmatch(form), form
    for word in NUMBER_WORDS:
        assert count.fullmatch(word), word
    assert count.match("seventeen days").group(0) == "seventeen"  # a teen, not "seven"
    assert count.match("twenty-one days").group(0) == "twenty-one"


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("Cases doubled over the past fortnight.", "the past fortnight", "2021-05-03", "2021-05-16"),
        ("Cases doubled over the last fortnight.", "the last fortnight", "2021-05-03", "2021-05-16"),
        ("We hope to leave in the next fortnight.", "the next fortnight", "2021-05-31", "2021-06-13"),
        ("Talks are due this fortnight.", "this fortnight", "2021-05-17", "2021-05-30"),
        ("Talks will resume in a fortnight.", "in a fortnight", "2021-06-03", "2021-06-03"),
    ],
)
def test_fortnights_count_as_units_of_two_weeks(text: str, span: str, start: str, end: str) -> None:
    found_span, value = only(text, "2021-05-20")
    assert (found_span, value.start, value.end) == (span, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "The fortnight ahead will be decisive.",
        "A fortnight later, the army withdrew.",
        "Over the past week, it fell.",
    ],
)
def test_a_fortnight_with_nothing_to_place_it_is_no_date(text: str) -> None:
    assert claims(text, "2021-05-20") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose in 2007 and 2009.", ["2007", "2009"]),
        ("It happened in 1999 or 2000.", ["1999", "2000"]),
        ("Show sales of 2007 and 2009.", ["2007", "2009"]),
        ("The law was passed before 2000 but not 1998.", ["before 2000", "1998"]),
        ("Use the figures from 2010 - 2020 and not 2015.", ["2010 - 2020", "2015"]),
        ("It hired 300 in 2015 and 1200 in 2016.", ["2015", "2016"]),
        ("It sold 2000 in 2015 and 2010 in 2016.", ["2015", "2016"]),
        ("In 2015 and 2000 more people died.", ["2015"]),
        ("Sales of 2007 and 2009 models were recalled.", []),
        ("About 2000 and 3000 troops were deployed.", []),
        ("Room 2007 and 2009 were booked.", []),
    ],
)
def test_a_bare_number_coordinated_with_a_year_is_a_year(text: str, expected: list[str]) -> None:
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == expected


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("I will leave from 5/1-5/7, 2020.", "from 5/1-5/7, 2020", "2020-05-01", "2020-05-07"),
        ("The period is 10/1-11/2/2017.", "10/1-11/2/2017", "2017-10-01", "2017-11-02"),
        ("The summit runs Nov-Feb 5th, 2017 in Seoul.", "Nov-Feb 5th, 2017", "2016-11-01", "2017-02-05"),
        ("I'll be out from 2 to 7 Feb, two thousand and eighteen.", "2 to 7 Feb, two thousand and eighteen",
         "2018-02-02", "2018-02-07"),
        ("I'll be out between 2 and 7 Feb twenty eighteen.", "2 and 7 Feb twenty eighteen", "2018-02-02",
         "2018-02-07"),
        ("They met 11/20, 2019 in Paris.", "11/20, 2019", "2019-11-20", "2019-11-20"),
    ],
)  # fmt: skip
def test_a_range_shares_the_year_written_after_it(text: str, span: str, start: str, end: str) -> None:
    found_span, value = only(text, MONDAY)
    assert (found_span, value.start, value.end) == (span, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "The ratio was 1/2, 2000 people agreed.",
        "He went 3/4, 2015 was good.",
        "Odds rose from 4 to 22, 2017 was worse.",
    ],
)
def test_figures_before_a_year_stay_figures(text: str) -> None:
    assert claims(text, MONDAY) == []


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("Are you available on 2015.5.13?", "2015.5.13", "2015-05-13"),
        ("It is due October, 1st.", "October, 1st", "2017-10-01"),  # "is due": still to come
        ("It is due October, 1st, 2017.", "October, 1st, 2017", "2017-10-01"),
        ("It was signed 16. Nov. 2016 in Bonn.", "16. Nov. 2016", "2016-11-16"),
    ],
)
def test_punctuated_day_forms(text: str, span: str, day: str) -> None:
    found_span, value = only(text, MONDAY)
    assert (found_span, value.start, value.end) == (span, day, day)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Version 2015.5.13 was released.", []),
        ("See section 1999.3.12 of the code.", []),
        ("In October, 1st Lt. John Smith arrived.", ["October"]),
        ("The toll rose to 16. November 2016 was worse.", ["November 2016"]),
    ],
)
def test_numbers_and_sentence_ends_around_punctuated_days(text: str, expected: list[str]) -> None:
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == expected


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("In the 70s, the city grew.", "the 70s", "1970-01-01", "1979-12-31"),
        ("The oil crisis of the 70s hit hard.", "the 70s", "1970-01-01", "1979-12-31"),
        ("The city has grown since the 80s.", "since the 80s", "1980-01-01", None),
        ("The boom of the nineties ended.", "the nineties", "1990-01-01", "1999-12-31"),
        ("In the two thousands, growth was fast.", "the two thousands", "2000-01-01", "2009-12-31"),
        (
            "Prices rose in the two thousand and tens.",
            "the two thousand and tens",
            "2010-01-01",
            "2019-12-31",
        ),
    ],
)
def test_decades_in_figures_and_words(text: str, span: str, start: str, end: str | None) -> None:
    found_span, value = only(text, MONDAY)
    assert (found_span, value.start, value.end) == (span, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures in the 70s are expected.",
        "Highs will climb from the 70s into the 90s.",
        "She is in her 70s and lives alone.",
        "He died in his nineties.",
        "Highs in the nineties are expected.",
        "Lows will dip into the twenties.",
        "Approval stood in the 40s for months.",
        "Thousands of people marched.",
    ],
)
def test_temperatures_ages_and_scores_are_no_decades(text: str) -> None:
    assert claims(text, MONDAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deaths rose from 4 to 22 in May, officials said.", ["May"]),
        ("Sales rose from 12 to 19 in March 2024.", ["March 2024"]),
        ("Offices close from the 4th to the 22nd in May.", ["from the 4th to the 22nd in May"]),
        ("The fair runs 4-23 in next month.", ["4-23 in next month"]),
        ("I'm away from 4 till 23 of this month.", ["from 4 till 23 of this month"]),
    ],
)
def test_figures_that_changed_in_a_month_are_no_days(text: str, expected: list[str]) -> None:
    """'from 4 to 22 in May' is a change in May; ordinals, a dash or 'of' make the figures days."""
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == expected
