"""Conformance section (placeholder until implemented)."""

from __future__ import annotations

from pathlib import Path


def report(folder: Path) -> str:
    """Score the cases in ``folder`` and return a printable table."""
    return f"conformance_numbers: not implemented yet ({folder})"
