"""Canonical entities: names, aliases and time-scoped titles, all read from rules/entities.yml.

One compiled pattern finds every alias and title in a text; a title resolves to whoever held it
on the date in question, so "the party leader" can mean one person in 2024 and another in 2025.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

from checker.rulespecs import EntitiesSpec, EntitySpec, TitleSpec


class Mention(NamedTuple):
    """A name or title found in text; ``entity`` is its canonical id once resolved.

    A named tuple, not a frozen dataclass: a document has hundreds and building them showed up in
    profiles.
    """

    start: int
    end: int
    surface: str
    entity: str | None
    title: str | None = None


_Trie = dict[str, "_Trie"]


def trie_regex(words: list[str]) -> str:
    """An alternation of ``words`` folded into a character trie, longest match first.

    A flat alternation of hundreds of names makes the regex engine try each name at every
    position; a trie shares prefixes, so a position is rejected after a character or two.  A
    space in a name matches any run of spaces or hyphens.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [
            (r"[\s\-]+" if char == " " else re.escape(char)) + build(node[char])
            for char in sorted(node)
            if char
        ]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie)


def _alias_pattern(names: list[str]) -> re.Pattern[str]:
    """Every name, longest first, ending before a non-word character (``_bounded_matches`` checks the
    character before it: a leading look-behind would keep the engine from skipping ahead to the
    letters a name can start with, and it tried the look-behind at every character instead).
    """
    body = trie_regex(sorted(set(names)))
    return re.compile(rf"(?:{body})(?![\w\-])" if body else r"(?!x)x")


_WORD_OR_HYPHEN = re.compile(r"[\w\-]")


def _bounded_matches(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` where no word character or hyphen may stand before a match: one that starts
    inside a word is passed over one character at a time, as a look-behind would have failed there.
    """
    search = pattern.search
    at = start
    while (match := search(text, at, end)) is not None:
        found = match.start()
        if found > 0 and _WORD_OR_HYPHEN.match(text, found - 1):
            at = found + 1
            continue
        yield match
        at = match.end() if match.end() > found else found + 1


class EntityIndex:
    """Look up entities and titles by surface form."""

    def __init__(self, spec: EntitiesSpec) -> None:
        self.entities: dict[str, EntitySpec] = {e.id: e for e in spec.entities}
        self.titles: dict[str, TitleSpec] = {t.id: t for t in spec.titles}
        self._alias: dict[str, str] = {}
        self._generic: dict[str, list[str]] = {}
        for entity in spec.entities:
            for name in [entity.name, *entity.aliases]:
                self._alias.setdefault(_fold(name), entity.id)
            for name in entity.generic_aliases:
                self._generic.setdefault(_fold(name), []).append(entity.id)
        self._title: dict[str, str] = {}
        for title in spec.titles:
            for name in title.names:
                self._title.setdefault(_fold(name), title.id)
        self._names_re = _alias_pattern(
            [
                *(n for e in spec.entities for n in [e.name, *e.aliases]),
                *(n for t in spec.titles for n in t.names),
            ]
        )
        self._resolved: dict[tuple[str, dt.date | None], tuple[str | None, str | None]] = {}
        self._scanned: tuple[str | None, list[tuple[int, int, str]], list[int]] = (None, [], [])
        self._generic_re = _alias_pattern([n for e in spec.entities for n in e.generic_aliases])

    def name(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def lookup(self, surface: str) -> str | None:
        """The entity an exact alias names, ignoring case, spacing and a leading "the"."""
        return self._alias.get(_fold(surface))

    def title_of(self, surface: str) -> str | None:
        return self._title.get(_fold(surface))

    def holder(self, title_id: str, on: dt.date | None) -> str | None:
        """Who held a title on a date; with no date, the holder only when there has been one."""
        title = self.titles[title_id]
        if on is None:
            return title.holders[0].entity if len(title.holders) == 1 else None
        for holder in title.holders:
            if (holder.since is None or holder.since <= on) and (holder.until is None or on <= holder.until):
                return holder.entity
        return None

    def _resolve(self, surface: str, on: dt.date | None) -> tuple[str | None, str | None]:
        """(entity, title) for a surface form on a date, memoised: names repeat endlessly."""
        key = (surface, on)
        cached = self._resolved.get(key)
        if cached is None:
            entity = self.lookup(surface)
            title = None
            if entity is None:
                title = self.title_of(surface)
                entity = self.holder(title, on) if title else None
            cached = self._resolved[key] = (entity, title)
        return cached

    def _scan(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group(0)) for m in _bounded_matches(self._names_re, text, start, end)]

    def _mentions(self, found: list[tuple[int, int, str]], on: dt.date | None) -> list[Mention]:
        resolved = self._resolved
        mentions = []
        for start, end, surface in found:
            entity_title = resolved.get((surface, on)) or self._resolve(surface, on)
            mentions.append(Mention(start, end, surface, *entity_title))
        return mentions

    def mentions(
        self, text: str, start: int = 0, end: int | None = None, on: dt.date | None = None
    ) -> list[Mention]:
        """Every alias and title in ``text[start:end]``, titles resolved for the date ``on``.

        Callers ask about many windows of one document, so the whole text is scanned once and
        windows are sliced from that; a window whose edge cuts through a name is scanned itself,
        which keeps the answer exactly that of scanning the window alone.
        """
        end = len(text) if end is None else end
        if text is not self._scanned[0]:
            whole = self._scan(text, 0, len(text))
            self._scanned = (text, whole, [m[0] for m in whole])
        _, whole, starts = self._scanned
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        cut_end = end < len(text) and (text[end].isalnum() or text[end] in "_-")
        straddles = (lo > 0 and whole[lo - 1][1] > start) or (hi > lo and whole[hi - 1][1] > end)
        found = self._scan(text, start, end) if cut_end or straddles else whole[lo:hi]
        return self._mentions(found, on)

    def group_mentions(self, text: str, start: int, end: int, present: set[str]) -> list[Mention]:
        """Generic nouns ("members") that name a group whose organisation the document names."""
        found: list[Mention] = []
        for match in _bounded_matches(self._generic_re, text, start, end):
            for entity_id in self._generic.get(_fold(match.group(0)), []):
                parent = self.entities[entity_id].part_of
                if parent is None or parent in present:
                    found.append(Mention(match.start(), match.end(), match.group(0), entity_id))
                    break
        return found

    def group_for_noun(self, noun: str, present: set[str]) -> str | None:
        """The group a counted noun means in a document naming ``present`` entities."""
        direct = self.lookup(noun)
        if direct and self.entities[direct].type == "group":
            return direct
        for entity_id in self._generic.get(_fold(noun), []):
            parent = self.entities[entity_id].part_of
            if parent is None or parent in present:
                return entity_id
        return None

    def group_size(self, entity_id: str, on: dt.date | None) -> int | None:
        """How many members a group had on a date (the latest known when no date is given)."""
        sizes = (
            sorted(self.entities[entity_id].size, key=lambda s: s.since) if entity_id in self.entities else []
        )
        best = None
        for size in sizes:
            if on is None or size.since <= on:
                best = size.value
        return best


_SPACE = re.compile(r"[\s\-]+")


def _fold(name: str) -> str:
    folded = _SPACE.sub(" ", name.strip().lower().replace("’", "'"))
    return folded[4:] if folded.startswith("the ") else folded
