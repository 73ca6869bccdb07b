"""Amount claims (stub: replaced by the real extractor)."""

from __future__ import annotations

from typing import Literal

from checker.claims.base import ExtractionContext, Extracted


class AmountExtractor:
    """Finds amount claims."""

    kind: Literal["amount"] = "amount"

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        return []
