"""The comparator protocols: code that decides agreement, parameterised by rule data.

A group comparator sees every claim that meets on one key and returns outcomes (one per
value cluster it finds); a claim check looks at one claim on its own (a weekday that does not
match its date, a currency conversion that does not add up).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel, ConfigDict

from checker.entities import EntityIndex
from checker.models import Claim, Verdict
from checker.rules import RuleBook

ParamsT_contra = TypeVar("ParamsT_contra", bound=BaseModel, contravariant=True)


class Params(BaseModel):
    """Base of every comparator's parameter model: unknown parameters are load-time errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass
class Outcome:
    """A verdict over some claims, grouped by the value each group states."""

    verdict: Verdict
    groups: list[list[Claim]]
    detail: str | None = None
    scope: str | None = None
    """Extra key text that tells outcomes of one key apart (a time-scope cluster)."""
    labels: list[str] | None = None
    """What each group states, when that is not simply its first claim's value (a speaker)."""

    @property
    def claims(self) -> list[Claim]:
        return [c for group in self.groups for c in group]

    @property
    def sources(self) -> set[str]:
        return {c.source for c in self.claims}


@dataclass
class CompareContext:
    """What comparators may consult besides the claims: the rule book's data."""

    rules: RuleBook
    entities: EntityIndex
    extra: dict[str, object] = field(default_factory=dict)


@runtime_checkable
class GroupComparator(Protocol[ParamsT_contra]):
    """Compares the claims that meet on one key."""

    per: Literal["group"]

    def compare(
        self, claims: Sequence[Claim], params: ParamsT_contra, ctx: CompareContext
    ) -> list[Outcome]: ...


@runtime_checkable
class ClaimCheck(Protocol[ParamsT_contra]):
    """Checks one claim against itself or against reference data."""

    per: Literal["claim"]

    def check(self, claim: Claim, params: ParamsT_contra, ctx: CompareContext) -> Outcome | None: ...


@dataclass(frozen=True)
class Registered:
    """A comparator and the model its rule parameters must validate against."""

    name: str
    params: type[Params]
    implementation: GroupComparator[Any] | ClaimCheck[Any]
    summary: str


@lru_cache(maxsize=65536)
def iso(value: str | None) -> dt.date | None:
    """Parse an optional ISO date from a claim field (memoised: a corpus repeats its dates)."""
    return dt.date.fromisoformat(value) if value else None


def cluster_by_time(
    claims: Sequence[Claim], window_days: int | None, when: Callable[[Claim], dt.date | None]
) -> list[list[Claim]]:
    """Split claims into runs whose times lie within ``window_days`` of their neighbours.

    Sorting then one pass keeps this O(n log n): a fact in 1990 and the same fact in 2020 are
    different time scopes and never meet.
    """
    if window_days is None:
        return [list(claims)]
    moments = [(when(c), c) for c in claims]  # one call per claim: large keys hold thousands
    timed = sorted(((m, c) for m, c in moments if m is not None), key=lambda pair: pair[0])
    untimed = [c for m, c in moments if m is None]
    clusters: list[list[Claim]] = []
    last: dt.date | None = None
    for moment, claim in timed:
        if last is None or (moment - last).days > window_days:
            clusters.append([])
        clusters[-1].append(claim)
        last = moment
    if untimed:
        clusters.append(untimed)
    return clusters


def group_by(claims: Sequence[Claim], label: Callable[[Claim], str]) -> list[list[Claim]]:
    """Claims stating the same value, in order of first appearance."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(label(claim), []).append(claim)
    return list(groups.values())
