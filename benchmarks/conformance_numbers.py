"""Conformance section: money amounts, numbers and percentages against peers' test cases.

Money cases (money.jsonl) go through the real batch interface, all in one subprocess
(``python -m checker claims --input-jsonl - --kinds amount``).  Number cases (numbers.jsonl) go
through the number grammar that count claims use (``checker.numbers.find_numbers``), and percent
cases through the percent extractor, in process.

An expected entry is *found* when a claim (or number) overlaps its span, and *right* when one
overlapping claim has the expected value (and, for money, the expected currency).  The peers name
some currencies without an ISO code; ``_CURRENCY`` says how each is read, and the categories that
have no single reading are listed as out of scope with the reason, never skipped silently.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_CURRENCY: dict[str, tuple[frozenset[str], float]] = {
    "Dollar": (frozenset({"USD"}), 1.0),
    "Cent": (frozenset({"USD"}), 0.01),
    "cent": (frozenset({"USD"}), 0.01),
    "dime": (frozenset({"USD"}), 0.1),
    "Pound": (frozenset({"GBP"}), 1.0),
    "Pence": (frozenset({"GBP"}), 0.01),
    "Penny": (frozenset({"GBP"}), 0.01),
    "penny": (frozenset({"GBP"}), 0.01),
    "Rupee": (frozenset({"INR"}), 1.0),
    "Peseta": (frozenset({"ESP"}), 1.0),
    "Bitcoin": (frozenset({"XBT"}), 1.0),
    "Satoshi": (frozenset({"XBT"}), 1e-8),
    "Franc": (frozenset({"CHF", "FRF", "BEF", "LUF", "XOF", "XAF"}), 1.0),
}
"""Peer currency names -> the ISO codes that count as right, and the factor to whole units.

A bare "$" or "dollar" is USD and bare "cents" are hundredths of it, by our rule (rules/currencies.yml
``default_dollar``); "pence" are hundredths of a pound sterling; bare "francs" name no country, so any
franc is right (our rule reads them as Swiss francs, the franc in wide use today).
"""

_OUT_OF_SCOPE_CURRENCY: dict[str, str] = {
    "Sen": "a hundredth of several currencies (yen, ringgit, rupiah, riel); the text names none",
}

_NUMBER_OUT_OF_SCOPE: dict[str, str] = {
    "ordinal": "ordinals rank rather than count; the number grammar reads no ordinals by design "
    '("the 75th anniversary" and "the first meeting" are not counts)',
    "part of a code, date or list": "a figure glued by . / - , to other figures or letters "
    "(192.168.1.2, 5/17/2018, +1-222-2222, SCP-173, 22,24,26, 1960s) is part of an identifier, a "
    "date (a date claim) or a list; reading F-16 or 24/7 as numbers would make false counts",
    "ratio (over, out of, in)": '"18 out of 32 Allies" is a count of 18 of a whole of 32; count '
    "claims keep the two apart, so the grammar does not fold them into one figure",
}
_GLUED = re.compile(r"[./,+\-−]\w|\w")
_RATIO = re.compile(r"\s(?:over|out\s+of|in)\s")


def _number_scope(text: str, entry: dict[str, Any]) -> str | None:
    """Why an expected number is out of scope, or None when it is in scope."""
    if entry["kind"] == "ordinal":
        return "ordinal"
    if _RATIO.search(entry["span"]):
        return "ratio (over, out of, in)"
    before = text[max(0, entry["start"] - 2) : entry["start"]][::-1]
    after = text[entry["end"] : entry["end"] + 2]
    if (before and _GLUED.match(before)) or _GLUED.match(after):
        return "part of a code, date or list"
    return None


@dataclass
class Tally:
    """Counts of one row of a table."""

    total: int = 0
    found: int = 0
    right: int = 0
    exact_span: int = 0

    def add(self, found: bool, right: bool, exact: bool) -> None:
        self.total += 1
        self.found += found
        self.right += right
        self.exact_span += exact


@dataclass
class Section:
    """One table with its rows, misses and notes."""

    rows: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)
    out_of_scope: Counter[str] = field(default_factory=Counter)
    spurious: int = 0
    spurious_examples: list[str] = field(default_factory=list)


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def _close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _states(value: dict[str, Any], codes: frozenset[str], amount: float) -> bool:
    """Whether an amount value states ``amount`` in one of ``codes``, as its sum or as a restatement.

    A qualified sum states its figure as a bound ("more than $ 247 million" has low 247 million).
    """
    for money in [value, *value.get("also", [])]:
        if money["currency"] in codes:
            if value["qualifier"] == "exact" or money is not value:
                if _close(money["low"], amount) and _close(money["high"], amount):
                    return True
            elif _close(money["low"], amount) or _close(money["high"], amount):
                return True
    return False


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_end and other_start < end


def _source_file(case_id: str) -> str:
    name = case_id.rsplit(":", 1)[0]
    return name.replace("rt:NumberWithUnit/English/", "rt:").replace("rt:Number/English/", "rt:")


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def _table(title: str, rows: Iterable[tuple[str, Tally]]) -> list[str]:
    lines = [f"{title:<34} {'cases':>6} {'found':>7} {'right':>7} {'exact span':>11}"]
    for name, tally in rows:
        lines.append(
            f"{name:<34} {tally.total:>6} {_pct(tally.found, tally.total):>7} "
            f"{_pct(tally.right, tally.total):>7} {_pct(tally.exact_span, tally.total):>11}"
        )
    return lines


def _extract_money(cases: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Every amount claim of every case, from one run of the batch interface."""
    lines = "".join(json.dumps({"id": c["id"], "text": c["text"]}) + "\n" for c in cases)
    result = subprocess.run(
        [sys.executable, "-m", "checker", "claims", "--input-jsonl", "-", "--kinds", "amount", "--no-cache"],
        input=lines,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"checker claims failed ({result.returncode}): {result.stderr.strip()}")
    claims: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in result.stdout.splitlines():
        claim = json.loads(line)
        claims[claim["source"]].append(claim)
    return claims


def score_money(cases: Sequence[dict[str, Any]]) -> tuple[Section, Section]:
    """Per source file and per currency tallies of the money cases."""
    claims = _extract_money(cases)
    by_file, by_currency = Section(), Section()
    for case in cases:
        found_claims = claims.get(case["id"], [])
        for claim in found_claims:
            if not any(
                _overlaps(claim["start"], claim["end"], e["start"], e["end"]) for e in case["expected"]
            ):
                by_file.spurious += 1
                if len(by_file.spurious_examples) < 8:
                    by_file.spurious_examples.append(f"{claim['text']!r} in {case['text'][:70]!r}")
        for entry in case["expected"]:
            if entry["currency"] in _OUT_OF_SCOPE_CURRENCY:
                by_currency.out_of_scope[entry["currency"]] += 1
                continue
            codes, factor = _CURRENCY.get(entry["currency"], (frozenset({entry["currency"]}), 1.0))
            amount = entry["amount"] * factor
            overlapping = [
                c for c in found_claims if _overlaps(c["start"], c["end"], entry["start"], entry["end"])
            ]
            right = [c for c in overlapping if _states(c["value"], codes, amount)]
            exact = any(c["start"] == entry["start"] and c["end"] == entry["end"] for c in right)
            for section, row in ((by_file, _source_file(case["id"])), (by_currency, entry["currency"])):
                section.rows[row].add(bool(overlapping), bool(right), exact)
            if not right:
                got = ", ".join(
                    f"{c['text']!r}={c['value']['low']} {c['value']['currency']}" for c in overlapping
                )
                by_file.misses.append(
                    f"{case['id']}: {entry['span']!r} -> {entry['amount']} {entry['currency']};"
                    f" got {got or 'nothing'}"
                )
    return by_file, by_currency


def score_numbers(cases: Sequence[dict[str, Any]]) -> Section:
    """Per kind tallies: numbers through the number grammar, percentages through percent extraction."""
    from checker.claims.percents import PercentExtractor
    from checker.numbers import find_numbers
    from checker.testing import context_for_text

    section = Section()
    percent_extractor = PercentExtractor()
    for case in cases:
        text = case["text"]
        kinds = {e["kind"] for e in case["expected"]} or {"number"}
        mentions: list[tuple[int, int, float | None]] = []
        if "number" in kinds:
            mentions += [(n.start, n.end, n.value) for n in find_numbers(text)]
        if "percent" in kinds:
            percents = percent_extractor.extract(context_for_text(text))
            mentions += [(p.start, p.end, p.value.low) for p in percents]  # type: ignore[union-attr]
        scored = [e for e in case["expected"] if _number_scope(text, e) is None]
        for start, end, _ in mentions:
            if not any(_overlaps(start, end, e["start"], e["end"]) for e in scored) and not (
                case["expected"] and not scored
            ):
                section.spurious += 1
                if len(section.spurious_examples) < 12:
                    section.spurious_examples.append(f"{text[start:end]!r} in {text[:60]!r} ({case['id']})")
        for entry in case["expected"]:
            scope = _number_scope(text, entry)
            if scope is not None:
                section.out_of_scope[scope] += 1
                continue
            overlapping = [m for m in mentions if _overlaps(m[0], m[1], entry["start"], entry["end"])]
            right = [m for m in overlapping if _close(m[2], entry["value"])]
            exact = any(m[0] == entry["start"] and m[1] == entry["end"] for m in right)
            section.rows[entry["kind"]].add(bool(overlapping), bool(right), exact)
            if not right:
                got = ", ".join(f"{text[m[0] : m[1]]!r}={m[2]}" for m in overlapping)
                section.misses.append(
                    f"{case['id']}: {entry['span']!r} -> {entry['value']}; got {got or 'nothing'}"
                )
    return section


def _total(rows: Iterable[Tally]) -> Tally:
    total = Tally()
    for row in rows:
        total.total += row.total
        total.found += row.found
        total.right += row.right
        total.exact_span += row.exact_span
    return total


@dataclass
class Scores:
    """Every table of the section, before formatting."""

    money_cases: int
    number_cases: int
    by_file: Section
    by_currency: Section
    numbers: Section


def score(folder: Path) -> Scores:
    """Score the money and number cases in ``folder``."""
    money_cases = _load(folder / "money.jsonl")
    number_cases = _load(folder / "numbers.jsonl")
    by_file, by_currency = score_money(money_cases)
    return Scores(len(money_cases), len(number_cases), by_file, by_currency, score_numbers(number_cases))


def report(folder: Path) -> str:
    """Score the money and number cases in ``folder`` and return printable tables."""
    return format_scores(score(folder))


def format_scores(scores: Scores) -> str:
    """The tables of a scored section, with out-of-scope categories and every miss."""
    by_file, by_currency, numbers = scores.by_file, scores.by_currency, scores.numbers
    out = [
        f"== money ({scores.money_cases} cases;"
        " found = a claim overlaps the span, right = amount and currency)"
    ]
    out += _table("source file", sorted(by_file.rows.items()))
    out += _table("all", [("", _total(by_file.rows.values()))])[1:]
    out.append("")
    ordered = sorted(by_currency.rows.items(), key=lambda kv: (-kv[1].total, kv[0]))
    out += _table("currency (as the peers name it)", ordered)
    out.append("out of scope: " + "; ".join(
        f"{name} {count} ({_OUT_OF_SCOPE_CURRENCY[name]})" for name, count in by_currency.out_of_scope.items()
    ))  # fmt: skip
    out.append(f"claims overlapping no expected span: {by_file.spurious}")
    out += [f"  {example}" for example in by_file.spurious_examples]
    out.append(f"misses ({len(by_file.misses)}):")
    out += [f"  {miss}" for miss in by_file.misses]
    out.append("")
    out.append(
        f"== numbers ({scores.number_cases} cases;"
        " numbers via checker.numbers, percentages via percent claims)"
    )
    out += _table("kind", sorted(numbers.rows.items()))
    out.append("out of scope: " + "; ".join(
        f"{kind} {count} ({_NUMBER_OUT_OF_SCOPE[kind]})" for kind, count in numbers.out_of_scope.items()
    ))  # fmt: skip
    out.append(f"numbers overlapping no expected span: {numbers.spurious}")
    out += [f"  {example}" for example in numbers.spurious_examples]
    out.append(f"misses ({len(numbers.misses)}):")
    out += [f"  {miss}" for miss in numbers.misses]
    return "\n".join(out)
