"""A section's "Trang 1/N" comes from a count kept per listings version, counted again after every change to
which articles are live under it, not on every request (decision 0026)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from congtin.core import structure
from congtin.core.models import DataVersion
from congtin.frontcache.tests.conftest import needs_redis
from congtin.frontcache.tests.stack import Redis
from congtin.news import queries
from congtin.news.models import ArticlePage
from congtin.news.tests.editorial import clock_at
from congtin.news.tests.factories import ArticlePageFactory, SectionPageFactory
from congtin.news.tests.helpers import published_article
from congtin.news.tests.test_fastpath import _assert_same, _normal

pytestmark = pytest.mark.django_db

PAGES = re.compile(r"Trang 1/(\d+)")
COUNT_SQL = "FROM wagtailcore_page q"  # news.queries.section_count_sql


def _listed(section, n: int, **kwargs: object) -> list[ArticlePage]:
    """``n`` live articles, created live as an import would (each save raises the listings version)."""
    return [ArticlePageFactory(parent=section, title=f"Bài {section.slug} {i}", **kwargs) for i in range(n)]


def _pages(client, url: str) -> tuple[int, int]:
    """The number of pages the lean path (``url``) and the normal path (``url?trang=1``) print."""
    lean = client.get(url)
    normal = client.get(url + "?trang=1")
    assert lean.status_code == normal.status_code == 200
    found = [PAGES.search(r.content.decode()) for r in (lean, normal)]
    return tuple(int(m.group(1)) if m else 1 for m in found)  # type: ignore[return-value]


def _counts(captured: CaptureQueriesContext) -> int:
    """Count statements among the captured queries (a prepared one is logged without its text: the lean
    path prepares only its listings)."""
    sqls = [q["sql"] or "" for q in captured.captured_queries]
    return sum(COUNT_SQL in sql or 'COUNT(*) AS "__count"' in sql for sql in sqls)


def _version() -> int | None:
    return queries.listings_version()


def test_a_warm_count_costs_the_section_page_no_count_statement_on_either_path(client, site_tree):
    _listed(site_tree.news, 27)
    url = site_tree.news.url
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    assert _counts(cold) == 1  # the first reader at this version counts
    with CaptureQueriesContext(connection) as warm:
        lean = client.get(url)
    assert len(warm) == 1 and _counts(warm) == 0  # the listing alone, the listings version in it
    assert "Trang 1/2" in lean.content.decode()
    with CaptureQueriesContext(connection) as normal_queries:
        normal = _normal(client, url)
    assert _counts(normal_queries) == 0  # the normal path finds the lean path's count
    _assert_same(lean, normal, url)


def test_a_small_section_prints_its_rows_without_a_count_or_a_cache_read(client, site_tree):
    _listed(site_tree.news, 20)
    url = site_tree.news.url
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert len(captured) == 1 and _counts(captured) == 0
    assert "Trang 1/" not in response.content.decode()  # 19 after the featured one: one page
    assert not [key for key in cache._cache if "section-count" in key]  # type: ignore[attr-defined]


def test_the_page_count_follows_publishing_unpublishing_deleting_and_moving_an_article(client, site_tree):
    news, research = site_tree.news, site_tree.research
    _listed(news, 41)  # 40 listed after the featured one: 2 pages
    _listed(research, 3)
    url = news.url
    assert _pages(client, url) == (2, 2)
    assert _pages(client, url) == (2, 2)  # warm

    extra = published_article(news, title="Bài thứ 42")
    assert _pages(client, url) == (3, 3)
    ArticlePage.objects.get(pk=extra.pk).unpublish()
    assert _pages(client, url) == (2, 2)
    extra.refresh_from_db()
    extra.save_revision().publish()
    assert _pages(client, url) == (3, 3)
    ArticlePage.objects.get(pk=extra.pk).delete()
    assert _pages(client, url) == (2, 2)

    moved = ArticlePage.objects.child_of(research).first()
    moved.move(news, pos="last-child")
    assert _pages(client, url) == (3, 3)
    ArticlePage.objects.get(pk=moved.pk).move(research, pos="last-child")
    assert _pages(client, url) == (2, 2)


def test_a_subsection_moved_or_deleted_takes_its_articles_count_with_it(client, site_tree):
    news = site_tree.news
    _listed(news, 35)
    sub = SectionPageFactory(parent=site_tree.research, title="Địa phương")
    _listed(sub, 10)
    url = news.url
    assert _pages(client, url) == (2, 2)  # 34 listed
    sub.move(news, pos="last-child")
    assert _pages(client, url) == (3, 3)  # 44 listed
    sub.refresh_from_db()
    sub.delete()
    assert _pages(client, url) == (2, 2)


def test_scheduled_publishing_and_expiry_change_the_count_when_they_fire(client, site_tree):
    news = site_tree.news
    _listed(news, 41)  # 40 listed after the featured one: 2 pages
    url = news.url
    later = ArticlePageFactory(parent=news, live=False, title="Bài hẹn giờ")
    later.go_live_at = timezone.now() + dt.timedelta(hours=1)
    later.save_revision().publish()
    assert not ArticlePage.objects.get(pk=later.pk).live
    assert _pages(client, url) == (2, 2)

    with clock_at(timezone.now() + dt.timedelta(hours=2)):
        call_command("publish_scheduled", verbosity=0)
    assert ArticlePage.objects.get(pk=later.pk).live
    assert _pages(client, url) == (3, 3)  # 41 listed

    ArticlePage.objects.filter(pk=later.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=1))
    call_command("publish_scheduled", verbosity=0)
    assert not ArticlePage.objects.get(pk=later.pk).live
    assert _pages(client, url) == (2, 2)


def test_a_count_kept_in_the_cache_is_read_until_the_listings_version_moves(client, site_tree):
    news = site_tree.news
    _listed(news, 30)
    url = news.url
    # 100 listed: 5 pages
    cache.set(queries.section_count_key(news.pk, _version(), structure.version()), 101, None)
    assert _pages(client, url) == (5, 5)
    # Saving a draft moves nothing between listings; publishing does.
    draft = ArticlePage.objects.child_of(news).first()
    draft.title = "Bản nháp mới"
    draft.save_revision()
    assert _pages(client, url) == (5, 5)
    draft.save_revision().publish()
    assert _pages(client, url) == (2, 2)


def test_the_listings_version_is_raised_in_the_transaction_of_the_change(site_tree):
    article = ArticlePageFactory(parent=site_tree.news, live=False)
    before = _version()
    with transaction.atomic():
        article.save_revision().publish()
        inside = _version()
        transaction.set_rollback(True)
    assert inside is not None and inside != before
    assert _version() == before  # undone with the publication it went with
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_a_section_with_a_view_restriction_in_it_counts_only_what_it_lists_on_the_normal_path(
    client, site_tree
):
    from wagtail.models import PageViewRestriction

    news = site_tree.news
    _listed(news, 30)
    hidden = SectionPageFactory(parent=news, title="Nội bộ")
    _listed(hidden, 15)
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    # 29 public articles listed after the featured one: 2 pages, not the 3 of all 44 listed.
    assert _pages(client, news.url) == (2, 2)


@needs_redis
def test_with_redis_down_the_section_page_counts_as_before(client, site_tree):
    news = site_tree.news
    _listed(news, 41)
    server = Redis().start()
    try:
        location = {"default": {"BACKEND": "congtin.core.cache.ResilientRedisCache", "LOCATION": server.url}}
        with override_settings(CACHES=location):
            assert _pages(client, news.url) == (2, 2)
            assert any("section-count" in key.decode() for key in _redis_keys(server))
            server.kill()
            assert _pages(client, news.url) == (2, 2)
            published_article(news, title="Bài khi Redis ngừng")
            with CaptureQueriesContext(connection) as captured:
                assert _pages(client, news.url) == (3, 3)
            # Without the cache each request has a structure version of its own: each counts, as before.
            assert _counts(captured) == 2
    finally:
        server.stop()


def _redis_keys(server: Redis) -> list[bytes]:
    import redis

    return list(redis.Redis.from_url(server.url).keys("*"))


def test_the_listings_counter_is_a_named_data_version(site_tree):
    published_article(site_tree.news)
    assert DataVersion.objects.get(name=structure.LISTINGS_DATA).counter > 0
