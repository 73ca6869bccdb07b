"""Holidays are data: the date grammar finds and dates the holidays of the rule book's holidays.yml,
so a rules folder that adds one gets its claims, and one that drops one loses them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.claims.base import Extracted
from checker.claims.dates import (
    DateExtractor,
    _compiled_grammar,
    default_holidays,
    find_mentions,
    rule_book_holidays,
)
from checker.models import DateValue
from checker.rules import DEFAULT_RULES_DIR, RuleBook, load_rulebook
from checker.testing import context_for_text, default_rules

FEBRUARY = "2024-02-01"
FOUNDERS_DAY = """  - names: [founders day, founders' day]
    date: {month: 3, day: 3}
  - names: [founders eve]
    from_holiday: {name: founders day, days: -1}
"""


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, target)
    return target


def _edit_holidays(rules_dir: Path, old: str, new: str) -> RuleBook:
    path = rules_dir / "holidays.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_rulebook(rules_dir)


def _claims(
    text: str, rules: RuleBook, published: str = FEBRUARY
) -> list[tuple[str, str | None, str | None]]:
    found: list[Extracted] = DateExtractor().extract(context_for_text(text, published, rules))
    values = []
    for claim in found:
        assert isinstance(claim.value, DateValue)
        values.append((text[claim.start : claim.end], claim.value.start, claim.value.end))
    return values


def test_a_holiday_added_to_the_rules_is_a_date(rules_copy: Path) -> None:
    book = _edit_holidays(rules_copy, "holidays:\n", "holidays:\n" + FOUNDERS_DAY)
    text = "The parade is on Founders Day, and the vigil on Founders Eve."
    assert _claims(text, default_rules()) == []
    assert _claims(text, book) == [
        ("Founders Day", "2024-03-03", "2024-03-03"),
        ("Founders Eve", "2024-03-02", "2024-03-02"),  # counted from the other holiday of the file
    ]
    assert _claims("It was held on Founders' Day 2019.", book) == [
        ("Founders' Day 2019", "2019-03-03", "2019-03-03")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The founders met in 2019 to plan the company.",  # the word alone is no holiday
        "Its founders daydreamed about it.",
        "The eve of the vote.",
    ],
)
def test_a_holiday_added_to_the_rules_does_not_take_other_words(rules_copy: Path, text: str) -> None:
    book = _edit_holidays(rules_copy, "holidays:\n", "holidays:\n" + FOUNDERS_DAY)
    assert [span for span, _, _ in _claims(text, book)] == [
        span for span, _, _ in _claims(text, default_rules())
    ]


def test_a_holiday_removed_from_the_rules_is_no_date(rules_copy: Path) -> None:
    text = "The parade is on Halloween."
    assert _claims(text, default_rules()) == [("Halloween", "2024-10-31", "2024-10-31")]
    book = _edit_holidays(rules_copy, "  - names: [halloween]\n    date: {month: 10, day: 31}\n", "")
    assert _claims(text, book) == []


def test_a_moved_holiday_moves_its_date(rules_copy: Path) -> None:
    """Same names, other date: the grammar is shared, the dates are the new file's."""
    book = _edit_holidays(rules_copy, "date: {month: 10, day: 31}", "date: {month: 10, day: 30}")
    assert _claims("The parade is on Halloween.", book) == [("Halloween", "2024-10-30", "2024-10-30")]
    assert _claims("The parade is on Halloween.", default_rules()) == [
        ("Halloween", "2024-10-31", "2024-10-31")
    ]


def test_not_dates_come_from_the_rules(rules_copy: Path) -> None:
    text = "The shops are open on 4/20."
    assert [span for span, _, _ in _claims(text, default_rules())] == ["4/20"]
    book = _edit_holidays(rules_copy, 'not_dates: ["24/7",', 'not_dates: ["4/20", "24/7",')
    assert _claims(text, book) == []
    assert _claims("The store is open 24/7 and was shut after 9/11.", default_rules()) == []


def test_words_that_leave_a_name_the_holiday_come_from_the_rules(rules_copy: Path) -> None:
    """A capitalized word next to "Ramadan" makes it a personal name unless the rules list the word
    as a greeting after it ("Ramadan Kareem") or an epithet before it ("Holy Ramadan"). (The greeting
    alone, "Ramadan Kareem to all", is no date: nothing says the calendar is meant.)
    """
    greeting, epithet = "The month of Ramadan Kareem is here.", "Blessed Ramadan begins soon."
    assert [span for span, _, _ in _claims(greeting, default_rules())] == ["Ramadan"]
    assert _claims(epithet, default_rules()) == []
    book = _edit_holidays(
        rules_copy, "  before: [holy]\n  after: [mubarak, kareem]", "  before: [blessed]\n  after: [mubarak]"
    )
    assert _claims(greeting, book) == []
    assert [span for span, _, _ in _claims(epithet, book)] == ["Ramadan"]
    assert _claims("Tariq Ramadan denied the claims.", book) == []


def test_equal_tables_share_one_compiled_grammar(rules_copy: Path) -> None:
    """Every load of the same holidays.yml compiles the grammar once per process."""
    again = load_rulebook(rules_copy)
    assert again is not default_rules()
    first = _compiled_grammar(default_rules().compiled(rule_book_holidays))
    assert _compiled_grammar(again.compiled(rule_book_holidays)) is first
    assert _compiled_grammar(default_holidays()) is first


def test_find_mentions_without_rules_uses_the_bundled_holidays() -> None:
    assert [m.holiday.key for m in find_mentions("on Thanksgiving") if m.holiday] == ["thanksgiving"]


def test_importing_the_date_grammar_compiles_nothing() -> None:
    """The grammar is compiled on first use: ``crosscheck --help`` and cached runs never pay for it."""
    code = "import checker.claims.dates as d; print(d._compiled_patterns.cache_info().currsize)"
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert result.stdout.strip() == "0"
