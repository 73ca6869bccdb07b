"""Properties of quote comparison, through the whole pipeline on generated articles.

Re-attributing a quote always conflicts; changing a number or adding a negation inside it always
is a misquote; changing only punctuation, case or quote marks, or eliding words with an
ellipsis, never conflicts.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.models import Finding
from checker.pipeline import Pipeline
from checker.testing import default_rules

PIPELINE = Pipeline(default_rules())
PUBLISHED = dt.date(2024, 4, 4)
RULE = "quote.same-speaker"

# Plain words: no negation, antonym, number, name or speech verb among them.
VOCABULARY = [
    "we",
    "the",
    "alliance",
    "partners",
    "help",
    "build",
    "plan",
    "work",
    "together",
    "future",
    "every",
    "day",
    "people",
    "region",
    "policy",
    "defence",
    "budget",
    "goal",
    "need",
    "keep",
    "working",
    "toward",
    "this",
    "clear",
    "path",
    "again",
    "across",
    "country",
    "plans",
    "government",
    "those",
    "make",
    "progress",
    "their",
    "security",
    "today",
    "our",
    "ministers",
    "production",
    "time",
    "shared",
    "purpose",
    "aid",
    "deliver",
    "fund",
    "ammunition",
    "stay",
    "course",
    "about",
    "interests",
    "continent",
    "weapons",
]
SPEAKERS = ["Maria Lindqvist", "Tomas Berger", "Ana Sousa", "Pieter Vos", "Elif Kaya"]

# Distinct words: a quote of one word repeated has no single alignment to test against.
words = st.lists(st.sampled_from(VOCABULARY), min_size=8, max_size=16, unique=True)
speaker_pairs = st.lists(st.sampled_from(SPEAKERS), min_size=2, max_size=2, unique=True)
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def article(quote: str, speaker: str, curly: bool = True) -> str:
    opening, closing = ("“", "”") if curly else ('"', '"')
    return f"The ministers met in Brussels.\n\n{opening}{quote},{closing} {speaker} said.\n"


def sentence(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return text[0].upper() + text[1:]


def quote_findings(*texts: str) -> list[Finding]:
    documents = [PIPELINE.document_from_text(f"doc-{n}", text, PUBLISHED) for n, text in enumerate(texts)]
    report = PIPELINE.report(PIPELINE.extract_all(documents))
    return [f for f in report.findings if f.rule == RULE]


def verdicts(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.verdict, (f.detail or "").split(":")[0].split(" ")[0]) for f in findings]


@PROPERTY
@given(words, speaker_pairs)
def test_reattributing_a_quote_is_an_attribution_conflict(tokens: list[str], speakers: list[str]) -> None:
    quote = sentence(tokens)
    findings = quote_findings(article(quote, speakers[0]), article(quote, speakers[1]))
    assert [(f.verdict, (f.detail or "").startswith("credited to")) for f in findings] == [("conflict", True)]


@PROPERTY
@given(words, st.integers(0, 16), st.integers(2, 9999), st.integers(2, 9999), st.sampled_from(SPEAKERS))
def test_changing_a_number_is_a_misquote(
    tokens: list[str], at: int, number: int, other: int, speaker: str
) -> None:
    if number == other:
        other = number + 1
    at = at % (len(tokens) + 1)
    original = sentence([*tokens[:at], str(number), *tokens[at:]])
    changed = sentence([*tokens[:at], str(other), *tokens[at:]])
    findings = quote_findings(article(original, speaker), article(changed, speaker))
    assert len(findings) == 1 and findings[0].verdict == "conflict", findings
    assert findings[0].detail and findings[0].detail.startswith("worded differently")
    assert "(number)" in findings[0].detail and f"{number} → {other}" in findings[0].detail


@PROPERTY
@given(words, st.integers(1, 15), st.sampled_from(["not", "never"]), st.sampled_from(SPEAKERS))
def test_inserting_a_negation_is_a_misquote(tokens: list[str], at: int, negation: str, speaker: str) -> None:
    at = 1 + at % (len(tokens) - 1)  # inside the quote, not at either end
    original = sentence(tokens)
    changed = sentence([*tokens[:at], negation, *tokens[at:]])
    findings = quote_findings(article(original, speaker), article(changed, speaker))
    assert len(findings) == 1 and findings[0].verdict == "conflict", findings
    assert findings[0].detail and "(negation)" in findings[0].detail
    assert f"[+ {negation}]" in findings[0].detail or f"[− {negation}]" in findings[0].detail


punctuation = st.sampled_from([",", ";", ":", " —", " –", " -", "!", "?"])
casing = st.sampled_from(["lower", "upper", "title", "same"])


@PROPERTY
@given(
    words,
    st.lists(st.tuples(st.integers(0, 15), punctuation), max_size=4),
    st.lists(st.tuples(st.integers(0, 15), casing), max_size=6),
    st.booleans(),
    st.sampled_from(SPEAKERS),
)
def test_punctuation_case_and_marks_never_conflict(
    tokens: list[str],
    marks: list[tuple[int, str]],
    cases: list[tuple[int, str]],
    curly: bool,
    speaker: str,
) -> None:
    changed = list(tokens)
    for at, case in cases:
        i = at % len(changed)
        word = changed[i]
        changed[i] = {"lower": word.lower(), "upper": word.upper(), "title": word.title(), "same": word}[case]
    for at, mark in marks:
        i = at % (len(changed) - 1)  # after a word, never after the last one
        changed[i] = changed[i] + mark
    original = sentence(tokens)
    variant = sentence(changed)
    findings = quote_findings(article(original, speaker), article(variant, speaker, curly=curly))
    assert [f.verdict for f in findings] == ["agreement"], [(f.detail, variant) for f in findings]


@PROPERTY
@given(
    words,
    st.integers(1, 14),
    st.integers(1, 3),
    st.sampled_from(["…", "...", " ... "]),
    st.sampled_from(SPEAKERS),
)
def test_eliding_words_with_an_ellipsis_never_conflicts(
    tokens: list[str], at: int, count: int, ellipsis: str, speaker: str
) -> None:
    at = 1 + at % (len(tokens) - 2)
    count = min(count, len(tokens) - at - 1)
    elided = " ".join(tokens[:at]) + f" {ellipsis.strip()} " + " ".join(tokens[at + count :])
    findings = quote_findings(article(sentence(tokens), speaker), article(sentence(elided.split()), speaker))
    assert [f.verdict for f in findings] == ["agreement"], [(f.detail, elided) for f in findings]
