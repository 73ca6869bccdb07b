"""Loading documents: offsets, sentences, manifests, publication dates and boilerplate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.claims.dates import parse_absolute_date
from checker.documents import Boilerplate, collect_files, load_documents, make_document, split_sentences
from checker.errors import InputError
from checker.testing import default_rules


def _boilerplate() -> Boilerplate:
    return Boilerplate.from_spec(default_rules().boilerplate)


def test_sentences_respect_abbreviations_and_lines() -> None:
    text = "Mr. Smith met U.S. officials on Feb. 3. They agreed.\nA headline\n\nNext paragraph here."
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == [
        "Mr. Smith met U.S. officials on Feb. 3.",
        "They agreed.",
        "A headline",
        "Next paragraph here.",
    ]


def test_hard_wrapped_prose_stays_one_sentence() -> None:
    text = "The ministers met in Brussels and\nagreed on a plan."
    assert [text[s:e] for s, e in split_sentences(text)] == [text]


def test_line_and_column_are_one_based() -> None:
    doc = make_document("d", "ab\ncd\r\nef", _boilerplate(), parse_absolute_date)
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(4) == (2, 2)
    assert doc.line_col(7) == (3, 1)


def test_bom_is_removed_and_offsets_index_decoded_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffHello world.".encode())
    docs = load_documents([path], _boilerplate(), parse_absolute_date).documents
    assert docs[0].text == "Hello world."


def test_invalid_utf8_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"caf\xe9")
    with pytest.raises(InputError, match=r"bad\.txt: not UTF-8"):
        load_documents([path], _boilerplate(), parse_absolute_date)


def test_folders_skip_other_files_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.md").write_text("y")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    files, notes = collect_files([tmp_path])
    assert [f.name for f in files] == ["a.txt", "b.md"]
    assert len(notes) == 1 and "c.pdf" in notes[0]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        collect_files([tmp_path / "nope"])


def test_manifest_supplies_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    (tmp_path / "sources.yml").write_text(
        "sources:\n  - file: a.txt\n    title: T\n    outlet: O\n    published: 2024-04-04\n"
    )
    doc = load_documents([tmp_path], _boilerplate(), parse_absolute_date).documents[0]
    assert (doc.title, doc.outlet, doc.published, doc.published_from) == (
        "T",
        "O",
        dt.date(2024, 4, 4),
        "manifest",
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("published: soon", r"sources\.yml:2: published: expected YYYY-MM-DD"),
        ("date_order: ymd", r"sources\.yml:2: date_order: expected mdy or dmy, got 'ymd'"),
        ("title: [a, b]", r"sources\.yml:2: title: expected text, got a list"),
    ],
)
def test_bad_manifest_names_file_and_line(tmp_path: Path, entry: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    (tmp_path / "sources.yml").write_text(f"sources:\n  - file: a.txt\n    {entry}\n")
    with pytest.raises(InputError, match=message):
        load_documents([tmp_path], _boilerplate(), parse_absolute_date)


def test_front_matter_supplies_metadata_and_yields_no_claims() -> None:
    text = "---\ntitle: Front\npublished: 2024-02-15\n---\nBody text."
    doc = make_document("d", text, _boilerplate(), parse_absolute_date)
    assert (
        doc.title == "Front"
        and doc.published == dt.date(2024, 2, 15)
        and doc.published_from == "front-matter"
    )
    assert doc.is_excluded(0, 5) and not doc.is_excluded(text.index("Body"), len(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nPublished April 4, 2024last updated April 5, 2024\n\nBody.", dt.date(2024, 4, 4)),
        (
            "Headline\n\n  • 15 Feb. 2024 -\n  • |\n  • Last updated: 15 Feb. 2024 17:48\n\nBody.",
            dt.date(2024, 2, 15),
        ),
        ("Headline\r\n\r\n  • 15 Feb. 2024 -\r\n\r\nBody.", dt.date(2024, 2, 15)),
    ],
)
def test_publication_date_detected_in_text(text: str, expected: dt.date) -> None:
    doc = make_document("d", text, _boilerplate(), parse_absolute_date)
    assert doc.published == expected and doc.published_from == "text"


def test_boilerplate_lines_and_footer_are_excluded() -> None:
    text = (
        "1. Skip to content\nReal sentence on April 4, 2024.\nLeave a comment\nCopyright © 2014-2025 X\nMore."
    )
    doc = make_document("d", text, _boilerplate(), parse_absolute_date)
    assert doc.is_excluded(0, 5)
    real = text.index("Real")
    assert not doc.is_excluded(real, real + 4)
    assert doc.is_excluded(text.index("Copyright"), text.index("Copyright") + 3)
    assert doc.is_excluded(text.index("More"), len(text))


def test_prose_between_two_rules_is_no_front_matter() -> None:
    """A "---" block that is not a mapping was dropped as front matter: its claims went unread."""
    text = "---\nNATO ministers met on April 3, 2024 and pledged $100 billion.\n---\n\nThe end."
    doc = make_document("d", text, _boilerplate(), parse_absolute_date)
    at = text.index("April")
    assert doc.body_start == 0 and not doc.is_excluded(at, at + 5)


@pytest.mark.parametrize(
    ("line", "footer"),
    [
        ("Copyright © 2014-2025 X", True),
        ("Copyright 2024 The Associated Press.", True),
        ("Copyright (c) 2024 Example Media", True),
        ("Copyright Example Media. All rights reserved.", True),
        ("Copyright holders were paid $2 billion in 2023, up 12%.", False),
    ],
)
def test_only_a_copyright_notice_ends_the_article(line: str, footer: bool) -> None:
    """ "Copyright holders were paid $2 billion ..." dropped the rest of the article as a footer."""
    text = f"First paragraph.\n{line}\nLast paragraph on April 4, 2024."
    doc = make_document("d", text, _boilerplate(), parse_absolute_date)
    last = text.index("Last")
    assert doc.is_excluded(last, last + 4) is footer


@pytest.mark.parametrize(
    ("pattern", "anchored"),
    [
        ("^skip to", True),
        ("^(a|b)$", True),
        (r"^[|]x", True),
        (r"^\|x", True),
        ("^a|b", False),
        ("no", False),
    ],
)
def test_only_patterns_anchored_on_every_branch_are_tried_at_the_line_start(
    pattern: str, anchored: bool
) -> None:
    from checker.documents import _anchored_at_start

    assert _anchored_at_start(pattern) is anchored


def test_line_tests_answer_as_one_search_of_every_pattern() -> None:
    """Splitting anchored from unanchored rules is an optimisation: it must not change any answer."""
    import re

    from checker.documents import _LineTest

    patterns = ["^skip to content$", "^a|comments on", r"\bposted on \d+", r"^[•|\s]*$"]
    test = _LineTest.of(patterns)
    whole = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    lines = [
        "Skip to content",
        "the skip to content",
        "A line",
        "No comments on this",
        "b a",
        "• |",
        "was posted on 3 May",
    ]
    assert [test(line) for line in lines] == [whole.search(line) is not None for line in lines]
    assert [test(line) for line in lines] == [True, False, True, True, False, True, True]


def test_display_paths_are_relative_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.documents import _display_path

    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    assert _display_path(tmp_path / "sub" / "a.txt") == "sub/a.txt"
    assert _display_path(tmp_path / "a.txt") == "a.txt"
    monkeypatch.chdir(tmp_path / "sub")  # the answer follows the working folder, memo or not
    assert _display_path(tmp_path / "sub" / "a.txt") == "a.txt"
    assert _display_path(tmp_path / "a.txt") == (tmp_path / "a.txt").as_posix()


def test_folders_list_files_in_path_order_skipping_hidden_ones(tmp_path: Path) -> None:
    import os

    for name in ["b/x.txt", "a.txt", "c.txt", "b/a/y.md", ".h/z.txt", ".z.txt", "b-c/w.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    os.symlink(tmp_path / "b", tmp_path / "link")  # a linked folder is not walked twice
    files, _ = collect_files([tmp_path])
    expected = [
        c
        for c in sorted(tmp_path.rglob("*"))
        if c.is_file() and not any(p.startswith(".") for p in c.relative_to(tmp_path).parts)
    ]
    assert files == expected
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a.txt",
        "b/a/y.md",
        "b/x.txt",
        "b-c/w.txt",
        "c.txt",
    ]


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from(list(" \t\nab\r\x0b\x85\u2028\u00a0")), max_size=30),
    st.integers(0, 5),
)
def test_first_line_is_the_first_line_with_words(text: str, start: int) -> None:
    """The title stand-in, found by a regex search, equals the first non-blank line of splitlines."""
    from checker.documents import _first_line

    lines = [line.strip() for line in text[start:].splitlines() if line.strip()]
    assert _first_line(text, start) == (lines[0][:200] if lines else None)


def test_excluded_spans_found_by_bisection_equal_a_scan_of_every_range() -> None:
    text = (
        "---\ntitle: T\n---\nSkip to content\nThe ministers met.\nPublished April 4, 2024\n"
        "They agreed on 2% of GDP.\n\nBack to top\nMore prose here.\nCopyright 2024 Someone\nFooter text."
    )
    doc = make_document("d", text, _boilerplate(), parse_absolute_date)
    ranges = doc.excluded
    assert len(ranges) >= 4  # front matter, two dropped lines, the footer
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            scanned = any(start < x_end and x_start < end for x_start, x_end in ranges)
            assert doc.is_excluded(start, end) == scanned, (start, end)


def test_manifest_and_front_matter_set_the_date_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    (tmp_path / "b.md").write_text("---\ndate_order: dmy\n---\nSome text.")
    (tmp_path / "c.md").write_text("---\ndate_order: dmy\n---\nSome text.")
    (tmp_path / "d.txt").write_text("Some text.")
    (tmp_path / "sources.yml").write_text(
        "sources:\n  - file: a.txt\n    date_order: dmy\n  - file: c.md\n    date_order: mdy\n"
    )
    for default in ("mdy", "dmy"):
        docs = load_documents([tmp_path], _boilerplate(), parse_absolute_date, date_order=default).documents
        assert {d.id: d.date_order for d in docs} == {"a": "dmy", "b": "dmy", "c": "mdy", "d": default}


def test_stated_publication_date_reads_figures_in_the_documents_order() -> None:
    """A publication line that gives figures ("Published 03/04/2024") follows the document's order."""
    from checker.rulespecs import BoilerplateSpec

    boilerplate = Boilerplate.from_spec(BoilerplateSpec(published_patterns=[r"^Published (?P<date>[\d/]+)"]))
    text = "Published 03/04/2024\nMinisters met on Wednesday."
    us = make_document("d", text, boilerplate, parse_absolute_date)
    uk = make_document("d", text, boilerplate, parse_absolute_date, date_order="dmy")
    front = make_document("d", "---\ndate_order: dmy\n---\n" + text, boilerplate, parse_absolute_date)
    assert (us.published, us.published_from) == (dt.date(2024, 3, 4), "text")
    assert uk.published == front.published == dt.date(2024, 4, 3)


def test_numeric_titles_in_a_manifest_or_front_matter_are_text(tmp_path: Path) -> None:
    """YAML reads ``title: 2024`` as a number; it used to crash the report with an internal error."""
    (tmp_path / "a.txt").write_text("Some text.")
    (tmp_path / "b.md").write_text("---\ntitle: 1984\noutlet: 7\n---\nMore text.")
    (tmp_path / "sources.yml").write_text("sources:\n  - file: a.txt\n    title: 2024\n    outlet: 12\n")
    docs = load_documents([tmp_path], _boilerplate(), parse_absolute_date).documents
    assert [(d.title, d.outlet) for d in docs] == [("2024", "12"), ("1984", "7")]
    assert [s.title for s in (d.to_source() for d in docs)] == ["2024", "1984"]


class _DictMemo:
    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}
        self.puts = 0

    def get_many(self, keys: list[str]) -> dict[str, bytes]:
        return {k: self.entries[k] for k in keys if k in self.entries}

    def put_many(self, items: list[tuple[str, bytes]]) -> None:
        for key, value in items:
            self.entries[key] = value
            self.puts += 1


def test_parsed_manifests_are_kept_by_content(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    manifest = tmp_path / "sources.yml"
    manifest.write_text("sources:\n  - file: a.txt\n    title: T\n    published: 2024-04-04\n")
    memo = _DictMemo()
    first = load_documents([tmp_path], _boilerplate(), parse_absolute_date, memo=memo).documents
    again = load_documents([tmp_path], _boilerplate(), parse_absolute_date, memo=memo).documents
    assert memo.puts == 1  # the second load parsed nothing
    assert [(d.title, d.published) for d in again] == [(d.title, d.published) for d in first]
    assert first[0].title == "T"
    manifest.write_text("sources:\n  - file: a.txt\n    title: U\n")
    edited = load_documents([tmp_path], _boilerplate(), parse_absolute_date, memo=memo).documents
    assert edited[0].title == "U" and memo.puts == 2


def test_invalid_manifests_are_never_kept_and_damaged_entries_are_parsed_again(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    manifest = tmp_path / "sources.yml"
    manifest.write_text("sources:\n  - title: no file\n")
    memo = _DictMemo()
    for _ in range(2):
        with pytest.raises(InputError, match="each source needs a 'file'"):
            load_documents([tmp_path], _boilerplate(), parse_absolute_date, memo=memo)
    assert memo.puts == 0
    manifest.write_text("sources:\n  - file: a.txt\n    title: T\n")
    load_documents([tmp_path], _boilerplate(), parse_absolute_date, memo=memo)
    assert memo.puts == 1
    for key in memo.entries:
        memo.entries[key] = b"damaged"
    docs = load_documents([tmp_path], _boilerplate(), parse_absolute_date, memo=memo).documents
    assert docs[0].title == "T"


@pytest.mark.parametrize("memo", [None, _DictMemo()])
def test_a_manifest_that_is_not_utf8_is_a_one_line_error(tmp_path: Path, memo: _DictMemo | None) -> None:
    """It used to stop the run with an internal error (a UnicodeDecodeError)."""
    (tmp_path / "a.txt").write_text("Some text.")
    (tmp_path / "sources.yml").write_bytes(b"sources:\n  - file: a.txt\n    title: caf\xe9\n")
    with pytest.raises(InputError, match=r"sources\.yml: not UTF-8 text"):
        load_documents([tmp_path], _boilerplate(), parse_absolute_date, memo=memo)
