"""Search backends that need Django, as bench engines: Wagtail's default one and the project's own.

* ``wagtail``: ``wagtail.search.backends.database`` (modelsearch) over a one-model app
  (:mod:`bench.search.wagtaildb`).  Documents are written with ``bulk_create`` and indexed with
  ``add_bulk`` in batches of 10,000, not through per-save signals (which refresh the title norms over
  the whole index on every save).
* ``congtin``: ``congtin.search.backends.get_backend()``, fed ``SearchDocument`` batches of 10,000,
  queried with ``congtin.vietnamese.query.parse_query``. ``backend`` names one by its dotted path
  (``CONGTIN_SEARCH_BACKEND``): on SQLite the tantivy default and FTS5 are separate engines. A backend
  with a ``rebuilding()`` context (tantivy) is filled inside it, as ``rebuild_search_index`` does; its
  index folder lies beside the SQLite file and counts in the size.

Django picks a backend's flavour (SQLite FTS5, PostgreSQL) from the default database and is
configured once per process, so each index runs in a child process on a fresh throwaway database::

    python -m bench.search.django_engines   # the child: JSON commands on stdin, JSON answers on stdout
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from bench.search.corpora import REPO

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper

BATCH = 10_000
# Throwaway PostgreSQL databases are named this plus a random suffix (a shared server may reserve names).
# Kept ones (``--keep-dir``), the prefix plus the engine's flavour and the documents' digest.
DB_PREFIX = os.environ.get("CONGTIN_BENCH_DB_PREFIX") or ""
PUBLISHED_FROM = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


class DjangoEngine:
    """Proxy to a child process; ``index`` starts a new child on a new database."""

    def __init__(
        self,
        name: str,
        kind: str,
        vendor: str,
        server_url: str | None = None,
        keep_dir: Path | None = None,
        backend: str = "",
    ) -> None:
        self.name = name
        self.backend = backend  # a dotted path for CONGTIN_SEARCH_BACKEND; "" for the vendor's default
        # ``keep_dir``: keep the project's built index there (SQLite file, or a named PostgreSQL
        # database) and reuse it on the next run with the same documents and migrations.
        self.keep_dir = keep_dir if kind == "congtin" else None
        self.kind = kind  # "wagtail" or "congtin"
        self.vendor = vendor  # "sqlite" or "postgresql"
        self.server_url = server_url  # PostgreSQL: a URL whose user may CREATE DATABASE
        self.child: subprocess.Popen[str] | None = None
        self.tmp: tempfile.TemporaryDirectory[str] | None = None
        self.database: str | None = None
        self.last_index: dict = {}
        # CPU seconds of the last search: the child process plus its PostgreSQL backend.
        self.last_cpu: float | None = None

    def index(self, docs: Iterable[tuple[str, str, str]]) -> None:
        self.close()
        self.tmp = tempfile.TemporaryDirectory(prefix="congtin-bench-")
        tmp = Path(self.tmp.name)
        path = tmp / "docs.jsonl"
        digest = hashlib.sha1(usedforsecurity=False)
        with path.open("w", encoding="utf-8") as f:
            for doc in docs:
                line = json.dumps(doc, ensure_ascii=False) + "\n"
                digest.update(line.encode())
                f.write(line)
        if self.keep_dir is not None:
            self._index_kept(path, digest.hexdigest())
            return
        if self.vendor == "sqlite":
            url = f"sqlite:///{tmp / 'search.sqlite3'}"
        else:
            self.database = f"{DB_PREFIX or 'congtin_bench_'}{uuid.uuid4().hex[:12]}"
            _admin(self.server_url, f'CREATE DATABASE "{self.database}"')
            url = _with_database(self.server_url, self.database)
        self._start(url)
        self.last_index = self._call({"op": "index", "path": str(path)})

    def _index_kept(self, path: Path, docs_digest: str) -> None:
        """Reuse the kept index when its marker names the same documents and migrations, else rebuild it."""
        assert self.keep_dir is not None  # noqa: S101
        self.keep_dir.mkdir(parents=True, exist_ok=True)
        fingerprint = f"{docs_digest}:{_migrations_digest(self.backend)}"
        flavour = self.backend.rsplit(".", 2)[-2] if self.backend else self.vendor
        stem = f"{DB_PREFIX or 'congtin_'}{flavour}_{docs_digest[:10]}"
        marker = self.keep_dir / f"{stem}.json"
        if self.vendor == "sqlite":
            url = f"sqlite:///{self.keep_dir / (stem + '.sqlite3')}"
        else:
            url = _with_database(self.server_url, stem)
        kept = json.loads(marker.read_text()) if marker.is_file() else {}
        if kept.get("fingerprint") == fingerprint:
            self._start(url)
            self._call({"op": "open", "path": str(path)})
            self.last_index = {**kept["index"], "reused": True}
            return
        marker.unlink(missing_ok=True)
        if self.vendor == "sqlite":
            (self.keep_dir / f"{stem}.sqlite3").unlink(missing_ok=True)
            shutil.rmtree(self.keep_dir / f"{stem}.search-index", ignore_errors=True)
        else:
            _admin(self.server_url, f'DROP DATABASE IF EXISTS "{stem}"')
            _admin(self.server_url, f'CREATE DATABASE "{stem}"')
        self._start(url)
        self.last_index = self._call({"op": "index", "path": str(path)})
        marker.write_text(json.dumps({"fingerprint": fingerprint, "index": self.last_index}))

    def _start(self, url: str) -> None:
        env = {**os.environ, "CONGTIN_BENCH_DATABASE_URL": url, "CONGTIN_BENCH_ENGINE": self.kind}
        env["CONGTIN_SEARCH_BACKEND"] = self.backend
        env["DJANGO_SETTINGS_MODULE"] = "bench.search.wagtaildb.settings"
        self.child = subprocess.Popen(
            [sys.executable, "-m", "bench.search.django_engines"],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def search(self, query: str, k: int = 10) -> list[str]:
        answer = self._call({"op": "search", "q": query, "k": k})
        self.last_cpu = answer.get("cpu")
        return answer["ids"]

    def size_bytes(self) -> int:
        return self.last_index.get("size", 0)

    def _call(self, command: dict) -> dict:
        assert self.child is not None and self.child.stdin and self.child.stdout  # noqa: S101
        self.child.stdin.write(json.dumps(command, ensure_ascii=False) + "\n")
        self.child.stdin.flush()
        line = self.child.stdout.readline()
        if not line:
            raise RuntimeError(f"{self.name}: the worker process exited")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"{self.name}: {answer['error']}")
        return answer

    def close(self) -> None:
        if self.child is not None:
            self.child.kill()
            self.child.wait()
            self.child = None
        if self.database is not None:
            _admin(self.server_url, f'DROP DATABASE IF EXISTS "{self.database}"')
            self.database = None
        if self.tmp is not None:
            self.tmp.cleanup()
            self.tmp = None


def _migrations_digest(backend: str = "") -> str:
    """What decides the shape of the project's index: its migrations, and for tantivy (an index outside
    the database) its ``SCHEMA_VERSION``."""
    digest = hashlib.sha1(usedforsecurity=False)
    for path in sorted((REPO / "congtin" / "search" / "migrations").glob("*.py")):
        digest.update(path.read_bytes())
    if backend.startswith("congtin.search.backends.tantivy"):
        source = (REPO / "congtin" / "search" / "backends" / "tantivy.py").read_text(encoding="utf-8")
        digest.update("".join(re.findall(r"^SCHEMA_VERSION = .*$", source, re.MULTILINE)).encode())
    return digest.hexdigest()


def _with_database(url: str | None, database: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url or "")
    return urlunsplit(parts._replace(path=f"/{database}"))


def _admin(url: str | None, sql: str) -> None:
    import psycopg

    with psycopg.connect(url or "", autocommit=True, connect_timeout=5) as conn:
        conn.execute(sql)


def project_backend_available() -> bool:
    """Whether ``congtin.search.backends.get_backend`` exists (it is only imported in the child)."""
    try:
        spec = importlib.util.find_spec("congtin.search.backends")
    except ImportError:
        return False
    return spec is not None and spec.origin is not None and "def get_backend" in Path(spec.origin).read_text()


def postgres_reachable(url: str) -> str | None:
    """None when ``url`` answers and may create databases, else the reason it cannot be used."""
    try:
        import psycopg

        with psycopg.connect(url, autocommit=True, connect_timeout=3) as conn:
            row = conn.execute(
                "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"
            ).fetchone()
            if row is None or not row[0]:
                return "its user may not create databases"
    except Exception as exc:
        return str(exc).splitlines()[0]
    return None


# --- the child process -------------------------------------------------------------------------


def _serve() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)
    engine = _WagtailIndex() if os.environ["CONGTIN_BENCH_ENGINE"] == "wagtail" else _CongtinIndex()
    base_size = _database_size(connection)

    def index(path: str) -> dict:
        t0 = time.perf_counter()
        rebuilding = getattr(getattr(engine, "backend", None), "rebuilding", contextlib.nullcontext)
        with open(path, encoding="utf-8") as f, rebuilding():
            batch: list[tuple[str, str, str]] = []
            for line in f:
                batch.append(tuple(json.loads(line)))
                if len(batch) == BATCH:
                    engine.index(batch)
                    batch = []
            if batch:
                engine.index(batch)
        seconds = time.perf_counter() - t0
        _analyze(connection)
        own = _own_index_size()
        return {"seconds": seconds, "size": _database_size(connection) - base_size + own, "index_size": own}

    for line in sys.stdin:
        command = json.loads(line)
        try:
            if command["op"] == "index":
                answer = index(command["path"])
            elif command["op"] == "open":  # a kept index: only learn the ids
                engine.open(command["path"])
                _analyze(connection)
                answer = {}
            else:
                cpu = _cpu_seconds(connection)
                ids = engine.search(command["q"], command["k"])
                answer = {"ids": ids, "cpu": _cpu_seconds(connection) - cpu}
        except Exception as exc:
            answer = {"error": repr(exc)}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()


class _WagtailIndex:
    def __init__(self) -> None:
        from wagtail.search.backends import get_search_backend

        from bench.search.wagtaildb.models import BenchDocument

        self.model = BenchDocument
        self.backend = get_search_backend()

    def index(self, docs: list[tuple[str, str, str]]) -> None:
        objs = [self.model(doc_id=i, title=t, body=b) for i, t, b in docs]
        self.backend.add_bulk(self.model, self.model.objects.bulk_create(objs))

    def open(self, path: str) -> None:
        """A kept index: Wagtail's rows are in the kept database already, nothing to load."""

    def search(self, q: str, k: int) -> list[str]:
        return [doc.doc_id for doc in self.backend.search(q, self.model)[:k]]


class _CongtinIndex:
    def __init__(self) -> None:
        from congtin.search.backends import get_backend

        self.backend = get_backend()
        self.ids: list[str] = []
        self.cleared = False

    def open(self, path: str) -> None:
        with open(path, encoding="utf-8") as f:
            self.ids = [json.loads(line)[0] for line in f]

    def index(self, docs: list[tuple[str, str, str]]) -> None:
        from congtin.search.backends.base import SearchDocument

        if not self.cleared:
            self.backend.clear()
            self.cleared = True
        items = []
        for doc_id, title, body in docs:
            # Published one minute apart in the corpus's order: newer first on equal scores, as on a site.
            when = PUBLISHED_FROM + dt.timedelta(minutes=len(self.ids))
            n = len(self.ids)
            items.append(
                SearchDocument(f"bench.document:{n}", "bench.document", title, body, published_at=when)
            )
            self.ids.append(doc_id)
        self.backend.index(items)

    def search(self, q: str, k: int) -> list[str]:
        from congtin.search.backends.base import SearchFilters
        from congtin.vietnamese.query import parse_query

        results = self.backend.search(parse_query(q), filters=SearchFilters(), offset=0, limit=k)
        return [self.ids[int(hit.key.rpartition(":")[2])] for hit in results.hits]


def _analyze(connection: BaseDatabaseWrapper) -> None:
    """Planner statistics, as autovacuum would have them on a live site after a rebuild."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _cpu_seconds(connection: BaseDatabaseWrapper) -> float:
    """CPU time of this process (SQLite runs in it) plus, on PostgreSQL, of its server backend."""
    seconds = time.process_time()
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # a server on another machine: only this process is counted
            return seconds
        seconds += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return seconds


def _own_index_size() -> int:
    """Bytes of the backend's index outside the database (tantivy's folder), 0 for the others."""
    from congtin.search.backends import get_backend

    if not hasattr(get_backend(), "rebuilding"):
        return 0
    from congtin.search.backends.tantivy import index_dir

    return sum(f.stat().st_size for f in index_dir().rglob("*") if f.is_file())


def _database_size(connection: BaseDatabaseWrapper) -> int:
    if connection.vendor == "sqlite":
        connection.close()
        return Path(connection.settings_dict["NAME"]).stat().st_size
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


if __name__ == "__main__":
    _serve()
