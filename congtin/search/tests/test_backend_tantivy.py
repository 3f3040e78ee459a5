"""What only the tantivy backend has to get right: its folder, one writer at a time, rebuilds swapped in."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.utils.module_loading import import_string

from congtin.search.backends import BY_VENDOR, get_backend
from congtin.search.backends.base import SearchDocument
from congtin.search.backends.tantivy import (
    TantivyBackend,
    default_index_dir,
    delete_live,
    index_dir,
    live_count,
    write_live,
)
from congtin.search.tests.helpers import found_titles, search
from congtin.vietnamese import VIETNAM_TZ

pytestmark = pytest.mark.django_db

DAY = dt.datetime(2024, 5, 1, 8, tzinfo=VIETNAM_TZ)


@pytest.fixture(autouse=True)
def _tantivy(settings: Any) -> None:
    settings.CONGTIN_SEARCH_BACKEND = BY_VENDOR["sqlite"]


def _doc(n: int, title: str, body: str = "Nội dung.") -> SearchDocument:
    return SearchDocument(
        key=f"test.item:{n}", content_type="test.item", title=title, body=body, published_at=DAY
    )


def test_the_index_lives_beside_the_sqlite_file_unless_a_folder_is_set(settings: Any) -> None:
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/ct/db.sqlite3"}
    assert default_index_dir(sqlite, Path("/srv/ct")) == Path("/srv/ct/db.search-index")
    postgresql = {"ENGINE": "django.db.backends.postgresql", "NAME": "congtin"}
    assert default_index_dir(postgresql, Path("/srv/ct")) == Path("/srv/ct/var/search-index")
    settings.CONGTIN_SEARCH_INDEX_DIR = "/var/lib/congtin/search"
    assert index_dir() == Path("/var/lib/congtin/search")


def test_the_embedded_default_is_tantivy(settings: Any) -> None:
    assert import_string(BY_VENDOR["sqlite"]) is TantivyBackend
    settings.CONGTIN_SEARCH_BACKEND = ""
    assert isinstance(get_backend(), import_string(BY_VENDOR[connection.vendor]))


def test_nothing_indexed_yet_finds_nothing_and_writes_nothing() -> None:
    assert search("to chuc").total == 0
    assert get_backend().facet_counts(_parsed("to chuc"), filters=_no_filters())["year"] == {}
    get_backend().remove(["test.item:1"])
    assert not index_dir().exists()


def test_tantivy_query_syntax_typed_by_a_reader_is_plain_text() -> None:
    get_backend().index([_doc(1, "Tổ chức nhà nước", "Title và all là chữ thường.")])
    for query in (
        "title:to",
        "all:*",
        "to^3 chuc",
        "to~2",
        "[a TO z]",
        "{a TO z}",
        "key:test.item:1",
        "/to.*/",
    ):
        search(query)  # never raises
    assert found_titles("title: to chuc") == ["Tổ chức nhà nước"]  # "title" is a word of the body


def _rebuild_nothing(folder: str) -> None:
    backend = TantivyBackend()
    backend.base = Path(folder)
    with backend.rebuilding():
        pass


def test_a_rebuild_is_built_aside_and_swapped_in_at_the_end(settings: Any) -> None:
    backend = TantivyBackend()
    backend.index([_doc(1, "Tin cũ về thuế"), _doc(2, "Tin cũ khác")])
    with backend.rebuilding():
        backend.clear()
        TantivyBackend().index([_doc(3, "Tin mới về thuế")])  # another instance, as services use
        assert live_count(index_dir()) == 2  # readers still have the whole old index
        # Another rebuild (of nothing) finishing meanwhile swaps its own index in, and leaves this one be.
        other = threading.Thread(target=_rebuild_nothing, args=(settings.CONGTIN_SEARCH_INDEX_DIR,))
        other.start()
        other.join(60)
        assert live_count(index_dir()) == 0
    assert live_count(index_dir()) == 1
    assert found_titles("thue") == ["Tin mới về thuế"]
    generations = [p for p in index_dir().iterdir() if p.is_dir() and not p.is_symlink()]
    assert len(generations) == 1  # the old one is gone


def test_a_failed_rebuild_leaves_the_old_index_in_place() -> None:
    backend = TantivyBackend()
    backend.index([_doc(1, "Tin cũ về thuế")])
    with pytest.raises(RuntimeError), backend.rebuilding():
        backend.index([_doc(2, "Tin dở dang về thuế")])
        raise RuntimeError("the database went away")
    assert live_count(index_dir()) == 1
    assert found_titles("thue") == ["Tin cũ về thuế"]
    assert len([p for p in index_dir().iterdir() if p.is_dir() and not p.is_symlink()]) == 1


def test_an_entry_the_database_no_longer_holds_is_never_shown() -> None:
    from congtin.search.models import SearchEntry

    get_backend().index([_doc(1, "Tin về thuế")])
    SearchEntry.objects.all().delete()  # e.g. a rolled-back save that reached the index
    assert search("thue").hits == []


def _write_many(base: str, first: int, ready: Any) -> None:
    ready.wait()
    for n in range(first, first + 15):
        write_live(Path(base), [(_doc(n, f"Tin số {n}"), n)])


def test_two_processes_writing_at_once_wait_for_each_other_and_lose_nothing() -> None:
    base = index_dir()
    write_live(base, [(_doc(0, "Tin đầu"), 1)])
    assert live_count(base) == 1
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    writers = [context.Process(target=_write_many, args=(str(base), first, ready)) for first in (100, 200)]
    for process in writers:
        process.start()
    ready.set()
    for process in writers:
        process.join(120)
        assert process.exitcode == 0
    assert live_count(base) == 31  # this process's reader noticed the others' commits
    delete_live(base, ["test.item:100", "test.item:999"])
    assert live_count(base) == 30


def _parsed(q: str) -> Any:
    from congtin.vietnamese.query import parse_query

    return parse_query(q)


def _no_filters() -> Any:
    from congtin.search.backends.base import SearchFilters

    return SearchFilters()


def test_a_new_database_beside_an_old_index_folder_starts_the_index_afresh() -> None:
    from congtin.search.models import SearchEntry

    get_backend().index([_doc(1, "Tin của cơ sở dữ liệu cũ")])
    SearchEntry.objects.all().delete()  # db.sqlite3 deleted by hand, the folder left beside it
    get_backend().index([_doc(2, "Tin mới")])
    assert live_count(index_dir()) == 1
    assert found_titles("tin") == ["Tin mới"]


def test_a_live_index_deleted_under_a_reader_finds_nothing_instead_of_failing(caplog: Any) -> None:
    get_backend().index([_doc(1, "Tin về thuế")])
    assert found_titles("thue") == ["Tin về thuế"]
    shutil.rmtree(index_dir() / os.readlink(index_dir() / "current"))  # by hand, or a swap racing a read
    assert search("thue").hits == []
    assert "could not be opened" in caplog.text
    get_backend().index([_doc(2, "Tin mới về thuế")])  # the next write starts a new generation
    assert found_titles("thue") == ["Tin mới về thuế"]
