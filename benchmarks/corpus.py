"""Synthetic corpora built from seeds/: copies with small changes, so no cache can help and keys
collide heavily (the syndicated-story worst case)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_DIGITS = re.compile(r"\b\d{2,3}\b")


@dataclass(frozen=True)
class SyntheticDocument:
    """One made-up document: an id, its text and its publication date."""

    id: str
    text: str
    published: str | None


def _seed_texts() -> list[tuple[str, str, str | None]]:
    published = {
        "000": "2024-04-04",
        "001": "2024-04-03",
        "002": "2023-11-29",
        "003": "2024-02-15",
        "004": "2024-04-04",
    }
    return [
        (p.stem, p.read_text(encoding="utf-8-sig"), published.get(p.stem[:3]))
        for p in sorted(SEEDS.glob("*.txt"))
    ]


def _vary(text: str, copy: int, rng: random.Random) -> str:
    """A copy that differs from every other: a unique first line, and now and then a changed figure."""
    header = f"Syndicated copy {copy} (edition {rng.randrange(10**6)})\n\n"
    if rng.random() < 0.2:
        matches = list(_DIGITS.finditer(text))
        if matches:
            m = rng.choice(matches)
            text = text[: m.start()] + str(int(m.group(0)) + 1) + text[m.end() :]
    return header + text


def documents(count: int, seed: int = 7) -> list[SyntheticDocument]:
    """``count`` documents cycling through the seeds."""
    rng = random.Random(seed)
    seeds = _seed_texts()
    out = []
    for i in range(count):
        stem, text, published = seeds[i % len(seeds)]
        out.append(SyntheticDocument(f"{stem}-{i:06d}", _vary(text, i, rng), published))
    return out


def documents_of_size(size_bytes: int, seed: int = 7) -> list[SyntheticDocument]:
    """Enough documents to reach about ``size_bytes`` of UTF-8 text."""
    rng = random.Random(seed)
    seeds = _seed_texts()
    out: list[SyntheticDocument] = []
    total = 0
    i = 0
    while total < size_bytes:
        stem, text, published = seeds[i % len(seeds)]
        doc = SyntheticDocument(f"{stem}-{i:06d}", _vary(text, i, rng), published)
        out.append(doc)
        total += len(doc.text.encode("utf-8"))
        i += 1
    return out


def write_folder(docs: list[SyntheticDocument], folder: Path) -> None:
    """Write documents as .txt files with a sources.yml manifest of their publication dates."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["sources:"]
    for doc in docs:
        (folder / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
        if doc.published:
            lines.append(f"  - {{file: {doc.id}.txt, published: {doc.published}}}")
    (folder / "sources.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
