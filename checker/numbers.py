"""The shared number grammar: figures, scale words, spelled-out numbers, fractions and qualifiers.

Amount, count and percent extractors all read numbers the same way, so the grammar lives here once:
regex fragments they compose into their own whole-document patterns, and parse functions that
turn a matched fragment into a value.  This is grammar of English, not knowledge of the world;
currencies and counted nouns live in rules/.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from checker.models import Qualifier

# --- words --------------------------------------------------------------------------------------

ONES: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
UNITS: dict[str, int] = {word: value for word, value in ONES.items() if 1 <= value <= 9}
"""One to nine, the words that go after a tens word ("twenty-one")."""
SCALES: dict[str, float] = {
    "dozen": 12, "dozens": 12, "doz": 12, "dozs": 12, "dz": 12, "dzs": 12, "hundred": 100,
    "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
"""Scale words; "dozens" multiplies only after a figure ("3 dozens"), never on its own ("dozens of")."""
_SMALL_SCALES = ("dozen", "dozens", "doz", "dozs", "dz", "dzs", "hundred")
ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "B": 1e9,
    "bn": 1e9, "bln": 1e9, "G": 1e9, "T": 1e12, "tn": 1e12, "trn": 1e12, "tln": 1e12,
}  # fmt: skip
"""Scale abbreviations glued to figures ("$1.5bn", "100M"); case matters ("1m" is a metre)."""

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 10**6, "billionth": 10**9, "trillionth": 10**12,
}  # fmt: skip
"""Ordinal words as denominators of fractions ("two fifths", "a twenty-first", "a millionth")."""
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "quarter": 4, "quarters": 4,
    **ORDINALS, **{word + "s": value for word, value in ORDINALS.items()},
}  # fmt: skip
_COMPOUND_ONLY = ("first", "firsts", "second", "seconds")
"""Denominators only after a tens word ("three twenty-firsts"): "two seconds" is a duration."""

QUALIFIERS: dict[str, Qualifier] = {
    "more than": "more_than", "over": "more_than", "above": "more_than", "in excess of": "more_than",
    "upwards of": "more_than", "greater than": "more_than", "just over": "more_than",
    "well over": "more_than", "exceeding": "more_than", "north of": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "nearly": "about", "almost": "about", "some": "about", "close to": "about",
    "an estimated": "about", "estimated": "about", "approx.": "about", "circa": "about",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
    "as many as": "at_most", "as much as": "at_most", "a maximum of": "at_most",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
    "just under": "less_than", "just below": "less_than",
    "between": "between", "from": "between",
}  # fmt: skip
"""Words before a figure and how they bound it; "from" only counts with a range ("from 5 to 7")."""

NEGATIVE_WORDS = ("minus", "negative")
VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"


def trie_pattern(phrases: Iterable[str]) -> str:
    """One regex for many literal phrases, factored as a trie so the engine tries few branches.

    Python's ``re`` tries every branch of an alternation at every position, and case-insensitive
    matching is slower still; a case-sensitive trie is several times faster on long documents.
    A space in a phrase matches any run of whitespace.
    """
    trie: dict[str, dict[str, object]] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})  # type: ignore[assignment]
        node[""] = {}

    def build(node: dict[str, dict[str, object]]) -> str:
        branches = []
        optional = False
        for char, child in sorted(node.items()):
            if char == "":
                optional = True
                continue
            head = r"\s+" if char == " " else re.escape(char)
            branches.append(head + build(child))  # type: ignore[arg-type]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie) or "(?!x)x"


def case_variants(phrases: Iterable[str]) -> set[str]:
    """Each phrase as written, in lower case, capitalised and in capitals ("more than", "More than")."""
    variants: set[str] = set()
    for phrase in phrases:
        variants.update({phrase, phrase.lower(), phrase.upper(), phrase[:1].upper() + phrase[1:].lower()})
    return variants


def _words(phrases: Iterable[str]) -> str:
    """Phrases as written, in lower case, capitalised and in capitals, as one case-sensitive trie.

    For fragments a search tries at every position (where a number may start): there a
    case-sensitive trie rejects a position fastest.
    """
    return trie_pattern(case_variants(phrases))


def _any_case(phrases: Iterable[str]) -> str:
    """Phrases in any case, as one case-insensitive trie a third the size of ``_words``.

    For fragments reached only after a number has begun ("million" after "two"): the engine
    rarely gets there, so their size matters more than their speed, since compiling the number
    patterns, which repeat them, was most of crosscheck's start-up.
    """
    return f"(?i:{trie_pattern({p.lower() for p in phrases})})"


_ONE = _words(ONES)
_ONE_TO_NINE = _words(UNITS)
_TEN = _words(TENS)
_ONE_ANY = _any_case(ONES)
_ONE_TO_NINE_ANY = _any_case(UNITS)
_TEN_ANY = _any_case(TENS)
_SCALE = _any_case(SCALES)
_BIG_SCALE = _any_case([w for w in SCALES if w not in _SMALL_SCALES])
_DENOM = _any_case([w for w in DENOMINATORS if w not in _COMPOUND_ONLY])
_DENOM_SINGULAR = _any_case([w for w in DENOMINATORS if not w.endswith("s") and w not in _COMPOUND_ONLY])
_ORDINAL_ONES = _any_case(
    [w for w, v in DENOMINATORS.items() if v < 10 and not w.startswith(("half", "quarter"))]
)
_A = r"\b(?:[Aa]n?|AN?)"
_AND = r"(?:and|And|AND|&)"
_NEGATIVE = rf"(?:\b{_words(NEGATIVE_WORDS)}\s+)"

_CARDINAL_WORD = rf"\b(?:{_TEN}(?:\s*-\s*|\s+){_ONE_TO_NINE}|{_TEN}|{_ONE})\b"
"""A cardinal where a number may begin (case-sensitive, see ``_words``)."""
_CARDINAL_WORD_ANY = rf"\b(?:{_TEN_ANY}(?:\s*-\s*|\s+){_ONE_TO_NINE_ANY}|{_TEN_ANY}|{_ONE_ANY})\b"
"""A cardinal inside a number already begun (compact, see ``_any_case``)."""
_AFTER_SCALE = "|".join(f"(?<=(?i:{w}))" for w in sorted({w.lower() for w in SCALES}))
_WORD_JOIN = rf"(?:\s*-\s*|\s+|(?:{_AFTER_SCALE})(?:\s+{_AND}\s+|,\s+))"
_WORD_ATOM = rf"(?:{_CARDINAL_WORD_ANY}|\b{_SCALE}\b)"
_WORD_CORE = rf"(?:{_A}\s+{_SCALE}\b|{_CARDINAL_WORD})(?:{_WORD_JOIN}{_WORD_ATOM})*"
_WORD_CORE_ANY = rf"(?:{_A}\s+{_SCALE}\b|{_CARDINAL_WORD_ANY})(?:{_WORD_JOIN}{_WORD_ATOM})*"
_DENOM_TAIL = (
    rf"(?:[\s-]+(?:{_TEN_ANY}[\s-]+{_ORDINAL_ONES}|{_DENOM})"
    rf"|(?<=[Tt][Yy])[\s-]+{_any_case(_COMPOUND_ONLY)})(?![\w-])"
)
"""The denominator after a numerator: "fifths", "quarters", "twenty-firsts"."""
_SCALE_TAIL = rf"(?:\s+(?:(?:of\s+)?{_A}\s+)?(?:{_BIG_SCALE}|dozen)\b)"
"""A scale a fraction applies to: "half a million", "two thirds of a million", "half a dozen"."""
_PART = rf"(?:{_WORD_CORE_ANY}|{_A}){_DENOM_TAIL}"
_POINT = rf"\s+(?:point|POINT)(?:[\s-]+{_CARDINAL_WORD_ANY})+"
"""Spoken decimals: "five point five", "two hundred point zero three"."""
WORD_NUMBER = rf"{_WORD_CORE}(?:{_DENOM_TAIL}|\s+{_AND}\s+{_PART}|{_POINT})?{_SCALE_TAIL}?"
"""Spelled-out numbers: "twelve", "twenty-one", "one hundred and five", "a million", "one and a half",
"three fifths", "one billion and three quarters million", "two hundred point zero three"."""

FRACTION = (
    rf"(?:{_A}\s+(?:{_TEN_ANY}[\s-]+{_ORDINAL_ONES}(?![\w-])|half\b"
    rf"|{_DENOM_SINGULAR}(?=\s+(?:of|{_BIG_SCALE})\b|\s*(?:[.,;:!?)]|$)))"
    rf"|\b[Qq]uarter(?=\s+{_BIG_SCALE}\b)|\b(?:[Hh]alf|HALF)\b)"
)
"""Shares without a cardinal numerator: "a third of", "a twenty-first", "half", "quarter million".
("a third term" is an ordinal, so a lone "a third" needs "of", a scale or the end of a clause after it.)"""

_SIGN = r"(?<![\w.,)\]/%+\-−])[-−](?=\.?\d)"
_NOT_GLUED = r"(?<![\w.,/%])(?<![A-Za-z]-)"
_FIGURE = (
    r"(?:\d{1,2}(?:,\d\d)+,\d{3}"  # Indian grouping: 12,34,567
    r"|\d{1,3}(?:,\d{3})+"  # 1,234,567
    r"|\d{1,3}(?:\.\d{3})+,\d+"  # continental: 1.234,5
    r"|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+"  # thin or no-break spaces: 40 000
    r"|\d{1,3}(?: \d{3}){2,}"  # plain spaces, at least two groups: 1 234 567
    r"|\d+)(?:\.\d+)?"
    r"|\.\d+"
)
_EXPONENT = r"(?:[eE][+\-−]?\d+|\s?[x×]\s?10(?:\^[+\-−]?|[−-])\d+|\^[+\-−]*\d+)"
"""Scientific notation and powers: "1.3e6", "1.3x10^6", "2.48×10−5", "1.1^23"."""
DIGITS = rf"(?:{_SIGN}|{_NOT_GLUED})(?:{_FIGURE}){_EXPONENT}?(?!\d|[.,]\d|/\d)"
"""A figure with optional thousands separators, decimals and exponent, not part of a code or a date."""
DIGIT_FRACTION = (
    rf"(?:{_SIGN}|{_NOT_GLUED})(?:(?:\d{{1,2}}\s+)?\d+/\d+(?![\d/]|[.,]\d)"
    rf"|(?:\d+\s?)?[{VULGAR_FRACTIONS}])"
)
"""Fractions in figures: "3/4", "2 1/4", "¾" ("24/7" and "5/17/2018" are not: see parse_number)."""


def _abbreviation_pattern(abbreviations: Mapping[str, float]) -> str:
    return trie_pattern(list(abbreviations))


def number_pattern(extra_abbreviations: Mapping[str, float] | None = None, money: bool = False) -> str:
    """The regex fragment for one number.

    ``extra_abbreviations`` adds scales such as "m" after "£".  With ``money`` the figure sits beside
    a currency, which makes two readings safe that are not in running text: a figure touching a
    three-letter code ("USD115", "115USD"), and one plain space between thousands ("10 000 dollars";
    elsewhere "12 500" may be two numbers).
    """
    abbreviations = {**ABBREVIATIONS, **(extra_abbreviations or {})}
    digits = DIGITS
    end = r"(?![A-Za-z])"
    if money:
        digits = DIGITS.replace(_NOT_GLUED, rf"(?:(?<=[A-Z]{{3}})|{_NOT_GLUED})", 1)
        digits = digits.replace(r"(?: \d{3}){2,}", r"(?: \d{3})+", 1)
        end = r"(?:(?![A-Za-z])|(?=[A-Z]{3}(?![a-z])))"
    tail = rf"(?:\s+{_AND}\s+{_PART})?"
    scale_join = r"(?:\s*|-(?=[A-Za-z]))" if money else r"\s*"  # "$1.5-billion bond"
    scale = (
        rf"(?:{scale_join}\b{_SCALE}\b(?:{_WORD_JOIN}(?:{_WORD_ATOM}|\d{{1,3}}(?![\d.,]\d)))*"
        # glued to a word after a hyphen ("5m-high"), but not to a figure ("$1bn-$2bn")
        rf"|\s?{_abbreviation_pattern(abbreviations)}(?!\w|-[^\W\d_])|{end})"
    )
    return (
        rf"(?:{_NEGATIVE}?(?:{FRACTION}{_SCALE_TAIL}?"
        rf"|(?=[-−.\d{VULGAR_FRACTIONS}])(?:{DIGIT_FRACTION}|{digits}{tail}{scale}{tail})"
        rf"|{WORD_NUMBER}))"
    )


NUMBER = number_pattern()
QUALIFIER = rf"\b{_words(QUALIFIERS)}(?!\w)"
PERCENT_WORDS = [
    "percent",
    "per cent",
    "percents",
    "percentage",
    "percentages",
    "percentage point",
    "percentage points",
]
POINT_WORDS = ("percentage point", "percentage points")
"""Percent words of a difference between percentages: a figure in them never ranges with a level."""
PERCENT_SIGN = rf"(?:%|{_words([*PERCENT_WORDS, 'pct'])}\b)"
"""How text marks a figure as a percentage: "20%", "20 percent", "twenty per cent", "2 percentage points"."""
PERCENT_ANCHOR = re.compile(PERCENT_SIGN)
RANGE_JOIN = r"(?:\s*[-–—]\s*|\s+(?:to|and|or)\s+)"


def quantity_pattern(
    prefix: str = "",
    suffix: str = "",
    number: str = NUMBER,
    suffix_join: str = r"\s*",
    suffix_guard_after_prefix: str = "",
) -> str:
    """A qualified number or range with unit slots around each figure.

    Named groups: ``qual``, ``pre1``, ``num1``, ``suf1``, ``join``, ``pre2``, ``num2``, ``suf2``.
    ``prefix`` and ``suffix`` are the unit's surface forms ("$", "dollars", "%"); both optional here,
    the caller decides which combinations make a claim.  ``suffix_join`` is what may stand between a
    figure and its suffix; ``suffix_guard_after_prefix`` must hold after a suffix when a prefix was
    also matched ("$ 20 $ 30" is two sums, not one sum with the second "$" as its suffix).
    """
    pre = rf"(?:(?P<pre{{n}}>{prefix})\s?)?" if prefix else ""
    guard = rf"(?(pre{{n}}){suffix_guard_after_prefix})" if prefix and suffix_guard_after_prefix else ""
    suf = rf"(?:{suffix_join}(?P<suf{{n}}>{suffix}){guard})?" if suffix else ""
    return (
        rf"(?:(?P<qual>{QUALIFIER})\s+)?"
        rf"{pre.replace('{n}', '1')}(?P<num1>{number}){suf.replace('{n}', '1')}"
        rf"(?:(?P<join>{RANGE_JOIN}){pre.replace('{n}', '2')}(?P<num2>{number}){suf.replace('{n}', '2')})?"
    )


# --- parsing ------------------------------------------------------------------------------------

_NEGATIVE_PREFIX = re.compile(r"(?:[-−]\s*|(?:minus|negative)\s+)", re.IGNORECASE)
_FIGURE_RE = r"\.\d+|\d(?:[\d,.\u00a0\u2009\u202f ]*\d)?"
_POWER_FORM = re.compile(
    rf"(?P<figure>{_FIGURE_RE})(?:[eE](?P<exp>[+\-−]?\d+)|\s?[x×]\s?10(?:\^|(?=[−-]))(?P<ten>[+\-−]?\d+)"
    r"|\^(?P<power>[+\-−]*\d+))"
)
_FRACTION_FORM = re.compile(r"(?:(?P<whole>\d+)\s+)?(?P<num>\d+)/(?P<den>\d+)")
_VULGAR_FORM = re.compile(rf"(?:(?P<whole>\d+)\s?)?(?P<vulgar>[{VULGAR_FRACTIONS}])")
_DIGIT_FORM = re.compile(
    rf"(?P<figure>{_FIGURE_RE})(?:\s+and\s+(?P<part>an?|one)\s+(?P<denom>half|quarter|third))?"
    r"(?:\s*|-(?=[A-Za-z]{4}))(?P<scale>[A-Za-z]+)?"
)
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+")
_CONTINENTAL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")


def _figure(text: str) -> float | None:
    """The value of a written figure in any grouping: "1,234.5", "12,34,567", "1.234,5", "40 000"."""
    if _CONTINENTAL.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    text = re.sub(r"[,\s\u00a0\u2009\u202f]", "", text)
    try:
        return float(text)
    except ValueError:
        return None


def _signed_exponent(text: str) -> int:
    digits = text.lstrip("+-−")
    minus = sum(1 for c in text[: len(text) - len(digits)] if c in "-−")
    return -int(digits) if minus % 2 else int(digits)


def parse_number(text: str, extra_abbreviations: Mapping[str, float] | None = None) -> float | None:
    """The value of one number as written ("1.5bn", "twenty-one", "two thirds", "-4/5"), or None."""
    text = text.strip()
    sign = 1.0
    negative = _NEGATIVE_PREFIX.match(text)
    if negative:
        sign, text = -1.0, text[negative.end() :]
    value = _parse_unsigned(text, extra_abbreviations)
    return None if value is None else sign * value


def _parse_unsigned(text: str, extra_abbreviations: Mapping[str, float] | None) -> float | None:
    digit = _DIGIT_FORM.fullmatch(text)
    if digit:
        value = _figure(digit.group("figure"))
        if value is None:
            return None
        if digit.group("denom"):
            value += 1 / DENOMINATORS[digit.group("denom")]
        scale = digit.group("scale")
        if scale is None:
            return value
        abbreviations = {**ABBREVIATIONS, **(extra_abbreviations or {})}
        if scale in abbreviations:
            return value * abbreviations[scale]
        if scale.lower() in SCALES:
            return value * SCALES[scale.lower()]
        return None
    if text[:1].isdigit() or text[:1] == ".":
        figure = _parse_figure_forms(text)
        if figure is not None or not re.search("[a-z]", text):
            return figure
    if text[-1:] in VULGAR_FRACTIONS:
        vulgar = _VULGAR_FORM.fullmatch(text)
        return None if vulgar is None else unicodedata.numeric(vulgar.group("vulgar"))
    return _parse_words(_TOKEN.findall(text.lower().replace("&", " and ")))


def _parse_figure_forms(text: str) -> float | None:
    """Figures in scientific notation, as powers, or as fractions ("1.3e6", "1.1^23", "2 1/4", "2½")."""
    power = _POWER_FORM.fullmatch(text)
    if power:
        base = _figure(power.group("figure"))
        if base is None:
            return None
        if power.group("power") is not None:
            try:
                return float(base ** _signed_exponent(power.group("power")))
            except (OverflowError, ZeroDivisionError):
                return None
        return base * 10.0 ** _signed_exponent(power.group("exp") or power.group("ten"))
    fraction = _FRACTION_FORM.fullmatch(text)
    if fraction:
        numerator, denominator = int(fraction.group("num")), int(fraction.group("den"))
        if not 0 < numerator < denominator:
            return None  # "24/7", "1/0" are not shares
        return int(fraction.group("whole") or 0) + numerator / denominator
    vulgar = _VULGAR_FORM.fullmatch(text)
    if vulgar:
        return int(vulgar.group("whole") or 0) + unicodedata.numeric(vulgar.group("vulgar"))
    return None


def _parse_words(tokens: list[str]) -> float | None:
    """Spelled-out numbers with a fraction, a decimal part or a trailing scale ("five and a half million")."""
    if "point" in tokens:
        at = tokens.index("point")
        whole = _cardinal(tokens[:at])
        decimals = _spoken_digits(tokens[at + 1 :])
        return None if whole is None or decimals is None else whole + float("0." + decimals)
    denom_at = next((i for i, t in enumerate(tokens) if t in DENOMINATORS), None)
    if denom_at is None:
        return _cardinal(tokens)
    before, denominator = tokens[:denom_at], tokens[denom_at]
    trailing = 1.0
    for token in tokens[denom_at + 1 :]:
        if token in ("of", "a", "an"):
            continue
        if token not in SCALES:
            return None
        trailing *= SCALES[token]
    if "and" in before:
        cut = len(before) - 1 - before[::-1].index("and")
        whole_tokens = before[:cut]
        whole = _cardinal(whole_tokens)
        part = _fraction(before[cut + 1 :], denominator)
        if whole is not None and part is not None and part < 1:  # a mixed number needs a proper part
            last_scale = SCALES.get(whole_tokens[-1], 1.0) if whole_tokens else 1.0
            if last_scale >= 1000 and trailing == 1.0:
                return whole + part * last_scale  # "one million and a half"
            if _largest_scale(whole_tokens) > trailing:
                return whole + part * trailing  # "one billion and a half million"
            return (whole + part) * trailing  # "five and a half million"
    part = _fraction(before, denominator)
    return None if part is None else part * trailing


def _largest_scale(tokens: list[str]) -> float:
    return max([SCALES[t] for t in tokens if t in SCALES] + [1.0])


def _fraction(numerator: list[str], denominator_word: str) -> float | None:
    """A numerator (words) over an ordinal denominator, reading "one hundred thirty fifths" as 100/35.

    A tens word just before a units ordinal joins it ("twenty twenty fifths" is 20/25) when a numerator
    is left; "twenty fifths" is 20/5.  When the words before do not form one number, the denominator
    takes more of them ("one one hundred fifth" is 1/105).
    """
    denominator = DENOMINATORS[denominator_word]
    if len(numerator) > 1 and numerator[-1] in TENS and numerator[-2] != "and" and denominator < 10:
        denominator += TENS[numerator[-1]]
        numerator = numerator[:-1]
    elif denominator_word in _COMPOUND_ONLY:
        return None
    if not numerator:
        return 1 / denominator
    value = _cardinal(numerator)
    if value is not None:
        return value / denominator
    for cut in range(len(numerator) - 1, 0, -1):
        head, rest = _cardinal(numerator[:cut]), numerator[cut:]
        if rest and rest[-1] == "and":
            rest = rest[:-1]
        extra = _cardinal(rest)
        if head is not None and extra is not None and denominator < 100:
            return head / (extra + denominator)
    return None


def _spoken_digits(tokens: list[str]) -> str | None:
    """The digits of a spoken decimal part: "zero three" -> "03", "seventy-one" -> "71"."""
    digits = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in TENS:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following in ONES and 1 <= ONES[following] <= 9:
                digits += str(TENS[token] + ONES[following])
                index += 2
                continue
            digits += str(TENS[token])
        elif token in ONES:
            digits += str(ONES[token])
        else:
            return None
        index += 1
    return digits or None


def _cardinal(tokens: list[str]) -> float | None:
    """A whole number from words (and figures); None when the words do not form one number."""
    total = 0.0
    current = 0.0
    last: str | None = None  # kind of the previous token: unit, ten, hundred, big, and
    big_seen = float("inf")
    for token in tokens:
        if token in ("a", "an") and last is None:
            current, last = 1.0, "unit"
            continue
        if token == "and":
            if last not in ("hundred", "big"):
                return None
            last = "and"
            continue
        if token in ONES or token in TENS or token[0].isdigit():
            value = _figure(token) if token[0].isdigit() else float(ONES.get(token, TENS.get(token, 0)))
            if value is None or (value == 0 and last is not None):
                return None  # "4 thousand 3 hundred and 0" is two numbers
            if last == "ten" and token in ONES and 1 <= value <= 9:
                pass
            elif current % 100 != 0 or last in ("unit", "ten"):
                return None
            current += value
            last = "ten" if token in TENS else "unit"
            continue
        if token in _SMALL_SCALES:
            if last not in ("unit", "ten") or current == 0 or (token == "hundred" and current >= 100):
                return None
            hundreds = current - current % 100 if token != "hundred" else 0.0
            current = hundreds + (current - hundreds) * SCALES[token]  # "three hundred and two dozens"
            last = "hundred"
            continue
        if token in SCALES:
            scale = SCALES[token]
            if last == "big" and current == 0:
                total *= scale  # stacked scales: "three lakh crore", "a hundred thousand million"
                big_seen = min(big_seen, scale)
                continue
            if current == 0 or scale >= big_seen:
                return None
            total += current * scale
            current, big_seen, last = 0.0, scale, "big"
            continue
        return None
    if last in (None, "and"):
        return None
    return total + current


def parse_prefix(
    text: str, extra_abbreviations: Mapping[str, float] | None = None
) -> tuple[float, int] | None:
    """The longest leading run of whole words of ``text`` that is one number, and its length.

    A pattern match can run past one number ("3 hundred and 2 hundred"); this finds the number it starts with.
    """
    words = list(re.finditer(r"[^\s-]+", text))
    for word, following in reversed(list(itertools.pairwise(words))):
        if following.group(0).lower() in SCALES:
            continue  # never cut "2 | hundred": "3 hundred and 2 hundred" is 300 and 200
        end = word.end()
        value = parse_number(text[:end], extra_abbreviations)
        if value is not None:
            return value, end
    return None


def qualifier_of(text: str | None) -> Qualifier:
    """The qualifier a phrase such as "more than" or "Nearly" stands for."""
    if not text:
        return "exact"
    key = re.sub(r"\s+", " ", text.strip().lower())
    return QUALIFIERS.get(key, "exact")


def bounds(value: float, qualifier: Qualifier) -> tuple[float | None, float | None]:
    """The interval a qualified figure states: "more than 5" is (5, None), "up to 5" is (None, 5)."""
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most"):
        return None, value
    return value, value


@dataclass(frozen=True, slots=True)
class Quantity:
    """A qualified number or range as stated, with the span it covers in the text."""

    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: Qualifier
    value: float
    """The first figure stated (the single figure when there is no range)."""
    ranged: bool = False
    cut: bool = False
    """True when the number ends inside the match's first figure ("3 hundred" of "3 hundred and 2
    hundred"), so a unit the match found after that figure does not belong to it."""


def has_scale(text: str) -> bool:
    """True when a written number carries a scale ("5 million", "1.5bn"), not a bare figure."""
    return bool(re.search(rf"(?i:\b(?:{_BIG_SCALE})\b)|\d\s?[A-Za-z]", text))


def quantity_from_match(
    match: re.Match[str], extra_abbreviations: Mapping[str, float] | None = None
) -> Quantity | None:
    """Read a ``quantity_pattern`` match into a Quantity whose span is what the figures cover.

    A range needs a joining word that fits ("between 5 and 7", "5 to 7", "5-7"); otherwise only the
    first figure (with its unit) is kept and the Quantity ends there.
    """
    first = parse_number(match.group("num1"), extra_abbreviations)
    qualifier = qualifier_of(match.group("qual"))
    if first is None:
        prefix = parse_prefix(match.group("num1"), extra_abbreviations)
        if prefix is None:
            return None
        start = match.start()
        if qualifier == "between":
            start, qualifier = _first_start(match), "exact"
        low, high = bounds(prefix[0], qualifier)
        end = match.start("num1") + prefix[1]
        return Quantity(start, end, low, high, qualifier, prefix[0], cut=True)
    second_text = match.group("num2")
    join = (match.group("join") or "").strip().lower()
    if second_text is not None and (join != "and" or qualifier == "between") and not _changes_unit(match):
        second = parse_number(second_text, extra_abbreviations)
        if second is not None:
            if not has_scale(match.group("num1")) and has_scale(second_text):
                unit_of_second = parse_number(
                    _LEADING_FIGURE.sub("1", second_text.strip(), count=1), extra_abbreviations
                )
                if unit_of_second and first * unit_of_second <= second:
                    first *= unit_of_second
            if first < second:
                return Quantity(match.start(), match.end(), first, second, "between", first, True)
    end = _first_end(match)
    start = match.start()
    if qualifier == "between":
        start, qualifier = _first_start(match), "exact"
    low, high = bounds(first, qualifier)
    return Quantity(start, end, low, high, qualifier, first)


def in_points(suffix: str | None) -> bool:
    """True for a percent suffix of a difference ("percentage points"), not of a level ("%")."""
    return suffix is not None and " ".join(suffix.lower().split()) in POINT_WORDS


def _changes_unit(match: re.Match[str]) -> bool:
    """True when the figures are no range of one unit: each has its own suffix, one in percentage
    points and one a percentage ("rose 2 percentage points to 6.1%" is a change and a level), or
    only the first has one ("rose by 12% to 15.4 million": a change and a total).
    """
    if "suf2" not in match.re.groupindex:
        return False
    first, second = match.group("suf1"), match.group("suf2")
    if first is not None and second is None:
        return True
    return first is not None and second is not None and in_points(first) != in_points(second)


_LEADING_FIGURE = re.compile(r"^\d[\d,]*(?:\.\d+)?|^[a-z-]+(?=\s)", re.IGNORECASE)


def _first_start(match: re.Match[str]) -> int:
    if "pre1" in match.re.groupindex and match.group("pre1") is not None:
        return match.start("pre1")
    return match.start("num1")


def _first_end(match: re.Match[str]) -> int:
    if "suf1" in match.re.groupindex and match.group("suf1") is not None:
        return match.end("suf1")
    return match.end("num1")


def iter_quantities(
    pattern: re.Pattern[str],
    text: str,
    start: int = 0,
    end: int | None = None,
    extra_abbreviations: Mapping[str, float] | None = None,
) -> list[tuple[re.Match[str], Quantity]]:
    """Every quantity ``pattern`` (built by ``quantity_pattern``) finds in ``text[start:end]``, in order.

    When a match's range part does not hold ("5 and 7 percent" without "between"), scanning resumes
    after its first figure so the second figure is still found on its own.
    """
    found: list[tuple[re.Match[str], Quantity]] = []
    end = len(text) if end is None else end
    pos = start
    while True:
        match = pattern.search(text, pos, end)
        if match is None:
            return found
        quantity = quantity_from_match(match, extra_abbreviations)
        if quantity is None:
            pos = max(match.end("num1"), match.start() + 1)
            continue
        found.append((match, quantity))
        pos = quantity.end if quantity.end > match.start() else match.start() + 1


def iter_quantities_near(
    pattern: re.Pattern[str],
    text: str,
    anchors: re.Pattern[str],
    before: int,
    after: int,
    extra_abbreviations: Mapping[str, float] | None = None,
) -> list[tuple[re.Match[str], Quantity]]:
    """Like ``iter_quantities``, but only in windows around ``anchors`` (a "%", a currency name).

    The full pattern is slow to try at every position of a long document; a literal anchor is fast
    to find, and every claim of the kind contains one, so scanning near anchors finds the same
    quantities in a fraction of the time.
    """
    windows: list[list[int]] = []
    for anchor in anchors.finditer(text):
        low, high = max(0, anchor.start() - before), min(len(text), anchor.end() + after)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    found: list[tuple[re.Match[str], Quantity]] = []
    for low, high in windows:
        found.extend(iter_quantities(pattern, text, low, high, extra_abbreviations))
    return found


def iter_numbers_quantities(pattern: re.Pattern[str], text: str) -> list[tuple[re.Match[str], Quantity]]:
    """Quantities of ``pattern`` that start at or just before a figure or number word, in order.

    Numbers are dense, so instead of windows this tries the pattern once per number start, from a
    few characters before it (room for a qualifier such as "no fewer than").
    """
    found: list[tuple[re.Match[str], Quantity]] = []
    done = 0
    for anchor in NUMBER_START.finditer(text):
        if anchor.start() < done:
            continue
        match = pattern.search(
            text, max(done, anchor.start() - _QUALIFIER_ROOM), min(len(text), anchor.end() + 200)
        )
        if match is None or match.start() > anchor.start():
            continue
        quantity = quantity_from_match(match)
        if quantity is None:
            done = max(done, match.end("num1"))
            continue
        found.append((match, quantity))
        done = quantity.end
    return found


_QUALIFIER_ROOM = 24
NUMBER_START = re.compile(
    rf"\d+|[{VULGAR_FRACTIONS}]"
    rf"|\b{trie_pattern(case_variants({*ONES, *TENS, *SCALES, *DENOMINATORS} - set(_COMPOUND_ONLY)))}\b"
)
"""Where a number can begin (or, for "a million" and "a third", where its number word is).

A run of digits is one anchor: a figure never starts after a digit (it would be glued to it), so
trying each digit of "2,024,500" or a phone number again only repeats the first try."""


# --- bare numbers -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _number_re() -> re.Pattern[str]:
    """``NUMBER`` compiled on first use: only ``find_numbers`` needs it alone, and it is slow to compile."""
    return re.compile(NUMBER)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number anywhere in a text, with its exact span."""

    start: int
    end: int
    value: float


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text`` the grammar reads, in order."""
    number_re = _number_re()
    found: list[NumberMention] = []
    pos = 0
    while True:
        match = number_re.search(text, pos)
        if match is None:
            return found
        value = parse_number(match.group(0))
        end = match.end()
        if value is None:
            prefix = parse_prefix(match.group(0))
            if prefix is not None:
                value, end = prefix[0], match.start() + prefix[1]
        if value is not None:
            found.append(NumberMention(match.start(), end, value))
        pos = max(end, match.start() + 1)
