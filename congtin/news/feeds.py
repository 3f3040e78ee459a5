"""RSS 2.0 feeds of published articles: the whole site (``/rss/``) and each section (``<section>/rss/``).

Feeds read ``queries.feed_articles`` only, so they show exactly what the public listings show (live,
not withdrawn, no view restriction) and run a constant number of queries whatever their length: the
items' sections come from one query on their parents' tree paths, not one ``get_parent`` each.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from congtin.core.models import JournalSettings
from congtin.news import queries

if TYPE_CHECKING:
    from wagtail.models import Page

    from congtin.news.models import ArticlePage

FEED_LENGTH = 30


class VietnameseRssFeed(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"


class ArticleFeed(Feed):
    """One feed object per request: the page it belongs to and the request are set by ``serve_feed``."""

    feed_type = VietnameseRssFeed
    language = "vi"

    def __init__(self, *, page: Page, request: HttpRequest, site_page: Page) -> None:
        super().__init__()
        self.page = page
        self.request = request
        self.site_page = site_page
        self._sections: dict[str, str] = {}

    def title(self) -> str:
        name = JournalSettings.for_request(self.request).journal_name or self.site_page.title
        if self.page.pk == self.site_page.pk:
            return name
        return f"{self.page.title} - {name}"

    def link(self) -> str:
        return self.page.get_url(self.request) or "/"

    def description(self) -> str:
        intro = getattr(self.page, "intro", "")
        return intro or _("Tin bài mới nhất của %(name)s") % {"name": self.page.title}

    def items(self) -> list[ArticlePage]:
        articles = list(queries.feed_articles(within=self.page, limit=FEED_LENGTH))
        self._sections = queries.parent_titles(articles)
        return articles

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.summary

    def item_link(self, item: ArticlePage) -> str:
        return item.get_url(self.request) or ""

    def item_guid(self, item: ArticlePage) -> str:
        return self.request.build_absolute_uri(self.item_link(item))

    def item_pubdate(self, item: ArticlePage) -> dt.datetime | None:
        return timezone.localtime(item.first_published_at) if item.first_published_at else None

    def item_updateddate(self, item: ArticlePage) -> dt.datetime | None:
        return timezone.localtime(item.last_published_at) if item.last_published_at else None

    def item_author_name(self, item: ArticlePage) -> str:
        return item.byline_text

    def item_categories(self, item: ArticlePage) -> list[str]:
        section = self._sections.get(item.path[: -item.steplen])
        return [section] if section else []


def serve_feed(request: HttpRequest, *, page: Page) -> HttpResponse:
    site = page.get_site()
    site_page = site.root_page if site is not None else page
    feed: Any = ArticleFeed(page=page, request=request, site_page=site_page)
    return feed(request)
