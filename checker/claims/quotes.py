"""Quote claims (stub: replaced by the real extractor)."""

from __future__ import annotations

from typing import Literal

from checker.claims.base import ExtractionContext, Extracted


class QuoteExtractor:
    """Finds quote claims."""

    kind: Literal["quote"] = "quote"

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        return []
