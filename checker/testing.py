"""Helpers for tests and rule examples: build an extraction context from a bare string."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from checker.claims.base import ExtractionContext
from checker.documents import Boilerplate, make_document
from checker.rules import RuleBook, load_rulebook


@lru_cache(maxsize=1)
def default_rules() -> RuleBook:
    """The repository's rules/, loaded once per process."""
    return load_rulebook()


def context_for_text(
    text: str, published: dt.date | str | None = None, rules: RuleBook | None = None, doc_id: str = "doc"
) -> ExtractionContext:
    """An ExtractionContext for ``text`` as if it were a whole document."""
    from checker.claims.dates import parse_absolute_date

    rules = rules or default_rules()
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    document = make_document(
        doc_id,
        text,
        Boilerplate.from_spec(rules.boilerplate),
        parse_absolute_date,
        published=published,
        published_from="option" if published else None,
    )
    return ExtractionContext(document=document, rules=rules, published=document.published)
