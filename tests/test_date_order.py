"""The date order: all-figures dates read month first (US, the default) or day first ("dmy").

Only ambiguous figures read apart: which strings are claimed never depends on the order.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker import pipeline as pipeline_module
from checker.claims.base import ExtractionContext
from checker.claims.dates import DateExtractor, find_mentions, parse_absolute_date
from checker.cli import app
from checker.documents import DateOrder
from checker.models import DateValue
from checker.testing import context_for_text

EXTRACTOR = DateExtractor()
PUBLISHED = "2024-05-01"
runner = CliRunner()


def read(text: str, order: DateOrder) -> list[tuple[str, str | None, str | None]]:
    """(span, start, end) of every date claim in ``text`` read in ``order``."""
    ctx = context_for_text(text, PUBLISHED)
    found = EXTRACTOR.extract(
        ExtractionContext(document=ctx.document, rules=ctx.rules, published=ctx.published, date_order=order)
    )
    result = []
    for claim in found:
        assert isinstance(claim.value, DateValue)
        result.append((text[claim.start : claim.end], claim.value.start, claim.value.end))
    return result


def day_of(text: str, order: DateOrder) -> tuple[str, str]:
    """The one date claim in ``text``: its span and the single day it names."""
    found = read(text, order)
    assert len(found) == 1, found
    span, start, end = found[0]
    assert start == end and start is not None
    return span, start


# --- each numeric form, in both orders -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "mdy", "dmy"),
    [
        # ambiguous: the order decides
        ("Talks were held on 03/04/2024 in Delhi.", "03/04/2024", "2024-03-04", "2024-04-03"),
        ("Talks were held on 3/4/2024 in Delhi.", "3/4/2024", "2024-03-04", "2024-04-03"),
        ("Talks were held on 3.4.2024 in Delhi.", "3.4.2024", "2024-03-04", "2024-04-03"),
        ("Talks were held on 03.04.2024 in Delhi.", "03.04.2024", "2024-03-04", "2024-04-03"),
        ("Talks were held on 03-04-2024 in Delhi.", "03-04-2024", "2024-03-04", "2024-04-03"),
        ("Talks were held on 10/06/19 in Delhi.", "10/06/19", "2019-10-06", "2019-06-10"),
        ("Talks were held on 12/11/2023 in Delhi.", "12/11/2023", "2023-12-11", "2023-11-12"),
        ("Talks resumed on 3/4 in Delhi.", "3/4", "2024-03-04", "2024-04-03"),
        ("Talks resumed on Friday 3/4.", "Friday 3/4", "2024-03-04", "2024-04-03"),
        # unambiguous: one figure cannot be a month, or the year comes first
        ("Talks were held on 22/04/2024 in Delhi.", "22/04/2024", "2024-04-22", "2024-04-22"),
        ("Talks were held on 04/22/2024 in Delhi.", "04/22/2024", "2024-04-22", "2024-04-22"),
        ("Talks were held on 22.4.2024 in Delhi.", "22.4.2024", "2024-04-22", "2024-04-22"),
        ("Talks were held on 22-04-2024 in Delhi.", "22-04-2024", "2024-04-22", "2024-04-22"),
        ("Talks were held on 31/12/99 in Delhi.", "31/12/99", "1999-12-31", "1999-12-31"),
        ("Talks resumed on 22/4 in Delhi.", "22/4", "2024-04-22", "2024-04-22"),
        ("Talks resumed on 4/22 in Delhi.", "4/22", "2024-04-22", "2024-04-22"),
        ("Talks were held on 2024-04-03 in Delhi.", "2024-04-03", "2024-04-03", "2024-04-03"),
        ("Talks were held on 2024/04/03 in Delhi.", "2024/04/03", "2024-04-03", "2024-04-03"),
        ("The file is report-20240403.html.", "20240403", "2024-04-03", "2024-04-03"),
        # same figures: both orders agree
        ("Talks were held on 04/04/2024 in Delhi.", "04/04/2024", "2024-04-04", "2024-04-04"),
    ],
)
def test_numeric_forms_in_each_order(text: str, span: str, mdy: str, dmy: str) -> None:
    assert day_of(text, "mdy") == (span, mdy)
    assert day_of(text, "dmy") == (span, dmy)


def test_month_and_year_forms_do_not_depend_on_the_order() -> None:
    for text in ("Sales fell in 11/2016.", "Sales fell in 2016-11.", "Sales fell in 4/2024."):
        assert read(text, "dmy") == read(text, "mdy") != []


def test_default_is_month_first_and_unchanged() -> None:
    text = "Talks were held on 03/04/2024 and resume on 3/4."
    ctx = context_for_text(text, PUBLISHED)
    assert ctx.numeric_date_order == "mdy"
    # "resume on 3/4": still to come, so the next 4 March
    assert [c.value.start for c in EXTRACTOR.extract(ctx)] == ["2024-03-04", "2025-03-04"]  # type: ignore[union-attr]


def test_context_falls_back_to_the_documents_order() -> None:
    """A context built without an order (rule examples, tests) reads as its document says."""
    ctx = context_for_text("---\ndate_order: dmy\n---\nTalks were held on 03/04/2024.", PUBLISHED)
    assert ctx.date_order is None and ctx.document.date_order == "dmy"
    assert [c.value.start for c in EXTRACTOR.extract(ctx)] == ["2024-04-03"]  # type: ignore[union-attr]


def test_fractions_and_idioms_stay_unclaimed_in_both_orders() -> None:
    for text in (
        "Add 1/2 cup of flour.",
        "He works 24/7.",
        "After 9/11 the rules changed.",
        "About 3/4 agreed.",
    ):
        assert read(text, "mdy") == read(text, "dmy") == []


@pytest.mark.parametrize(
    "template",
    ["on {a}/{b}/2024", "on {a}.{b}.2024", "on {a}-{b}-2024", "on {a}/{b}", "on {a}-{b}-24", "on {a}/{b}/24"],
)
def test_order_never_changes_which_strings_are_claimed(template: str) -> None:
    """Every pair of figures 0..39 is claimed (or not) alike in both orders: only readings differ."""
    for a in range(40):
        for b in range(40):
            text = template.format(a=a, b=b)
            spans = {
                order: [(m.start, m.end) for m in find_mentions(text, order=order)]
                for order in ("mdy", "dmy")
            }
            assert spans["mdy"] == spans["dmy"], text


@pytest.mark.parametrize(
    ("text", "mdy", "dmy"),
    [
        ("03/04/2024", dt.date(2024, 3, 4), dt.date(2024, 4, 3)),
        ("3.4.2024", dt.date(2024, 3, 4), dt.date(2024, 4, 3)),
        ("22/04/2024", dt.date(2024, 4, 22), dt.date(2024, 4, 22)),
        ("April 3, 2024", dt.date(2024, 4, 3), dt.date(2024, 4, 3)),
    ],
)
def test_parse_absolute_date_takes_the_order(text: str, mdy: dt.date, dmy: dt.date) -> None:
    assert parse_absolute_date(text) == parse_absolute_date(text, "mdy") == mdy
    assert parse_absolute_date(text, "dmy") == dmy


# --- round trip -----------------------------------------------------------------------------------

RENDERINGS: dict[tuple[str, DateOrder], Callable[[dt.date], str]] = {
    ("dd/mm/yyyy", "dmy"): lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    ("dd.mm.yyyy", "dmy"): lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    ("dd-mm-yyyy", "dmy"): lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    ("d/m/yyyy", "dmy"): lambda d: f"{d.day}/{d.month}/{d.year}",
    ("mm/dd/yyyy", "mdy"): lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
    ("mm.dd.yyyy", "mdy"): lambda d: f"{d.month:02d}.{d.day:02d}.{d.year}",
    ("mm-dd-yyyy", "mdy"): lambda d: f"{d.month:02d}-{d.day:02d}-{d.year}",
}


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       form=st.sampled_from(sorted(RENDERINGS)))  # fmt: skip
def test_round_trip_in_the_writers_order(day: dt.date, form: tuple[str, DateOrder]) -> None:
    rendered = RENDERINGS[form](day)
    order = form[1]
    text = f"Officials said the accord was signed on {rendered} in the capital."
    assert day_of(text, order) == (rendered, day.isoformat())
    assert parse_absolute_date(rendered, order) == day


# --- command line, manifest, front matter, JSON lines ---------------------------------------------


def _claims(result_stdout: str) -> list[tuple[str, str | None]]:
    return [(c["text"], c["value"]["start"]) for c in map(json.loads, result_stdout.splitlines())]


def _one_line_error(result, needle: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("crosscheck: error: ") and needle in lines[0], lines
    assert "Traceback" not in result.output


def test_cli_option_changes_the_claim(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Ministers met on 03/04/2024 in Brussels.\n")
    base = ["claims", str(doc), "--kinds", "date", "--no-cache", "--published", "2024-05-01"]
    assert _claims(runner.invoke(app, base).stdout) == [("03/04/2024", "2024-03-04")]
    assert _claims(runner.invoke(app, [*base, "--date-order", "mdy"]).stdout) == [
        ("03/04/2024", "2024-03-04")
    ]
    assert _claims(runner.invoke(app, [*base, "--date-order", "dmy"]).stdout) == [
        ("03/04/2024", "2024-04-03")
    ]


def test_check_takes_the_option(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Ministers met on 03/04/2024 in Brussels.\n")
    result = runner.invoke(
        app,
        ["check", str(doc), "-f", "json", "--no-cache", "--date-order", "dmy", "--published", "2024-05-01"],
    )
    assert result.exit_code == 0, result.output
    assert [c["value"]["start"] for c in json.loads(result.stdout)["claims"]] == ["2024-04-03"]


def test_manifest_and_front_matter_override_the_option(tmp_path: Path) -> None:
    text = "Ministers met on 03/04/2024 in Brussels.\n"
    (tmp_path / "uk.txt").write_text(text)
    (tmp_path / "us.txt").write_text(text)
    (tmp_path / "fm.md").write_text("---\ndate_order: dmy\n---\n" + text)
    (tmp_path / "plain.txt").write_text(text)
    (tmp_path / "sources.yml").write_text(
        "sources:\n"
        "  - file: uk.txt\n    published: 2024-05-01\n    date_order: dmy\n"
        "  - file: us.txt\n    published: 2024-05-01\n    date_order: mdy\n"
    )
    for option, plain in (("mdy", "2024-03-04"), ("dmy", "2024-04-03")):
        result = runner.invoke(
            app, ["claims", str(tmp_path), "--kinds", "date", "--no-cache", "--date-order", option]
        )
        assert result.exit_code == 0, result.output
        starts = {c["source"]: c["value"]["start"] for c in map(json.loads, result.stdout.splitlines())}
        assert starts == {"uk": "2024-04-03", "us": "2024-03-04", "fm": "2024-04-03", "plain": plain}


def test_input_jsonl_records_carry_their_order() -> None:
    lines = [
        {"id": "uk", "text": "Met on 03/04/2024.", "published": "2024-05-01", "date_order": "dmy"},
        {"id": "us", "text": "Met on 03/04/2024.", "published": "2024-05-01", "date_order": "mdy"},
        {"id": "plain", "text": "Met on 03/04/2024.", "published": "2024-05-01"},
    ]
    stdin = "".join(json.dumps(line) + "\n" for line in lines)
    for option, plain in (("mdy", "2024-03-04"), ("dmy", "2024-04-03")):
        result = runner.invoke(
            app, ["claims", "--input-jsonl", "-", "--no-cache", "--date-order", option], input=stdin
        )
        assert result.exit_code == 0, result.output
        starts = {c["source"]: c["value"]["start"] for c in map(json.loads, result.stdout.splitlines())}
        assert starts == {"uk": "2024-04-03", "us": "2024-03-04", "plain": plain}


def test_invalid_option_is_one_line(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Met on 03/04/2024.\n")
    for command in ("check", "claims"):
        result = runner.invoke(app, [command, str(doc), "--no-cache", "--date-order", "ymd"])
        _one_line_error(result, "--date-order: expected mdy or dmy, got 'ymd'")


def test_invalid_manifest_value_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Met on 03/04/2024.\n")
    (tmp_path / "sources.yml").write_text("sources:\n  - file: a.txt\n    date_order: british\n")
    result = runner.invoke(app, ["check", str(tmp_path), "--no-cache"])
    _one_line_error(result, "sources.yml:2: date_order: expected mdy or dmy, got 'british'")


def test_invalid_front_matter_value_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ndate_order: 12\n---\nMet on 03/04/2024.\n")
    result = runner.invoke(app, ["claims", str(tmp_path), "--no-cache"])
    _one_line_error(result, "a.md:1: date_order: expected mdy or dmy, got 12")


def test_invalid_jsonl_value_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "ok"}\n{"id": "b", "text": "ok", "date_order": "DM"}\n')
    result = runner.invoke(app, ["claims", "--input-jsonl", str(path), "--no-cache"])
    _one_line_error(result, "in.jsonl:2: date_order: expected mdy or dmy, got 'DM'")


def test_parallel_workers_keep_each_documents_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents are pickled to worker processes with their order: --jobs 2 equals --jobs 1."""
    monkeypatch.setattr(pipeline_module, "_PARALLEL_MIN_BYTES", 0)
    pooled = []
    in_pool = pipeline_module.Pipeline._extract_parallel

    def spy(self, documents, *args):  # type: ignore[no-untyped-def]
        pooled.append(len(documents))
        yield from in_pool(self, documents, *args)

    monkeypatch.setattr(pipeline_module.Pipeline, "_extract_parallel", spy)
    figures = {f"d{i}": (i % 12 + 1, (i * 7 + 3) % 12 + 1, i % 3 == 0) for i in range(40)}
    lines = [
        {
            "id": doc_id,
            "text": f"Ministers met on {a:02d}/{b:02d}/2024 and again on {b}.{a}.2023 in Brussels.",
            "published": "2024-12-31",
            **({"date_order": "mdy"} if us else {}),
        }
        for doc_id, (a, b, us) in figures.items()
    ]
    stdin = "".join(json.dumps(line) + "\n" for line in lines)
    command = ["claims", "--input-jsonl", "-", "--kinds", "date", "--no-cache", "--date-order", "dmy"]
    one, two = (runner.invoke(app, [*command, "-j", jobs], input=stdin) for jobs in ("1", "2"))
    assert one.exit_code == two.exit_code == 0, one.output + two.output
    assert one.stdout == two.stdout and pooled == [40]  # only --jobs 2 went through worker processes
    found: dict[str, list[str]] = {}
    for claim in map(json.loads, one.stdout.splitlines()):
        found.setdefault(claim["source"], []).append(claim["value"]["start"])
    for doc_id, (a, b, us) in figures.items():
        expected = (
            [dt.date(2024, a, b), dt.date(2023, b, a)] if us else [dt.date(2024, b, a), dt.date(2023, a, b)]
        )
        assert found[doc_id] == [d.isoformat() for d in expected], doc_id
