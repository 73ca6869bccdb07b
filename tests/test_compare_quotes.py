"""Quote keys and attribution: same words meet; different speakers conflict."""

from __future__ import annotations

from checker.compare.base import CompareContext
from checker.compare.quotes import QuoteAttribution, QuoteAttributionParams
from checker.entities import EntityIndex
from checker.quotematch import assign_quote_keys
from checker.testing import default_rules
from tests import claimfactory as cf

CTX = CompareContext(rules=default_rules(), entities=EntityIndex(default_rules().entities))


def test_sub_span_quotes_share_a_key_regardless_of_case_and_punctuation() -> None:
    long = cf.quote(
        "a",
        "The Ukrainians are not running out of courage, they are running out of ammunition",
        "X",
        key=None,
    )  # type: ignore[arg-type]
    short = cf.quote("b", "Running out of ammunition.", "X", key=None)  # type: ignore[arg-type]
    other = cf.quote("c", "Something else entirely was said here", "X", key=None)  # type: ignore[arg-type]
    assign_quote_keys([long, short, other])
    assert long.key is not None and long.key == short.key
    assert other.key is None


def test_scare_quotes_are_not_keyed() -> None:
    a = cf.quote("a", "rock-solid", "X", key=None)  # type: ignore[arg-type]
    b = cf.quote("b", "rock-solid", "Y", key=None)  # type: ignore[arg-type]
    assign_quote_keys([a, b])
    assert a.key is None and b.key is None


def test_same_speaker_agrees_and_different_speaker_conflicts() -> None:
    compare = QuoteAttribution()
    params = QuoteAttributionParams(min_words=3)
    same = [
        cf.quote("a", "we will continue to support", "A"),
        cf.quote("b", "we will continue to support", "A"),
    ]
    assert [o.verdict for o in compare.compare(same, params, CTX)] == ["agreement"]
    different = [
        cf.quote("a", "we will continue to support", "A"),
        cf.quote("b", "we will continue to support", "B"),
    ]
    assert [o.verdict for o in compare.compare(different, params, CTX)] == ["conflict"]


def test_unattributed_quotes_are_not_compared() -> None:
    compare = QuoteAttribution()
    claims = [
        cf.quote("a", "we will continue to support", "A"),
        cf.quote("b", "we will continue to support", None),
    ]
    assert compare.compare(claims, QuoteAttributionParams(), CTX) == []
