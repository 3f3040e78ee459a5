"""``manage.py search_index_catch_up``: bring the search index back in line with its ``SearchEntry`` rows.

For the embedded backend (tantivy, decision 0024): run it from cron every few minutes and after any crash
of a web process or the worker; it is cheap when nothing is amiss (one aggregation and one grouped query).
On PostgreSQL and SQLite FTS5 the index is in the database's transactions and there is nothing to do.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from congtin.search.backends.tantivy import IndexBusy
from congtin.search.services import search_catch_up


class Command(BaseCommand):
    help = (
        "Bring congtin's public search index in line with its SearchEntry rows after a crash or a write "
        "that gave up on the index lock (tantivy only)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--full",
            action="store_true",
            help="Compare every (id, key) pair instead of counts and sums per range of ids.",
        )

    def handle(self, *args: Any, full: bool, **options: Any) -> None:
        try:
            done = search_catch_up(full=full)
        except IndexBusy as busy:
            raise CommandError(f"The search index is busy ({busy}); run the command again later.") from busy
        if not done.checked:
            self.stdout.write("This search backend keeps its index in the database: nothing to catch up.")
        elif done.rebuilt is not None:
            self.stdout.write(self.style.SUCCESS(f"No usable index: rebuilt with {done.rebuilt} items."))
        elif done.added or done.dropped:
            self.stdout.write(
                self.style.WARNING(
                    f"Caught up: {len(done.added)} item(s) re-checked and written, "
                    f"{done.dropped} stale version(s) taken out."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS("The search index is in step with the database."))
