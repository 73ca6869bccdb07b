"""Quote claims: quoted words with who said them, by which cue, and whether they are a fragment.

Three steps, each cheap and only where quote marks are:

1. ``_quote_spans`` finds quotations (straight and curly marks, apostrophes told apart, quotations
   split by an attribution, paragraphs that continue an unclosed quotation).
2. Each quotation is attributed from its own sentence ("…,” he added / X said that “…” /
   according to X, “…”), then from the sentence before or after it in the same paragraph, then
   from the paragraph before for a paragraph that is nothing but a quotation, then from a
   headline's "X: …" form.
3. A short quotation nobody is named for (a headline's 'red line') takes the speaker of the one
   attributed quotation in the document that contains its words.

A speaker the text does not settle stays None with a reason: a wrong name is worse than none.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from checker.claims._quote_spans import QUOTE_MASK, QuoteSpan, find_quotes, mask_quotes, paragraph_units
from checker.claims._speakers import (
    Attribution,
    PronounResolver,
    Resolved,
    SpeakerFinder,
    SpeakerLexicon,
)
from checker.claims.base import Extracted, ExtractionContext
from checker.models import ClaimKind, QuoteValue

QUOTE_MARKS = "\"“”‘’'"
_ANY_MARK = re.compile(f"[{QUOTE_MARKS}]")
_BARE = re.compile(rf"[\s{QUOTE_MASK}.,;:!?—–\-()]*")
_WORD = re.compile(r"[\w’'\-]+")
_COLON = re.compile(r":\s")
_ECHO_MAX_WORDS = 4
_ANTECEDENT_SENTENCES = 12
_MAX_PRONOUN_DEPTH = 24
_ADJACENT = 3
"""An unresolved attribution this close to a quotation ("…,” officials said) still owns it."""

NO_ATTRIBUTION = "no attribution found"


class QuoteExtractor:
    """Finds quotations and attributes them to speakers."""

    kind: ClaimKind = "quote"

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        text = ctx.document.text
        if not _ANY_MARK.search(text):
            return []
        units = paragraph_units(text)
        quotes = find_quotes(text, units)
        if not quotes:
            return []
        attributor = _DocumentAttributor(ctx, ctx.rules.compiled(SpeakerLexicon), units, quotes)
        attributions = attributor.attribute_all()
        found: list[Extracted] = []
        for quote, attribution in zip(quotes, attributions, strict=True):
            words = text[quote.start : quote.end].split()
            value = QuoteValue(
                text=" ".join(words),
                speaker=attribution.speaker,
                cue=attribution.cue,
                speaker_text=" ".join(attribution.speaker_text.split()) if attribution.speaker_text else None,
                reason=attribution.reason if attribution.speaker is None else None,
                partial=attributor.is_partial(quote),
                words=len(words),
            )
            found.append(Extracted(kind="quote", start=quote.start, end=quote.end, value=value))
        return found


def _call_weak(method: Callable[[], PronounResolver | None], pronoun: str, at: int) -> Resolved | None:
    """Resolve through a weak reference (see ``_DocumentAttributor``)."""
    resolve = method()
    return resolve(pronoun, at) if resolve is not None else None


class _DocumentAttributor:
    """Attribution state for one document: masked text, cached attributions per sentence."""

    def __init__(
        self,
        ctx: ExtractionContext,
        lexicon: SpeakerLexicon,
        units: list[tuple[int, int]],
        quotes: list[QuoteSpan],
    ) -> None:
        self.document = ctx.document
        self.text = ctx.document.text
        self.units = units
        self.quotes = quotes
        self.masked = mask_quotes(self.text, quotes)
        self.lexicon = lexicon
        # The finder calls back into this attributor; a weak reference keeps the two free of a
        # reference cycle, which with the cyclic collector paused (pipeline.gc_paused) would keep
        # every document's attribution state alive until the process ends.
        antecedent = weakref.WeakMethod(self._antecedent)
        self.finder = SpeakerFinder(
            lexicon, self.text, self.masked, ctx.published, partial(_call_weak, antecedent)
        )
        self._pairs: dict[tuple[int, int], list[Attribution]] = {}
        self._depth = 0

    # --- the passes --------------------------------------------------------------------------

    def attribute_all(self) -> list[Attribution]:
        results: list[Attribution] = []
        last_in_unit: dict[int, Attribution] = {}
        for quote in self.quotes:
            attribution = self._attribute(quote, last_in_unit)
            results.append(attribution)
            if attribution.speaker is not None or quote.unit not in last_in_unit:
                last_in_unit[quote.unit] = attribution
        return self._echo(results)

    def _attribute(self, quote: QuoteSpan, last_in_unit: dict[int, Attribution]) -> Attribution:
        start, end = self._frame(quote)
        chosen = self._nearest(self._pairs_in(start, end), quote)
        if chosen is not None:
            return self._closer_cue(chosen, quote)
        headline = self._headline(start, end)
        if headline is not None:
            return headline
        if self._is_bare(start, end):
            unit_start, unit_end = self.units[quote.unit]
            index = self.document.sentence_index(start)
            if index > 0 and self.document.sentences[index - 1][0] >= unit_start:
                previous = self._pairs_in(*self.document.sentences[index - 1])
                if previous:
                    return replace(previous[-1], method="sentence")
            earlier = last_in_unit.get(quote.unit)
            if earlier is not None and _carries_over(earlier):
                return replace(earlier, method="sentence")
            following = self._next_sentence_pair(index, unit_end)
            if following is not None:
                return following
            if self._is_bare(unit_start, unit_end) and quote.unit > 0:
                before = last_in_unit.get(quote.unit - 1)
                if before is not None and _carries_over(before):
                    return replace(before, method="continuation")
        return Attribution(None, None, None, NO_ATTRIBUTION, method="none")

    def _closer_cue(self, chosen: Attribution, quote: QuoteSpan) -> Attribution:
        """In "He warned that “…” and urged members to “…”": the second quotation's cue is "urged",
        a verb that shares the subject of the attribution before it.
        """
        if chosen.end > quote.mark_start:
            return chosen
        cues = list(self.lexicon.cue_re.finditer(self.masked, chosen.end, quote.mark_start))
        if not cues:
            return chosen
        return replace(chosen, cue=" ".join(cues[-1].group(0).split()))

    def _next_sentence_pair(self, index: int, unit_end: int) -> Attribution | None:
        """`“…” Smith said so on Tuesday.`: a short next sentence led by an attribution."""
        if index + 1 >= len(self.document.sentences):
            return None
        start, end = self.document.sentences[index + 1]
        if end > unit_end or QUOTE_MASK in self.masked[start:end] or len(self.masked[start:end].split()) > 12:
            return None
        pairs = self._pairs_in(start, end)
        if pairs and pairs[0].start - start <= 40:
            return replace(pairs[0], method="sentence")
        return None

    def _echo(self, results: list[Attribution]) -> list[Attribution]:
        """A short unattributed quotation (a headline's 'red line') repeats words of an attributed one."""
        if not any(a.speaker is None and a.reason == NO_ATTRIBUTION for a in results):
            return results
        quotes_with_word: dict[str, set[int]] = {}
        for index, (quote, attribution) in enumerate(zip(self.quotes, results, strict=True)):
            if attribution.speaker is not None:
                for word in _words(self.text, quote):
                    quotes_with_word.setdefault(word, set()).add(index)
        out: list[Attribution] = []
        for quote, attribution in zip(self.quotes, results, strict=True):
            words = _words(self.text, quote)
            unattributed = attribution.speaker is None and attribution.reason == NO_ATTRIBUTION
            if unattributed and 0 < len(words) <= _ECHO_MAX_WORDS:
                holders = set.intersection(*(quotes_with_word.get(word, set()) for word in words))
                speakers = {results[index].speaker for index in holders}
                if len(speakers) == 1:
                    attribution = Attribution(speakers.pop(), None, None, None, method="echo")
            out.append(attribution)
        return out

    # --- frames, pairs, headlines ------------------------------------------------------------

    def _frame(self, quote: QuoteSpan) -> tuple[int, int]:
        """The sentence(s) a quotation sits in, within its paragraph."""
        unit_start, unit_end = self.units[quote.unit]
        start = self.document.sentence_span(quote.mark_start)[0]
        end = self.document.sentence_span(max(quote.mark_end - 1, quote.mark_start))[1]
        return max(start, unit_start), min(max(end, quote.mark_end), unit_end)

    def _pairs_in(self, start: int, end: int) -> list[Attribution]:
        key = (start, end)
        if key not in self._pairs:
            self._pairs[key] = self.finder.pairs(start, end)
        return self._pairs[key]

    def _nearest(self, pairs: list[Attribution], quote: QuoteSpan) -> Attribution | None:
        """The attribution closest to the quotation; a named one wins over a farther unnamed one."""
        if not pairs:
            return None

        def distance(pair: Attribution) -> int:
            if pair.end <= quote.mark_start:
                return quote.mark_start - pair.end
            return max(pair.start - quote.mark_end, 0)

        nearest = min(pairs, key=distance)
        if nearest.speaker is None:
            named = [p for p in pairs if p.speaker is not None]
            if named and distance(nearest) > _ADJACENT:
                return min(named, key=distance)
        return nearest

    def _headline(self, start: int, end: int) -> Attribution | None:
        """A headline's "Claim: Speaker" or "Speaker: claim"."""
        segment = self.masked[start:end]
        colons = list(_COLON.finditer(segment))
        if not colons:
            return None
        tail_start = start + colons[-1].end()
        while tail_start < end and self.masked[tail_start].isspace():
            tail_start += 1
        tail_end = start + len(segment.rstrip(" .\t"))
        found = self.finder.speaker_after(tail_start - 1, tail_end)
        if found is not None and found.end == tail_end and _names_someone(found):
            return _headline_attribution(found)
        head_end = start + colons[0].start()
        head_start = start + len(segment) - len(segment.lstrip())
        lead = self.finder.speaker_after(head_start, head_end)
        if lead is not None and lead.end == head_end and _names_someone(lead):
            return _headline_attribution(lead)
        return None

    def _is_bare(self, start: int, end: int) -> bool:
        """Nothing but quotations and punctuation: no words of the writer's own."""
        return _BARE.fullmatch(self.masked, start, end) is not None

    def is_partial(self, quote: QuoteSpan) -> bool:
        """A fragment worked into the writer's sentence (noted that the soldiers are “…”), as opposed
        to a quotation that stands as its own utterance, set off by a colon or a comma.
        """
        start, end = self._frame(quote)
        before = self.masked[start : quote.mark_start].rstrip()
        if not before:
            # At the head of a sentence: a fragment when the writer's words run on after it
            # ('Hard way' ahead for …) rather than an attribution after its closing comma.
            closing = self.text[quote.start : quote.mark_end].rstrip(QUOTE_MARKS + " ")
            runs_on = _BARE.fullmatch(self.masked, quote.mark_end, end) is None
            return runs_on and not quote.runs_on and bool(closing) and closing[-1].isalnum()
        return before[-1] not in ",:" + QUOTE_MASK

    # --- pronouns ----------------------------------------------------------------------------

    def _antecedent(self, pronoun: str, at: int) -> Resolved | None:
        """The speaker or person a pronoun most likely means: the attributed speaker, else the first
        compatible name, of the nearest sentence before it that has one (quoted words excluded).
        """
        if self._depth >= _MAX_PRONOUN_DEPTH:
            return None
        self._depth += 1
        try:
            index = self.document.sentence_index(at)
            for k in range(index, max(index - _ANTECEDENT_SENTENCES, -1), -1):
                start, end = self.document.sentences[k]
                end = min(end, at)
                if end <= start:
                    continue
                found = self._antecedent_in(pronoun, start, end)
                if found is not None:
                    return found
            return None
        finally:
            self._depth -= 1

    def _antecedent_in(self, pronoun: str, start: int, end: int) -> Resolved | None:
        for pair in reversed(self._pairs_in(start, end)):
            if pair.speaker is not None and _compatible(pronoun, pair.speaker_type, pair.gender):
                return Resolved(
                    pair.speaker,
                    pair.speaker_text or "",
                    pair.start,
                    pair.end,
                    None,
                    pair.speaker_type,
                    pair.gender,
                )
        for mention in self.lexicon.index.mentions(self.text, start, end, self.finder.published):
            if mention.entity is None or self.masked[mention.start] == QUOTE_MASK:
                continue
            entity_type, gender = self.lexicon.kind_of(mention.entity)
            if _compatible(pronoun, entity_type, gender):
                name = self.lexicon.index.name(mention.entity)
                return Resolved(name, mention.surface, mention.start, mention.end, None, entity_type, gender)
        return None


def _carries_over(attribution: Attribution) -> bool:
    """An attribution the next quotation may inherit: a named speaker found in the text itself."""
    return attribution.speaker is not None and attribution.method not in ("headline", "echo")


def _compatible(pronoun: str, entity_type: str | None, gender: str | None) -> bool:
    if pronoun == "it":
        return entity_type == "organisation"
    wanted = "male" if pronoun == "he" else "female"
    return entity_type == "person" and gender in (wanted, None)


def _names_someone(found: Resolved) -> bool:
    return found.speaker is not None and found.pronoun is None


def _headline_attribution(found: Resolved) -> Attribution:
    return Attribution(
        found.speaker,
        found.text,
        None,
        None,
        found.start,
        found.end,
        "headline",
        found.start,
        found.entity_type,
        found.gender,
    )


def _words(text: str, quote: QuoteSpan) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text, quote.start, quote.end)]
