"""Percent claims: percentages in percentage points, and what they are a percentage of.

"3% of GDP" and "3% of their gross domestic product" both say ``of="GDP"`` because units.yml
lists the measure's forms.  A percentage of a countable group ("90% of members") is a count
share, so it is left to the count extractor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.claims.base import Extracted, ExtractionContext
from checker.claims.counts import document_facts, percent_quantities, resolver_for, share_target
from checker.models import ClaimKind, PercentValue
from checker.numbers import (
    NUMBER,
    PERCENT_WORDS,
    case_variants,
    in_points,
    parse_number,
    trie_pattern,
)
from checker.rules import RuleBook

_OF = re.compile(
    r"\s+of\s+(?:(?:the|a|an|its|their|our|all|his|her|your|my|this|that|these|those)\s+)*", re.IGNORECASE
)
_PHRASE_WORD = re.compile(r"[ \t]*([A-Za-z][\w'’.-]*[\w]|[A-Za-z])")


@lru_cache(maxsize=1)
def _percent_of_figure() -> re.Pattern[str]:
    """A heading-style percentage that names its figure after the word: "percent of 10", "per cent
    of twenty".  Compiled on first use: the full number grammar is slow to compile and most
    documents never need it.
    """
    return re.compile(
        rf"(?<![\w%,]\s)(?<![\w%-]){trie_pattern(case_variants(PERCENT_WORDS))}\s+of\s+(?P<num>{NUMBER})"
        r"(?![\w%])(?!\s+[a-z])"
    )


_NEXT_WORDS = re.compile(r"[ \t]+([A-Za-z]+(?:[ \t]+[A-Za-z]+)?)")
_URLISH = re.compile(r"[=?&]|://|www\.")
_MAX_OF_WORDS = 4


def _in_url(text: str, start: int, end: int) -> bool:
    """True when the figure sits inside a URL or query string ("?q=30%25")."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return bool(_URLISH.search(text, left, right))


def _percent_word_starts(text: str) -> list[int]:
    """Where "percent" or "per cent" starts, found by plain string search: a regex scan of the whole
    document would cost more than the rare heading-style percentage it looks for.
    """
    starts: list[int] = []
    for needle in ("ercent", "ERCENT", "er cent", "ER CENT"):
        at = text.find(needle)
        while at > 0:
            starts.append(at - 1)
            at = text.find(needle, at + 1)
    return starts


def of_phrase(ctx: ExtractionContext, pos: int) -> tuple[str, int] | None:
    """What a percentage at ``pos`` is of: a listed measure's name, else the head noun phrase."""
    text = ctx.document.text
    of = _OF.match(text, pos)
    if of is None:
        return None
    resolver = resolver_for(ctx.rules)
    noun = resolver.resolve(text, of.end(), document_facts(ctx), modifiers=0, plural_nouns=False)
    if noun is not None and not noun.countable:
        return noun.unit, noun.end
    stop = resolver.stopwords
    words: list[str] = []
    end = of.end()
    at = of.end()
    while len(words) < _MAX_OF_WORDS:
        match = _PHRASE_WORD.match(text, at)
        if match is None or match.group(1).lower() in stop:
            break
        words.append(match.group(1))
        end = at = match.end(1)
    if not words:
        return None
    return " ".join(words), end


def _percent_idioms(rules: RuleBook) -> frozenset[str]:
    """The words after "100 percent" that make it an idiom, once per rule book."""
    return frozenset(w.lower() for w in rules.lexicon.percent_idioms)


def _idiom(ctx: ExtractionContext, value: float, end: int) -> bool:
    """True for "100 percent sure", "110% behind him": a whole hundred or more, said of a person's state."""
    if value < 100:
        return False
    following = _NEXT_WORDS.match(ctx.document.text, end)
    if following is None:
        return False
    idioms = ctx.rules.compiled(_percent_idioms)
    words = following.group(1).lower().split()
    return words[0] in idioms or " ".join(words) in idioms


def find_percents(ctx: ExtractionContext) -> list[Extracted]:
    """Every percentage in the document that is not a share of a countable group."""
    text = ctx.document.text
    found: list[Extracted] = []
    for match, quantity in percent_quantities(text):
        if match.group("suf1") is None and match.group("suf2") is None:
            continue
        if "%" in text[quantity.start : quantity.end] and _in_url(text, quantity.start, quantity.end):
            continue
        if share_target(ctx, quantity.end, groups_only=True) is not None:
            continue
        if (
            not quantity.ranged
            and quantity.qualifier == "exact"
            and _idiom(ctx, quantity.value, quantity.end)
        ):
            continue
        of = of_phrase(ctx, quantity.end)
        # A range's suffix may stand after its second figure only ("2 to 3 percentage points").
        suffix = (quantity.ranged and match.group("suf2")) or match.group("suf1")
        value = PercentValue(
            low=quantity.low,
            high=quantity.high,
            of=of[0] if of else None,
            qualifier=quantity.qualifier,
            points=in_points(suffix),
        )
        found.append(Extracted("percent", quantity.start, quantity.end, value))
    for start in _percent_word_starts(text):
        heading = _percent_of_figure().match(text, start)
        figure = parse_number(heading.group("num")) if heading else None
        if heading is not None and figure is not None:
            found.append(
                Extracted("percent", heading.start(), heading.end(), PercentValue(low=figure, high=figure))
            )
    found.sort(key=lambda e: e.start)
    return found


class PercentExtractor:
    """Finds percentages: "3% of GDP", "twenty per cent", "a 5.5% rise", "between 2 and 3 percent"."""

    kind: ClaimKind = "percent"

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        return find_percents(ctx)
