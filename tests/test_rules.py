"""Rule files: they load, document themselves, carry examples of each outcome, and pass them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.compare import COMPARATORS
from checker.errors import InputError
from checker.examples import run_examples
from checker.rules import DEFAULT_RULES_DIR, load_rulebook
from checker.testing import default_rules


def test_bundled_rules_load() -> None:
    book = default_rules()
    assert {r.id for r in book.compare} >= {
        "date.same-event",
        "date.weekday-matches",
        "amount.same-figure",
        "amount.conversion-consistent",
        "count.same-figure",
        "percent.same-figure",
        "quote.same-speaker",
    }


@pytest.mark.parametrize("rule", default_rules().compare, ids=lambda r: r.id)
def test_rule_has_description_and_examples_of_each_outcome(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.description.strip()
    outcomes = {e.expect for e in rule.examples}
    if COMPARATORS[rule.extends].implementation.per == "group":
        assert {"agreement", "conflict"} <= outcomes, f"{rule.id} needs an agreeing and a conflicting example"
    else:
        assert {"none", "conflict"} <= outcomes, f"{rule.id} needs a passing and a failing example"


@pytest.mark.parametrize(
    "result", list(run_examples(default_rules())), ids=lambda r: f"{r.rule}-{r.index + 1}"
)
def test_rule_examples(result) -> None:  # type: ignore[no-untyped-def]
    assert result.actual == result.expected, f"{result.rule} example {result.index + 1}"


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, target)
    return target


def _error(rules_dir: Path) -> str:
    with pytest.raises(InputError) as info:
        load_rulebook(rules_dir)
    return str(info.value)


def test_unknown_comparator_names_file_and_line(rules_copy: Path) -> None:
    path = rules_copy / "compare" / "percents.yml"
    path.write_text(path.read_text().replace("extends: interval", "extends: intervall"))
    message = _error(rules_copy)
    assert "percents.yml:3:" in message and "unknown comparator 'intervall'" in message


def test_bad_parameter_type_names_file_and_line(rules_copy: Path) -> None:
    path = rules_copy / "compare" / "percents.yml"
    path.write_text(path.read_text().replace("absolute: 0.05", "absolute: lots"))
    message = _error(rules_copy)
    assert "percents.yml:6: absolute:" in message


def test_unknown_parameter_is_an_error(rules_copy: Path) -> None:
    path = rules_copy / "compare" / "percents.yml"
    path.write_text(path.read_text().replace("absolute: 0.05", "absolute: 0.05\n    absolut: 1"))
    assert "absolut" in _error(rules_copy)


def test_yaml_syntax_error_names_line(rules_copy: Path) -> None:
    path = rules_copy / "compare" / "quotes.yml"
    path.write_text(path.read_text().replace("min_words: 4", "min_words: [4"))
    assert "quotes.yml:" in _error(rules_copy) and "invalid YAML" in _error(rules_copy)


def test_unknown_message_field(rules_copy: Path) -> None:
    path = rules_copy / "compare" / "quotes.yml"
    path.write_text(path.read_text().replace("{values}", "{a.__class__}"))
    assert "message: unknown field" in _error(rules_copy)


def test_duplicate_rule_id(rules_copy: Path) -> None:
    src = (rules_copy / "compare" / "quotes.yml").read_text()
    (rules_copy / "compare" / "quotes2.yml").write_text(src)
    assert "already defined" in _error(rules_copy)


def test_bad_regex_in_property(rules_copy: Path) -> None:
    path = rules_copy / "properties.yml"
    path.write_text(path.read_text().replace("'\\bmet that target\\b'", "'(unclosed'"))
    message = _error(rules_copy)
    assert "properties.yml:" in message and "bad regular expression" in message


def test_missing_rule_file(rules_copy: Path) -> None:
    (rules_copy / "units.yml").unlink()
    assert "units.yml: required rule file is missing" in _error(rules_copy)


def test_yes_and_no_stay_words(rules_copy: Path) -> None:
    book = load_rulebook(rules_copy)
    assert "no" in book.lexicon.stopwords and "on" in book.lexicon.stopwords


def test_fast_and_line_aware_parses_read_words_alike(rules_copy: Path) -> None:
    """The fast parse must not read yes/no/on/off as booleans, or every file re-parses slowly."""
    from checker.rules import load_yaml

    path = rules_copy / "lexicon.yml"
    assert load_yaml(path, lines=False) == load_yaml(path, lines=True)


def test_bad_rate_row_names_file_and_line(rules_copy: Path) -> None:
    path = rules_copy / "rates-ecb-eur.csv"
    lines = path.read_text().splitlines()
    lines[2] = "2001-13-45," + lines[2].split(",", 1)[1]
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError, match=r"rates-ecb-eur\.csv:3: bad rate row"):
        load_rulebook(rules_copy).rate_points  # noqa: B018


def test_rules_command_checks_rate_tables_too(rules_copy: Path) -> None:
    from typer.testing import CliRunner

    from checker.cli import app

    path = rules_copy / "rates-ecb-eur.csv"
    path.write_text(path.read_text().replace("\n", "\nnot-a-date,1\n", 1))
    result = CliRunner().invoke(app, ["rules", "--rules", str(rules_copy)])
    assert result.exit_code == 2
    assert "rates-ecb-eur.csv:2: bad rate row" in result.output


def _line_of(path: Path, start: str) -> int:
    """The number of the first line of ``path`` that begins with ``start``."""
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(start))


def test_bad_holiday_date_names_file_and_line(rules_copy: Path) -> None:
    path = rules_copy / "holidays.yml"
    line = _line_of(path, "    date: {month: 10, day: 31}")
    path.write_text(path.read_text().replace("date: {month: 10, day: 31}", "date: {month: 13, day: 31}"))
    message = _error(rules_copy)
    assert f"holidays.yml:{line}: holidays." in message and "month" in message and "12" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        ("lexicon.yml", "role_words: [mr, mrs,", "role_words: [mr, [mrs],", "role_words.1"),
        ("holidays.yml", "  after: [mubarak, kareem]", "  after: mubarak", "name_words_not_names.after"),
        ("holidays.yml", "  before: [holy]", "  before: [Holy]", "name_words_not_names.before"),
        ("holidays.yml", "game_words: [outscored,", "game_words: [Outscored,", "game_words"),
        ("holidays.yml", "game_words: [outscored,", "game_words: ['field  goal',", "game_words"),
        # An empty word or name was found everywhere: an empty alias made every run hang.
        ("lexicon.yml", "role_words: [mr, mrs,", 'role_words: [mr, "", mrs,', "role_words: an entry"),
        ("units.yml", "lead_words: [another,", 'lead_words: [" ", another,', "lead_words: an entry"),
        ("currencies.yml", "weight_cues: [weigh,", 'weight_cues: ["", weigh,', "weight_cues: an entry"),
        (
            "entities.yml",
            "    aliases: [EU, the EU]",
            '    aliases: [EU, ""]',
            "entities.2.aliases: an entry",
        ),
        (
            "entities.yml",
            "    name: European Union",
            '    name: "  "',
            "entities.2.name: a name must not be empty",
        ),
        (
            "entities.yml",
            "    names: [U.S. Secretary of State,",
            '    names: ["", U.S.',
            "titles.1.names: an entry",
        ),
    ],
)
def test_bad_word_list_names_file_and_line(
    rules_copy: Path, file: str, old: str, new: str, field: str
) -> None:
    path = rules_copy / file
    line = _line_of(path, old)
    path.write_text(path.read_text().replace(old, new, 1))
    message = _error(rules_copy)
    assert f"{file}:{line}: {field}" in message
    assert "\n" not in message


def test_holiday_needs_exactly_one_rule(rules_copy: Path) -> None:
    path = rules_copy / "holidays.yml"
    path.write_text(
        path.read_text().replace("date: {month: 10, day: 31}", "from_easter: 3\n    hijri_month: 2")
    )
    assert "give exactly one of" in _error(rules_copy)


def test_holiday_counted_from_an_unknown_holiday(rules_copy: Path) -> None:
    path = rules_copy / "holidays.yml"
    line = _line_of(path, "    from_holiday: {name: thanksgiving, days: 1}")
    path.write_text(path.read_text().replace("{name: thanksgiving, days: 1}", "{name: thanksgivin, days: 1}"))
    message = _error(rules_copy)
    assert f"holidays.yml:{line}: holidays." in message and "'thanksgivin' names no holiday" in message


def test_holidays_counted_from_each_other(rules_copy: Path) -> None:
    path = rules_copy / "holidays.yml"
    text = path.read_text().replace(
        "nth_weekday: {month: 11, weekday: thursday, n: 4}", "from_holiday: {name: cyber monday, days: -4}"
    )
    path.write_text(text)
    assert "is counted from this one" in _error(rules_copy)


def test_one_spelling_names_one_holiday(rules_copy: Path) -> None:
    path = rules_copy / "holidays.yml"
    path.write_text(path.read_text().replace("- names: [halloween]", "- names: [halloween, xmas]"))
    assert "'xmas' already names the holiday 'christmas'" in _error(rules_copy)


def test_missing_holidays_file(rules_copy: Path) -> None:
    (rules_copy / "holidays.yml").unlink()
    assert "holidays.yml: required rule file is missing" in _error(rules_copy)


def test_holidays_are_part_of_the_fingerprint(rules_copy: Path) -> None:
    """Cached claims depend on the holidays: editing the file must invalidate them."""
    before = load_rulebook(rules_copy).fingerprint
    path = rules_copy / "holidays.yml"
    path.write_text(path.read_text().replace("date: {month: 10, day: 31}", "date: {month: 10, day: 30}"))
    assert load_rulebook(rules_copy).fingerprint != before
