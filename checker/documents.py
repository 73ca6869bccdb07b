"""Reading documents: files, manifests, front matter, publication dates, boilerplate, sentences.

Offsets everywhere index the decoded text (BOM removed, line endings untouched), so that
``document.text[start:end]`` is exactly what a claim quotes.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import os
import pickle
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Literal, Protocol, get_args

from checker.cache import code_fingerprint
from checker.errors import InputError, decode
from checker.models import PublishedFrom, Source, trusted
from checker.rules import with_lines
from checker.rulespecs import BoilerplateSpec

DOCUMENT_SUFFIXES = (".txt", ".md")
MANIFEST_NAMES = ("sources.yml", "sources.yaml")

DateOrder = Literal["mdy", "dmy"]
"""How an all-figures date ("03/04/2024") is read: month first (US) or day first (most of the world)."""
DATE_ORDERS: tuple[DateOrder, ...] = get_args(DateOrder)
DEFAULT_DATE_ORDER: DateOrder = "mdy"


class DateParser(Protocol):
    """Parses a complete calendar date out of a snippet, reading figures in the given order."""

    def __call__(self, text: str, order: DateOrder = ..., /) -> dt.date | None: ...


def parse_date_order(value: Any, where: str) -> DateOrder:
    """A date order from a manifest, front matter, a JSON line or an option, else an InputError
    whose message begins with ``where`` ("sources.yml:4: date_order", "--date-order").
    """
    text = value.strip().lower() if isinstance(value, str) else None
    for order in DATE_ORDERS:
        if text == order:
            return order
    raise InputError(f"{where}: expected {' or '.join(DATE_ORDERS)}, got {value!r}")


@dataclass
class Document:
    """One decoded document with the indexes later stages need for provenance."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_from: PublishedFrom | None = None
    date_order: DateOrder = DEFAULT_DATE_ORDER
    """How this document writes all-figures dates; part of its cache key, pickled with it to workers."""
    boilerplate: Boilerplate | None = field(default=None, repr=False)
    """Rules for ranges that yield no claims, applied on first use (a cached document never needs it)."""
    body_start: int = 0
    """Where the text begins after any front matter."""
    _excluded: list[tuple[int, int]] | None = field(default=None, repr=False)
    _excluded_starts: list[int] = field(default_factory=list, repr=False)
    _line_starts: list[int] | None = field(default=None, repr=False)
    _sentences: list[tuple[int, int]] | None = field(default=None, repr=False)
    _sentence_starts: list[int] | None = field(default=None, repr=False)
    _sha256: str | None = field(default=None, repr=False)

    @property
    def sha256(self) -> str:
        if self._sha256 is None:
            self._sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return self._sha256

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans, split on first use (a cached document never needs them)."""
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
            self._sentence_starts = [s for s, _ in self._sentences]
        return self._sentences

    def drop_indexes(self) -> None:
        """Free the line and sentence indexes once claims are extracted (large corpora)."""
        self._line_starts = self._sentences = self._sentence_starts = None

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def sentence_span(self, offset: int) -> tuple[int, int]:
        """The sentence that contains ``offset`` (or the nearest one before it)."""
        starts = self._sentence_starts
        sentences = self._sentences
        if starts is None or sentences is None:
            sentences = self.sentences
            starts = self._sentence_starts or []
        if not sentences:
            return (0, len(self.text))
        index = bisect.bisect_right(starts, offset) - 1
        return sentences[index if index > 0 else 0]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` in ``sentences``."""
        self.sentences  # noqa: B018 - builds the index
        assert self._sentence_starts is not None
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    @property
    def excluded(self) -> list[tuple[int, int]]:
        """Character ranges (front matter, boilerplate) that yield no claims."""
        if self._excluded is None:
            front = [(0, self.body_start)] if self.body_start else []
            found = self.boilerplate.excluded_ranges(self.text, self.body_start) if self.boilerplate else []
            self._excluded = sorted(front + found)
            self._excluded_starts = [x_start for x_start, _ in self._excluded]
        return self._excluded

    def is_excluded(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` touches an excluded range; asked once per extracted claim.

        The ranges are disjoint and sorted, so only the last one starting before ``end`` can
        overlap: a bisection, where a page with many boilerplate lines cost a scan per claim.
        """
        excluded = self.excluded
        index = bisect.bisect_left(self._excluded_starts, end) - 1
        return index >= 0 and excluded[index][1] > start

    def to_source(self) -> Source:
        """The report's record of this document; its fields are typed already, so not re-validated."""
        return trusted(
            Source,
            {
                "id": self.id,
                "path": self.path,
                "title": self.title,
                "outlet": self.outlet,
                "url": self.url,
                "published": self.published.isoformat() if self.published else None,
                "published_from": self.published_from,
                "sha256": self.sha256,
            },
        )


# --- sentences ----------------------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|\r|\n")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "adm",
        "maj",
        "cmdr",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "nos",
        "vs",
        "etc",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "approx",
        "est",
        "dept",
        "fig",
        "p",
        "pp",
        "vol",
        "ed",
        "eds",
        "rev",
        "hon",
    ]
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n|\r\n[ \t]*\r\n")
_LINE_INDENT = re.compile(r"[ \t]*")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` ends an abbreviation or an initial, not a sentence."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    return word in _ABBREVIATIONS or (len(word) == 1 and text[start].isupper())


def _split_lines(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Break a block at newlines unless the line plainly runs on (hard-wrapped prose)."""
    line_start = start
    for match in _NEWLINE.finditer(text, start, end):
        # Only the first character of the next line and the last of this one matter; looking at
        # those alone keeps a long block of short lines linear.
        indent = _LINE_INDENT.match(text, match.end(), end)
        first = indent.end() if indent else end
        runs_on = first < end and text[first].islower()
        if runs_on:
            before = text[line_start : match.start()].rstrip()
            runs_on = bool(before) and (before[-1].islower() or before[-1] in ",;:-")
        if not runs_on:
            yield line_start, match.start()
            line_start = match.end()
    yield line_start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, trimmed of surrounding whitespace: blocks, then lines, then punctuation."""
    spans: list[tuple[int, int]] = []
    block_start = 0
    blocks = [*list(_BLOCK_BREAK.finditer(text)), None]
    for brk in blocks:
        block_end = brk.start() if brk else len(text)
        for line_start, line_end in _split_lines(text, block_start, block_end):
            piece_start = line_start
            for match in _SENTENCE_END.finditer(text, line_start, line_end):
                if text[match.start()] == "." and _is_abbreviation(text, match.start()):
                    continue
                spans.append((piece_start, match.end()))
                piece_start = match.end()
            spans.append((piece_start, line_end))
        block_start = brk.end() if brk else len(text)
    trimmed: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


# --- boilerplate and publication dates ----------------------------------------------------------


@dataclass(frozen=True)
class _LineTest:
    """Patterns anchored at the line start, tried only there, and the rest, searched along the line.

    Most boilerplate rules start with ``^``; trying them at every position of every line would cost
    a search per position, while ``match`` tries position 0 only (4x faster on news pages).
    """

    at_start: re.Pattern[str]
    anywhere: re.Pattern[str]

    @classmethod
    def of(cls, patterns: list[str]) -> _LineTest:
        unnamed = [_NAMED_GROUP.sub("(?:", p) for p in patterns]
        anchored = [p for p in unnamed if _anchored_at_start(p)]
        rest = [p for p in unnamed if not _anchored_at_start(p)]
        return cls(_either(anchored), _either(rest))

    def __call__(self, line: str) -> bool:
        return self.at_start.match(line) is not None or self.anywhere.search(line) is not None


def _either(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", re.IGNORECASE)


def _anchored_at_start(pattern: str) -> bool:
    """True when every way to match starts with ``^``: it begins so and has no top-level ``|``."""
    if not pattern.startswith("^"):
        return False
    depth, in_class, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
    return True


@dataclass(frozen=True)
class Boilerplate:
    """Compiled boilerplate rules."""

    dropped: _LineTest
    footer: _LineTest
    published: tuple[re.Pattern[str], ...]
    max_line_length: int = 300

    @classmethod
    def from_spec(cls, spec: BoilerplateSpec) -> Boilerplate:
        """Compile each category into one test: two regex calls per line, not one per rule."""
        return cls(
            dropped=_LineTest.of(spec.drop_lines + spec.published_patterns),
            footer=_LineTest.of(spec.footer_starts),
            published=tuple(re.compile(p, re.IGNORECASE | re.MULTILINE) for p in spec.published_patterns),
            max_line_length=spec.max_line_length,
        )

    def excluded_ranges(self, text: str, begin: int = 0) -> list[tuple[int, int]]:
        """Ranges of navigation lines, publication lines and the footer."""
        ranges: list[tuple[int, int]] = []
        offset = begin
        for line in text[begin:].splitlines(keepends=True):
            body = line.strip()
            if body and len(body) <= self.max_line_length:
                if self.footer(body):
                    ranges.append((offset, len(text)))
                    break
                if self.dropped(body):
                    ranges.append((offset, offset + len(line)))
            offset += len(line)
        return ranges

    def published_date(
        self, text: str, parse: DateParser, order: DateOrder = DEFAULT_DATE_ORDER
    ) -> dt.date | None:
        """The first publication date the page states about itself ("Published April 4, 2024"),
        figures read in the document's own order (a pattern may capture "03/04/2024").
        """
        for pattern in self.published:
            for match in pattern.finditer(text):
                found = parse(match.group("date"), order)
                if found:
                    return found
        return None


# --- loading ------------------------------------------------------------------------------------

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def _as_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(f"{where}: published: expected YYYY-MM-DD, got {value!r}") from exc


class ParseMemo(Protocol):
    """Somewhere to keep what parsing a file produced, by key (the claims cache is one)."""

    def get_many(self, keys: Sequence[str]) -> dict[str, bytes]: ...

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None: ...


def _read_manifest(folder: Path, memo: ParseMemo | None = None) -> dict[str, dict[str, Any]]:
    """The folder's manifest entries by file name, or none.

    An archive's manifest can list tens of thousands of documents, and parsing that YAML was a
    tenth of a re-check from the cache; with a ``memo``, a manifest whose bytes (and crosscheck's
    code) are unchanged is parsed once.  Only valid manifests are kept, so errors always show.
    """
    path = _manifest_path(folder)
    if path is None:
        return {}
    if memo is None:
        return with_lines(path, partial(_manifest_entries, path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    key = "manifest:" + hashlib.sha256(code_fingerprint().encode() + b"\x00" + raw).hexdigest()
    stored = memo.get_many([key]).get(key)
    if stored is not None:
        try:
            entries: dict[str, dict[str, Any]] = pickle.loads(stored)
            return entries
        except Exception:  # a damaged entry: parse the file again
            pass
    entries = with_lines(path, partial(_manifest_entries, path), raw)
    memo.put_many([(key, pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))])
    return entries


def _manifest_path(folder: Path) -> Path | None:
    """The folder's manifest file, if it has one."""
    return next((folder / name for name in MANIFEST_NAMES if (folder / name).exists()), None)


def _manifest_entries(path: Path, data: Any) -> dict[str, dict[str, Any]]:
    items = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError(f"{path}:1: sources: expected a list of documents under 'sources:'")
    entries: dict[str, dict[str, Any]] = {}
    for item in items:
        line = getattr(item, "line", "?")
        if not isinstance(item, dict) or "file" not in item:
            raise InputError(f"{path}:{line}: each source needs a 'file'")
        unknown = set(item) - {"file", "title", "outlet", "url", "published", "date_order"}
        if unknown:
            raise InputError(f"{path}:{line}: unknown field(s): {', '.join(sorted(unknown))}")
        written = item["file"]
        name = posixpath.normpath(written) if isinstance(written, str) and written else "."  # "./a.txt"
        if name == "." or "/" in name:
            raise InputError(f"{path}:{line}: file: expected the name of a document in this folder")
        if name in entries:
            raise InputError(f"{path}:{line}: {name} is listed twice")
        entry = dict(item)
        entry.update(_text_fields(item, f"{path}:{line}"))
        entry["published"] = _as_date(item.get("published"), f"{path}:{line}")
        if item.get("date_order") is not None:
            entry["date_order"] = parse_date_order(item["date_order"], f"{path}:{line}: date_order")
        entries[name] = entry
    return entries


def _text_fields(meta: dict[str, Any], where: str) -> dict[str, str | None]:
    """Title, outlet and URL as text: YAML reads ``title: 2024`` as a number, which is still a title."""
    fields: dict[str, str | None] = {}
    for key in ("title", "outlet", "url"):
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, dict | list):
            raise InputError(f"{where}: {key}: expected text, got a {type(value).__name__}")
        fields[key] = str(value)
    return fields


def _front_matter(text: str, name: str) -> tuple[dict[str, Any], int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        import yaml

        data = yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 2 if exc.problem_mark is not None else 1  # after the "---" line
        raise InputError(f"{name}:{line}: invalid front matter: {exc.problem}") from exc
    except Exception as exc:
        raise InputError(f"{name}:1: invalid front matter: {' '.join(str(exc).split())}") from exc
    if not isinstance(data, dict):
        return {}, 0  # prose between two "---" lines, not front matter: it is read like the rest
    data.update(_text_fields(data, f"{name}:1"))
    data["published"] = _as_date(data.get("published", data.get("date")), f"{name}:1")
    if data.get("date_order") is not None:
        data["date_order"] = parse_date_order(data["date_order"], f"{name}:1: date_order")
    return data, match.end()


@dataclass
class LoadResult:
    """Documents read, and notes about files that were skipped."""

    documents: list[Document]
    notes: list[str]


def _display_path(path: Path) -> str:
    """The path as a report shows it: relative to the working folder when inside it."""
    folder = _display_folder(path.parent, os.getcwd())
    if folder is None:
        return path.as_posix()
    return f"{folder}/{path.name}" if folder else path.name


@lru_cache(maxsize=1024)
def _display_folder(folder: Path, cwd: str) -> str | None:
    """A folder relative to ``cwd`` ("" for ``cwd`` itself), None when outside it.

    Resolved once per folder, not once per file: resolving costs a system call per path part,
    which was a tenth of a re-check of 10,000 cached documents.
    """
    try:
        relative = folder.resolve().relative_to(Path(cwd)).as_posix()
    except ValueError:
        return None
    return "" if relative == "." else relative


def _files_under(folder: Path) -> list[tuple[Path, str]]:
    """Every file under ``folder`` outside hidden folders, in path order (as ``sorted(rglob)``),
    with its real path (to read one file once however it was reached).

    ``os.scandir`` knows from each folder listing which entries are files and which are links;
    ``rglob`` plus a ``stat`` per entry took a quarter of a second on 10,000 files, and so did a
    ``realpath`` per file, where a re-check from the cache takes a few seconds in all.  Symbolic
    links to folders are not followed, as ``rglob`` does not, so only a link to a file needs one.
    """
    found: list[tuple[tuple[str, ...], Path, str]] = []
    pending: list[tuple[tuple[str, ...], str, str]] = [((), str(folder), os.path.realpath(folder))]
    while pending:
        parts, directory, real_directory = pending.pop()
        try:
            listing = os.scandir(directory)
        except OSError as exc:
            raise InputError(f"{_display_path(Path(directory))}: cannot read folder: {exc.strerror}") from exc
        with listing as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                real = os.path.join(real_directory, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    pending.append(((*parts, entry.name), entry.path, real))
                elif entry.is_file():
                    if entry.is_symlink():
                        real = os.path.realpath(entry.path)
                    found.append(((*parts, entry.name), Path(entry.path), real))
    found.sort(key=lambda item: item[0])
    return [(path, real) for _, path, real in found]


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Expand folders into their .txt/.md files; skipped files become notes."""
    files: list[Path] = []
    notes: list[str] = []
    seen: dict[str, Path] = {}

    def add(file: Path, real: str) -> None:
        # One article given twice (a folder and a file in it, a link to it) would be two sources
        # that agree on everything.
        if real in seen:
            first, again = _display_path(seen[real]), _display_path(file)
            notes.append(
                f"read once: {first} was given twice" if first == again else f"read once: {again} is {first}"
            )
        else:
            seen[real] = file
            files.append(file)

    for path in paths:
        if path.is_dir():
            documents = 0
            for child, real in _files_under(path):
                if child.name in MANIFEST_NAMES:
                    continue
                if child.suffix.lower() in DOCUMENT_SUFFIXES:
                    add(child, real)
                    documents += 1
                else:
                    notes.append(f"skipped {_display_path(child)}: not a .txt or .md file")
            if not documents:
                # A mistyped folder in a CI gate would otherwise pass as a corpus that agrees.
                notes.append(f"{_display_path(path)}: no .txt or .md files in this folder")
        elif path.is_file():
            if path.suffix.lower() not in DOCUMENT_SUFFIXES or path.name in MANIFEST_NAMES:
                jsonl = path.suffix.lower() in (".jsonl", ".json")
                hint = " (JSON lines go to --input-jsonl)" if jsonl else ""
                raise InputError(f"{path}: not a .txt or .md document{hint}")
            add(path, os.path.realpath(path))
        else:
            raise InputError(f"{path}: no such file or folder")
    return files, notes


def make_document(
    doc_id: str,
    text: str,
    boilerplate: Boilerplate,
    parse_date: DateParser,
    *,
    path: str | None = None,
    meta: dict[str, Any] | None = None,
    published: dt.date | None = None,
    published_from: PublishedFrom | None = None,
    date_order: DateOrder = DEFAULT_DATE_ORDER,
) -> Document:
    """Build a Document, settling its publication date from the best evidence available.

    ``date_order`` is the run's default; a manifest entry, then front matter, says better how
    this one document writes its figures.
    """
    meta = dict(meta or {})
    front, body_start = _front_matter(text, path or doc_id)
    date_order = meta.get("date_order") or front.get("date_order") or date_order

    if published is None and meta.get("published"):
        published, published_from = meta["published"], "manifest"
    if published is None and front.get("published"):
        published, published_from = front["published"], "front-matter"
    if published is None:
        published = boilerplate.published_date(text, parse_date, date_order)
        published_from = "text" if published else None
    for key in ("title", "outlet", "url"):
        meta.setdefault(key, front.get(key))
    title = meta.get("title") or _first_line(text, body_start)
    return Document(
        id=doc_id,
        text=text,
        path=path,
        title=title,
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        published=published,
        published_from=published_from,
        date_order=date_order,
        boilerplate=boilerplate,
        body_start=body_start,
    )


_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""What ``str.splitlines`` splits on."""
_NONBLANK_LINE = re.compile(f"[^{_LINE_BREAKS}]*\\S[^{_LINE_BREAKS}]*")


def _first_line(text: str, start: int) -> str | None:
    """The first line with words in it (a title stand-in), found without splitting the text."""
    match = _NONBLANK_LINE.search(text, start)
    return match.group(0).strip()[:200] if match else None


def _unique_id(stem: str, display: str, used: set[str]) -> str:
    """The file's stem as its source id, or more of its path where another source has it already:
    "sub/story.txt" and "story.txt" both had the id "story", and claims went to the wrong file.
    """
    for candidate in (stem, display.rsplit(".", 1)[0], display):
        if candidate not in used:
            return candidate
    number = 2
    while f"{display}#{number}" in used:
        number += 1
    return f"{display}#{number}"


def load_documents(
    paths: Iterable[Path],
    boilerplate: Boilerplate,
    parse_date: DateParser,
    published_option: dt.date | None = None,
    date_order: DateOrder = DEFAULT_DATE_ORDER,
    memo: ParseMemo | None = None,
) -> LoadResult:
    """Read every document under ``paths`` with its manifest entry, publication date and date order
    (``date_order`` is the default a manifest or front matter may override per document).
    ``memo`` keeps parsed manifests between runs.
    """
    files, notes = collect_files(paths)
    if published_option is not None and len(files) != 1:
        raise InputError("--published applies to a single file; use a sources.yml manifest for folders")
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    documents: list[Document] = []
    used_ids: set[str] = set()
    for file in files:
        folder = file.parent
        if folder not in manifests:
            manifests[folder] = _read_manifest(folder, memo)
            if manifests[folder]:
                # One listing per folder: a stat per entry cost a re-check of 10,000 cached
                # documents a tenth of a second.
                try:
                    missing = sorted(set(manifests[folder]) - set(os.listdir(folder)))
                except OSError:
                    missing = []  # a folder that can be entered but not listed: say nothing
                if missing:
                    where = _display_path(_manifest_path(folder) or folder)
                    notes.append(f"{where}: no such document in its folder: {', '.join(missing)}")
        display = _display_path(file)
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise InputError(f"{display}: cannot read: {exc.strerror}") from exc
        text = decode(raw, display)
        doc_id = _unique_id(file.stem, display, used_ids)
        used_ids.add(doc_id)
        documents.append(
            make_document(
                doc_id,
                text,
                boilerplate,
                parse_date,
                path=display,
                meta=manifests[folder].get(file.name),
                published=published_option,
                published_from="option" if published_option else None,
                date_order=date_order,
            )
        )
    return LoadResult(documents, notes)
