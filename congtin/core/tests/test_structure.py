"""The cached site structure behind menus, breadcrumbs and registry links (decision 0023): a reader never
sees a stale menu, and publishing an article does not make every worker read the structure again."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from congtin.core import structure
from congtin.core.models import JournalSettings
from congtin.news.tests.factories import SectionPageFactory
from congtin.news.tests.helpers import published_article

pytestmark = pytest.mark.django_db


def menu(html: str) -> list[str]:
    nav = html.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="[^"]*"[^>]*>([^<]+)</a>', nav)


def crumbs(html: str) -> list[str]:
    trail = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r"<li[^>]*>(?:<a [^>]*>)?([^<]+)", trail)


def test_a_renamed_section_shows_its_new_name_in_the_menu_and_breadcrumbs_at_once(client, site_tree):
    article = published_article(site_tree.news, title="Bài về cải cách")
    assert site_tree.news.title in menu(client.get(article.url).content.decode())

    site_tree.news.title = "Thời sự"
    site_tree.news.save_revision().publish()

    html = client.get(article.url).content.decode()
    assert "Thời sự" in menu(html)
    assert crumbs(html)[:2] == ["Trang chủ", "Thời sự"]


def test_an_unpublished_section_leaves_the_menu_and_a_new_one_joins_it(client, site_tree):
    client.get("/")
    site_tree.research.unpublish()
    added = SectionPageFactory(parent=site_tree.home, title="Chuyển đổi số", show_in_menus=True)
    added.save_revision().publish()

    names = menu(client.get("/").content.decode())
    assert site_tree.research.title not in names
    assert "Chuyển đổi số" in names


def test_a_section_closed_to_the_public_is_not_in_the_menu(client, site_tree):
    client.get("/")
    PageViewRestriction.objects.create(page=site_tree.research, restriction_type="login")

    assert site_tree.research.title not in menu(client.get("/").content.decode())


def test_publishing_an_article_keeps_the_structure_cached(client, site_tree):
    first = published_article(site_tree.news, title="Bài thứ nhất")
    client.get(first.url)
    with CaptureQueriesContext(connection) as before:
        client.get(first.url)

    published_article(site_tree.news, title="Bài thứ hai")
    with CaptureQueriesContext(connection) as after:
        html = client.get(first.url).content.decode()

    assert len(after) == len(before)  # the structure was not read again
    assert "Bài thứ hai" in html  # while "Tin tức cùng chuyên mục" is read fresh


def test_a_new_masthead_shows_on_the_next_page(client, site_tree):
    assert "Tạp chí Tổ chức nhà nước" in client.get("/").content.decode()
    settings = JournalSettings.for_site(site_tree.site)
    settings.journal_name = "Cổng thông tin điện tử Bộ Nội vụ"
    settings.save()

    html = client.get("/").content.decode()
    assert "Cổng thông tin điện tử Bộ Nội vụ" in html and "Tạp chí Tổ chức nhà nước" not in html


def test_a_process_full_of_old_snapshots_keeps_the_ones_a_page_just_read(client, site_tree, monkeypatch):
    # A long-running worker holds snapshots of many earlier versions: the oldest of them make way for the
    # snapshots a page reads, which must not push one another out (a flaky query count in whole-suite
    # runs until session 9).
    old = {("structure", 0, f"old-{n}"): object() for n in range(structure.LOCAL_ENTRIES - 1)}
    monkeypatch.setattr(structure, "_local", old)
    published_article(site_tree.news, title="Bài đầu")
    client.get("/rss/")
    with CaptureQueriesContext(connection) as second:
        client.get("/rss/")
    with CaptureQueriesContext(connection) as third:
        client.get("/rss/")

    assert len(second) == len(third)
    assert len(structure._local) <= structure.LOCAL_ENTRIES
