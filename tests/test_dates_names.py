"""Words that are dates and also names or titles: a month after a lowercase word at a pause ("is called
October") and a holiday that is also a surname ("Mr. Ramadan said") are no dates; the holiday needs a
calendar word beside it ("during Ramadan", "Ramadan begins", "Ramadan 2017")."""

from __future__ import annotations

import pytest

from tests.test_dates import claims, only

MONDAY = "2016-11-07"


@pytest.mark.parametrize(
    "text",
    [
        "Her debut album is called October.",
        "The ship was renamed November.",
        "The novel is titled January.",
        "The report is due February.",
    ],
)
def test_a_month_closing_a_clause_without_a_preposition_is_no_date(text: str) -> None:
    """'due February' would be read as the past February of a future deadline; titles and names end
    clauses the same way, so only a preposition or a modifier makes a lone month a date."""
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == []


@pytest.mark.parametrize(
    ("text", "span", "month"),
    [
        ("The February meeting was tense.", "February", "2016-02"),
        ("Apple's September event drew crowds.", "September", "2016-09"),
        ("Sales slid. October was worse.", "October", "2016-10"),
        ("\u201cNovember was cold,\u201d he said.", "November", "2016-11"),
        ("Officials said that January was the worst month.", "January", "2016-01"),
        ("Their December talks will resume.", "December", "2016-12"),
    ],
)
def test_a_month_that_is_nothing_else_is_a_date_where_it_is_a_noun_of_its_own(
    text: str, span: str, month: str
) -> None:
    """The rule book's ``months_alone`` need no preposition opening a sentence or after a determiner."""
    found_span, value = only(text, MONDAY)
    assert (found_span, value.timex) == (span, month)


@pytest.mark.parametrize(
    "text",
    [
        "The October Revolution changed Russia.",
        "Black September claimed the attack.",
        "January Jones starred in it.",
        "Dr. January spoke.",
        "Earth, Wind & Fire sang September.",
        "April was the first to arrive.",
        "The June meeting was tense.",
        "The august body met.",
    ],
)
def test_a_month_alone_that_is_also_a_name_or_a_title_is_no_date(text: str) -> None:
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Ramadan said the plan would work.",
        "Dr. Ramadan told reporters.",
        "Gen. Ramadan, the army chief, resigned.",
        "Ramadan said he would resign.",
        "Hundreds attended, Ramadan told reporters.",
        "The Ramadan market opened.",
        "Ramadan Kareem to all.",
        "Tariq Ramadan spoke.",
        "Dr. Ramadan began his speech.",
        "Since Ramadan said so, we left.",
        "A statement by Ramadan was read.",
    ],
)
def test_ramadan_as_a_surname_or_greeting_is_no_date(text: str) -> None:
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == []


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("Shops close early during Ramadan.", "Ramadan", "2016-06-06", "2016-07-05"),
        ("It was the holy month of Ramadan.", "Ramadan", "2016-06-06", "2016-07-05"),
        ("Ramadan began quietly.", "Ramadan", "2016-06-06", "2016-07-05"),
        ("Prices rose since the start of Ramadan.", "Ramadan", "2016-06-06", "2016-07-05"),
        ("They will finish before Ramadan 2017.", "before Ramadan 2017", None, "2017-05-25"),
        ("Last Ramadan was hot.", "Last Ramadan", "2016-06-06", "2016-07-05"),
        ("The Ramadan fast ended.", "Ramadan", "2016-06-06", "2016-07-05"),
    ],
)  # fmt: skip
def test_ramadan_with_a_calendar_word_is_the_month(text: str, span: str, start: str | None, end: str) -> None:
    found_span, value = only(text, MONDAY)
    assert (found_span, value.start, value.end) == (span, start, end)


def test_ramadan_begins_on_a_weekday_keeps_both() -> None:
    text = "Ramadan begins on Thursday."
    assert [text[c.start : c.end] for c in claims(text, MONDAY)] == ["Ramadan", "Thursday"]
