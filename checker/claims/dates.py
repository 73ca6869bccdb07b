"""Date claims: find calendar expressions in news prose and normalize them to inclusive intervals.

The grammar is one compiled alternation (``_compiled_grammar``, built with the holidays of the rule
book, rules/holidays.yml) scanned once over the document; each alternative has a parser that turns
its match into a ``_Mention`` (what the words say, before any publication date is applied).  Small
passes then join mentions the words connect (a weekday written with its date, ranges, "since ..."),
and only then are relative mentions resolved against the publication date, so that "Thursday" in a
Friday article and "last October" mean one day and one month.  Nothing here looks at a token at a
time over the whole text: everything outside a match is skipped by the regex engine.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Literal

from checker.claims._datelex import (
    AMBIGUOUS_MONTH_WORDS,
    CARDINALS,
    DAY_WORDS,
    DECADE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    SEASON_MONTHS,
    SEASONS,
    TEENS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    Holiday,
    HolidayTable,
    alternation,
    holiday_pattern,
    nth_weekday,
    spoken_year,
    trie_alternation,
)
from checker.claims.base import Extracted, ExtractionContext, join_neighbours
from checker.documents import DATE_ORDERS, DEFAULT_DATE_ORDER, DateOrder
from checker.models import DateValue, Granularity
from checker.numbers import TENS, UNITS

if TYPE_CHECKING:
    from checker.rules import RuleBook

Tense = Literal["past", "future"] | None
Relation = Literal[
    "calendar",
    "day_offset",
    "weekday",
    "unit",
    "month",
    "season",
    "ago",
    "present",
    "past",
    "future",
    "holiday",
    "shift",
    "window",
    "in",
    "dom",
    "week_of",
    "week_containing",
    "week_number",
    "nth_weekday",
    "nth_weekday_nearby",
    "day_span",
    "span",
    "part_of",
]
"""How a mention is placed.  ``shift``, ``week_of``, ``week_containing``, ``nth_weekday``, ``day_span``,
``span`` and ``part_of`` are prefixes ("3 days after", "the last week of", "the week of", "the first Friday
of", "from 4 to", "2 weeks starting", "the first 6 months of") that only count when joined to what follows."""

# --- vocabulary as regex fragments ----------------------------------------------------------------

_WHOLE_MONTH_NAMES = [w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july")]
_MONTH_FULL = alternation(_WHOLE_MONTH_NAMES)
_MONTH_ABBREVIATION = alternation(w for w in MONTHS if w not in _WHOLE_MONTH_NAMES)
_MONTH_WORD = rf"(?:(?:{_MONTH_FULL})(?![a-z])|(?:{_MONTH_ABBREVIATION})(?![a-z])\.?)"
_FULL_MONTH_WORD = rf"(?:{_MONTH_FULL})\b"
_WEEKDAY_FULL = alternation(w for w in WEEKDAYS if w.endswith("day"))
_WEEKDAY_ABBR = alternation(w for w in WEEKDAYS if not w.endswith("day"))
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_ORDINAL = rf"(?:{alternation(ORDINAL_WORDS)})\b"
_YEAR = r"(?:1\d{3}|20\d{2}|21\d{2})(?!\d)"
_UNIT_WORD = r"(?P<{0}>(?:business|working)\s+day|workday|day|week|fortnight|month|quarter|year|decade)s?"
_HOLIDAY_NAMES = "(?#holiday names)"
"""Where the holiday names of the rule book go (rules/holidays.yml); see ``_grammar_pattern``."""
_MORE_UNITS = r"(?:(?:\s*,\s*|\s+(?:and\s+)?)(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?:day|week|month|year)s?\b)*"
"""Further parts of a compound length: "2 years[, 1 month and 21 days]"."""


def _number_words(words: Iterable[str]) -> str:
    """Number words as one prefix-factored pattern; "twenty-one" also as "twenty one" and "twentyone"."""
    variants = {v for w in words for v in (w, w.replace("-", " "), w.replace("-", ""))}
    return trie_alternation(variants)


_CARDINAL = (
    rf"(?:(?:{alternation(TENS)})(?:[ -]?(?:{alternation(UNITS)}))?|{alternation({**TEENS, **UNITS})})"
)
"""One to ninety-nine in words ("twenty-one", "twenty one", "twentyone"), built from its parts: it
recurs in every spoken-year alternative, where the 300 spelled-out forms made the grammar twice as
long to compile."""
_COUNT = rf"(?:\d{{1,3}}|{_CARDINAL}|{alternation(w for w in NUMBER_WORDS if w not in CARDINALS)})"
"""A count of units in figures or words ("3", "twenty-one", "a few", "several")."""
_DAY_WORD = rf"(?:{_number_words(DAY_WORDS)})\b(?!-)"
_ORDINAL_DAY_WORD = rf"(?:{_number_words(ORDINAL_WORDS)})\b(?!-)"
"""A day of a month as an ordinal word ("ninth", "twenty-seventh", "twenty seventh")."""
_SPOKEN_YEAR = (
    rf"(?>(?:one|two)\s+thousand(?:\s+(?:and\s+)?(?:(?:{alternation(UNITS)})\s+hundred"
    rf"(?:\s+(?:and\s+)?(?:{_CARDINAL}))?|(?:{_CARDINAL})))?|"
    rf"(?:{alternation(TEENS)}|twenty)\s+(?:hundred(?:\s+(?:and\s+)?(?:{_CARDINAL}))?|"
    rf"(?:zero|oh|o)\s+(?:{alternation(UNITS)})|(?:{_CARDINAL})))\b"
    r"(?![ \t]+(?!(?:and|or|to|through|till|until|in|on|at|for|when|while|the|from)\b)[a-z])"
)
"""A year in words ("nineteen ninety six", "two thousand and ten"), not followed by the noun it counts."""
_YEAR_AHEAD = r"[,\s]+(?:\d|nineteen|eighteen|seventeen|twenty|(?:one|two)\s+thousand)"
_DAY_WORD_THEN = (
    rf"(?:(?P<{{0}}_w>{_DAY_WORD})(?=(?:\s+day)?\s+of\s)|"
    rf"(?P<{{0}}_wy>{_DAY_WORD})(?=\s+{_MONTH_WORD}{_YEAR_AHEAD}))"
)
"""A day in words before its month: "twenty second of June", or with a year ("fifteen August 1993")."""
_DAY_WORD_AFTER_MONTH = (
    rf"(?:(?P<md_w>{_ORDINAL_DAY_WORD})|"
    rf"(?P<md_c>(?:twenty|thirty)[-\s](?:{alternation(UNITS)}))\b(?=\s*(?:[.,;:!?)]|$)|{_YEAR_AHEAD}))"
)
"""A day in words after its month: "May twenty-first", "May twenty nine." (a count would go on: "May twenty
one people")."""
_DAY_OR_ORDINAL = rf"(?:{_DAY}|{_ORDINAL_DAY_WORD})"
"""A day of a month in figures or as an ordinal word ("9th", "ninth", "twenty-seventh")."""
_SHORT_YEAR = r"(?:(?<=\sof\s)\d{2}(?=\s*(?:[.,;:!?)]|$))|['’]\d{2}\b)"
"""A year in two figures where nothing else can be meant: "April of 87", "June '19"."""
_NOT_A_FIGURE = r"(?!\s*(?:%|percent\b|per\s*cent\b|million\b|billion\b|bn\b|m\b|,\d|\.\d))"
_MODIFIER_WORDS = "early|mid|late|end|start|beginning|middle|close"


def _modifier(prefix: str, words: str = _MODIFIER_WORDS) -> str:
    """An optional 'early', 'mid-', 'the end of' before a period, captured as ``<prefix>_mod``.

    A noun that is also a verb ('end', 'start', 'close') needs 'the', 'of' or a hyphen to be one: "talks
    end this week" and "will start next month" name the week and the month, not their ends.
    """
    return (
        rf"(?:(?P<{prefix}_the>the\s+)?(?P<{prefix}_mod>{words})"
        rf"(?:\s+of\s+(?:the\s+)?|\s*-\s*|(?({prefix}_the)\s+|{_ADJECTIVE_MODIFIER_END}\s+)))?"
    )


_ADJECTIVE_MODIFIER_END = r"(?:(?<=early)|(?<=mid)|(?<=late)|(?<=earlier)|(?<=later))"


# --- the grammar: one alternative per surface form, longest forms first -----------------------------

_ALTERNATIVES: list[tuple[str, str]] = [
    ("iso", r"\b(?P<iso_y>1\d{3}|2[01]\d{2})(?P<iso_sep>[-/.])(?P<iso_m>1[0-2]|0?[1-9])(?P=iso_sep)"
            r"(?P<iso_d>3[01]|[12]\d|0?[1-9])\b(?![-/.]\d)"),
    ("compact", r"\b(?P<cd_y>19\d{2}|20\d{2})(?P<cd_m>0[1-9]|1[0-2])(?P<cd_d>0[1-9]|[12]\d|3[01])\b"
                r"(?![.,]\d|%)"),
    ("numeric", r"\b(?P<num_a>\d{1,2})(?P<num_sep>[/.-])(?P<num_b>\d{1,2})(?P=num_sep)"
                r"(?P<num_y>\d{4}|\d{2})\b(?![/.]\d)"),
    ("year_month_day", rf"\b(?P<ymd_y>{_YEAR})(?P<ymd_sep>[-/])(?P<ymd_m>{_MONTH_WORD})(?P=ymd_sep)"
                       rf"(?P<ymd_d>{_DAY})"),
    ("mixed_order", r"\b(?=\w+[-/]\w+[-/]\w)"  # three parts and two separators, before any word is tried
                    rf"(?:(?P<mo_m>{_MONTH_WORD})(?P<mo_sep>[-/])(?P<mo_y>{_YEAR})(?P=mo_sep)"
                    rf"(?P<mo_d>{_DAY})|"
                    rf"(?P<mo_y2>{_YEAR})(?P<mo_sep2>[-/])(?P<mo_d2>{_DAY})(?P=mo_sep2)(?P<mo_m2>{_MONTH_WORD})|"
                    rf"(?P<mo_d3>{_DAY})(?P<mo_sep3>[-/])(?P<mo_y3>{_YEAR})(?P=mo_sep3)(?P<mo_m3>{_MONTH_WORD}))"
                    r"(?![-/.]?\d)"),
    ("numeric_month_year", rf"\b(?P<nmy_m>1[0-2]|0?[1-9])\s*[/-]\s*(?P<nmy_y>{_YEAR})\b(?![-/.]\d)|"
                           rf"\b(?P<nmy_y2>{_YEAR})\s*(?P<nmy_sep>[/-])\s*(?P<nmy_m2>1[0-2]|0?[1-9])\b"
                           r"(?![-/.]\d|%)"),
    ("numeric_month_day", rf"\b(?P<nmd_a>[0-3]?\d)/(?P<nmd_b>[0-3]?\d)\b(?:\s*,\s*(?P<nmd_y>{_YEAR})|"
                          r"(?![/.,]\d|%|\s*(?:of|th)\b))"),
    ("holiday", r"\b(?:(?P<hol_we>(?:the\s+)?weekend\s+of\s+)|"
                r"(?P<hol_rel>last|next|this|previous|following|coming)\s+)?"
                rf"(?P<hol_n>{_HOLIDAY_NAMES})\b(?:\s+(?:of\s+)?(?P<hol_y>{_YEAR}))?"
                rf"(?P<hol_we2>\s+weekend\b(?:\s+(?P<hol_y2>{_YEAR}))?)?"),
    ("day_month_range", rf"\b(?:the\s+)?(?P<dmr_d1>{_DAY_OR_ORDINAL})"
                        r"\s*(?P<dmr_link>-|–|—|to|until|till|through|and)\s*"
                        rf"(?:the\s+)?(?P<dmr_d2>{_DAY_OR_ORDINAL})(?:\s+of)?\s+(?P<dmr_m>{_MONTH_WORD})"
                        rf"(?:,?\s+(?:of\s+)?(?P<dmr_y>{_YEAR})|,?\s+(?P<dmr_sy>{_SPOKEN_YEAR}))?"),
    ("day_span", rf"\b(?:the\s+)?(?P<ds_a>{_DAY})(?:\s*(?P<ds_link>-|–|to|till|until|through|thru|and)\s*"
                 rf"(?:the\s+)?(?P<ds_b>{_DAY})\s+(?:(?P<ds_of>of|in)\s+(?:the\s+)?|"
                 r"(?=(?:this|next|last|coming|following)\s+month\b))|"
                 r"\s+(?:to|till|until|through|thru)\s+)(?=[a-z])"),
    ("month_day_range", rf"\b(?P<mdr_m>{_MONTH_WORD})\s*(?P<mdr_btw>between\s+)?"
                        rf"(?:the\s+)?(?P<mdr_d1>{_DAY_OR_ORDINAL})"
                        r"\s*(?P<mdr_link>-|–|—|(?(mdr_btw)and|(?:to|until|till|through)))"
                        rf"\s*(?:the\s+)?(?P<mdr_d2>{_DAY_OR_ORDINAL}){_NOT_A_FIGURE}"
                        rf"(?:,?\s+(?P<mdr_y>{_YEAR})|(?<=\d)\s+(?P<mdr_sy>{_SPOKEN_YEAR}))?"
                        # "November between 19 and 20" ends the clause or has a year ("... 20 people")
                        r"(?(mdr_btw)(?(mdr_y)|(?(mdr_sy)|(?=\s*(?:[.,;:!?)]|$)))))"),
    ("month_range", rf"\b(?P<mmr_m1>{_MONTH_WORD})\s*(?:-|–|—|to|through|until|till)\s*"
                    rf"(?P<mmr_m2>{_MONTH_WORD})"
                    rf"(?!\s*\d{{1,2}}(?!\d))(?:,?\s+(?:(?:in|of)\s+)?(?P<mmr_y>{_YEAR}))?"),
    ("day_month", rf"\b(?:the\s+)?(?:(?P<dm_d>{_DAY})|(?P<dm_o>{_ORDINAL})(?=(?:\s+day)?\s+of)|"
                  rf"(?P<dm_dd>3[01]|[12]\d|0?[1-9])\.(?=\s+(?:{_MONTH_ABBREVIATION})\.\s*{_YEAR})|"
                  rf"{_DAY_WORD_THEN.format('dm')})"
                  r"(?P<dm_of>(?:\s+day)?\s+of)?(?:\s+|\s*[-/]\s*)"
                  rf"(?P<dm_m>{_MONTH_WORD})(?:(?:,?\s+(?:(?:of|in)\s+)?|[-/])(?:(?P<dm_y>{_YEAR})|(?P<dm_yy>{_SHORT_YEAR}))|"
                  rf",?\s+(?P<dm_sy>{_SPOKEN_YEAR}))?"),
    ("month_day", rf"\b(?P<md_m>{_MONTH_WORD})(?:\s*|\s*[-/]\s*|\.(?=\d{{1,2}}(?:st|nd|rd|th)\b))"
                  rf"(?:(?P<md_d>{_DAY})|the\s+(?P<md_o>{_ORDINAL})|the\s+(?P<md_d2>{_DAY})|"
                  r",\s*(?P<md_dc>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b(?=\s*(?:[.,;:!?)]|$))|"
                  rf"\s(?:the\s+)?{_DAY_WORD_AFTER_MONTH}){_NOT_A_FIGURE}"
                  rf"(?:(?:\s*,\s*|\s+(?:(?:of|in)\s+)?|-)(?:(?P<md_y>{_YEAR})|(?P<md_sy>{_SPOKEN_YEAR})))?"),
    ("month_year", rf"\b{_modifier('my')}(?P<my_m>{_MONTH_WORD})"
                   r"\s*,?(?:\s+(?:(?P<my_in>in)\s+|of\s+)?|\s*[-/]\s*)"
                   rf"(?:(?P<my_y>{_YEAR})|(?P<my_yy>{_SHORT_YEAR})|(?<=\s)(?P<my_sy>{_SPOKEN_YEAR}))|"
                   rf"\b(?P<my_y2>{_YEAR})\s*,?\s*(?P<my_m2>{_MONTH_WORD})(?!\s*\d)"),
    ("year_range", rf"\b(?P<yr_a>{_YEAR})\s*(?:-|–|—|/|~)\s*(?P<yr_b>\d{{4}}|\d{{2}})\b(?![-/.]\d|%)"),
    ("decade", rf"\b(?:the\s+)?{_modifier('dec')}(?:(?P<dec_y>1\d{{2}}0|20\d0)\s?['’]?s\b|"
               rf"['’](?P<dec_yy>\d0)s\b|\b(?P<dec_yy2>\d0)['’]s\b|(?<=the\s)(?P<dec_w>{alternation(DECADE_WORDS)})\b|"
               rf"(?<=the\s)(?P<dec_c>eighteen|nineteen|twenty)[-\s]?(?P<dec_w2>{alternation(DECADE_WORDS)}|tens)\b|"
               r"(?<=the\s)(?P<dec_n>noughties)\b|(?<=the\s)two\s+thousand(?P<dec_th>s|\s+and\s+tens)\b|"
               r"(?<=the\s)(?P<dec_f>[2-9]0)s\b(?!\s*(?:%|percent\b|degrees\b|°|mph\b)))"),
    ("century", rf"\b(?:the\s+)?{_modifier('cen')}(?:(?P<cen_n>\d{{1,2}})(?:st|nd|rd|th)|"
                rf"(?P<cen_o>{_ORDINAL}))[\s-]+century\b"),
    ("quarter", rf"\b(?:the\s+)?(?P<q_o>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
                rf"(?:\s+of(?:\s+the\s+year)?)?(?:,?\s+(?P<q_y>{_YEAR}))?|"
                rf"\bq(?P<q_n>[1-4])(?:(?:-|\s*(?:of\s+)?)(?P<q_y2>{_YEAR}))?|"
                rf"\b(?P<q_y3>{_YEAR})\s*-?\s*q(?P<q_n3>[1-4])\b|"
                rf"\b(?:the\s+)?(?P<h_o>first|second|1st|2nd)\s+half\s+of\s+(?:the\s+year\b|(?P<h_y>{_YEAR}))|"
                rf"\bh(?P<h_n>[12])\s*-?\s*(?P<h_y2>{_YEAR})|\b(?P<h_y3>{_YEAR})\s*-?\s*h(?P<h_n3>[12])\b"),
    ("calendar_year", rf"\bcy(?:\s?(?P<cy_y>{_YEAR})|(?P<cy_yy>\d{{2}}))\b(?![-/.]\d)"),
    ("season", rf"\b{_modifier('s')}(?:(?P<s_rel>last|this|next|past|coming|previous)\s+)?(?:the\s+)?"
               rf"(?P<s_n>spring|summer|autumn|fall|winter)\b(?:\s+of)?(?:\s+(?P<s_y>{_YEAR}))?"),
    ("part_of", r"\b(?:the\s+)?(?:(?P<po_side>first|last|final)\s+(?P<po_n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+"
                r"(?P<po_u>day|week|month)s|"
                rf"(?P<po_o>{alternation(w for w, n in ORDINAL_WORDS.items() if n <= 12)}|"
                r"1[0-2]th|[4-9]th|1st|2nd|3rd)"
                r"\s+month)\s+(?:of|in)\s+(?:(?P<po_the>the\s+year)\b|(?=\S))"),
    ("week_of", r"\b(?:the\s+)?(?P<wo_o>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+week\s+"
                r"(?:(?:of|in)\s+(?=\S)|(?=(?:next|last|this)\s+year\b))"),
    ("nth_weekday", r"\b(?:the\s+)?(?P<nw_o>first|second|third|fourth|fifth|(?P<nw_last>last)|1st|2nd|3rd|"
                    rf"4th|5th)\s+(?P<nw_d>{_WEEKDAY_FULL})(?:\s+(?P<nw_of>of|in)\s+(?=\S)|(?(nw_last)(?!)|\b))"),
    ("week_containing", r"\b(?:(?:the\s+)?week\s+(?P<wc_how>of|commencing|beginning|starting)"
                        r"(?:\s+on)?|w/c)\s+(?=\S)"),
    ("week_number", rf"\bweek\s+(?P<wn_n>[1-4]?\d|5[0-3])\b(?!\s+of\s+the\b)(?:\s+of\s+(?P<wn_y>{_YEAR}))?"),
    ("unit", rf"\b{_modifier('u', _MODIFIER_WORDS + '|earlier|later')}(?:the\s+)?"
             r"(?P<u_rel>this|last|next|previous|following|current|coming|upcoming|past(?=\s+(?:fortnight|quarter)))\s+"
             r"(?:fiscal\s+|calendar\s+)?"
             r"(?P<u_unit>week|weekend|work\s?week|working\s+week|fortnight|month|year|quarter|decade|century)\b"
             r"(?!-|\s+of\b)"
             r"(?P<u_after>\s+after\s+(?:the\s+)?next\b)?|"
             r"\b(?:the\s+)?(?P<u_unit2>week|weekend|month|year)\s+after\s+(?:the\s+)?next\b|"
             # "over the weekend": the tense picks the weekend; one before an event or a set is not one
             r"\b(?P<u_we>the\s+weekend|(?<=\bon\s)weekend)\b"
             r"(?!-|\s+(?:of|before|after|prior|following|when|that)\b)|"
             r"\b(?:the\s+)?(?P<u_part>end|start|beginning|middle|close)\s+of\s+(?:the\s+)?"
             r"(?P<u_unit4>week|month|year)\b(?!\s*(?:of\b|\d|['’]))|"
             r"\b(?P<u_ytd>year|month|week)[-\s]to[-\s]date\b|"
             r"\b(?P<u_side>earlier|later)\s+in\s+the\s+(?P<u_unit5>week|month|year)\b(?!\s*(?:of\b|\d|['’]))|"
             r"\b(?:the\s+)?(?P<u_rest>rest|remainder|remaining)(?:\s+of)?\s+(?:(?:the|my|our|this|current)\s+)?"
             r"(?P<u_unit3>week|month|year)\b"),
    ("relative_month", rf"\b{_modifier('rm')}(?P<rm_rel>last|next|this|previous|coming)\s+"
                       rf"(?P<rm_m>{_FULL_MONTH_WORD}|sept\b\.?)(?:\s+(?P<rm_d>{_DAY}){_NOT_A_FIGURE}(?!,?\s*\d))?"),
    ("ago", rf"\b(?P<ago_n>{_COUNT})\s+(?P<ago_u>day|week|month|year|decade|centur(?:y|ie))s?"
            rf"(?P<ago_more>{_MORE_UNITS})\s+ago\b"),
    ("shift", rf"\b(?P<sh_n>{_COUNT})\s+{_UNIT_WORD.format('sh_u')}(?P<sh_comma>\s*,)?\s+"
              r"(?P<sh_dir>from\s+now|hence|from|after|before|(?:starting|beginning)(?:\s+(?:from|on))?)\b"),
    ("within", rf"\b(?P<in_w>in|within)\s+(?:(?:the\s+)?(?P<in_next>next|coming|upcoming)\s+)?"
               rf"(?P<in_n>{_COUNT})\s+"
               rf"{_UNIT_WORD.format('in_u')}\b(?P<in_more>{_MORE_UNITS})"
               r"(?!\s+(?:ago|from|after|before|later|earlier|since|of|old)\b)"),
    ("window", r"\b(?:the\s+)?(?P<w_rel>next|last|past|previous|coming|upcoming|following)\s+"
               rf"(?P<w_n>{_COUNT})"
               rf"\s*{_UNIT_WORD.format('w_u')}\b(?P<w_more>{_MORE_UNITS})"
               r"(?!\s+(?:of|ago|after|before|from)\b)|"
               rf"\b(?P<w_n2>{_COUNT})\s+(?P<w_rel2>next|upcoming|past|previous|coming|following)\s+"
               rf"{_UNIT_WORD.format('w_u2')}\b"),
    ("deictic", r"\b(?:(?:the\s+)?day\s+(?P<dd_dir>before|after)\s+)?"
                r"(?P<dd_w>today|yesterday|tomorrow|tmrw|tonight)"
                r"(?P<dd_pos>['’]s)?\b|\bthis\s+(?P<dd_part>morning|afternoon|evening)\b"),
    ("weekday_count", rf"\b(?P<wcn_n>{_COUNT})\s+(?P<wcn_d>{_WEEKDAY_FULL})s?\s+"
                      r"(?:from\s+(?:now|today)|hence)\b"),
    ("weekday", rf"\b(?:(?P<wd_rel>last|next|this|coming|previous|following|past)\s+)?"
                rf"(?:(?P<wd_n>{_WEEKDAY_FULL})\b(?!s)|(?P<wd_a>{_WEEKDAY_ABBR})\b\.?(?:(?=,?\s*\(?\s*(?:\d|{_MONTH_WORD}))|(?P<wd_bare>)))"
                rf"(?:,?\s+(?:the\s+(?:(?P<wd_dom>\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL})|"
                rf"(?P<wd_domw>{_CARDINAL})\b(?=\s*(?:[.,;:?!)]|$)))|(?P<wd_dom2>\d{{1,2}}(?:st|nd|rd|th))|"
                rf"(?P<wd_dom3>\d{{1,2}})(?=\s*(?:[.,;:?!)]|$)))(?!\s*(?:of\s+)?{_MONTH_WORD}|[\d/.-]\d))?"),
    ("to_date", r"(?:(?<=\bto\s)|(?<=\btill\s)|(?<=\buntil\s)|\bcurrent\s+)date\b"),
    ("reference", r"\b(?P<ref_now>now|currently|nowadays|presently|at\s+present|at\s+the\s+moment)\b|"
                  r"\b(?P<ref_past>the\s+past\b(?!\s+(?:few|several|couple|\d+|[a-z]+\s+(?:days|weeks|months|"
                  r"years|decades)|days?|weeks?|months?|quarters?|years?|decades?|centur(?:y|ies))\b)|recently|"
                  r"at\s+the\s+time)\b|"
                  r"\b(?P<ref_future>the\s+(?:coming|upcoming)\s+(?:years|months|decades)|"
                  r"the\s+(?:near\s+|distant\s+)?future)\b"),
    ("day_of_month", rf"\b(?:the\s+)?(?P<dom_d>\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL})(?:\s+day)?\b"
                     r"(?:(?:\s+of\s+(?P<dom_rel>this|next|last|the)|\s+(?P<dom_rel2>this|next|last))\s+month\b)?"),
    ("month", rf"\b{_modifier('bm')}(?P<bm_m>{_MONTH_WORD})(?P<bm_pos>['’]s\b)?(?!\s*\d)"),
    ("spoken_year", r"(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bfrom\s)|(?<=\byear\s)|"
                    r"(?<=\bby\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\band\s)|(?<=\bduring\s)|"
                    r"(?<=\bweek\sof\s)|(?<=\bmonth\sof\s)|(?<=\bquarter\sof\s)|(?<=\bsummer\sof\s))"
                    rf"(?P<sy>{_SPOKEN_YEAR})"),
    ("year", rf"\b{_modifier('y')}(?:(?:the\s+)?year\s+)?(?P<y_y>{_YEAR})"
             r"(?![-–/]\d|%|\.\d|,\d|\s*(?:percent|per\s+cent)\b)|"
             r"\b(?:the\s+)?year\s+(?P<y_old>[1-9]\d{2})(?=\s*(?:[.,;:!?)]|\Z|(?:ad|ce|bc|bce)\b))"),
]  # fmt: skip


def _grammar_pattern(holiday_names: str) -> str:
    """The one alternation of the grammar, with a rule book's holiday names put in their place."""
    return "|".join(
        f"(?P<{name}>{body.replace(_HOLIDAY_NAMES, holiday_names)})" for name, body in _ALTERNATIVES
    )


# --- what the words say, before the publication date is applied ----------------------------------


@dataclass(slots=True)
class _Mention:
    """One date expression as written: calendar fields it names, or how it is relative to 'now'."""

    start: int
    end: int
    granularity: Granularity
    relation: Relation = "calendar"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    season: str | None = None
    decade: int | None = None
    century: int | None = None
    modifier: str | None = None
    offset: int = 0
    weekday: int | None = None
    stated_weekday: str | None = None
    open_side: str | None = None
    weak: bool = False
    """A bare number that is a year only if something else (a range partner) says so."""
    until: _Mention | None = None
    """The other end of a range ("May 7 to May 9")."""
    holiday: Holiday | None = None
    count: int = 0
    """How many units a shift or a window spans ("3 days after", "the next 3 months")."""
    anchor: _Mention | None = None
    """What a prefix (shift, week of) applies to: "3 days after *January 12*"."""
    parts: tuple[tuple[int, str], ...] = ()
    """Further (count, unit) parts of a compound length: "2 weeks *and 2 days* ago"."""
    business: bool = False
    """The days counted are working days (Monday to Friday): "the next 4 business days"."""
    short_year: bool = False
    """The year was written in two figures ("'40", "3-7-27"): the publication date picks its century."""
    named: bool = False
    """Not a date: the words are part of a name ("Christmas Island", "Black Monday"); the scan skips
    them, so that no shorter date is read inside ("July" of "the Fourth of July committee")."""


Parser = Callable[[re.Match[str], str], "_Mention | tuple[_Mention, ...] | None"]
"""Turns a match of its alternative into a mention, or into several dates listed ("18 and 19 June")."""


def _day_number(text: str | None) -> int | None:
    if not text:
        return None
    word = re.sub(r"[\s-]+", "-", text.lower())
    if word in DAY_WORDS:
        return DAY_WORDS[word]
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


def _written(m: re.Match[str], text: str, group: str) -> str:
    """A group as the document writes it (the grammar runs on a lowercased copy)."""
    return text[m.start(group) : m.end(group)]


def _month_number(word: str, *, has_day_or_year: bool) -> int | None:
    """The month a word names, refusing 'may', 'march' and friends unless they read as a month."""
    bare = word.rstrip(".")
    key = bare.lower()
    if key not in MONTHS:
        return None
    if key in AMBIGUOUS_MONTH_WORDS and (bare[0].islower() or bare.isupper()) and not has_day_or_year:
        return None
    return MONTHS[key]


def _modifier_of(match: re.Match[str], prefix: str) -> str | None:
    word = match.group(f"{prefix}_mod")
    if word is None:
        return None
    word = word.lower()
    return {"start": "early", "beginning": "early", "middle": "mid", "end": "late", "close": "late"}.get(
        word, word
    )


def _valid_day(year: int | None, month: int, day: int) -> bool:
    last = calendar.monthrange(year if year else 2000, month)[1]
    return 1 <= day <= last


def _calendar_day(
    match: re.Match[str], start: int, year: str | None, month: str, day: int | None
) -> _Mention | None:
    month_number = _month_number(month, has_day_or_year=True)
    if month_number is None or day is None:
        return None
    year_number = int(year) if year else None
    if not _valid_day(year_number, month_number, day):
        return None
    return _Mention(start, match.end(), "day", year=year_number, month=month_number, day=day)


def _parse_iso(m: re.Match[str], text: str) -> _Mention | None:
    """'2024-04-03', '2024/4/3', '2015.5.13' (year first, so no order to guess), but not a version number."""
    year, month, day = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])
    if not _valid_day(year, month, day):
        return None
    if m["iso_sep"] == "." and _NUMBERED_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None
    return _Mention(m.start(), m.end(), "day", year=year, month=month, day=day)


_NUMBERED_BEFORE = re.compile(
    r"(?:[.\d]|\b(?:version|release|build|ver\.?|v|rule|section|sec\.|§|no\.|number|art\.|article)\s*)\Z",
    re.IGNORECASE,
)
"""Before dotted figures that number something ("version 2015.5.13", "section 1910.1.20")."""


_NOT_A_DATE_BEFORE = re.compile(r"(?:[$€£¥#+]|\d[.,]|\bNo\.)\s*\Z")


def _parse_compact(m: re.Match[str], text: str) -> _Mention | None:
    """'20161016', 'report-20170302.html': a compact ISO date (eight figures that make a valid day
    between 1900 and 2099), unless a currency sign, '#', '+' or a decimal point says it is a figure.
    """
    year, month, day = int(m["cd_y"]), int(m["cd_m"]), int(m["cd_d"])
    if not _valid_day(year, month, day) or _NOT_A_DATE_BEFORE.search(text, max(0, m.start() - 4), m.start()):
        return None
    return _Mention(m.start(), m.end(), "day", year=year, month=month, day=day)


def _month_and_day(first: int, second: int, order: DateOrder) -> tuple[int, int]:
    """(month, day) of two figures read in ``order``, unless the figure that order puts first as
    the month cannot be one: "22/04" and "04/22" are 22 April in either order.  The fallback is
    symmetric, so both orders accept exactly the same strings and only ambiguous ones read apart.
    """
    if order == "dmy":
        return (second, first) if second <= 12 else (first, second)
    return (first, second) if first <= 12 else (second, first)


def _parse_numeric(m: re.Match[str], text: str, order: DateOrder) -> _Mention | None:
    """'03/04/2024', '3.4.2024', '03/04/24', 'on 3-7-27': in the document's order (see ``_month_and_day``)."""
    first, second, year_text = int(m["num_a"]), int(m["num_b"]), m["num_y"]
    month, day = _month_and_day(first, second, order)
    short = len(year_text) == 2
    if short:
        if m["num_sep"] == "." or (m["num_sep"] == "-" and not _dashed_date_in_context(m, text)):
            return None
        year_text = _short_year(year_text)
    if not 1 <= month <= 12:
        return None
    year = int(year_text)
    if not 1000 <= year <= 2199 or not _valid_day(year, month, day):
        return None
    return _Mention(m.start(), m.end(), "day", year=year, month=month, day=day, short_year=short)


_DASHED_DATE_BEFORE = re.compile(
    rf"(?:\b(?:on|dated|date:?|since|by|until|till|from|before|after|between|through|of|signed|born|died)\s+|"
    rf"\b(?:{_WEEKDAY_FULL}|{_WEEKDAY_ABBR})\.?,?\s+)\Z",
    re.IGNORECASE,
)
"""The words a dashed date with a two-figure year needs right before it: "on 9-18-15", "dated 3-7-07",
"Monday, 9-18-15", and the events that are dated ("signed 12-03-15", "born 3-7-47")."""
_TALLY_OF_BEFORE = re.compile(
    r"\b(?:record|vote|votes|score|scores|tally|margin|count|total|split|ratio|mark|combination|numbers?|"
    r"won|lost|beat|passed|approved|rejected|defeated|improved|fell|rose|went|dropped|climbed)\s+(?:of|by|from)\s+\Z",
    re.IGNORECASE,
)
"""'a vote of 12-10-13', 'won by 5-3-12', 'improved from 5-3-12': the context word belongs to a tally."""
_LINE_START = re.compile(r"(?:\A|\n)[ \t]*\Z")
_LINE_END = re.compile(r"[ \t]*[.!?]?[ \t]*(?:\r?\n|\Z)")
_TALLY_AFTER = re.compile(
    r"-\d|\s*(?:record|win|wins|victory|loss|losses|defeat|vote|votes|draw|tie|split|decision|count|score|"
    r"scoreline|finish|run|season|formation|majority)\b",
    re.IGNORECASE,
)


def _dashed_date_in_context(m: re.Match[str], text: str) -> bool:
    """Whether dashed figures with a two-figure last part ('9-18-15') are a date.  Such figures are far
    more often codes, tallies and statute numbers ("Part number 4-11-20", "§ 9-11-12", "went 5-3-12", "the
    vote was 12-10-13"), so only a word that expects a date right before them ("on", "dated", "since",
    a weekday) or a line of their own makes them one; a noun of results after them still undoes it.
    """
    start = m.start()
    if _TALLY_AFTER.match(text, m.end()):
        return False
    window = max(0, start - 24)
    if _DASHED_DATE_BEFORE.search(text, window, start):
        return not _TALLY_OF_BEFORE.search(text, window, start)
    partner = _DASHED_PARTNER_BEFORE.search(text, window, start)
    if partner is not None:  # "from 9-18-15 to 9-20-15": the other end of a range that is a date
        before = max(0, partner.start() - 24)
        return bool(
            _DASHED_DATE_BEFORE.search(text, before, partner.start())
        ) and not _TALLY_OF_BEFORE.search(text, before, partner.start())
    return bool(_LINE_START.search(text, max(0, start - 8), start) and _LINE_END.match(text, m.end()))


_DASHED_PARTNER_BEFORE = re.compile(
    r"(?<![\w-])\d{1,2}-\d{1,2}-\d{2}\s*(?:to|and|through|thru|until|till|[-–—])\s*\Z", re.IGNORECASE
)


def _parse_day_month_range(m: re.Match[str], text: str) -> _Mention | tuple[_Mention, _Mention] | None:
    """'4-7 June', 'between the ninth and the seventeenth of April'; '18 and 19 June' lists two days."""
    year = _year_text(m, "dmr_y", "dmr_sy")
    if m["dmr_sy"] and year is None:
        return None
    first = _calendar_day(m, m.start(), year, _written(m, text, "dmr_m"), _day_number(m["dmr_d1"]))
    last = _calendar_day(m, m.start(), year, _written(m, text, "dmr_m"), _day_number(m["dmr_d2"]))
    if first is None or last is None or (last.day or 0) <= (first.day or 0):
        return None
    if m["dmr_link"].lower() == "and" and not _BETWEEN_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        first.end = m.end("dmr_d1")
        last.start = m.start("dmr_d2")
        return first, last
    first.until = last
    return first


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)


def _parse_month_day_range(m: re.Match[str], text: str) -> _Mention | None:
    """'May 7-9', 'April the ninth till the seventeenth'; 'April 27th to the 3rd' ends in May."""
    month_word = _written(m, text, "mdr_m")
    if not m["mdr_d1"][0].isdigit() and _month_number(month_word, has_day_or_year=False) is None:
        return None  # "they march first to the square": a day in words needs an unambiguous month
    year = _year_text(m, "mdr_y", "mdr_sy")
    if m["mdr_sy"] and year is None:
        return None
    first = _calendar_day(m, m.start(), year, month_word, _day_number(m["mdr_d1"]))
    last = _calendar_day(m, m.start(), year, month_word, _day_number(m["mdr_d2"]))
    if first is None or last is None or last.day == first.day:
        return None
    if (last.day or 0) < (first.day or 0):
        if year or not re.search(r"(?:to|until|till|through)\s+the\s+\S+\Z", m.group(), re.IGNORECASE):
            return None  # only "to the 3rd" names a day of the next month; "May 27-3" is no range
        month = (last.month or 1) % 12 + 1
        if not _valid_day(None, month, last.day or 0):
            return None
        last.month = month
    first.until = last
    return first


def _short_year(text: str) -> str:
    """A year written in two figures ("'87", "of 19"): this century up to 49, the last one after; the
    publication date, when known, moves it into its own window (``_windowed_year``).
    """
    short = int(text.lstrip("'’"))
    return str(2000 + short if short < 50 else 1900 + short)


_SHORT_YEAR_AHEAD = 20
"""How far past publication a two-figure year may lie: with a 2016 article, "'36" is 2036 and "'40" 1940."""


def _windowed_year(year: int, pub: dt.date) -> int:
    """The year ending in ``year``'s last two figures from publication - 79 to publication + 20."""
    latest = pub.year + _SHORT_YEAR_AHEAD
    return latest - (latest - year) % 100


def _with_windowed_years(m: _Mention, pub: dt.date | None) -> _Mention:
    """Place the two-figure years of a mention (and of its range end) by the publication date."""
    if pub is None:
        return m
    if m.until is not None:
        m = replace(m, until=_with_windowed_years(m.until, pub))
    if m.short_year and m.year is not None:
        m = replace(m, year=_windowed_year(m.year, pub), short_year=False)
    return m


def _year_text(m: re.Match[str], digits: str, words: str) -> str | None:
    """The year a date states, in figures or in words ("nineteen ninety six"), as figures."""
    if m[digits]:
        return m[digits]
    year = spoken_year(m[words]) if m[words] else None
    return str(year) if year is not None else None


_FIGURE_BEFORE = re.compile(r"(?:[$€£¥]\s*|\d[.,])\Z")
"""A currency sign or the integer part of a decimal: the number after it is a figure ("$12 December 27")."""


def _parse_day_month(m: re.Match[str], text: str, day_names: _DayNames) -> _Mention | None:
    """'3 April 2024', 'the 3rd of April', '16. Nov. 2016' (a day with a dot only before an abbreviated
    month and a year: "rose to 16. November 2016 was ..." ends one sentence and starts another).
    """
    if (m["dm_d"] or m["dm_dd"]) and _FIGURE_BEFORE.search(text, max(0, m.start() - 3), m.start()):
        return None
    year = _short_year(m["dm_yy"]) if m["dm_yy"] else _year_text(m, "dm_y", "dm_sy")
    if m["dm_sy"] and year is None:
        return None
    if year is None and day_names.month_day_after.match(text, m.end()):
        return _named(m)  # "the 11 September attacks": an event of an earlier year
    written = _written(m, text, "dm_m")
    if (
        year is None
        and _month_number(written, has_day_or_year=False) is None
        and not (
            re.search(r"\d(?:st|nd|rd|th)$", m["dm_d"] or "")
            and written.lower() not in ("may", "march", "mar")
        )
    ):
        return None  # "the 5 may ...", but "20th dec" is a date
    found = _calendar_day(
        m,
        m.start(),
        year,
        _written(m, text, "dm_m"),
        _day_number(m["dm_d"] or m["dm_dd"] or m["dm_o"] or m["dm_w"] or m["dm_wy"]),
    )
    if found is not None:
        found.short_year = m["dm_yy"] is not None
    return found


def _parse_month_day(m: re.Match[str], text: str, day_names: _DayNames) -> _Mention | None:
    year = _year_text(m, "md_y", "md_sy")
    if m["md_sy"] and year is None:
        return None
    if year is None and day_names.month_day_after.match(text, m.end()):
        return _named(m)  # "the Jan. 6 committee", "the September 11 attacks": an event of an earlier year
    if year is None and _month_number(_written(m, text, "md_m"), has_day_or_year=False) is None:
        return None  # "he may 5 times ..."
    day = _day_number(m["md_d"] or m["md_o"] or m["md_d2"] or m["md_dc"] or m["md_w"] or m["md_c"])
    return _calendar_day(m, m.start(), year, _written(m, text, "md_m"), day)


_GLUED_FIGURES_AFTER = re.compile(r"[-/]\d")


def _parse_month_year(m: re.Match[str], text: str) -> _Mention | None:
    if m["my_y2"]:  # "2017 April": a lowercase "may" or "march" after a year is still a verb
        month = _month_number(_written(m, text, "my_m2"), has_day_or_year=False)
        year = int(m["my_y2"])
    else:
        if _GLUED_FIGURES_AFTER.match(text, m.end()) and _GLUED_FIGURES_AFTER.match(text, m.end("my_m")):
            return None  # "case DEC-2015-45": one token of figures glued to a month is a code
        month = _month_number(_written(m, text, "my_m"), has_day_or_year=not m["my_in"])
        year_text = _short_year(m["my_yy"]) if m["my_yy"] else _year_text(m, "my_y", "my_sy")
        if year_text is None:
            return None
        year = int(year_text)
    if month is None:
        return None
    return _Mention(m.start(), m.end(), "month", year=year, month=month, modifier=_modifier_of(m, "my"),
                    short_year=bool(m["my_yy"]))  # fmt: skip


def _parse_year_month_day(m: re.Match[str], text: str) -> _Mention | None:
    return _calendar_day(m, m.start(), m["ymd_y"], _written(m, text, "ymd_m"), _day_number(m["ymd_d"]))


def _parse_mixed_order(m: re.Match[str], text: str) -> _Mention | None:
    """'September-2020-23', '2020/23/Sep', '23-2020-September': the month is named, so every order of
    the three parts is unambiguous (one separator throughout, as a written date has).  Not a fiscal year
    after a month ("the May-2015-16 budget": the figures after the year are the next year's last two) nor
    a code with the month in capitals ("memo MAR-2016-12", "case DEC-2015-21").
    """
    for suffix in ("", "2", "3"):
        month, year, day = f"mo_m{suffix}", f"mo_y{suffix}", f"mo_d{suffix}"
        if m[month]:
            written = _written(m, text, month)
            if written.isupper() and len(written.rstrip(".")) <= 4:
                return None
            if m.end(year) < m.start(day) and m[day] == f"{(int(m[year]) + 1) % 100:02d}":
                return None
            return _calendar_day(m, m.start(), m[year], written, _day_number(m[day]))
    return None


_MONTH_GLUED_BEFORE = re.compile(rf"\b{_MONTH_WORD}[-/]\Z", re.IGNORECASE)
"""'MAR-2016-12', 'May-2015-16': figures after a month and a dash that ``_parse_mixed_order`` refused (a code,
a fiscal year) are the rest of that word, not a month or a span of years of their own."""


def _parse_numeric_month_year(m: re.Match[str], text: str) -> _Mention | None:
    """'11/2016', '2016-11'; but '2011-12' (the second part is the next year) is a span of two years."""
    if _MONTH_GLUED_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        return None
    if m["nmy_m"]:
        return _Mention(m.start(), m.end(), "month", year=int(m["nmy_y"]), month=int(m["nmy_m"]))
    year, second = int(m["nmy_y2"]), m["nmy_m2"]
    if len(second) == 2 and int(second) == (year + 1) % 100:
        return _parse_year_range_values(m, text, year, second)
    return _Mention(m.start(), m.end(), "month", year=year, month=int(second))


_FRACTION_BEFORE = re.compile(r"\d\s+\Z")
_NUMERIC_DAY_CONTEXT = re.compile(
    rf"(?:\b(?:on|by|from|to|until|till|between|and|or|this|next|last|since|before|after|"
    rf"{_WEEKDAY_FULL}|{_WEEKDAY_ABBR})|[,(-])\s*\Z",
    re.IGNORECASE,
)


def _parse_numeric_month_day(
    m: re.Match[str], text: str, order: DateOrder, not_dates: frozenset[str]
) -> _Mention | None:
    """'11/20', '22/04', 'on 3/4', '5/7, 2020': figures read in the document's order (``_month_and_day``);
    never the figures of ``not_dates`` ("24/7", "9/11": rules/holidays.yml).
    """
    first, second = int(m["nmd_a"]), int(m["nmd_b"])
    before = text[max(0, m.start() - 12) : m.start()]
    if m.group() in not_dates or _FRACTION_BEFORE.search(before):
        return None
    month, day = _month_and_day(first, second, order)
    year = int(m["nmd_y"]) if m["nmd_y"] else None
    if not 1 <= month <= 12 or not _valid_day(year, month, day):
        return None
    if (
        first <= 12
        and second <= 12
        and not (m["nmd_y"] and not re.search(r"\s", m.group()))  # "08/12,2015": one token with its year
        and not _NUMERIC_DAY_CONTEXT.search(before)
        and not _DATED_RANGE_END_AFTER.match(text, m.end())
    ):
        return None  # "1/2", "3/4": a fraction unless a word (or the full date it runs to) makes it a date
    return _Mention(m.start(), m.end(), "day", year=year, month=month, day=day)


_DATED_RANGE_END_AFTER = re.compile(r"\s*[-–]\s*\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b")
"""'10/1-11/2/2017': a range to a full date makes its first end a date too."""


_COUNTED_FROM_BEFORE = re.compile(
    rf"\b(?P<n>{_COUNT})\s+(?:day|week|fortnight|month)s?\s+(?:before|after)\s+(?:the\s+)?\Z", re.IGNORECASE
)
"""'5 days before (the) new year': a length counted from the holiday right before its name."""


_NOUN_PHRASE_ENDS = re.compile(
    r"\s*(?:\Z|['’]s\b|[^\w\s])|\s+(?:"
    r"and|or|but|nor|so|yet|as|when|while|after|before|since|until|because|though|although|if|"
    r"in|on|at|to|with|by|for|from|into|amid|despite|through|around|near|without|against|about|"
    r"that|which|who|the|a|an|this|these|those|there|here|"
    r"he|she|they|it|we|i|you|his|her|their|its|our|my|"
    r"is|was|were|are|be|been|has|had|have|will|would|could|should|can|may|might|must|did|does|"
    r"also|too|alone|itself|again|already|ahead"
    r")\b|\s+[a-z]{2,}(?<!e)ed\b",  # a past tense: "the weekend passed quietly"
    re.IGNORECASE,
)
"""After a period word that is a date comes a pause, a possessive or a function word ("the weekend was",
"the weekend, police...", "before new year, talks"); a noun makes it a modifier ("the weekend edition",
"on weekend nights", "the new year's deadline")."""


def _counted_from(m: re.Match[str], text: str) -> bool:
    """A definite length ("5 days", not "several weeks") ends with 'before' or 'after' right before."""
    length = _COUNTED_FROM_BEFORE.search(text, max(0, m.start() - 40), m.start())
    return length is not None and _count(length["n"]) is not None


def _parse_holiday(
    m: re.Match[str], text: str, holidays: HolidayTable, name_guard: _NameGuard, day_names: _DayNames
) -> _Mention | None:
    holiday = holidays.find(m["hol_n"])
    if holiday is None:
        return None
    if day_names.holiday_after.match(text, m.end()):
        return _named(m)  # "Christmas Island", "the Good Friday Agreement", "Easter eggs": a name or a thing
    if holiday.counted_only and (
        m["hol_rel"] or m["hol_we"] or m["hol_we2"]
        or not _counted_from(m, text)
        or not _NOUN_PHRASE_ENDS.match(text, m.end())
    ):  # fmt: skip
        return None  # "in the new year", "Lunar New Year", "the new year's deadline": a year, or not the day
    relation = (m["hol_rel"] or "").lower()
    offset = {"last": -1, "previous": -1, "next": 1, "following": 1, "coming": 1}.get(relation, 0)
    stated_year = m["hol_y"] or m["hol_y2"]
    year = int(stated_year) if stated_year else None
    if holiday.needs_capital and _written(m, text, "hol_n")[0].islower():
        return None  # "may day" in lowercase is usually "may" the verb
    if holiday.also_a_name and (
        name_guard.around(text, m.start("hol_n"), m.end("hol_n"))
        or not (m["hol_rel"] or m["hol_we"] or m["hol_we2"] or stated_year
                or name_guard.calendar_meant(text, m.start("hol_n"), m.end("hol_n")))
    ):  # fmt: skip
        return None  # "Tariq Ramadan", "Mr. Ramadan said", "Ramadan told reporters": a name, not the month
    weekend = "weekend" if m["hol_we"] or m["hol_we2"] else None
    return _Mention(m.start(), m.end(), "day", relation="holiday", holiday=holiday, year=year, offset=offset,
                    modifier=weekend)  # fmt: skip


_NOT_NAME_BEFORE = ("In", "During", "Since", "Before", "After", "Until", "Through", "Throughout", "For",
                    "This", "Last", "Next", "The", "Of", "And", "Or", "By", "From", "Early", "Late", "Mid",
                    "End", "Start")  # fmt: skip
"""Capitalized grammar words before a holiday that do not make it part of a personal name ("In
Ramadan"); the holiday words that do not either ("Holy Ramadan") come from rules/holidays.yml."""


_CALENDAR_CUES_BEFORE = ("in", "during", "of", "for", "since", "until", "till", "before", "after",
                         "throughout", "through", "this", "last", "next", "early", "late", "mid")  # fmt: skip
"""Grammar words right before a holiday that is also a name that make it the holiday ("during Ramadan",
"the month of Ramadan"); not "by" or "from", which as often introduce a person ("a statement by Ramadan")."""
_TITLE_WITH_DOT = r"(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Capt|Maj|Sgt|Cpl|Adm|Prof|Rep|Sen|Gov|Rev)\."
"""Abbreviated titles: "Dr. Ramadan began his speech" is a person whatever follows."""
_TITLE_BEFORE = re.compile(rf"\b{_TITLE_WITH_DOT}\s*\Z")
"""An abbreviated title right before a name ("Dr. Ramadan", "Dr. January")."""
_SPEECH_AFTER = r"(?:said|says|told|tells|added|adds|noted|wrote|writes|asked|stated|declared|announced)\b"
"""Verbs of speech right after: "since Ramadan said so" is a person."""


@dataclass(frozen=True, slots=True)
class _NameGuard:
    """What makes a holiday that is also a personal name part of a name: a capitalized word right
    before or after it, other than grammar words and the rule book's ``name_words_not_names``; and
    what makes it the holiday otherwise: a calendar word beside it (``calendar_meant``).
    """

    before: re.Pattern[str]
    after: re.Pattern[str]
    cue_before: re.Pattern[str]
    cue_after: re.Pattern[str]
    person: re.Pattern[str]
    speech_after: re.Pattern[str]

    @classmethod
    def of(cls, holidays: HolidayTable) -> _NameGuard:
        """The guard for one table of holidays (built once per table, with its grammar)."""
        before = [*_NOT_NAME_BEFORE, *(_capitalized(word) for word in holidays.not_name_before)]
        after = [_capitalized(word) for word in holidays.not_name_after]
        cues_before = _any_word([*_CALENDAR_CUES_BEFORE, *holidays.cue_before])
        cues_after = _any_word(holidays.cue_after)
        return cls(
            re.compile(rf"\b{_not_one_of(before)}[A-Z][a-z]+\s+\Z"),
            re.compile(rf"\s+{_not_one_of(after)}[A-Z][a-z]"),
            re.compile(rf"\b(?:{cues_before})[\s-]+\Z", re.IGNORECASE),
            re.compile(rf"\s+(?:{cues_after})\b", re.IGNORECASE),
            _TITLE_BEFORE,
            re.compile(rf"\s+{_SPEECH_AFTER}", re.IGNORECASE),
        )

    def around(self, text: str, start: int, end: int) -> bool:
        """Whether a capitalized word next to a name makes it part of a personal name ("Tariq Ramadan"),
        or an abbreviated title before it or a verb of speech after it makes it a person's.
        """
        window = max(0, start - 20)
        return bool(
            self.before.search(text, window, start)
            or self.after.match(text, end)
            or self.person.search(text, window, start)
            or self.speech_after.match(text, end)
        )

    def calendar_meant(self, text: str, start: int, end: int) -> bool:
        """Whether a calendar word right before ("during", "holy") or after ("begins") makes a name the
        holiday; a year or "last"/"next" inside the match do too (see ``_parse_holiday``).
        """
        return bool(
            self.cue_before.search(text, max(0, start - 14), start) or self.cue_after.match(text, end)
        )


@dataclass(frozen=True, slots=True)
class _DayNames:
    """The rule book's words (``names_after_days``) that make a day's name part of a name or of a thing
    named after a day: checked after a match, so they cost nothing where no day is written.
    """

    holiday_after: re.Pattern[str]
    weekday_before: re.Pattern[str]
    weekday_after: re.Pattern[str]
    month_day_after: re.Pattern[str]

    @classmethod
    def of(cls, holidays: HolidayTable) -> _DayNames:
        """The words of one table of holidays (built once per table, with its grammar)."""
        before = _any_word(map(_capitalized, holidays.weekday_name_before))
        after = _any_word(map(_capitalized, holidays.weekday_name_after))
        return cls(
            re.compile(rf"[\s-]+(?:{_any_word(holidays.holiday_name_after)})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{before})\s+\Z"),
            re.compile(rf"\s+(?:(?:Night|Morning|Evening|Afternoon)\s+)?(?:{after})\b"),
            re.compile(rf"\s+(?:{_any_word(holidays.month_day_name_after)})\b", re.IGNORECASE),
        )


def _named(m: re.Match[str]) -> _Mention:
    """The words of a match that are part of a name: no date, and none to be read inside them."""
    return _Mention(m.start(), m.end(), "day", named=True)


def _capitalized(word: str) -> str:
    return word[:1].upper() + word[1:]


def _any_word(words: Iterable[str]) -> str:
    """An alternation of a rule book's ``words`` (``alternation``), or one that matches nothing when the
    list is empty (an empty alternation would match everywhere).
    """
    return alternation(items) if (items := list(words)) else "(?!)"


def _not_one_of(words: list[str]) -> str:
    """A lookahead that refuses any of ``words`` as a whole word (nothing when there are none)."""
    return rf"(?!(?:{'|'.join(map(re.escape, words))})\b)" if words else ""


def _parse_month_range(m: re.Match[str], text: str) -> _Mention | None:
    """'Jan-Feb 2017', 'Nov-Feb 2017' (November of the year before), 'May to September'."""
    stated = m["mmr_y"] is not None
    first = _month_number(_written(m, text, "mmr_m1"), has_day_or_year=stated)
    last = _month_number(_written(m, text, "mmr_m2"), has_day_or_year=stated)
    if first is None or last is None or first == last:
        return None
    year = int(m["mmr_y"]) if stated else None
    end = _Mention(m.end("mmr_m2") - len(m["mmr_m2"]), m.end(), "month", year=year, month=last)
    start_year = year - 1 if year is not None and first > last else year
    return _Mention(m.start(), m.end(), "month", year=start_year, month=first, until=end)


def _count(text: str) -> int | None:
    """A definite count ("3", "three", "a"); vague ones ("few", "several") are None."""
    word = re.sub(r"\s+", " ", text.lower())
    if word.isdigit():
        return int(word)
    if word in ("few", "several", "a few", "couple", "a couple of"):
        return None
    return _number_word(word)


def _number_word(word: str) -> int | None:
    """A number written in words ("forty", "twenty nine", "a"), lowercase with single spaces."""
    found = NUMBER_WORDS.get(word)
    return found if found is not None else NUMBER_WORDS.get(word.replace(" ", "-"))


def _unit_granularity(unit: str) -> Granularity:
    unit = unit.lower()
    if _is_business(unit):
        return "day"
    return "week" if unit == "fortnight" else unit  # type: ignore[return-value]


def _is_business(unit: str) -> bool:
    return unit.lower().startswith(("business", "working", "workday"))


_MORE_PART = re.compile(r"([\w-]+)\s+(day|week|month|year)s?\b")


def _more_parts(text: str | None) -> tuple[tuple[int, str], ...]:
    """The (count, unit) parts after the first of a compound length; () when one is not a number."""
    if not text:
        return ()
    parts = []
    for found in _MORE_PART.finditer(text.lower()):
        count = _count(found[1])
        if count is None:
            return ()
        parts.append((count, found[2]))
    return tuple(parts)


def _compound(m: re.Match[str], group: str, unit: str, text: str) -> tuple[tuple[tuple[int, str], ...], int]:
    """The further parts of a length and where the mention ends: without them when one is no number
    ("the last 3 months and many weeks") or when they belong to an "ago" that follows ("the last 3
    months and 2 weeks and 2 days ago they ...": the rest is another date, counted back from now).
    """
    more = m[group]
    if not more:
        return (), m.end()
    parts = _more_parts(more)
    if not parts or unit not in _COMPOUND_UNITS or _MORE_AFTER.match(text, m.end()):
        return (), m.start(group)
    return parts, m.end()


def _finest(unit: str, parts: tuple[tuple[int, str], ...]) -> Granularity:
    """The smallest unit of a compound length ("2 years 21 days": day)."""
    units: list[Granularity] = [unit, *(u for _, u in parts)]  # type: ignore[list-item]
    return min(units, key=_GRANULARITY_ORDER.index)


def _unit_count(unit: str, count: int) -> int:
    return 2 * count if unit.lower() == "fortnight" else count


def _parse_shift(m: re.Match[str], text: str) -> _Mention | None:
    """'3 days after', '2 weeks from', '2 years hence': a prefix counted from what follows (or now);
    '2 weeks starting May 20th', 'for 3 days from today': a length laid from the day that follows.
    """
    count = _count(m["sh_n"])
    if count is None:
        return None
    unit = m["sh_u"].lower()
    direction = re.sub(r"\s+", " ", m["sh_dir"].lower())
    if direction.startswith(("starting", "beginning")) or (
        direction == "from" and text[max(0, m.start() - 4) : m.start()].lower() == "for "
    ):
        return _Mention(m.start(), m.end(), _unit_granularity(unit), relation="span",
                        count=_unit_count(unit, count), business=_is_business(unit))  # fmt: skip
    if m["sh_comma"]:
        return None
    sign = -1 if direction == "before" else 1
    quantifier = _QUANTIFIER_BEFORE.search(text, max(0, m.start() - 24), m.start())
    start = quantifier.start() if quantifier else m.start()
    modifier = re.sub(r"\s+", " ", quantifier["q"].lower()) if quantifier else None
    mention = _Mention(start, m.end(), _unit_granularity(unit), relation="shift",
                       count=sign * _unit_count(unit, count), business=_is_business(unit),
                       modifier=modifier)  # fmt: skip
    if direction in ("from now", "hence"):
        mention.anchor = _Mention(m.end(), m.end(), "day", relation="day_offset")
    return mention


_QUANTIFIER_BEFORE = re.compile(
    r"\b(?P<q>more\s+than|less\s+than|within)\s+(?:the\s+(?:next|coming)\s+)?\Z", re.IGNORECASE
)
"""'more than 2 weeks before today' (further back than that day), 'within 2 weeks after today'."""


_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:first|last|most|least|only|best|worst|[a-z]{3,}est|time|ever|record)\b[^.;:!?]*\Z", re.IGNORECASE
)


def _parse_within(m: re.Match[str], text: str) -> _Mention | None:
    """'within 9 months' (from now until then) and 'in 2 weeks' (that day, if the sentence looks ahead)."""
    count = _count(m["in_n"])
    if count is None:
        return None
    unit = m["in_u"].lower()
    if m["in_w"].lower() == "in" and _SUPERLATIVE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None  # "the worst in a decade", "the first time in two years": a look back, not a date
    relation: Relation = "window" if m["in_w"].lower() == "within" or m["in_next"] else "in"
    modifier = "within" if m["in_w"].lower() == "within" else None
    parts, end = _compound(m, "in_more", unit, text)
    return _Mention(m.start(), end, _unit_granularity(unit), relation=relation,
                    count=_unit_count(unit, count), modifier=modifier, business=_is_business(unit),
                    parts=parts)  # fmt: skip


def _parse_window(m: re.Match[str], text: str) -> _Mention | None:
    """'the last 3 months', 'next five days', '5 upcoming years': a span ending now or starting tomorrow."""
    count = _count(m["w_n"] or m["w_n2"])
    if count is None:
        return None
    unit = (m["w_u"] or m["w_u2"]).lower()
    if m["w_n2"] and count != 1 and not m.group().endswith("s"):
        return None  # "we will be only 3 next week": a count of people, then "next week"
    direction = (m["w_rel"] or m["w_rel2"]).lower()
    sign = -1 if direction in ("last", "past", "previous") else 1
    parts, end = _compound(m, "w_more", unit, text)
    return _Mention(m.start(), end, _unit_granularity(unit), relation="window",
                    count=sign * _unit_count(unit, count), business=_is_business(unit),
                    parts=tuple((sign * n, u) for n, u in parts))  # fmt: skip


_WEEK_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                  "fifth": 5, "5th": 5, "last": -1}  # fmt: skip


def _parse_part_of(m: re.Match[str], text: str) -> _Mention | None:
    """'the first 2 weeks of', 'the last four months of', 'the third month of': a prefix for a period."""
    if m["po_o"]:
        number = _day_number(m["po_o"])  # 1 to 12: the pattern allows no other
        if number is None:
            return None
        mention = _Mention(m.start(), m.end(), "month", relation="part_of", count=number, modifier="nth")
    else:
        count = _count(m["po_n"])
        if count is None or count < 2:
            return None
        sign = -1 if m["po_side"].lower() in ("last", "final") else 1
        granularity: Granularity = m["po_u"].lower()  # type: ignore[assignment]
        mention = _Mention(m.start(), m.end(), granularity, relation="part_of", count=sign * count)
    if m["po_the"]:  # "the first six months of the year": the publication year
        mention.anchor = _Mention(m.start("po_the"), m.end(), "year")
    return mention


def _parse_week_of(m: re.Match[str], text: str) -> _Mention | None:
    return _Mention(m.start(), m.end(), "week", relation="week_of", count=_WEEK_ORDINALS[m["wo_o"].lower()])


_NTH_WEEKDAY_NOT_OF_A_MONTH_BEFORE = re.compile(
    r"\b(?:(?:my|your|his|her|its|our|their|whose|a|an|each|every|this|that)|"
    r"(?:after|before|following|since)(?:\s+the)?)\s+\Z",
    re.IGNORECASE,
)
_NTH_WEEKDAY_NOT_OF_A_MONTH_AFTER = re.compile(
    r"\s+(?:after|before|following|since|as|running|straight|consecutive|in\s+a\s+row)\b", re.IGNORECASE
)
"""'his first Sunday as pope', 'the first Tuesday after the first Monday', 'a second Monday in a row':
an ordinal that counts weekdays from something else, not within a month."""
_NTH_WEEKDAY_ENDS = re.compile(
    r"\s*(?:[.,;:!?)\"”’]|\Z)|\s+(?:and|or|but|to|at|on|when|with|for|from|by|until|while|that|which|"
    r"this|next|last)\b",
    re.IGNORECASE,
)
"""After 'the second Tuesday' standing alone: a pause or a word that starts another phrase.  A noun
after the weekday is what the ordinal counts ("the first Friday prayers since the ceasefire")."""


def _parse_nth_weekday(m: re.Match[str], text: str) -> _Mention | None:
    """'the first Friday of', 'the last Sunday in': a prefix that needs a month after it.  Without one,
    'the second Tuesday' is that day of the month the tense picks, as a month without a year is of the
    year the tense picks; it is never the nearest Tuesday.
    """
    count, weekday = _WEEK_ORDINALS[m["nw_o"].lower()], WEEKDAYS[m["nw_d"].lower()]
    if m["nw_of"]:
        return _Mention(m.start(), m.end(), "day", relation="nth_weekday", count=count, weekday=weekday)
    if (
        _NTH_WEEKDAY_NOT_OF_A_MONTH_BEFORE.search(text, max(0, m.start() - 16), m.start())
        or _NTH_WEEKDAY_NOT_OF_A_MONTH_AFTER.match(text, m.end())
        or not _NTH_WEEKDAY_ENDS.match(text, m.end())
    ):
        return _named(m)
    return _Mention(m.start(), m.end(), "day", relation="nth_weekday_nearby", count=count, weekday=weekday,
                    stated_weekday=WEEKDAY_NAMES[weekday])  # fmt: skip


_RANGE_OPENER = re.compile(r"\b(?P<word>from|between)\s+\Z", re.IGNORECASE)
_AWAY_BEFORE = re.compile(
    r"(?:\b(?:be|am|is|are|was|were|been|being)\s+(?:out|here|there)|"
    r"\b(?:away|absent|closed|shut|leave|vacation|holidays?))\s+(?:(?:from|between)\s+)?\Z",
    re.IGNORECASE,
)
"""'be out from 4 to 22 this month', 'closed 4 to 23 in May': being away or closed makes bare figures days
(not "off": "shares were off 4 to 6 this month" is a market's fall)."""


def _parse_day_span(m: re.Match[str], text: str) -> _Mention | None:
    """'4 till 23 of this month', 'from 4 to January 22': days of a month the words after it name."""
    first, last = _day_number(m["ds_a"]), _day_number(m["ds_b"])
    if first is None or not 1 <= first <= 31 or (last is not None and not first < last <= 31):
        return None
    opener = _RANGE_OPENER.search(text, max(0, m.start() - 10), m.start())
    if last is None and not opener:
        return None  # "rose 4 to March 22 ...": a figure unless "from" or "between" opens the range
    preposition = (m["ds_of"] or "").lower()
    if (
        preposition != "of"
        and m["ds_b"]
        and (m["ds_link"] not in ("-", "–") or not preposition)
        and m["ds_a"].isdigit()
        and m["ds_b"].isdigit()
        and not _AWAY_BEFORE.search(text, max(0, m.start() - 24), m.start())
    ):
        return None  # "rose from 4 to 22 in May", "lost 4-22 this month": figures; "out 4 to 22" is days
    if (m["ds_link"] or "").lower() == "and" and not (opener and opener["word"].lower() == "between"):
        return None  # "4 and 22 of May" lists two days (or figures); only "between" makes it a range
    start = opener.start() if opener and last else m.start()  # "from 4 to 22 this month" as one range
    return _Mention(start, m.end(), "day", relation="day_span", day=first, count=last or 0)


def _parse_week_containing(m: re.Match[str], text: str) -> _Mention | None:
    how = (m["wc_how"] or "of").lower()
    return _Mention(m.start(), m.end(), "week", relation="week_containing",
                    modifier="from" if how in ("commencing", "beginning", "starting") else None)  # fmt: skip


def _parse_week_number(m: re.Match[str], text: str, game_words: re.Pattern[str]) -> _Mention | None:
    """'week 31', 'week 12 of 2024'; without a year not beside a game's words ("threw two touchdowns
    in week 5": a week of the season's schedule).
    """
    number = int(m["wn_n"])
    if not 1 <= number <= 53:
        return None
    year = int(m["wn_y"]) if m["wn_y"] else None
    if year is None and _in_sentence_with(game_words, text, m.start(), m.end()):
        return _named(m)
    return _Mention(m.start(), m.end(), "week", relation="week_number", count=number, year=year)


_DAY_OF_MONTH_CONTEXT = re.compile(
    r"\b(?:on|by|for|until|till|since|from|before|after|around|to|and|or|of)\s+\Z", re.IGNORECASE
)
_SENTENCE_PAUSE = re.compile(r"\s*(?:[.,;:?!)]|\Z)")
_DAY_OF_MONTH_END = re.compile(r"\s*(?:[.,;:?!)]|\Z|(?:and|or|to|through|till|until)\b)")


def _parse_day_of_month(m: re.Match[str], text: str) -> _Mention | None:
    """'on the 18th', 'the 15th day of next month': a day of a month the context gives."""
    day = _day_number(m["dom_d"])
    relation = (m["dom_rel"] or m["dom_rel2"] or "").lower()
    written = m.group()
    bare_after_on = (
        written[0].isdigit()
        and text[max(0, m.start() - 3) : m.start()].lower() == "on "
        and _SENTENCE_PAUSE.match(text, m.end()) is not None
    )  # "they met on 29th.", but not "runners on 1st and 3rd"
    if (
        day is None
        or not 1 <= day <= 31
        or not (relation or bare_after_on or written.lower().startswith("the"))
    ):
        return None  # "20th of next month", "on 29th" need no "the"; a bare "20th" is left to what follows it
    if not relation and written.lower().endswith("day"):
        return None  # "on the 1st day", "the 15th day of the strike": a day of an event, not of a month
    if not relation and (
        not _DAY_OF_MONTH_CONTEXT.search(text, max(0, m.start() - 8), m.start())
        or not _DAY_OF_MONTH_END.match(text, m.end())
    ):
        return None
    offset = {"next": 1, "last": -1}.get(relation, 0)
    return _Mention(m.start(), m.end(), "day", relation="dom", day=day, offset=offset,
                    modifier="this" if relation in ("this", "the", "next", "last") else None)  # fmt: skip


_STRONG_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|during|through|throughout|before|after|between|around|"
    r"circa|year|early|mid|late|spring|summer|autumn|fall|winter|the\s+(?:end|start|beginning|middle|close)"
    r"\s+of|back\s+in|as\s+of|of|for|to|and|than|c\.)|[©(]|\(c\)|copyright)[\s-]*$",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|his|her|its|their|our|this|that)|['’]s)\s+$", re.IGNORECASE
)
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:[$€£¥#]|\d[.,]?|\bNo\.?|\bpage|\bp\.|\bpp\.|\bnumber)\s*$", re.IGNORECASE
)
_FIGURE_NOUN_AFTER = re.compile(
    r"\s+(?:people|persons|soldiers|troops|members|men|women|children|cases|deaths|votes|units|km|"
    r"kilometers|kilometres|miles|metres|meters|tonnes|tons|dollars|euros|pounds|points|times|"
    r"[a-z]+s\s+(?:were|are|have|had))\b",
    re.IGNORECASE,
)
_SPAN_THAN_BEFORE = re.compile(
    rf"\b(?:{_COUNT}|few|several|many)\s+(?:day|week|month|year|decade)s?\s+(?:later|earlier|sooner)\s+than\s+\Z",
    re.IGNORECASE,
)
"""'Ten years later than 2012': a length of time counted from the year, which names neither it nor a side."""
_WEAK_CONTEXT = re.compile(
    r"\b(?:(?<!back\s)to|and|(?<!later\s)(?<!earlier\s)(?<!sooner\s)than|for|(?<!year\s)of)\s*$",
    re.IGNORECASE,
)


def _year_is_plausible(
    text: str, start: int, end: int, year: int, *, has_modifier: bool
) -> tuple[bool, bool]:
    """Whether a bare four-digit number reads as a year, and whether that reading is only weak."""
    before = text[max(0, start - 30) : start]
    if _NOT_A_YEAR_BEFORE.search(before) or _FIGURE_NOUN_AFTER.match(text, end):
        return False, False
    if has_modifier:
        return True, False
    strong = _STRONG_YEAR_CONTEXT.search(before)
    if strong and not _WEAK_CONTEXT.search(before) and not _SPAN_THAN_BEFORE.search(before):
        return True, False
    if (
        1900 <= year <= 2099
        and _DETERMINER_BEFORE.search(before)
        and re.match(r"\s+[a-z]", text[end : end + 3])
    ):
        return True, False
    return True, True


def _parse_year_range(m: re.Match[str], text: str) -> _Mention | None:
    return _parse_year_range_values(m, text, int(m["yr_a"]), m["yr_b"])


def _parse_year_range_values(m: re.Match[str], text: str, first: int, second_text: str) -> _Mention | None:
    second = int(second_text) if len(second_text) == 4 else (first // 100) * 100 + int(second_text)
    if not first < second <= 2199 or _MONTH_GLUED_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        return None
    plausible, weak = _year_is_plausible(text, m.start(), m.end(), first, has_modifier=False)
    if not plausible or (weak and not (first >= 1900 and second - first <= 30)):
        return None
    end = _Mention(m.end() - len(second_text), m.end(), "year", year=second)
    return _Mention(m.start(), m.end(), "year", year=first, until=end)


_DECADE_FIGURE_CONTEXT = re.compile(
    r"(?:\b(?i:since|during|throughout|until|till|by|of|through|before|after)\s+|(?:\A|[.!?]\s+|\n\s*)In\s+)"
    r"(?i:the)\s+\Z"
)
"""Where 'the 70s' is a decade: after a word that only dates take ('since', 'during', 'of'), or as a
sentence's opening 'In the 70s'; 'highs in the 70s', 'from the 70s into the 80s' and 'in her 70s' are
temperatures and ages."""


def _parse_decade(m: re.Match[str], text: str) -> _Mention | None:
    if m["dec_y"]:
        decade = int(m["dec_y"]) // 10
    elif m["dec_yy"] or m["dec_yy2"]:
        decade = 190 + int(m["dec_yy"] or m["dec_yy2"]) // 10
    elif m["dec_c"]:  # "the nineteen seventies", "the twenty-tens"
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m["dec_c"].lower()]
        decade = 10 * century + {**DECADE_WORDS, "tens": 10}[m["dec_w2"].lower()] // 10
    elif m["dec_n"]:  # "the noughties"
        decade = 200
    elif m["dec_th"]:  # "the two thousands", "the two thousand and tens"
        decade = 200 if m["dec_th"] == "s" else 201
    elif m["dec_f"]:  # "the 70s": temperatures, scores and ages too, so only where a decade is meant
        if not _DECADE_FIGURE_CONTEXT.search(text, max(0, m.start("dec_f") - 24), m.start("dec_f")):
            return None
        decade = 190 + int(m["dec_f"]) // 10
    else:  # "the nineties": the same temperatures and ages as "the 90s"
        if not _DECADE_FIGURE_CONTEXT.search(text, max(0, m.start("dec_w") - 24), m.start("dec_w")):
            return None
        decade = 190 + DECADE_WORDS[m["dec_w"].lower()] // 10
    return _Mention(m.start(), m.end(), "decade", decade=decade, modifier=_modifier_of(m, "dec"))


def _parse_century(m: re.Match[str], text: str) -> _Mention | None:
    number = int(m["cen_n"]) if m["cen_n"] else ORDINAL_WORDS.get(m["cen_o"].lower(), 0)
    if not 1 <= number <= 22:
        return None
    return _Mention(m.start(), m.end(), "century", century=number - 1, modifier=_modifier_of(m, "cen"))


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)|\n\s*\n")
_SENTENCE_REACH = 300
"""Characters looked at on each side for the sentence around a mention, at most."""


def _in_sentence_with(words: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether ``words`` occur in the sentence around ``text[start:end]`` (as far as a full stop, a
    question or exclamation mark or a blank line, and at most ``_SENTENCE_REACH`` characters away).
    """
    left = max(0, start - _SENTENCE_REACH)
    for stop in _SENTENCE_END.finditer(text, left, start):
        left = stop.end()
    after = _SENTENCE_END.search(text, end, end + _SENTENCE_REACH)
    right = after.start() if after else min(len(text), end + _SENTENCE_REACH)
    return words.search(text, left, right) is not None


_FISCAL_BEFORE = re.compile(r"\b(?:fiscal|financial)\s+(?:the\s+)?(?:year\s+)?\Z", re.IGNORECASE)
"""A company's fiscal quarter ("Apple's fiscal Q1 ended Dec. 30") is not the calendar's."""


def _parse_quarter(m: re.Match[str], text: str, game_words: re.Pattern[str]) -> _Mention | None:
    """A quarter ("Q3 2016", "the third quarter") or a half year ("H1 2016", "the first half of 2016");
    not a fiscal one, which a company's calendar places, nor a game's ("outscored Boston in the fourth
    quarter").
    """
    if _FISCAL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return _named(m)
    written_years = ("q_y", "q_y2", "q_y3", "h_y", "h_y2", "h_y3")
    if not any(m[year] for year in written_years) and _in_sentence_with(game_words, text, m.start(), m.end()):
        return _named(m)
    if m["h_o"] or m["h_n"] or m["h_n3"]:
        half = 1 if (m["h_o"] or "").lower() in ("first", "1st") or (m["h_n"] or m["h_n3"]) == "1" else 2
        half_year = m["h_y"] or m["h_y2"] or m["h_y3"]
        return _Mention(m.start(), m.end(), "quarter", year=int(half_year) if half_year else None,
                        quarter=2 * half - 1, count=2)  # fmt: skip
    if m["q_o"]:
        quarter = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(m["q_o"].lower(), 4)
        year_text = m["q_y"]
    elif m["q_n"]:
        quarter, year_text = int(m["q_n"]), m["q_y2"]
        if not year_text and (
            _CODE_LISTED_AFTER.match(text, m.end())
            or _CODE_LISTED_BEFORE.search(text, max(0, m.start() - 12), m.start())
        ):
            return None  # "the Q3 and Q5 models": in a list with a Q that is no quarter, a name
    else:
        quarter, year_text = int(m["q_n3"]), m["q_y3"]
    year = int(year_text) if year_text else None
    return _Mention(m.start(), m.end(), "quarter", year=year, quarter=quarter)


_NOT_A_QUARTER_CODE = r"q(?:[05-9]|\d{2,})\b"
_CODE_LISTED_AFTER = re.compile(rf"\s*(?:,|/|&|and|or)\s*{_NOT_A_QUARTER_CODE}", re.IGNORECASE)
_CODE_LISTED_BEFORE = re.compile(rf"\b{_NOT_A_QUARTER_CODE}\s*(?:,|/|&|and|or)\s*\Z", re.IGNORECASE)


_CALENDAR_YEAR_BEFORE = re.compile(
    r"\b(?P<word>in|for|during|since|until|till|by|through|from|before|after|between|and|to|the)\s+\Z",
    re.IGNORECASE,
)
_CALENDAR_YEAR_GOES_ON = re.compile(
    r"\s*(?:[.,;:!?)]|\Z)|\s+(?:in|on|at|of|for|to|from|with|and|or|but|than|versus|vs|when|while|as|"
    r"is|was|were|are|will|has|had)\b",
    re.IGNORECASE,
)


def _parse_calendar_year(m: re.Match[str], text: str) -> _Mention | None:
    """'CY2008', 'CY 2008', 'CY08': a calendar year, as finance writes it beside fiscal years.  "CY" is
    also a ticker, a plate or a code ("shares of CY 2017 notes", "the ferry CY 2010", "part CY18"), so it
    needs a word that takes a time right before it ("sales in CY2008 rose", "revenue for CY 2015"); after
    "the" ("the cy 2008") the year must end its phrase, as "the CY 2017 notes" has a noun after it.
    """
    before = _CALENDAR_YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start())
    if before is None or (
        before["word"].lower() == "the" and not _CALENDAR_YEAR_GOES_ON.match(text, m.end())
    ):
        return None
    if m["cy_y"]:
        return _Mention(m.start(), m.end(), "year", year=int(m["cy_y"]))
    return _Mention(m.start(), m.end(), "year", year=int(_short_year(m["cy_yy"])), short_year=True)


def _parse_season(m: re.Match[str], text: str) -> _Mention | None:
    season = SEASONS[m["s_n"].lower()]
    relation = (m["s_rel"] or "").lower()
    if m["s_y"]:
        return _Mention(m.start(), m.end(), "season", year=int(m["s_y"]), season=season,
                        modifier=_modifier_of(m, "s"))  # fmt: skip
    if not relation:
        return None
    offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(relation, 0)
    return _Mention(m.start(), m.end(), "season", relation="season", season=season, offset=offset,
                    modifier=_modifier_of(m, "s"))  # fmt: skip


_UNIT_OFFSETS = {
    "this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "following": 1, "coming": 1,
    "upcoming": 1,
}  # fmt: skip


_SPAN_BEFORE = re.compile(r"\b(?:over|during|throughout)\s+\Z", re.IGNORECASE)


def _parse_unit(m: re.Match[str], text: str) -> _Mention | None:
    if m["u_rest"]:  # "the rest of the week": from publication to the end of this one
        unit3: Granularity = m["u_unit3"].lower()  # type: ignore[assignment]
        return _Mention(m.start(), m.end(), unit3, relation="unit", offset=0, modifier="rest")
    if m["u_ytd"]:  # "year to date": from the start of this year to before today
        unit_ytd: Granularity = m["u_ytd"].lower()  # type: ignore[assignment]
        return _Mention(m.start(), m.end(), unit_ytd, relation="unit", offset=0, modifier="so_far")
    if m["u_part"] or m["u_side"]:  # "the end of the month", "later in the year": this one
        part = (m["u_part"] or m["u_side"]).lower()
        part_modifier = {"start": "early", "beginning": "early", "middle": "mid", "end": "late",
                         "close": "late", "earlier": "so_far", "later": "rest"}[part]  # fmt: skip
        unit4: Granularity = (m["u_unit4"] or m["u_unit5"]).lower()  # type: ignore[assignment]
        offset = 9 if m["u_part"] else 0  # "the end of the year": this one, unless the tense says otherwise
        return _Mention(m.start(), m.end(), unit4, relation="unit", offset=offset, modifier=part_modifier)
    if m["u_we"]:  # "over the weekend": this week's, or the one before or after as the tense says
        if not _SPAN_BEFORE.search(text, max(0, m.start() - 11), m.start()) and not _NOUN_PHRASE_ENDS.match(
            text, m.end()
        ):
            return None  # "the weekend edition", "on weekend nights": an adjective, not a date
        mention = _Mention(m.start(), m.end(), "week", relation="unit", offset=9)
        mention.season = "WE"
        return mention
    if m["u_unit2"]:  # "the week after next"
        unit2 = m["u_unit2"].lower()
        granularity2: Granularity = "week" if unit2 == "weekend" else unit2  # type: ignore[assignment]
        mention = _Mention(m.start(), m.end(), granularity2, relation="unit", offset=2)
        mention.season = "WE" if unit2 == "weekend" else None
        return mention
    unit = re.sub(r"(?:work|working)\s*week", "workweek", m["u_unit"].lower())
    granularity: Granularity = (
        "week" if unit in ("weekend", "workweek", "fortnight") else unit  # type: ignore[assignment]
    )
    modifier = _modifier_of(m, "u")
    if modifier in ("earlier", "later"):
        modifier = "so_far" if modifier == "earlier" else "rest"
    offset = _UNIT_OFFSETS[m["u_rel"].lower()]
    if m["u_after"]:
        offset = 2
    mention = _Mention(m.start(), m.end(), granularity, relation="unit", offset=offset, modifier=modifier)
    if unit in ("weekend", "workweek"):
        mention.season = "WE" if unit == "weekend" else "WW"
    if unit == "fortnight":
        mention.count = 2
    return mention


def _parse_relative_month(m: re.Match[str], text: str) -> _Mention | None:
    month = _month_number(_written(m, text, "rm_m"), has_day_or_year=False)
    if month is None:
        return None
    offset = _UNIT_OFFSETS[m["rm_rel"].lower()]
    if m["rm_d"]:  # "this May 12": the day of the month the word picks
        day = _day_number(m["rm_d"])
        if day is None or not _valid_day(None, month, day) or m["rm_mod"]:
            return None
        return _Mention(m.start(), m.end(), "day", relation="month", month=month, day=day, offset=offset)
    return _Mention(m.start(), m.end(), "month", relation="month", month=month,
                    offset=offset, modifier=_modifier_of(m, "rm"))  # fmt: skip


def _parse_ago(m: re.Match[str], text: str) -> _Mention | None:
    count_text = m["ago_n"].lower()
    count = int(count_text) if count_text.isdigit() else _number_word(re.sub(r"\s+", " ", count_text))
    unit = m["ago_u"].lower()
    if count is None:
        return None
    if count_text in ("few", "several", "a few", "couple", "a couple of"):
        return _Mention(m.start(), m.end(), "year", relation="past")
    granularity: Granularity = "century" if unit.startswith("centur") else unit  # type: ignore[assignment]
    parts = _more_parts(m["ago_more"])
    if m["ago_more"] and (not parts or granularity not in _COMPOUND_UNITS):
        return None
    if parts:  # "1 month and 21 days ago": counted back part by part, down to the smallest unit
        return _Mention(m.start(), m.end(), _finest(granularity, parts), relation="ago", offset=-count,
                        parts=((count, granularity), *parts))  # fmt: skip
    return _Mention(m.start(), m.end(), granularity, relation="ago", offset=-count)


_COMPOUND_UNITS = ("day", "week", "month", "year")
_MORE_AFTER = re.compile(r"(?:\s*,\s*|\s+(?:and\s+)?)\w+\s+(?:day|week|month|year)s?\s+ago\b", re.IGNORECASE)


def _parse_deictic(m: re.Match[str], text: str) -> _Mention | None:
    if m["dd_part"]:
        return _Mention(m.start(), m.end(), "day", relation="day_offset", offset=0)
    word = m["dd_w"].lower()
    if word == "today" and m["dd_pos"]:
        return _Mention(m.start(), m.end(), "day", relation="present")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "tmrw": 1}[word]
    if m["dd_dir"]:
        offset += -1 if m["dd_dir"].lower() == "before" else 1
    return _Mention(m.start(), m.end(), "day", relation="day_offset", offset=offset)


_WEEKDAY_LINK = r"\.?\s*(?:to|through|thru|till|until)\s+"
_FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
_WEEKDAY_RANGE_AFTER = re.compile(rf"{_WEEKDAY_LINK}(?:{_WEEKDAY_FULL}|{_WEEKDAY_ABBR})\b", re.IGNORECASE)
_WEEKDAY_RANGE_BEFORE = re.compile(
    rf"\bfrom\s+(?:{_WEEKDAY_FULL}|{_WEEKDAY_ABBR}){_WEEKDAY_LINK}\Z", re.IGNORECASE
)
"""'from Tue to Thur': abbreviated weekdays as the ends of one range ("open Mon-Fri" is a schedule)."""
_WEEK_BEFORE = re.compile(
    r"\b(?:next|last|this|coming|previous|following)\s+week[\s,]+(?:on\s+)?\Z", re.IGNORECASE
)
"""'next week Mon': an abbreviated weekday right after the week it is a day of."""


_WEEKDAY_DAY_END = re.compile(
    r"\s*(?:[.,;:?!)\]'\"”’]|\Z|(?:and|or|to|through|till|until|of\s+the\s+month)\b)"
)
"""What may follow the day of "Friday, the 15th": a pause or a word that joins it to more dates."""


def _parse_weekday(m: re.Match[str], text: str, day_names: _DayNames) -> _Mention | None:
    if m["wd_bare"] is not None and not (
        text[m.start("wd_a")].isupper()
        and (
            (
                _WEEKDAY_RANGE_AFTER.match(text, m.end("wd_a"))
                and _FROM_BEFORE.search(text, max(0, m.start() - 6), m.start())
            )
            or _WEEKDAY_RANGE_BEFORE.search(text, max(0, m.start() - 24), m.start())
            or _WEEK_BEFORE.search(text, max(0, m.start() - 24), m.start())
        )
    ):
        return None  # "Tue", "Sat" alone only with a date after, or as an end of "from Tue to Thur"
    group = "wd_n" if m["wd_n"] else "wd_a"
    if not m["wd_rel"] and (
        day_names.weekday_before.search(text, max(0, m.start(group) - 12), m.start(group))
        or day_names.weekday_after.match(text, m.end(group))
    ):
        return _named(m)  # "Black Monday", "Super Tuesday", "the Sunday Times": not the nearest such day
    name = m[group].lower()
    relation = (m["wd_rel"] or "").lower()
    offset = {"last": -1, "past": -2, "previous": -1, "next": 1, "following": 1, "coming": 2, "this": 0}.get(
        relation, 9
    )
    mention = _Mention(m.start(), m.end(), "day", relation="weekday", weekday=WEEKDAYS[name], offset=offset,
                       stated_weekday=WEEKDAY_NAMES[WEEKDAYS[name]])  # fmt: skip
    day_of_month = _day_number(m["wd_dom"] or m["wd_domw"] or m["wd_dom2"] or m["wd_dom3"])
    if (m["wd_dom"] or m["wd_dom2"]) and not _WEEKDAY_DAY_END.match(text, m.end()):
        # "on Tuesday, the first high-level talks": the ordinal counts what follows it
        mention.end, day_of_month = m.end(group), None
    if day_of_month is not None:  # "Friday the 15th": the nearest month whose 15th is a Friday
        if not 1 <= day_of_month <= 31:
            return None
        mention.relation, mention.day = "dom", day_of_month
    return mention


def _parse_weekday_count(m: re.Match[str], text: str) -> _Mention | None:
    """'two Sundays from now': the second Sunday after today (as 'coming' Sunday is the first)."""
    count = _count(m["wcn_n"])
    if count is None or not 1 <= count <= 52:
        return None
    weekday = WEEKDAYS[m["wcn_d"].lower()]
    return _Mention(m.start(), m.end(), "day", relation="weekday", weekday=weekday, offset=2, count=count,
                    stated_weekday=WEEKDAY_NAMES[weekday])  # fmt: skip


def _parse_to_date(m: re.Match[str], text: str) -> _Mention | None:
    """'from March to date', 'till current date': today, but only as the end of a range ("the best
    so far to date" alone is no date claim).
    """
    return _Mention(m.start(), m.end(), "day", relation="present", weak=True)


def _parse_reference(m: re.Match[str], text: str) -> _Mention | None:
    if m["ref_now"]:
        return _Mention(m.start(), m.end(), "day", relation="present")
    if m["ref_past"]:
        return _Mention(m.start(), m.end(), "day", relation="past")
    return _Mention(m.start(), m.end(), "year", relation="future")


_MONTH_CONTEXT_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|from|during|through|throughout|before|after|between|of|on|to|and|or|"
    r"early|mid|late|last|next|this|each|every|as\s+of|in\s+the)[\s-]*$",
    re.IGNORECASE,
)
_VERB_MONTH_CONTEXT = re.compile(r"\b(?:in|since|until|till)\s+\Z")
_VERB_MONTH_END = re.compile(
    rf"\s*(?:[.,;:!?)]|\Z|(?:and|or|but|this|next|last|of|when|to|through|until|till)\b|{_YEAR})"
)
"""Lowercase 'may' and 'march' are months only after 'in', 'since' or 'until' and before a pause, a link word
or a year ("it may be in may.", "since march and"); "in may be" and "in march we march" stay verbs."""


_RELATIVE_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?:next|last|this)\s+year\b", re.IGNORECASE)
_RANGE_TO_MONTH_AFTER = re.compile(rf"\s*[-–—]\s*{_MONTH_WORD}\s*\d", re.IGNORECASE)
"""'Nov-Feb 5th, 2017': a month that a dash joins to a date is the first end of a range."""


_MONTH_ALONE_BEFORE = re.compile(
    r"(?:(?:\A|[.!?:;]['\"”’)]?\s+|\n\s*|[\"“(]\s*)|\b(?:the|a|an|its|their|his|her|our|your|my|this|that|"
    r"these|those)\s+|\w['’]s?\s+)\Z",
    re.IGNORECASE,
)
_MONTH_ALONE_AFTER = re.compile(r"\s+[a-z]")
"""Where a month's name alone is a noun of its own: opening a sentence before its verb ("February was
the worst month") or after a determiner or a possessive, before the noun it dates ("the November
election", "Apple's September event").  Not after a verb, where it is a title ("sang September", "is
called October") or the name of a thing ("renamed November"), nor before a capitalized word ("the
October Revolution", "January Jones")."""


def _month_alone(m: re.Match[str], text: str, months_alone: frozenset[str]) -> bool:
    """'February was the worst month', 'the November election': a month that is nothing else when
    capitalized (the rule book's ``months_alone``) needs no preposition where it is a noun of its own.
    """
    written = text[m.start("bm_m") : m.end("bm_m")]
    return (
        written.lower() in months_alone
        and written == written.capitalize()
        and bool(_MONTH_ALONE_BEFORE.search(text, max(0, m.start() - 8), m.start()))
        and bool(_MONTH_ALONE_AFTER.match(text, m.end("bm_m")))
        and not _TITLE_BEFORE.search(text, max(0, m.start() - 8), m.start())  # "Dr. January spoke"
    )


def _parse_month(m: re.Match[str], text: str, months_alone: frozenset[str] = frozenset()) -> _Mention | None:
    """Take a month named alone ("in February", "November's") only after a word that makes it one, or
    one of the rule book's ``months_alone`` where it is a noun of its own ("The February meeting").
    """
    written = _written(m, text, "bm_m")
    month = _month_number(written, has_day_or_year=False)
    if written in ("may", "march") and not m["bm_mod"] and not m["bm_pos"]:
        if not (
            _VERB_MONTH_CONTEXT.search(text, max(0, m.start() - 7), m.start())
            and _VERB_MONTH_END.match(text, m.end())
        ):
            return None
        return _Mention(m.start(), m.end(), "month", relation="calendar", month=MONTHS[written])
    if month is None or (written[0].islower() and written.lower() in ("may", "march", "mar")):
        return None
    modifier = _modifier_of(m, "bm")
    has_context = (
        modifier
        or m["bm_pos"]
        or _MONTH_CONTEXT_BEFORE.search(text, max(0, m.start() - 12), m.start())
        or _RELATIVE_YEAR_AFTER.match(text, m.end())
        or _RANGE_TO_MONTH_AFTER.match(text, m.end())
        or _month_alone(m, text, months_alone)
    )
    if not has_context or (len(written.rstrip(".")) <= 3 and not written[0].isupper()):
        return None
    end = m.end() - len(m["bm_pos"] or "")
    return _Mention(m.start(), end, "month", relation="calendar", month=month, modifier=modifier)


def _parse_spoken_year(m: re.Match[str], text: str) -> _Mention | None:
    """'in nineteen ninety six', 'until two thousand and fourteen': a year in words after a preposition."""
    year = spoken_year(m["sy"])
    return None if year is None else _Mention(m.start(), m.end(), "year", year=year)


_YEAR_DETERMINERS = (
    "this|last|next|that|a|one|each|every|per|same|previous|fiscal|financial|calendar|school|model"
)
"""Words before 'year' that make it one year among others or a recurring one ("each year", "the fiscal
year"), not the calendar year of the figure after it: see ``_COUNTED_YEAR_BEFORE`` and
``_A_YEAR_BEFORE``."""
_COUNTED_YEAR_BEFORE = re.compile(
    rf"\b(?:{_YEAR_DETERMINERS}|following|academic|tax)\s+(?:the\s+)?\Z", re.IGNORECASE
)
"""'each year 250', 'the following year 300': a count per year, not the year 250."""


_FISCAL_AFTER = re.compile(r"\s+(?:fiscal|financial)\s+year\b", re.IGNORECASE)
_ERA_BC_AFTER = re.compile(r"\s*b\.?c\.?(?:e\.?)?\b", re.IGNORECASE)


def _parse_year(m: re.Match[str], text: str) -> _Mention | None:
    if m["y_old"]:  # "in the year 800.", "year 247": before 1000 only after the word and before a pause
        counted = _COUNTED_YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if counted or _ERA_BC_AFTER.match(text, m.end()):
            return None  # "each year 250 ..." counts; years BC are out of the calendar's range
        return _Mention(m.start(), m.end(), "year", year=int(m["y_old"]))
    if _FISCAL_BEFORE.search(text, max(0, m.start("y_y") - 20), m.start("y_y")) or _FISCAL_AFTER.match(
        text, m.end()
    ):
        return None  # "fiscal year 2024", "the 2024 fiscal year": a fiscal calendar's year
    year = int(m["y_y"])
    modifier = _modifier_of(m, "y")
    plausible, weak = _year_is_plausible(
        text, m.start("y_y"), m.end(), year, has_modifier=modifier is not None
    )
    if not plausible or (weak and not 1000 <= year <= 2199):
        return None
    return _Mention(m.start(), m.end(), "year", year=year, modifier=modifier, weak=weak)


_PARSERS: dict[str, Parser] = {
    "iso": _parse_iso,
    "compact": _parse_compact,
    "year_month_day": _parse_year_month_day,
    "mixed_order": _parse_mixed_order,
    "numeric_month_year": _parse_numeric_month_year,
    "month_range": _parse_month_range,
    "week_of": _parse_week_of,
    "part_of": _parse_part_of,
    "week_containing": _parse_week_containing,
    "nth_weekday": _parse_nth_weekday,
    "day_span": _parse_day_span,
    "shift": _parse_shift,
    "within": _parse_within,
    "window": _parse_window,
    "day_of_month": _parse_day_of_month,
    "day_month_range": _parse_day_month_range,
    "month_day_range": _parse_month_day_range,
    "month_year": _parse_month_year,
    "year_range": _parse_year_range,
    "decade": _parse_decade,
    "century": _parse_century,
    "calendar_year": _parse_calendar_year,
    "season": _parse_season,
    "unit": _parse_unit,
    "relative_month": _parse_relative_month,
    "ago": _parse_ago,
    "deictic": _parse_deictic,
    "weekday_count": _parse_weekday_count,
    "to_date": _parse_to_date,
    "reference": _parse_reference,
    "month": _parse_month,
    "spoken_year": _parse_spoken_year,
    "year": _parse_year,
}
"""The parser of each alternative but those that depend on the document's date order (all-figures dates)
or on the rule book's holidays.yml (holidays, weekdays, days and months): ``_compiled_grammar`` adds
them."""


_TRIGGER_WORDS = (
    *MONTHS,
    *WEEKDAYS,
    *(f"{name}s" for name in WEEKDAYS if name.endswith("day")),
    *SEASONS,
    *DECADE_WORDS,
    "today",
    "tomorrow",
    "tmrw",
    "tonight",
    "yesterday",
    "now",
    "currently",
    "date",
    "nowadays",
    "presently",
    "present",
    "moment",
    "past",
    "recently",
    "time",
    "future",
    "century",
    "centuries",
    "quarter",
    "ago",
    "week",
    "weekend",
    "workweek",
    "month",
    "year",
    "years",
    "months",
    "decades",
    "morning",
    "afternoon",
    "evening",
    "q1",
    "cy",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "half",
    "noughties",
    "tens",
    "days",
    "weeks",
    "fortnight",
    "fortnights",
    "quarters",
    "decade",
    "w",
    "thousand",
    "thousands",
    "seventeen",
    "eighteen",
    "nineteen",
)
"""Words (and digits) that every date expression contains; the grammar is tried only around them.
Holiday names add their own (``_holiday_trigger_words``)."""
_LOOKBACK_WORDS = 6
"""Words before a trigger that may belong to its expression ("the end of this year")."""
_LOOKBACK_CHARS = 48
_PREVIOUS_WORD = re.compile(r"([a-z]+|[©(]|\d{1,2}(?:st|nd|rd|th)?)[\s-]+")
_LEAD_IN_WORDS = frozenset(
    {"the", "early", "mid", "late", "end", "start", "beginning", "middle", "close", "earlier", "later", "of",
     "last", "this", "next", "previous", "following", "current", "coming", "past", "upcoming", "near",
     "distant", "day", "before", "after", "at", "fiscal", "calendar", "©", "(", "in", "within", "new", "good",
     "black", "cyber", "ash", "palm", "rest", "remainder", "remaining", "my", "our", "business", "working",
     "work", "to", "till", "until", "through", "thru", "and", *NUMBER_WORDS,
     *ORDINAL_WORDS}
)  # fmt: skip
"""Words that can lead into a trigger word inside one expression ("late last July", "the 3rd of")."""
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _lowercase(text: str) -> str:
    """Lowercase without moving any offset (``str.lower`` may lengthen some non-ASCII letters)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


def _holiday_trigger_words(names: Iterable[str]) -> set[str]:
    """The word each holiday name is looked for at: its first word, or its first that is not a lead-in
    word ("good friday" at "friday"); a name that begins with a figure has the figure.
    """
    words: set[str] = set()
    for name in names:
        parts = re.findall(r"[^\W\d_]+", name)
        if parts and not name[0].isdigit():
            words.add(next((word for word in parts if word not in _LEAD_IN_WORDS), parts[-1]))
    return words


@dataclass(frozen=True, slots=True)
class _Grammar:
    """The grammar compiled with one table of holidays, its trigger words and its parsers."""

    pattern: re.Pattern[str]
    """Matched against a lowercased copy of the text, which is several times faster than IGNORECASE."""
    trigger: re.Pattern[str]
    parsers: dict[DateOrder, dict[str, Parser]]


@lru_cache(maxsize=8)
def _compiled_patterns(holiday_names: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The grammar and its trigger words for these holiday names: compiled once per process and names,
    on first use (compiling takes a noticeable part of a second that importing should not cost).
    """
    grammar = re.compile(_grammar_pattern(holiday_pattern(holiday_names)))
    words = trie_alternation({*_TRIGGER_WORDS, *_holiday_trigger_words(holiday_names)})
    return grammar, re.compile(rf"\b(?:(?:{words})(?:\b|(?=\d))|\d)")


@lru_cache(maxsize=8)
def _compiled_grammar(holidays: HolidayTable) -> _Grammar:
    """The grammar for one table of holidays; equal tables (every load of the same rules/) share it."""
    pattern, trigger = _compiled_patterns(holidays.spellings)
    name_guard = _NameGuard.of(holidays)
    day_names = _DayNames.of(holidays)
    game_words = re.compile(rf"\b(?:{_any_word(holidays.game_words)})\b", re.IGNORECASE)
    parsers: dict[DateOrder, dict[str, Parser]] = {
        order: {
            **_PARSERS,
            "numeric": partial(_parse_numeric, order=order),
            "holiday": partial(_parse_holiday, holidays=holidays, name_guard=name_guard, day_names=day_names),
            "weekday": partial(_parse_weekday, day_names=day_names),
            "day_month": partial(_parse_day_month, day_names=day_names),
            "month_day": partial(_parse_month_day, day_names=day_names),
            "numeric_month_day": partial(_parse_numeric_month_day, order=order, not_dates=holidays.not_dates),
            "quarter": partial(_parse_quarter, game_words=game_words),
            "week_number": partial(_parse_week_number, game_words=game_words),
            "month": partial(_parse_month, months_alone=holidays.months_alone),
        }
        for order in DATE_ORDERS
    }
    return _Grammar(pattern, trigger, parsers)


@lru_cache(maxsize=1)
def default_holidays() -> HolidayTable:
    """The holidays of the bundled rules/holidays.yml, for callers without a rule book."""
    from checker.rules import DEFAULT_RULES_DIR, load_holidays

    return HolidayTable.from_spec(load_holidays(DEFAULT_RULES_DIR / "holidays.yml"))


def rule_book_holidays(rules: RuleBook) -> HolidayTable:
    """The holidays of a rule book (built once per rule book through ``RuleBook.compiled``)."""
    return HolidayTable.from_spec(rules.holidays)


def _scan(
    text: str, lowered: str, order: DateOrder = DEFAULT_DATE_ORDER, holidays: HolidayTable | None = None
) -> list[_Mention]:
    """Run the grammar where a trigger word is, from the earliest lead-in word before it."""
    grammar = _compiled_grammar(holidays if holidays is not None else default_holidays())
    parsers = grammar.parsers[order]
    mentions: list[_Mention] = []
    covered = 0
    match_at = grammar.pattern.match
    for trigger in grammar.trigger.finditer(lowered):
        anchor = trigger.start()
        if anchor < covered:
            continue
        for start in _lead_in_starts(lowered, anchor, covered):
            match = match_at(lowered, start)
            if match is None or match.end() <= anchor or match.lastgroup is None:
                continue
            found = parsers[match.lastgroup](match, text)
            if isinstance(found, _Mention) and found.named:
                covered = found.end
                break
            if found is not None and _part_of_longer_figures(text, found):
                covered = match.end()
                break
            if found is not None:
                mentions.extend(found if isinstance(found, tuple) else (found,))
                covered = mentions[-1].end  # a parser may leave the end of its match to what follows
                break
    return mentions


def _part_of_longer_figures(text: str, found: _Mention | tuple[_Mention, ...]) -> bool:
    """'138-2010-2015' (a telephone number), '123-12-1234', '0.8/15': figures joined to more
    figures by the date's own separator (or a decimal point) are one code or number, not a date
    inside it.  Another separator, or a neighbour of the same shape, joins two dates: '2/29-3/1',
    '10/1-11/2/2017', '10-1-2018-10-7-2018'.
    """
    first, last = (found[0], found[-1]) if isinstance(found, tuple) else (found, found)
    start, end = first.start, last.end
    written = text[start:end]
    if not (written[0].isdigit() and written[-1].isdigit()):
        return False
    shape = _shape(written)
    before = _JOINED_BEFORE.search(text, max(0, start - 12), start)
    if before and (before[2] == "." or before[2] in written) and _shape(before[1]) != shape:
        return True
    after = _JOINED_AFTER.match(text, end)
    return bool(after and after[1] in written and _shape(after[2]) != shape)


def _shape(figures: str) -> str:
    """'10-1-2018' -> '9-9-9': how figures are grouped, whatever they are."""
    return _FIGURE_RUN.sub("9", figures)


_FIGURE_RUN = re.compile(r"\d+")
_JOINED_BEFORE = re.compile(r"(\d+(?:[-./]\d+)*)([-./])\Z")
_JOINED_AFTER = re.compile(r"([-./])(\d+(?:[-./]\d+)*)")


def _lead_in_starts(lowered: str, anchor: int, floor: int) -> list[int]:
    """Where an expression ending in the trigger at ``anchor`` may begin, earliest first."""
    words = list(_PREVIOUS_WORD.finditer(lowered, max(floor, anchor - _LOOKBACK_CHARS), anchor))
    starts = [anchor]
    for word in reversed(words[-_LOOKBACK_WORDS:]):
        if word.group(1) not in _LEAD_IN_WORDS and not word.group(1)[0].isdigit():
            break
        starts.append(word.start())
    starts.reverse()
    return starts


def find_mentions(
    text: str,
    lowered: str | None = None,
    order: DateOrder = DEFAULT_DATE_ORDER,
    holidays: HolidayTable | None = None,
) -> list[_Mention]:
    """Every date expression in ``text``, with weekdays, ranges and open sides joined; all-figures
    dates ("03/04/2024") read in ``order``; holidays from ``holidays`` (default: the bundled rules/).
    """
    mentions = _scan(text, lowered if lowered is not None else _lowercase(text), order, holidays)
    mentions = _join_weekday_and_date(text, mentions)
    mentions = _join_prefixes(text, mentions)
    mentions = _join_weekday_and_counted_day(text, mentions)
    mentions = _join_ranges(text, mentions)
    mentions = _join_week_and_weekday_range(text, mentions)
    mentions = _coordinated_years(text, mentions)
    mentions = _compared_years(text, mentions)
    mentions = [_till_date(text, m) for m in mentions]
    return [
        _with_open_side(text, m)
        for m in mentions
        if not _is_bare_prefix(m)
        and (not m.weak or _OPEN_SIDE_AFTER.match(text, m.end))
        and not _recurs(text, m)
    ]


_RECURRING_BEFORE = re.compile(
    r"\b(?:every|each)(?:\s+(?:other|second|third|fourth|alternate|single))?\s+\Z", re.IGNORECASE
)


def _recurs(text: str, m: _Mention) -> bool:
    """'every Tuesday', 'every other Friday', 'each 4/15', 'every January': a set of days, not one; a
    year stated makes it one ("each 4/15/2016 filing").
    """
    return m.year is None and bool(_RECURRING_BEFORE.search(text, max(0, m.start - 24), m.start))


_PREFIXES = ("shift", "week_of", "week_containing", "nth_weekday", "day_span", "span", "part_of")


def _is_bare_prefix(m: _Mention) -> bool:
    return m.relation in _PREFIXES and m.anchor is None


# --- joining mentions the words connect -----------------------------------------------------------

_WEEKDAY_GAP = re.compile(r"\s*[,-]?\s*(\()?\s*(?:the\s+)?\Z", re.IGNORECASE)
_CLOSING_PAREN = re.compile(r"\s*\)")


def _join_weekday_and_date(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """'Friday (7 June 2019)', 'Monday, June 10': one mention that keeps the stated weekday."""
    return join_neighbours(mentions, lambda weekday, date: _weekday_with_date(text, weekday, date))


def _weekday_with_date(text: str, mention: _Mention, following: _Mention) -> _Mention | None:
    if not (
        mention.relation == "weekday"
        and mention.day is None
        and following.relation == "calendar"
        and following.day is not None
        and following.until is None
    ):
        return None
    gap = _WEEKDAY_GAP.match(text[mention.end : following.start])
    if not gap:
        return None
    end = following.end
    if gap.group(1):
        closing = _CLOSING_PAREN.match(text, end)
        end = closing.end() if closing else end
    if gap.group(1) is None or end > following.end:
        return replace(following, start=mention.start, end=end, stated_weekday=mention.stated_weekday)
    return None


_PREFIX_GAP = re.compile(r"\s*(?:the\s+)?\Z", re.IGNORECASE)
_WEEK_AND_WEEKDAY_GAP = re.compile(r"\s*(?:,|-|of|on|of\s+the)?\s*\Z", re.IGNORECASE)
_ANCHORS: dict[str, tuple[str, ...]] = {
    "shift": ("calendar", "day_offset", "present", "weekday", "holiday", "dom"),
    "week_of": ("calendar", "unit", "month"),
    "week_containing": ("calendar", "holiday", "day_offset", "dom"),
    "nth_weekday": ("calendar", "unit", "month"),
    "day_span": ("calendar", "unit", "month"),
    "span": ("calendar", "day_offset", "present", "weekday", "holiday", "dom"),
    "part_of": ("calendar", "unit", "month"),
}


def _join_prefixes(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """'3 days after January 12', 'the last week of July', 'the week of the 18th', 'Tuesday next week'."""

    def merge(mention: _Mention, following: _Mention) -> _Mention | None:
        if following.until is not None:
            return None
        return (
            _prefix_of(text, mention, following)
            or _weekday_in_week(text, mention, following)
            or _in_relative_year(text, mention, following)
            or _year_before_quarter(text, mention, following)
        )

    return join_neighbours(mentions, merge)


def _prefix_of(text: str, prefix: _Mention, anchor: _Mention) -> _Mention | None:
    if prefix.relation not in _PREFIXES or prefix.anchor is not None:
        return None
    if anchor.relation not in _ANCHORS[prefix.relation] or not _PREFIX_GAP.match(
        text[prefix.end : anchor.start]
    ):
        return None
    if prefix.relation == "week_of" and anchor.granularity not in ("month", "year"):
        return None
    days_of_month = prefix.granularity == "day" and anchor.granularity == "month"
    if prefix.relation == "part_of" and (
        (anchor.granularity != "year" and not days_of_month) or anchor.modifier is not None
    ):
        return None
    if prefix.relation in ("week_containing", "span") and anchor.granularity != "day":
        return None
    if prefix.relation == "nth_weekday" and (anchor.granularity != "month" or anchor.modifier is not None):
        return None
    if prefix.relation == "day_span" and not (
        (prefix.count and anchor.granularity == "month" and anchor.modifier is None)
        or (not prefix.count and anchor.relation == "calendar" and anchor.day is not None)
    ):
        return None
    if prefix.relation == "shift" and prefix.modifier == "within":
        prefix = _within_the_next(text, prefix, anchor)
    return replace(prefix, end=anchor.end, anchor=anchor)


_WITHIN_THE_NEXT = re.compile(r"within\s+the\s+(?:next|coming)\s+", re.IGNORECASE)


def _within_the_next(text: str, shift: _Mention, anchor: _Mention) -> _Mention:
    """'within the next 2 weeks after today' (or 'after June 1') is the span from that day; but 'the
    next' looks ahead from now, so a count back ("within the next 2 weeks before today") or from another
    day counted from now ("... after tomorrow") makes no span: the shift alone is the day counted.
    """
    lead = _WITHIN_THE_NEXT.match(text, shift.start)
    from_another_now = anchor.relation == "day_offset" and anchor.offset != 0
    if lead is None or (shift.count > 0 and not from_another_now):
        return shift
    return replace(shift, start=lead.end(), modifier=None)


_COMMA_GAP = re.compile(r"\s*,?\s*\Z")
"""Spaces and at most a comma: "Monday, two weeks from now", "next week, Monday to Friday"."""
_WEEKDAY_AFTER_GAP = re.compile(r"\s*,?\s*(?:on\s+)?\Z", re.IGNORECASE)


def _is_counted_day(m: _Mention) -> bool:
    """A day counted from another: '3 weeks after Christmas', 'two weeks from now', 'in 3 days'."""
    return (m.relation == "shift" and m.anchor is not None and m.modifier is None) or m.relation == "in"


def _join_weekday_and_counted_day(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """'Monday two weeks from now', 'in 3 days on Friday': that weekday of the week of the day counted."""
    joined: list[_Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous is not None and previous.until is None and mention.until is None:
            weekday, day = (previous, mention) if previous.relation == "weekday" else (mention, previous)
            gap = _COMMA_GAP if weekday is previous else _WEEKDAY_AFTER_GAP
            if (
                weekday.relation == "weekday"
                and weekday.offset == 9
                and _is_counted_day(day)
                and gap.match(text[previous.end : mention.start])
            ):
                joined[-1] = replace(weekday, start=previous.start, end=mention.end, anchor=day)
                continue
        joined.append(mention)
    return joined


def _join_week_and_weekday_range(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """'next week between Wednesday and Friday': both weekdays in that week; 'the first week of October
    on Friday': that week's Friday.
    """

    def merge(week: _Mention, mention: _Mention) -> _Mention | None:
        if (
            week.relation not in ("unit", "week_of")
            or week.granularity != "week"
            or week.season is not None
            or week.modifier is not None
            or mention.relation != "weekday"
            or mention.offset != 9
            or mention.anchor is not None
        ):
            return None
        gap, last = text[week.end : mention.start], mention.until
        if last is None and _WEEKDAY_AFTER_GAP.match(gap):
            return replace(mention, start=week.start, anchor=week)
        if last is not None and last.relation == "weekday" and last.offset == 9 and _COMMA_GAP.match(gap):
            return replace(mention, start=week.start, anchor=week, until=replace(last, anchor=week))
        return None

    return join_neighbours(mentions, merge)


_YEAR_COORDINATION = re.compile(r"\s*,?\s*(?:and|or|nor|(?:and|but|or)\s+not)\s+\Z", re.IGNORECASE)
_COORDINATED_YEAR_END = re.compile(
    r"\s*(?:[.,;:!?)\]]|\Z|(?:and|or|but|nor|respectively|the|when|while|as|after|before)\b|"
    r"(?:in|on|at|for|with|to|during|by|from|since|until|till)\b(?!\s+\S*\d))",
    re.IGNORECASE,
)
"""What may follow a year read from its coordination: a pause or a word that goes on the sentence, not a
noun it counts ("of 2007 and 2009 models") nor another date it is a figure of ("2000 in 2016")."""
_PAIRED_YEAR_CONTEXT = re.compile(r"\b(?:of|for)\s+\Z", re.IGNORECASE)


def _coordinated_years(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """'in 2007 and 2009', 'before 2000 but not 1998', '2010 - 2020 and not 2015': a bare four-figure
    number joined by 'and', 'or' or 'not' to a year is a year too.  A bare number is no year on its own
    (it may be a count), so only the coordination decides: 'sales of 2007 and 2009', two numbers a few
    years apart after 'of' or 'for', are two years, but in 'hired 300 in 2015 and 1200 in 2016' the 1200
    stays a count (it is far from the year and another date follows it).
    """
    out = list(mentions)
    for index in range(1, len(out)):
        previous, mention = out[index - 1], out[index]
        if not (_is_bare_year(mention) and mention.weak and _is_year(previous)):
            continue
        assert previous.year is not None and mention.year is not None
        gap = text[previous.end : mention.start]
        if not _YEAR_COORDINATION.match(gap) or not _COORDINATED_YEAR_END.match(text, mention.end):
            continue
        if previous.weak:  # "of 2007 and 2009": both bare, so both must look like nearby years
            close = min(previous.year, mention.year) >= 1900 and abs(mention.year - previous.year) <= 30
            if not (
                close
                and _is_bare_year(previous)
                and _PAIRED_YEAR_CONTEXT.search(text, max(0, previous.start - 8), previous.start)
            ):
                continue
            out[index - 1] = replace(previous, weak=False)
        elif abs(mention.year - previous.year) > 100:
            continue
        out[index] = replace(mention, weak=False)
    return out


def _is_bare_year(m: _Mention) -> bool:
    return m.relation == "calendar" and m.granularity == "year" and m.until is None and m.modifier is None


def _is_year(m: _Mention) -> bool:
    """A year stated as such, or a range of years ("2010 - 2020")."""
    return m.relation == "calendar" and m.granularity == "year" and m.year is not None and m.anchor is None


_STATED_YEAR_GAP = re.compile(r"\s*(?:of\s+)?\Z", re.IGNORECASE)
_RELATIVE_YEAR_GAP = re.compile(r"\s*(?:,|of|in)?\s*\Z", re.IGNORECASE)


_YEAR_BEFORE_QUARTER_GAP = re.compile(r"\s+(?:the\s+)?\Z", re.IGNORECASE)
_RANGE_END_BEFORE = re.compile(r"(?:\b(?:to|and|through|until|till)\s+|[-–—]\s*)\Z", re.IGNORECASE)


def _year_before_quarter(text: str, year: _Mention, quarter: _Mention) -> _Mention | None:
    """'the 2016 fourth quarter', 'In 2016 the third quarter': a quarter of the stated year before it
    (not of a range's last year: "from 2015 to 2016 the third quarter").
    """
    if (
        year.relation == "calendar"
        and year.granularity == "year"
        and year.year is not None
        and year.until is None
        and year.modifier is None
        and year.anchor is None
        and quarter.relation == "calendar"
        and quarter.granularity == "quarter"
        and quarter.year is None
        and quarter.until is None
        and _YEAR_BEFORE_QUARTER_GAP.match(text[year.end : quarter.start])
        and not _RANGE_END_BEFORE.search(text, max(0, year.start - 10), year.start)
    ):
        return replace(quarter, start=year.start, year=year.year)
    return None


def _in_relative_year(text: str, named: _Mention, year: _Mention) -> _Mention | None:
    """'June next year', 'Q3 this year', 'week 27 of last year': a part of a year named relatively;
    'the third quarter of two thousand and twenty': of a year stated apart.
    """
    if (
        named.relation == "calendar"
        and named.year is None
        and named.until is None
        and named.granularity in ("quarter", "season")
        and year.relation == "calendar"
        and year.granularity == "year"
        and year.year is not None
        and year.modifier is None
        and _STATED_YEAR_GAP.match(text[named.end : year.start])
    ):
        return replace(named, end=year.end, year=year.year)
    if (
        named.relation not in ("calendar", "week_number", "holiday")
        or named.year is not None
        or named.until is not None
        or named.granularity not in ("day", "week", "month", "quarter", "season")
        or year.relation != "unit"
        or year.granularity != "year"
        or year.modifier is not None
        or not _RELATIVE_YEAR_GAP.match(text[named.end : year.start])
    ):
        return None
    return replace(named, end=year.end, anchor=year)


def _weekday_in_week(text: str, first: _Mention, second: _Mention) -> _Mention | None:
    """'next week Monday', 'Tuesday of next week': that weekday of that week."""
    pair = (first, second) if first.relation == "weekday" else (second, first)
    weekday, week = pair
    if (
        weekday.relation != "weekday"
        or weekday.offset != 9
        or week.relation != "unit"
        or week.granularity != "week"
        or week.season is not None
        or not _WEEK_AND_WEEKDAY_GAP.match(text[first.end : second.start])
    ):
        return None
    return replace(weekday, start=first.start, end=second.end, anchor=week)


_RANGE_GAP = re.compile(r"\s*(?P<link>-|–|—|~|to|through|thru|until|till|and)\s*\Z", re.IGNORECASE)
_RANGE_ENDS = (
    "calendar",
    "day_offset",
    "present",
    "weekday",
    "holiday",
    "month",
    "unit",
    "dom",
    "week_number",
)
_GRANULARITY_ORDER = ("day", "week", "month", "quarter", "season", "year", "decade", "century")


def _join_ranges(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """'from May 7 to May 9', 'between 2014 and 2016', 'Nov 18 2014-Dec 19 2015': one range."""
    return join_neighbours(
        mentions,
        lambda first, second: (
            _range_of(text, first, second) if first.until is None and second.until is None else None
        ),
    )


def _range_of(text: str, first: _Mention, second: _Mention) -> _Mention | None:
    if first.relation not in _RANGE_ENDS or second.relation not in _RANGE_ENDS:
        return None
    gap = _RANGE_GAP.match(text[first.end : second.start])
    if gap is None:
        return None
    opener = _RANGE_OPENER.search(text, max(0, first.start - 10), first.start)
    link = gap["link"].lower()
    relative = first.relation != "calendar" or second.relation != "calendar"
    if relative and opener is None and link not in ("to", "until", "till", "through", "thru"):
        return None
    if link == "and" and (opener is None or opener["word"].lower() != "between"):
        return None
    if (
        (first.weak or second.weak)
        and opener is None
        and link not in ("-", "–", "—")
        and not _years_to_years(text, first, second, link)
    ):
        return None
    first = replace(first, weak=False)
    second = replace(second, weak=False)
    if first.year is None and second.year is not None and first.granularity in ("day", "month", "season"):
        first.year = second.year
        if first.month is not None and second.month is not None and first.month > second.month:
            first.year -= 1
    if (
        second.relation == "calendar"
        and second.month is None
        and first.month is not None
        and second.granularity == "day"
    ):
        return None
    first.until = second
    first.start = opener.start() if opener else first.start
    first.end = second.end
    return first


_FIGURES_BEFORE = re.compile(
    r"(?:(?i:\b(?:rose|risen|fell|fallen|grew|grown|climbed|dropped|jumped|increased|decreased|declined|slipped|"
    r"surged|soared|gained|lost|won|beat|led|trailed|went|up|down|"  # a change or a result
    r"is|are|was|were|be|been|being|passed|voted|numbered|totall?ed|reached|hit|"  # a state or a count
    r"roughly|about|around|approximately|nearly|almost|some|over|under|"  # an approximation
    r"to|of|by|at|from|between|number|numbers|total))|"  # a word that takes figures
    r"(?:\A|[.!?:;\n]\s*)(?!Years\b)[A-Z][a-z]*[a-rt-z]s)\s+\Z",  # a plural they number: "Rooms 2014 to"
)
"""Before two four-figure numbers that 'to' joins, a word after which they read as figures: a change or a
result ("rose 2014 to 2018"), a form of be or a count verb ("was 2014 to 2018"), an approximation ("roughly
2014 to 2018"), a word that takes figures ("grew to", "a total of") or a plural they number ("Flights"),
which opens its sentence (inside one "the Giants 2014 to 2018" is a name)."""
_YEARS_GO_ON = re.compile(
    r"\s*(?:[.,;:!?)\]–—]|\Z)|\s+(?:in|on|at|under|during|when|while|and|but|then|before|after|"
    r"season|seasons|term|terms|period|era|cycle|window|span|school|academic|fiscal|financial)\b",
    re.IGNORECASE,
)
"""After the second of two bare years: a pause, the end, a word that goes on the sentence ("served 2014 to
2018 in Ohio") or a noun of time ("the 2019 to 2020 season"); any other word is the noun the figures count
("2014 to 2018 voters") or the verb they are subject of ("2014 to 2018 are on the second floor")."""


def _years_to_years(text: str, first: _Mention, second: _Mention, link: str) -> bool:
    """'He coached the team 2014 to 2018.': two bare four-figure numbers a few years apart that 'to' joins
    read as years only where figures could not stand: not after a word that takes figures
    (``_FIGURES_BEFORE``: "passed 2014 to 2018", "roughly 2014 to 2018") and not before a word that is
    not a pause, a function word or a noun of time (``_YEARS_GO_ON``: "2014 to 2018 students").
    """
    return (
        link in ("to", "through", "thru")
        and _is_bare_year(first)
        and _is_bare_year(second)
        and first.year is not None
        and second.year is not None
        and 1900 <= first.year < second.year <= first.year + 30
        and not _FIGURES_BEFORE.search(text, max(0, first.start - 16), first.start)
        and bool(_YEARS_GO_ON.match(text, second.end))
    )


_OPEN_SIDE_BEFORE = re.compile(
    r"\b(?P<word>after|before|since|until|till|through|by|up\s+to|no\s+later\s+than|not\s+later\s+than|"
    r"(?:before|after|later\s+than|earlier\s+than|sooner\s+than)\s+or\s+(?:on|in|at|equal\s+to)|"
    r"on\s+or\s+(?:later|earlier)\s+than|"
    r"prior\s+to|later\s+than|earlier\s+than|sooner\s+than|no\s+earlier\s+than|not\s+earlier\s+than|as\s+late\s+as|"
    r"as\s+early\s+as|on\s+or\s+after|ending\s+with|on\s+or\s+before|(?:starting|beginning)(?:\s+(?:in|on|from))?)\s+\Z",
    re.IGNORECASE,
)
_OPEN_SIDE_AFTER = re.compile(
    r"\s*(?:(?:or|and)\s+(?P<since>later|after|afterwards|beyond|onwards?)|(?P<since2>onwards?)|"
    r"(?:or|and)\s+(?P<until>earlier|before))\b"
    rf"(?!\s+(?:the\s+)?(?:\d|{_MONTH_WORD}|(?:{_WEEKDAY_FULL}|today|tomorrow|yesterday|next|last|this)\b)|"
    r"\s+(?:a|an|my|his|her|its|our|their|your|that|i|he|she|it|we|they|you)\b)",
    re.IGNORECASE,
)
"""'2010 or later', '1/1/2016 and before'; not 'after 2016 and before 2018' (the word opens the next date) nor
'on 1/1/2016 and after my work is done' (it opens a clause)."""
_OPEN_SIDES = {
    "after": "after",
    "before": "before",
    "prior to": "before",
    "since": "since",
    "starting": "since",
    "beginning": "since",
    "later than": "after",
    "earlier than": "before",
    "sooner than": "before",
    "after or": "since",
    "later than or": "since",
    "on or later than": "since",
    "no earlier than": "since",
    "not earlier than": "since",
    "as early as": "since",
    "on or after": "since",
}


_MORE = "greater|later|more|higher|larger|bigger|newer|above"
_LESS = "less|lower|smaller|earlier|older|below"
_YEAR_COMPARED_BEFORE = re.compile(
    rf"\byears?\s+(?:(?<=year\s)is\s+)?(?:(?P<more>{_MORE})|(?P<less>{_LESS}))"
    r"(?:\s+than|(?<=above)|(?<=below))(?P<equal>\s+or\s+equal\s+to)?\s+\Z",
    re.IGNORECASE,
)
_YEAR_COMPARED_AFTER = re.compile(
    r"\s+(?:and|or)\s+(?:(?P<more>greater|higher|above|newer)|(?P<less>less|lower|below|older))\b",
    re.IGNORECASE,
)
_YEAR_WORD = re.compile(r"(?:the\s+)?years?\s", re.IGNORECASE)
_A_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:{_YEAR_DETERMINERS}|the|current|coming|[a-z]+['’]s)|\d)\s+\Z", re.IGNORECASE
)
"""'sales this year were higher than 2015': one year compared with another, not a year that varies."""
_YEARS_COUNTED_BEFORE = re.compile(rf"\b(?:{_COUNT}|few|several|many)\s+\Z", re.IGNORECASE)
"""'Five years greater than 2012': a count makes "years" a length of time, and the year a point it is
added to."""
_NOUN_AFTER_COMPARED_YEAR = re.compile(
    r"\s+(?!(?:in|on|at|of|for|from|to|by|with|under|during|since|until|till|through|before|after|than|as|"
    r"and|or|but|nor|so|yet|then|when|while|where|if|because)\b)[a-z]+\b"
)
"""'five years greater than 2012 levels': a lowercase word after the year that does not go on the sentence
is the noun the year qualifies; the comparison is of levels, not of years."""


def _compared_years(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """'year greater than 2012', 'where year is less than 2015', 'year 2016 and greater': a year the word
    "year" compares is an open interval; without that word "greater than 2015 votes" stays a count.
    """
    out: list[_Mention] = []
    for mention in mentions:
        if _is_bare_year(mention):
            before = _YEAR_COMPARED_BEFORE.search(text, max(0, mention.start - 40), mention.start)
            after = (
                _YEAR_COMPARED_AFTER.match(text, mention.end)
                if _YEAR_WORD.match(text, mention.start)
                else None
            )
            if before is not None and (
                _A_YEAR_BEFORE.search(text, max(0, before.start() - 16), before.start())
                or _YEARS_COUNTED_BEFORE.search(text, max(0, before.start() - 16), before.start())
                or _NOUN_AFTER_COMPARED_YEAR.match(text, mention.end)
            ):
                before = None
            if before is not None:
                side = ("since" if before["more"] else "until") if before["equal"] else None
                side = side or ("after" if before["more"] else "before")
                start = before.start("more") if before["more"] else before.start("less")
                mention = replace(mention, start=start, weak=False, open_side=side)
            elif after is not None:
                end = after.end()
                mention = replace(
                    mention, end=end, weak=False, open_side="since" if after["more"] else "until"
                )
        out.append(mention)
    return out


_TILL_BEFORE = re.compile(r"\b(?:till|until)\s+\Z", re.IGNORECASE)


def _till_date(text: str, mention: _Mention) -> _Mention:
    """'docked till date', 'until date': up to publication.  'to date' alone stays no claim: it is an
    idiom for "so far" in nearly every news story ("the largest to date", "up to date").
    """
    if mention.relation != "present" or not mention.weak:
        return mention
    found = _TILL_BEFORE.search(text, max(0, mention.start - 7), mention.start)
    if found is None or not _SENTENCE_PAUSE.match(text, mention.end):
        return mention  # "valid until date of expiry": a date the words go on to name
    return replace(mention, start=found.start(), weak=False, open_side="until")


def _with_open_side(text: str, mention: _Mention) -> _Mention:
    """'since February', 'before 2018', 'by July': an interval open on one side."""
    if (
        mention.relation in ("present", "past", "future", "window", "in")
        or mention.until is not None
        or mention.open_side is not None
    ):
        return mention
    if mention.relation == "span" or (
        mention.relation == "shift" and (mention.count < 0 or mention.modifier)
    ):
        return mention  # "2 weeks before May 13": the word belongs to the shift
    suffix = _OPEN_SIDE_AFTER.match(text, mention.end)
    if suffix is not None:
        side = "until" if suffix["until"] else "since"
        return replace(mention, end=suffix.end(), open_side=side)
    found = _OPEN_SIDE_BEFORE.search(text, max(0, mention.start - 24), mention.start)
    if found is None:
        return mention
    word = re.sub(r"\s+", " ", found["word"].lower())
    if _SPAN_THAN_BEFORE.search(text, max(0, mention.start - 40), mention.start):
        return mention  # "ten years later than May 2012": a length of time from the date, not a side of it
    word = word.split(" or ")[0] + " or" if " or " in word and not word.startswith("on or") else word
    first_word = word.split(" ")[0]
    side = _OPEN_SIDES.get(first_word if first_word in ("starting", "beginning") else word, "until")
    part = _PART_OF_UNIT.match(text, mention.start)
    if (
        part is not None
        and side in ("before", "after")
        and (side == "before") == (part["part"].lower() == "end")
    ):
        side = "until" if side == "before" else "since"  # "before the end of 2024" is by its last day
    return replace(mention, start=found.start(), open_side=side)


_PART_OF_UNIT = re.compile(r"(?:the\s+)?(?P<part>end|beginning|start)\s+of\b", re.IGNORECASE)


# --- resolving against the publication date -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Interval:
    start: dt.date | None
    end: dt.date | None
    timex: str | None
    relative: bool


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _narrow(start: dt.date, end: dt.date, granularity: str, modifier: str | None) -> tuple[dt.date, dt.date]:
    """'early 2024' is the first third of 2024, 'mid-April' the middle of April."""
    if modifier not in ("early", "mid", "late") or granularity not in (
        "week",
        "month",
        "year",
        "decade",
        "century",
    ):
        return start, end
    if granularity == "week":  # Monday-Wednesday, Tuesday-Friday, Thursday-Sunday
        if (end - start).days != 6:
            return start, end
        days = {"early": (0, 2), "mid": (1, 4), "late": (3, 6)}[modifier]
        return start + dt.timedelta(days=days[0]), start + dt.timedelta(days=days[1])
    if granularity == "year":
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[modifier]
        return dt.date(start.year, months[0], 1), _month_end(start.year, months[1])
    if granularity == "month":
        days = {"early": (1, 15), "mid": (10, 20), "late": (16, end.day)}[modifier]
        return start.replace(day=days[0]), start.replace(day=days[1])
    span = end.year - start.year + 1
    third = span // 3
    years = {"early": (0, third - 1), "mid": (third, 2 * third - 1), "late": (2 * third, span - 1)}[modifier]
    return dt.date(start.year + years[0], 1, 1), dt.date(start.year + years[1], 12, 31)


def _nth_weekday_nearby(pub: dt.date, weekday: int, count: int, tense: Tense) -> _Interval | None:
    """'The second Tuesday' with no month: in a past sentence the latest such day by publication, in a
    future one the next, else this month's (as ``_year_by_tense`` picks a year).
    """
    days = []
    for step in range(-3, 4):  # a fifth weekday can be months away
        year, month = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        day = nth_weekday(year, month + 1, weekday, count)
        if day.month == month + 1:  # not every month has a fifth Sunday
            days.append(day)
    if tense == "past":
        chosen = max((day for day in days if day <= pub), default=None)
    elif tense == "future":
        chosen = min((day for day in days if day >= pub), default=None)
    else:
        chosen = next((day for day in days if day.month == pub.month), None)
    return None if chosen is None else _Interval(chosen, chosen, chosen.isoformat(), True)


def _choose_year(pub: dt.date, month: int, day: int | None, tense: Tense) -> int:
    """Pick the year of a month (and day) written without one: latest past, next, or this year's."""

    def span(year: int) -> tuple[dt.date, dt.date]:
        first = dt.date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
        return first, first if day else _month_end(year, month)

    return _year_by_tense(pub, span, tense)


def _year_by_tense(pub: dt.date, span: Callable[[int], tuple[dt.date, dt.date]], tense: Tense) -> int:
    """The year of a period written without one ("in December", "the fourth quarter", "the
    winter"): in a past sentence the latest that has begun by publication, in a future one the
    first that has not ended, else the publication's year.
    """
    candidates = (pub.year - 1, pub.year, pub.year + 1)
    if tense == "past":
        return max(y for y in candidates if span(y)[0] <= pub)
    if tense == "future":
        return min(y for y in candidates if span(y)[1] >= pub)
    return pub.year


def _leap_year(pub: dt.date, tense: Tense) -> int:
    """The leap year of the latest 29 February up to publication, or of the next one in future tense."""
    if tense == "future":
        return next(
            y for y in range(pub.year, pub.year + 8) if calendar.isleap(y) and dt.date(y, 2, 29) >= pub
        )
    return next(
        y for y in range(pub.year, pub.year - 8, -1) if calendar.isleap(y) and dt.date(y, 2, 29) <= pub
    )


def _calendar_interval(m: _Mention, pub: dt.date | None, tense: Tense) -> _Interval | None:
    """Fields the text names (year inferred from the publication date when missing)."""
    relative = False
    year = m.year
    if year is None:
        if pub is None:
            return None
        relative = True
        if m.granularity in ("day", "month") and m.month is not None:
            year = _choose_year(pub, m.month, m.day, tense)
        elif m.granularity in ("quarter", "season"):  # "profit rose in the fourth quarter"
            year = _year_by_tense(pub, partial(_period_of_year, m), tense)
        else:
            year = pub.year
    if m.granularity == "day" and m.month is not None and m.day is not None:
        if relative and pub is not None and (m.month, m.day) == (2, 29) and not calendar.isleap(year):
            year = _leap_year(pub, tense)  # "Feb 29" without a year: the nearest year that has one
        if not _valid_day(year, m.month, m.day):
            return None
        day = dt.date(year, m.month, m.day)
        return _Interval(day, day, day.isoformat(), relative)
    if m.granularity == "month" and m.month is not None:
        start, end = _narrow(dt.date(year, m.month, 1), _month_end(year, m.month), "month", m.modifier)
        return _Interval(start, end, f"{year:04d}-{m.month:02d}", relative)
    if m.granularity == "quarter" and m.quarter is not None:  # two quarters (count 2) are a half year
        first_month = 3 * m.quarter - 2
        timex = f"{year:04d}-H{m.quarter // 2 + 1}" if m.count == 2 else f"{year:04d}-Q{m.quarter}"
        last_month = first_month + 3 * max(m.count, 1) - 1
        return _Interval(dt.date(year, first_month, 1), _month_end(year, last_month), timex, relative)
    if m.granularity == "season" and m.season is not None:
        return _season_interval(year, m.season, relative)
    if m.granularity == "decade" and m.decade is not None:
        start, end = _narrow(
            dt.date(m.decade * 10, 1, 1), dt.date(m.decade * 10 + 9, 12, 31), "decade", m.modifier
        )
        return _Interval(start, end, f"{m.decade:03d}", False)
    if m.granularity == "century" and m.century is not None:
        first_year = max(m.century * 100, 1)
        start, end = _narrow(
            dt.date(first_year, 1, 1), dt.date(m.century * 100 + 99, 12, 31), "century", m.modifier
        )
        return _Interval(start, end, f"{m.century:02d}", False)
    start, end = _narrow(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", m.modifier)
    return _Interval(start, end, f"{year:04d}", relative)


def _period_of_year(m: _Mention, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a quarter or season in the given year."""
    found = _calendar_interval(replace(m, year=year), None, None)
    assert found is not None and found.start is not None and found.end is not None
    return found.start, found.end


def _season_interval(year: int, season: str, relative: bool) -> _Interval:
    first, last = SEASON_MONTHS[season]
    end_year = year + 1 if last < first else year
    return _Interval(dt.date(year, first, 1), _month_end(end_year, last), f"{year:04d}-{season}", relative)


def _week_interval(day: dt.date) -> _Interval:
    monday = day - dt.timedelta(days=day.weekday())
    iso_year, iso_week, _ = monday.isocalendar()
    return _Interval(monday, monday + dt.timedelta(days=6), f"{iso_year:04d}-W{iso_week:02d}", True)


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _unit_interval(unit: str, pub: dt.date, offset: int, weekend: bool = False) -> _Interval:
    """This/last/next week, month, quarter, year, decade or century, counted from publication."""
    if unit in ("week", "weekend"):
        week = _week_interval(pub + dt.timedelta(weeks=offset))
        if weekend and week.start is not None:
            saturday = week.start + dt.timedelta(days=5)
            return _Interval(saturday, saturday + dt.timedelta(days=1), f"{week.timex}-WE", True)
        return week
    if unit == "day":
        day = pub + dt.timedelta(days=offset)
        return _Interval(day, day, day.isoformat(), True)
    if unit == "month":
        first = _shift_months(pub, offset)
        return _Interval(
            first, _month_end(first.year, first.month), f"{first.year:04d}-{first.month:02d}", True
        )
    if unit == "quarter":
        first = _shift_months(pub.replace(month=3 * ((pub.month - 1) // 3) + 1), 3 * offset)
        quarter = (first.month - 1) // 3 + 1
        return _Interval(first, _month_end(first.year, first.month + 2), f"{first.year:04d}-Q{quarter}", True)
    if unit == "decade":
        decade = pub.year // 10 + offset
        return _Interval(dt.date(decade * 10, 1, 1), dt.date(decade * 10 + 9, 12, 31), f"{decade:03d}", True)
    if unit == "century":
        century = pub.year // 100 + offset
        return _Interval(
            dt.date(century * 100, 1, 1), dt.date(century * 100 + 99, 12, 31), f"{century:02d}", True
        )
    year = pub.year + offset
    return _Interval(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}", True)


def _fortnight(pub: dt.date, offset: int) -> _Interval:
    """A fortnight counted as a unit from this one, which is this week and the next: 'next fortnight'
    is the two weeks after those, 'the past fortnight' the two before this week (as weeks are counted).
    """
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=2 * offset)
    return _Interval(monday, monday + dt.timedelta(days=13), None, True)


def _weekday_date(pub: dt.date, weekday: int, offset: int, tense: Tense) -> dt.date:
    """'Thursday' in a Friday article is yesterday; 'will meet on Thursday' is the coming one.

    'last Wednesday' is the Wednesday of last week, as 'next Wednesday' is next week's (news style
    names the day alone within a week of publication); 'this past Wednesday' is the latest one.
    """
    delta = weekday - pub.weekday()
    if offset == 9:  # a bare weekday: the tense of the sentence decides
        if tense == "future":
            return pub + dt.timedelta(days=delta % 7)
        return pub - dt.timedelta(days=(-delta) % 7)
    if offset == -2:  # "this past Wednesday": the latest one, today excluded
        return pub - dt.timedelta(days=(-delta) % 7 or 7)
    if offset == 2:  # "coming": the next one, today excluded
        return pub + dt.timedelta(days=delta % 7 or 7)
    monday = pub - dt.timedelta(days=pub.weekday())
    return monday + dt.timedelta(days=7 * offset + weekday)


def _resolve(m: _Mention, pub: dt.date | None, tense: Tense) -> _Interval | None:
    """Apply the publication date (when the words need it) and return the mention's interval."""
    if m.anchor is not None:
        return _resolve_anchored(m, m.anchor, pub, tense)
    if m.relation == "calendar":
        return _calendar_interval(m, pub, tense)
    if m.relation == "present":
        return _Interval(pub, pub, "PRESENT_REF", pub is not None)
    if m.relation == "past":
        return _Interval(None, None, "PAST_REF", False)
    if pub is None:
        return None
    if m.relation == "future":
        return _Interval(pub, None, "FUTURE_REF", True)
    if m.relation == "day_offset":
        return _unit_interval("day", pub, m.offset)
    if m.relation == "weekday" and m.weekday is not None:
        day = _weekday_date(pub, m.weekday, m.offset, tense) + dt.timedelta(weeks=max(m.count - 1, 0))
        return _Interval(day, day, day.isoformat(), True)
    if m.relation == "nth_weekday_nearby" and m.weekday is not None:
        return _nth_weekday_nearby(pub, m.weekday, m.count, tense)
    if m.relation == "unit" and m.offset == 9:
        return _part_of_this_unit(m, pub, tense)
    if m.relation == "unit" and m.count == 2:
        return _fortnight(pub, m.offset)
    if m.relation == "unit":
        found = _unit_interval(m.granularity, pub, m.offset, weekend=m.season == "WE")
        if m.season == "WW" and found.start is not None:  # "next workweek": Monday to Friday
            found = replace(found, end=found.start + dt.timedelta(days=4))
        if m.modifier == "so_far" and found.start and found.end:  # "earlier this year": before today
            return _Interval(found.start, max(found.start, pub - dt.timedelta(days=1)), found.timex, True)
        if m.modifier == "rest" and found.start and found.end:
            return _Interval(pub, found.end, found.timex, True)
        if found.start and found.end:
            start, end = _narrow(found.start, found.end, m.granularity, m.modifier)
            return _Interval(start, end, found.timex, True)
        return found
    if m.relation == "ago":
        if m.parts:
            day = pub
            for count, unit in m.parts:
                day = _add_units(day, unit, -count)
            return _unit_interval(m.granularity, day, 0)
        if m.granularity == "day":
            return _unit_interval("day", pub, m.offset)
        if m.granularity == "week":
            return _unit_interval("week", pub, m.offset)
        if m.granularity == "month":
            return _unit_interval("month", pub, m.offset)
        if m.granularity == "decade":
            return _unit_interval("year", pub, 10 * m.offset)
        if m.granularity == "century":
            return _unit_interval("year", pub, 100 * m.offset)
        return _unit_interval("year", pub, m.offset)
    if m.relation == "month" and m.month is not None:
        year = pub.year
        if m.offset == -1:
            year = pub.year if m.month < pub.month else pub.year - 1
        elif m.offset == 1:
            year = pub.year if m.month > pub.month else pub.year + 1
        named = _calendar_interval(replace(m, relation="calendar", year=year), pub, tense)
        return replace(named, relative=True) if named else None
    if m.relation == "season" and m.season is not None:
        return _relative_season(pub, m.season, m.offset)
    return _resolve_composite(m, pub, tense)


def _add_units(day: dt.date, unit: str, count: int) -> dt.date:
    """``day`` moved by ``count`` days, weeks, months, quarters, years or decades (month ends clamp)."""
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    months = count * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _part_of_this_unit(m: _Mention, pub: dt.date, tense: Tense) -> _Interval | None:
    """'the end of the year' is this year's, but last year's in a past-tense sentence written before it
    (March: "the season peaked by the end of the year"), and next year's in a future one written after it.
    """
    found = _resolve(replace(m, offset=0), pub, None)
    if found is None or found.start is None or found.end is None:
        return found
    if tense == "past" and found.start > pub:
        return _resolve(replace(m, offset=-1), pub, None)
    if tense == "future" and found.end < pub:
        return _resolve(replace(m, offset=1), pub, None)
    return found


def _add_business_days(day: dt.date, count: int) -> dt.date:
    """``day`` moved by ``count`` working days (Monday to Friday), weekends skipped."""
    step = 1 if count >= 0 else -1
    for _ in range(abs(count)):
        day += dt.timedelta(days=step)
        while day.weekday() >= 5:
            day += dt.timedelta(days=step)
    return day


def _add_length(day: dt.date, m: _Mention, sign: int = 1) -> dt.date:
    """``day`` moved by the length ``m`` counts: working days, or units and their further parts."""
    if m.business:
        return _add_business_days(day, sign * m.count)
    day = _add_units(day, m.granularity, sign * m.count)
    for count, unit in m.parts:
        day = _add_units(day, unit, sign * count)
    return day


def _single_day(day: dt.date) -> _Interval:
    return _Interval(day, day, day.isoformat(), True)


def _holiday_day(m: _Mention, pub: dt.date | None, tense: Tense) -> dt.date | None:
    """A holiday in the year stated, else the one the words ('last', 'next') or the tense point to."""
    if m.holiday is None:
        return None
    if m.year is not None:
        return m.holiday.date(m.year)
    if pub is None:
        return None
    days = [m.holiday.date(year) for year in (pub.year - 1, pub.year, pub.year + 1)]
    if m.offset == -1 or (m.offset == 0 and tense == "past"):
        return max(d for d in days if (d < pub if m.offset else d <= pub))
    if m.offset == 1 or (m.offset == 0 and tense == "future"):
        return min(d for d in days if (d > pub if m.offset else d >= pub))
    return days[1]


def _nearest_month_day(pub: dt.date, day: int, weekday: int | None, tense: Tense) -> dt.date | None:
    """The day-of-month nearest publication on ``weekday``: the past one in past tense, the next one in
    future tense, else whichever is closer ("Friday the 15th" names a month by its weekday alone).
    """
    candidates = []
    for months in range(-14, 15):
        first = _shift_months(pub, months)
        if day <= calendar.monthrange(first.year, first.month)[1]:
            found = first.replace(day=day)
            if weekday is None or found.weekday() == weekday:
                candidates.append(found)
    if tense == "future":
        later = [d for d in candidates if d >= pub]
        return min(later) if later else None
    if tense is None and weekday is not None and candidates:
        return min(candidates, key=lambda d: abs((d - pub).days))
    earlier = [d for d in candidates if d <= pub]
    return max(earlier) if earlier else None


def _resolve_composite(m: _Mention, pub: dt.date | None, tense: Tense) -> _Interval | None:
    """Holidays, shifts, windows, days of a month and weeks of a period."""
    if m.relation == "holiday":
        day = _holiday_day(m, pub, tense)
        if day is not None and m.modifier == "weekend":
            return _holiday_weekend(day, m.year is None)
        if day is None:
            return None
        last = m.holiday.last_day(day) if m.holiday is not None else day
        return _Interval(day, last, day.isoformat() if last == day else None, m.year is None)
    if m.relation == "week_number":
        year = m.year if m.year is not None else (pub.year if pub else None)
        if year is None or m.count > dt.date(year, 12, 28).isocalendar()[1]:
            return None
        week = _week_interval(dt.date.fromisocalendar(year, m.count, 1))
        return replace(week, relative=m.year is None)
    if m.anchor is not None:
        return _resolve_anchored(m, m.anchor, pub, tense)
    if pub is None:
        return None
    if m.relation == "in":
        if tense == "past":
            return None  # "rose 5% in two years" is a length of time, not a date
        return _single_day(_add_length(pub, m))
    if m.relation == "window":
        return _window(m, pub)
    if m.relation == "dom" and m.day is not None:
        if m.modifier == "this":
            first = _shift_months(pub, m.offset)
            if m.day > calendar.monthrange(first.year, first.month)[1]:
                return None
            return _single_day(first.replace(day=m.day))
        day = _nearest_month_day(pub, m.day, m.weekday, tense)
        return _single_day(day) if day else None
    return None


def _holiday_weekend(day: dt.date, relative: bool) -> _Interval:
    """'Labor Day weekend', 'the weekend of Thanksgiving': the weekend next to the holiday, stretched to
    include it (Saturday to Monday for a Monday holiday, Thursday to Sunday for a Thursday one).
    """
    weekday = day.weekday()
    # Monday and Tuesday lean on the weekend before, later days on the next one (a weekend day on its own)
    back = weekday + 2 if weekday <= 1 else weekday - 5
    saturday = day - dt.timedelta(days=back)
    sunday = saturday + dt.timedelta(days=1)
    return _Interval(min(day, saturday), max(day, sunday), None, relative)


def _window(m: _Mention, pub: dt.date) -> _Interval:
    """'the last 3 months' ends yesterday; 'the next 3 days' starts tomorrow; 'within 9 months' today."""
    unit = m.granularity
    one_day = dt.timedelta(days=1)
    if m.business:  # "the next 4 business days": working days after today, or before it
        if m.count < 0:
            return _Interval(_add_business_days(pub, m.count), _add_business_days(pub, -1), None, True)
        first = pub if m.modifier == "within" else _add_business_days(pub, 1)
        return _Interval(first, _add_business_days(pub, m.count), None, True)
    if m.parts:  # "the last 3 months and 2 weeks": the compound length up to yesterday or from today
        if m.count < 0:
            return _Interval(_add_length(pub, m), pub - one_day, None, True)
        first = pub if m.modifier == "within" else pub + one_day
        return _Interval(first, _add_length(first, m) - one_day, None, True)
    if unit == "quarter":
        current = pub.replace(month=3 * ((pub.month - 1) // 3) + 1, day=1)
        if m.count < 0:
            start = _add_units(current, "quarter", m.count)
            return _Interval(start, current - dt.timedelta(days=1), None, True)
        start = _add_units(current, "quarter", 1)
        return _Interval(start, _add_units(start, "quarter", m.count) - dt.timedelta(days=1), None, True)
    if m.count < 0:
        return _Interval(_add_units(pub, unit, m.count), pub - dt.timedelta(days=1), None, True)
    first = pub if m.modifier == "within" else pub + dt.timedelta(days=1)
    return _Interval(first, _add_units(first, unit, m.count) - dt.timedelta(days=1), None, True)


def _resolve_anchored(m: _Mention, anchor: _Mention, pub: dt.date | None, tense: Tense) -> _Interval | None:
    found = _resolve(anchor, pub, tense)
    if found is None or found.start is None or found.end is None:
        return None
    relative = found.relative
    if m.relation in ("calendar", "week_number", "holiday"):  # "June next year"
        named = _resolve(replace(m, anchor=None, year=found.start.year), pub, tense)
        return replace(named, relative=True) if named else None
    if m.relation == "shift":
        if found.start != found.end:
            return None
        origin = _origin_in_tense(m, anchor, found.start, pub, tense)
        return _quantified_shift(origin, _add_length(origin, m), m.modifier, relative)
    if m.relation == "span":  # "2 weeks starting May 20th": that day and the length after it
        return _Interval(found.start, _add_length(found.start, m) - dt.timedelta(days=1), None, relative)
    if m.relation == "week_of":
        if m.count > 0:
            week = _week_interval(found.start + dt.timedelta(days=3 + 7 * (m.count - 1)))
        else:
            week = _week_interval(found.end - dt.timedelta(days=3))
        return replace(week, relative=relative)
    if m.relation == "week_containing":
        if m.modifier == "from":
            return _Interval(found.start, found.start + dt.timedelta(days=6), None, relative)
        return replace(_week_interval(found.start), relative=relative)
    if m.relation == "weekday" and m.weekday is not None:  # that weekday of the week found (or holding it)
        return _single_day(found.start + dt.timedelta(days=m.weekday - found.start.weekday()))
    if m.relation == "day_span" and m.day is not None:
        return _day_span(m, found, relative)
    if m.relation == "nth_weekday" and m.weekday is not None:
        day = nth_weekday(found.start.year, found.start.month, m.weekday, m.count)
        return _Interval(day, day, day.isoformat(), relative) if day.month == found.start.month else None
    if m.relation == "part_of":
        return _part_of(m, found.start, found.end, relative)
    return None


def _origin_in_tense(
    m: _Mention, anchor: _Mention, found: dt.date, pub: dt.date | None, tense: Tense
) -> dt.date:
    """In future tense, a day counted from a holiday or a day without a year counts from the latest one
    whose counted day is still ahead: "will go back 3 weeks after Christmas" on 2 January is this month,
    not next year.  A past sentence keeps the holiday's own year: it may report a day still ahead ("the
    vote was set for 3 days after May 5"), and a weak past cue ("expected") must not move it a year back.
    """
    if pub is None or tense != "future" or m.modifier is not None or anchor.year is not None:
        return found
    if anchor.relation == "holiday" and anchor.holiday is not None and anchor.offset == 0:
        origins = [anchor.holiday.date(year) for year in (pub.year - 1, pub.year)]
    elif anchor.relation == "calendar" and anchor.month is not None and anchor.day is not None:
        origins = [
            dt.date(year, anchor.month, anchor.day)
            for year in (pub.year - 1, pub.year)
            if _valid_day(year, anchor.month, anchor.day)
        ]
    else:
        return found
    later = [day for day in origins if day < found and _add_length(day, m) >= pub]
    return max(later) if later else found


def _part_of(m: _Mention, start: dt.date, end: dt.date, relative: bool) -> _Interval | None:
    """The first or last ``count`` days, weeks (whole Monday-to-Sunday weeks inside the period) or months
    of a period, or its n-th month.
    """
    if m.modifier == "nth":
        month = dt.date(start.year, m.count, 1)
        return _Interval(month, _month_end(month.year, m.count), f"{month.year:04d}-{m.count:02d}", relative)
    count = abs(m.count)
    if m.granularity == "month":
        first = start if m.count > 0 else _shift_months(end, 1 - count)
        last = _shift_months(start, count - 1) if m.count > 0 else end
        if first < start or last > end:
            return None
        return _Interval(first, _month_end(last.year, last.month), None, relative)
    length = count * (7 if m.granularity == "week" else 1)
    if m.granularity == "week":
        start += dt.timedelta(days=-start.weekday() % 7)
        end -= dt.timedelta(days=(end.weekday() + 1) % 7)
    if (end - start).days + 1 < length:
        return None
    if m.count > 0:
        return _Interval(start, start + dt.timedelta(days=length - 1), None, relative)
    return _Interval(end - dt.timedelta(days=length - 1), end, None, relative)


def _quantified_shift(origin: dt.date, day: dt.date, quantifier: str | None, relative: bool) -> _Interval:
    """'3 days after X' is one day; 'more than 3 days after X' the days beyond it, 'less than' (or
    'within') 3 days after X the days from X up to it, either way from X.
    """
    one_day = dt.timedelta(days=1)
    later = day > origin
    if quantifier == "more than":
        return (
            _Interval(day + one_day, None, None, relative)
            if later
            else _Interval(None, day - one_day, None, relative)
        )
    if quantifier in ("less than", "within"):
        return (
            _Interval(origin, day - one_day, None, relative)
            if later
            else _Interval(day + one_day, origin, None, relative)
        )
    return _Interval(day, day, day.isoformat(), relative)


def _day_span(m: _Mention, found: _Interval, relative: bool) -> _Interval | None:
    """Days ``m.day`` to ``m.count`` of the month found, or from ``m.day`` up to the day found."""
    assert m.day is not None and found.start is not None and found.end is not None
    if m.count:
        if m.count > found.end.day:
            return None
        return _Interval(found.start.replace(day=m.day), found.start.replace(day=m.count), None, relative)
    month = found.start if m.day < found.start.day else _shift_months(found.start, -1)
    if m.day > calendar.monthrange(month.year, month.month)[1]:
        return None
    return _Interval(month.replace(day=m.day), found.start, None, relative)


def _relative_season(pub: dt.date, season: str, offset: int) -> _Interval:
    """Place 'this summer' in the publication year and 'last summer' on the latest one already over."""
    last = SEASON_MONTHS[season][1]
    year = pub.year - 1 if season == "WI" and pub.month <= last else pub.year
    if offset == -1:
        while (found := _season_interval(year, season, True)).end is not None and found.end >= pub:
            year -= 1
    elif offset == 1:
        while (found := _season_interval(year, season, True)).start is not None and found.start <= pub:
            year += 1
    return _season_interval(year, season, True)


# --- tense: which way a bare weekday or month points ----------------------------------------------

_TENSE_CUES = re.compile(
    r"\b(?P<future>will|won['’]t|shall|going\s+to|(?:is|are)\s+(?:due\s+)?to|expect(?:s|ed)?\s+to|"
    r"plan(?:s|ned)?(?:\s+to)?|scheduled|due\s+to|set\s+to|upcoming|aims?\s+to|intends?\s+to|hopes?\s+to|"
    r"(?:forecast|projected|likely|poised|slated|about|on\s+(?:track|course))\s+to)\b|"
    r"(?P<future_clitic>['’]ll)\b|\b(?P<modal>could|would|might|should|must|can|may)\b|"
    r"\b(?P<past>said|was|were|had|did|ago|earlier|met|told|took|made|came|went|saw|gave|began|held|found|"
    r"left|won|lost|got|sold|spent|brought|became|fell|rose|paid|led|kept|sent|wrote|spoke|ran|struck|"
    r"thought|knew|chose|drew|grew|hit|meant|sat|stood|won|wore)\b|"
    r"\b(?P<weak_past>(?!(?:need|based|speed|indeed|united|hundred|proceed|exceed|succeed|embed|breed)\b)"
    r"[a-z]{2,}ed)\b"
)


_TENSE_REACH = 60
"""Characters either side of a date searched for its verb; further cues usually govern another clause."""
_PRESENT_BEFORE = re.compile(
    r"(?<!\bdid\s)(?<!\bhad\s)(?<!\bnot\s)(?<!n['’]t\s)"
    r"\b(?:is|are|(?:begin|resume|expire)s?|(?:start|end|open|close)s|takes?\s+place|kicks?\s+off)"
    r"\s+(?:(?:set|slated|scheduled|planned|due)\s+)?(?:(?:on|for|until|till|through)\s+)?\Z"
)
"""A date the present tense is of ("The vote is on Tuesday", "the deadline is Friday", "is set for
Monday", "the Hajj, which begins on June 14", "talks resume on Monday"): news states what is still
to come this way, whatever the reporting verb says ("officials said").  Only verbs that are no
nouns in that place: "the fall on Monday", "a strong start on Monday", "the shop is open on Monday"
say nothing of the tense."""
_RUN_BEFORE = re.compile(r"\bruns?\s+\Z")
_UNTIL = re.compile(r"(?:through|thru|until|till)\b", re.IGNORECASE)
"""What runs until a date ("runs until Sunday", "to run through June") runs until one to come; the
date's own span begins with the "until"."""
_ATTRIBUTION_AFTER = re.compile(r"\s*[,;]")
"""After "said": the end of a parenthetical attribution (", the AA said, with traffic peaking on
Good Friday"), which dates the saying, not the clause around it."""


def _participle(text: str, cue: re.Match[str]) -> bool:
    if cue.lastgroup not in ("past", "weak_past"):
        return False
    at = cue.start()
    return text.endswith((" be ", " being "), max(0, at - 7), at)


def sentence_tense(text: str, sentence: tuple[int, int], start: int, end: int) -> Tense:
    """Past or future from simple cues: the nearest auxiliary or past verb before the date, else after it."""
    if _PRESENT_BEFORE.search(text, max(sentence[0], start - 32), start) or (
        _RUN_BEFORE.search(text, max(sentence[0], start - 8), start) and _UNTIL.match(text, start)
    ):
        return "future"  # "is on Tuesday", "runs until Sunday", "to run through June"
    before: list[re.Match[str]] = list(
        _TENSE_CUES.finditer(text, max(sentence[0], start - _TENSE_REACH), start)
    )
    after: list[re.Match[str]] = list(_TENSE_CUES.finditer(text, end, min(sentence[1], end + _TENSE_REACH)))

    def strong(match: re.Match[str]) -> bool:
        if match.group() == "said" and _ATTRIBUTION_AFTER.match(text, match.end()):
            return False
        return match.lastgroup != "weak_past"

    # A past form right after "be" or "being" is a participle ("will be held", "are being held"):
    # the auxiliary before it gives the tense.
    before = [m for m in before if not _participle(text, m)]
    after = [m for m in after if not _participle(text, m)]

    for candidates in (
        [m for m in reversed(before) if strong(m)],
        list(reversed(before)),
        [m for m in after if strong(m)],
        after,
    ):
        if candidates:
            return "past" if candidates[0].lastgroup in ("past", "weak_past") else "future"
    return None


# --- hints for the keyer: the event a date is the date of ---------------------------------------------


@dataclass(frozen=True, slots=True)
class _EventPatterns:
    nouns: re.Pattern[str]
    singular: dict[str, str]
    start_cues: re.Pattern[str] | None
    end_cues: re.Pattern[str] | None


_EVENT_DAYS = re.compile(
    r"\b(?P<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)(?:-|\s+)day(?:-long)?\b(?!s)|"
    r"\b(?P<count_of>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days\s+of\b"
)
_PHASE_REACH = 40
"""How many characters may separate a phase cue from its event noun ("ended their three-day summit")."""


@lru_cache(maxsize=8)
def _event_patterns(
    nouns: tuple[str, ...], start_cues: tuple[str, ...], end_cues: tuple[str, ...]
) -> _EventPatterns:
    lowered = {n.lower() for n in nouns}
    singular = {n: n[:-1] for n in lowered if n.endswith("s") and n[:-1] in lowered}

    def compile_words(words: tuple[str, ...]) -> re.Pattern[str] | None:
        if not words:
            return None
        factored = trie_alternation(w.lower() for w in words).replace(r"\ ", r"\s+")
        return re.compile(rf"\b{factored}\b")

    noun_pattern = compile_words(tuple(lowered)) or re.compile(r"(?!)")
    return _EventPatterns(noun_pattern, singular, compile_words(start_cues), compile_words(end_cues))


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, b_start - a_end, a_start - b_end)


def _event_hints(
    text: str, sentence: tuple[int, int], start: int, end: int, patterns: _EventPatterns
) -> dict[str, str]:
    """The nearest event noun in the sentence, its phase cue ("start", "end") and length in days."""
    hints: dict[str, str] = {}
    nouns = [m for m in patterns.nouns.finditer(text, *sentence) if m.end() <= start or m.start() >= end]
    if nouns:
        nearest = min(nouns, key=lambda m: _distance(start, end, m.start(), m.end()))
        noun = re.sub(r"\s+", " ", nearest.group().lower())
        hints["event"] = patterns.singular.get(noun, noun)
        phases: list[tuple[int, str]] = []
        for phase, cues in (("start", patterns.start_cues), ("end", patterns.end_cues)):
            if cues is None:
                continue
            for cue in cues.finditer(text, *sentence):
                gap = _distance(cue.start(), cue.end(), nearest.start(), nearest.end())
                if gap <= _PHASE_REACH and not (cue.start() < end and start < cue.end()):
                    phases.append((gap, phase))
        if phases:
            hints["phase"] = min(phases)[1]
    days = _EVENT_DAYS.search(text, *sentence)
    if days:
        count = (days["count"] or days["count_of"]).lower()
        hints["days"] = count if count.isdigit() else str(NUMBER_WORDS[count])
    return hints


# --- the extractor --------------------------------------------------------------------------------


def _needs_tense(m: _Mention) -> bool:
    if m.anchor is not None:
        return _needs_tense(m.anchor)
    if m.relation == "weekday":
        return m.offset == 9
    if m.relation in ("in", "dom", "nth_weekday_nearby") or (m.relation == "unit" and m.offset == 9):
        return True
    if m.relation == "holiday":
        return m.year is None and m.offset == 0
    return (
        m.relation == "calendar" and m.year is None and m.granularity in ("day", "month", "quarter", "season")
    )


def _states_a_year(m: _Mention) -> bool:
    """A single year written out ("In 2016,", "on 3 March 2016"): the year of the sentence's story."""
    return (
        m.relation == "calendar"
        and m.year is not None
        and m.until is None
        and m.open_side is None
        and m.anchor is None
        and m.granularity in ("day", "month", "quarter", "season", "year")
        and not m.named
    )


def _in_stated_year(text: str, sentence: tuple[int, int], m: _Mention, stated: _Mention) -> _Mention:
    """A day, month or quarter without a year after a stated year in the same past-tense clause is
    of that year ("In 2016, sales rose in March" is March 2016, not the March before publication).

    Not where the year sits in an aside ("The law, passed in 2010, takes effect on January 1"), in
    another clause ("Revenue in 2023 was $5 billion; in the first quarter it rose"), or for a day
    that comes back every year ("observed on 19 June every year").
    """
    if (
        m.relation != "calendar"
        or m.year is not None
        or m.granularity not in ("day", "month", "quarter")
        or m.until is not None
        or m.anchor is not None
        or m.named
        or ";" in text[stated.end : m.start]
        or _in_an_aside(text, sentence[0], stated.start, m.start)
        or _RECURRING_AFTER.match(text, m.end)
        or sentence_tense(text, sentence, m.start, m.end) != "past"
    ):
        return m
    return replace(m, year=stated.year)


_DATED_NOUN_GAP = re.compile(r"\s+(?:[a-z]+\s+){1,3}(?:in|of)\s+")


def _dated_by_the_year_after(text: str, m: _Mention, following: _Mention) -> _Mention:
    """'that January day in 2011', 'the February meeting in 2012': a month or day without a year,
    before the lowercase words it dates and the year that places them, is of that year.
    """
    if (
        m.relation != "calendar"
        or m.year is not None
        or m.granularity not in ("day", "month")
        or m.until is not None
        or m.anchor is not None
        or m.named
        or not _states_a_year(following)
        or following.granularity != "year"
        or not _DATED_NOUN_GAP.fullmatch(text, m.end, following.start)
    ):
        return m
    return replace(m, year=following.year)


def _in_an_aside(text: str, sentence_start: int, start: int, before: int) -> bool:
    """Whether the words at ``start`` are between two commas and the second comes before ``before``
    (", founded in 1998,").
    """
    return text.rfind(",", sentence_start, start) >= 0 and text.find(",", start, before) >= 0


_RECURRING_AFTER = re.compile(r"[\s,]*(?:every|each)\s+year\b|[\s,]*(?:annually|yearly)\b", re.IGNORECASE)
"""A day that comes back every year ("observed on 19 June every year") is not of the year stated."""


def _open_interval(found: _Interval, side: str | None) -> _Interval:
    """Turn 'X' into 'after X', 'before X', 'since X' or 'until X' (one side null)."""
    if side is None or found.start is None or found.end is None:
        return found
    one_day = dt.timedelta(days=1)
    if side == "after":
        return replace(found, start=found.end + one_day, end=None)
    if side == "before":
        return replace(found, start=None, end=found.start - one_day)
    if side == "since":
        return replace(found, end=None)
    return replace(found, start=None)


def _date_value(
    text: str, mention: _Mention, pub: dt.date | None, sentence: tuple[int, int]
) -> tuple[DateValue, _Interval] | None:
    tense = sentence_tense(text, sentence, mention.start, mention.end) if _needs_tense(mention) else None
    found = _resolve(_year_of_future_range(mention, pub, tense), pub, tense)
    if found is None:
        return None
    granularity = mention.granularity
    if mention.relation in ("shift", "span") or (
        mention.relation == "in" and found.start is not None and found.start == found.end
    ):
        granularity = "day"  # "in 2 weeks", "3 weeks from tomorrow": days, whatever unit counted to them
    if mention.until is not None:
        last = _resolve(mention.until, pub, tense)
        until = mention.until
        bare_weekday = until.relation == "weekday" and until.offset == 9 and until.anchor is None
        if bare_weekday and until.weekday is not None and found.start:
            day = found.start + dt.timedelta(days=(until.weekday - found.start.weekday()) % 7)
            last = _single_day(day)  # "from next Monday to Friday": the first Friday from that Monday on
        if (
            last is not None
            and last.start is not None
            and found.start is not None
            and (last.start < found.start or mention.year is None)
            and mention.until.relation == "calendar"
            and mention.until.year is None
        ):  # "from May to September", "from 10/25 to 01/25", "2/29-3/1": the second end is the next one
            for year in (found.start.year, found.start.year + 1):
                later = _resolve(replace(mention.until, year=year), pub, tense)
                if later is not None and later.start is not None and later.start >= found.start:
                    last = replace(later, relative=True)
                    break
        if last is None or last.end is None or found.start is None or last.end < found.start:
            return None
        order = _GRANULARITY_ORDER
        granularity = min(granularity, mention.until.granularity, key=order.index)
        first_day = _range_point(text, mention, found.start, "start")
        last_day = _range_point(text, mention.until, last.end, "end")
        if first_day is not None or last_day is not None:
            granularity = "day"  # "from the end of March to mid-September": the ends are days
        found = _Interval(
            first_day or found.start, last_day or last.end, None, found.relative or last.relative
        )
        if found.start is not None and found.end is not None and found.end < found.start:
            return None
    found = _open_interval(found, mention.open_side)
    value = DateValue(
        start=found.start.isoformat() if found.start else None,
        end=found.end.isoformat() if found.end else None,
        granularity=granularity,
        timex=found.timex,
        relative=found.relative,
        stated_weekday=mention.stated_weekday if mention.relation != "weekday" else None,
    )
    return value, found


_POINT_PART = re.compile(
    r"(?:(?:from|between)\s+)?(?:(?:the\s+)?(?P<part>end|middle|beginning|start)\s+of\s|(?P<mid>mid)\b)"
)
"""A part of a period that names a point in it: "the end of March", "the middle of 2007", "mid-May"."""


def _range_point(
    text: str, end: _Mention, day: dt.date | None, side: Literal["start", "end"]
) -> dt.date | None:
    """The day a range's end names when it is a point of a month or year ("from the end of March" starts
    on March's last day, "to the middle of September" ends on its middle day), else None (the period
    itself). The end of March is in March: starting the day after would drop it ("closed from the end
    of March to the start of April" would be April 1 alone).
    """
    found = _POINT_PART.match(text, end.start)
    if found is None or end.modifier is None or day is None or end.granularity not in ("month", "year"):
        return None
    first = day.replace(day=1) if end.granularity == "month" else day.replace(month=1, day=1)
    last = _month_end(day.year, day.month if end.granularity == "month" else 12)
    part = "middle" if found["mid"] else found["part"]
    if part == "middle":
        return first + dt.timedelta(days=((last - first).days + 1) // 2)
    if part == "end":
        return last if side == "start" else None
    return first if side == "end" else None


def _year_of_future_range(mention: _Mention, pub: dt.date | None, tense: Tense) -> _Mention:
    """'will happen between August and October' in September: the range still running, not next year's."""
    last = mention.until
    if (
        tense != "future"
        or pub is None
        or last is None
        or mention.relation != "calendar"
        or last.relation != "calendar"
        or mention.year is not None
        or last.year is not None
        or mention.month is None
    ):
        return mention
    end = _resolve(last, pub, tense)
    if end is None or end.start is None:
        return mention
    year = end.start.year
    if (mention.month, mention.day or 1) > (last.month or 1, last.day or 1):
        year -= 1
    return replace(mention, year=year)


def _span_event(value: DateValue, found: _Interval, hints: dict[str, str]) -> DateValue:
    """A single day named as the start or end of an n-day event stands for the whole event."""
    days = int(hints.get("days", "1"))
    phase = hints.get("phase")
    if days < 2 or phase is None or found.start is None or found.start != found.end:
        return value
    length = dt.timedelta(days=days - 1)
    if phase == "start":
        return value.model_copy(update={"end": (found.start + length).isoformat()})
    return value.model_copy(update={"start": (found.start - length).isoformat()})


class DateExtractor:
    """Finds date claims: absolute, relative to publication, ranges and open-ended intervals."""

    kind: Literal["date"] = "date"

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        document = ctx.document
        text = document.text
        lowered = _lowercase(text)
        lexicon = ctx.rules.lexicon
        patterns = _event_patterns(
            tuple(lexicon.event_nouns), tuple(lexicon.event_start_cues), tuple(lexicon.event_end_cues)
        )
        claims: list[Extracted] = []
        holidays = ctx.rules.compiled(rule_book_holidays)
        stated: tuple[tuple[int, int], _Mention] | None = None  # a sentence and the year it stated
        mentions = find_mentions(text, lowered, ctx.numeric_date_order, holidays)
        for index, mention in enumerate(mentions):
            sentence = document.sentence_span(mention.start)
            if index + 1 < len(mentions):
                mention = _dated_by_the_year_after(text, mention, mentions[index + 1])
            mention = _with_windowed_years(mention, ctx.published)
            if stated is not None and stated[0] == sentence:
                mention = _in_stated_year(lowered, sentence, mention, stated[1])
            if _states_a_year(mention):
                stated = (sentence, mention)
            try:
                resolved = _date_value(lowered, mention, ctx.published, sentence)
            except (ValueError, OverflowError):
                continue  # past the calendar's ends (year 1, year 9999): "next year" of 9999 is no date
            if resolved is None:
                continue
            value, found = resolved
            hints = _event_hints(lowered, sentence, mention.start, mention.end, patterns)
            value = _span_event(value, found, hints)
            claims.append(Extracted("date", mention.start, mention.end, value, hints))
        return claims


def parse_absolute_date(
    text: str, order: DateOrder = DEFAULT_DATE_ORDER, /, holidays: HolidayTable | None = None
) -> dt.date | None:
    """A complete calendar date written out in ``text`` ("June 7, 2019", "12 Mar. 2019"), else None;
    all-figures dates read in ``order``, the document's (see ``documents.DateParser``).  ``holidays``
    are the rule book's (default: the bundled rules/): a holiday is never a complete date, but its
    words are not read as another one.
    """
    for mention in find_mentions(text, order=order, holidays=holidays):
        if (
            mention.relation == "calendar"
            and mention.granularity == "day"
            and mention.year is not None
            and mention.until is None
            and mention.open_side is None
        ):
            found = _calendar_interval(mention, None, None)
            if found is not None and found.start is not None:
                return found.start
    return None
