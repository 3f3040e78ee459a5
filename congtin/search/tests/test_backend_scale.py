"""Bounded work on large matches (docs/decisions/0021), on whichever backend the test database selects."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from congtin.search.backends import SQLITE_FTS5, get_backend
from congtin.search.backends.base import TOTAL_LIMIT, SearchDocument
from congtin.search.tests.helpers import found_titles, search
from congtin.vietnamese import VIETNAM_TZ

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]

DAY = dt.datetime(2024, 5, 1, 8, tzinfo=VIETNAM_TZ)


def _index(docs: list[tuple[str, str]]) -> None:
    # Indexed in order: the last one is the newest.
    get_backend().index(
        SearchDocument(
            key=f"test.item:{n}",
            content_type="test.item",
            title=title,
            body=body,
            published_at=DAY + dt.timedelta(minutes=n),
        )
        for n, (title, body) in enumerate(docs, start=1)
    )


def test_an_old_item_holding_the_query_as_a_phrase_is_found_among_many_newer_matches() -> None:
    old = ("Bản tin sáng", "Ủy ban nhân dân tỉnh họp bàn kế hoạch phòng chống bão lũ năm nay.")
    newer = [
        (f"Tin {n}", "Kế hoạch của ủy ban; nhân dân góp ý về việc phòng bão và chống lũ ở tỉnh.")
        for n in range(700)
    ]
    _index([old, *newer])
    results = search("ke hoach phong chong bao lu", limit=10)
    assert results.total == 701
    assert results.hits[0].title == "Bản tin sáng"


def test_a_long_query_counts_only_items_holding_every_word() -> None:
    docs = [(f"Tòa án nhân dân tối cao số {n}", "Hướng dẫn xét xử vụ án hành chính.") for n in range(5)]
    docs += [(f"Tòa án tối cao {n}", "Hướng dẫn xét xử vụ án hình sự.") for n in range(5)]  # no "nhan dan"
    _index(docs)
    results = search("toa an nhan dan toi cao huong dan xet xu", limit=5)  # a full page: no relaxed part
    assert results.total == 5
    assert not results.relaxed
    assert all("nhân dân" in hit.title for hit in results.hits)


def test_counting_stops_past_the_limit_and_the_page_still_fills() -> None:
    _index([(f"Cải cách hành chính {n}", "Cải cách hành chính nhà nước.") for n in range(TOTAL_LIMIT + 5)])
    results = search("cai cach", limit=20)
    assert results.total > TOTAL_LIMIT
    assert len(results.hits) == 20
    # The newest items come first among equals.
    assert results.hits[0].title == f"Cải cách hành chính {TOTAL_LIMIT + 4}"


def test_sqlite_ranks_a_strict_match_as_fts5_bm25_would(search_backend: str) -> None:
    if search_backend != SQLITE_FTS5:
        pytest.skip("FTS5's bm25() exists on the SQLite FTS5 backend only")
    from congtin.search.backends.sqlite import FTS_TABLE, WEIGHTS, build_match
    from congtin.vietnamese.query import parse_query

    _index(
        [
            ("Tổ chức nhà nước", "Bộ máy tổ chức nhà nước gồm các cơ quan."),
            ("Nhà nước và tổ chức", "Nhà nước ban hành luật về tổ chức."),
            ("Tin ngắn", "Tổ chức họp về nhà nước pháp quyền, tổ chức bầu cử, nhà nước."),
            ("Tổ chức", "Tổ chức xã hội và nhà nước cùng tham gia; nhà nước quản lý."),
        ]
    )
    query = parse_query("tổ chức nhà nước")
    rank = f"bm25({FTS_TABLE}, {', '.join(str(w) for w in WEIGHTS)})"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.title FROM {FTS_TABLE} JOIN search_searchentry e ON e.id = {FTS_TABLE}.rowid "  # noqa: S608
            f"WHERE {FTS_TABLE} MATCH %s ORDER BY {rank}, e.id DESC",
            [build_match(query)],
        )
        expected = [title for (title,) in cursor.fetchall()]
    assert found_titles("tổ chức nhà nước") == expected
