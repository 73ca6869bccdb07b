"""Date claims (stub: replaced by the real extractor)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from checker.claims.base import ExtractionContext, Extracted


class DateExtractor:
    """Finds date claims."""

    kind: Literal["date"] = "date"

    def extract(self, ctx: ExtractionContext) -> list[Extracted]:
        return []


def parse_absolute_date(text: str) -> dt.date | None:
    """A complete calendar date written out in ``text`` ("April 4, 2024", "15 Feb. 2024"), else None."""
    return None
