"""Quote keys and attribution: same words meet; different speakers conflict."""

from __future__ import annotations

import pytest

from checker.compare.base import CompareContext
from checker.compare.quotes import QuoteAttribution, QuoteAttributionParams
from checker.entities import EntityIndex
from checker.quotematch import assign_quote_keys, quote_words
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


# --- matching: which quotes are one quote ----------------------------------------------------------


def _keyed(*texts: str) -> list[str | None]:
    claims = [cf.quote(f"s{n}", text, "X", key=None) for n, text in enumerate(texts)]  # type: ignore[arg-type]
    assign_quote_keys(claims, min_words=4)
    return [c.key for c in claims]


def test_one_changed_word_still_meets_its_original() -> None:
    a, b = _keyed(
        "We will continue to support Ukraine for as long as it takes",
        "We won't continue to support Ukraine for as long as it takes",
    )
    assert a is not None and a == b


def test_an_elided_quote_meets_its_original() -> None:
    a, b = _keyed(
        "We discussed how to put our support on a firmer and more enduring basis for the future",
        "We discussed how to put our support … for the future",
    )
    assert a is not None and a == b


def test_quotes_that_only_share_a_phrase_are_different_quotes() -> None:
    texts = [
        "We will continue to stand with Ukraine, for Ukraine's security, and for ours.",
        "We will continue to support them on the path to membership and will continue to support "
        "Ukraine's fight for freedom",
        "We must and we will continue to support Ukraine",
    ]
    claims = [cf.quote(f"s{n}", t, f"Speaker {n}", key=None) for n, t in enumerate(texts)]  # type: ignore[arg-type]
    assign_quote_keys(claims, min_words=4)
    compare = QuoteAttribution()
    params = QuoteAttributionParams(min_words=4)
    for key in {c.key for c in claims if c.key}:
        assert compare.compare([c for c in claims if c.key == key], params, CTX) == []


def test_quote_words_normalize_marks_case_dashes_and_keep_ellipses() -> None:
    words = quote_words("We ‘will’ NOT — ever … go [back]")
    assert words.norms == ("we", "will", "not", "ever", "go", "back")
    assert words.gaps == frozenset({4}) and words.words[-1].editorial


def test_keying_compares_only_quotes_that_share_a_shingle(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    import checker.quotematch as quotematch

    calls = 0
    real = quotematch.align

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(quotematch, "align", counting)
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(3000)]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(12)) for _ in range(3000)]
    assign_quote_keys([cf.quote(f"s{n}", t, "X", key=None) for n, t in enumerate(texts)])  # type: ignore[arg-type]
    assert calls < 3000  # far from the 4.5 million pairs


# --- the comparator: attribution and wording ---------------------------------------------------


def _outcomes(texts: list[str], speakers: list[str | None], **params: object) -> list[tuple[str, str]]:
    claims = [cf.quote(f"s{n}", t, s) for n, (t, s) in enumerate(zip(texts, speakers, strict=True))]
    found = QuoteAttribution().compare(claims, QuoteAttributionParams(min_words=4, **params), CTX)  # type: ignore[arg-type]
    return [(o.verdict, o.detail or "") for o in found]


def test_a_material_difference_is_marked_in_both_versions() -> None:
    texts = [
        "We will continue to support Ukraine until the end",
        "We won't continue to support Ukraine until the end",
    ]
    claims = [cf.quote("a", texts[0], "A"), cf.quote("b", texts[1], "A")]
    (outcome,) = QuoteAttribution().compare(claims, QuoteAttributionParams(min_words=4), CTX)
    assert outcome.verdict == "conflict"
    assert outcome.detail == "worded differently: “We [will → won't] continue to support …” (negation)"
    assert outcome.labels == ["A: “We [will] continue to support …”", "A: “We [won't] continue to support …”"]


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        (
            "Allies will deliver 300 more air defence systems",
            "Allies will deliver 500 more air defence systems",
            "number",
        ),
        (
            "Allies will deliver three more air defence systems",
            "Allies will deliver five more air defence systems",
            "number",
        ),
        (
            "We always said the alliance stands together here",
            "We never said the alliance stands together here",
            "antonym",
        ),
        (
            "We will not send more troops to the region now",
            "We will send more troops to the region now",
            "negation",
        ),
        (
            "Our support for Ukraine remains rock solid today",
            "Our support for Georgia remains rock solid today",
            "entity",
        ),
    ],
)
def test_material_differences(first: str, second: str, kind: str) -> None:
    ((verdict, detail),) = _outcomes([first, second], ["A", "A"])
    assert verdict == "conflict" and f"{kind}" in detail


@pytest.mark.parametrize(
    "second",
    [
        "allies will deliver 300 more air-defence systems!",
        "Allies will deliver 300 more … systems",
        "Allies will deliver 300 more air defence systems",
        "Allies will deliver 300 more new air defence systems",  # an added plain word
        "Allies [will] deliver 300 more air defence systems",
    ],
)
def test_immaterial_differences_agree(second: str) -> None:
    first = "Allies will deliver 300 more air defence systems"
    assert [v for v, _ in _outcomes([first, second], ["A", "A"])] == ["agreement"]


def test_two_and_2_are_one_number() -> None:
    first = "Allies will deliver two more air defence systems soon"
    second = "Allies will deliver 2 more air defence systems soon"
    assert [v for v, _ in _outcomes([first, second], ["A", "A"])] == ["agreement"]


def test_the_rule_chooses_what_is_material() -> None:
    texts = ["We will not send more troops to the region now", "We will send more troops to the region now"]
    assert [v for v, _ in _outcomes(texts, ["A", "A"], material=["number"])] == ["agreement"]


def test_similarity_below_the_keying_floor_is_rejected() -> None:
    with pytest.raises(ValueError):
        QuoteAttributionParams(similarity=50)


def test_different_quotes_on_one_key_are_judged_apart() -> None:
    texts = [
        "We will deliver more air defence systems to Ukraine",
        "We will deliver more air defence systems to Ukraine",
        "Something else entirely was said about the weather here",
        "Something else entirely was said about the weather here",
    ]
    claims = [cf.quote(f"s{n % 2}", t, "A" if n < 2 else "B") for n, t in enumerate(texts)]
    outcomes = QuoteAttribution().compare(claims, QuoteAttributionParams(min_words=4), CTX)
    assert [o.verdict for o in outcomes] == ["agreement", "agreement"]
    assert len({o.scope for o in outcomes}) == 2
