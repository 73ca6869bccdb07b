"""TempEval-3 platinum (English news): date normalization through the batch CLI.

Usage: python -m benchmarks.tempeval3 [--shared ../shared]

Every document of ``<shared>/benchmarks/tempeval3/docs.jsonl`` goes through the real batch
interface, one subprocess for all of them: ``crosscheck claims --input-jsonl - --kinds date`` with
``{"id", "text", "published": dct}`` lines.  Each date claim becomes a TIMEX3 prediction (its span
and ``DateValue.timex``; a range without a single timex falls back to the value of its start at the
claim's granularity).  The predictions go to a temporary file, the shared scorer ``score_dates.py``
scores them (``--json``), and the table puts the published systems beside our rows.  The shared
data is read where it lies and never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

PUBLISHED = [
    ("HeidelTime-t (rank 1)", "ALL", 90.30, 81.34, 77.61),
    ("SUTime", "ALL", 90.32, 79.57, 67.38),
    ("annotator agreement", "ALL", None, None, 88.0),
]
"""(system, row, relaxed F1, strict F1, value F1) from UzZaman et al. 2013, Tables 1 and 3."""


def cli_date_claims(docs: Iterable[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Date claims per document id, from one ``crosscheck claims --input-jsonl -`` subprocess.

    ``docs`` are ``{"id", "text", "published"}`` mappings; a failing CLI raises with its stderr.
    """
    lines = "".join(json.dumps(dict(doc), ensure_ascii=False) + "\n" for doc in docs)
    command = [
        sys.executable,
        "-m",
        "checker",
        "claims",
        "--input-jsonl",
        "-",
        "--kinds",
        "date",
        "--no-cache",
    ]
    done = subprocess.run(command, input=lines, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[1:])} exited {done.returncode}: {done.stderr.strip()}")
    found: dict[str, list[dict[str, Any]]] = {}
    for line in done.stdout.splitlines():
        if line.strip():
            claim = json.loads(line)
            found.setdefault(claim["source"], []).append(claim)
    return found


_TIMEX_WIDTH = {"day": 10, "month": 7, "year": 4}


def timex_value(value: Mapping[str, Any]) -> str | None:
    """The TIMEX3 value of a DateValue dict: its own ``timex``, else its start cut to its granularity."""
    if value.get("timex"):
        return str(value["timex"])
    start, width = value.get("start"), _TIMEX_WIDTH.get(str(value.get("granularity")))
    return start[:width] if start and width else None


def predictions(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One ``{"id", "timexes"}`` line per document, as ``score_dates.py`` reads them."""
    claims = cli_date_claims({"id": d["id"], "text": d["text"], "published": d["dct"]} for d in docs)
    lines = []
    for doc in docs:
        timexes = [
            {"start": c["start"], "end": c["end"], "value": timex_value(c["value"])}
            for c in claims.get(doc["id"], [])
        ]
        lines.append({"id": doc["id"], "timexes": timexes})
    return lines


def score(folder: Path) -> dict[str, Any]:
    """Run the shared scorer on our predictions for ``folder/docs.jsonl``; its JSON result."""
    gold = folder / "docs.jsonl"
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="tempeval3-") as tmp:
        predicted = Path(tmp) / "predictions.jsonl"
        predicted.write_text("".join(json.dumps(p) + "\n" for p in predictions(docs)), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(folder / "score_dates.py"), str(gold), str(predicted), "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def table(result: Mapping[str, Any]) -> str:
    """Our rows (strict, relaxed and value P/R/F1) and the published reference points."""

    def prf(cell: Mapping[str, float]) -> str:
        return "/".join(f"{100 * cell[m]:5.1f}" for m in ("P", "R", "F1"))

    header = (
        f"{'row':<28} {'gold':>4} {'pred':>4}  {'strict P/R/F1':<17}  {'relaxed P/R/F1':<17}  value P/R/F1"
    )
    lines = ["TempEval-3 platinum: crosscheck dates through `crosscheck claims --input-jsonl`", header]
    lines.append("-" * len(header))
    for row, cells in result.items():
        lines.append(
            f"{'crosscheck ' + row:<28} {cells['n_gold']:>4} {cells['n_pred']:>4}  {prf(cells['strict']):<17}"
            f"  {prf(cells['relaxed']):<17}  {prf(cells['value'])}"
        )
    lines.append("published (UzZaman et al. 2013), F1 only:")
    for system, row, relaxed, strict, value in PUBLISHED:

        def cell(x: float | None) -> str:
            return "    -" if x is None else f"{x:5.1f}"

        lines.append(
            f"{system + ' ' + row:<28} {'':>4} {'':>4}  {'      ' * 2 + cell(strict):<17}"
            f"  {'      ' * 2 + cell(relaxed):<17}  {'      ' * 2 + cell(value)}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared data folder")
    args = parser.parse_args(argv)
    folder = args.shared / "benchmarks" / "tempeval3"
    if not (folder / "docs.jsonl").is_file():
        print(f"tempeval3: {folder / 'docs.jsonl'} not found (pass --shared)", file=sys.stderr)
        return 2
    print(table(score(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
