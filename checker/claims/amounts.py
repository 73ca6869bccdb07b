"""Amount claims: sums of money in one currency, with restatements in others kept together.

One whole-document pass of a pattern built from rules/currencies.yml around the shared number
grammar.  "€6.5 billion ($7.06 billion)" is one claim: the euro sum, with the dollar figure in
``also``, because the writer states one sum twice rather than two sums.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.claims.base import Extracted, ExtractionContext
from checker.models import AmountValue, ClaimKind, Money
from checker.numbers import (
    Quantity,
    case_variants,
    iter_quantities_near,
    number_pattern,
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
    symbols: dict[str, str]
    """Folded symbol -> ISO code."""
    names: dict[str, tuple[str, float]]
    """Folded name -> (ISO code, factor); a minor unit such as "cents" has factor 0.01."""
    scales: dict[str, float]


def _fold(surface: str) -> str:
    return re.sub(r"[\s.]+", "", surface).lower()


def _symbol_variants(symbol: str) -> set[str]:
    """A symbol as text writes it: "C$" also as "C $", "U.S.$" also as "US$"; letters in any case
    only when there are two or more of them ("a $5 bill" is not Australian dollars).
    """
    forms = {symbol, symbol.replace(".", "")}
    if symbol.endswith("$") and len(symbol) > 1 and symbol[-2].isalpha():
        forms |= {f[:-1] + " $" for f in forms}
    if len(re.sub(r"[^A-Za-z]", "", symbol)) > 1:
        forms = case_variants(forms)
    return forms


def _name_variants(name: str) -> set[str]:
    """A currency name in the cases text uses: "euros", "Euros", "EUROS", "Canadian Dollars"."""
    return case_variants({name, name.title()})


def build_grammar(spec: CurrenciesSpec) -> CurrencyGrammar:
    """Compile the currency forms of ``spec`` into one amount pattern."""
    symbols: dict[str, str] = {}
    names: dict[str, tuple[str, float]] = {}
    codes: list[str] = []
    for currency in spec.currencies:
        codes.append(currency.code)
        for symbol in currency.symbols:
            symbols.setdefault(_fold(symbol), currency.code)
        for name in currency.names:
            names.setdefault(_fold(name), (currency.code, 1.0))
        for minor in currency.minor_names:
            names.setdefault(_fold(minor), (currency.code, 0.01))
    for symbol in spec.dollar_symbols:
        symbols.setdefault(_fold(symbol), spec.default_dollar)
    for name in spec.dollar_names:
        names.setdefault(_fold(name), (spec.default_dollar, 1.0))
    for minor in spec.dollar_minor_names:
        names.setdefault(_fold(minor), (spec.default_dollar, 0.01))
    for code in codes:
        symbols.setdefault(_fold(code), code)
        names.setdefault(_fold(code), (code, 1.0))

    symbol_forms: set[str] = set()
    for symbol in [*spec.dollar_symbols, *(s for c in spec.currencies for s in c.symbols)]:
        symbol_forms |= _symbol_variants(symbol)
    name_forms: set[str] = set()
    for name in [
        *spec.dollar_names,
        *spec.dollar_minor_names,
        *(n for c in spec.currencies for n in [*c.names, *c.minor_names]),
    ]:
        name_forms |= _name_variants(name)
    symbols_re, codes_re, names_re = trie_pattern(symbol_forms), trie_pattern(codes), trie_pattern(name_forms)
    prefix = rf"(?<![A-Za-z])(?:{codes_re}(?![A-Za-z])|{symbols_re})"
    suffix = rf"(?:(?<![\w$]){names_re}(?![\w$])|{codes_re}(?![A-Za-z])|{symbols_re})"
    number = number_pattern(spec.symbol_scales)
    pattern = re.compile(quantity_pattern(prefix=prefix, suffix=suffix, number=number))
    anchors = re.compile(rf"(?<![A-Za-z]){trie_pattern(symbol_forms | set(codes) | name_forms)}(?![A-Za-z])")
    return CurrencyGrammar(pattern, anchors, symbols, names, dict(spec.symbol_scales))


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


def _currency(
    prefix: str | None, suffix: str | None, grammar: CurrencyGrammar, default_dollar: str
) -> tuple[str, float] | None:
    """The ISO code and unit factor stated around a figure; a country name beats a bare "$"."""
    by_prefix = grammar.symbols.get(_fold(prefix)) if prefix else None
    by_suffix = None
    if suffix:
        folded = _fold(suffix)
        by_suffix = grammar.names.get(folded) or (
            (grammar.symbols[folded], 1.0) if folded in grammar.symbols else None
        )
    if by_prefix and by_suffix:
        if (
            by_suffix[1] == 1.0
            and by_prefix == default_dollar
            and prefix is not None
            and prefix.strip() == "$"
        ):
            return by_suffix
        return by_prefix, 1.0
    if by_prefix:
        return by_prefix, 1.0
    return by_suffix


_WINDOW = 80
"""How far from a currency marker its figure may start or end ("more than $ 1,500,000,000")."""
_RESTATEMENT_OPEN = re.compile(r"\s*(?:\(|,\s*or\s+)\s*")
_RESTATEMENT_CLOSE = re.compile(r"\s*\)")


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
        if prefix is None and suffix is None:
            continue
        currency = _currency(prefix, suffix, grammar, spec.default_dollar)
        if currency is None:
            continue
        code, factor = currency
        found.append(_Found(quantity.start, quantity.end, _amount(quantity, code, factor)))
    return _merge_restatements(text, found)


def _amount(quantity: Quantity, code: str, factor: float) -> AmountValue:
    def scaled(v: float | None) -> float | None:
        return None if v is None else round(v * factor, 6)

    return AmountValue(
        currency=code, low=scaled(quantity.low), high=scaled(quantity.high), qualifier=quantity.qualifier
    )


def _merge_restatements(text: str, found: list[_Found]) -> list[_Found]:
    """Fold "€6.5 billion ($7.06 billion)" and "€6.5 billion, or $7 billion" into one claim."""
    merged: list[_Found] = []
    index = 0
    while index < len(found):
        current = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        if following is not None and following.value.currency != current.value.currency:
            opening = _RESTATEMENT_OPEN.fullmatch(text, current.end, following.start)
            if opening is not None:
                end = following.end
                if "(" in opening.group(0):
                    closing = _RESTATEMENT_CLOSE.match(text, following.end)
                    end = closing.end() if closing else -1
                if end > 0:
                    current.value.also.append(
                        Money(
                            currency=following.value.currency,
                            low=following.value.low,
                            high=following.value.high,
                        )
                    )
                    merged.append(_Found(current.start, end, current.value))
                    index += 2
                    continue
        merged.append(current)
        index += 1
    return merged


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
    """Finds sums of money: "$77 billion", "more than 600 billion dollars", "£3bn", "EUR 5 million"."""

    kind: ClaimKind = "amount"

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        return [Extracted("amount", f.start, f.end, f.value.model_copy(deep=True)) for f in amounts_in(ctx)]
