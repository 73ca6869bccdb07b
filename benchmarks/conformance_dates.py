"""Conformance section: dates, against the Recognizers-Text cases in ``dates.jsonl``.

All cases go through the real batch interface in one subprocess (``crosscheck claims
--input-jsonl - --kinds date``, ``published`` = the case's ``reference_date``).  The cases from
``EnglishOthers/`` spec files are Recognizers-Text's English "others" culture (en-GB style: all-figures
dates are day first, "10/06/2019" is 10 June), so their JSON lines carry ``"date_order": "dmy"``, as a
document from such a newsroom would; that is the documented culture of the whole file, never a choice
per sentence.  Every other case uses the default month-first order.  Each expected entry is scored
twice:

- **extraction**: some date claim overlaps the expected span;
- **normalization**: the claim that overlaps it most, converted to the source's conventions, equals
  ``value`` or one of ``alt_values``.

In scope are the types ``date`` and ``daterange``.  ``datetime`` (points and intervals with a clock
time or a part of the day), ``duration`` and ``set`` are counted and listed with the reason they are
out of scope, never silently dropped.

Our ``DateValue`` is an inclusive calendar interval; the source writes intervals half-open.  The
conversion, applied here in the scorer and nowhere in ``checker/``:

- a single day (``start == end``, granularity ``day``) is the date ``YYYY-MM-DD`` when the source
  expects a ``date``, and ``D/D+1`` when it expects a ``daterange``;
- a calendar unit or a part of one (a claim with a ``timex``: month, week, year, "early 2024",
  "earlier this month") ends on the first day after it: ``2016-09-01/2016-10-01``;
- an explicit range (a claim without a single ``timex`` whose words state both ends, joined by
  "to", "until", "and", a dash or "~": "from 4 to 22 this month", "between August and October")
  ends on the first day of its last stated unit, as the source writes it: ``2016-11-04/2016-11-22``,
  ``2018-08-01/2018-10-01``; the unit is the one the words after the last link name ("between
  January 1st 2015 and Feb 2018" ends ``2018-02-01``), and "to the end of June" ends after June
  (``2016-07-01``), as our inclusive end says; a span counted from publication ("the next 3 days",
  "within 9 months") is a unit and ends on the first day after it;
- an open side is ``..``; the closed side follows the rules above (``since February`` ->
  ``2016-02-01/..``, ``before 2018`` -> ``../2018-01-01``);
- except when the closed side is one day: the source writes that stated day itself and says in its
  ``Mod`` whether it is included, so "after January 1, 2007" (ours: from 2007-01-02) is
  ``2007-01-01/..`` and "by tomorrow" (ours: up to and including tomorrow) is ``../<tomorrow>``;
  the day is recovered from the claim's words ("before", "prior to", "earlier than", "sooner than"
  exclude it, "after", "later than" too, and so does "more than" in "more than 2 weeks before
  today", whose stated day is the one 2 weeks before; every other open word includes it);
- "the rest of the week/month/year" ends on its last day, as the source writes it
  (``2016-11-07/2016-11-13`` for the rest of a week ending on Sunday the 13th);
- "and" between two lengths ("the last 3 months and 2 weeks") joins one compound length counted from
  publication, not the two ends of a range, so such a span is a unit as above.

Not converted, because the intervals differ (counted as misses): "until 2012" and "by the end of
2012", which the source reads as *before* 2012 (``../2012-01-01``) and we read as through 2012.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.tempeval3 import cli_date_claims

IN_SCOPE = ("date", "daterange")
OUT_OF_SCOPE = {
    "datetime": "clock times and parts of a day (a DateValue has day resolution)",
    "duration": "lengths of time, not positions on the calendar (not a date claim)",
    "set": "recurrences ('every Monday', 'weekly'): not one interval",
}


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _unit_start(day: dt.date, granularity: str) -> dt.date:
    """The first day of the unit of ``granularity`` that contains ``day``."""
    if granularity == "week":
        return day - dt.timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    if granularity == "quarter":
        return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
    if granularity in ("year", "season"):
        return day.replace(month=1, day=1) if granularity == "year" else day.replace(day=1)
    if granularity == "decade":
        return dt.date(day.year // 10 * 10, 1, 1)
    if granularity == "century":
        return dt.date(day.year // 100 * 100, 1, 1)
    return day


_EXCLUDING_BEFORE = re.compile(
    r"^(?:before|prior\s+to|earlier\s+than|sooner\s+than|more\s+than)\b(?!\s+or\b)", re.IGNORECASE
)
_EXCLUDING_AFTER = re.compile(r"^(?:after|later\s+than|more\s+than)\b(?!\s+or\b)", re.IGNORECASE)
_REST_OF = re.compile(r"^(?:the\s+)?(?:rest|remaining|remainder)\b", re.IGNORECASE)
_RANGE_LINK = re.compile(
    r"\b(?:to|through|thru|until|till|and(?!\s+\w+\s+(?:day|week|month|year)s?\b))\b|[-–—~]", re.IGNORECASE
)
_WORD_LINK = re.compile(r"\b(?:to|through|thru|until|till|and)\s+", re.IGNORECASE)
_MONTH_TAIL = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+(?:of\s+)?\d{4})?", re.IGNORECASE
)
_YEAR_TAIL = re.compile(r"\d{4}")
_TO_THE_END = re.compile(r"\s*the\s+end\s+of\b", re.IGNORECASE)


def _last_end(text: str, granularity: str) -> tuple[str, bool]:
    """The unit the words after a range's last link name ("... and Feb 2018": month), and whether
    they say "the end of" it."""
    links = list(_WORD_LINK.finditer(text))
    if not links:
        return granularity, False
    tail = text[links[-1].end() :].strip()
    if _TO_THE_END.match(tail):
        return granularity, True
    if _MONTH_TAIL.fullmatch(tail):
        return "month", False
    if _YEAR_TAIL.fullmatch(tail):
        return "year", False
    return granularity, False


def source_value(value: Mapping[str, Any], expected_type: str, text: str = "") -> str:
    """Our inclusive DateValue written in the source's conventions (see the module docstring)."""
    start, end = value.get("start"), value.get("end")
    granularity = str(value.get("granularity"))
    if start and start == end and granularity == "day":
        if expected_type == "date":
            return str(start)
        return f"{start}/{_day(start) + dt.timedelta(days=1)}"
    if granularity == "day" and end is not None and start is None:
        return f"../{_day(end) + dt.timedelta(days=1 if _EXCLUDING_BEFORE.match(text) else 0)}"
    if granularity == "day" and start is not None and end is None:
        return f"{_day(start) - dt.timedelta(days=1 if _EXCLUDING_AFTER.match(text) else 0)}/.."
    if end is None:
        closing = ".."
    elif _REST_OF.match(text):
        closing = end
    elif value.get("timex") or start is None or not _RANGE_LINK.search(text):
        closing = (_day(end) + dt.timedelta(days=1)).isoformat()
    else:
        last_unit, to_its_end = _last_end(text, granularity)
        closing_day = _day(end) + dt.timedelta(days=1) if to_its_end else _unit_start(_day(end), last_unit)
        closing = closing_day.isoformat()
    return f"{start or '..'}/{closing}"


@dataclass
class _Tally:
    entries: int = 0
    extracted: int = 0
    correct: int = 0

    def add(self, extracted: bool, correct: bool) -> None:
        self.entries += 1
        self.extracted += extracted
        self.correct += correct


@dataclass
class Scores:
    """Everything the table shows, kept apart from its layout so tests can read it."""

    by_source: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    by_type: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    in_scope_cases: _Tally = field(default_factory=_Tally)
    out_of_scope: Counter[str] = field(default_factory=Counter)
    out_of_scope_examples: dict[str, str] = field(default_factory=dict)
    empty_cases: int = 0
    empty_cases_with_claims: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(case id, span, expected value, what we gave) for in-scope entries we got wrong."""


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(a_end, b_end) - max(a_start, b_start)


DAY_FIRST_SOURCES = ("EnglishOthers/",)
"""Spec folders of day-first cultures (en-GB and other non-US English)."""


def _source(case: Mapping[str, Any]) -> str:
    """The spec file a case comes from, e.g. ``EnglishOthers/DateTimeModel``."""
    return str(case["source"]).split("Specs/DateTime/", 1)[-1].removesuffix(".json")


def _document(case: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON line of a case: its text and reference date, and its culture's date order."""
    doc = {"id": case["id"], "text": case["text"], "published": case["reference_date"]}
    if _source(case).startswith(DAY_FIRST_SOURCES):
        doc["date_order"] = "dmy"
    return doc


def score_cases(cases: list[dict[str, Any]]) -> Scores:
    """Run every case through the CLI once and tally extraction and normalization."""
    docs = [_document(c) for c in cases]
    claims = cli_date_claims(docs)
    scores = Scores()
    for case in cases:
        found = claims.get(case["id"], [])
        source = _source(case)
        if not case["expected"]:
            scores.empty_cases += 1
            scores.empty_cases_with_claims += bool(found)
            continue
        case_in_scope = False
        case_found = case_correct = True
        for entry in case["expected"]:
            kind = entry["type"]
            if kind not in IN_SCOPE:
                scores.out_of_scope[kind] += 1
                scores.out_of_scope_examples.setdefault(kind, entry["span"])
                continue
            case_in_scope = True
            overlapping = [
                c for c in found if _overlap(c["start"], c["end"], entry["start"], entry["end"]) > 0
            ]
            given = ""
            correct = False
            if overlapping:
                best = max(
                    overlapping, key=lambda c: _overlap(c["start"], c["end"], entry["start"], entry["end"])
                )
                ours = source_value(best["value"], kind, best["text"])
                given = f"{best['text']!r} -> {ours}"
                correct = ours in {entry["value"], *entry["alt_values"]}
            scores.by_source[source].add(bool(overlapping), correct)
            scores.by_type[kind].add(bool(overlapping), correct)
            case_correct = case_correct and correct
            case_found = case_found and bool(overlapping)
            if not correct:
                scores.errors.append((case["id"], entry["span"], entry["value"], given or "(no claim)"))
        if case_in_scope:
            scores.in_scope_cases.add(case_found, case_correct)
    return scores


def _row(label: str, tally: _Tally) -> str:
    def pct(n: int) -> str:
        return f"{100 * n / tally.entries:5.1f}%" if tally.entries else "    -"

    return (
        f"{label:<34} {tally.entries:>6} {tally.extracted:>6} {pct(tally.extracted):>7} "
        f"{tally.correct:>6} {pct(tally.correct):>7}"
    )


def table(scores: Scores) -> str:
    """The printable table: per source file, per type, per case, and what is out of scope."""
    header = f"{'in scope (date, daterange)':<34} {'gold':>6} {'found':>6} {'':>7} {'value':>6} {'':>7}"
    lines = ["Conformance: dates (Recognizers-Text) through `crosscheck claims --input-jsonl`", header]
    lines.append("-" * len(header))
    lines += [_row(source, tally) for source, tally in sorted(scores.by_source.items())]
    lines.append("-" * len(header))
    lines += [_row(f"type {kind}", tally) for kind, tally in sorted(scores.by_type.items())]
    total = _Tally()
    for tally in scores.by_type.values():
        total.entries += tally.entries
        total.extracted += tally.extracted
        total.correct += tally.correct
    lines.append(_row("all in-scope entries", total))
    lines.append(_row("cases with every in-scope entry", scores.in_scope_cases))
    lines.append(
        f"cases asserting no entity: {scores.empty_cases}, of which we claim a date in "
        f"{scores.empty_cases_with_claims}"
    )
    lines.append("out of scope (counted, not scored):")
    for kind, count in sorted(scores.out_of_scope.items()):
        example = scores.out_of_scope_examples[kind]
        lines.append(f"  {kind:<9} {count:>4}  {OUT_OF_SCOPE.get(kind, '')} (e.g. {example!r})")
    return "\n".join(lines)


def load_cases(folder: Path) -> list[dict[str, Any]]:
    """The cases of ``folder/dates.jsonl``."""
    text = (folder / "dates.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def report(folder: Path) -> str:
    """Score the cases in ``folder`` and return a printable table."""
    return table(score_cases(load_cases(folder)))


if __name__ == "__main__":
    import sys

    scores = score_cases(load_cases(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/conformance")))
    print(table(scores))
    for error in scores.errors:
        print("\t".join(error), file=sys.stderr)
