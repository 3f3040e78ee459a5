"""After a database restore readers see the restored database, not copies kept from the timeline it undid
(decision 0026, amendment of 2026-11-29, session 7; docs/deployment.md, "Backups and restores").

A restore is played here by putting the rows back as the backup had them -- the changes made since are
undone through the ORM, then the counters set back with ``update`` and the cache's structure version set
back to what the cache held, since neither a restore nor Redis knows of those undoings.
"""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection

from congtin.core import structure
from congtin.core.models import DataVersion, JournalSettings
from congtin.documents import services as document_services
from congtin.documents.choices import DocumentType
from congtin.documents.models import OfficialDocument, Organisation
from congtin.documents.tests.factories import OrganisationFactory
from congtin.frontcache.tests.conftest import needs_redis
from congtin.frontcache.tests.stack import Redis, free_port
from congtin.news.models import ArticlePage, SectionPage
from congtin.news.tests.factories import ArticlePageFactory
from congtin.news.tests.helpers import published_article
from congtin.news.tests.test_section_count import _pages

pytestmark = pytest.mark.django_db

MASTHEAD = "Tạp chí Tổ chức nhà nước"  # the site_tree fixture's


def _restore(counters: dict[str, int], *, cache_version: str) -> None:
    """The counters go back to the backup's; the cache keeps the structure version it held, as Redis does
    through a restore."""
    DataVersion.objects.exclude(name__in=counters).delete()
    for name, counter in counters.items():
        DataVersion.objects.filter(name=name).update(counter=counter)
    cache.set(structure.VERSION_KEY, cache_version, None)


def _counters() -> dict[str, int]:
    return dict(DataVersion.objects.values_list("name", "counter"))


def test_after_a_restore_a_change_elsewhere_never_brings_back_a_section_count_of_the_lost_timeline(
    client, site_tree
):
    news, research = site_tree.news, site_tree.research
    for i in range(41):  # 40 listed after the featured one: 2 pages
        ArticlePageFactory(parent=news, title=f"Bài {i}")
    assert _pages(client, news.url) == (2, 2)
    backup = _counters()

    # The lost timeline: one more article in the section, its count kept for readers (3 pages).
    lost = published_article(news, title="Bài sau bản sao lưu")
    assert _pages(client, news.url) == (3, 3)
    used = _counters()[structure.LISTINGS_DATA]
    cache_version = structure.version()

    ArticlePage.objects.get(pk=lost.pk).delete()
    _restore(backup, cache_version=cache_version)
    # After the restore an editor publishes in another section, as the lost article was published:
    # counted by +1 the listings counter would reach the value it had then, whose count is 3 pages.
    published_article(research, title="Bài ở chuyên mục khác")

    assert _pages(client, news.url) == (2, 2)
    assert _counters()[structure.LISTINGS_DATA] > used


def test_after_a_restore_a_registry_change_never_brings_back_an_article_text_of_the_lost_timeline(
    client, site_tree, registry_page
):
    article = published_article(site_tree.news, title="Bài dẫn văn bản")
    body = [
        {
            "type": "paragraph",
            "id": "7f0c3b9e-0000-4000-8000-000000000002",
            "value": "<p>Theo Nghị định số 09/2017/NĐ-CP về phát ngôn.</p>",
        }
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE news_articlepage SET body = %s WHERE page_ptr_id = %s", [json.dumps(body), article.pk]
        )
    document_services.citations_index(source=ArticlePage.objects.get(pk=article.pk))
    assert "/tiep-can-thong-tin/ky-hieu/" in client.get(article.url).content.decode()
    government = OrganisationFactory(name="Chính phủ")
    backup = _counters()

    def entry(symbol: str, issuer: Organisation) -> OfficialDocument:
        return document_services.document_create(
            doc_type=DocumentType.NGHI_DINH,
            printed_symbol=symbol,
            issuer=issuer,
            issued_on=dt.date(2017, 2, 9),
            summary="Quy định chi tiết",
            is_published=True,
        )

    # The lost timeline: the cited decree joins the registry; the article's kept text links to its page.
    lost = entry("09/2017/NĐ-CP", government)
    assert "/tiep-can-thong-tin/van-ban/09-2017-nd-cp/" in client.get(article.url).content.decode()
    used = _counters()[structure.REGISTRY_DATA]
    cache_version = structure.version()

    lost.delete()
    _restore(backup, cache_version=cache_version)
    # Before any reader opens the article, two other entries are added. Raised by one per change, the
    # counter would be back where the lost entry took it (its save, its citation pointed at it), and the
    # text kept at that version would come back.
    entry("10/2017/NĐ-CP", government)
    entry("11/2017/NĐ-CP", government)

    text = client.get(article.url).content.decode()
    assert "/tiep-can-thong-tin/van-ban/09-2017-nd-cp/" not in text  # a page the database does not have
    assert "/tiep-can-thong-tin/ky-hieu/" in text
    assert _counters()[structure.REGISTRY_DATA] > used


def test_data_changed_creates_a_missing_counter_past_the_clock(site_tree):
    DataVersion.objects.all().delete()
    before = dt.datetime.now(tz=dt.UTC).timestamp() * 1_000_000

    structure.data_changed(structure.LINKS_DATA)

    assert _counters() == {structure.LINKS_DATA: pytest.approx(before, abs=60_000_000)}
    assert _counters()[structure.LINKS_DATA] >= before


def _lost_timeline(client, site_tree) -> dict[str, int]:
    """The backup's site, read by readers; then a lost timeline in which the section was renamed, the
    masthead changed and ten articles published, read by readers too; then the restore. Returns the
    counters the lost timeline had used."""
    news = site_tree.news
    for i in range(41):
        ArticlePageFactory(parent=news, title=f"Bài {i}")
    assert _pages(client, news.url) == (2, 2)
    backup = _counters()

    section = SectionPage.objects.get(pk=news.pk)
    section.title = "Thời sự"
    section.save_revision().publish()
    masthead = JournalSettings.for_site(site_tree.site)
    masthead.journal_name = "Tạp chí của dòng thời gian đã mất"
    masthead.save()
    lost = [published_article(news, title=f"Bài mất {i}").pk for i in range(10)]
    page = client.get(news.url).content.decode()
    assert "Thời sự" in page and "Tạp chí của dòng thời gian đã mất" in page and "Trang 1/3" in page
    used, cache_version = _counters(), structure.version()

    ArticlePage.objects.filter(pk__in=lost).delete()
    SectionPage.objects.filter(pk=news.pk).update(title=news.title, draft_title=news.title)
    JournalSettings.objects.filter(pk=masthead.pk).update(journal_name=MASTHEAD)
    _restore(backup, cache_version=cache_version)
    return used


def test_reset_derived_data_makes_pages_show_the_restored_database(client, site_tree):
    used = _lost_timeline(client, site_tree)
    news = site_tree.news
    stale = client.get(news.url).content.decode()
    # Without the command: the menu and masthead of the lost timeline.
    assert "Thời sự" in stale and "Tạp chí của dòng thời gian đã mất" in stale

    out = StringIO()
    call_command("reset_derived_data", stdout=out)

    for url in ("/", news.url, news.url + "?trang=1"):
        html = client.get(url).content.decode()
        assert "Thời sự" not in html and "Tạp chí của dòng thời gian đã mất" not in html, url
        assert news.title in html and MASTHEAD in html, url
    assert _pages(client, news.url) == (2, 2)
    assert all(_counters()[name] > used.get(name, 0) for name in structure.DATA_KINDS)
    output = out.getvalue()
    assert "Đã nâng phiên bản dữ liệu dẫn xuất" in output
    assert "Đã bắt đầu phiên bản cấu trúc mới" in output
    assert "Chưa cấu hình bộ đệm trước" in output and "nothing to ban" in output
    # The tests' cache is Django's per-process one, as ``make run``'s.
    assert "khởi động lại các tiến trình ứng dụng" in output


def test_reset_derived_data_creates_every_missing_counter(site_tree):
    DataVersion.objects.all().delete()
    out = StringIO()
    call_command("reset_derived_data", stdout=out)
    counters = _counters()
    assert set(counters) == set(structure.DATA_KINDS)
    for name, counter in counters.items():
        assert f"{name} = {counter}" in out.getvalue()


def test_reset_derived_data_fails_when_the_front_cache_cannot_be_reached(site_tree, settings):
    settings.CONGTIN_FRONTCACHE_HOSTS = [f"http://127.0.0.1:{free_port()}"]  # nothing listens there
    before = structure.version()
    out = StringIO()
    with pytest.raises(CommandError, match=r"0/1 .*X-Cache-Tags: site"):
        call_command("reset_derived_data", stdout=out)
    # What needs no front cache was done first.
    assert structure.version() != before
    assert "Đã bắt đầu phiên bản cấu trúc mới" in out.getvalue()


@needs_redis
def test_reset_derived_data_fails_when_redis_cannot_keep_the_new_structure_version(site_tree, settings):
    server = Redis().start()
    try:
        settings.CACHES = {
            "default": {"BACKEND": "congtin.core.cache.ResilientRedisCache", "LOCATION": server.url}
        }
        server.kill()
        with pytest.raises(CommandError, match="REDIS_URL"):
            call_command("reset_derived_data", stdout=StringIO())
    finally:
        server.stop()
