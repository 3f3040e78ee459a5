"""What the tantivy catch-up costs: ``TantivyBackend.lag()`` on N ``SearchEntry`` rows and their index.

    DATABASE_URL=sqlite:////tmp/ct-catch-up.sqlite3 python -m bench.search.catch_up --size 200000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ct_x_bench python -m bench.search.catch_up --size 200000

Migrates the database named (a throwaway one: its ``SearchEntry`` rows are replaced), writes N rows of
the corpus's average size (about 900 characters of body, as at a million items in decision 0024) and an
index of them straight through ``write_live``, then times ``lag()`` in step, with the index lacking a
batch of 500 versions (a crash) and holding 500 the database let go (removals that gave up), and with
``full``. CPU time of this process (the database's own, on PostgreSQL, is not in it) and wall time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BODY = ("Ủy ban nhân dân tỉnh triển khai cải cách thủ tục hành chính, " * 15).strip()


def _timed(label: str, call: Callable[[], Any]) -> Any:
    cpu, wall = time.process_time(), time.perf_counter()
    result = call()
    cpu_ms, wall_ms = 1000 * (time.process_time() - cpu), 1000 * (time.perf_counter() - wall)
    sys.stdout.write(f"{label:<44} cpu {cpu_ms:8.1f} ms  wall {wall_ms:8.1f} ms\n")
    return result


def _expect(condition: bool, lag: Any) -> None:
    if not condition:
        raise SystemExit(f"lag() did not find what was done to the index: {lag}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congtin.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from congtin.search.backends.base import SearchDocument
    from congtin.search.backends.tantivy import TantivyBackend, delete_live, write_live
    from congtin.search.models import SearchEntry

    settings.CONGTIN_SEARCH_INDEX_DIR = tempfile.mkdtemp(prefix="ct-catch-up-")
    call_command("migrate", verbosity=0)
    SearchEntry.objects.all().delete()
    base = Path(settings.CONGTIN_SEARCH_INDEX_DIR)
    batch = 10_000
    for start in range(0, args.size, batch):
        documents = [
            SearchDocument(key=f"bench.item:{n}", content_type="bench.item", title=f"Tin số {n}", body=BODY)
            for n in range(start, min(start + batch, args.size))
        ]
        rows = SearchEntry.objects.bulk_create([SearchEntry.for_document(d) for d in documents])
        write_live(base, [(d, int(r.pk)) for d, r in zip(documents, rows, strict=True)])
    backend = TantivyBackend()
    sys.stdout.write(
        f"{args.size} rows, database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}\n"
    )
    lag = _timed("lag() in step", backend.lag)
    _expect(lag.in_step, lag)
    lost = list(SearchEntry.objects.order_by("-pk").values_list("key", flat=True)[:500])
    delete_live(base, lost)  # a crashed batch: rows without their index documents
    let_go = list(SearchEntry.objects.order_by("pk").values_list("pk", flat=True)[:500])
    SearchEntry.objects.filter(pk__in=let_go).delete()  # removals whose index delete gave up
    lag = _timed("lag() with 500 missing and 500 stale", backend.lag)
    _expect(len(lag.missing) == 500 and len(lag.stale) == 500, lag)
    lag = _timed("lag(full=True)", lambda: backend.lag(full=True))
    _expect(len(lag.missing) == 500 and len(lag.stale) == 500, lag)
    _timed("drop() of the 500 stale versions", lambda: backend.drop(lag.stale))
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
