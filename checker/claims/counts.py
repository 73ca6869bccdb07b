"""Count claims: how many of something, or what share of a countable whole.

A count is a number followed by a counted noun ("18 member states", "more than 5,000 casualties") or a
share of a group ("two thirds of the member states", "less than half of them", "90% of members").  The
nouns come from rules/units.yml; a noun that means a group (rules/entities.yml) is named by the
group's canonical name, so sources that say "members" and "member states" meet on one key.
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass

from checker.claims.amounts import amounts_in
from checker.claims.base import Extracted, ExtractionContext
from checker.models import ClaimKind, CountValue
from checker.numbers import (
    DENOMINATORS,
    ONES,
    PERCENT_ANCHOR,
    PERCENT_SIGN,
    QUALIFIERS,
    SCALES,
    TENS,
    Quantity,
    iter_numbers_quantities,
    iter_quantities_near,
    quantity_pattern,
    trie_pattern,
)
from checker.rules import RuleBook
from checker.rulespecs import UnitSpec

_QUANTITY = re.compile(quantity_pattern())
_PERCENT = re.compile(quantity_pattern(suffix=PERCENT_SIGN))
_WORD = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’-]*)(?![\w-])")
_OF = re.compile(r"\s+of\s+((?:(?:the|its|their|our|all|these|those|his|her|your|my)\s+)*)", re.IGNORECASE)
_PRONOUN = re.compile(r"(?:them|those|these)\b", re.IGNORECASE)
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
_STATED_YEAR = re.compile(r"\b(?:(?:back\s+)?in|as\s+of)\s+((?:1[89]|20)\d\d)\b(?!\s*[-–/]\d)", re.IGNORECASE)
_MONTH_BEFORE = re.compile(
    r"(?i:\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)\s+$"
)
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "'s", "’s")
_NUMBER_WORDS = frozenset({*ONES, *TENS, *SCALES, *DENOMINATORS})
_QUALIFIER_WORDS = frozenset(word for phrase in QUALIFIERS for word in phrase.split())
_RATES = ("per", "every", "for every")
"""What stands before the base of a rate ("3 per 1,000 births")."""
_RATIO_JOINS = ("in", "out of")
"""What joins a ratio's two figures ("one in five children", "eight out of 10 voters")."""
_RANKING = frozenset({"top", "bottom"})


_BEFORE_FIGURE = re.compile(
    rf"(?:(?P<rate>\b(?i:{trie_pattern(_RATES)}))\s+"
    r"|(?<![\w'’.-])(?P<word>[A-Za-z][A-Za-z\d&]*)[ \u00a0]"
    r"|(?<![\w'’.-])(?P<named>[A-Za-z][A-Za-z\d&]*)\s+of\s+"
    rf"|(?P<ratio>(?<![\w.,])(?:\d[\d,.]*|(?i:{trie_pattern({*ONES, *TENS})}))"
    rf"\s+(?P<ratio_join>(?i:{trie_pattern(_RATIO_JOINS)}))\s+))$"
)
"""What stands just before a count's figure: a word (a capitalised one names: "Boeing 737"),
"Capitalised of" ("Group of 20"), a rate ("3 per 1,000 births") or a ratio ("one in five children")."""
_WORDS_BEFORE_A_BASE = frozenset(
    {phrase.split()[-1] for phrase in (*_RATES, *_RATIO_JOINS)} | {"of"} | _RANKING
)
"""The lowercase words that can end what ``_BEFORE_FIGURE`` finds when no capital does: the last
words of a rate or ratio, the "of" of "Group of 20", a ranking (see ``_may_stand_before_a_figure``)."""
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n][\"'”’)]*\s+)[\"'“‘(]*$")


@dataclass(frozen=True)
class CountedNoun:
    """What a noun phrase after a number counts: a unit name and, for a group, its entity id."""

    unit: str
    group: str | None
    end: int
    """Where the noun phrase ends in the text."""
    countable: bool = True
    listed: bool = True
    """False for an unlisted plural counted by its own lemma."""


class NounResolver:
    """Reads the noun phrase after a number, using units.yml, entities.yml and the stopword list."""

    def __init__(self, rules: RuleBook) -> None:
        self.index = rules.entity_index
        self.forms: dict[str, UnitSpec] = {}
        for unit in rules.units.units:
            for form in unit.forms:
                self.forms.setdefault(_fold(form), unit)
        self.group_names: dict[str, str] = {}
        for entity in rules.entities.entities:
            if entity.type == "group":
                for name in [entity.name, *entity.aliases]:
                    self.group_names.setdefault(_fold(name), entity.id)
        self.not_counted = {_fold(w) for w in rules.units.not_counted}
        self.stopwords = {w.lower() for w in rules.lexicon.stopwords}
        self.any_plural_noun = rules.units.any_plural_noun
        self.not_names_before_figure = frozenset(
            {w.lower() for w in rules.units.lead_words} | self.stopwords | _NUMBER_WORDS | _QUALIFIER_WORDS
        )
        """Capitalised words before a figure that name nothing ("Another 500", "Some 300", "Ten 000")."""
        self._alias_patterns: dict[str, re.Pattern[str] | None] = {}
        self.longest_form = max([len(f.split()) for f in [*self.forms, *self.group_names]] + [1])

    def alias_pattern(self, entity_id: str) -> re.Pattern[str] | None:
        """A pattern for every name of one entity, as EntityIndex matches them (case as written)."""
        if entity_id not in self._alias_patterns:
            entity = self.index.entities.get(entity_id)
            names = [entity.name, *entity.aliases] if entity else []
            self._alias_patterns[entity_id] = (
                re.compile(rf"(?<![\w-]){trie_pattern(set(names))}(?![\w-])") if names else None
            )
        return self._alias_patterns[entity_id]

    def group_unit(self, group_id: str, facts: DocumentFacts) -> str | None:
        """The group's name when the document names what the group belongs to."""
        entity = self.index.entities.get(group_id)
        if entity is None or (entity.part_of is not None and not facts.named(entity.part_of)):
            return None
        return entity.name

    def resolve(
        self, text: str, pos: int, facts: DocumentFacts, modifiers: int = 2, plural_nouns: bool = True
    ) -> CountedNoun | None:
        """The counted noun starting at ``pos`` (after spaces), allowing a few modifiers before it."""
        words: list[tuple[str, int, int]] = []
        at = pos
        while len(words) < modifiers + self.longest_form:
            match = _WORD.match(text, at)
            if match is None:
                break
            words.append((match.group(1), match.start(1), match.end(1)))
            at = match.end(1)
        for skip in range(min(modifiers + 1, len(words))):
            for size in range(min(self.longest_form, len(words) - skip), 0, -1):
                phrase = _fold(" ".join(w for w, _, _ in words[skip : skip + size]))
                end = words[skip + size - 1][2]
                group_id = self.group_names.get(phrase)
                if group_id is not None:
                    name = self.index.name(group_id)
                    return CountedNoun(name, group_id, end)
                unit = self.forms.get(phrase)
                if unit is not None and unit.alone and not self._stands_alone(text, end):
                    unit = None
                if unit is not None:
                    if unit.group is not None:
                        group_name = self.group_unit(unit.group, facts)
                        if group_name is not None:
                            return CountedNoun(group_name, unit.group, end, unit.countable)
                    return CountedNoun(unit.unit, None, end, unit.countable)
            word = words[skip][0]
            folded = word.lower()
            if folded in self.not_counted or folded in self.stopwords:
                return None
            if plural_nouns and self.any_plural_noun and (_looks_plural(word) or _PEOPLES.fullmatch(word)):
                return CountedNoun(singular(folded), None, words[skip][2], listed=False)
            if word.endswith("s") and word[:1].islower():
                return None  # a plural that is not a counted noun ends the phrase
        return None

    def _stands_alone(self, text: str, end: int) -> bool:
        """True when no noun follows ``end``: a pause, the end, or a word such as "and" or "in"."""
        after = _WORD_AFTER_ALONE.match(text, end)
        return after is None or after.group(1) is None or after.group(1).lower() in self.stopwords


_WORD_AFTER_ALONE = re.compile(r"\s*(?:([A-Za-z][\w'’-]*)|[,.;:!?)\]\"”’]|\Z)")


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().replace("’", "'"))


_PEOPLES = re.compile(r"[A-Z][a-z]{2,}ans")
"""Capitalised plurals that name people by where they are from: "21 Palestinians", "3 Americans".
Other capitalised words after a figure are names ("Boeing 737 Max", "2 Paris"); so are some in
"-is" ("Davis", "Tunis"), which is why "Israelis" is not among these."""


def _looks_plural(word: str) -> bool:
    return len(word) > 3 and word.islower() and word.endswith("s") and not word.endswith(_NOT_PLURAL_ENDINGS)


def singular(noun: str) -> str:
    """The singular of a regular English plural: "casualties" -> "casualty", "drones" -> "drone"."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("sses", "shes", "ches", "xes", "zes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


def resolver_for(rules: RuleBook) -> NounResolver:
    """The noun resolver of a rule book, built once per rule book."""
    return rules.compiled(NounResolver)


class DocumentFacts:
    """Which organisations a document names, looked up lazily: one search per organisation asked about."""

    def __init__(self, text: str, rules: RuleBook) -> None:
        self.text = text
        self.rules = rules
        self._named: dict[str, bool] = {}

    def named(self, entity_id: str) -> bool:
        """True when the document names the entity (by its name or an alias)."""
        if entity_id not in self._named:
            pattern = resolver_for(self.rules).alias_pattern(entity_id)
            self._named[entity_id] = pattern is not None and pattern.search(self.text) is not None
        return self._named[entity_id]

    def present(self) -> set[str]:
        """The organisations of groups (``part_of``) that the document names."""
        parents = {e.part_of for e in self.rules.entities.entities if e.type == "group" and e.part_of}
        return {p for p in parents if self.named(p)}


_FACTS: list[DocumentFacts] = []


def document_facts(ctx: ExtractionContext) -> DocumentFacts:
    """The facts of the context's document, kept while the same document is being extracted."""
    text = ctx.document.text
    if _FACTS and _FACTS[0].text is text and _FACTS[0].rules is ctx.rules:
        return _FACTS[0]
    facts = DocumentFacts(text, ctx.rules)
    _FACTS[:] = [facts]
    return facts


def share_target(ctx: ExtractionContext, pos: int, *, groups_only: bool) -> CountedNoun | None:
    """The whole a share is of, when "of ..." at ``pos`` names a countable whole.

    "them"/"those" stand for the nearest group named earlier in the same sentence.  With
    ``groups_only`` only groups and listed countable nouns qualify (percentages of other plurals
    stay percentages); otherwise any plural noun does.
    """
    text = ctx.document.text
    of = _OF.match(text, pos)
    if of is None:
        return None
    resolver = resolver_for(ctx.rules)
    facts = document_facts(ctx)
    pronoun = _PRONOUN.match(text, of.end())
    if pronoun is not None and not of.group(1):
        antecedent = _antecedent(ctx, pos, facts.present())
        if antecedent is None:
            return None
        return CountedNoun(antecedent[0], antecedent[1], pronoun.end())
    noun = resolver.resolve(text, of.end(), facts, modifiers=1, plural_nouns=not groups_only)
    if noun is None or not noun.countable:
        return None
    return noun


def _antecedent(ctx: ExtractionContext, pos: int, present: set[str]) -> tuple[str, str] | None:
    """The last group named in the sentence before ``pos``."""
    resolver = resolver_for(ctx.rules)
    text = ctx.document.text
    sentence_start, _ = ctx.document.sentence_span(pos)
    best: tuple[int, str] | None = None
    for mention in resolver.index.mentions(text, sentence_start, pos):
        entity = resolver.index.entities.get(mention.entity or "")
        if entity is not None and entity.type == "group":
            best = (mention.start, entity.id)
    for mention in resolver.index.group_mentions(text, sentence_start, pos, present):
        if mention.entity and (best is None or mention.start > best[0]):
            best = (mention.start, mention.entity)
    if best is None:
        return None
    return resolver.index.name(best[1]), best[1]


def _hints(ctx: ExtractionContext, start: int, end: int, group: str | None) -> dict[str, str]:
    """Keying context: the group id, an origin cue ("began with"), a year the sentence states."""
    text = ctx.document.text
    hints: dict[str, str] = {}
    if group:
        hints["group"] = group
    sentence_start, sentence_end = ctx.document.sentence_span(start)
    window = text[max(sentence_start, start - 40) : min(sentence_end, end + 25)].lower()
    if any(cue.lower() in window for cue in ctx.rules.lexicon.origin_cues):
        hints["scope"] = "origin"
    years = [
        m for m in _STATED_YEAR.finditer(text, sentence_start, sentence_end) if not start <= m.start() < end
    ]
    if years:
        nearest = min(years, key=lambda m: abs(m.start() - start))
        hints["year"] = nearest.group(1)
    return hints


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of ``spans`` (sorted by start, not overlapping each other)."""
    index = bisect.bisect_left(spans, (end, end))
    return index > 0 and spans[index - 1][1] > start


_LAST_PERCENTS: list[tuple[str, list[tuple[re.Match[str], Quantity]]]] = []


def percent_quantities(text: str) -> list[tuple[re.Match[str], Quantity]]:
    """Every figure with a percent sign or word in ``text``, found once per document: percent
    claims and count shares ("90% of members") both start from them.
    """
    if _LAST_PERCENTS and _LAST_PERCENTS[0][0] is text:
        return _LAST_PERCENTS[0][1]
    found = [
        (match, quantity)
        for match, quantity in iter_quantities_near(_PERCENT, text, PERCENT_ANCHOR, before=120, after=10)
        if not _year_before_percent(match, quantity)
    ]
    _LAST_PERCENTS[:] = [(text, found)]
    return found


def _year_before_percent(match: re.Match[str], quantity: Quantity) -> bool:
    """True for the year in "in 2020 and 2021 to 8%" or "3% in 2023 and 4%": a bare year-like figure
    whose percent sign belongs to the figure after it (a range that did not hold).
    """
    return match.group("suf1") is None and _looks_like_year(quantity, match)


def _looks_like_year(quantity: Quantity, match: re.Match[str]) -> bool:
    """A bare figure such as 2024 before an unlisted noun is a year ("2024 elections"), not a count."""
    return (
        quantity.qualifier == "exact"
        and not quantity.ranged
        and bool(_YEAR_LIKE.fullmatch(match.group("num1")))
    )


def _after_month(text: str, quantity: Quantity) -> bool:
    """A day after a month name ("April 4 talks") is a date, not a count."""
    return _MONTH_BEFORE.search(text, max(0, quantity.start - 12), quantity.start) is not None


_GLUED_TO_A_FIGURE = re.compile(r"\d[-–/]\Z")
"""The second figure of "the 2024-25 season", "won 3-2", "24/7": no count of what follows, when the
two made no range of one count."""


def _not_counting(text: str, quantity: Quantity, resolver: NounResolver) -> bool:
    """True when the words before a bare figure make it no count of what follows.

    "Boeing 737 aircraft", "iPhone 15 units", "Route 66 attracts", "the Group of 20": a capitalised
    word (not a listed lead word such as "Another") right before the figure makes it part of a name.
    "3 per 1,000 live births", "one in five children", "eight out of 10 voters": the figure is the
    base of a rate or ratio ("18 out of 32 Allies" keeps its whole of 32, a base being 10 or fewer,
    100 or 1,000). "the top 10 banks" ranks rather than counts.
    """
    if quantity.qualifier != "exact" or not _may_stand_before_a_figure(text, quantity.start):
        return False
    before = _BEFORE_FIGURE.search(text, max(0, quantity.start - 40), quantity.start)
    if before is None:
        return False
    name = before.group("word") or before.group("named")
    if before.group("named") is not None and _SENTENCE_START.search(
        text, max(0, before.start() - 12), before.start()
    ):
        return False  # "Sales of 50,000 units": a capital that only starts the sentence
    if name is not None:
        if not text[quantity.start : quantity.start + 1].isdigit():
            return False
        folded = name.lower()
        if folded in _RANKING:
            return True
        return (
            name != folded
            and folded not in resolver.not_names_before_figure
            and not _in_title_case_line(text, quantity.start)
        )
    if before.group("rate") is not None:
        return True
    if before.group("ratio_join").lower() == "in":
        return True
    return quantity.value <= 10 or quantity.value in (100, 1000)


def _may_stand_before_a_figure(text: str, start: int) -> bool:
    """Whether ``_BEFORE_FIGURE`` can find anything that makes the figure at ``start`` no count.

    Everything it finds ends in a word and white space: a word with a capital ("Boeing", "iPhone") or
    one of ``_WORDS_BEFORE_A_BASE``.  Reading that last word back from the figure (over the same 40
    characters, letters, digits and "&" as the pattern's words) spares most figures, which follow a
    lowercase word, the search; it never turns one away that the search would find.
    """
    floor = max(0, start - 40)
    end = start
    while end > floor and text[end - 1].isspace():
        end -= 1
    if end == start:
        return False
    begin = end
    while begin > floor and text[begin - 1] in _WORD_CHARACTERS:
        begin -= 1
    word = text[begin:end]
    return word != word.lower() or any(part in _WORDS_BEFORE_A_BASE for part in word.split("&"))


_WORD_CHARACTERS = frozenset(string.ascii_letters + string.digits + "&")


_LONG_WORD = re.compile(r"[A-Za-z][a-z]{3,}")


_LAST_TITLE_LINES: list[tuple[str, dict[int, bool]]] = []
"""The latest document and, by line start, whether the line is in title case: a line is read once,
not once per figure in it (a document written as one long line made that quadratic)."""


def _in_title_case_line(text: str, at: int) -> bool:
    """A headline in title case ("Russia Fires 40 Missiles at Kyiv"): a capital there names nothing.

    Most of the line's longer words capitalised, at least three of them, is a headline's case.
    """
    if not _LAST_TITLE_LINES or _LAST_TITLE_LINES[0][0] is not text:
        _LAST_TITLE_LINES[:] = [(text, {})]
    lines = _LAST_TITLE_LINES[0][1]
    start = text.rfind("\n", 0, at) + 1
    found = lines.get(start)
    if found is None:
        end = text.find("\n", at)
        words: list[str] = _LONG_WORD.findall(text, start, end if end != -1 else len(text))
        capitalised = sum(word[0].isupper() for word in words)
        found = lines[start] = capitalised >= 3 and capitalised >= 0.7 * len(words)
    return found


def find_counts(ctx: ExtractionContext) -> list[Extracted]:
    """Every count and count share in the document."""
    text = ctx.document.text
    resolver = resolver_for(ctx.rules)
    taken = [(a.start, a.end) for a in amounts_in(ctx)]
    found: list[Extracted] = []
    facts = document_facts(ctx)

    for match, quantity in percent_quantities(text):
        if match.group("suf1") is None and match.group("suf2") is None:
            continue
        whole = share_target(ctx, quantity.end, groups_only=True)
        taken.append((quantity.start, quantity.end))
        if whole is None:
            continue
        value = CountValue(
            low=None, high=None, unit=whole.unit, qualifier=quantity.qualifier,
            share=round(quantity.value / 100, 6), of=whole.unit,
        )  # fmt: skip
        found.append(
            Extracted(
                "count", quantity.start, whole.end, value, _hints(ctx, quantity.start, whole.end, whole.group)
            )
        )

    taken = _disjoint(taken)
    for match, quantity in iter_numbers_quantities(_QUANTITY, text):
        if (
            _overlaps(taken, quantity.start, quantity.end)
            or _after_month(text, quantity)
            or _GLUED_TO_A_FIGURE.search(text, max(0, quantity.start - 2), quantity.start)
            or _not_counting(text, quantity, resolver)
        ):
            continue
        if text[quantity.end : quantity.end + 1] == "-" or text[quantity.end : quantity.end + 1].isalpha():
            continue  # "two-day", "18-month-long": the number is part of an adjective
        if quantity.value < 1 and not quantity.ranged:
            whole = share_target(ctx, quantity.end, groups_only=False)
            if whole is None:
                continue
            value = CountValue(
                low=None, high=None, unit=whole.unit, qualifier=quantity.qualifier,
                share=round(quantity.value, 6), of=whole.unit,
            )  # fmt: skip
            found.append(
                Extracted(
                    "count",
                    quantity.start,
                    whole.end,
                    value,
                    _hints(ctx, quantity.start, whole.end, whole.group),
                )
            )
            continue
        noun = resolver.resolve(text, quantity.end, facts)
        if noun is None or not noun.countable or (not noun.listed and _looks_like_year(quantity, match)):
            continue
        value = CountValue(low=quantity.low, high=quantity.high, unit=noun.unit, qualifier=quantity.qualifier)
        found.append(
            Extracted(
                "count", quantity.start, noun.end, value, _hints(ctx, quantity.start, noun.end, noun.group)
            )
        )
    found.sort(key=lambda e: e.start)
    return found


class CountExtractor:
    """Finds counts ("18 member states", "one million doses") and shares ("two thirds of the members")."""

    kind: ClaimKind = "count"

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        return find_counts(ctx)
