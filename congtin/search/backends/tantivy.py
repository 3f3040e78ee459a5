"""The embedded backend: a tantivy index beside the database (docs/decisions/0024-embedded-search-on-tantivy.md).

``SearchEntry`` stays the source of truth, written in the caller's transaction as on the other backends;
the tantivy index is derived from the same documents and holds no text, only what matching, ranking,
filters and facets read. A hit is read back by its key, so an entry the database no longer holds (taken
out, rolled back) is never shown, whatever the index says.

Every index document carries the id of the ``SearchEntry`` row it was made from (``entry``). Row ids
are never reused and every write makes new rows, so the pairs (entry, key) the index holds say exactly
which versions of which items it has absorbed: ``lag()`` compares them with the database (per range of
ids: count and sum first, the pairs only where those differ) and ``services.search_catch_up`` adds what
the index lacks and drops what the database no longer has, after a crash between the two writes or a
write that gave up on the lock (``LOCK_TIMEOUT``).

Text reaches tantivy already folded and split by ``congtin.vietnamese`` (``engine_text``,
``exact_text``), and tantivy's ``whitespace`` tokenizer only splits it: the same tokens as FTS5 and
PostgreSQL. Queries are built from tantivy's ``Query`` objects, never its query parser, so nothing a
reader types is syntax. The ranking is the one the probe of decision 0024 measured: every group
required in ``all`` (title and body, two values of one field); optional clauses for the groups in the
title, adjacent pairs (unless both words are very common), the whole query as one phrase, typed
accents, symbol keys; newer first on equal scores; the relaxed match of ``relaxed_query`` when the
strict one does not fill the page.

On disk (``CONGTIN_SEARCH_INDEX_DIR``, by default beside the SQLite file)::

    <dir>/write.lock          fcntl lock: one writer at a time across processes, waited for at most
                              ``CONGTIN_SEARCH_LOCK_TIMEOUT`` seconds (then the catch-up does the work)
    <dir>/current -> v1-...   the live generation (a symlink, replaced atomically)
    <dir>/v1-<ns>-<pid>/      a tantivy index
    <dir>/build-v1-<ns>-<pid>/  one a rebuild is filling, renamed to v1-… when it is made live

``rebuilding()`` builds a new generation aside and swaps the symlink at the end, so searches read the
old index until the new one is complete. Readers notice a commit or a swap by the ``meta.json`` their
``current`` points to, on every search (two system calls), and reload.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tantivy
from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Sum
from django.utils import timezone

from congtin.search.backends.base import (
    CROWDED_UNITS,
    ENTRY_FIELDS,
    MAX_TERMS,
    ParsedQueryLike,
    SearchDocument,
    SearchFilters,
    SearchHit,
    SearchResults,
    adjacent_pairs,
    choose_terms,
    crowded,
    engine_text,
    entry_hits,
    exact_terms,
    exact_text,
    excluded_groups,
    key_token,
    query_symbol_keys,
    query_terms,
    relaxed_query,
    valid_keys,
)
from congtin.search.models import SearchEntry
from congtin.vietnamese import fold

logger = logging.getLogger(__name__)

# Bumped when the schema changes: an index of another version is not read, and the next write starts
# an empty one (``manage.py rebuild_search_index`` fills it).
SCHEMA_VERSION = 2  # 2: ``entry``, the id of the SearchEntry row of each document
# Scores are tantivy's BM25 per field, summed over the clauses. A title word already scores in ``all``;
# the title clause adds it again in a short field. The whole query as one phrase finds a partial title
# or a run of body words among thousands of matches. Chosen on the bench's quality sets (0024).
TITLE_BOOST = 1.0
KEYS_BOOST = 6.0
PHRASE_BOOST = 16.0
# A strict match weighs an adjacent pair only when one of its words is in at most this share of the
# items: a phrase of two very common words walks most of the index's positions for little IDF.
PAIR_SHARE = 0.1
# The SQLite backend's bounds on a relaxed match (decision 0021).
RELAXED_POSTINGS = 5_000
PAIR_POSTINGS = 20_000
# Items ranked beyond the page so that equal scores at its edge are broken newest first.
TIE_SLACK = 20
TIE_LIMIT = 2_000
# "published" of an item without a date: older than any date, and outside every date filter.
NO_DATE = -(2**62)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# Memory of one writer: live writes are small; a rebuild writes everything at once.
WRITER_HEAP = 50_000_000
REBUILD_HEAP = 400_000_000
REBUILD_THREADS = 2
# Indexes a process keeps open (tests point every test at a new folder).
OPEN_INDEXES = 4
# How long a live write waits for another process's write lock before it leaves its work to the
# catch-up (``CONGTIN_SEARCH_LOCK_TIMEOUT`` overrides); a rebuild waits longer to swap in its index.
LOCK_TIMEOUT = 5.0
SWAP_TIMEOUT = 600.0
# After a write gave up on the lock, the catch-up task runs this much later (task backends that defer).
CATCH_UP_DELAY = 60
# ``lag()`` compares the index with the database per range of this many row ids.
LAG_BUCKET = 4096
# A "build-" folder untouched this long belongs to a rebuild that died: the next swap removes it.
ABANDONED_BUILD = 24 * 3600

TEXT_FIELDS = ("title", "all", "exact", "keys")
_FACET_FIELDS = {
    "content_type": ("content_type", "content_types"),
    "section": ("section", "section_id"),
    "document_type": ("document_type", "document_type"),
    "year": ("year", "year"),
}
_EMPTY_FILTER: dict[str, Any] = {"content_types": (), "section_id": None, "document_type": "", "year": None}


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw", index_option="basic")
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="position")
    builder.add_text_field("content_type", fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("document_type", fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("paths", tokenizer_name="raw", index_option="basic")  # every prefix of the path
    builder.add_integer_field("section", indexed=True, fast=True)
    builder.add_integer_field("year", indexed=True, fast=True)
    builder.add_integer_field("published", indexed=True, fast=True)  # microseconds since 1970, UTC
    builder.add_integer_field("entry", indexed=True, fast=True)  # SearchEntry.pk of the version indexed
    return builder.build()


SCHEMA = build_schema()


def index_dir() -> Path:
    """``CONGTIN_SEARCH_INDEX_DIR``, else ``<database file>.search-index`` beside a SQLite database,
    else ``<repo>/var/search-index``. Read on every call, so settings overrides take effect."""
    configured = getattr(settings, "CONGTIN_SEARCH_INDEX_DIR", "")
    if configured:
        return Path(configured)
    return default_index_dir(settings.DATABASES["default"], Path(settings.BASE_DIR))


def default_index_dir(database: Mapping[str, Any], base_dir: Path) -> Path:
    name = str(database.get("NAME") or "")
    in_memory = ":memory:" in name or name.startswith("file:")
    if database.get("ENGINE", "").endswith("sqlite3") and name and not in_memory:
        return Path(name).with_suffix(".search-index")
    return base_dir / "var" / "search-index"


def _published(value: dt.datetime | None) -> int:
    if value is None:
        return NO_DATE
    if value.tzinfo is None:  # the ORM never hands these over; a bench or a shell might
        value = value.replace(tzinfo=dt.UTC)
    return (value - EPOCH) // dt.timedelta(microseconds=1)


def tantivy_document(item: SearchDocument, entry: int) -> tantivy.Document:
    """What the index holds of an item: folded tokens, filters, the key and the id of its ``SearchEntry``
    row, no text to show."""
    doc = tantivy.Document()
    doc.add_text("key", item.key)
    doc.add_integer("entry", entry)
    doc.add_text("title", engine_text(item.title))
    doc.add_text("all", engine_text(item.title))  # two values: no phrase runs from the title into the body
    doc.add_text("all", engine_text(item.body))
    doc.add_text("exact", exact_text(f"{item.title}\n{item.body}"))
    keys = " ".join(key_token(k) for k in valid_keys(item.keys))
    if keys:
        doc.add_text("keys", keys)
    if item.content_type:
        doc.add_text("content_type", item.content_type)
    if item.document_type:
        doc.add_text("document_type", item.document_type)
    for end in range(1, len(item.path) + 1):
        doc.add_text("paths", item.path[:end])
    if item.section_id is not None:
        doc.add_integer("section", item.section_id)
    if item.year is not None:
        doc.add_integer("year", item.year)
    doc.add_integer("published", _published(item.published_at))
    return doc


# -- the index on disk: generations, the write lock, readers -------------------------------------


@dataclass
class _Reader:
    stamp: tuple[str, int, int]
    index: tantivy.Index
    searcher: tantivy.Searcher


@dataclass
class _Staging:
    """A generation being built by ``rebuilding()`` in one thread of this process."""

    thread: int
    path: Path
    writer: tantivy.IndexWriter
    keys: set[str] = field(default_factory=set)


_readers: OrderedDict[str, _Reader] = OrderedDict()
_staging: dict[tuple[str, int], _Staging] = {}  # (folder, thread) -> the rebuild that thread runs
_lock = threading.Lock()  # guards the two dicts above


def _current(base: Path) -> Path:
    return base / "current"


def _usable(target: Path) -> bool:
    return target.name.startswith(f"v{SCHEMA_VERSION}-") and (target / "meta.json").is_file()


def _new_generation(base: Path, prefix: str = "") -> Path:
    """An empty index folder; ``prefix`` "build-" for one a rebuild fills (never read, never swept)."""
    path = base / f"{prefix}v{SCHEMA_VERSION}-{time.time_ns()}-{os.getpid()}"
    path.mkdir(parents=True)
    tantivy.Index(SCHEMA, path=str(path), reuse=False)
    return path


def _point_current(base: Path, target: Path) -> None:
    """Make ``current`` name ``target`` in one rename, then drop the other generations."""
    link = base / f".current-{os.getpid()}-{threading.get_ident()}"
    link.unlink(missing_ok=True)
    link.symlink_to(target.name)
    link.replace(_current(base))
    stale = time.time() - ABANDONED_BUILD
    for other in base.iterdir():
        if other.is_symlink() or not other.is_dir() or other.name == target.name:
            continue
        # Readers elsewhere keep their open files (mmap) until they reload. A "build-" folder is another
        # rebuild's, unless it was left by one that died long ago.
        if other.name.startswith("v") or (other.name.startswith("build-") and other.stat().st_mtime < stale):
            shutil.rmtree(other, ignore_errors=True)


class IndexBusy(RuntimeError):
    """Another process held the index's write lock longer than the caller would wait."""


def lock_timeout() -> float:
    return float(getattr(settings, "CONGTIN_SEARCH_LOCK_TIMEOUT", LOCK_TIMEOUT))


@contextlib.contextmanager
def _write_lock(base: Path, timeout: float | None = None) -> Iterator[None]:
    """One writer at a time, across processes (tantivy's own lock would fail, not wait).

    Waits at most ``timeout`` seconds (``lock_timeout()`` by default), polling, then raises ``IndexBusy``:
    a writer stuck in a long merge or a hung process must not hang a request or the worker for ever.
    """
    base.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + (lock_timeout() if timeout is None else timeout)
    pause = 0.005
    with (base / "write.lock").open("a") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise IndexBusy(f"{base / 'write.lock'} is held by another process") from None
                time.sleep(min(pause, left))
                pause = min(pause * 2, 0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _live_target(base: Path, *, create: bool) -> Path | None:
    """The live generation; with ``create`` (under the write lock), a new empty one if there is none."""
    current = _current(base)
    if current.is_symlink():
        target = base / os.readlink(current)
        if _usable(target):
            return target
    if not create:
        return None
    target = _new_generation(base)
    _point_current(base, target)
    return target


def _searcher(base: Path) -> tantivy.Searcher | None:
    """A searcher on the live generation, reloaded when it has changed since this process last looked.

    A swap by another process may delete the generation just read from ``current`` before it is opened:
    then ``current`` is read again (it names the new one by then).
    """
    for _ in range(3):
        try:
            return _open_searcher(base)
        except (OSError, ValueError):
            continue
    logger.warning("The search index in %s could not be opened; searches find nothing.", base)
    return None


def _open_searcher(base: Path) -> tantivy.Searcher | None:
    try:
        target = base / os.readlink(_current(base))
    except FileNotFoundError:
        return None  # nothing indexed yet
    if not target.name.startswith(f"v{SCHEMA_VERSION}-"):
        return None
    meta = os.stat(target / "meta.json")
    stamp = (str(target), meta.st_ino, meta.st_mtime_ns)
    key = str(base)
    with _lock:
        reader = _readers.get(key)
        if reader is not None and reader.stamp == stamp:
            _readers.move_to_end(key)
            return reader.searcher
    if reader is not None and reader.stamp[0] == stamp[0]:
        index = reader.index
        index.reload()
    else:
        index = tantivy.Index.open(str(target))
        index.config_reader(reload_policy="Manual")
    searcher = index.searcher()
    with _lock:
        _readers[key] = _Reader(stamp, index, searcher)
        _readers.move_to_end(key)
        while len(_readers) > OPEN_INDEXES:
            _readers.popitem(last=False)
    return searcher


def write_live(base: Path, documents: Sequence[tuple[SearchDocument, int]]) -> None:
    """Add or replace the documents (each with its ``SearchEntry`` id) in the live generation: one
    writer, one commit, under the lock. Raises ``IndexBusy`` when the lock is not had in time."""
    with _write_lock(base):
        target = _live_target(base, create=True)
        assert target is not None  # noqa: S101 - created above
        writer = tantivy.Index.open(str(target)).writer(heap_size=WRITER_HEAP, num_threads=1)
        for d, entry in documents:
            writer.delete_documents_by_term("key", d.key)
            writer.add_document(tantivy_document(d, entry))
        _commit(writer)


def delete_live(base: Path, keys: Sequence[str]) -> None:
    """Delete the keys from the live generation; no writer is opened when it holds none of them.
    Raises ``IndexBusy`` when the lock is not had in time."""
    if not _current(base).is_symlink():
        return
    with _write_lock(base):
        searcher = _searcher(base)
        held = [k for k in keys if searcher is not None and searcher.doc_freq("key", k)]
        target = _live_target(base, create=False)
        if not held or target is None:
            return
        writer = tantivy.Index.open(str(target)).writer(heap_size=WRITER_HEAP, num_threads=1)
        for key in held:
            writer.delete_documents_by_term("key", key)
        _commit(writer)


def drop_live(base: Path, versions: Sequence[tuple[int, str]]) -> None:
    """Delete these (entry, key) versions from the live generation, and no other version of the keys."""
    if not versions or not _current(base).is_symlink():
        return
    with _write_lock(base):
        target = _live_target(base, create=False)
        if target is None:
            return
        writer = tantivy.Index.open(str(target)).writer(heap_size=WRITER_HEAP, num_threads=1)
        for entry, key in versions:
            writer.delete_documents_by_query(
                Query.boolean_query(
                    [
                        (Occur.Must, Query.term_query(SCHEMA, "entry", entry)),
                        (Occur.Must, Query.term_query(SCHEMA, "key", key)),
                    ]
                )
            )
        _commit(writer)


def live_count(base: Path) -> int:
    """Items in the live generation, as a searcher opened now sees them (0 without an index)."""
    searcher = _searcher(base)
    return int(searcher.num_docs) if searcher is not None else 0


def _staging_for(base: Path) -> _Staging | None:
    with _lock:
        return _staging.get((str(base), threading.get_ident()))


# -- the backend -----------------------------------------------------------------------------------


class TantivyBackend:
    """``SearchBackend`` for the embedded default: ``SearchEntry`` rows plus a tantivy index."""

    exact_facet_counts = True

    def __init__(self) -> None:
        self.base = index_dir()

    # -- writes --

    def index(self, items: Iterable[SearchDocument]) -> None:
        documents = list({d.key: d for d in items}.values())
        if not documents:
            return
        keys = [d.key for d in documents]
        staging = _staging_for(self.base)
        if staging is None and not SearchEntry.objects.exists() and live_count(self.base):
            # A new database beside an old folder (db.sqlite3 deleted by hand): its keys name other items.
            self.clear()
        with transaction.atomic():
            SearchEntry.objects.filter(key__in=keys).delete()
            rows = SearchEntry.objects.bulk_create([SearchEntry.for_document(d) for d in documents])
        versions = [(d, int(row.pk)) for d, row in zip(documents, rows, strict=True)]
        if staging is not None:
            for d, entry in versions:
                if d.key in staging.keys:
                    staging.writer.delete_documents_by_term("key", d.key)
                staging.keys.add(d.key)
                staging.writer.add_document(tantivy_document(d, entry))
            return
        try:
            write_live(self.base, versions)
        except IndexBusy as busy:
            _leave_to_catch_up("add", len(versions), busy)

    def remove(self, keys: Iterable[str]) -> None:
        """Forget the items at once: the rows in the caller's transaction, the index now."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return
        SearchEntry.objects.filter(key__in=keys).delete()
        staging = _staging_for(self.base)
        if staging is not None:
            for key in keys:
                if key in staging.keys:
                    staging.writer.delete_documents_by_term("key", key)
                    staging.keys.discard(key)
        try:
            delete_live(self.base, keys)
        except IndexBusy as busy:  # the rows are gone: no hit shows the items meanwhile
            _leave_to_catch_up("remove", len(keys), busy)

    def clear(self) -> None:
        SearchEntry.objects.all().delete()
        if _staging_for(self.base) is not None:
            return  # the new generation starts empty
        try:
            with _write_lock(self.base):
                target = _live_target(self.base, create=False)
                if target is not None:
                    _point_current(self.base, _new_generation(self.base))
        except IndexBusy as busy:  # the catch-up drops every version the database no longer has
            _leave_to_catch_up("clear", live_count(self.base), busy)

    @contextlib.contextmanager
    def rebuilding(self) -> Iterator[None]:
        """Write this thread's ``index`` calls into a new generation; make it live at the end.

        Until then searches read the old generation. On an error the new one is dropped, as it is when
        the write lock is not had within ``SWAP_TIMEOUT``. Writes from other processes meanwhile go to
        the old generation and are lost with it: a rebuild re-reads everything from the database, and on
        SQLite it holds the database's write lock throughout.
        """
        if _staging_for(self.base) is not None:  # nested: the outer rebuild swaps
            yield
            return
        self.base.mkdir(parents=True, exist_ok=True)
        path = _new_generation(self.base, "build-")
        writer = tantivy.Index.open(str(path)).writer(heap_size=REBUILD_HEAP, num_threads=REBUILD_THREADS)
        staging = _Staging(threading.get_ident(), path, writer)
        with _lock:
            _staging[(str(self.base), staging.thread)] = staging
        try:
            yield
            _commit(writer)
            with _write_lock(self.base, SWAP_TIMEOUT):
                live = path.rename(self.base / path.name.removeprefix("build-"))
                _point_current(self.base, live)
        except BaseException:
            with contextlib.suppress(Exception):
                writer.rollback()
            shutil.rmtree(path, ignore_errors=True)
            raise
        finally:
            with _lock:
                _staging.pop((str(self.base), staging.thread), None)

    # -- catching up with the database --

    def lag(self, *, full: bool = False) -> IndexLag:
        """What the live index lacks or holds beyond the ``SearchEntry`` rows.

        The index is read first, then the database: a version the index holds was committed before it
        was written (the tasks write in autocommit), so it is stale only if the database has let it go.
        A write inside a longer transaction is the exception: dropped as stale before that transaction
        commits, its version is missing at the next catch-up, which adds it back (and a rebuild's few
        milliseconds between its swap and its commit look like a lost index, which is rebuilt).
        Ranges of ``LAG_BUCKET`` row ids are compared by count and sum of ids on both sides (one
        aggregation, one grouped query); only where those differ, or everywhere with ``full``, are the
        (id, key) pairs read and compared.
        """
        searcher = _searcher(self.base)
        indexed = _index_buckets(searcher) if searcher is not None else {}
        counts = (
            SearchEntry.objects.order_by()
            .annotate(bucket=F("pk") / LAG_BUCKET)
            .values("bucket")
            .annotate(n=Count("pk"), total=Sum("pk"))
        )
        stored = {int(row["bucket"]): (int(row["n"]), int(row["total"])) for row in counts}
        entries = sum(n for n, _ in stored.values())
        lag = IndexLag(entries=entries, indexed=int(searcher.num_docs) if searcher is not None else 0)
        if searcher is None:
            lag.absent = True
            return lag
        for bucket in sorted(stored.keys() | indexed.keys()):
            if not full and stored.get(bucket) == indexed.get(bucket):
                continue
            low, high = bucket * LAG_BUCKET, (bucket + 1) * LAG_BUCKET
            held = _index_versions(searcher, low, high, indexed.get(bucket, (0, 0))[0])
            rows = set(
                SearchEntry.objects.filter(pk__gte=low, pk__lt=high).values_list("pk", "key").iterator()
            )
            lag.missing.extend(sorted(key for _, key in rows - held))
            lag.stale.extend(sorted(held - rows))
        return lag

    def drop(self, versions: Sequence[tuple[int, str]]) -> None:
        """Take these (entry, key) versions out of the live index (``lag().stale``); ``IndexBusy`` if the
        lock is not had in time."""
        drop_live(self.base, versions)

    # -- reads --

    def search(
        self, query: ParsedQueryLike, *, filters: SearchFilters, offset: int, limit: int
    ) -> SearchResults:
        offset = max(offset, 0)
        searcher = _searcher(self.base)
        if searcher is None or limit <= 0:
            return SearchResults()
        strict = build_query(searcher, query, boosts=True)
        if strict is None:
            return SearchResults()
        restrict = filter_query(filters)
        rows, total = _top(searcher, _filtered(strict, restrict), offset + limit)
        relaxed = _relaxed_query(searcher, query, total, limit)
        if relaxed is None:
            hits, gone = _hits(searcher, rows[offset : offset + limit], query)
            return SearchResults(hits=hits, total=total - gone)
        more, found = _top(searcher, _filtered(relaxed, restrict), offset + limit + len(rows))
        seen = {row.address for row in rows}
        merged = [*rows, *(row for row in more if row.address not in seen)][offset : offset + limit]
        hits, gone = _hits(searcher, merged, query)
        return SearchResults(hits=hits, total=max(total, found) - gone, relaxed=found > total)

    def facet_counts(self, query: ParsedQueryLike, *, filters: SearchFilters) -> dict[str, dict[str, int]]:
        """Hits per facet value under the strict match; one aggregation per distinct set of filters."""
        counts: dict[str, dict[str, int]] = {name: {} for name in _FACET_FIELDS}
        searcher = _searcher(self.base)
        match = build_query(searcher, query, boosts=False) if searcher is not None else None
        if searcher is None or match is None:
            return counts
        by_filters: dict[SearchFilters, list[str]] = {}
        for name, (_, filter_name) in _FACET_FIELDS.items():
            own = replace(filters, **{filter_name: _EMPTY_FILTER[filter_name]})
            by_filters.setdefault(own, []).append(name)
        for own, names in by_filters.items():
            aggregations = {
                name: {"terms": {"field": _FACET_FIELDS[name][0], "size": 1000}} for name in names
            }
            answer = searcher.aggregate(_filtered(match, filter_query(own)), aggregations)
            for name in names:
                buckets = answer.get(name, {}).get("buckets", [])
                values = [(str(_int_or_str(b["key"])), int(b["doc_count"])) for b in buckets]
                counts[name] = {v: n for v, n in sorted(values, key=lambda vn: (-vn[1], vn[0])) if v}
        return counts


@dataclass
class IndexLag:
    """``TantivyBackend.lag()``: how the live index differs from the ``SearchEntry`` rows."""

    entries: int  # SearchEntry rows
    indexed: int  # documents in the live index
    absent: bool = False  # no live index (never written, deleted, or of another SCHEMA_VERSION)
    missing: list[str] = field(default_factory=list)  # keys whose row's version the index lacks
    stale: list[tuple[int, str]] = field(default_factory=list)  # (entry, key) versions no row has

    @property
    def in_step(self) -> bool:
        return not self.absent and not self.missing and not self.stale


def _index_buckets(searcher: tantivy.Searcher) -> dict[int, tuple[int, int]]:
    """Documents and the sum of their ``entry`` per range of ``LAG_BUCKET`` ids, as the index holds them."""
    if not searcher.num_docs:
        return {}
    histogram = {
        "histogram": {"field": "entry", "interval": LAG_BUCKET},
        "aggs": {"s": {"sum": {"field": "entry"}}},
    }
    answer = searcher.aggregate(Query.all_query(), {"b": histogram})
    return {
        int(b["key"]) // LAG_BUCKET: (int(b["doc_count"]), int(b["s"]["value"]))
        for b in answer.get("b", {}).get("buckets", [])
        if b["doc_count"]
    }


def _index_versions(searcher: tantivy.Searcher, low: int, high: int, count: int) -> set[tuple[int, str]]:
    """The (entry, key) pairs of the documents whose ``entry`` is in ``[low, high)``."""
    if not count:
        return set()
    within = Query.range_query(SCHEMA, "entry", tantivy.FieldType.Integer, low, high, include_upper=False)
    addresses = [address for _, address in searcher.search(within, count, count=False).hits]
    entries = searcher.fast_field_values("entry", addresses) if addresses else []
    return {
        (int(entry or 0), str(searcher.doc(address).get_first("key")))
        for address, entry in zip(addresses, entries, strict=True)
    }


def _leave_to_catch_up(action: str, count: int, busy: IndexBusy) -> None:
    """A write that gave up on the lock: say so, and have the catch-up task run later where the task
    backend can defer (the worker's database backend); elsewhere ``manage.py search_index_catch_up``."""
    logger.warning(
        "Search index busy: %s of %d item(s) not written after waiting %.1f s (%s); "
        "left to the catch-up (manage.py search_index_catch_up).",
        action,
        count,
        lock_timeout(),
        busy,
    )
    from congtin.search.tasks import search_catch_up_task

    if search_catch_up_task.get_backend().supports_defer:
        later = timezone.now() + dt.timedelta(seconds=CATCH_UP_DELAY)
        search_catch_up_task.using(run_after=later).enqueue()


def _commit(writer: tantivy.IndexWriter) -> None:
    writer.commit()
    writer.wait_merging_threads()  # releases tantivy's own lock before ours


def _int_or_str(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


# -- queries -----------------------------------------------------------------------------------------

Query = tantivy.Query
Occur = tantivy.Occur


def _words(name: str, words: Sequence[str], boost: float = 1.0) -> tantivy.Query:
    query = (
        Query.term_query(SCHEMA, name, words[0])
        if len(words) == 1
        else Query.phrase_query(SCHEMA, name, list(words))
    )
    return Query.boost_query(query, boost) if boost != 1.0 else query


def _prefix(prefix: str) -> tantivy.Query:
    # ``clean_term`` leaves word characters only: nothing in ``prefix`` is regex syntax.
    return Query.regex_query(SCHEMA, "all", f"{prefix}.*")


def _common_pairs(searcher: tantivy.Searcher, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    limit = PAIR_SHARE * searcher.num_docs
    return [pair for pair in pairs if min(searcher.doc_freq("all", w) for w in pair) <= limit]


def build_query(searcher: tantivy.Searcher, query: ParsedQueryLike, *, boosts: bool) -> tantivy.Query | None:
    """The strict match: every group and prefix, or one of the symbol keys; minus the excluded groups.

    ``boosts`` adds the optional clauses that only change the order (title, pairs, whole phrase, typed
    accents); without them, the query to count and facet with. None when nothing positive is left.
    """
    groups, prefixes = query_terms(query)
    clauses: list[tuple[Any, tantivy.Query]] = [(Occur.Must, _words("all", g)) for g in groups]
    clauses += [(Occur.Must, _prefix(p)) for p in prefixes]
    if clauses and boosts:
        clauses += [(Occur.Should, _words("title", g, TITLE_BOOST)) for g in groups]
        clauses += [(Occur.Should, _words("all", p)) for p in _common_pairs(searcher, adjacent_pairs(groups))]
        words = [w for g in groups for w in g]
        if len(words) > 2:
            clauses.append((Occur.Should, _words("all", words[:MAX_TERMS], PHRASE_BOOST)))
        exact = [e for e in (" ".join(exact_text(str(x)).split()) for x in exact_terms(query)) if e]
        clauses += [(Occur.Should, _words("exact", e.split()[:MAX_TERMS])) for e in exact[:MAX_TERMS]]
    symbols = [(Occur.Should, _words("keys", [key_token(k)], KEYS_BOOST)) for k in query_symbol_keys(query)]
    if not clauses and not symbols:
        return None
    match = Query.boolean_query(clauses) if clauses else None
    if symbols:
        match = Query.boolean_query(([(Occur.Should, match)] if match is not None else []) + symbols)
    assert match is not None  # noqa: S101 - clauses or symbols
    return _without_excluded(match, query)


def _without_excluded(match: tantivy.Query, query: ParsedQueryLike) -> tantivy.Query:
    excluded = excluded_groups(query)
    if not excluded:
        return match
    return Query.boolean_query([(Occur.Must, match), *((Occur.MustNot, _words("all", g)) for g in excluded)])


def _relaxed_query(
    searcher: tantivy.Searcher, query: ParsedQueryLike, strict_total: int, limit: int
) -> tantivy.Query | None:
    """The relaxed match of the SQLite backend (``build_relaxed_match``), with tantivy's exact counts.

    Three or four units: all but one. Five or more: any of the rarer units within ``RELAXED_POSTINGS``
    (``choose_terms``), or the rarest three together when even the rarest is common (``crowded``). Pairs
    and typed accents only add to the score; a pair counts only when neither word is very common.
    """
    found = relaxed_query(query, strict_total, limit)
    if found is None:
        return None
    counts = {w: searcher.doc_freq("all", w) for w in found.words}
    units = found.units
    need = len(units) - 1 if found.combinations else 1
    if not found.combinations:
        units = choose_terms(counts, found.units, RELAXED_POSTINGS)
        if crowded(counts, units, RELAXED_POSTINGS):
            units = choose_terms(counts, found.units, 0, least=CROWDED_UNITS)
            need = len(units)
    symbols = [(Occur.Should, _words("keys", [key_token(k)], KEYS_BOOST)) for k in query_symbol_keys(query)]
    if not units:
        return _without_excluded(Query.boolean_query(symbols), query) if symbols else None
    chosen = {w for unit in units for w in unit.split()}
    pairs = [
        pair
        for pair in found.pairs
        if chosen & set(pair) and max(counts.get(w, 0) for w in pair) <= PAIR_POSTINGS
    ]
    match = Query.boolean_query(
        [(Occur.Should, _words("all", u.split())) for u in units], minimum_number_should_match=need
    )
    clauses: list[tuple[Any, tantivy.Query]] = [(Occur.Must, match)]
    clauses += [(Occur.Should, _words("title", u.split(), TITLE_BOOST)) for u in units]
    clauses += [(Occur.Should, _words("all", pair)) for pair in pairs]
    exact = [e for e in found.exact if fold(e.split()[0]) in chosen]
    clauses += [(Occur.Should, _words("exact", e.split())) for e in exact]
    relaxed = Query.boolean_query(clauses)
    if symbols:
        relaxed = Query.boolean_query([(Occur.Should, relaxed), *symbols])
    return _without_excluded(relaxed, query)


def filter_query(filters: SearchFilters) -> tantivy.Query | None:
    """The filters as one query that matches or not and adds nothing to the score; None for none."""
    parts: list[tantivy.Query] = []
    if filters.content_types:
        parts.append(
            Query.boolean_query(
                [(Occur.Should, Query.term_query(SCHEMA, "content_type", c)) for c in filters.content_types]
            )
        )
    if filters.path_prefix:
        parts.append(Query.term_query(SCHEMA, "paths", filters.path_prefix))
    if filters.section_id is not None:
        parts.append(Query.term_query(SCHEMA, "section", int(filters.section_id)))
    if filters.document_type:
        parts.append(Query.term_query(SCHEMA, "document_type", filters.document_type))
    if filters.year is not None:
        parts.append(Query.term_query(SCHEMA, "year", int(filters.year)))
    if filters.published_after is not None:
        after = _published(filters.published_after)
        parts.append(Query.range_query(SCHEMA, "published", tantivy.FieldType.Integer, after, None))
    if filters.published_before is not None:
        before = _published(filters.published_before)
        parts.append(
            Query.range_query(
                SCHEMA, "published", tantivy.FieldType.Integer, NO_DATE + 1, before, include_upper=False
            )
        )
    if not parts:
        return None
    return Query.const_score_query(Query.boolean_query([(Occur.Must, p) for p in parts]), 0.0)


def _filtered(match: tantivy.Query, restrict: tantivy.Query | None) -> tantivy.Query:
    return match if restrict is None else Query.boolean_query([(Occur.Must, match), (Occur.Must, restrict)])


# -- results ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    address: tuple[int, int]
    score: float
    published: int
    doc: Any  # tantivy.DocAddress


def _top(searcher: tantivy.Searcher, query: tantivy.Query, wanted: int) -> tuple[list[_Row], int]:
    """The ``wanted`` best rows, newer first on equal scores, and how many items match.

    tantivy breaks ties by its own document order, so when the score at the page's edge is shared by
    every row read past it, the group may go on beyond them: it is read whole (up to ``TIE_LIMIT``
    rows) before the newest of it are chosen.
    """
    result = searcher.search(query, wanted + TIE_SLACK, count=True)
    hits = result.hits
    if len(hits) == wanted + TIE_SLACK and wanted and hits[wanted - 1][0] == hits[-1][0]:
        result = searcher.search(query, max(wanted + TIE_SLACK, TIE_LIMIT), count=True)
    addresses = [address for _, address in result.hits]
    published = searcher.fast_field_values("published", addresses) if addresses else []
    rows = [
        _Row((a.segment_ord, a.doc), float(score), int(p if p is not None else NO_DATE), a)
        for (score, a), p in zip(result.hits, published, strict=True)
    ]
    rows.sort(key=lambda row: (-row.score, -row.published))
    return rows[:wanted], int(getattr(result, "count", 0) or 0)  # not in tantivy's stub


def _hits(
    searcher: tantivy.Searcher, rows: Sequence[_Row], query: ParsedQueryLike
) -> tuple[list[SearchHit], int]:
    """Rows as hits from their ``SearchEntry`` (one query), and how many rows were dropped because the
    database no longer holds them (taken out while the index was busy, rolled back): not counted."""
    keys = [str(searcher.doc(row.doc).get_first("key")) for row in rows]
    entries = {
        entry["key"]: entry for entry in SearchEntry.objects.filter(key__in=keys).values(*ENTRY_FIELDS)
    }
    hits = entry_hits(((entries.get(key), row.score) for key, row in zip(keys, rows, strict=True)), query)
    return hits, len(rows) - len(hits)
