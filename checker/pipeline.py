"""The one orchestrator: documents -> claims -> keys -> findings -> Report.

Extraction is a pure function of one document and the rule book, so it can be cached and run in
parallel per document; only quote keys and the comparison look across documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker import __version__
from checker.claims import EXTRACTORS
from checker.claims.base import Extracted, ExtractionContext
from checker.claims.dates import parse_absolute_date
from checker.compare.engine import evaluate
from checker.documents import Boilerplate, Document, load_documents, make_document
from checker.keys import ClaimBuilder
from checker.models import CLAIM_KINDS, Claim, ClaimKind, DateValue, Report, Tool
from checker.quotematch import assign_quote_keys
from checker.rules import RuleBook

# Where spans of different kinds overlap, the more specific reading wins: "€6.5 billion" is an
# amount, not a count of billions; "90% of members" is a share of members, not a bare percent.
_PRECEDENCE: dict[ClaimKind, int] = {"amount": 0, "count": 1, "percent": 2, "date": 3, "quote": 9}


@dataclass
class ExtractedDocument:
    """One document with its claims, ready to be compared with others."""

    document: Document
    claims: list[Claim]


def _resolve_overlaps(found: list[Extracted]) -> list[Extracted]:
    """Drop a figure whose span overlaps a figure of a more specific kind (quotes overlap freely)."""
    figures = sorted(
        (e for e in found if e.kind != "quote"),
        key=lambda e: (_PRECEDENCE[e.kind], e.start, -(e.end - e.start)),
    )
    kept: list[Extracted] = []
    for candidate in figures:
        if not any(candidate.start < k.end and k.start < candidate.end for k in kept):
            kept.append(candidate)
    kept.extend(e for e in found if e.kind == "quote")
    kept.sort(key=lambda e: (e.start, e.end, e.kind))
    return kept


def infer_published(document: Document, rules: RuleBook) -> dt.date | None:
    """The latest complete date a document states, as a stand-in for its publication date."""
    ctx = ExtractionContext(document=document, rules=rules, published=None)
    latest: dt.date | None = None
    for found in EXTRACTORS["date"].extract(ctx):
        value = found.value
        if not isinstance(value, DateValue) or value.relative or value.granularity != "day" or not value.end:
            continue
        if document.is_excluded(found.start, found.end):
            continue
        day = dt.date.fromisoformat(value.end)
        if latest is None or day > latest:
            latest = day
    return latest


class Pipeline:
    """Holds the compiled rule book; check documents or extract their claims."""

    def __init__(self, rules: RuleBook, kinds: Sequence[ClaimKind] = CLAIM_KINDS) -> None:
        self.rules = rules
        self.kinds = tuple(kinds)
        self.boilerplate = Boilerplate.from_spec(rules.boilerplate)
        self.builder = ClaimBuilder(rules)
        # Quotes too short to identify (scare quotes) never meet; the threshold is policy, so it
        # comes from the quote rules.
        thresholds = [
            int(r.params.get("min_words", 4)) for r in rules.compare if r.extends == "quote-attribution"
        ]
        self.quote_min_words = min(thresholds, default=4)

    def load(
        self, paths: Iterable[Path], published: dt.date | None = None
    ) -> tuple[list[Document], list[str]]:
        result = load_documents(paths, self.boilerplate, parse_absolute_date, published)
        return result.documents, result.notes

    def document_from_text(self, doc_id: str, text: str, published: dt.date | None) -> Document:
        return make_document(
            doc_id,
            text,
            self.boilerplate,
            parse_absolute_date,
            published=published,
            published_from="input" if published else None,
        )

    def extract(self, document: Document) -> ExtractedDocument:
        """Every claim of one document, keyed; settles an unknown publication date first."""
        if document.published is None:
            inferred = infer_published(document, self.rules)
            if inferred:
                document.published, document.published_from = inferred, "inferred"
        ctx = ExtractionContext(document=document, rules=self.rules, published=document.published)
        found: list[Extracted] = []
        for kind in self.kinds:
            found.extend(
                e
                for e in EXTRACTORS[kind].extract(ctx)
                if not document.is_excluded(e.start, e.end) and e.end > e.start
            )
        quoted: list[tuple[int, int]] = []
        if "date" in self.kinds and "quote" not in self.kinds:
            # Relative dates in quoted speech are never compared, so quotations matter even when
            # quote claims were not asked for.
            quoted = [(q.start, q.end) for q in EXTRACTORS["quote"].extract(ctx)]
        return ExtractedDocument(document, self.builder.build(document, _resolve_overlaps(found), quoted))

    def extract_all(self, documents: Sequence[Document]) -> list[ExtractedDocument]:
        extracted = [self.extract(doc) for doc in documents]
        assign_quote_keys([c for e in extracted for c in e.claims], min_words=self.quote_min_words)
        return extracted

    def report(self, extracted: Sequence[ExtractedDocument], notes: Sequence[str] = ()) -> Report:
        claims = [c for e in extracted for c in e.claims]
        findings, unverified = evaluate(claims, self.rules)
        all_notes = list(notes)
        for item in extracted:
            doc = item.document
            if doc.published_from == "inferred" and doc.published:
                all_notes.append(
                    f"{doc.path or doc.id}: no publication date stated; inferred {doc.published} "
                    "from the latest date in the text"
                )
            elif doc.published is None:
                all_notes.append(
                    f"{doc.path or doc.id}: no publication date; relative dates were not resolved"
                )
        return Report(
            tool=Tool(name="crosscheck", version=__version__),
            sources=[e.document.to_source() for e in extracted],
            claims=claims,
            findings=findings,
            unverified=unverified,
            notes=all_notes,
        )

    def check(self, paths: Iterable[Path], published: dt.date | None = None) -> Report:
        documents, notes = self.load(paths, published)
        return self.report(self.extract_all(documents), notes)
