"""``manage.py rebuild_search_index``: refill congtin's public search index from the database.

No clash with Wagtail 8: its commands are ``update_index``/``wagtail_update_index`` and modelsearch's
``rebuild_modelsearch_index``; they rebuild the admin search index, which this one leaves alone.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from congtin.search.services import DEFAULT_BATCH_SIZE, search_rebuild


class Command(BaseCommand):
    help = "Empty and refill the public search index (congtin.search) in batches, with a progress bar."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        started = time.monotonic()
        interactive = self.stdout.isatty()

        def progress(done: int, total: int) -> None:
            width = 30
            filled = width * done // total if total else width
            bar = "#" * filled + "-" * (width - filled)
            ending = "\r" if interactive and done < total else "\n"
            self.stdout.write(f"[{bar}] {done}/{total}", ending=ending)
            self.stdout.flush()

        count = search_rebuild(batch_size=max(batch_size, 1), progress=progress)
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} public items in {time.monotonic() - started:.1f} s.")
        )
