"""Parallel extraction and the claims cache change speed, never results."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks.corpus import documents
from checker import pipeline as pipeline_module
from checker.cache import ClaimCache
from checker.cli import app
from checker.pipeline import Pipeline
from checker.rules import load_rulebook
from checker.testing import default_rules


def _docs(p: Pipeline, n: int = 12):  # type: ignore[no-untyped-def]
    return [
        p.document_from_text(d.id, d.text, dt.date.fromisoformat(d.published or "2024-04-04"))
        for d in documents(n)
    ]


def test_parallel_results_equal_sequential(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline_module, "_PARALLEL_MIN_BYTES", 0)
    p = Pipeline(default_rules())
    one = p.report(p.extract_all(_docs(p), jobs=1))
    two = p.report(p.extract_all(_docs(p), jobs=2))
    assert one.model_dump() == two.model_dump()


def test_progress_reports_every_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline_module, "_PARALLEL_MIN_BYTES", 0)
    p = Pipeline(default_rules())
    seen: list[tuple[int, int]] = []
    p.extract_all(_docs(p), jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (12, 12) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cached_run_equals_fresh_run(tmp_path: Path) -> None:
    p = Pipeline(default_rules())
    cache = ClaimCache(tmp_path)
    fresh = p.report(p.extract_all(_docs(p)))
    first = p.report(p.extract_all(_docs(p), cache=cache))
    assert cache.stats()[0] == 12
    second = p.report(p.extract_all(_docs(p), cache=cache))
    assert fresh.model_dump() == first.model_dump() == second.model_dump()


def test_cache_keys_change_with_text_rules_and_kinds() -> None:
    p = Pipeline(default_rules())
    doc = _docs(p, 1)[0]
    key = p.cache_key(doc)
    edited = p.document_from_text(doc.id, doc.text + " More.", doc.published)
    assert p.cache_key(edited) != key
    assert Pipeline(default_rules(), kinds=("date",)).cache_key(doc) != key
    other_rules = load_rulebook()
    other_rules.fingerprint = "changed"
    assert Pipeline(other_rules).cache_key(doc) != key


def test_inferred_publication_date_survives_the_cache(tmp_path: Path) -> None:
    p = Pipeline(default_rules())
    cache = ClaimCache(tmp_path)
    text = "Talks ended on 5 March 2024. They resume on Monday."
    for _ in range(2):
        doc = p.document_from_text("x", text, None)
        p.extract_all([doc], cache=cache)
        assert (doc.published, doc.published_from) == (dt.date(2024, 3, 5), "inferred")


def test_cli_cache_commands_and_no_cache(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = tmp_path / "c"
    assert runner.invoke(app, ["check", "seeds", "--no-cache", "--cache-dir", str(folder)]).exit_code == 0
    assert not folder.exists()
    assert runner.invoke(app, ["check", "seeds", "--cache-dir", str(folder), "-j", "1"]).exit_code == 0
    info = runner.invoke(app, ["cache", "info", "--cache-dir", str(folder)])
    assert "5 documents" in info.stdout
    cleared = runner.invoke(app, ["cache", "clear", "--cache-dir", str(folder)])
    assert cleared.exit_code == 0 and "removed 5" in cleared.stdout


def test_a_damaged_cache_is_a_one_line_error_that_cache_clear_mends(tmp_path: Path) -> None:
    """A damaged database was an internal error in every command, "cache clear" included."""
    runner = CliRunner()
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / ClaimCache(folder).path.name).write_bytes(b"garbage")
    for command in (["check", "seeds"], ["cache", "info"]):
        result = runner.invoke(app, [*command, "--cache-dir", str(folder)])
        assert result.exit_code == 2 and "cannot use the cache" in result.output
        assert result.output.strip().count("\n") == 0
    assert runner.invoke(app, ["cache", "clear", "--cache-dir", str(folder)]).exit_code == 0
    assert runner.invoke(app, ["check", "seeds", "--cache-dir", str(folder), "-j", "1"]).exit_code == 0


def test_cache_keys_change_with_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import cache as cache_module

    p = Pipeline(default_rules())
    doc = _docs(p, 1)[0]
    key = p.cache_key(doc)
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "edited")
    assert p.cache_key(doc) != key


def test_unchanged_corpus_reuses_its_comparison(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    evaluated: list[int] = []
    evaluate = pipeline_module.evaluate

    def counted(*args):  # type: ignore[no-untyped-def]
        evaluated.append(1)
        return evaluate(*args)

    monkeypatch.setattr(pipeline_module, "evaluate", counted)
    p = Pipeline(default_rules())
    cache = ClaimCache(tmp_path)
    first = p.check([Path("seeds")], cache=cache)
    entries_after_first = cache.stats()[0]
    second = p.check([Path("seeds")], cache=cache)
    assert len(evaluated) == 1  # the second check compared nothing
    fresh = p.check([Path("seeds")])
    assert entries_after_first == 5
    assert first.model_dump() == second.model_dump() == fresh.model_dump()


def test_damaged_cache_entries_are_extracted_again(tmp_path: Path) -> None:
    """A cache entry that does not unpickle to claims is a miss, never a crash or wrong claims."""
    p = Pipeline(default_rules())
    cache = ClaimCache(tmp_path)
    fresh = p.report(p.extract_all(_docs(p, 3), cache=cache))
    keys = [p.cache_key(d) for d in _docs(p, 3)]
    cache.put_many([(keys[0], b"not a pickle"), (keys[1], pickle.dumps((None, None, ["x"])))])
    again = p.report(p.extract_all(_docs(p, 3), cache=cache))
    assert again.model_dump() == fresh.model_dump()
    assert len(cache.get_many(keys)[keys[0]]) > 100  # rewritten with the real claims


def test_restored_claims_share_strings_across_documents(tmp_path: Path) -> None:
    """Claims read back from the cache keep memory low as extraction does: one copy of each key."""
    import sys

    p = Pipeline(default_rules())
    cache = ClaimCache(tmp_path)
    p.extract_all(_docs(p, 4), cache=cache)
    restored = [c for e in p.extract_all(_docs(p, 4), cache=cache) for c in e.claims]
    keyed = [c for c in restored if c.key]
    assert keyed and all(c.key is sys.intern(c.key) for c in keyed)
    dates = [c for c in restored if c.kind == "date" and c.value.start]
    assert len({id(c.value.start) for c in dates}) == len({c.value.start for c in dates})
    # One fields set per model class for the whole corpus, not one per document (memory).
    assert len({id(c.__pydantic_fields_set__) for c in dates}) == 1
    assert len({id(c.value.__pydantic_fields_set__) for c in dates}) == 1


def test_cache_clear_removes_earlier_formats(tmp_path: Path) -> None:
    (tmp_path / "claims-v1.sqlite").write_bytes(b"old")
    cache = ClaimCache(tmp_path)
    cache.put_many([("k", b"v")])
    assert cache.clear() == 1
    assert not list(tmp_path.glob("claims-v*"))


def test_cache_key_changes_with_the_date_order(tmp_path: Path) -> None:
    """A document read with another date order misses the cache: "03/04/2024" is another claim."""
    p = Pipeline(default_rules(), kinds=("date",))
    text = "Ministers met on 03/04/2024 in Brussels."
    published = dt.date(2024, 5, 1)
    us, uk = (p.document_from_text("x", text, published, order) for order in ("mdy", "dmy"))
    assert p.cache_key(us) != p.cache_key(uk)
    assert p.cache_key(us) == p.cache_key(p.document_from_text("x", text, published))  # mdy is the default
    cache = ClaimCache(tmp_path)
    for order, day in (("mdy", "2024-03-04"), ("dmy", "2024-04-03"), ("mdy", "2024-03-04")):
        doc = p.document_from_text("x", text, published, order)  # type: ignore[arg-type]
        [found] = p.extract_all([doc], cache=cache)
        assert [c.value.start for c in found.claims] == [day]  # type: ignore[union-attr]
    assert cache.stats()[0] == 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_cache_reads_and_writes_in_batches_give_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(pipeline_module, "_CACHE_BATCH", 5)
    monkeypatch.setattr(pipeline_module, "_PARALLEL_MIN_BYTES", 0)
    p = Pipeline(default_rules())
    cache = ClaimCache(tmp_path)
    fresh = p.report(p.extract_all(_docs(p), jobs=jobs))
    first = p.report(p.extract_all(_docs(p), jobs=jobs, cache=cache))
    assert cache.stats()[0] == 12  # written in batches of 5, 5 and 2
    second = p.report(p.extract_all(_docs(p), jobs=jobs, cache=cache))
    assert fresh.model_dump() == first.model_dump() == second.model_dump()


def test_damaged_corpus_comparison_is_compared_again(tmp_path: Path) -> None:
    p = Pipeline(default_rules())
    cache = ClaimCache(tmp_path)
    first = p.check([Path("seeds")], cache=cache)
    db = cache._connect()
    with db:
        changed = db.execute("UPDATE entries SET value = ? WHERE key LIKE 'corpus:%'", (b'{"findings": 1}',))
    assert changed.rowcount == 1
    again = p.check([Path("seeds")], cache=cache)
    assert again.model_dump() == first.model_dump()


def test_parent_and_workers_share_the_chunks_and_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    """With --jobs 2 this process extracts from the front while the worker takes the end."""
    monkeypatch.setattr(pipeline_module, "_PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(pipeline_module, "_CHUNK", 1)
    p = Pipeline(default_rules())
    sources: list[bool] = []
    in_pool = pipeline_module.Pipeline._extract_parallel

    def spy(self, documents, *args):  # type: ignore[no-untyped-def]
        for item in in_pool(self, documents, *args):
            sources.append(item[2] is None)  # no blob: extracted here, not in a worker
            yield item

    monkeypatch.setattr(pipeline_module.Pipeline, "_extract_parallel", spy)
    one = p.report(p.extract_all(_docs(p, 30), jobs=1))
    two = p.report(p.extract_all(_docs(p, 30), jobs=2))
    assert one.model_dump() == two.model_dump()
    assert len(sources) == 30 and any(sources) and not all(sources)


def test_extraction_leaves_no_reference_cycles() -> None:
    """Runs pause the cyclic collector (gc_paused), so a cycle per document is memory never freed:
    one between the quote attributor and its speaker finder kept every document's attribution state.
    """
    import gc

    p = Pipeline(default_rules())
    p.report(p.extract_all(_docs(p)))  # first use compiles grammars and imports modules
    gc.collect()
    with pipeline_module.gc_paused():
        extracted = p.extract_all(_docs(p))
        assert gc.collect() == 0
        p.report(extracted, (), p.compare(extracted))
        assert gc.collect() == 0


def _pid_after_ctrl_c() -> int:
    """A worker's task that takes a Ctrl-C in the middle of its work."""
    import os
    import signal
    import time

    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.05)  # a Python handler would raise here
    return os.getpid()


def test_worker_processes_ignore_ctrl_c() -> None:
    """Ctrl-C reaches every process of the group; a worker that took it, busy or idle, printed its
    own traceback and broke the pool (CI caught one idle).  Only the main process stops the run."""
    import multiprocessing
    import os
    import signal
    import time
    from concurrent.futures import ProcessPoolExecutor

    p = Pipeline(default_rules(), kinds=("date",))
    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=pipeline_module._init_worker,
        initargs=(p, str(p.rules.root), p.kinds),
    ) as pool:
        busy = pool.submit(_pid_after_ctrl_c)
        assert busy.exception(timeout=30) is None
        worker = busy.result()
        os.kill(worker, signal.SIGINT)  # now idle, waiting for work
        time.sleep(0.2)
        assert pool.submit(os.getpid).result(timeout=30) == worker
