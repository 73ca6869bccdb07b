"""What a claim is about: subject + property + time scope, so that sources meet on it.

Keys come from the property rules in rules/properties.yml where one fits, and from the claim's
own context otherwise (the event a date belongs to, the group a count counts, the purpose of a
sum).  A key is deliberately specific: two claims that do not meet stay unverified, which is
safe; two claims that meet wrongly become a false conflict, which is not.

Quotes are keyed across the whole corpus (``assign_quote_keys``) because what identifies a quote
is its words, found in other sources by shingle blocking rather than by context.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from pydantic import BaseModel

from checker.claims.base import Extracted
from checker.documents import Document
from checker.entities import Mention
from checker.models import (
    AmountClaim,
    AmountValue,
    Claim,
    ClaimKind,
    CountClaim,
    CountValue,
    DateClaim,
    DateValue,
    PercentClaim,
    PercentValue,
    QuoteClaim,
    QuoteValue,
    compact,
    shared_fields,
    trusted,
)
from checker.rules import RuleBook
from checker.rulespecs import PropertySpec

_EVENT_REACH = 60
"""How far (in characters) an event word may sit from a date and still be its event."""
_REFERENCE_TIMEXES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A lowercase, hyphenated form of a name for use inside keys."""
    return _SLUG.sub("-", text.lower().replace("’", "'").replace("'", "")).strip("-")


def _phrase_pattern(phrases: Sequence[str]) -> re.Pattern[str]:
    ordered = sorted({p.lower() for p in phrases}, key=lambda p: (-len(p), p))
    if not ordered:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _FigureContext:
    """The sentence and time scope a figure's key is built from."""

    s_start: int
    s_end: int
    sentence: str
    scope: str
    as_of: str | None


@dataclass(frozen=True)
class _CompiledProperty:
    spec: PropertySpec
    sentence: tuple[re.Pattern[str], ...]


class Keyer:
    """Compiled keying knowledge from a rule book; build once, key many documents."""

    def __init__(self, rules: RuleBook) -> None:
        self.rules = rules
        lexicon = rules.lexicon
        self.entities = rules.entity_index
        self.stopwords = frozenset(w.lower() for w in lexicon.stopwords)
        self.event_synonyms = {k.lower(): v.lower() for k, v in lexicon.event_synonyms.items()}
        participant_phrases: dict[str, str] = {}
        for pid, phrases in lexicon.event_participants.items():
            for phrase in phrases:
                participant_phrases[phrase.lower()] = pid
        self._participant_of = participant_phrases
        self._participants_re = _phrase_pattern(list(participant_phrases))
        self._event_re = _phrase_pattern(lexicon.event_nouns)
        self._purpose_re = _phrase_pattern(lexicon.amount_purposes)
        self._origin_re = _phrase_pattern(lexicon.origin_cues)
        self._mention_cache: tuple[
            Document | None, tuple[list[int], list[Mention], list[int], list[Mention]], set[str]
        ] = (None, ([], [], [], []), set())
        self._events: tuple[str | None, dict[tuple[int, int], list[tuple[int, int, str]]]] = (None, {})
        self._properties = [
            _CompiledProperty(p, tuple(re.compile(rx, re.IGNORECASE) for rx in p.when.sentence_matches))
            for p in rules.properties.properties
        ]

    # --- shared context -------------------------------------------------------------------------

    def _event(self, text: str, start: int, end: int, s_start: int, s_end: int) -> tuple[str, int] | None:
        """The event word nearest the claim in its sentence, canonicalised, and its offset."""
        best: tuple[int, str, int] | None = None
        for m_start, m_end, word in self._event_words(text, s_start, s_end):
            distance = start - m_end if m_end <= start else m_start - end
            if m_start < end and m_end > start:
                continue
            if abs(distance) <= _EVENT_REACH and (best is None or abs(distance) < best[0]):
                best = (abs(distance), word, m_start)
        return (best[1], best[2]) if best else None

    def _event_words(self, text: str, s_start: int, s_end: int) -> list[tuple[int, int, str]]:
        """The canonical event words of one sentence, found once for all the claims in it."""
        if self._events[0] is not text:
            self._events = (text, {})
        cache = self._events[1]
        found = cache.get((s_start, s_end))
        if found is None:
            found = []
            for match in self._event_re.finditer(text, s_start, s_end):
                word = match.group(0).lower()
                found.append((match.start(), match.end(), self.event_synonyms.get(word, word)))
            cache[(s_start, s_end)] = found
        return found

    def _participants(self, text: str, s_start: int, s_end: int, near: int) -> str | None:
        """Who the event is of, when the sentence names them near the event word."""
        best: tuple[int, str] | None = None
        for match in self._participants_re.finditer(text, s_start, s_end):
            pid = self._participant_of.get(re.sub(r"\s+", " ", match.group(0).lower()))
            if pid is None:
                continue
            distance = min(abs(match.start() - near), abs(match.end() - near))
            if best is None or distance < best[0]:
                best = (distance, pid)
        return best[1] if best and best[0] <= 80 else None

    def _signature(self, text: str, start: int, end: int, s_start: int, s_end: int, width: int = 3) -> str:
        """Content words around the claim: a fallback property that only near-copies share."""
        before = [w for w in _WORD.findall(text[s_start:start]) if w.lower() not in self.stopwords]
        after = [w for w in _WORD.findall(text[end:s_end]) if w.lower() not in self.stopwords]
        words = sorted({w.lower() for w in before[-width:] + after[:width]})
        return "~" + "+".join(slug(w) for w in words) if words else "~"

    def _property(
        self, kind: ClaimKind, sentence: str, unit: str | None, of: str | None
    ) -> PropertySpec | None:
        for prop in self._properties:
            spec = prop.spec
            if kind not in spec.kinds:
                continue
            if spec.when.units and (unit is None or unit.lower() not in {u.lower() for u in spec.when.units}):
                continue
            if spec.when.of and (of is None or not any(o.lower() in of.lower() for o in spec.when.of)):
                continue
            if prop.sentence and not any(rx.search(sentence) for rx in prop.sentence):
                continue
            return spec
        return None

    # --- per kind -------------------------------------------------------------------------------

    def key_date(
        self, doc: Document, ex: Extracted, value: DateValue
    ) -> tuple[str | None, str | None, str | None]:
        text = doc.text
        s_start, s_end = doc.sentence_span(ex.start)
        sentence = text[s_start:s_end]
        prop = self._property("date", sentence, None, None)
        as_of = value.start or value.end
        if value.timex in _REFERENCE_TIMEXES:
            return None, as_of, None  # "now", "the future": no event to compare
        if prop:
            return f"date:{slug(prop.subject)}/{prop.id}", as_of, None
        event = self._event(text, ex.start, ex.end, s_start, s_end)
        if event:
            word, at = event
            who = self._participants(text, s_start, s_end, at)
            if who is None:
                who = self._modifier(text, at)
            if who is None:
                people = self._entities(doc, s_start, s_end, person=True)
                who = "+".join(people) if people else None
            return (f"date:{who}/{slug(word)}" if who else f"date:{slug(word)}"), as_of, None
        people = self._entities(doc, s_start, s_end, person=True)
        if len(people) >= 2:
            return f"date:{'+'.join(people)}/together", as_of, None
        signature = self._signature(text, ex.start, ex.end, s_start, s_end)
        return (f"date:{signature}" if signature != "~" else None), as_of, None

    def _modifier(self, text: str, at: int) -> str | None:
        """A capitalised name right before the event word ("Geneva Summit", "G20 summit")."""
        before = text[max(0, at - 40) : at]
        match = re.search(r"((?:[A-Z][\w\-’']*\s+){1,3})$", before)
        if not match:
            return None
        words = [w for w in match.group(1).split() if w.lower() not in self.stopwords]
        return slug(" ".join(words)) or None

    def _document_mentions(self, doc: Document) -> tuple[list[int], list[Mention], list[int], list[Mention]]:
        """Every name and group noun in a document, found once and sliced per sentence by bisect."""
        if self._mention_cache[0] is not doc:
            names = self.entities.mentions(doc.text, 0, len(doc.text), doc.published)
            present = {m.entity for m in names if m.entity}
            groups = self.entities.group_mentions(doc.text, 0, len(doc.text), present)
            self._mention_cache = (
                doc,
                ([m.start for m in names], names, [m.start for m in groups], groups),
                present,
            )
        return self._mention_cache[1]

    def _entities(self, doc: Document, s_start: int, s_end: int, person: bool) -> list[str]:
        """Entities named in a span, people or not; a possessor ("France's allies") is skipped."""
        found: list[str] = []
        text = doc.text
        name_starts, names, group_starts, groups = self._document_mentions(doc)
        lo, hi = bisect.bisect_left(name_starts, s_start), bisect.bisect_left(name_starts, s_end)
        mentions = [m for m in names[lo:hi] if m.end <= s_end]
        if not person:
            lo, hi = bisect.bisect_left(group_starts, s_start), bisect.bisect_left(group_starts, s_end)
            mentions += [m for m in groups[lo:hi] if m.end <= s_end]
            mentions.sort(key=lambda m: m.start)
        for mention in mentions:
            if mention.entity is None or mention.entity in found:
                continue
            if text.startswith(("'s", "’s"), mention.end) or text.startswith(("' ", "’ "), mention.end):
                continue
            kind = self.entities.entities[mention.entity].type
            if (kind == "person") == person:
                found.append(mention.entity)
        return sorted(found) if person else found

    def _scope(self, doc: Document, ex: Extracted, sentence: str) -> tuple[str, str | None]:
        """Time scope of a figure: an explicit year, the origin of the thing, or now."""
        year = ex.hints.get("year")
        if year:
            return year, f"{year}-12-31" if len(year) == 4 else year
        if ex.hints.get("scope") == "origin" or self._origin_re.search(sentence):
            return "origin", None
        published = doc.published.isoformat() if doc.published else None
        return "current", published

    def _figure(self, doc: Document, ex: Extracted) -> _FigureContext:
        """What every figure's key starts from: its sentence, time scope and fallback signature."""
        s_start, s_end = doc.sentence_span(ex.start)
        sentence = doc.text[s_start:s_end]
        scope, as_of = self._scope(doc, ex, sentence)
        return _FigureContext(s_start, s_end, sentence, scope, as_of)

    def _signature_of(self, doc: Document, ex: Extracted, figure: _FigureContext) -> str:
        return self._signature(doc.text, ex.start, ex.end, figure.s_start, figure.s_end)

    def key_count(
        self, doc: Document, ex: Extracted, value: CountValue
    ) -> tuple[str | None, str | None, str | None]:
        f = self._figure(doc, ex)
        unit = value.of or value.unit
        prop = self._property("count", f.sentence, unit, value.of)
        subject = slug(ex.hints.get("group") or unit)
        prop_part = prop.id if prop else self._signature_of(doc, ex, f)
        return f"count:{subject}/{prop_part}@{f.scope}", f.as_of, f.scope

    def key_percent(
        self, doc: Document, ex: Extracted, value: PercentValue
    ) -> tuple[str | None, str | None, str | None]:
        f = self._figure(doc, ex)
        # Properties name levels ("the spending target"); a change in points is keyed apart.
        prop = None if value.points else self._property("percent", f.sentence, None, value.of)
        if prop:
            subject = slug(prop.subject.replace("{of}", value.of or ""))
            return f"percent:{subject}/{prop.id}", f.as_of, f.scope
        subject = "points" if value.points else slug(value.of) if value.of else "share"
        return f"percent:{subject}/{self._signature_of(doc, ex, f)}@{f.scope}", f.as_of, f.scope

    def key_amount(
        self, doc: Document, ex: Extracted, value: AmountValue
    ) -> tuple[str | None, str | None, str | None]:
        text = doc.text
        f = self._figure(doc, ex)
        s_start, s_end, scope, as_of = f.s_start, f.s_end, f.scope, f.as_of
        prop = self._property("amount", f.sentence, None, None)
        if prop:
            return f"amount:{slug(prop.subject)}/{prop.id}@{scope}", as_of, scope
        actors = self._entities(doc, s_start, ex.start, person=False) or self._entities(
            doc, s_start, s_end, person=False
        )
        purpose = None
        best = None
        for match in self._purpose_re.finditer(text, s_start, s_end):
            distance = min(abs(match.start() - ex.end), abs(ex.start - match.end()))
            if best is None or distance < best:
                best, purpose = distance, match.group(0).lower()
        if actors and purpose:
            return f"amount:{actors[0]}/{slug(purpose)}@{scope}", as_of, scope
        signature = self._signature_of(doc, ex, f)
        return f"amount:{actors[0] if actors else 'money'}/{signature}@{scope}", as_of, scope


# --- building claims ----------------------------------------------------------------------------


def _claim_id(source: str, kind: str, text: str, seen: dict[str, int]) -> str:
    """Stable within a document: depends on the words, not on where they sit."""
    digest = hashlib.sha256(f"{kind}\x00{text}".encode()).hexdigest()[:8]
    base = f"{source}:{kind}:{digest}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


class ClaimBuilder:
    """Turn one document's extractions into keyed, provenance-carrying Claim models."""

    def __init__(self, rules: RuleBook) -> None:
        self.keyer = Keyer(rules)

    def build(
        self, doc: Document, extracted: Sequence[Extracted], quoted: Sequence[tuple[int, int]] = ()
    ) -> list[Claim]:
        """Claims with provenance and keys; ``quoted`` are the document's quotation spans."""
        claims: list[Claim] = []
        seen: dict[str, int] = {}
        sentences: dict[tuple[int, int], str] = {}
        quoted = list(quoted) or [(e.start, e.end) for e in extracted if e.kind == "quote"]
        for ex in extracted:
            text = doc.text[ex.start : ex.end]
            line, column = doc.line_col(ex.start)
            s_start, s_end = doc.sentence_span(ex.start)
            common = {
                "id": _claim_id(doc.id, ex.kind, text, seen),
                "source": doc.id,
                "text": text,
                "start": ex.start,
                "end": ex.end,
                "line": line,
                "column": column,
                "sentence": sentences.get((s_start, s_end))
                or sentences.setdefault((s_start, s_end), " ".join(doc.text[s_start:s_end].split())),
            }
            claim = self._claim(doc, ex, common)
            if claim.key:
                claim.key = sys.intern(claim.key)
            if _relative_inside_quote(claim, quoted):
                claim.key = None
            claims.append(claim)
        return claims

    def _claim(self, doc: Document, ex: Extracted, common: dict[str, object]) -> Claim:
        """Key a claim and build its model; fields are already typed, so no validation is run."""
        value = ex.value
        keyer = self.keyer
        if isinstance(value, DateValue):
            key, as_of, scope = keyer.key_date(doc, ex, value)
        elif isinstance(value, AmountValue):
            key, as_of, scope = keyer.key_amount(doc, ex, value)
        elif isinstance(value, CountValue):
            key, as_of, scope = keyer.key_count(doc, ex, value)
        elif isinstance(value, PercentValue):
            key, as_of, scope = keyer.key_percent(doc, ex, value)
        elif isinstance(value, QuoteValue):
            key, scope = None, None
            as_of = doc.published.isoformat() if doc.published else None
        else:
            raise TypeError(f"unknown claim value {type(value).__name__}")
        cls = _CLAIM_TYPES[type(value)]
        object.__setattr__(value, "__pydantic_fields_set__", shared_fields(type(value)))
        if isinstance(value, AmountValue):
            for money in value.also:
                compact(money)
        claim = trusted(
            cls,
            {**common, "key": key, "as_of": as_of, "scope": scope, "kind": ex.kind, "value": value},
        )
        return cast(Claim, claim)


_CLAIM_TYPES: dict[type, type[BaseModel]] = {
    DateValue: DateClaim,
    AmountValue: AmountClaim,
    CountValue: CountClaim,
    PercentValue: PercentClaim,
    QuoteValue: QuoteClaim,
}


def _relative_inside_quote(claim: Claim, quoted: Sequence[tuple[int, int]]) -> bool:
    """A relative date in quoted speech ("today", "on Thursday") counts from when the speaker spoke.

    That moment is not the publication date, so such a date is kept as a claim but never compared.
    """
    if not isinstance(claim, DateClaim) or not claim.value.relative:
        return False
    return any(start <= claim.start and claim.end <= end for start, end in quoted)
