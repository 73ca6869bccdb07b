"""Misquotes: where two versions of one quote differ, and whether the difference matters.

Two sources quoting the same words may differ in punctuation, case, elided words ("…") or a
writer's [bracketed] insertion; none of that changes what was said.  A difference is *material*
when it changes a number, adds or drops a negation, swaps a word for its antonym or swaps a
named entity.  The word lists are language data from rules/lexicon.yml (``quote_negations``,
``quote_antonyms``, ``quote_number_words``); names come from rules/entities.yml plus any word
capitalised where a sentence does not start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from checker.quotematch import Alignment, QuoteWord, QuoteWords, word_alignment
from checker.rules import RuleBook

Material = Literal["number", "negation", "antonym", "entity"]
MATERIAL: tuple[Material, ...] = ("number", "negation", "antonym", "entity")

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_CONTEXT = 3
"""Words shown either side of a difference."""


@dataclass(frozen=True, slots=True)
class Change:
    """Words of version ``a`` (``a[a_lo:a_hi]``) that version ``b`` has as ``b[b_lo:b_hi]``."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int
    before: tuple[QuoteWord, ...]
    after: tuple[QuoteWord, ...]
    material: frozenset[Material]


class WordingLexicon:
    """What makes a word difference material, compiled once per RuleBook."""

    def __init__(self, rules: RuleBook) -> None:
        lexicon = rules.lexicon
        self.negations = frozenset(_norm(w) for w in lexicon.quote_negations)
        self.antonyms = frozenset(frozenset(_norm(w) for w in pair) for pair in lexicon.quote_antonyms)
        self.numbers = {_norm(w): float(v) for w, v in lexicon.quote_number_words.items()}
        stop = {_norm(w) for w in lexicon.stopwords}
        names = (n for e in rules.entities.entities for n in [e.name, *e.aliases])
        self.entity_words = frozenset(
            w for name in names for w in re.findall(r"[\w’']+", _norm(name)) if len(w) > 1 and w not in stop
        )

    def numbers_in(self, words: tuple[QuoteWord, ...]) -> list[float]:
        """The numbers some words state, a run of number words read as one ("three hundred")."""
        found: list[float] = []
        total = current = 0.0
        in_run = False
        for word in (*words, None):
            value = self.number(word) if word is not None else None
            if value is None:
                if in_run:
                    found.append(total + current)
                total = current = 0.0
                in_run = False
                continue
            if in_run and value == 100 and current:
                current *= value
            elif in_run and value >= 1000:
                total, current = total + (current or 1) * value, 0.0
            else:
                current += value
            in_run = True
        return sorted(found)

    def number(self, word: QuoteWord) -> float | None:
        if _DIGITS.fullmatch(word.norm):
            try:
                return float(word.norm.replace(",", ""))
            except ValueError:
                return None
        return self.numbers.get(word.norm)

    def is_name(self, word: QuoteWord) -> bool:
        if word.norm in self.entity_words:
            return True
        capital = word.surface[:1].isupper() and not word.initial and len(word.surface) > 1
        return capital and word.norm.split("'")[0] != "i"

    def classify(self, before: tuple[QuoteWord, ...], after: tuple[QuoteWord, ...]) -> frozenset[Material]:
        found: set[Material] = set()
        if self.numbers_in(before) != self.numbers_in(after):
            found.add("number")
        if sum(w.norm in self.negations for w in before) != sum(w.norm in self.negations for w in after):
            found.add("negation")
        if any(frozenset((x.norm, y.norm)) in self.antonyms for x in before for y in after):
            found.add("antonym")
        if {_stem(w.norm) for w in before if self.is_name(w)} != {
            _stem(w.norm) for w in after if self.is_name(w)
        }:
            found.add("entity")
        return frozenset(found)


def wording_lexicon(rules: RuleBook) -> WordingLexicon:
    """The compiled lexicon of a RuleBook, built once."""
    return rules.compiled(WordingLexicon)


def _norm(word: str) -> str:
    return word.replace("’", "'").lower().strip()


def _stem(norm: str) -> str:
    return norm[:-2] if norm.endswith("'s") else norm


def differences(a: QuoteWords, b: QuoteWords, alignment: Alignment, lexicon: WordingLexicon) -> list[Change]:
    """The word differences between two versions of one quote, where they overlap.

    Words one version has beyond the other's ends are not differences (a source may quote less),
    nor are words the other version elides with an ellipsis, nor a writer's [bracketed] words.
    """
    if alignment.exact:
        return []
    short, long = (a, b) if alignment.a_is_short else (b, a)
    changes: list[Change] = []
    for tag, s_lo, s_hi, l_lo, l_hi in word_alignment(short, long, alignment.lo, alignment.hi):
        if tag == "equal":
            continue
        if tag == "insert" and s_lo in short.gaps:
            continue  # the shorter version elides these words with an ellipsis
        if tag == "delete" and (s_lo == 0 or s_hi == len(short.norms) or l_lo in long.gaps):
            continue  # the shorter version runs on past the longer one's end, or those are elided
        short_words, long_words = short.words[s_lo:s_hi], long.words[l_lo:l_hi]
        if all(w.editorial for w in (*short_words, *long_words)):
            continue
        if alignment.a_is_short:
            a_lo, a_hi, b_lo, b_hi = s_lo, s_hi, l_lo, l_hi
        else:
            a_lo, a_hi, b_lo, b_hi = l_lo, l_hi, s_lo, s_hi
        before, after = a.words[a_lo:a_hi], b.words[b_lo:b_hi]
        changes.append(Change(a_lo, a_hi, b_lo, b_hi, before, after, lexicon.classify(before, after)))
    return changes


def render_change(a: QuoteWords, changes: list[Change]) -> str:
    """Version ``a`` around its differences with ``b``, each marked: "… we [will → won't] go …"."""
    return _render(a, [(c.a_lo, c.a_hi, _arrow(c)) for c in changes])


def render_side(words: QuoteWords, changes: list[Change], side: Literal["a", "b"]) -> str:
    """One version around the differing words, which are bracketed: "… we [won't] go …"."""
    spans = [
        (c.a_lo, c.a_hi, _words(c.before)) if side == "a" else (c.b_lo, c.b_hi, _words(c.after))
        for c in changes
    ]
    return _render(words, [(lo, hi, f"[{text}]" if text else "") for lo, hi, text in spans])


def _arrow(change: Change) -> str:
    before, after = _words(change.before), _words(change.after)
    if not before:
        return f"[+ {after}]"
    if not after:
        return f"[− {before}]"
    return f"[{before} → {after}]"


def _words(words: tuple[QuoteWord, ...]) -> str:
    return " ".join(w.surface for w in words)


def _render(quote: QuoteWords, marks: list[tuple[int, int, str]]) -> str:
    """``quote``'s words with ``marks`` replacing spans and a few words of context around each."""
    pieces: list[str] = []
    shown_to = 0
    surfaces = [w.surface for w in quote.words]
    marks = sorted(set(marks))
    for i, (lo, hi, mark) in enumerate(marks):
        start = max(lo - _CONTEXT, shown_to)
        if start > shown_to:
            pieces.append("…")
        pieces.extend(surfaces[start:lo])
        if mark:
            pieces.append(mark)
        following = marks[i + 1][0] if i + 1 < len(marks) else len(surfaces)
        end = max(min(hi + _CONTEXT, following), hi)
        pieces.extend(surfaces[hi:end])
        shown_to = end
    if shown_to < len(surfaces):
        pieces.append("…")
    return " ".join(pieces)
