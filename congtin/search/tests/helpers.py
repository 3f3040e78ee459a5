"""Test helpers: searching the way the search page will, and publishing the way the admin does."""

from __future__ import annotations

from typing import Any

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
