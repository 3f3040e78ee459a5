"""Reads of the public search index, for the search page, the API and feeds."""

from __future__ import annotations

from congtin.search.backends import get_backend
from congtin.search.backends.base import SearchFilters, SearchResults
from congtin.vietnamese.query import parse_query

MAX_PAGE = 50  # deeper paging is what crawlers do, not readers; every page costs a full ranking
DEFAULT_PER_PAGE = 20


def search_public(
    q: str, *, filters: SearchFilters | None = None, page: int = 1, per_page: int = DEFAULT_PER_PAGE
) -> SearchResults:
    """Public items matching what the reader typed, best first; empty for a query with nothing to find.

    Never raises on the query text: ``parse_query`` reads anything, and backends bind every value.
    """
    parsed = parse_query(q)
    if parsed.is_empty:
        return SearchResults()
    page = min(max(page, 1), MAX_PAGE)
    per_page = min(max(per_page, 1), 100)
    return get_backend().search(
        parsed, filters=filters or SearchFilters(), offset=(page - 1) * per_page, limit=per_page
    )
