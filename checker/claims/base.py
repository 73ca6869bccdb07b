"""The protocol every claim kind implements, and what an extractor gets to work with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from checker.models import ClaimKind, ClaimValue

if TYPE_CHECKING:
    from checker.documents import DateOrder, Document
    from checker.rules import RuleBook


@dataclass(slots=True)
class Extracted:
    """A claim as an extractor finds it: a span, a normalized value and hints for keying.

    Provenance rule: ``document.text[start:end]`` is the claim's text, always.
    """

    kind: ClaimKind
    start: int
    end: int
    value: ClaimValue
    hints: dict[str, str] = field(default_factory=dict)
    """Context the keyer may use: ``event`` (nearest event noun), ``as_of`` (ISO date the claim
    speaks of), ``scope`` ("origin", "current", a year), ``entity`` (canonical subject)."""


@dataclass(frozen=True, slots=True)
class ExtractionContext:
    """Per-document facts an extractor needs besides the text."""

    document: Document
    rules: RuleBook
    published: dt.date | None
    date_order: DateOrder | None = None
    """How all-figures dates read ("03/04/2024": "mdy" March 4, "dmy" 3 April); None: the document's own."""

    @property
    def numeric_date_order(self) -> DateOrder:
        """The order in force: the context's when the pipeline set one, else the document's."""
        return self.date_order or self.document.date_order


class ClaimExtractor(Protocol):
    """One claim kind: find its spans in a document and normalize them."""

    @property
    def kind(self) -> ClaimKind:
        """The claim kind this extractor produces."""
        ...

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        """Return every claim of this kind in ``ctx.document.text`` (boilerplate is dropped later)."""
        ...


FoundT = TypeVar("FoundT")


def join_neighbours(found: list[FoundT], merge: Callable[[FoundT, FoundT], FoundT | None]) -> list[FoundT]:
    """Replace each neighbouring pair that ``merge`` joins by what it returns, left to right; an
    item joins at most once per pass ("Friday (7 June)", "€2.5 billion ($2.7 billion)").
    """
    joined: list[FoundT] = []
    index = 0
    while index < len(found):
        first = found[index]
        if index + 1 < len(found):
            merged = merge(first, found[index + 1])
            if merged is not None:
                joined.append(merged)
                index += 2
                continue
        joined.append(first)
        index += 1
    return joined
