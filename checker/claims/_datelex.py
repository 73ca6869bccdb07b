"""Calendar vocabulary for the date grammar: month, weekday, number and season words.

Kept apart from the grammar so that the patterns in ``dates.py`` read as structure, not word lists.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from checker.numbers import ONES, ORDINALS, TENS, UNITS

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


# --- holidays: named days whose date follows from the year --------------------------------------------

FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new years day": (1, 1), "new year day": (1, 1), "new year's eve": (12, 31),
    "new years eve": (12, 31), "new year eve": (12, 31), "christmas": (12, 25), "christmas day": (12, 25),
    "xmas": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "valentines day": (2, 14),
    "st patrick's day": (3, 17), "st. patrick's day": (3, 17), "saint patrick's day": (3, 17),
    "saint patrick": (3, 17), "may day": (5, 1), "international workers' day": (5, 1),
    "int'l workers day": (5, 1), "juneteenth": (6, 19), "earth day": (4, 22), "veterans day": (11, 11),
    "armistice day": (11, 11), "groundhog day": (2, 2), "yuandan": (1, 1), "new year's": (1, 1),
    "new year": (1, 1),
}  # fmt: skip
"""Holidays on one calendar day every year (US usage where countries differ)."""

COUNTED_ONLY_HOLIDAYS = frozenset({"new year", "new year's"})
"""Holidays named by words that are otherwise a period ("in the new year": the coming year), so taken
as the day only as what a length is counted from: "5 days before new year"."""

NTH_WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "thanks giving day": (11, 3, 4),
    "thanks giving": (11, 3, 4), "labor day": (9, 0, 1), "memorial day": (5, 0, -1),
    "martin luther king day": (1, 0, 3), "martin luther king jr. day": (1, 0, 3), "mlk day": (1, 0, 3),
    "presidents' day": (2, 0, 3), "president's day": (2, 0, 3), "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3), "columbus day": (10, 0, 2),
}  # fmt: skip
"""(month, weekday, n): the n-th such weekday of the month, -1 for the last (US holidays)."""

MOVABLE_HOLIDAYS: dict[str, tuple[str, int]] = {
    "easter": ("easter", 0), "easter sunday": ("easter", 0), "easter day": ("easter", 0),
    "easter monday": ("easter", 1), "good friday": ("easter", -2), "palm sunday": ("easter", -7),
    "ash wednesday": ("easter", -46), "pentecost": ("easter", 49), "black friday": ("thanksgiving", 1),
    "cyber monday": ("thanksgiving", 4),
}  # fmt: skip
"""Days counted from Easter (Western) or from US Thanksgiving."""

ISLAMIC_HOLIDAYS: dict[str, tuple[int, int]] = {
    "eid al-fitr": (10, 1), "eid al fitr": (10, 1), "eid ul-fitr": (10, 1), "eid-ul-fitr": (10, 1),
    "eid ul fitr": (10, 1), "eidul fitr": (10, 1), "festival of breaking the fast": (10, 1),
    "eid al-adha": (12, 10), "eid al adha": (12, 10), "eid ul-adha": (12, 10), "eid-ul-adha": (12, 10),
    "eid ul adha": (12, 10), "eidul adha": (12, 10), "eid al-azha": (12, 10), "eid al azha": (12, 10),
    "eidul azha": (12, 10), "islamic new year": (1, 1), "hijri new year": (1, 1), "arabic new year": (1, 1),
}  # fmt: skip
"""(Hijri month, day) of Islamic holidays that are one day."""

ISLAMIC_MONTHS: dict[str, int] = {
    "ramadan": 9, "ramadhan": 9, "ramazan": 9, "ramzan": 9, "ramathan": 9,
}  # fmt: skip
"""Islamic months observed as a whole (Ramadan and its spellings): the month, from its first day to the
day before the next month begins."""

HOLIDAY_NAMES = (
    *FIXED_HOLIDAYS,
    *NTH_WEEKDAY_HOLIDAYS,
    *MOVABLE_HOLIDAYS,
    *ISLAMIC_HOLIDAYS,
    *ISLAMIC_MONTHS,
)

IDIOMS_NOT_DATES = frozenset({"24/7", "9/11", "7/7", "9-11"})
"""Slashed figures that name something other than a day this year ("24/7", "9/11")."""


def holiday_pattern() -> str:
    """A regex alternation of the holiday names; apostrophes and the dot of 'st.' are optional."""
    items = sorted(HOLIDAY_NAMES, key=len, reverse=True)
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


def holiday_last_day(name: str, first: dt.date) -> dt.date:
    """The last day of a holiday that began on ``first``: the same day, or the month's end for Ramadan."""
    if name not in ISLAMIC_MONTHS:
        return first
    month = ISLAMIC_MONTHS[name]
    for h in _hijri_years(first.year):
        if hijri_to_gregorian(h, month, 1) == first:
            return hijri_to_gregorian(h + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return first


def holiday_date(name: str, year: int) -> dt.date:
    """The day a holiday (a key of ``HOLIDAY_NAMES``, normalized) falls on in ``year``."""
    if name in ISLAMIC_HOLIDAYS:
        return _islamic_date(*ISLAMIC_HOLIDAYS[name], year)
    if name in ISLAMIC_MONTHS:
        return _islamic_date(ISLAMIC_MONTHS[name], 1, year)
    if name in FIXED_HOLIDAYS:
        return dt.date(year, *FIXED_HOLIDAYS[name])
    if name in NTH_WEEKDAY_HOLIDAYS:
        return nth_weekday(year, *NTH_WEEKDAY_HOLIDAYS[name])
    base, offset = MOVABLE_HOLIDAYS[name]
    anchor = easter(year) if base == "easter" else nth_weekday(year, 11, 3, 4)
    return anchor + dt.timedelta(days=offset)


def holiday_key(written: str) -> str | None:
    """The table key for a holiday as written ("Father’s Day", "st patricks day"), or None."""
    folded = re.sub(r"\s+", " ", written.lower().replace("’", "'"))
    for name in HOLIDAY_NAMES:
        if folded == name or folded.replace("'", "") == name.replace("'", "").replace(".", ""):
            return name
        if folded.replace(".", "") == name.replace(".", ""):
            return name
    return None
