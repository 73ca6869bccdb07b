"""A content-hash cache of each document's extracted claims, kept outside the corpus.

Extraction is a pure function of the document (its id, text, publication date and date order), the
rule book and the tool version, so a hash of exactly those keys the cache; any change to one of them
misses it.  One SQLite file (stdlib) holds the entries: one file open per run, not one per document.

Entries are pickles of already-validated claims (see ``Pipeline._serialize``): re-validating JSON
was most of the time of a re-check.  The cache lives in the user's own cache folder; whoever can
write there can already change the user's files, so unpickling it adds no new trust.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from checker import __version__
from checker.errors import InputError

CACHE_FORMAT = 2
"""Bumped when the entries' encoding changes (2: pickles instead of JSON)."""


def default_cache_dir() -> Path:
    """``$CROSSCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/crosscheck``, else ``~/.cache/crosscheck``."""
    explicit = os.environ.get("CROSSCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "crosscheck"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash crosscheck's own source, so an edited extractor is never served stale claims.

    The version number alone does not change in a development checkout.
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def entry_key(
    doc_id: str,
    text_sha256: str,
    published: str | None,
    published_from: str | None,
    rules: str,
    kinds: Sequence[str],
    date_order: str,
) -> str:
    """Everything extraction depends on, hashed (the text by its own digest, computed once).

    ``date_order`` is how the document's figures read: "03/04/2024" is another claim in "dmy".
    """
    digest = hashlib.sha256()
    for part in (
        str(CACHE_FORMAT),
        __version__,
        code_fingerprint(),
        rules,
        ",".join(kinds),
        doc_id,
        published or "",
        published_from or "",
        date_order,
    ):
        digest.update(part.encode())
        digest.update(b"\x00")
    digest.update(text_sha256.encode())
    return digest.hexdigest()


class ClaimCache:
    """Get and put bytes by key: each document's extracted claims, a corpus's comparison
    ("corpus:" keys) and parsed manifests ("manifest:" keys).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / f"claims-v{CACHE_FORMAT}.sqlite"
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            except (OSError, sqlite3.Error) as exc:  # a file where the folder goes, a damaged database
                raise InputError(
                    f"{self.path}: cannot use the cache ({exc}); `crosscheck cache clear` empties it,"
                    " --no-cache runs without it"
                ) from exc
            self._db = db
        return self._db

    def get_many(self, keys: Sequence[str]) -> dict[str, bytes]:
        """The cached values of those keys that are present."""
        db = self._connect()
        found: dict[str, bytes] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in db.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk):
                found[key] = value
        return found

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        db = self._connect()
        with db:
            db.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", items)

    def stats(self) -> tuple[int, int]:
        """(documents cached, bytes on disk); corpus results and parsed manifests are not documents."""
        if not self.path.exists():
            return 0, 0
        query = "SELECT COUNT(*) FROM entries WHERE key NOT LIKE 'corpus:%' AND key NOT LIKE 'manifest:%'"
        count = self._connect().execute(query).fetchone()[0]
        size = sum(p.stat().st_size for p in self.folder.glob(f"{self.path.name}*"))
        return int(count), size

    def clear(self) -> int:
        """Remove every entry, of earlier cache formats too; returns how many there were."""
        try:
            count, _ = self.stats()
        except InputError:
            count = 0  # a damaged database: how many it held is unknown, and it goes all the same
        self.close()
        for path in self.folder.glob("claims-v*.sqlite*"):
            path.unlink()
        return count

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
