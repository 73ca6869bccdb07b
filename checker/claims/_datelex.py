"""Calendar vocabulary for the date grammar: month, weekday, number and season words, and the
runtime form of rules/holidays.yml with the calendar algorithms its rules need (Easter, Hijri).

Kept apart from the grammar so that the patterns in ``dates.py`` read as structure, not word lists.
Which holidays there are, and when, is data (rules/holidays.yml), never listed here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from checker.numbers import ONES, ORDINALS, TENS, UNITS
from checker.rulespecs import folded_holiday_name

if TYPE_CHECKING:
    from checker.rulespecs import HolidaySpec, HolidaysSpec

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

AMBIGUOUS_MONTH_WORDS = frozenset({"may", "march", "mar", "jan", "dec", "sep"})
"""Month words that are also ordinary English words: taken as months only when written as one."""

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

TEENS: dict[str, int] = {word: value for word, value in ONES.items() if 10 <= value <= 19}
"""Ten to nineteen; one to nine (``UNITS``) and the tens come from the number grammar's tables too."""
CARDINALS: dict[str, int] = {
    **UNITS, **TEENS, **TENS,
    **{f"{ten}-{unit}": tens + units for ten, tens in TENS.items() for unit, units in UNITS.items()},
}  # fmt: skip
"""Cardinal words from one to ninety-nine ("twenty-nine" also matches "twenty nine" in a pattern)."""

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, **CARDINALS, "hundred": 100, "several": 3, "few": 3, "a few": 3, "couple": 2,
    "a couple of": 2,
}  # fmt: skip

ORDINAL_WORDS: dict[str, int] = {
    **{word: n for word, n in ORDINALS.items() if n <= 20 or n == 30},
    **{f"{ten}-{word}": tens + n for ten, tens in TENS.items()
       for word, n in ORDINALS.items() if n <= 9 and tens + n <= 31},
}  # fmt: skip
"""Ordinal words of the days of a month, "first" to "thirty-first", from the number grammar's table."""

DAY_WORDS: dict[str, int] = {
    **{word: n for word, n in CARDINALS.items() if n <= 31}, **ORDINAL_WORDS,
    **{f"thirty-{unit}": 30 + n for unit, n in (("one", 1), ("first", 1))},
}  # fmt: skip
"""Days of a month in words, cardinal or ordinal ("twenty nine", "twenty-first", "ninth")."""

_CENTURY_WORDS = {**TEENS, "twenty": 20}
_ZERO_WORDS = frozenset({"zero", "oh", "o"})


def number_in_words(text: str) -> int | None:
    """A whole number below a hundred written in words ("ninety six", "twenty-nine"), else None."""
    words = re.sub(r"[\s-]+", "-", text.strip().lower())
    return CARDINALS.get(words)


def spoken_year(text: str) -> int | None:
    """A year in words: "nineteen ninety six", "two thousand and ten", "seventeen hundred thirty three"."""
    words = [w for w in re.split(r"[\s,-]+", text.strip().lower()) if w and w != "and"]
    if "thousand" in words:
        at = words.index("thousand")
        thousands, rest = number_in_words(" ".join(words[:at])), words[at + 1 :]
        if thousands is None or thousands > 2:
            return None
        hundreds = 0
        if "hundred" in rest:
            at = rest.index("hundred")
            hundreds = number_in_words(" ".join(rest[:at])) or 0
            rest = rest[at + 1 :]
            if not hundreds:
                return None
        tail = number_in_words(" ".join(rest)) if rest else 0
        return None if tail is None else 1000 * thousands + 100 * hundreds + tail
    if len(words) < 2 or words[0] not in _CENTURY_WORDS:
        return None
    century, rest = _CENTURY_WORDS[words[0]], words[1:]
    if rest[0] == "hundred":
        tail = number_in_words(" ".join(rest[1:])) if rest[1:] else 0
    elif rest[0] in _ZERO_WORDS and len(rest) == 2:
        tail = UNITS.get(rest[1])
    else:
        tail = number_in_words(" ".join(rest))
        if tail is not None and tail < 10:
            return None  # "nineteen five" is not a year
    return None if tail is None else 100 * century + tail


SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
"""Meteorological seasons (northern hemisphere); winter runs from December into the next year."""

DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
    "eighties": 80, "nineties": 90,
}  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that a prefix never wins."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?") for w in items)


def trie_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (lowercase), factored by common prefixes.

    A factored pattern lets the regex engine reject most positions after one or two characters,
    which keeps a scan for trigger words several times faster than a flat alternation.
    """
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict[str, Any]]) -> str:
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return "(?:" + "|".join(branches) + ")?"
    return body


# --- holidays: named days whose date follows from the year (the table is rules/holidays.yml) ---------


@dataclass(frozen=True, slots=True)
class Holiday:
    """One holiday of rules/holidays.yml and the rule its date follows (``HolidaySpec``)."""

    key: str
    """Its first name, which identifies it."""
    rule: Literal["date", "nth_weekday", "easter", "holiday", "hijri", "hijri_month"]
    month: int = 0
    day: int = 0
    weekday: int = 0
    n: int = 0
    days: int = 0
    """Days after the base (Easter, or ``base``) for the counted rules."""
    base: Holiday | None = None
    counted_only: bool = False
    needs_capital: bool = False
    also_a_name: bool = False

    def date(self, year: int) -> dt.date:
        """The day the holiday falls on in ``year`` (for a Hijri month, its first day)."""
        if self.rule == "date":
            return dt.date(year, self.month, self.day)
        if self.rule == "nth_weekday":
            return nth_weekday(year, self.month, self.weekday, self.n)
        if self.rule in ("hijri", "hijri_month"):
            return _islamic_date(self.month, self.day, year)
        if self.rule == "easter":
            return easter(year) + dt.timedelta(days=self.days)
        assert self.base is not None, f"holiday {self.key!r} is counted from no holiday"
        return self.base.date(year) + dt.timedelta(days=self.days)

    def last_day(self, first: dt.date) -> dt.date:
        """The last day of the holiday begun on ``first``: the same day, or the month's end for a Hijri
        month observed as a whole (Ramadan).
        """
        if self.rule != "hijri_month":
            return first
        for h in _hijri_years(first.year):
            if hijri_to_gregorian(h, self.month, 1) == first:
                return hijri_to_gregorian(h + self.month // 12, self.month % 12 + 1, 1) - dt.timedelta(days=1)
        return first


def _holiday(spec: HolidaySpec, base: Holiday | None) -> Holiday:
    """The runtime form of one entry; ``base`` is the holiday it is counted from, if any."""
    flags = Holiday(spec.names[0], "date", counted_only=spec.counted_only, needs_capital=spec.needs_capital,
                    also_a_name=spec.also_a_name)  # fmt: skip
    if spec.date is not None:
        return replace(flags, month=spec.date.month, day=spec.date.day)
    if spec.nth_weekday is not None:
        rule = spec.nth_weekday
        weekday = WEEKDAYS[rule.weekday]
        return replace(flags, rule="nth_weekday", month=rule.month, weekday=weekday, n=rule.n)
    if spec.from_easter is not None:
        return replace(flags, rule="easter", days=spec.from_easter)
    if spec.from_holiday is not None:
        return replace(flags, rule="holiday", days=spec.from_holiday.days, base=base)
    if spec.hijri is not None:
        return replace(flags, rule="hijri", month=spec.hijri.month, day=spec.hijri.day)
    assert spec.hijri_month is not None  # HolidaySpec requires exactly one rule
    return replace(flags, rule="hijri_month", month=spec.hijri_month, day=1)


@dataclass(frozen=True, slots=True)
class HolidayTable:
    """The holidays of a rule book, by name, and the figures that are never a date; hashable, so that
    the grammar built from it is compiled once per distinct table.
    """

    names: tuple[tuple[str, Holiday], ...]
    """Every spelling with its holiday, in file order."""
    not_dates: frozenset[str] = frozenset()
    not_name_before: tuple[str, ...] = ()
    """Capitalized words before a holiday that is also a name that leave it the holiday ("Holy")."""
    not_name_after: tuple[str, ...] = ()
    """Capitalized words after it that leave it the holiday ("Mubarak", "Kareem")."""
    cue_before: tuple[str, ...] = ()
    """Words right before a holiday that is also a name that make it the holiday ("holy")."""
    cue_after: tuple[str, ...] = ()
    """Words right after it that make it the holiday ("begins", "fast")."""
    holiday_name_after: tuple[str, ...] = ()
    """Words right after a holiday that make it part of a name ("Christmas Island", "Easter eggs")."""
    weekday_name_before: tuple[str, ...] = ()
    """Capitalized words right before a weekday that make it part of a name ("Black Monday")."""
    weekday_name_after: tuple[str, ...] = ()
    """Capitalized words right after a weekday that make it part of a name ("the Sunday Times")."""
    month_day_name_after: tuple[str, ...] = ()
    """Words right after a month and day without a year that name an event ("the Jan. 6 committee")."""
    game_words: tuple[str, ...] = ()
    """Words in a sentence that make a year-less quarter or week a game's ("outscored", "touchdown")."""
    months_alone: frozenset[str] = frozenset()
    """Months that are a month with no preposition before them ("February was the worst month")."""

    @classmethod
    def from_spec(cls, spec: HolidaysSpec) -> HolidayTable:
        """The table of a validated holidays.yml (references resolved, bases built before their uses)."""
        built: dict[int, Holiday] = {}
        index = {
            folded_holiday_name(name): i for i, holiday in enumerate(spec.holidays) for name in holiday.names
        }

        def build(i: int) -> Holiday:
            if i not in built:
                counted_from = spec.holidays[i].from_holiday
                base = (
                    build(index[folded_holiday_name(counted_from.name)]) if counted_from is not None else None
                )
                built[i] = _holiday(spec.holidays[i], base)
            return built[i]

        names = tuple((name, build(i)) for i, holiday in enumerate(spec.holidays) for name in holiday.names)
        words = spec.name_words_not_names
        cues = spec.name_cues
        named = spec.names_after_days
        return cls(
            names,
            not_dates=frozenset(spec.not_dates),
            not_name_before=tuple(words.before),
            not_name_after=tuple(words.after),
            cue_before=tuple(cues.before),
            cue_after=tuple(cues.after),
            holiday_name_after=tuple(named.holiday_after),
            weekday_name_before=tuple(named.weekday_before),
            weekday_name_after=tuple(named.weekday_after),
            month_day_name_after=tuple(named.month_day_after),
            game_words=tuple(spec.game_words),
            months_alone=frozenset(spec.months_alone),
        )

    spellings: tuple[str, ...] = field(init=False, compare=False, repr=False)
    """The names alone, in file order: what the grammar is compiled from."""
    _by_folded: dict[str, Holiday] = field(init=False, compare=False, repr=False)
    """Each holiday by its folded spellings (the first in file order wins, as a scan would)."""
    _hash: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "spellings", tuple(name for name, _ in self.names))
        by_folded: dict[str, Holiday] = {}
        for name, holiday in self.names:
            by_folded.setdefault(folded_holiday_name(name), holiday)
        object.__setattr__(self, "_by_folded", by_folded)
        object.__setattr__(self, "_hash", hash(self.spellings))

    def __hash__(self) -> int:
        """The names only (equal tables have equal names), computed once: the grammar compiled for the
        table is looked up by it for every document.
        """
        return self._hash

    def find(self, written: str) -> Holiday | None:
        """The holiday a name as written ("Father’s Day", "st patricks day") names, or None."""
        spaced = re.sub(r"\s+", " ", written.lower().replace("’", "'"))
        return self._by_folded.get(folded_holiday_name(spaced))


def holiday_pattern(names: Iterable[str]) -> str:
    """A regex alternation of holiday names, longest first; apostrophes and the dot of 'st.' are
    optional.  No names match nothing.
    """
    items = sorted(names, key=len, reverse=True)
    if not items:
        return "(?!)"
    return "|".join(
        re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]?").replace(r"\.", r"\.?") for name in items
    )


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * leap) // 433
    month = (h + leap - 7 * m + 90) // 25
    return dt.date(year, month, (h + leap - 7 * m + 33 * month + 19) % 32)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th ``weekday`` (0 = Monday) of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """A date of the arithmetic (tabular) Islamic calendar, astronomical epoch (15 July 622 Julian).

    This is the "Kuwaiti algorithm" of common calendar software (.NET's ``HijriCalendar``); the days
    observed, which follow the sighting of the moon, differ from it by a day or so from country to
    country, which no table of one country would settle either.
    """
    ordinal = day + (59 * (month - 1) + 1) // 2 + (year - 1) * 354 + (3 + 11 * year) // 30 + 227013
    return dt.date.fromordinal(ordinal)


def _hijri_years(year: int) -> range:
    """The Hijri years that may have a day in Gregorian ``year`` (a Hijri year is 11 days shorter)."""
    approx = round((year - 622) * 365.2425 / 354.367)
    return range(approx - 1, approx + 3)


def _islamic_date(month: int, day: int, year: int) -> dt.date:
    """The first day in Gregorian ``year`` that is ``day`` of Hijri ``month``."""
    return min(d for h in _hijri_years(year) if (d := hijri_to_gregorian(h, month, day)).year == year)
