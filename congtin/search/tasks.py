"""Background work for the search index. Tasks take keys, never objects: they re-read the database."""

from __future__ import annotations

from django_tasks import task

from congtin.search import services


@task()
def search_update_task(keys: list[str]) -> None:
    services.search_update(keys)


@task()
def search_update_subtree_task(page_id: int) -> None:
    services.search_update_subtree(page_id)


@task()
def search_catch_up_task() -> None:
    """Enqueued, deferred, by a write that gave up on the tantivy index's lock."""
    services.search_catch_up()
