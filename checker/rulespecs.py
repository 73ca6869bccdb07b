"""Typed shapes of the files in rules/; the data itself never lives in code.

Each spec forbids unknown fields, so a misspelt key is a load-time error with its line rather
than a silently ignored setting.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from checker.models import ClaimKind, Severity


class Spec(BaseModel):
    """Base of rule-file specs: frozen, unknown fields rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*")
    @classmethod
    def _no_empty_entries(cls, value: Any) -> Any:
        """An empty word or name in a list would be found everywhere (an empty entity alias matched
        at every position of every document, and the run never ended).
        """
        if isinstance(value, list) and any(isinstance(item, str) and not item.strip() for item in value):
            raise ValueError("an entry must not be empty")
        return value


def _check_regex(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
    return patterns


def folded_holiday_name(name: str) -> str:
    """A holiday name as text may write it: apostrophes and dots are optional (see ``holiday_pattern``);
    the key that rules/holidays.yml spellings must not share and that ``HolidayTable.find`` looks up.
    """
    return name.replace("'", "").replace(".", "")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("a name must not be empty")
    return value


NonBlank = Annotated[str, AfterValidator(_not_blank)]
"""An id or name: an empty one would be found everywhere in a document."""


def _lower_case_single_spaced(value: list[str], what: str) -> list[str]:
    """Names matched in any case with any white space between words are written in lower case, with
    single spaces (blank entries are refused for every list, by ``Spec``).
    """
    for item in value:
        if item != item.lower() or item != " ".join(item.split()):
            raise ValueError(f"{what} {item!r} must be lower case, with single spaces")
    return value


# --- entities.yml -------------------------------------------------------------------------------


class GroupSize(Spec):
    """How many members a group had from a date on (a time-scoped fact)."""

    since: dt.date
    value: int


class EntitySpec(Spec):
    """A person, organisation, place or group with the names it goes by."""

    id: NonBlank
    name: NonBlank
    type: Literal["person", "organisation", "place", "group"]
    aliases: list[str] = Field(default_factory=list)
    gender: Literal["male", "female"] | None = None
    part_of: str | None = None
    """For a group: the organisation it belongs to (member states of an alliance)."""
    generic_aliases: list[str] = Field(default_factory=list)
    """Common nouns ("members", "allies") that mean this group only where ``part_of`` is named."""
    size: list[GroupSize] = Field(default_factory=list)


class TitleHolder(Spec):
    """Who held a title, and from when until when."""

    entity: str
    since: dt.date | None = None
    until: dt.date | None = None


class TitleSpec(Spec):
    """A role whose holder depends on the date ("the party leader" in 2024 vs 2025)."""

    id: NonBlank
    names: list[str]
    holders: list[TitleHolder]


class EntitiesSpec(Spec):
    """rules/entities.yml."""

    entities: list[EntitySpec] = Field(default_factory=list)
    titles: list[TitleSpec] = Field(default_factory=list)


# --- currencies.yml -----------------------------------------------------------------------------


class CurrencySpec(Spec):
    """An ISO 4217 currency and the symbols and names that denote it in text."""

    code: str
    symbols: list[str] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)
    minor_names: list[str] = Field(default_factory=list)
    """Names of the hundredth unit (cent, penny): amounts in them are divided by 100."""
    subunits: dict[str, float] = Field(default_factory=dict)
    """Names of other parts of the unit and what one is worth in it ("dime": 0.1, "satoshi": 1e-8)."""
    measure_names: list[str] = Field(default_factory=list)
    """Names that are also units of measure ("pound"): right after a number and before a noun
    ("a twenty pound bag") they are the measure, not money."""
    name: str = ""
    """The currency's English name, for messages."""
    code_is_word: bool = False
    """True when the code is also a common name (PHP the language, ESP32 and CRC32 chips and checks):
    the code alone then makes a sum only of a figure written as money (a scale, thousands, cents)."""


class RateSpec(Spec):
    """A dated reference rate: one ``base`` buys ``rate`` of ``quote``."""

    base: str
    quote: str
    date: dt.date
    rate: float = Field(gt=0)
    source: str = ""


class RateTableSpec(Spec):
    """A CSV file of dated rates beside currencies.yml: a ``date`` column, then one column per
    quote currency, each cell the units of that currency one ``base`` buys on that date.
    """

    file: str
    base: str
    source: str = Field(min_length=1)


class CurrenciesSpec(Spec):
    """rules/currencies.yml: the currencies amounts can be in, and dated rates between them."""

    currencies: list[CurrencySpec] = Field(default_factory=list)
    rates: list[RateSpec] = Field(default_factory=list)
    rate_tables: list[RateTableSpec] = Field(default_factory=list)
    default_dollar: str = "USD"
    """What a bare "$" or "dollars" means when the text names no country."""
    dollar_symbols: list[str] = Field(default_factory=lambda: ["$"])
    """Symbols that mean ``default_dollar`` ("$"); country-marked ones ("C$") belong to a currency."""
    dollar_names: list[str] = Field(default_factory=lambda: ["dollar", "dollars"])
    """Names that mean ``default_dollar`` when no country word comes before them."""
    dollar_minor_names: list[str] = Field(default_factory=lambda: ["cent", "cents"])
    """Hundredth-unit names that mean a hundredth of ``default_dollar`` ("20 cents")."""
    symbol_scales: dict[str, float] = Field(default_factory=dict)
    """Scale abbreviations read only right after a currency symbol ("£3m"), where they are unambiguous."""
    code_scales: dict[str, float] = Field(default_factory=dict)
    """Letters glued before an ISO code that scale the sum ("30 MUSD" is 30 million dollars)."""
    weight_cues: list[str] = Field(default_factory=list)
    """Words shortly before a figure that make a measure name a weight ("weighs 200 pounds")."""


# --- units.yml ----------------------------------------------------------------------------------


class UnitSpec(Spec):
    """A counted noun and its surface forms; ``group`` ties it to an entity group for shares."""

    unit: str
    forms: list[str]
    group: str | None = None
    countable: bool = True
    """False for a measure that is never counted ("GDP"), listed so percentages name it one way."""
    alone: bool = False
    """An adjective that counts people only where no noun follows it: "left 72 dead", "4,521 injured
    and 441 missing"; in "3 dead batteries" the batteries are counted."""


class UnitsSpec(Spec):
    """rules/units.yml: the nouns counts count, and the nouns that make a number something else."""

    units: list[UnitSpec] = Field(default_factory=list)
    not_counted: list[str] = Field(default_factory=list)
    """Nouns after a number that make it something other than a count (years, percent, times)."""
    any_plural_noun: bool = True
    """Also count unlisted plural nouns, keyed by their own lemma."""
    lead_words: list[str] = Field(default_factory=list)
    """Capitalised words that may stand right before a count's figure ("Another 500 people"); any
    other capitalised word there makes the figure part of a name ("Boeing 737", "Route 66")."""


# --- lexicon.yml --------------------------------------------------------------------------------


class LexiconSpec(Spec):
    """Cue words of the language that the extractors and keyer look for."""

    model_config = ConfigDict(extra="allow", frozen=True)

    quote_cues: list[str] = Field(default_factory=list)
    role_words: list[str] = Field(default_factory=list)
    """Titles, ranks and honorifics written before a name ("minister", "dr"): not part of the name."""
    event_nouns: list[str] = Field(default_factory=list)
    event_start_cues: list[str] = Field(default_factory=list)
    event_end_cues: list[str] = Field(default_factory=list)
    origin_cues: list[str] = Field(default_factory=list)
    stopwords: list[str] = Field(default_factory=list)
    event_synonyms: dict[str, str] = Field(default_factory=dict)
    """Event words that name the same kind of event ("met" and "meetings" are a "meeting")."""
    event_participants: dict[str, list[str]] = Field(default_factory=dict)
    """Who an event is of ("finance ministers"): the id keys the event, the phrases find it."""
    percent_idioms: list[str] = Field(default_factory=list)
    """Words after "100 percent" that make it a manner of speaking ("100 percent sure"), not a figure."""
    amount_purposes: list[str] = Field(default_factory=list)
    """Nouns that say what a sum of money is for ("aid", "budget", "contracts")."""
    quote_negations: list[str] = Field(default_factory=list)
    """Words that negate ("not", "never", "won't"): adding or dropping one in a quote is a misquote."""
    quote_antonyms: list[tuple[str, str]] = Field(default_factory=list)
    """Pairs of opposites ("stronger", "weaker"): swapping one for the other in a quote is a misquote."""
    quote_number_words: dict[str, float] = Field(default_factory=dict)
    """Spelled-out numbers and their values, so "two" and "2" in a quote are the same number."""


# --- holidays.yml -------------------------------------------------------------------------------

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class MonthDay(Spec):
    """A day of the Gregorian calendar without a year (no 29 February: it is not there every year)."""

    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)

    @model_validator(mode="after")
    def _real_day(self) -> MonthDay:
        try:
            dt.date(2001, self.month, self.day)
        except ValueError as exc:
            raise ValueError(f"no day {self.day} in month {self.month} every year") from exc
        return self


class NthWeekday(Spec):
    """The n-th such weekday of a month; ``n = -1`` is the last one."""

    month: int = Field(ge=1, le=12)
    weekday: Weekday
    n: Literal[1, 2, 3, 4, -1]


class FromHoliday(Spec):
    """Days after another holiday of the file, named by any of its names (negative: before)."""

    name: str
    days: int


class HijriDay(Spec):
    """A day of the tabular Islamic calendar."""

    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=30)


class HolidaySpec(Spec):
    """A named day whose date follows from the year, with the spellings that name it."""

    names: list[str] = Field(min_length=1)
    date: MonthDay | None = None
    nth_weekday: NthWeekday | None = None
    from_easter: int | None = None
    """Days after Western Easter Sunday (the Gregorian computus, in code)."""
    from_holiday: FromHoliday | None = None
    hijri: HijriDay | None = None
    hijri_month: int | None = Field(None, ge=1, le=12)
    """A Hijri month observed as a whole (Ramadan): its first day to its last."""
    counted_only: bool = False
    """Words that are otherwise a period ("the new year"): the day only as what a length counts from."""
    needs_capital: bool = False
    """Only a capitalized first letter makes the words the holiday ("may day": "may" the verb)."""
    also_a_name: bool = False
    """Also a personal name ("Tariq Ramadan"): the holiday only with a calendar word beside it ("during
    Ramadan", a year, ``name_cues``), never inside a capitalized name or after a title."""

    @field_validator("names")
    @classmethod
    def _lower_case(cls, value: list[str]) -> list[str]:
        return _lower_case_single_spaced(value, "name")

    @model_validator(mode="after")
    def _one_rule(self) -> HolidaySpec:
        rules = ("date", "nth_weekday", "from_easter", "from_holiday", "hijri", "hijri_month")
        given = [rule for rule in rules if getattr(self, rule) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of {', '.join(rules)} (given: {', '.join(given) or 'none'})")
        return self


class _WordLists(Spec):
    """Lists of words beside days and holidays: each entry one word in lower case, as they are matched."""

    @field_validator("*")
    @classmethod
    def _one_lower_case_word(cls, value: list[str]) -> list[str]:
        for word in value:
            if word != word.lower() or word.split() != [word]:  # one word, no space around it
                raise ValueError(f"word {word!r} must be one word in lower case")
        return value


class WordsBesideAName(_WordLists):
    """Words written right before or after a holiday that is also a personal name."""

    before: list[str] = Field(default_factory=list)
    """Written right before it ("Holy Ramadan", "holy Ramadan")."""
    after: list[str] = Field(default_factory=list)
    """Written right after it ("Ramadan Kareem", "Ramadan begins")."""


class NamesAfterDays(_WordLists):
    """Words beside a day's name that make it part of a name or of a thing named after a day, not a
    date of the document's year ("Christmas Island", "Black Monday", "the Sunday Times", "the Sept. 11
    attacks").
    """

    holiday_after: list[str] = Field(default_factory=list)
    """Written right after a holiday, in any case ("the Easter Rising", "a Christmas tree")."""
    weekday_before: list[str] = Field(default_factory=list)
    """Capitalized, right before a weekday ("Black Monday", "Super Tuesday")."""
    weekday_after: list[str] = Field(default_factory=list)
    """Capitalized, right after a weekday or after its capitalized "Night", "Morning" or "Evening"
    ("the Sunday Times", "Monday Night Football")."""
    month_day_after: list[str] = Field(default_factory=list)
    """Right after a month and day without a year, in any case: events named after a day of an earlier
    year ("the Jan. 6 committee", "the September 11 attacks")."""


MonthName = Literal["january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december"]  # fmt: skip


class HolidaysSpec(Spec):
    """rules/holidays.yml: named days, and day-like figures that are never a date."""

    holidays: list[HolidaySpec] = Field(default_factory=list)
    not_dates: list[str] = Field(default_factory=list)
    """Figures written like a day and month that name an event or are an idiom ("24/7", "9/11")."""
    name_words_not_names: WordsBesideAName = Field(default_factory=WordsBesideAName)
    """Words next to a holiday that is also a name ("Ramadan Kareem") that do not make it a name."""
    name_cues: WordsBesideAName = Field(default_factory=WordsBesideAName)
    """Words next to a holiday that is also a name ("Ramadan begins") that make it the holiday."""
    names_after_days: NamesAfterDays = Field(default_factory=NamesAfterDays)
    """Words next to a day's name that make it part of a name ("Christmas Island", "Black Monday")."""
    game_words: list[str] = Field(default_factory=list)
    """Words or phrases that make a quarter or week written without a year, in the same sentence, a
    period of a game or a season's schedule ("outscored Boston in the fourth quarter")."""
    months_alone: list[MonthName] = Field(default_factory=list)
    """Months whose names are a month even with no preposition before them ("February was the worst
    month"): not also a common word or given name, as "May", "March", "April" and "June" are."""

    @field_validator("game_words")
    @classmethod
    def _lower_case_phrases(cls, value: list[str]) -> list[str]:
        return _lower_case_single_spaced(value, "phrase")


# --- properties.yml -----------------------------------------------------------------------------


class PropertyWhen(Spec):
    """Conditions on a claim's context; all given conditions must hold."""

    sentence_matches: list[str] = Field(default_factory=list)
    """Any of these regular expressions (case-insensitive) must match the claim's sentence."""
    units: list[str] = Field(default_factory=list)
    of: list[str] = Field(default_factory=list)
    """For percentages: what it is a percentage of (case-insensitive substring)."""

    @field_validator("sentence_matches")
    @classmethod
    def _regexes(cls, value: list[str]) -> list[str]:
        return _check_regex(value)


class PropertySpec(Spec):
    """A named property claims can be about, so wording differences across sources still meet."""

    id: str
    kinds: list[ClaimKind]
    subject: str
    """The subject of the key; ``{unit}``, ``{of}`` and ``{entity}`` are filled from the claim."""
    when: PropertyWhen
    description: str = ""


class PropertiesSpec(Spec):
    """rules/properties.yml."""

    properties: list[PropertySpec] = Field(default_factory=list)


# --- boilerplate.yml ----------------------------------------------------------------------------


class BoilerplateSpec(Spec):
    """Page furniture that yields no claims: navigation, bylines, footers, sign-up boxes."""

    drop_lines: list[str] = Field(default_factory=list)
    footer_starts: list[str] = Field(default_factory=list)
    """A line matching one of these starts the footer: it and everything after yield no claims."""
    published_patterns: list[str] = Field(default_factory=list)
    """Regexes with a ``date`` group that state when the page was published."""
    max_line_length: int = Field(300, ge=1)
    """Page furniture is short: longer lines (paragraphs of prose) are not tested at all."""

    @field_validator("drop_lines", "footer_starts", "published_patterns")
    @classmethod
    def _regexes(cls, value: list[str]) -> list[str]:
        return _check_regex(value)

    @field_validator("published_patterns")
    @classmethod
    def _date_groups(cls, value: list[str]) -> list[str]:
        for pattern in value:
            if "date" not in re.compile(pattern).groupindex:
                raise ValueError(f"'{pattern}' needs a (?P<date>...) group: the date it states")
        return value


# --- compare/*.yml ------------------------------------------------------------------------------


class RuleExample(Spec):
    """A case that documents the rule and is run as its test."""

    sources: list[str] = Field(min_length=1)
    expect: Literal["agreement", "conflict", "none"]
    published: dt.date | None = None
    note: str = ""


class CompareRuleSpec(BaseModel):
    """A comparison policy: which comparator applies to which claims, with what parameters.

    Parameters beyond the common fields belong to the comparator named by ``extends`` and are
    validated by that comparator's own model when the rule book loads.
    """

    model_config = ConfigDict(extra="allow", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$")
    extends: str
    kinds: list[ClaimKind] = Field(min_length=1)
    properties: list[str] = Field(default_factory=list)
    """Restrict the rule to keys of these property ids; empty means every key of its kinds."""
    severity: Severity = "error"
    message: str
    """Shown for a conflict; fields: {key}, {values}, {sources}, {detail}, {rule}, {kind}."""
    agreement_message: str = "{key}: the sources agree: {values}"
    """Shown for an agreement; same fields as ``message``."""
    description: str = Field(min_length=1)
    examples: list[RuleExample] = Field(default_factory=list)
    priority: int = 0
    """Among rules that fit a key, the highest priority decides."""

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.model_extra or {})
