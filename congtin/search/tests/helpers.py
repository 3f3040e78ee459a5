"""Test helpers: searching the way the search page will, and publishing the way the admin does."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from congtin.documents.models import OfficialDocument
from congtin.news.models import ArticlePage, SectionPage
from congtin.news.tests.factories import ArticlePageFactory
from congtin.search.backends.base import SearchFilters, SearchResults
from congtin.search.queries import search_public


def search(q: str, *, limit: int = 20, **filters: Any) -> SearchResults:
    return search_public(q, filters=SearchFilters(**filters), per_page=limit)


def found_titles(q: str, **filters: Any) -> list[str]:
    return [hit.title for hit in search(q, **filters).hits]


def published(section: SectionPage, **fields: Any) -> ArticlePage:
    """An article published the way the admin publishes: a draft, then its revision published."""
    page = ArticlePageFactory(parent=section, live=False, first_published_at=None, **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def paragraphs(*texts: str) -> list[dict[str, str]]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


# 09/06/2021 03:41 in Hà Nội.
PUBLISHED = dt.datetime(2021, 6, 8, 20, 41, tzinfo=dt.UTC)


@dataclass
class Corpus:
    """The search page tests' items (the ``corpus`` fixture)."""

    news_article: ArticlePage
    research_article: ArticlePage
    theory: SectionPage
    theory_article: ArticlePage
    decree: OfficialDocument
    circular: OfficialDocument


def article(section: SectionPage, title: str, *texts: str, when: dt.datetime = PUBLISHED) -> ArticlePage:
    page: ArticlePage = ArticlePageFactory(
        parent=section, title=title, body=paragraphs(*texts), first_published_at=when, summary="Bài viết."
    )
    return page
