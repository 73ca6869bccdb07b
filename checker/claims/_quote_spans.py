"""Where quotations are: which quote marks open and close one, and which are apostrophes.

A scanner, not a grammar: one pass over the quote marks of each paragraph decides from the
characters either side of a mark whether it opens, closes or is an apostrophe (``Europe’s``,
``members’``, ``don't``).  Double marks take precedence over single ones; a single-quoted phrase
inside a double-quoted one is part of the outer quotation, not a quotation of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = re.compile(r"[\"“”‘’']")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_DOUBLE_OPEN = frozenset('“"')
_DOUBLE_CLOSE = frozenset('”"')
_SINGLE_OPEN = frozenset("‘'")
_SINGLE_CLOSE = frozenset("’'")
_OPEN_AFTER = frozenset(" \t\r\n([{—–-/“‘\"'\u00a0")
"""Characters after which a straight mark opens a quotation rather than closing one."""


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation: ``start:end`` are the quoted words, ``mark_start:mark_end`` include the marks."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    unit: int
    """Index of the paragraph (see ``paragraph_units``) the quotation sits in."""
    runs_on: bool = False
    """No closing mark: the quotation continues in the next paragraph, which opens with a mark."""


def paragraph_units(text: str) -> list[tuple[int, int]]:
    """Paragraphs and free-standing lines (headlines, captions), trimmed of whitespace.

    Lines join into one unit only when the text is hard-wrapped (the line runs on in lower
    case), the same rule the sentence splitter uses, so a quotation never crosses a headline.
    """
    units: list[tuple[int, int]] = []
    line_start = 0
    unit: tuple[int, int] | None = None
    for brk in [*_NEWLINE.finditer(text), None]:
        line_end = brk.start() if brk else len(text)
        start, end = _trim(text, line_start, line_end)
        if end > start:
            if unit is not None and _runs_on(text[unit[0] : unit[1]], text[start:end]):
                unit = (unit[0], end)
            else:
                if unit is not None:
                    units.append(unit)
                unit = (start, end)
        elif unit is not None:
            units.append(unit)
            unit = None
        line_start = brk.end() if brk else len(text)
    if unit is not None:
        units.append(unit)
    return units


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _runs_on(before: str, after: str) -> bool:
    return (before[-1].islower() or before[-1] in ",;:-") and after[0].islower()


def _quoted_words(text: str, open_mark: int, close_mark: int) -> tuple[int, int]:
    """The quoted words between two marks: no edge whitespace, no comma the sentence put before the
    closing mark ("…for a long haul,” he added") since that comma is punctuation, not speech.
    """
    start, end = _trim(text, open_mark + 1, close_mark)
    if end > start and text[end - 1] == ",":
        start, end = _trim(text, start, end - 1)
    return start, end


def find_quotes(text: str, units: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order, paragraph by paragraph."""
    quotes: list[QuoteSpan] = []
    for index, (unit_start, unit_end) in enumerate(units):
        double_open: int | None = None
        single_open: int | None = None
        for match in _MARKS.finditer(text, unit_start, unit_end):
            at = match.start()
            mark = text[at]
            before = text[at - 1] if at > unit_start else " "
            after = text[at + 1] if at + 1 < unit_end else " "
            if mark in _DOUBLE_OPEN or mark == "”":
                if double_open is not None and mark in _DOUBLE_CLOSE:
                    quotes.append(_span(text, double_open, at, index))
                    double_open = None
                elif mark == "“" or (mark == '"' and before in _OPEN_AFTER and not after.isspace()):
                    double_open, single_open = at, None
            elif double_open is not None:
                continue  # a single mark inside a double-quoted passage belongs to it
            elif (
                single_open is not None
                and mark in _SINGLE_CLOSE
                and not before.isspace()
                and not (after.isalnum())
            ):
                quotes.append(_span(text, single_open, at, index))
                single_open = None
            elif (
                mark in _SINGLE_OPEN
                and before in _OPEN_AFTER
                and (after.isalpha() or (mark == "‘" and after.isdigit()))
            ):
                single_open = at
        if double_open is not None and _next_unit_opens(text, units, index):
            start, end = _trim(text, double_open + 1, unit_end)
            if end > start:
                quotes.append(QuoteSpan(start, end, double_open, unit_end, index, runs_on=True))
    return [quote for quote in quotes if quote.end > quote.start]


def _span(text: str, open_mark: int, close_mark: int, unit: int) -> QuoteSpan:
    start, end = _quoted_words(text, open_mark, close_mark)
    return QuoteSpan(start, end, open_mark, close_mark + 1, unit)


def _next_unit_opens(text: str, units: list[tuple[int, int]], index: int) -> bool:
    """A paragraph that opens with a quote mark continues an unclosed quotation (news convention)."""
    return index + 1 < len(units) and text[units[index + 1][0]] in '“"'


def mask_quotes(text: str, quotes: list[QuoteSpan]) -> str:
    """``text`` with every quotation (marks included) blanked to ``QUOTE_MASK``, offsets unchanged,
    so attribution patterns never read a speaker or a verb out of someone's quoted words.
    """
    pieces: list[str] = []
    cursor = 0
    for quote in quotes:
        pieces.append(text[cursor : quote.mark_start])
        pieces.append(QUOTE_MASK * (quote.mark_end - quote.mark_start))
        cursor = quote.mark_end
    pieces.append(text[cursor:])
    return "".join(pieces)


QUOTE_MASK = "\x1f"
