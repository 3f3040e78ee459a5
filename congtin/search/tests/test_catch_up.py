"""The tantivy index heals itself: after a crash between a save's rows and its index commit, after a
write that gave up on a lock another process held, and after a save rolled back once it reached the index.

Nothing here is simulated but the crash itself in ``test_an_item_whose_index_write_never_happened_…``
(the row is written the way the backend writes it, and the index write never runs); the lock is held
by a real process, and on PostgreSQL a real process is killed between its commit and its index write.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connections, transaction

from congtin.search import services
from congtin.search.backends import BY_VENDOR, SQLITE_FTS5
from congtin.search.backends.tantivy import TantivyBackend, index_dir, live_count
from congtin.search.models import SearchEntry
from congtin.search.tests.helpers import found_titles, paragraphs, published, search

pytestmark = pytest.mark.django_db

# A process that takes the index's write lock, says so, and keeps it until its standard input closes.
HOLD_LOCK = (
    "import fcntl, sys\n"
    "handle = open(sys.argv[1], 'a')\n"
    "fcntl.flock(handle, fcntl.LOCK_EX)\n"
    "print('held', flush=True)\n"
    "sys.stdin.read()\n"
)


@pytest.fixture(autouse=True)
def _tantivy(settings: Any) -> None:
    settings.CONGTIN_SEARCH_BACKEND = BY_VENDOR["sqlite"]
    settings.CONGTIN_SEARCH_LOCK_TIMEOUT = 0.3


@contextlib.contextmanager
def lock_held_by_another_process() -> Iterator[None]:
    folder = index_dir()
    folder.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", HOLD_LOCK, str(folder / "write.lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.stdin.close()
        holder.wait(30)


def catch_up(*options: str) -> str:
    out = io.StringIO()
    call_command("search_index_catch_up", *options, stdout=out)
    return out.getvalue()


def test_an_index_in_step_is_left_alone(site_tree: Any, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        published(site_tree.news, title="Hội nghị về cải cách hành chính")
    assert "in step" in catch_up()
    assert "in step" in catch_up("--full")
    assert found_titles("cai cach") == ["Hội nghị về cải cách hành chính"]


def test_an_item_whose_index_write_never_happened_is_found_after_the_catch_up(
    site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        kept = published(site_tree.news, title="Tin đã có về thuế")
    with django_capture_on_commit_callbacks(execute=False):  # the indexing task dies with its process...
        lost = published(site_tree.news, title="Tin mới về thuế", body=paragraphs("Biểu thuế mới."))
    key = f"news.articlepage:{lost.pk}"
    # ...after the backend's first half: the row committed, the index commit never made.
    SearchEntry.objects.create(key=key, content_type="news.articlepage", title=lost.title)
    assert found_titles("thue") == [kept.title]

    assert "1 item(s) re-checked" in catch_up()

    assert sorted(found_titles("thue")) == sorted([kept.title, lost.title])
    assert found_titles("bieu thue moi") == [lost.title]  # written from the page, not the bare row
    assert "in step" in catch_up()


def test_a_write_that_waits_too_long_for_the_lock_returns_and_is_indexed_by_the_catch_up(
    site_tree: Any, django_capture_on_commit_callbacks: Any, caplog: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        published(site_tree.news, title="Tin đầu tiên")
    with lock_held_by_another_process():
        with django_capture_on_commit_callbacks(execute=True):  # the task runs and gives up...
            page = published(site_tree.news, title="Tin về cải cách thủ tục")
        # ...and returns while the other process still holds the lock.
        assert "Search index busy: add of 1 item(s)" in caplog.text
        assert SearchEntry.objects.filter(key=f"news.articlepage:{page.pk}").exists()
        assert found_titles("cai cach") == []
    assert found_titles("cai cach") == []  # the lock is free again, and nothing retried on its own here
    assert "1 item(s) re-checked" in catch_up()
    assert found_titles("cai cach") == [page.title]


def test_a_removal_that_waits_too_long_is_never_found_and_leaves_the_index_at_the_catch_up(
    site_tree: Any, django_capture_on_commit_callbacks: Any, caplog: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin sắp gỡ về cải cách")
        published(site_tree.news, title="Tin ở lại")
    assert found_titles("cai cach") == [page.title]
    with lock_held_by_another_process(), django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
        assert "Search index busy: remove of 1 item(s)" in caplog.text
        # The index still holds it; the hits are read back from SearchEntry, whose row is gone.
        assert live_count(index_dir()) == 2
        results = search("cai cach")
        assert results.hits == []
        assert results.total == 0  # not "1 result" on an empty page
    assert "1 stale version(s) taken out" in catch_up()
    assert live_count(index_dir()) == 1
    assert found_titles("tin") == ["Tin ở lại"]


def test_a_save_rolled_back_after_it_reached_the_index_is_undone_by_the_catch_up(
    site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin về thuế")
    page.title = "Tin về phí"  # never saved
    with pytest.raises(RuntimeError), transaction.atomic():
        services.search_index_page(page)  # the index is written before the transaction ends...
        raise RuntimeError("...and the transaction rolls back")
    # The reader finds the old row by the new word; the catch-up writes the page as it is in the database.
    assert found_titles("phi") == ["Tin về thuế"]
    assert "1 stale version(s) taken out" in catch_up()
    assert found_titles("phi") == []
    assert found_titles("thue") == ["Tin về thuế"]


def test_a_removal_rolled_back_after_it_left_the_index_is_found_again_after_the_catch_up(
    site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin về thuế")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.search_remove(f"news.articlepage:{page.pk}")  # out of the index at once...
        raise RuntimeError("...and the unpublishing transaction rolls back")
    assert found_titles("thue") == []
    assert "1 item(s) re-checked" in catch_up()
    assert found_titles("thue") == ["Tin về thuế"]


def test_without_a_live_index_the_catch_up_rebuilds_it(
    site_tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        published(site_tree.news, title="Tin về thuế")
    # The folder lost, or an upgrade to another SCHEMA_VERSION: nothing readable is left.
    (index_dir() / "current").unlink()
    assert found_titles("thue") == []
    assert "rebuilt with" in catch_up()
    assert found_titles("thue") == ["Tin về thuế"]


def test_a_write_that_gave_up_leaves_a_deferred_catch_up_for_the_worker(
    site_tree: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        page = published(site_tree.news, title="Tin về thuế")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    before = dt.datetime.now(tz=dt.UTC)
    with lock_held_by_another_process():
        TantivyBackend().remove([f"news.articlepage:{page.pk}"])
    (task,) = DBTaskResult.objects.filter(task_path="congtin.search.tasks.search_catch_up_task")
    assert task.run_after > before  # after the lock had time to be let go; the worker runs it then


@pytest.mark.usefixtures("search_backend")
def test_backends_that_index_in_the_database_have_nothing_to_catch_up(search_backend: str) -> None:
    out = catch_up()
    if search_backend in (SQLITE_FTS5, BY_VENDOR["postgresql"]):
        assert "nothing to catch up" in out
    else:
        assert "in step" in out


def _publish_in_a_process_that_dies(section_id: int, title: str) -> None:
    from django.test import override_settings

    from congtin.news.models import SectionPage

    section = SectionPage.objects.get(pk=section_id)
    with override_settings(CONGTIN_SEARCH_LOCK_TIMEOUT=600):
        published(section, title=title)  # the task blocks on the lock after its rows commit
    os._exit(0)  # not reached: the test kills this process first


@pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="the SQLite test database is in memory: another process cannot see it",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_process_killed_between_its_rows_and_its_index_commit_is_healed(site_tree: Any) -> None:
    import fcntl

    kept = published(site_tree.news, title="Tin đã có về thuế")  # indexed at its commit
    folder = index_dir()
    title = "Tin của tiến trình bị dừng về thuế"
    with (folder / "write.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        connections.close_all()  # the child opens its own connection
        child = multiprocessing.get_context("fork").Process(
            target=_publish_in_a_process_that_dies, args=(site_tree.news.pk, title)
        )
        child.start()
        deadline = time.monotonic() + 120
        while not SearchEntry.objects.filter(title=title).exists():
            assert time.monotonic() < deadline and child.is_alive()
            time.sleep(0.05)
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)  # after its rows committed, before its index commit
        child.join(30)
        assert child.exitcode == -signal.SIGKILL
    assert found_titles("thue") == [kept.title]
    assert "1 item(s) re-checked" in catch_up()
    assert sorted(found_titles("thue")) == sorted([kept.title, title])
