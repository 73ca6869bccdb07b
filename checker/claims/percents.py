"""Percent claims (stub: replaced by the real extractor)."""

from __future__ import annotations

from typing import Literal

from checker.claims.base import ExtractionContext, Extracted


class PercentExtractor:
    """Finds percent claims."""

    kind: Literal["percent"] = "percent"

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        return []
