"""The shared number grammar: figures, scale words, spelled-out numbers, fractions and qualifiers.

Amount, count and percent extractors all read numbers the same way, so the grammar lives here once:
regex fragments they compose into their own whole-document patterns, and parse functions that
turn a matched fragment into a value.  This is grammar of English, not knowledge of the world;
currencies and counted nouns live in rules/.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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
SCALES: dict[str, float] = {
    "dozen": 12, "hundred": 100, "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7,
    "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "B": 1e9,
    "bn": 1e9, "bln": 1e9, "G": 1e9, "T": 1e12, "tn": 1e12, "trn": 1e12, "tln": 1e12,
}  # fmt: skip
"""Scale abbreviations glued to figures ("$1.5bn", "100M"); case matters ("1m" is a metre)."""

DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "twelfth": 12,
    "twelfths": 12, "twentieth": 20, "twentieths": 20, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000,
}  # fmt: skip

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
    return trie_pattern(case_variants(phrases))


_ONE = _words(ONES)
_ONE_TO_NINE = _words([w for w, v in ONES.items() if 1 <= v <= 9])
_TEN = _words(TENS)
_SCALE = _words(SCALES)
_BIG_SCALE = _words([w for w in SCALES if w != "dozen"])
_DENOM = _words(DENOMINATORS)
_DENOM_SINGULAR = _words([w for w in DENOMINATORS if not w.endswith("s")])
_A = r"\b(?:[Aa]n?|AN?)"
_AND = r"(?:and|AND|&)"

_CARDINAL_WORD = rf"\b(?:{_TEN}(?:\s*-\s*|\s+){_ONE_TO_NINE}|{_TEN}|{_ONE})\b"
_AFTER_SCALE = "|".join(f"(?<={w})" for w in sorted(case_variants(SCALES)))
_WORD_JOIN = rf"(?:\s*-\s*|\s+|(?:{_AFTER_SCALE})(?:\s+{_AND}\s+|,\s+))"
_WORD_ATOM = rf"(?:{_CARDINAL_WORD}|\b{_SCALE}\b)"
WORD_NUMBER = rf"(?:{_A}\s+{_SCALE}\b|{_CARDINAL_WORD})(?:{_WORD_JOIN}{_WORD_ATOM})*"
"""Spelled-out cardinals: "twelve", "twenty-one", "one hundred and five", "a million"."""

_PART = rf"(?:{_A}|one)\s+(?:half|quarter|third)"
FRACTION = (
    rf"(?:{_CARDINAL_WORD}[\s-]+{_DENOM}\b"
    rf"|{_A}\s+(?:half\b|{_DENOM_SINGULAR}(?=\s+(?:of|{_BIG_SCALE})\b))"
    rf"|\b[Qq]uarter(?=\s+{_BIG_SCALE}\b)|\b(?:[Hh]alf|HALF)\b)"
)
"""Shares of a whole: "two thirds", "a third of", "three quarters", "half"."""

DIGITS = r"(?<![\w.,/%])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[.,]\d|/\d)"
"""A figure with optional thousands separators and decimals, not part of a code or a date."""


def _abbreviation_pattern(abbreviations: Mapping[str, float]) -> str:
    return trie_pattern(list(abbreviations))


def number_pattern(extra_abbreviations: Mapping[str, float] | None = None) -> str:
    """The regex fragment for one number; ``extra_abbreviations`` adds scales such as "m" after "£"."""
    abbreviations = {**ABBREVIATIONS, **(extra_abbreviations or {})}
    tail = rf"(?:\s+and\s+{_PART})?"
    scale = rf"(?:\s*\b{_SCALE}\b|\s?{_abbreviation_pattern(abbreviations)}(?![\w-])|(?![A-Za-z]))"
    return (
        rf"(?:{FRACTION}(?:\s+(?:of\s+{_A}\s+)?{_BIG_SCALE}\b)?"
        rf"|{DIGITS}{tail}{scale}"
        rf"|{WORD_NUMBER}(?:\s+{_AND}\s+{_PART}(?:\s+{_BIG_SCALE}\b)?)?)"
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
PERCENT_SIGN = rf"(?:%|{_words([*PERCENT_WORDS, 'pct'])}\b)"
"""How text marks a figure as a percentage: "20%", "20 percent", "twenty per cent", "2 percentage points"."""
PERCENT_ANCHOR = re.compile(PERCENT_SIGN)
RANGE_JOIN = r"(?:\s*[-–—]\s*|\s+(?:to|and|or)\s+)"


def quantity_pattern(prefix: str = "", suffix: str = "", number: str = NUMBER) -> str:
    """A qualified number or range with unit slots around each figure.

    Named groups: ``qual``, ``pre1``, ``num1``, ``suf1``, ``join``, ``pre2``, ``num2``, ``suf2``.
    ``prefix`` and ``suffix`` are the unit's surface forms ("$", "dollars", "%"); both optional here,
    the caller decides which combinations make a claim.
    """
    pre = rf"(?:(?P<pre{{n}}>{prefix})\s?)?" if prefix else ""
    suf = rf"(?:\s*(?P<suf{{n}}>{suffix}))?" if suffix else ""
    return (
        rf"(?:(?P<qual>{QUALIFIER})\s+)?"
        rf"{pre.format(n=1)}(?P<num1>{number}){suf.format(n=1)}"
        rf"(?:(?P<join>{RANGE_JOIN}){pre.format(n=2)}(?P<num2>{number}){suf.format(n=2)})?"
    )


# --- parsing ------------------------------------------------------------------------------------

_DIGIT_FORM = re.compile(
    r"(?P<figure>\d[\d,]*(?:\.\d+)?)(?:\s+and\s+(?P<part>an?|one)\s+(?P<denom>half|quarter|third))?"
    r"\s*(?P<scale>[A-Za-z]+)?"
)
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+")


def parse_number(text: str, extra_abbreviations: Mapping[str, float] | None = None) -> float | None:
    """The value of one number as written ("1.5bn", "twenty-one", "two thirds", "300,000"), or None."""
    text = text.strip()
    digit = _DIGIT_FORM.fullmatch(text)
    if digit:
        value = float(digit.group("figure").replace(",", ""))
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
    return _parse_words(_TOKEN.findall(text.lower()))


def _parse_words(tokens: list[str]) -> float | None:
    """Spelled-out numbers, with a fraction part and a trailing scale ("five and a half million")."""
    denom_at = next((i for i, t in enumerate(tokens) if t in DENOMINATORS), None)
    if denom_at is None:
        return _cardinal(tokens)
    before, after = tokens[:denom_at], tokens[denom_at + 1 :]
    if "and" in before:
        cut = len(before) - 1 - before[::-1].index("and")
        whole = _cardinal(before[:cut])
        numerator = _cardinal(before[cut + 1 :]) if before[cut + 1 :] else 1.0
    else:
        whole = 0.0
        numerator = _cardinal(before) if before else 1.0
    if whole is None or numerator is None:
        return None
    value = whole + numerator / DENOMINATORS[tokens[denom_at]]
    rest = [t for t in after if t not in ("of", "a", "an")]
    for token in rest:
        if token not in SCALES:
            return None
        value *= SCALES[token]
    return value


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
            value = float(
                ONES.get(token, TENS.get(token, 0)) if token[0].isalpha() else token.replace(",", "")
            )
            if last == "ten" and token in ONES and 1 <= value <= 9:
                pass
            elif current % 100 != 0 or last in ("unit", "ten"):
                return None
            current += value
            last = "ten" if token in TENS else "unit"
            continue
        if token in ("hundred", "dozen"):
            if last not in ("unit", "ten") or current >= 100 or current == 0:
                return None
            current *= SCALES[token]
            last = "hundred"
            continue
        if token in SCALES:
            scale = SCALES[token]
            if current == 0 or scale >= big_seen:
                return None
            total += current * scale
            current, big_seen, last = 0.0, scale, "big"
            continue
        return None
    if last in (None, "and"):
        return None
    return total + current


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


def _has_scale(text: str) -> bool:
    return bool(re.search(rf"(?i:\b(?:{_BIG_SCALE})\b)|\d\s?[A-Za-z]", text))


def quantity_from_match(
    match: re.Match[str], extra_abbreviations: Mapping[str, float] | None = None
) -> Quantity | None:
    """Read a ``quantity_pattern`` match into a Quantity whose span is what the figures cover.

    A range needs a joining word that fits ("between 5 and 7", "5 to 7", "5-7"); otherwise only the
    first figure (with its unit) is kept and the Quantity ends there.
    """
    first = parse_number(match.group("num1"), extra_abbreviations)
    if first is None:
        return None
    qualifier = qualifier_of(match.group("qual"))
    second_text = match.group("num2")
    join = (match.group("join") or "").strip().lower()
    if second_text is not None and (join != "and" or qualifier == "between"):
        second = parse_number(second_text, extra_abbreviations)
        if second is not None:
            if not _has_scale(match.group("num1")) and _has_scale(second_text):
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
NUMBER_START = re.compile(rf"\d|\b{trie_pattern(case_variants({*ONES, *TENS, *SCALES, *DENOMINATORS}))}\b")
"""Where a number can begin (or, for "a million" and "a third", where its number word is)."""


# --- bare numbers -------------------------------------------------------------------------------

_NUMBER_RE = re.compile(NUMBER)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number anywhere in a text, with its exact span."""

    start: int
    end: int
    value: float


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text`` the grammar reads, in order."""
    found: list[NumberMention] = []
    for match in _NUMBER_RE.finditer(text):
        value = parse_number(match.group(0))
        if value is not None:
            found.append(NumberMention(match.start(), match.end(), value))
    return found
