"""On SQLite, the embedded default, the lean path's reads use indexes and sort no section (decision 0026).

SQLite plans a statement from the schema alone until someone runs ANALYZE, which neither ``make run``
nor Django does: its plan for a statement does not depend on how many rows the test wrote, so the plans
checked here are the ones a site with 10,000 articles gets. Each test serves a page twice and asks SQLite
how it would run every statement of the second request (the first also renders the parts kept between
requests).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congtin.news.models import ArticlePage
from congtin.news.queries import section_article_count
from congtin.news.tests.factories import SectionPageFactory
from congtin.news.tests.helpers import published_article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans"),
]

OLD = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def _plans(client, url: str) -> list[tuple[str, list[str]]]:
    """Each statement the lean path runs for ``url`` that reads page rows, with SQLite's plan for it."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if "wagtailcore_page" not in sql:
                continue
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            plans.append((sql, [row[3] for row in cursor.fetchall()]))
    assert plans, url
    return plans


def _assert_no_scan_or_sort_of_page_rows(plans: list[tuple[str, list[str]]]) -> None:
    for sql, steps in plans:
        for step in steps:
            # A whole table read, or an index read in full only to be sorted: a section's worth of rows.
            assert not (re.match(r"SCAN [apq]\b", step) and "USING" not in step), (step, sql)
            assert "TEMP B-TREE" not in step or "news_article_top_story" in " ".join(steps), (step, sql)


@pytest.fixture
def tree(site_tree):
    """Two sections, one with a subsection, articles in each, and a top story older than the rest."""
    sub = SectionPageFactory(parent=site_tree.news, title="Địa phương")
    published_article(site_tree.research, when=OLD, title="Bài nổi bật cũ", is_top_story=True)
    for i in range(6):
        published_article(site_tree.news, when=OLD + dt.timedelta(days=i + 1), title=f"Tin {i}")
        published_article(sub, when=OLD + dt.timedelta(days=i + 1, hours=1), title=f"Tin địa phương {i}")
        published_article(site_tree.research, when=OLD + dt.timedelta(days=i + 1), title=f"Nghiên cứu {i}")
    return site_tree


def test_an_article_is_found_by_its_slug_and_its_section_neighbours_by_the_date_index(client, tree):
    article = ArticlePage.objects.child_of(tree.news).live().first()
    plans = _plans(client, article.url)
    assert len(plans) == 1  # the lean path's article with "Tin tức cùng chuyên mục", in one statement
    ((_sql, steps),) = plans
    assert any("wagtailcore_page_slug" in step for step in steps), steps
    assert any("wagtailcore_page_first_published_at" in step for step in steps), steps
    _assert_no_scan_or_sort_of_page_rows(plans)


def test_a_section_lists_by_the_date_index_and_counts_its_articles_on_one_index(client, tree):
    for i in range(10):
        published_article(tree.news, when=OLD + dt.timedelta(days=10 + i), title=f"Tin thêm {i}")
    plans = _plans(client, tree.news.url)
    assert len(plans) == 1  # the newest articles with the listings version; the count is kept
    steps = plans[0][1]
    assert any("wagtailcore_page_first_published_at" in step for step in steps), steps
    _assert_no_scan_or_sort_of_page_rows(plans)
    html = client.get(tree.news.url).content.decode()
    assert "Tin địa phương 5" in html  # a subsection's articles are the section's too
    assert "Trang 1/2" in html  # 21 after the featured one

    # The count, run by the first reader at a listings version, reads the section's range of one index,
    # not every article's row.
    with CaptureQueriesContext(connection) as captured:
        count = section_article_count(
            section_id=tree.news.pk,
            path=tree.news.path,
            depth=tree.news.depth,
            version=-1,
            structure_version="",
        )
    assert count == 22
    (query,) = captured.captured_queries
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
        steps = [row[3] for row in cursor.fetchall()]
    assert any(
        "COVERING INDEX news_page_listing (content_type_id=? AND path>? AND path<?)" in step for step in steps
    ), steps


def test_the_home_page_reads_its_top_stories_from_their_index_however_old(client, tree):
    plans = _plans(client, "/")
    assert len(plans) == 1  # one statement: the top stories, the newest others, each section's newest
    steps = plans[0][1]
    # Not a walk down the date index to 2020: the top stories' own partial index, the few of them sorted;
    # every other arm walks the date index, sorting nothing.
    assert any("news_article_top_story" in step for step in steps), steps
    assert sum("wagtailcore_page_first_published_at" in step for step in steps) >= 3, steps
    assert sum("TEMP B-TREE" in step for step in steps) <= 1, steps
    _assert_no_scan_or_sort_of_page_rows(plans)
    html = client.get("/").content.decode()
    top = html.split('class="top-stories"', 1)[1].split("</section>", 1)[0]
    assert "Bài nổi bật cũ" in top
