"""The spine issue's acceptance criteria, checked on the bundled seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.models import Finding, Report
from checker.pipeline import Pipeline
from checker.testing import default_rules

IRIA_APRIL, NATO_APRIL, IRIA_NOV, NATO_FEB, DW_APRIL = (
    "000_49aaff0cab5b9303",
    "001_0386686246588c25",
    "002_fc072bcf967fd6d4",
    "003_75cb78b672bb4e21",
    "004_4ea3051a0e3ca27d",
)


@pytest.fixture(scope="module")
def report() -> Report:
    return Pipeline(default_rules()).check([Path("seeds")])


def sources_of(report: Report, finding: Finding) -> set[str]:
    claims = {c.id: c for c in report.claims}
    return {claims[i].source for i in finding.claims}


def findings(report: Report, kind: str, verdict: str) -> list[Finding]:
    return [f for f in report.findings if f.kind == kind and f.verdict == verdict]


def test_april_meeting_dates_agree_across_three_articles(report: Report) -> None:
    hits = [
        f
        for f in findings(report, "date", "agreement")
        if {IRIA_APRIL, NATO_APRIL, DW_APRIL} <= sources_of(report, f)
    ]
    assert len(hits) == 1
    claims = {c.id: c for c in report.claims}
    values = {(claims[i].value.start, claims[i].value.end) for i in hits[0].claims}  # type: ignore[union-attr]
    assert ("2024-04-03", "2024-04-04") in values


def test_shared_stoltenberg_quotes_agree(report: Report) -> None:
    hits = [
        f for f in findings(report, "quote", "agreement") if sources_of(report, f) == {IRIA_APRIL, NATO_APRIL}
    ]
    assert len(hits) >= 2
    claims = {c.id: c for c in report.claims}
    assert all(claims[i].value.speaker == "Jens Stoltenberg" for f in hits for i in f.claims)  # type: ignore[union-attr]


def test_photo_caption_date_agrees(report: Report) -> None:
    claims = {c.id: c for c in report.claims}
    hits = [
        f
        for f in findings(report, "date", "agreement")
        if sources_of(report, f) == {IRIA_APRIL, IRIA_NOV}
        and all(claims[i].text == "November 28, 2023" for i in f.claims)
    ]
    assert len(hits) == 1


def test_allies_meeting_the_two_percent_target_conflict(report: Report) -> None:
    hits = [f for f in findings(report, "count", "conflict") if "spending-target" in f.key]
    assert len(hits) == 1
    assert {IRIA_APRIL, NATO_FEB, DW_APRIL} <= sources_of(report, hits[0])
    assert len(hits[0].groups) == 3


def test_november_and_april_meetings_never_meet(report: Report) -> None:
    claims = {c.id: c for c in report.claims}
    for finding in report.findings:
        if finding.kind != "date":
            continue
        months = {(claims[i].value.start or "")[:7] for i in finding.claims}  # type: ignore[union-attr]
        assert not ({"2023-11", "2024-04"} <= months), finding.key


def test_euro_dollar_restatements_are_not_flagged(report: Report) -> None:
    assert not [f for f in report.findings if f.kind == "amount" and f.verdict == "conflict"]
    restated = [c for c in report.claims if c.kind == "amount" and c.value.also]  # type: ignore[union-attr]
    assert len(restated) >= 3 and all(c.source == DW_APRIL for c in restated)


def test_no_false_conflicts(report: Report) -> None:
    """Every conflict on the seeds is one a reader would accept."""
    conflicts = [f for f in report.findings if f.verdict == "conflict"]
    assert [f.kind for f in conflicts] == ["count"]


def test_publication_dates(report: Report) -> None:
    published = {s.id: (s.published, s.published_from) for s in report.sources}
    assert published == {
        IRIA_APRIL: ("2024-04-04", "inferred"),
        NATO_APRIL: ("2024-04-03", "manifest"),
        IRIA_NOV: ("2023-11-29", "inferred"),
        NATO_FEB: ("2024-02-15", "manifest"),
        DW_APRIL: ("2024-04-04", "manifest"),
    }


def test_boilerplate_yields_no_claims(report: Report) -> None:
    for claim in report.claims:
        assert "Copyright" not in claim.sentence and "Skip to" not in claim.sentence


def test_selecting_kinds_does_not_change_date_findings(report: Report) -> None:
    dates_only = Pipeline(default_rules(), kinds=("date",)).check([Path("seeds")])
    assert {f.id for f in dates_only.findings} == {f.id for f in report.findings if f.kind == "date"}
