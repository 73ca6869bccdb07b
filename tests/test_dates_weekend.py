"""'The weekend' and 'the past quarter': the nearest one, placed by the sentence's tense; the weekend
before an event or every weekend is no date of its own."""

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
