"""The one orchestrator: documents -> claims -> keys -> findings -> Report.

Extraction is a pure function of one document and the rule book, so it can be cached and run in
parallel per document; only quote keys and the comparison look across documents.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import hashlib
import multiprocessing
import os
import pickle
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from checker import __version__
from checker.cache import ClaimCache, entry_key
from checker.claims.base import ClaimExtractor, Extracted, ExtractionContext
from checker.compare.engine import evaluate
from checker.documents import (
    DEFAULT_DATE_ORDER,
    Boilerplate,
    DateOrder,
    Document,
    load_documents,
    make_document,
)
from checker.keys import ClaimBuilder
from checker.models import (
    CLAIM_CLASSES,
    CLAIM_KINDS,
    SCHEMA_VERSION,
    Claim,
    ClaimKind,
    DateValue,
    Finding,
    QuoteClaim,
    Report,
    Tool,
    trusted,
)
from checker.quotematch import assign_quote_keys
from checker.rules import RuleBook


def _extractors() -> dict[ClaimKind, ClaimExtractor]:
    """The extractor registry, imported on first use: compiling the grammars takes a noticeable
    part of a second, which a run served wholly from the cache never needs to spend.
    """
    from checker.claims.registry import EXTRACTORS

    return EXTRACTORS


class AbsoluteDates:
    """The date grammar's parser of complete dates with the rule book's holidays, imported on first
    use (see ``_extractors``); a ``documents.DateParser``.
    """

    def __init__(self, rules: RuleBook) -> None:
        self.rules = rules

    def __call__(self, text: str, order: DateOrder = DEFAULT_DATE_ORDER, /) -> dt.date | None:
        from checker.claims.dates import parse_absolute_date, rule_book_holidays

        return parse_absolute_date(text, order, holidays=self.rules.compiled(rule_book_holidays))


# Where spans of different kinds overlap, the more specific reading wins: "€2.5 billion" is an
# amount, not a count of billions; "90% of members" is a share of members, not a bare percent.
_PRECEDENCE: dict[ClaimKind, int] = {"amount": 0, "count": 1, "percent": 2, "date": 3, "quote": 9}


Progress = Callable[[int, int], None]
"""Called with (documents done, documents in all) as extraction advances."""

_CHUNK = 4
"""Documents per task sent to a worker process: enough to amortise the hand-over, few enough that
where this process and the workers meet, it waits little for a chunk a worker has already taken."""
_PARALLEL_MIN_BYTES = 400_000
"""Below this much text a process pool costs more than it saves."""
_POOL_SWITCH_INTERVAL = 0.0005
"""Seconds this process's extracting thread holds the GIL while pool threads wait for it."""
_CACHE_BATCH = 500
"""Cache entries read or written together: few round trips, and never a whole archive's bytes at once."""


@dataclass
class ExtractedDocument:
    """One document with its claims, ready to be compared with others."""

    document: Document
    claims: list[Claim]
    cache_key: str | None = None
    """The document's key in the claims cache, when a cache was used."""


@dataclass
class _CorpusResult:
    """What the comparison of a whole corpus produced, cached for an unchanged corpus.

    Pickled: findings name the same claim ids many times (each finding, each of its value groups),
    and a pickle stores each id once where JSON repeated it (a transient 180 MB on 10,000
    documents, which is what set the run's peak memory).
    """

    quote_keys: dict[str, str]
    findings: list[Finding]
    unverified: list[str]


def _stored_corpus_result(blob: bytes) -> _CorpusResult | None:
    """A cached corpus comparison, or None when the entry is damaged (compare again)."""
    try:
        result = pickle.loads(blob)
    except Exception:  # any damage to a cache entry means "compare again"
        return None
    if not isinstance(result, _CorpusResult) or not all(isinstance(f, Finding) for f in result.findings):
        return None
    return result


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a batch of work.

    Extraction makes millions of short-lived objects and almost no reference cycles; with the
    collector running, each full collection re-scans every claim made so far, so a run slows as
    the corpus grows.  Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


_WORKER: Pipeline | None = None


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back while worker processes start, so each is born with it blocked.

    A worker then ignores it for good (``_init_worker``): Ctrl-C reaches the whole process group,
    and a worker that took it printed a traceback of its own and broke the pool.  A Ctrl-C that
    comes meanwhile reaches this process when the block lifts.
    """
    if not hasattr(signal, "pthread_sigmask"):  # not on POSIX: no process groups either
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _init_worker(pipeline: Pipeline | None, rules_root: str, kinds: tuple[ClaimKind, ...]) -> None:
    """Give a worker process its pipeline: inherited when forked, else loaded from rules/.

    The worker ignores Ctrl-C: the main process alone stops the run, cancelling what is queued.
    """
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if pipeline is not None:
        _WORKER = pipeline
    else:
        from checker.rules import load_rulebook

        _WORKER = Pipeline(load_rulebook(Path(rules_root)), kinds)


def _extract_chunk(documents: list[Document]) -> list[bytes]:
    assert _WORKER is not None
    with gc_paused():
        return [_WORKER._serialize(_WORKER.extract(doc)) for doc in documents]


def _note_done(finished: deque[int], chunk: int, _: object) -> None:
    """Runs on the pool's thread when a chunk's result arrives; ``deque.append`` is thread-safe."""
    finished.append(chunk)


def _resolve_overlaps(found: list[Extracted]) -> list[Extracted]:
    """Drop a figure whose span overlaps a figure of a more specific kind (quotes overlap freely)."""
    figures = sorted(
        (e for e in found if e.kind != "quote"),
        key=lambda e: (_PRECEDENCE[e.kind], e.start, -(e.end - e.start)),
    )
    kept: list[Extracted] = []
    # The kept spans never overlap, so sorted by start only the last one starting before a
    # candidate's end can overlap it: a bisection, where a check against every kept figure made a
    # long single document quadratic (12,000 figures took minutes).
    starts: list[int] = []
    ends: list[int] = []
    for candidate in figures:
        index = bisect.bisect_left(starts, candidate.end)
        if index and ends[index - 1] > candidate.start:
            continue
        starts.insert(index, candidate.start)
        ends.insert(index, candidate.end)
        kept.append(candidate)
    kept.extend(e for e in found if e.kind == "quote")
    kept.sort(key=lambda e: (e.start, e.end, e.kind))
    return kept


def infer_published(document: Document, rules: RuleBook) -> dt.date | None:
    """The latest complete date a document states, as a stand-in for its publication date."""
    ctx = ExtractionContext(document=document, rules=rules, published=None)
    latest: dt.date | None = None
    for found in _extractors()["date"].extract(ctx):
        value = found.value
        if not isinstance(value, DateValue) or value.relative or value.granularity != "day" or not value.end:
            continue
        if document.is_excluded(found.start, found.end):
            continue
        day = dt.date.fromisoformat(value.end)
        if latest is None or day > latest:
            latest = day
    return latest


class Pipeline:
    """Holds the compiled rule book; check documents or extract their claims."""

    def __init__(self, rules: RuleBook, kinds: Sequence[ClaimKind] = CLAIM_KINDS) -> None:
        self.rules = rules
        self.kinds = tuple(kinds)
        self.boilerplate = Boilerplate.from_spec(rules.boilerplate)
        self.parse_date = AbsoluteDates(rules)
        self.builder = ClaimBuilder(rules)
        # Quotes too short to identify (scare quotes) never meet; the threshold is policy, so it
        # comes from the quote rules.
        thresholds = [
            int(r.params.get("min_words", 4)) for r in rules.compare if r.extends == "quote-attribution"
        ]
        self.quote_min_words = min(thresholds, default=4)

    def load(
        self,
        paths: Iterable[Path],
        published: dt.date | None = None,
        date_order: DateOrder = DEFAULT_DATE_ORDER,
        cache: ClaimCache | None = None,
    ) -> tuple[list[Document], list[str]]:
        """Read documents; ``date_order`` applies where no manifest or front matter names one, and
        the ``cache`` also keeps parsed manifests.
        """
        result = load_documents(paths, self.boilerplate, self.parse_date, published, date_order, cache)
        return result.documents, result.notes

    def document_from_text(
        self, doc_id: str, text: str, published: dt.date | None, date_order: DateOrder = DEFAULT_DATE_ORDER
    ) -> Document:
        return make_document(
            doc_id,
            text,
            self.boilerplate,
            self.parse_date,
            published=published,
            published_from="input" if published else None,
            date_order=date_order,
        )

    def extract(self, document: Document) -> ExtractedDocument:
        """Every claim of one document, keyed; settles an unknown publication date first."""
        if document.published is None:
            inferred = infer_published(document, self.rules)
            if inferred:
                document.published, document.published_from = inferred, "inferred"
        ctx = ExtractionContext(document=document, rules=self.rules, published=document.published)
        found: list[Extracted] = []
        for kind in self.kinds:
            found.extend(
                e
                for e in _extractors()[kind].extract(ctx)
                if not document.is_excluded(e.start, e.end) and e.end > e.start
            )
        quoted: list[tuple[int, int]] = []
        if "date" in self.kinds and "quote" not in self.kinds:
            # Relative dates in quoted speech are never compared, so quotations matter even when
            # quote claims were not asked for.
            quoted = [(q.start, q.end) for q in _extractors()["quote"].extract(ctx)]
        return ExtractedDocument(document, self.builder.build(document, _resolve_overlaps(found), quoted))

    @staticmethod
    def _serialize(found: ExtractedDocument) -> bytes:
        """A pickle of the claims: they were validated when built, and loading a pickle skips the
        re-validation that JSON would need (the cost of a re-check from the cache was mostly that).
        Unpickled claims share their fields sets and repeated strings (``_Model.__setstate__``).
        """
        document = found.document
        return pickle.dumps(
            (document.published, document.published_from, found.claims), protocol=pickle.HIGHEST_PROTOCOL
        )

    @staticmethod
    def _restore(document: Document, blob: bytes) -> ExtractedDocument | None:
        """The extraction ``_serialize`` stored, or None when the blob is not one (a damaged cache)."""
        try:
            published, published_from, claims = pickle.loads(blob)
        except Exception:  # any damage to a cache entry means "extract again"
            return None
        if not isinstance(claims, list) or not all(isinstance(c, CLAIM_CLASSES) for c in claims):
            return None
        document.published, document.published_from = published, published_from
        return ExtractedDocument(document, claims)

    def cache_key(self, document: Document) -> str:
        return entry_key(
            document.id,
            document.sha256,
            document.published.isoformat() if document.published else None,
            document.published_from,
            self.rules.fingerprint,
            self.kinds,
            document.date_order,
        )

    def extract_all(
        self,
        documents: Sequence[Document],
        jobs: int = 1,
        cache: ClaimCache | None = None,
        progress: Progress | None = None,
        key_quotes: bool = True,
    ) -> list[ExtractedDocument]:
        """Extract every document (from the cache where possible, in parallel with ``jobs`` > 1),
        then key quotes across them.  The result does not depend on ``jobs`` or the cache.
        """
        total = len(documents)
        results: list[ExtractedDocument | None] = [None] * total
        keys = [self.cache_key(doc) for doc in documents] if cache else []
        if cache:
            # A slice at a time: the stored bytes of a whole archive would double its peak memory.
            for first in range(0, total, _CACHE_BATCH):
                hits = cache.get_many(keys[first : first + _CACHE_BATCH])
                for i in range(first, min(first + _CACHE_BATCH, total)):
                    blob = hits.get(keys[i])
                    if blob is not None:
                        results[i] = self._restore(documents[i], blob)
        todo = [i for i in range(total) if results[i] is None]
        done = total - len(todo)
        if progress:
            progress(done, total)
        fresh: list[tuple[str, bytes]] = []
        size = sum(len(documents[i].text) for i in todo)

        def finished(i: int, found: ExtractedDocument, blob: bytes | None) -> None:
            nonlocal done
            found.document.drop_indexes()  # an archive's sentence indexes would all stay in memory
            results[i] = found
            if cache:
                fresh.append((keys[i], blob if blob is not None else self._serialize(found)))
                if len(fresh) >= _CACHE_BATCH:
                    cache.put_many(fresh)
                    fresh.clear()
            done += 1
            if progress:
                progress(done, total)

        if jobs > 1 and len(todo) > 1 and size >= _PARALLEL_MIN_BYTES:
            for i, found, blob in self._extract_parallel(documents, todo, jobs):
                finished(i, found, blob)
        else:
            for i in todo:
                finished(i, self.extract(documents[i]), None)
        if cache and fresh:
            cache.put_many(fresh)
        extracted = [r for r in results if r is not None]
        if cache:
            for item, key in zip(extracted, keys, strict=True):
                item.cache_key = key
        if key_quotes:
            assign_quote_keys([c for e in extracted for c in e.claims], min_words=self.quote_min_words)
        return extracted

    def _extract_parallel(
        self, documents: Sequence[Document], todo: list[int], jobs: int
    ) -> Iterator[tuple[int, ExtractedDocument, bytes | None]]:
        """Extract the documents at the positions ``todo`` with ``jobs`` processes, this one among
        them, yielding each with its position as it is done (not in order).

        The pool's ``jobs - 1`` workers take chunks from the end of the list while this process
        takes them from the front, until the two meet: this process would otherwise sit idle
        waiting, and the chunks it takes need no pickling across processes.  Forked workers
        inherit the loaded rule book.
        """
        # This process extracts while its pool threads hand chunks over; at the default switch
        # interval (5 ms) they waited for the GIL so long that the workers stood idle a fifth of
        # the time, blocked writing their results into a full pipe.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(_POOL_SWITCH_INTERVAL)
        try:
            yield from self._extract_with_pool(documents, todo, jobs)
        finally:
            sys.setswitchinterval(interval)

    def _extract_with_pool(
        self, documents: Sequence[Document], todo: list[int], jobs: int
    ) -> Iterator[tuple[int, ExtractedDocument, bytes | None]]:
        forked = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if forked else "spawn")
        chunks = [todo[i : i + _CHUNK] for i in range(0, len(todo), _CHUNK)]
        with ProcessPoolExecutor(
            max_workers=min(jobs - 1, len(chunks)),
            mp_context=context,
            initializer=_init_worker,
            initargs=(self if forked else None, str(self.rules.root), self.kinds),
        ) as pool:
            finished: deque[int] = deque()
            futures: dict[int, Future[list[bytes]]] = {}

            def handed_over(k: int) -> Iterator[tuple[int, ExtractedDocument, bytes | None]]:
                for i, blob in zip(chunks[k], futures.pop(k).result(), strict=True):
                    restored = self._restore(documents[i], blob)
                    if restored is None:
                        raise RuntimeError(f"{documents[i].id}: a worker process returned no claims")
                    yield i, restored, blob

            try:
                # Submitted last chunk first: the pool starts at the end, and a chunk still queued
                # when this process reaches it can be taken back (cancelled) and done here.
                with _ctrl_c_held():  # the workers start at the first submission (or at each)
                    for k in reversed(range(len(chunks))):
                        futures[k] = pool.submit(_extract_chunk, [documents[i] for i in chunks[k]])
                        futures[k].add_done_callback(partial(_note_done, finished, k))
                for k, chunk in enumerate(chunks):
                    # Restore what the workers finished meanwhile: no unpickling is left for the end.
                    while finished:
                        if (done_k := finished.popleft()) in futures:  # a cancelled one is gone already
                            yield from handed_over(done_k)
                    if k not in futures:
                        continue
                    if futures[k].cancel():
                        del futures[k]
                        for i in chunk:
                            yield i, self.extract(documents[i]), None
                    else:
                        yield from handed_over(k)
            except BaseException:
                # An error or Ctrl-C: leaving the pool waits for its queued chunks unless they go.
                for future in futures.values():
                    future.cancel()
                raise

    def compare(
        self, extracted: Sequence[ExtractedDocument], cache: ClaimCache | None = None
    ) -> tuple[list[Finding], list[str]]:
        """Key quotes across documents and compare; an unchanged corpus reuses its cached result.

        The result depends only on the documents' claims, which their cache keys pin down (with
        the rules and the code), so a corpus whose every document hit the cache has one key too.
        """
        claims = [c for e in extracted for c in e.claims]
        corpus_key = None
        if cache and extracted and all(e.cache_key for e in extracted):
            digest = hashlib.sha256(b"corpus")
            for item in extracted:
                digest.update((item.cache_key or "").encode())
            corpus_key = "corpus:" + digest.hexdigest()
            stored = cache.get_many([corpus_key]).get(corpus_key)
            result = _stored_corpus_result(stored) if stored is not None else None
            if result is not None:
                quote_key = result.quote_keys.get
                for claim in claims:
                    key = quote_key(claim.id)
                    if key is not None:
                        claim.__dict__["key"] = key
                return result.findings, result.unverified
        assign_quote_keys(claims, min_words=self.quote_min_words)
        findings, unverified = evaluate(claims, self.rules)
        if cache and corpus_key:
            quote_keys = {c.id: c.key for c in claims if isinstance(c, QuoteClaim) and c.key}
            result = _CorpusResult(quote_keys=quote_keys, findings=findings, unverified=unverified)
            cache.put_many([(corpus_key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))])
        return findings, unverified

    def report(
        self,
        extracted: Sequence[ExtractedDocument],
        notes: Sequence[str] = (),
        compared: tuple[list[Finding], list[str]] | None = None,
    ) -> Report:
        claims = [c for e in extracted for c in e.claims]
        findings, unverified = compared if compared is not None else evaluate(claims, self.rules)
        all_notes = list(notes)
        for item in extracted:
            doc = item.document
            if doc.published_from == "inferred" and doc.published:
                all_notes.append(
                    f"{doc.path or doc.id}: no publication date stated; inferred {doc.published} "
                    "from the latest date in the text"
                )
            elif doc.published is None:
                all_notes.append(
                    f"{doc.path or doc.id}: no publication date; relative dates were not resolved"
                )
        # Every part is a model the pipeline built and typed: validating 300,000 claims again (an
        # isinstance check through ABCMeta each) took longer than writing the report.
        return trusted(
            Report,
            {
                "schema_version": SCHEMA_VERSION,
                "tool": Tool(name="crosscheck", version=__version__),
                "sources": [e.document.to_source() for e in extracted],
                "claims": claims,
                "findings": list(findings),
                "unverified": list(unverified),
                "notes": all_notes,
            },
        )

    def check(
        self,
        paths: Iterable[Path],
        published: dt.date | None = None,
        jobs: int = 1,
        cache: ClaimCache | None = None,
        progress: Progress | None = None,
        date_order: DateOrder = DEFAULT_DATE_ORDER,
    ) -> Report:
        with gc_paused():
            documents, notes = self.load(paths, published, date_order, cache)
            extracted = self.extract_all(
                documents, jobs=jobs, cache=cache, progress=progress, key_quotes=False
            )
            return self.report(extracted, notes, self.compare(extracted, cache))
