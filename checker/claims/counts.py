"""Count claims (stub: replaced by the real extractor)."""

from __future__ import annotations

from typing import Literal

from checker.claims.base import ExtractionContext, Extracted


class CountExtractor:
    """Finds count claims."""

    kind: Literal["count"] = "count"

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        return []
