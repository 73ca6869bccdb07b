"""Quote extraction: spans, apostrophes, attribution patterns and speaker resolution."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.claims.quotes import QuoteExtractor
from checker.models import QuoteValue
from checker.rules import DEFAULT_RULES_DIR, RuleBook, load_rulebook
from checker.testing import context_for_text

STOLTENBERG = "Jens Stoltenberg"


def quotes(
    text: str, published: str | None = "2024-04-04", rules: RuleBook | None = None
) -> list[QuoteValue]:
    ctx = context_for_text(text, published=published, rules=rules)
    found = QuoteExtractor().extract(ctx)
    for claim in found:
        assert isinstance(claim.value, QuoteValue)
        assert " ".join(ctx.document.text[claim.start : claim.end].split()) == claim.value.text
    return [claim.value for claim in found]  # type: ignore[misc]


def only(text: str, published: str | None = "2024-04-04") -> QuoteValue:
    found = quotes(text, published)
    assert len(found) == 1, found
    return found[0]


# --- spans ----------------------------------------------------------------------------------------


def test_span_excludes_the_marks_and_the_comma_before_the_closing_mark() -> None:
    text = "“We must stay the course,” Stoltenberg said."
    ctx = context_for_text(text)
    (claim,) = QuoteExtractor().extract(ctx)
    assert text[claim.start : claim.end] == "We must stay the course"


@pytest.mark.parametrize("marks", [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")])
def test_straight_and_curly_marks(marks: tuple[str, str]) -> None:
    opening, closing = marks
    value = only(f"{opening}We will not give up,{closing} Stoltenberg said.")
    assert value.text == "We will not give up"
    assert value.speaker == STOLTENBERG


def test_apostrophes_are_never_quote_marks() -> None:
    text = "Ukraine’s allies met. The Allies’ plan and Landsbergis' comments don't count. It's over."
    assert quotes(text) == []


def test_single_marks_inside_a_double_quote_belong_to_it() -> None:
    value = only("“They called it a ‘bridge’ to membership,” Blinken said.")
    assert value.text == "They called it a ‘bridge’ to membership"
    assert value.speaker == "Antony Blinken"


def test_quote_over_several_sentences_is_one_span() -> None:
    value = only("Stoltenberg said: “We discussed support. All Allies agree. There is unity.”")
    assert value.text == "We discussed support. All Allies agree. There is unity."
    assert value.words == 9


def test_split_quote_gives_two_spans_with_the_same_speaker() -> None:
    first, second = quotes('"The US is stronger with NATO," he said, "than without." Stoltenberg smiled.')
    assert (first.text, second.text) == ("The US is stronger with NATO", "than without.")
    # "he" has no antecedent before it: both stay unresolved together rather than guessed.
    assert first.speaker is second.speaker is None
    first, second = quotes('Stoltenberg arrived. "The US is stronger with NATO," he said, "than without."')
    assert first.speaker == second.speaker == STOLTENBERG
    assert not first.partial and not second.partial


def test_quote_continuing_into_the_next_paragraph_without_closing_mark() -> None:
    text = (
        "Stoltenberg said: “We will continue to support Ukraine.\n\n"
        "“We will do so for as long as it takes.”\n\nMinisters left."
    )
    first, second = quotes(text)
    assert first.text == "We will continue to support Ukraine."
    assert second.text == "We will do so for as long as it takes."
    assert first.speaker == second.speaker == STOLTENBERG


def test_scare_quotes_are_recorded_with_their_word_count() -> None:
    value = only('Blinken reiterated his country\'s "rock-solid" support.')
    assert value.text == "rock-solid" and value.words == 1
    assert value.partial
    assert value.speaker == "Antony Blinken"


# --- attribution patterns ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "speaker_text"),
    [
        ("“We are ready,” Stoltenberg said.", "said", "Stoltenberg"),
        ("“We are ready,” said Secretary General Jens Stoltenberg after the meeting.", "said", None),
        ("“We are ready,” Stoltenberg told reporters.", "told", "Stoltenberg"),
        ("“We are ready,” Stoltenberg added.", "added", "Stoltenberg"),
        ("Stoltenberg warned that “any delay has consequences”.", "warned", "Stoltenberg"),
        ("Stoltenberg stressed that “unity matters”.", "stressed", "Stoltenberg"),
        ("“We are ready,” Stoltenberg concluded.", "concluded", "Stoltenberg"),
        ("Stoltenberg added: “we are ready.”", "added", "Stoltenberg"),
        ("“We are ready,” Stoltenberg said in an interview with DW's Alexandra von Nahmen.", "said", None),
        ("Mr Stoltenberg has told DW that “we are ready”.", "told", "Mr Stoltenberg"),
        ("“Help is coming,” the NATO chief said.", "said", "NATO chief"),
        ("It brings “much-needed relief” to Gaza, stated the NATO chief.", "stated", "the NATO chief"),
    ],
)
def test_attribution_patterns(text: str, cue: str, speaker_text: str | None) -> None:
    value = only(text)
    assert value.speaker == STOLTENBERG, value
    assert value.cue == cue
    if speaker_text is not None:
        assert value.speaker_text == speaker_text


def test_according_to_an_organisation() -> None:
    value = only("According to the U.S. Department of State, “the ministers discussed priorities.”")
    assert value.speaker == "U.S. Department of State"
    assert value.cue == "according to"
    assert not value.partial


def test_organisation_as_speaker() -> None:
    value = only('The Kremlin said relations were now in "direct confrontation".')
    assert value.speaker == "Kremlin"


def test_possessive_statement_of_an_organisation() -> None:
    text = "NATO Parliamentary Assembly’s Standing Committee statement highlighted that “NATO has succeeded.”"
    value = only(text)
    assert value.speaker == "NATO Parliamentary Assembly"


def test_partial_quote_in_reported_speech_is_the_surrounding_speakers() -> None:
    value = only("Stoltenberg noted that the soldiers are “running out of ammunition,” and left.")
    assert value.partial
    assert value.speaker == STOLTENBERG
    assert value.cue == "noted"


def test_second_fragment_takes_the_coordinated_cue() -> None:
    text = "He warned that “delay costs lives” and urged Allies to “act now”."
    first, second = quotes(text, published=None)
    assert (first.cue, second.cue) == ("warned", "urged")


def test_headline_with_speaker_after_the_colon() -> None:
    value = only("Russia and NATO now in 'direct confrontation': Kremlin")
    assert value.speaker == "Kremlin"
    assert value.cue is None


def test_quote_sentence_takes_the_attribution_of_the_sentence_before() -> None:
    _, second = quotes("“We are ready,” Mr Stoltenberg concluded. “We will stand with Ukraine.”")
    assert second.speaker == STOLTENBERG
    assert second.cue == "concluded"


def test_bare_quote_paragraph_continues_the_previous_speaker() -> None:
    text = '"I think it is hard," Landsbergis told DW.\n\n"But Lithuania will be part of it."\n'
    first, second = quotes(text)
    assert first.speaker == second.speaker == "Gabrielius Landsbergis"


def test_bare_quote_paragraph_after_narration_is_not_continued() -> None:
    text = '"I think it is hard," Landsbergis told DW.\n\nMinisters met later.\n\n"But we will go on."\n'
    assert quotes(text)[-1].speaker is None


def test_short_unattributed_quote_echoing_an_attributed_one() -> None:
    text = (
        "Blinken wants NATO to build a 'bridge' for Ukraine\n\n"
        '"Our purpose is to help build a bridge to that membership," Blinken told reporters.'
    )
    headline, quote = quotes(text)
    assert headline.speaker == quote.speaker == "Antony Blinken"


# --- speaker resolution ------------------------------------------------------------------------


def test_title_resolves_by_publication_date() -> None:
    text = "“We are ready,” the NATO chief said."
    assert only(text, "2024-04-04").speaker == STOLTENBERG
    assert only(text, "2025-03-01").speaker == "Mark Rutte"


def test_title_without_a_date_or_holder_stays_unresolved_with_a_reason() -> None:
    value = only("“We are ready,” the NATO chief said.", published=None)
    assert value.speaker is None
    assert value.reason and "NATO chief" in value.reason


def test_pronoun_resolves_to_the_subject_of_the_previous_sentence() -> None:
    text = "Blinken held talks with Kuleba. He said that “Ukraine will become a member”."
    assert only(text).speaker == "Antony Blinken"


def test_pronoun_resolves_within_its_own_sentence() -> None:
    text = 'Trump drew criticism when he said he would encourage Russia "to do whatever".'
    assert only(text).speaker == "Donald Trump"


def test_pronoun_gender_must_match() -> None:
    text = "Stoltenberg met Baerbock. Stoltenberg spoke first. She said NATO is a “central anchor”."
    assert only(text).speaker == "Annalena Baerbock"


def test_names_inside_quotes_are_not_antecedents() -> None:
    text = "“Trump is wrong,” the minister argued. “We are ready,” he said."
    first, second = quotes(text)
    assert first.speaker is None and second.speaker is None


def test_unknown_named_person_and_later_surname() -> None:
    text = (
        "“We expect ratification within weeks,” Swedish Foreign Minister Anders Lindqvist said.\n\n"
        "“It is a matter of time,” Lindqvist added."
    )
    first, second = quotes(text)
    assert first.speaker == second.speaker == "Anders Lindqvist"
    assert second.speaker_text == "Lindqvist"


def test_titles_before_a_name_come_from_the_rules(tmp_path: Path) -> None:
    """A title listed in lexicon.yml ``role_words`` is not part of the name it is written before."""
    rules_dir = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules_dir)
    lexicon = rules_dir / "lexicon.yml"
    lexicon.write_text(lexicon.read_text().replace("role_words: [", "role_words: [warden, "))
    book = load_rulebook(rules_dir)
    after_cue = "“We will stay,” said Warden Smith."
    introduced = "Warden Smith visited the prison on Monday.\n\n“We will stay,” Smith said."
    assert [q.speaker for q in quotes(after_cue)] == ["Warden Smith"]
    assert [q.speaker for q in quotes(introduced)] == ["Warden Smith"]
    assert [q.speaker for q in quotes(after_cue, rules=book)] == ["Smith"]  # a rank marks a name
    assert [q.speaker for q in quotes(introduced, rules=book)] == [None]  # a title is no first name


def test_unknown_single_name_is_not_guessed() -> None:
    value = only("Officials said the mood was “tense”.")
    assert value.speaker is None


def test_unresolved_speaker_keeps_none_and_a_reason() -> None:
    value = only('The West stressed that many countries from the "Eastern Bloc" joined by choice.')
    assert value.speaker is None
    assert value.reason == "speaker not recognised: 'The West'"
    value = only('The fund faces a "hard way" ahead.')
    assert value.speaker is None
    assert value.reason == "no attribution found"


def test_noun_states_is_not_a_cue() -> None:
    value = only('Blinken says support remains "rock solid" among the alliance\'s member states.')
    assert value.speaker == "Antony Blinken"
    assert value.cue == "says"


def test_speech_verbs_inside_a_quote_never_attribute_it() -> None:
    value = only("“Stoltenberg said we must act,” Blinken said.")
    assert value.speaker == "Antony Blinken"
