"""Amount claims: sums of money in one currency, with restatements in others kept together.

One whole-document pass of a pattern built from rules/currencies.yml around the shared number
grammar.  "€2.5 billion ($2.7 billion)" is one claim: the euro sum, with the dollar figure in
``also``, because the writer states one sum twice rather than two sums.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.claims.base import Extracted, ExtractionContext, join_neighbours
from checker.models import AmountValue, ClaimKind, Money
from checker.numbers import (
    SCALES,
    WORD_NUMBER,
    Quantity,
    case_variants,
    has_scale,
    iter_quantities_near,
    number_pattern,
    parse_number,
    quantity_pattern,
    trie_pattern,
)
from checker.rulespecs import CurrenciesSpec


@dataclass(frozen=True)
class CurrencyGrammar:
    """Compiled currency surface forms: which words and symbols mean which ISO code."""

    pattern: re.Pattern[str]
    anchors: re.Pattern[str]
    """Any currency symbol, code or name: every amount contains one, so scanning starts there."""
    symbols: dict[str, tuple[str, float]]
    """Folded symbol or code -> (ISO code, factor); "MUSD" has factor 1e6."""
    names: dict[str, tuple[str, float]]
    """Folded name -> (ISO code, factor); a minor unit such as "cents" has factor 0.01."""
    scales: dict[str, float]
    measures: frozenset[str]
    """Folded names that are also units of measure ("pound")."""
    weight_cues: frozenset[str]
    """Words shortly before a figure that make a measure name a weight ("weighs")."""
    word_codes: frozenset[str]
    """Folded codes that are also common names ("php", "esp"): see ``CurrencySpec.code_is_word``."""


def _fold(surface: str) -> str:
    return re.sub(r"[\s.]+", "", surface).lower()


def _symbol_variants(symbol: str) -> set[str]:
    """A symbol as text writes it: "C$" also as "C $", "U.S.$" also as "US$"; letters in any case
    only when there are two or more of them ("a $5 bill" is not Australian dollars).
    """
    forms = {symbol, symbol.replace(".", "")}
    letters = re.sub(r"[^A-Za-z]", "", symbol)
    if (
        symbol.endswith("$")
        and len(symbol) > 1
        and symbol[-2].isalpha()
        and letters.lower() not in ("a", "i")
    ):
        forms |= {f[:-1] + " $" for f in forms}  # "US $5", "c $ 5", but "A $5 fee" is a dollar, not A$
    if len(letters) > 1:
        mixed = letters[1:].islower() and letters[0].isupper()
        forms = case_variants(forms)
        if mixed:  # "Rs 500", "rs 500", but "Audi RS 6" is a car
            forms = {f for f in forms if f != f.upper()}
    return forms


def _name_variants(name: str) -> set[str]:
    """A currency name in the cases text uses: "euros", "Euros", "EUROS", "Canadian Dollars"."""
    return case_variants({name, name.title()})


def build_grammar(spec: CurrenciesSpec) -> CurrencyGrammar:
    """Compile the currency forms of ``spec`` into one amount pattern."""
    symbols: dict[str, tuple[str, float]] = {}
    names: dict[str, tuple[str, float]] = {}
    codes: list[str] = []
    measures: set[str] = set()
    for currency in spec.currencies:
        codes.append(currency.code)
        for symbol in currency.symbols:
            symbols.setdefault(_fold(symbol), (currency.code, 1.0))
        for name in currency.names:
            names.setdefault(_fold(name), (currency.code, 1.0))
        for minor in currency.minor_names:
            names.setdefault(_fold(minor), (currency.code, 0.01))
        for subunit, worth in currency.subunits.items():
            names.setdefault(_fold(subunit), (currency.code, worth))
        measures |= {_fold(m) for m in currency.measure_names}
    for symbol in spec.dollar_symbols:
        symbols.setdefault(_fold(symbol), (spec.default_dollar, 1.0))
    for name in spec.dollar_names:
        names.setdefault(_fold(name), (spec.default_dollar, 1.0))
    for minor in spec.dollar_minor_names:
        names.setdefault(_fold(minor), (spec.default_dollar, 0.01))
    scaled_codes: list[str] = []
    for code in list(codes):
        symbols.setdefault(_fold(code), (code, 1.0))
        names.setdefault(_fold(code), (code, 1.0))
        for letters, factor in spec.code_scales.items():
            scaled_codes.append(letters + code)
            symbols.setdefault(_fold(letters + code), (code, factor))
            names.setdefault(_fold(letters + code), (code, factor))

    symbol_forms: set[str] = set()
    for symbol in [*spec.dollar_symbols, *(s for c in spec.currencies for s in c.symbols)]:
        symbol_forms |= _symbol_variants(symbol)
    all_names = [
        *spec.dollar_names,
        *spec.dollar_minor_names,
        *(n for c in spec.currencies for n in [*c.names, *c.minor_names, *c.subunits]),
    ]
    name_forms: set[str] = set()
    for name in all_names:
        name_forms |= _name_variants(name)
    # Code-like names ("usd", "rmb") may also stand before a figure, as codes do ("rmb 10").
    lower_codes = {n.lower() for n in all_names if re.fullmatch(r"[a-z]{3}", n)}
    for name in lower_codes:
        symbols.setdefault(name, names[name])
    code_forms = [*codes, *scaled_codes]
    # Names only ever follow a figure, where the engine seldom gets: one case-insensitive trie
    # (a third the size of every case variant) keeps the pattern quick to compile.
    symbols_re, codes_re, names_re = (
        trie_pattern(symbol_forms),
        trie_pattern(code_forms),
        f"(?i:{trie_pattern({name.lower() for name in name_forms})})",
    )
    prefix = rf"(?<![A-Za-z])(?:(?:{codes_re}|{trie_pattern(lower_codes)})(?![A-Za-z])|{symbols_re})"
    suffix = (
        rf"(?:{codes_re}(?![A-Za-z\d])(?:\s+{_BIG_SCALE_WORD}\b)?"
        rf"|(?<![\w$]){names_re}(?![\w$])|{symbols_re}(?!\d))"
    )
    number = number_pattern(spec.symbol_scales, money=True)
    pattern = re.compile(
        quantity_pattern(
            prefix=prefix,
            suffix=suffix,
            number=number,
            suffix_join=r"(?:-|\s*)",
            suffix_guard_after_prefix=r"(?!\s?\d)",
        )
    )
    anchors = re.compile(
        rf"(?<![A-Za-z]){trie_pattern(symbol_forms | set(code_forms) | name_forms | lower_codes)}(?![A-Za-z])"
    )
    return CurrencyGrammar(
        pattern,
        anchors,
        symbols,
        names,
        dict(spec.symbol_scales),
        frozenset(measures),
        frozenset(w.lower() for w in spec.weight_cues),
        frozenset(_fold(c.code) for c in spec.currencies if c.code_is_word),
    )


_BIG_SCALE_WORD = trie_pattern(case_variants(w for w, v in SCALES.items() if v >= 1000))
_TRAILING_SCALE = re.compile(rf"\s+({_BIG_SCALE_WORD})$")
_GRAMMARS: dict[int, tuple[CurrenciesSpec, CurrencyGrammar]] = {}


def grammar_for(spec: CurrenciesSpec) -> CurrencyGrammar:
    """The compiled grammar of a currencies spec, built once per spec object."""
    cached = _GRAMMARS.get(id(spec))
    if cached is None or cached[0] is not spec:
        cached = (spec, build_grammar(spec))
        _GRAMMARS[id(spec)] = cached
    return cached[1]


@dataclass
class _Found:
    start: int
    end: int
    value: AmountValue
    factor: float = 1.0
    """The unit the figure was stated in, as a part of the currency (0.01 for cents)."""
    whole_units: bool = False
    """A plain whole number of major units ("3 dollars", "$ 100"), which a cents part may follow."""


def _currency(
    prefix: str | None, suffix: str | None, grammar: CurrencyGrammar, default_dollar: str
) -> tuple[str, float] | None:
    """The ISO code and unit factor stated around a figure; a country name beats a bare "$"."""
    by_prefix = grammar.symbols.get(_fold(prefix)) if prefix else None
    by_suffix = None
    if suffix:
        folded = _fold(suffix)
        by_suffix = grammar.names.get(folded) or grammar.symbols.get(folded)
    if by_prefix and by_suffix:
        if (
            by_suffix[1] == 1.0
            and by_prefix[0] == default_dollar
            and prefix is not None
            and prefix.strip() == "$"
        ):
            return by_suffix
        return by_prefix
    return by_prefix or by_suffix


_WINDOW = 80
"""How far from a currency marker its figure may start or end ("more than $ 1,500,000,000")."""
_RESTATEMENT_OPEN = re.compile(r"\s*(?:\(|,\s*or\s+)\s*")
_RESTATEMENT_CLOSE = re.compile(r"\s*\)")
_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "by", "each", "for", "from", "in", "is", "of", "on", "or"}
    | {"per", "the", "to", "was", "were", "will", "with"}
)
"""Words after "twenty pound" that keep it money ("20 pound in fees"); any other word is what it weighs."""
_WORDS_BEFORE = re.compile(r"(?:\b[A-Za-z]+\s+){1,3}$")
_NEXT_WORD = re.compile(r"[\s-]+([a-z]+)\b")
_CENTS_JOIN = re.compile(r"\s+(?:and\s+)?|\s*")
_CENTS_AFTER = re.compile(
    rf"\s+(?:and\s+)?(?P<num>\d{{1,2}}(?!\d|[.,]\d)|{WORD_NUMBER})(?=\s*(?:[.,;:!?)]|$)|\s+and\b)"
)
"""A bare cents figure after whole units: "15 dollars 50", "thirteen dollars forty five", "$ 100 and fifty"
(not "$4.25 and 32 is the quantity": only whole units, and only at the end of a clause)."""


def _is_measure(text: str, start: int, end: int, suffix: str, grammar: CurrencyGrammar) -> bool:
    """True for "a twenty pound bag" (a name that is also a measure, used before a noun) and
    "he weighs 200 pounds" (after a word of weight).
    """
    folded = _fold(suffix)
    if folded not in grammar.measures and folded[:-1] not in grammar.measures:
        return False
    before = _WORDS_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and grammar.weight_cues.intersection(before.group(0).lower().split()):
        return True
    if folded not in grammar.measures:
        return False  # "fined 500 pounds yesterday" is money: only the singular is a measure before a noun
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1) not in _FUNCTION_WORDS


_WRITTEN_AS_MONEY = re.compile(r"\d,\d{3}|\.\d\d(?!\d)|\d\s*[A-Za-z]")


def _code_word_only(prefix: str | None, suffix: str | None, grammar: CurrencyGrammar) -> bool:
    """True when the only currency marker is a code that is also a common name ("PHP", "ESP")."""
    markers = [_fold(m) for m in (prefix, suffix) if m]
    return bool(markers) and all(m in grammar.word_codes for m in markers)


def find_amounts(text: str, spec: CurrenciesSpec) -> list[_Found]:
    """Every amount of money in ``text``, restatements merged into the sum they restate."""
    grammar = grammar_for(spec)
    found: list[_Found] = []
    near = iter_quantities_near(grammar.pattern, text, grammar.anchors, _WINDOW, _WINDOW, grammar.scales)
    for match, quantity in near:
        if quantity.ranged:
            prefix, suffix = (
                match.group("pre1") or match.group("pre2"),
                match.group("suf2") or match.group("suf1"),
            )
        else:
            prefix, suffix = match.group("pre1"), match.group("suf1")
        if quantity.cut:
            suffix = None
        if prefix is None and suffix is None:
            continue
        scale = 1.0
        if suffix is not None:
            trailing = _TRAILING_SCALE.search(suffix)
            if trailing is not None:  # "75 USD million"
                scale, suffix = SCALES[trailing.group(1).lower()], suffix[: trailing.start()]
            if not has_scale(match.group("num1")) and _is_measure(
                text, quantity.start, quantity.end, suffix, grammar
            ):
                continue
        currency = _currency(prefix, suffix, grammar, spec.default_dollar)
        if currency is None:
            continue
        if _code_word_only(prefix, suffix, grammar) and not _WRITTEN_AS_MONEY.search(match.group("num1")):
            continue  # "PHP 8.2", "ESP32", "CRC32": a name and a version, not pesos
        code, factor = currency
        whole_units = (
            factor == 1.0
            and scale == 1.0
            and not quantity.ranged
            and quantity.qualifier == "exact"
            and quantity.value == int(quantity.value)
            and not has_scale(match.group("num1"))
        )
        value = _amount(quantity, code, factor * scale)
        found.append(_Found(quantity.start, quantity.end, value, factor, whole_units))
    return _merge_restatements(text, _merge_cents(text, found))


def _merge_cents(text: str, found: list[_Found]) -> list[_Found]:
    """Fold a cents part into the whole units before it: "3 dollars 50 cents", "15 dollars and 50"."""
    merged: list[_Found] = []
    index = 0
    while index < len(found):
        current = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        if current.whole_units and current.value.low is not None:
            if (
                following is not None
                and following.factor < 1
                and following.value.currency == current.value.currency
                and following.value.low is not None
                and following.value.low == following.value.high
                and following.value.low < 1
                and _CENTS_JOIN.fullmatch(text, current.end, following.start)
            ):
                _add(current, following.value.low, following.end)
                merged.append(current)
                index += 2
                continue
            bare = _CENTS_AFTER.match(text, current.end)
            cents = parse_number(bare.group("num")) if bare else None
            if (
                bare is not None
                and cents is not None
                and 0 < cents < 100
                and cents == int(cents)
                and (following is None or following.start >= bare.end())
            ):
                _add(current, cents / 100, bare.end())
        merged.append(current)
        index += 1
    return merged


def _add(found: _Found, units: float, end: int) -> None:
    value = found.value
    assert value.low is not None
    value.low = value.high = _tidy(value.low + units)
    found.end = end


def _tidy(value: float) -> float:
    """A sum without float noise (0.1 * 3 is 0.3), to twelve significant digits."""
    return float(f"{value:.12g}")


def _amount(quantity: Quantity, code: str, factor: float) -> AmountValue:
    def scaled(v: float | None) -> float | None:
        return None if v is None else _tidy(v * factor)

    return AmountValue(
        currency=code, low=scaled(quantity.low), high=scaled(quantity.high), qualifier=quantity.qualifier
    )


def _merge_restatements(text: str, found: list[_Found]) -> list[_Found]:
    """Fold "€2.5 billion ($2.7 billion)" and "€2.5 billion, or $2.7 billion" into one claim."""
    return join_neighbours(found, lambda current, following: _restated(text, current, following))


def _restated(text: str, current: _Found, following: _Found) -> _Found | None:
    if following.value.currency == current.value.currency:
        return None
    opening = _RESTATEMENT_OPEN.fullmatch(text, current.end, following.start)
    if opening is None:
        return None
    end = following.end
    if "(" in opening.group(0):
        closing = _RESTATEMENT_CLOSE.match(text, following.end)
        end = closing.end() if closing else -1
    if end <= 0:
        return None
    current.value.also.append(
        Money(currency=following.value.currency, low=following.value.low, high=following.value.high)
    )
    return _Found(current.start, end, current.value, current.factor)


_LAST: list[tuple[str, CurrenciesSpec, list[_Found]]] = []


def amounts_in(ctx: ExtractionContext) -> list[_Found]:
    """The amounts of the context's document, computed once per document (counts ask too)."""
    text = ctx.document.text
    spec = ctx.rules.currencies
    if _LAST and _LAST[0][0] is text and _LAST[0][1] is spec:
        return _LAST[0][2]
    found = find_amounts(text, spec)
    _LAST[:] = [(text, spec, found)]
    return found


class AmountExtractor:
    """Finds sums of money: "$12 billion", "more than 40 billion dollars", "£3bn", "EUR 5 million"."""

    kind: ClaimKind = "amount"

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        return [Extracted("amount", f.start, f.end, f.value.model_copy(deep=True)) for f in amounts_in(ctx)]
