"""Test helpers: publishing through Wagtail's revisions, and a query parser until the real one lands.

``congtin.vietnamese.query.parse_query`` is being written alongside this app; until it is in the
tree the tests use ``_standin_parse_query`` (quotes for phrases, "-" to exclude, a trailing "*" for
a prefix, everything folded through the real tokenizer). It is never used outside the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from congtin.news.models import ArticlePage, SectionPage
from congtin.news.tests.factories import ArticlePageFactory
from congtin.search.backends import get_backend
from congtin.search.backends.base import SearchFilters, SearchResults
from congtin.vietnamese.tokens import tokenize


@dataclass
class _StandinQuery:
    raw: str
    required: list[list[str]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    exact: list[str] = field(default_factory=list)
    symbols: list[str] = field(default_factory=list)


_PIECE_RE = re.compile(r'(-?)"([^"]*)"|(\S+)')


def _standin_parse_query(q: str) -> _StandinQuery:
    parsed = _StandinQuery(raw=q)
    for match in _PIECE_RE.finditer(q[:500]):
        negated, quoted, bare = match.groups()
        if quoted is not None:
            words = [t.folded for t in tokenize(quoted)]
            if words:
                (parsed.excluded if negated else parsed.required).append(words)
            continue
        if bare.startswith("-") and len(bare) > 1:
            parsed.excluded += [[t.folded] for t in tokenize(bare[1:])]
        elif bare.endswith("*"):
            words = [t.folded for t in tokenize(bare)]
            parsed.required += [[w] for w in words[:-1]]
            parsed.prefixes += words[-1:]
        else:
            parsed.required += [[t.folded] for t in tokenize(bare)]
    return parsed


def parse(q: str) -> Any:
    try:
        from congtin.vietnamese.query import parse_query
    except ImportError:
        return _standin_parse_query(q)
    return parse_query(q)


def search(q: str, *, limit: int = 20, **filters: Any) -> SearchResults:
    return get_backend().search(parse(q), filters=SearchFilters(**filters), offset=0, limit=limit)


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
