"""Quote extraction measured against the hand-checked gold file of every quotation in seeds/.

Run ``.venv/bin/python -m tests.test_quote_gold`` to print the figures and each miss.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from checker.claims.base import Extracted
from checker.claims.quotes import QuoteExtractor
from checker.models import QuoteValue
from checker.testing import context_for_text

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "quotes.yml"
MARKS = "\"“”‘’'"
RECALL_FLOOR = 0.95
SPEAKER_FLOOR = 0.95


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    speaker_right: int = 0
    cue_right: int = 0
    partial_right: int = 0
    extracted: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.gold


def load_gold() -> dict[str, Any]:
    with GOLD.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """A span with surrounding quote marks and a comma before the closing mark taken off, so an
    extractor that keeps or drops the marks matches the same gold span."""
    while start < end and text[start] in MARKS:
        start += 1
    while end > start and text[end - 1] in MARKS + ", ":
        end -= 1
    return start, end


@lru_cache(maxsize=1)
def extracted_by_document() -> dict[str, tuple[str, list[Extracted]]]:
    gold = load_gold()
    out: dict[str, tuple[str, list[Extracted]]] = {}
    for doc, meta in gold["documents"].items():
        text = (ROOT / "seeds" / meta["file"]).read_text(encoding="utf-8")
        ctx = context_for_text(text, published=str(meta["published"]), doc_id=doc)
        out[doc] = (ctx.document.text, QuoteExtractor().extract(ctx))
    return out


def score() -> Score:
    result = Score()
    documents = extracted_by_document()
    result.extracted = sum(len(found) for _, found in documents.values())
    for entry in load_gold()["quotes"]:
        result.gold += 1
        text, found = documents[entry["doc"]]
        where = f"{entry['doc']}:{entry['line']} {entry['text'][:50]!r}"
        want = _core(text, entry["start"], entry["end"])
        match = next((e for e in found if _core(text, e.start, e.end) == want), None)
        if match is None:
            result.misses.append(where)
            continue
        result.found += 1
        value = match.value
        assert isinstance(value, QuoteValue)
        right = {entry["speaker"], *(entry.get("accept") or [])}
        if value.speaker in right:
            result.speaker_right += 1
        elif value.speaker is None:
            result.unresolved.append(f"{where}: want {entry['speaker']}, got None ({value.reason})")
        else:
            result.wrong_speakers.append(f"{where}: want {entry['speaker']}, got {value.speaker}")
        result.cue_right += value.cue == entry["cue"]
        result.partial_right += value.partial == entry["partial"]
    return result


def test_gold_file_offsets_match_the_seeds() -> None:
    documents = extracted_by_document()
    for entry in load_gold()["quotes"]:
        text, _ = documents[entry["doc"]]
        assert text[entry["start"] : entry["end"]] == entry["text"], entry
        assert text[entry["start"] - 1] in MARKS, entry
        assert text[entry["end"]] in MARKS + ",", entry


def test_quote_span_recall() -> None:
    result = score()
    assert result.recall >= RECALL_FLOOR, result.misses


def test_speaker_accuracy() -> None:
    result = score()
    assert result.speaker_accuracy >= SPEAKER_FLOOR, result.wrong_speakers + result.unresolved


def test_no_quote_is_given_to_the_wrong_named_person() -> None:
    assert score().wrong_speakers == []


def test_every_extracted_span_is_the_claim_text() -> None:
    for text, found in extracted_by_document().values():
        for claim in found:
            assert isinstance(claim.value, QuoteValue)
            assert " ".join(text[claim.start : claim.end].split()) == claim.value.text


def main() -> None:
    result = score()
    print(f"gold quotations        {result.gold}")
    print(f"extracted quotations   {result.extracted}")
    print(f"span recall            {result.recall:.1%} ({result.found}/{result.gold})")
    print(f"speaker accuracy       {result.speaker_accuracy:.1%} ({result.speaker_right}/{result.gold})")
    print(f"wrong named speaker    {len(result.wrong_speakers)}")
    print(f"cue agreement          {result.cue_right / result.gold:.1%}")
    print(f"partial flag agreement {result.partial_right / result.gold:.1%}")
    for line in result.misses:
        print("  missed      ", line)
    for line in result.wrong_speakers:
        print("  wrong       ", line)
    for line in result.unresolved:
        print("  unresolved  ", line)


if __name__ == "__main__":
    main()
