"""Smoke test of the money and number conformance section (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import conformance_numbers

FOLDER = Path(__file__).resolve().parents[2] / "shared" / "conformance"
pytestmark = pytest.mark.skipif(
    not (FOLDER / "money.jsonl").is_file(), reason="shared conformance cases not present"
)


def test_money_and_numbers_meet_their_targets() -> None:
    scores = conformance_numbers.score(FOLDER)
    money = conformance_numbers._total(scores.by_file.rows.values())
    assert money.right / money.total >= 0.95
    for kind in ("number", "percent"):
        tally = scores.numbers.rows[kind]
        assert tally.right / tally.total >= 0.95, kind
    assert set(scores.numbers.out_of_scope) <= set(conformance_numbers._NUMBER_OUT_OF_SCOPE)
    text = conformance_numbers.format_scores(scores)
    assert "== money" in text and "== numbers" in text and "out of scope:" in text
