"""End-to-end behaviour of the pipeline on small made-up documents."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from checker.entities import EntityIndex
from checker.pipeline import Pipeline
from checker.testing import default_rules


def check(*texts: str, published: str | None = "2024-04-04"):  # type: ignore[no-untyped-def]
    pipeline = Pipeline(default_rules())
    day = dt.date.fromisoformat(published) if published else None
    docs = [pipeline.document_from_text(f"doc{i}", text, day) for i, text in enumerate(texts)]
    return pipeline.report(pipeline.extract_all(docs))


def test_a_document_that_contradicts_itself_is_a_conflict() -> None:
    report = check(
        "Russia has incurred 300,000 casualties in the war, officials said.\n\n"
        "Russia has incurred 150,000 casualties in the war, officials said."
    )
    conflicts = [f for f in report.findings if f.verdict == "conflict"]
    assert len(conflicts) == 1 and conflicts[0].kind == "count"
    claims = {c.id: c for c in report.claims}
    assert {claims[i].source for i in conflicts[0].claims} == {"doc0"}


def test_one_source_repeating_itself_is_not_an_agreement() -> None:
    report = check("The U.S. has provided $77 billion in aid. The U.S. has provided $77 billion in aid.")
    assert not report.findings
    assert len(report.unverified) == len(report.claims)


def test_finding_ids_survive_unrelated_text_moving() -> None:
    a = "Foreign Ministers met for a two-day meeting on April 3-4, 2024 in Brussels."
    b = "NATO foreign ministers ended their two-day meeting in Brussels on Thursday."
    first = check(a, b)
    second = check("An unrelated opening paragraph.\n\n" + a, b + "\n\nA closing remark.")
    assert first.findings and [f.id for f in first.findings] == [f.id for f in second.findings]


def test_unknown_publication_date_is_inferred_from_the_latest_full_date() -> None:
    report = check(
        "Talks began on 2 March 2024 and ended on 5 March 2024. They resume on Monday.", published=None
    )
    source = report.sources[0]
    assert (source.published, source.published_from) == ("2024-03-05", "inferred")
    assert any("inferred" in note for note in report.notes)


def test_titles_resolve_to_the_holder_on_the_date() -> None:
    index = EntityIndex(default_rules().entities)
    title = index.title_of("NATO chief")
    assert title is not None
    assert index.holder(title, dt.date(2024, 4, 4)) == "jens-stoltenberg"
    assert index.holder(title, dt.date(2025, 1, 1)) == "mark-rutte"
    assert index.holder(title, dt.date(2010, 1, 1)) is None


def test_generic_group_names_need_their_organisation() -> None:
    index = EntityIndex(default_rules().entities)
    assert index.group_for_noun("members", {"nato"}) == "nato-allies"
    assert index.group_for_noun("members", set()) is None


def test_a_change_in_points_is_never_compared_with_a_percentage() -> None:
    """ "Rose 2 percentage points" and "rose 3%" say different things (an absolute and a relative
    change); only changes in points meet each other."""
    report = check(
        "The jobless rate in Spain rose 2 percentage points, the ministry said.",
        "The jobless rate in Spain rose 3%, the ministry said.",
        "The jobless rate in Spain rose 1 percentage point, the ministry said.",
    )
    keys = {c.source: c.key for c in report.claims if c.kind == "percent"}
    assert keys["doc0"] == keys["doc2"] != keys["doc1"]
    assert [f.verdict for f in report.findings if f.kind == "percent"] == ["conflict"]


_SPANS = st.lists(
    st.tuples(
        st.sampled_from(["amount", "count", "percent", "date", "quote"]),
        st.integers(0, 60),
        st.integers(1, 12),
    ),
    max_size=40,
)


@given(_SPANS)
def test_overlapping_figures_resolve_as_one_by_one_checks_would(spans: list[tuple[str, int, int]]) -> None:
    """The bisection that replaced a check against every kept figure (quadratic on long documents)
    keeps exactly what that check kept."""
    from checker.claims.base import Extracted
    from checker.pipeline import _PRECEDENCE, _resolve_overlaps

    found = [Extracted(kind, start, start + length, None) for kind, start, length in spans]  # type: ignore[arg-type]
    figures = sorted(
        (e for e in found if e.kind != "quote"),
        key=lambda e: (_PRECEDENCE[e.kind], e.start, -(e.end - e.start)),
    )
    expected: list[Extracted] = []
    for candidate in figures:
        if not any(candidate.start < k.end and k.start < candidate.end for k in expected):
            expected.append(candidate)
    expected.extend(e for e in found if e.kind == "quote")
    expected.sort(key=lambda e: (e.start, e.end, e.kind))
    assert [id(e) for e in _resolve_overlaps(found)] == [id(e) for e in expected]
