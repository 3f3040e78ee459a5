from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from congtin.news.services import article_withdraw
from congtin.news.tests.factories import ArticlePageFactory, SectionPageFactory
from congtin.news.tests.helpers import published_article
from congtin.vietnamese import VIETNAM_TZ

pytestmark = pytest.mark.django_db


def vn(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VIETNAM_TZ)


def _items(response) -> list[dict[str, object]]:
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own output)
    assert channel is not None
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "description": item.findtext("description"),
            "pubDate": item.findtext("pubDate"),
            "categories": [c.text for c in item.findall("category")],
        }
        for item in channel.findall("item")
    ]


def test_site_feed_lists_published_articles_newest_first_with_summary_section_and_date(client, site_tree):
    published_article(site_tree.news, when=vn(2021, 6, 9, 3, 41), title="Bài cũ", summary="Sa-pô bài cũ.")
    published_article(site_tree.research, when=vn(2021, 6, 10, 8, 0), title="Bài mới về đơn vị hành chính")

    response = client.get("/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    items = _items(response)
    assert [i["title"] for i in items] == ["Bài mới về đơn vị hành chính", "Bài cũ"]
    assert items[1]["description"] == "Sa-pô bài cũ."
    assert items[1]["categories"] == ["Tin tức - Sự kiện"]
    assert items[0]["categories"] == ["Nghiên cứu - Trao đổi"]
    # RFC 822 date in Vietnam time.
    assert items[1]["pubDate"] == "Wed, 09 Jun 2021 03:41:00 +0700"
    assert str(items[1]["link"]).startswith("http://testserver/tin-tuc-su-kien/")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own output)
    assert channel is not None and channel.findtext("title") == "Tạp chí Tổ chức nhà nước"
    assert channel.findtext("language") == "vi"


def test_section_feed_holds_only_that_section_and_its_subsections(client, site_tree):
    sub = SectionPageFactory(parent=site_tree.news, title="Địa phương")
    published_article(site_tree.news, title="Tin của chuyên mục")
    published_article(sub, title="Tin của chuyên mục con")
    published_article(site_tree.research, title="Tin chuyên mục khác")

    response = client.get(site_tree.news.url + "rss/")

    assert response.status_code == 200
    assert sorted(str(i["title"]) for i in _items(response)) == [
        "Tin của chuyên mục",
        "Tin của chuyên mục con",
    ]


def test_feeds_never_carry_drafts_scheduled_withdrawn_or_restricted_articles(client, site_tree, staff):
    published_article(site_tree.news, title="Bài công khai")
    ArticlePageFactory(parent=site_tree.news, live=False, title="Bản nháp")
    scheduled = ArticlePageFactory(parent=site_tree.news, live=False, title="Bài hẹn giờ")
    scheduled.go_live_at = dt.datetime(2099, 1, 1, tzinfo=VIETNAM_TZ)
    scheduled.save_revision().publish()
    withdrawn = published_article(site_tree.news, title="Bài đã gỡ")
    withdrawn.refresh_from_db()
    article_withdraw(article=withdrawn, reason="Sai sự thật", user=staff.editor_in_chief)
    internal = SectionPageFactory(parent=site_tree.home, title="Nội bộ")
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.GROUPS).groups.set(
        [Group.objects.first()]
    )
    published_article(internal, title="Bài nội bộ")

    titles = [i["title"] for i in _items(client.get("/rss/"))]

    assert titles == ["Bài công khai"]


def test_feed_queries_do_not_grow_with_its_length(client, site_tree):
    published_article(site_tree.news, title="Bài 0")
    client.get("/rss/")  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as few:
        client.get("/rss/")
    for n in range(1, 6):
        published_article(site_tree.research if n % 2 else site_tree.news, title=f"Bài {n}")
    with CaptureQueriesContext(connection) as more:
        response = client.get("/rss/")

    assert len(_items(response)) == 6
    # Both lists in the message: in whole-suite runs the count once differed by one query, the site's home
    # page read again after the process's full snapshot memory was emptied (mended in session 9, 0023).
    assert len(more) == len(few), (
        [q["sql"][:160] for q in few.captured_queries],
        [q["sql"][:160] for q in more.captured_queries],
    )


def test_home_and_section_pages_advertise_their_feed(client, site_tree):
    home_html = client.get("/").content.decode()
    section_html = client.get(site_tree.news.url).content.decode()

    assert 'type="application/rss+xml"' in home_html and 'href="/rss/"' in home_html
    assert f'href="{site_tree.news.url}rss/"' in section_html
