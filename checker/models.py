"""The wire contract: pydantic models for sources, claims, findings and the Report.

The Report is the only thing formatters see, and its JSON form is a versioned schema
(``schema_version``).  Names and meanings here are stable; new fields may be added.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

ClaimKind = Literal["date", "amount", "count", "percent", "quote"]
CLAIM_KINDS: tuple[ClaimKind, ...] = ("date", "amount", "count", "percent", "quote")

Qualifier = Literal["exact", "about", "more_than", "at_least", "less_than", "at_most", "between"]
"""How a figure bounds the truth: ``more_than 5,000`` is the open interval (5000, inf)."""

Granularity = Literal["day", "week", "month", "quarter", "season", "year", "decade", "century"]
PublishedFrom = Literal["manifest", "front-matter", "text", "inferred", "option", "input"]
Verdict = Literal["agreement", "conflict"]
Severity = Literal["error", "warning", "info"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)

    shared_strings: ClassVar[tuple[str, ...]] = ()
    """Fields whose values repeat across documents (keys, dates, speakers): interned on unpickling.

    Strings that repeat only within a document (the source, the kind) are shared already: a
    document's claims are pickled together, and pickle stores a repeated object once.
    """

    # Pickling (the claims cache, worker processes) keeps only the fields.  pydantic's own state
    # adds a "fields set" per object, which unpickles as a new set per document and class (~730
    # bytes each, tens of MB over an archive); here every instance gets the one shared set, as
    # ``compact`` gives extracted claims, and repeated strings are stored once, as pydantic's JSON
    # parser would have cached them.
    def __getstate__(self) -> dict[Any, Any]:
        return self.__dict__

    def __setstate__(self, state: dict[Any, Any]) -> None:
        # Runs once per unpickled claim and value (600,000 times to re-check 10,000 documents), so
        # ``_adopt`` is written out here: its two calls per object were 3% of unpickling.
        for name in self.shared_strings:
            item = state.get(name)
            if item is not None:
                state[name] = _intern(item)
        cls = type(self)
        _setattr(self, "__dict__", state)
        _setattr(self, "__pydantic_fields_set__", _ALL_FIELDS.get(cls) or shared_fields(cls))
        _setattr(self, "__pydantic_extra__", None)
        _setattr(self, "__pydantic_private__", None)


_setattr = object.__setattr__
_intern = sys.intern


class Source(_Model):
    """One input document and where its publication date came from."""

    id: str
    path: str | None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_from: PublishedFrom | None = None
    sha256: str


class DateValue(_Model):
    """An inclusive calendar interval; a side is null when the text leaves it open."""

    shared_strings = ("start", "end", "timex")

    start: str | None
    end: str | None
    granularity: Granularity
    timex: str | None = None
    """TIMEX3 value this expression would carry (``2024-04``, ``2024-W14``, ``PRESENT_REF``)."""
    relative: bool = False
    """True when resolved against the publication date rather than stated in full."""
    stated_weekday: str | None = None
    """The weekday the text names alongside the date, checked against the calendar."""


class Money(_Model):
    """An amount in one currency, in whole units (not thousands or millions)."""

    currency: str
    low: float | None
    high: float | None


class AmountValue(_Model):
    """A sum of money; ``also`` holds the same sum as the text restates it in other currencies."""

    currency: str
    low: float | None
    high: float | None
    qualifier: Qualifier = "exact"
    also: list[Money] = Field(default_factory=list)


class CountValue(_Model):
    """How many of something; a share is kept as a fraction of the named whole."""

    shared_strings = ("unit", "of")

    low: float | None
    high: float | None
    unit: str
    qualifier: Qualifier = "exact"
    share: float | None = None
    of: str | None = None


class PercentValue(_Model):
    """A percentage in percentage points, and what it is a percentage of when stated."""

    shared_strings = ("of",)

    low: float | None
    high: float | None
    of: str | None = None
    qualifier: Qualifier = "exact"
    points: bool = False
    """A difference of two percentages, stated in percentage points ("rose 2 percentage points"):
    not a level, so it is never compared with one."""


class QuoteValue(_Model):
    """Quoted words and who said them; ``speaker`` is null with a ``reason`` when unresolved."""

    shared_strings = ("speaker", "cue")

    text: str
    speaker: str | None
    cue: str | None = None
    speaker_text: str | None = None
    """The words in the document that name the speaker ("the party leader", "he")."""
    reason: str | None = None
    partial: bool = False
    """A fragment quoted inside reported speech rather than a whole quoted utterance."""
    words: int = 0


class _ClaimBase(_Model):
    shared_strings = ("key", "as_of")

    id: str
    source: str
    text: str
    start: int
    end: int
    line: int
    column: int
    sentence: str
    key: str | None
    """What the claim is about (subject/property); null when nothing identifies it."""
    as_of: str | None = None
    """The time the claim speaks of, for keying: a fact in 1990 and the same fact now differ."""
    scope: str | None = None
    """A coarse label for ``as_of`` that keys share ("2014", "current", "origin")."""


class DateClaim(_ClaimBase):
    """A date claim."""

    kind: Literal["date"] = "date"
    value: DateValue


class AmountClaim(_ClaimBase):
    """A money claim."""

    kind: Literal["amount"] = "amount"
    value: AmountValue


class CountClaim(_ClaimBase):
    """A count claim."""

    kind: Literal["count"] = "count"
    value: CountValue


class PercentClaim(_ClaimBase):
    """A percentage claim."""

    kind: Literal["percent"] = "percent"
    value: PercentValue


class QuoteClaim(_ClaimBase):
    """A quotation claim."""

    kind: Literal["quote"] = "quote"
    value: QuoteValue


_ALL_FIELDS: dict[type[BaseModel], set[str]] = {}


def shared_fields(cls: type[BaseModel]) -> set[str]:
    """The one set naming every field of ``cls`` that compacted instances share."""
    shared = _ALL_FIELDS.get(cls)
    if shared is None:
        shared = _ALL_FIELDS[cls] = set(cls.model_fields)
    return shared


ModelT = TypeVar("ModelT", bound=BaseModel)


def trusted(cls: type[ModelT], values: dict[str, Any]) -> ModelT:
    """An instance of ``cls`` from ``values`` that are already typed and name every field.

    ``model_construct`` without its per-field alias and default handling, which cost more than
    keying a claim; the fields set is the shared one of ``compact``.
    """
    model = cls.__new__(cls)
    _adopt(model, values)
    return model


def _adopt(model: BaseModel, values: dict[str, Any]) -> None:
    """Give a bare instance its fields and pydantic's state, with the class's shared fields set."""
    _setattr(model, "__dict__", values)
    _setattr(model, "__pydantic_fields_set__", shared_fields(type(model)))
    _setattr(model, "__pydantic_extra__", None)
    _setattr(model, "__pydantic_private__", None)


def compact(model: BaseModel) -> None:
    """Share one "fields set" per model class instead of one per instance.

    pydantic keeps a set of the fields each instance was given (for ``exclude_unset``, which the
    report never uses); at ~730 bytes a set it was most of a claim's memory on large corpora.  The
    shared set names every field, so setting a field later adds nothing to it.
    """
    cls = type(model)
    object.__setattr__(model, "__pydantic_fields_set__", shared_fields(cls))
    for name in cls.model_fields:
        child = getattr(model, name)
        if isinstance(child, BaseModel):
            compact(child)
        elif isinstance(child, list):
            for item in child:
                if isinstance(item, BaseModel):
                    compact(item)


Claim = Annotated[
    DateClaim | AmountClaim | CountClaim | PercentClaim | QuoteClaim,
    Field(discriminator="kind"),
]
ClaimValue = DateValue | AmountValue | CountValue | PercentValue | QuoteValue
CLAIM_CLASSES = (DateClaim, AmountClaim, CountClaim, PercentClaim, QuoteClaim)
"""The members of ``Claim``, for ``isinstance`` checks of claims read back from elsewhere."""


class ValueGroup(_Model):
    """Claims in a finding that state the same value, so a many-source conflict stays one finding."""

    value: str
    claims: list[str]
    sources: list[str]


class Finding(_Model):
    """A verdict on claims that meet on one key, decided by one rule."""

    id: str
    verdict: Verdict
    kind: ClaimKind
    key: str
    claims: list[str]
    rule: str
    severity: Severity
    message: str
    groups: list[ValueGroup] = Field(default_factory=list)
    detail: str | None = None


class Tool(_Model):
    """The tool that wrote the report."""

    name: str
    version: str


class Report(_Model):
    """Everything a formatter may show; the only contract between engine and outputs."""

    schema_version: int = SCHEMA_VERSION
    tool: Tool
    sources: list[Source]
    claims: list[Claim]
    findings: list[Finding]
    unverified: list[str]
    notes: list[str] = Field(default_factory=list)
    """Things the user should know that are not findings (skipped files, inferred dates)."""
