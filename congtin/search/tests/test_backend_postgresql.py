"""PostgreSQL only: the matching table split by id range (docs/decisions/0025)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, transaction

from congtin.search.backends import get_backend
from congtin.search.backends.base import SearchDocument, SearchFilters
from congtin.search.backends.postgresql import PARTITION_SIZE
from congtin.search.tests.helpers import search
from congtin.vietnamese import VIETNAM_TZ
from congtin.vietnamese.query import parse_query

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="search_match exists on PostgreSQL only"),
]

DAY = dt.datetime(2024, 5, 1, 8, tzinfo=VIETNAM_TZ)


def _document(
    n: int,
    title: str,
    *,
    body: str = "Nội dung về cải cách hành chính.",
    content_type: str = "test.item",
    year: int = 2024,
) -> SearchDocument:
    return SearchDocument(
        key=f"{content_type}:{n}",
        content_type=content_type,
        title=title,
        body=body,
        published_at=DAY,
        year=year,
    )


def _partitions() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname FROM pg_class WHERE relname ~ '^search_match_[0-9]+$'")
        return {row[0] for row in cursor.fetchall()}


def test_items_written_across_a_partition_boundary_are_all_found_newest_first() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM search_searchentry")
        start = (cursor.fetchone()[0] // PARTITION_SIZE + 1) * PARTITION_SIZE - 3
        cursor.execute(f"ALTER SEQUENCE search_searchentry_id_seq RESTART WITH {start}")
    get_backend().index(_document(n, f"Cải cách hành chính số {n}") for n in range(6))
    assert f"search_match_{(start + 5) // PARTITION_SIZE}" in _partitions()

    for _ in range(2):  # the first search learns the newest partition, the second uses it
        results = search("cai cach hanh chinh")
        assert results.total == 6
        # Equal scores: the newest first, whichever partition holds it.
        assert [hit.title for hit in results.hits] == [
            f"Cải cách hành chính số {n}" for n in range(5, -1, -1)
        ]

    get_backend().remove(f"test.item:{n}" for n in range(3, 6))
    assert search("cai cach hanh chinh").total == 3


def test_the_facets_counted_with_the_search_are_those_of_facet_counts() -> None:
    backend = get_backend()
    backend.index(
        [
            *(_document(n, f"Cải cách số {n}", year=2023) for n in range(3)),
            *(_document(n, f"Cải cách văn bản {n}", content_type="test.other") for n in range(2)),
            _document(9, "Thời tiết", body="Trời nắng."),
        ]
    )
    query = parse_query("cai cach")
    results = backend.search(query, filters=SearchFilters(), offset=0, limit=10)
    assert results.facets is not None
    assert results.facets == backend.facet_counts(query, filters=SearchFilters())
    assert results.facets["content_type"] == {"test.item": 3, "test.other": 2}
    assert results.facets["year"] == {"2023": 3, "2024": 2}
    # With a filter the page asks facet_counts, which counts each facet under the other filters.
    assert backend.search(query, filters=SearchFilters(year=2023), offset=0, limit=10).facets is None


def test_emptying_the_entries_with_truncate_empties_the_matching_table() -> None:
    get_backend().index([_document(1, "Cải cách")])
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE search_searchentry")
        cursor.execute("SELECT (SELECT count(*) FROM search_match), (SELECT count(*) FROM search_term)")
        assert cursor.fetchone() == (0, 0)
    assert search("cai cach").total == 0
    get_backend().index([_document(1, "Cải cách")])
    assert search("cai cach").total == 1


def _term_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT term, docs FROM search_term WHERE docs > 0")
        return dict(cursor.fetchall())


def test_a_rebuild_counts_the_terms_once_at_the_end_as_item_by_item_writes_count_them() -> None:
    """The IDF weights of the ranking read ``search_term``: a rebuild, which leaves it alone while it writes,
    must end with the same counts as writes made one by one (and a rebuild inside another counts once)."""
    backend = get_backend()
    items = [
        _document(1, "Cải cách hành chính", body="Chính phủ ban hành Nghị định 09/2017/NĐ-CP."),
        _document(2, "Tinh giản biên chế", body="Bộ Nội vụ hướng dẫn tinh giản biên chế."),
        _document(
            3, "Cải cách tiền lương", body="Cải cách tiền lương từ năm 2024.", content_type="test.other"
        ),
    ]
    for item in items:
        backend.index([item])
    backend.remove(["test.item:2"])
    backend.index([items[1]])
    one_by_one = _term_counts()
    assert one_by_one[""] == 3 and one_by_one["cai"] == 2

    with backend.rebuilding():
        backend.clear()
        with backend.rebuilding():
            backend.index(items[:2])
        assert _term_counts() == {}  # nothing counted while the rebuild writes
        backend.index(items[2:])
    assert _term_counts() == one_by_one
    assert search("cai cach").total == 2


def test_a_rebuild_that_fails_leaves_the_old_counts() -> None:
    backend = get_backend()
    backend.index([_document(1, "Cải cách hành chính")])
    before = _term_counts()
    with pytest.raises(RuntimeError), transaction.atomic(), backend.rebuilding():
        backend.clear()
        backend.index([_document(2, "Tinh giản biên chế")])
        raise RuntimeError("the database went away")
    assert _term_counts() == before
