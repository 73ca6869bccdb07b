"""Who a quotation is by: attribution patterns around a quote and resolution of the speaker.

Everything here reads the *masked* text (quotations blanked, see ``mask_quotes``), so a verb or a
name inside someone's quoted words never attributes a quote.  Entity names, titles and genders
come from rules/entities.yml through ``EntityIndex``; cue verbs and the titles written before a
name from rules/lexicon.yml.  The only words written here are English grammar: pronouns,
auxiliaries, weekdays and months.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from checker.claims._quote_spans import QUOTE_MASK
from checker.entities import Mention
from checker.numbers import trie_pattern
from checker.rules import RuleBook

_PRONOUN_TAIL = re.compile(r"(?<![\w\-’'])(he|she|it|they|we|i|He|She|It|They|We|I)$")
_PRONOUN_HEAD = re.compile(r"(he|she|it|they|He|She|It|They)(?![\w\-’'])")
_NAME_TOKEN = r"(?:[A-Z][a-z\u00c0-\u024f][\w\u00c0-\u024f’'\-]*|[A-Z]\.)"
_NAME_RUN_TAIL = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})*$")
_NAME_RUN_HEAD = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})*")
_POSSESSIVE_TAIL = re.compile(r"^['’]s(?:\s+[\w\-]+){1,4}$")
_CHAIN_GAP = re.compile(r"^(?:\s+|['’]s\s+)$")
_WORD_TAIL = re.compile(r"([A-Za-z][\w\-]*)$")
_CLAUSE_BREAK = re.compile(r"[,;:(\x1f]|\bthat\b|\bwhile\b|\bwhen\b|\band\b|\bbut\b")
_THE_HEAD = re.compile(r"(?:the|The)\s+")
_ACCORDING_TO = re.compile(r"(?<![\w\-])[Aa]ccording\s+to(?![\w\-])")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that sit between a speaker and the cue verb without changing who speaks
# ("Smith has told", "he also said").
_FILLER_WORDS = _word_set(
    "has have had also further later then again previously recently earlier once repeatedly publicly "
    "reportedly would will did does just already separately himself herself itself themselves not"
)
_INTRODUCTION_WINDOW = 20_000
"""How far back a bare surname looks for the full name that introduced it."""

# Capitalised words that are grammar, not part of a person's name (titles and ranks come from
# rules/lexicon.yml ``role_words``).
_NOT_NAMES = _word_set(
    "the a an in on at for but and or so meanwhile however he she it they we i this that these those "
    "earlier later today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december "
    "officials sources critics analysts experts observers diplomats"
)
# Words before a cue that show the cue has no subject of its own ("… and urged members to").
_NO_SUBJECT = _word_set("and or but that which who whom to also as while when then so nor yet")
_DETERMINERS = _word_set("the a an one two three several some many other another his her their its")
# Nouns after "X's" that make X the one who speaks ("Smith's remarks highlighted").
_UTTERANCE_NOUNS = _word_set(
    "statement statements remarks comments words speech address message letter post tweet "
    "communique communiqué declaration release report spokesman spokeswoman spokesperson office"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said a quotation and by which words; ``speaker`` is None with a ``reason`` when unknown."""

    speaker: str | None
    speaker_text: str | None
    cue: str | None
    reason: str | None = None
    start: int = 0
    end: int = 0
    """Offsets of the whole attribution (speaker and cue), to measure its distance from a quote."""
    method: str = "direct"
    """How it was found: direct, pronoun, sentence, continuation, headline, echo."""
    speaker_at: int = 0
    """Offset of the words naming the speaker, for pronoun antecedents."""
    speaker_type: str | None = None
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A speaker phrase resolved to a name (or not), with what the pronoun rules need to know."""

    speaker: str | None
    text: str
    start: int
    end: int
    reason: str | None = None
    entity_type: str | None = None
    gender: str | None = None
    pronoun: str | None = None


PronounResolver = Callable[[str, int], "Resolved | None"]


class SpeakerLexicon:
    """Compiled cue patterns and entity lookups for one RuleBook."""

    def __init__(self, rules: RuleBook) -> None:
        self.index = rules.entity_index
        cues = {c.strip() for c in rules.lexicon.quote_cues}  # rule files have no blank entries
        # A trie tries the longest cue first, as a longest-first alternation would, in a fraction
        # of the time.  Case-sensitive on purpose: "States" in "United States" is not the verb "states".
        self.cue_re = re.compile(rf"(?<![\w\-’'])(?:{trie_pattern(cues)})(?![\w\-])" if cues else r"(?!x)x")
        self.group_words = frozenset(
            word.lower()
            for entity in rules.entities.entities
            for alias in entity.generic_aliases
            for word in alias.split()
        )
        """Words of group nouns ("member states"): after "X's" they name members, not X speaking."""
        self.role_words = frozenset(w.strip().lower().rstrip(".") for w in rules.lexicon.role_words)
        """Titles and ranks before a name ("minister", "dr"), written as a lookup writes a word:
        lowercase, without a closing full stop ("Dr." is "dr")."""
        self.not_name_words = self.role_words | _NOT_NAMES
        """Role words and grammar words: none of them is part of a person's name."""

    def kind_of(self, entity_id: str) -> tuple[str | None, str | None]:
        entity = self.index.entities.get(entity_id)
        return (entity.type, entity.gender) if entity else (None, None)


class SpeakerFinder:
    """Attribution patterns over one document's masked text."""

    def __init__(
        self,
        lexicon: SpeakerLexicon,
        text: str,
        masked: str,
        published: dt.date | None,
        resolve_pronoun: PronounResolver,
    ) -> None:
        self.lexicon = lexicon
        self.index = lexicon.index
        self.text = text
        self.masked = masked
        self.published = published
        self.resolve_pronoun = resolve_pronoun
        self.full_names: dict[str, str] = {}
        """Surname -> full name of people not in the rules, as the document introduced them."""

    # --- attribution pairs -------------------------------------------------------------------

    def pairs(self, start: int, end: int) -> list[Attribution]:
        """Every "speaker + cue" in ``masked[start:end]``: X said, said X, according to X."""
        found: list[Attribution] = []
        for match in _ACCORDING_TO.finditer(self.masked, start, end):
            speaker = self.speaker_after(match.end(), end)
            if speaker is not None:
                found.append(self._attribution(speaker, "according to", match.start(), match.end()))
        for match in self.lexicon.cue_re.finditer(self.masked, start, end):
            cue = " ".join(match.group(0).split())
            # "states", "notes", "claims" are also plural nouns ("member states"): as verbs they
            # only count after a plain name or pronoun, never after a noun phrase.
            speaker = self.speaker_before(start, match.start(), strict=cue.endswith("s"))
            if speaker is None and self._inverted_position(start, match.start()):
                speaker = self.speaker_after(match.end(), end)
            if speaker is not None:
                found.append(self._attribution(speaker, cue, match.start(), match.end()))
        found.sort(key=lambda a: a.start)
        return found

    def _attribution(self, speaker: Resolved, cue: str, cue_start: int, cue_end: int) -> Attribution:
        return Attribution(
            speaker=speaker.speaker,
            speaker_text=speaker.text,
            cue=cue,
            reason=speaker.reason,
            start=min(cue_start, speaker.start),
            end=max(cue_end, speaker.end),
            method="pronoun" if speaker.pronoun else "direct",
            speaker_at=speaker.start,
            speaker_type=speaker.entity_type,
            gender=speaker.gender,
        )

    def _inverted_position(self, floor: int, cue_start: int) -> bool:
        """A cue can take its speaker after it ("…,” said X) after a quote, a comma or at the start."""
        before = self.masked[floor:cue_start].rstrip()
        return not before or before[-1] in "," + QUOTE_MASK

    # --- speaker before a cue ----------------------------------------------------------------

    def speaker_before(self, floor: int, cue_start: int, strict: bool = False) -> Resolved | None:
        """The subject right before a cue verb, skipping auxiliaries ("Smith has told")."""
        window_start = max(floor, cue_start - 160)
        head = _strip_fillers(self.masked[window_start:cue_start].rstrip())
        end = window_start + len(head)
        if not head or head[-1] in ",;:" + QUOTE_MASK:
            return None
        pronoun = _PRONOUN_TAIL.search(head)
        if pronoun:
            return self._pronoun(pronoun.group(1), window_start + pronoun.start(1))
        chain = self._chain_ending(window_start, end)
        if chain is not None:
            return chain
        possessive = None if strict else self._possessive_ending(window_start, end)
        if possessive is not None:
            return possessive
        name = _NAME_RUN_TAIL.search(head)
        if name:
            resolved = self._unknown_name(window_start + name.start(), window_start + name.end())
            if resolved is not None:
                return resolved
        if strict:
            return None
        last_word = _WORD_TAIL.search(head)
        if last_word is None or last_word.group(1).lower() in _NO_SUBJECT:
            return None
        return self._unresolved_subject(window_start, end)

    def _chain_ending(self, floor: int, end: int) -> Resolved | None:
        """Names and titles that end at ``end`` ("the ministry spokesman Jan Smith")."""
        mentions = [m for m in self.index.mentions(self.text, floor, end, self.published) if m.end <= end]
        if not mentions or mentions[-1].end != end:
            return None
        chain = [mentions[-1]]
        for mention in reversed(mentions[:-1]):
            if _CHAIN_GAP.match(self.text[mention.end : chain[0].start]):
                chain.insert(0, mention)
            else:
                break
        return self._resolve_chain(chain)

    def _possessive_ending(self, floor: int, end: int) -> Resolved | None:
        """An organisation, or a person's remarks, speaks: "The assembly's committee statement said"."""
        mentions = self.index.mentions(self.text, floor, end, self.published)
        if not mentions:
            return None
        mention = mentions[-1]
        tail = self.masked[mention.end : end]
        if not _POSSESSIVE_TAIL.match(tail) or mention.entity is None:
            return None
        if any(word.lower() in self.lexicon.group_words for word in tail[2:].split()):
            return None  # "the alliance's member states": the members, not the alliance
        entity_type, gender = self.lexicon.kind_of(mention.entity)
        if entity_type != "organisation" and tail.split()[-1].lower() not in _UTTERANCE_NOUNS:
            return None
        name = self.index.name(mention.entity)
        return Resolved(name, self.text[mention.start : end], mention.start, end, None, entity_type, gender)

    def _unresolved_subject(self, floor: int, end: int) -> Resolved:
        """A subject the rules do not know ("The West stresses"): kept, with no speaker."""
        head = self.masked[floor:end]
        breaks = list(_CLAUSE_BREAK.finditer(head))
        start = floor + (breaks[-1].end() if breaks else 0)
        words = self.masked[start:end].split()[-6:]
        phrase = " ".join(words)
        if words:
            start = self.masked.rfind(words[0], start, end)
        return Resolved(None, phrase, start, end, reason=f"speaker not recognised: {phrase!r}")

    # --- speaker after a cue -----------------------------------------------------------------

    def speaker_after(self, cue_end: int, ceiling: int) -> Resolved | None:
        """The speaker named after an inverted cue ("said the alliance chief", "according to X")."""
        at = cue_end
        while at < ceiling and self.masked[at].isspace():
            at += 1
        if at >= ceiling:
            return None
        pronoun = _PRONOUN_HEAD.match(self.masked, at, ceiling)
        if pronoun:
            return self._pronoun(pronoun.group(1), at)
        named_at = at
        the = _THE_HEAD.match(self.masked, at, ceiling)
        if the:
            named_at = the.end()
        mentions = self.index.mentions(self.text, named_at, min(ceiling, named_at + 160), self.published)
        if mentions and mentions[0].start == named_at:
            chain = [mentions[0]]
            for mention in mentions[1:]:
                if _CHAIN_GAP.match(self.text[chain[-1].end : mention.start]):
                    chain.append(mention)
                else:
                    break
            resolved = self._resolve_chain(chain)
            return Resolved(
                resolved.speaker,
                self.text[at : resolved.end],
                at,
                resolved.end,
                resolved.reason,
                resolved.entity_type,
                resolved.gender,
            )
        name = _NAME_RUN_HEAD.match(self.masked, named_at, ceiling)
        if name:
            return self._unknown_name(name.start(), name.end(), after_cue=True)
        words = re.match(r"[^,.;:!?\x1f]*", self.masked[at:ceiling])
        phrase = " ".join((words.group(0) if words else "").split()[:6])
        if not phrase or (phrase[0].islower() and phrase.split()[0] not in _DETERMINERS):
            return None  # "…, concluding that …": the clause goes on, no speaker follows
        return Resolved(None, phrase, at, at + len(phrase), reason=f"speaker not recognised: {phrase!r}")

    # --- resolution --------------------------------------------------------------------------

    def _pronoun(self, word: str, at: int) -> Resolved:
        pronoun = word.lower()
        if pronoun in ("we", "i"):
            reason = "first person outside a quotation"
            return Resolved(None, word, at, at + len(word), reason, pronoun=pronoun)
        if pronoun == "they":
            return Resolved(None, word, at, at + len(word), "plural pronoun not resolved", pronoun=pronoun)
        antecedent = self.resolve_pronoun(pronoun, at)
        if antecedent is None or antecedent.speaker is None:
            return Resolved(None, word, at, at + len(word), f"no antecedent for {word!r}", pronoun=pronoun)
        return Resolved(
            antecedent.speaker,
            word,
            at,
            at + len(word),
            None,
            antecedent.entity_type,
            antecedent.gender,
            pronoun=pronoun,
        )

    def _resolve_chain(self, chain: list[Mention]) -> Resolved:
        """A run of names and titles: an explicit name wins over a title's holder."""
        start, end = chain[0].start, chain[-1].end
        surface = self.text[start:end]
        named = [m for m in chain if m.title is None and m.entity]
        titled = [m for m in chain if m.title is not None and m.entity]
        pick = named[-1] if named else titled[-1] if titled else None
        if pick is None or pick.entity is None:
            reason = f"no holder of {chain[-1].surface!r} known on the publication date"
            return Resolved(None, surface, start, end, reason)
        entity_type, gender = self.lexicon.kind_of(pick.entity)
        return Resolved(self.index.name(pick.entity), surface, start, end, None, entity_type, gender)

    def _unknown_name(self, start: int, end: int, after_cue: bool = False) -> Resolved | None:
        """A person the rules do not know: "Foreign Minister Jan Smith" -> the name as
        written; a later bare surname resolves to the full name the document gave first.
        """
        tokens = [(m.start() + start, m.group(0)) for m in re.finditer(r"\S+", self.masked[start:end])]
        tail: list[tuple[int, str]] = []
        for token in reversed(tokens):
            if token[1].lower().rstrip(".") in self.lexicon.not_name_words:
                break
            tail.insert(0, token)
        if not tail:
            return None
        if len(tail) >= 2:
            keep = 3 if len(tail) >= 3 and re.fullmatch(r"[A-Z]\.", tail[-2][1]) else 2
            first_at = tail[-keep][0]
            full = " ".join(self.text[first_at:end].split())
            self.full_names.setdefault(tail[-1][1], full)
            return Resolved(full, full, first_at, end, entity_type="person")
        surname = tail[0][1]
        known = self.full_names.get(surname) or self._introduced_full_name(surname, start)
        if known:
            return Resolved(known, surname, tail[0][0], end, entity_type="person")
        ranked = len(tokens) > 1 and tokens[-2][1].lower().rstrip(".") in self.lexicon.role_words
        if after_cue and ranked:  # "said Minister Smith": a rank before the word marks a name
            return Resolved(surname, surname, tail[0][0], end, entity_type="person")
        return None

    def _introduced_full_name(self, surname: str, before: int) -> str | None:
        """The last "Firstname Surname" earlier in the document, when the text introduced one."""
        pattern = re.compile(rf"(?<![\w\-])([A-Z][\w\u00c0-\u024f\-]+)\s+{re.escape(surname)}(?![\w\-])")
        found = None
        for match in pattern.finditer(self.masked, max(0, before - _INTRODUCTION_WINDOW), before):
            if match.group(1).lower() not in self.lexicon.not_name_words:
                found = f"{match.group(1)} {surname}"
        if found:
            self.full_names[surname] = found
        return found


def _strip_fillers(head: str) -> str:
    """Drop auxiliaries and adverbs from the end of the words before a cue."""
    while True:
        cut = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
        if cut < 0 or head[cut + 1 :] not in _FILLER_WORDS:
            return head
        head = head[:cut].rstrip()
