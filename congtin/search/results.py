"""The reads behind the search page (``/tim-kiem/``) and its JSON twin (``/api/search/``).

``search_page`` runs the search (``queries.search_public``), the facet counts (one statement, or
none when the backend counted them in the search's own pass), and dresses each hit for a reader: type
label, highlighted title, date, breadcrumb and a snippet of the accented original around its best
match. It also pins the registry entry a typed document number names, and reads a "Có phải bạn muốn
tìm" suggestion off the matched text. The number of queries does not grow with the hits: the stored
rows of a page of hits come with the hits (``SearchHit.row``) or in one query, their breadcrumbs and the
facets' section names from the site's cached structure (decision 0023) or in one more.

Nothing here decides what is public: the index holds only public items (``services``), and the
pinned entry is looked up among published entries and shown only when the index holds it too.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Q
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from congtin.core.queries import without_view_restrictions
from congtin.core.structure import StructurePage, request_structure
from congtin.search.backends import get_backend
from congtin.search.backends.base import TOTAL_LIMIT, SearchFilters, SearchHit, SearchResults
from congtin.search.backends.facets import FACETS
from congtin.search.models import SearchEntry
from congtin.search.queries import DEFAULT_PER_PAGE, MAX_PAGE, search_public
from congtin.vietnamese import (
    SymbolError,
    find_citations,
    fold,
    format_date,
    format_datetime,
    nfc,
    parse_query,
    parse_symbol,
)
from congtin.vietnamese.highlight import highlight, snippet
from congtin.vietnamese.suggest import accented_suggestion, match_windows
from congtin.vietnamese.tokens import symbol_query_terms

# Tree depth of a site's top-level sections (home page at 2), as ``services.SECTION_DEPTH``.
SECTION_DEPTH = 3
# Hits whose text the suggestion reads: the first page's best.
SUGGESTION_HITS = 10
# ... and the text around the first few matches of each: enough to see how the words are spelled.
SUGGESTION_WINDOWS = 5
PINNED_MAX = 3


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


@dataclass(frozen=True)
class ResultItem:
    """One hit as the page shows it."""

    key: str
    url: str
    content_type: str
    type_label: str
    title: str
    title_html: SafeString
    snippet_html: SafeString
    published_at: dt.datetime | None
    # Items with a document type are registry entries: their date is a day of issue, not a time.
    date_only: bool
    date_text: str  # "09/06/2021 03:41" in Vietnam time, or "09/02/2017" for a day of issue
    document_type_label: str
    breadcrumb: list[Crumb]


@dataclass(frozen=True)
class PinnedDocument:
    """The registry entry a typed document number names, shown first."""

    key: str
    url: str
    title: str
    symbol: str
    type_label: str
    issuer: str
    issued_on: dt.date | None
    status_label: str


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    values: list[FacetValue]


@dataclass
class SearchPage:
    query: str
    results: SearchResults
    page: int
    num_pages: int
    items: list[ResultItem] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    # Labels of the values the filters name, for the removable chips: {facet: label}.
    filter_labels: dict[str, str] = field(default_factory=dict)
    pinned: list[PinnedDocument] = field(default_factory=list)
    # A well-formed document number the registry does not hold (canonical form), and the lookup's address.
    unknown_symbol: str = ""
    registry_url: str = ""
    suggestion: str | None = None
    # False when the total passed TOTAL_LIMIT and the backend counts facets only that far: the counts
    # would be lower bounds, so the page names the values without them.
    facet_counts_exact: bool = True


def facet_labels() -> dict[str, str]:
    return {
        "content_type": _("Loại nội dung"),
        "section": _("Chuyên mục"),
        "document_type": _("Loại văn bản"),
        "year": _("Năm"),
    }


def content_type_label(label: str) -> str:
    """ "news.articlepage" → "Tin bài": the model's own name, so a new content type needs no list here."""
    return _content_type_label(label, get_language())


@functools.lru_cache(maxsize=256)
def _content_type_label(label: str, language: str | None) -> str:
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return label
    name = str(model._meta.verbose_name)
    return name[:1].upper() + name[1:]


def is_content_type(label: str) -> bool:
    try:
        apps.get_model(label)
    except (LookupError, ValueError):
        return False
    return True


def document_type_label(value: str) -> str:
    from congtin.documents.choices import DocumentType

    try:
        return str(DocumentType(value).label)
    except ValueError:
        return value


# -- the page --------------------------------------------------------------------------------------


def search_page(
    q: str,
    *,
    filters: SearchFilters,
    page: int = 1,
    request: HttpRequest | None = None,
    per_page: int = DEFAULT_PER_PAGE,
) -> SearchPage:
    """Everything the results page shows for ``q`` under ``filters``, page ``page`` (1-based).

    A page past the last is read as the last one (as section listings do).
    """
    page = min(max(page, 1), MAX_PAGE)
    results = search_public(q, filters=filters, page=page, per_page=per_page)
    num_pages = min(MAX_PAGE, max(1, math.ceil(results.total / per_page)))
    if not results.hits and results.total and page > num_pages:
        page = num_pages
        results = search_public(q, filters=filters, page=page, per_page=per_page)
    data = SearchPage(query=q, results=results, page=page, num_pages=num_pages)
    parsed = parse_query(q)
    if parsed.is_empty:
        return data

    # Looked up on every page, so the pinned entry is never repeated further down; shown on the first.
    pinned_docs = _pinned(q, request)
    pinned_keys = {p.key for p in pinned_docs}
    data.pinned = pinned_docs if page == 1 else []
    if not pinned_docs and page == 1:
        data.unknown_symbol, data.registry_url = _unknown_symbol(q, request)
    if not results.total and not pinned_docs and not data.unknown_symbol:
        data.registry_url = registry_url(request)  # the "no results" page points to the registry

    backend = get_backend()
    if results.relaxed:
        counts: dict[str, dict[str, int]] = {}
    elif results.facets is not None:
        counts = results.facets
    else:
        counts = backend.facet_counts(parsed, filters=filters)
    data.facet_counts_exact = results.total <= TOTAL_LIMIT or backend.exact_facet_counts
    rows: dict[str, dict[str, Any]] = {hit.key: dict(hit.row) for hit in results.hits if hit.row is not None}
    unread = [hit.key for hit in results.hits if hit.row is None]
    if unread:
        rows.update(
            (row["key"], dict(row))
            for row in SearchEntry.objects.filter(key__in=unread).values(
                "key", "body", "path", "section_id", "document_type"
            )
        )
    section_ids = {int(v) for v in counts.get("section", {})}
    if filters.section_id is not None:
        section_ids.add(filters.section_id)
    pages = _pages_for(rows.values(), section_ids, request)
    tops = [p for p in pages.values() if p.depth == SECTION_DEPTH]

    data.items = [
        _item(hit, rows.get(hit.key), pages, tops, request)
        for hit in results.hits
        if hit.key not in pinned_keys
    ]
    data.facets = _facets(counts, pages, filters)
    data.filter_labels = _filter_labels(filters, pages)
    data.suggestion = _suggestion(q, results.hits[:SUGGESTION_HITS], rows)
    return data


def _pages_for(rows: Any, section_ids: set[int], request: HttpRequest | None) -> dict[str, Any]:
    """Live, unrestricted pages by path: the hits' ancestors, the named sections and every top-level one.

    From the site's cached structure (``congtin.core.structure``, decision 0023) when it holds every
    page asked for, which it does for hits and sections of the request's own site; else one query.
    """
    ancestor_paths: set[str] = set()
    steplen = Page.steplen
    for row in rows:
        path = row["path"]
        for depth in range(SECTION_DEPTH, len(path) // steplen):
            ancestor_paths.add(path[: depth * steplen])
    structure = request_structure(request)
    if structure is not None and structure.complete:
        known = structure.pages
        found_ids = {p.pk for p in known.values() if p.pk in section_ids}
        if ancestor_paths <= known.keys() and found_ids == section_ids:
            return {
                p.path: p
                for p in known.values()
                if not p.restricted
                and (p.path in ancestor_paths or p.pk in section_ids or p.depth == SECTION_DEPTH)
            }
    pages = without_view_restrictions(
        Page.objects.live().filter(
            Q(path__in=ancestor_paths) | Q(pk__in=section_ids) | Q(depth=SECTION_DEPTH)
        )
    ).only("pk", "path", "depth", "title", "url_path")
    return {p.path: p for p in pages}


def _page_url(page: Any, request: HttpRequest | None) -> str:
    if isinstance(page, StructurePage):
        return page.url
    return str(page.get_url(request) or "")


def _breadcrumb(
    row: dict[str, Any] | None,
    url: str,
    pages: dict[str, Any],
    tops: list[Any],
    request: HttpRequest | None,
) -> list[Crumb]:
    if row and row["path"]:
        steplen = Page.steplen
        path = row["path"]
        trail = [
            pages[path[: depth * steplen]]
            for depth in range(SECTION_DEPTH, len(path) // steplen)
            if path[: depth * steplen] in pages
        ]
        return [Crumb(p.title, _page_url(p, request)) for p in trail]
    # Not a page (a registry entry): the top-level section whose address its own starts with.
    for top in sorted(tops, key=lambda p: -len(p.url_path or "")):
        top_url = _page_url(top, request)
        if top_url and top_url != "/" and url.startswith(top_url):
            return [Crumb(top.title, top_url)]
    return []


def _item(
    hit: SearchHit,
    row: dict[str, Any] | None,
    pages: dict[str, Any],
    tops: list[Any],
    request: HttpRequest | None,
) -> ResultItem:
    body = row["body"] if row else ""
    document_type = row["document_type"] if row else ""
    return ResultItem(
        key=hit.key,
        url=hit.url,
        content_type=hit.content_type,
        type_label=content_type_label(hit.content_type),
        title=hit.title,
        # Both functions escape the text and add only <mark>: safe to print as it is.
        title_html=mark_safe(highlight(hit.title, hit.title_matches)),  # noqa: S308
        snippet_html=mark_safe(snippet(body, hit.body_matches)),  # noqa: S308
        published_at=hit.published_at,
        date_only=bool(document_type),
        date_text=_date_text(hit.published_at, date_only=bool(document_type)),
        document_type_label=document_type_label(document_type) if document_type else "",
        breadcrumb=_breadcrumb(row, hit.url, pages, tops, request),
    )


def _date_text(value: dt.datetime | None, *, date_only: bool) -> str:
    if value is None:
        return ""
    return format_date(value) if date_only else format_datetime(value)


def _facets(counts: dict[str, dict[str, int]], pages: dict[str, Any], filters: SearchFilters) -> list[Facet]:
    by_id = {str(p.pk): p.title for p in pages.values()}
    labels = facet_labels()
    facets: list[Facet] = []
    for name in FACETS:
        values = counts.get(name, {})
        if name == "content_type":
            items = [FacetValue(v, content_type_label(v), n) for v, n in values.items()]
        elif name == "section":
            items = [FacetValue(v, by_id[v], n) for v, n in values.items() if v in by_id]
        elif name == "document_type":
            items = [FacetValue(v, document_type_label(v), n) for v, n in values.items()]
        else:
            items = sorted(
                (FacetValue(v, v, n) for v, n in values.items()), key=lambda f: f.value, reverse=True
            )
        if items:
            facets.append(Facet(name, labels[name], items))
    return facets


def _filter_labels(filters: SearchFilters, pages: dict[str, Any]) -> dict[str, str]:
    labels: dict[str, str] = {}
    if filters.content_types:
        labels["content_type"] = ", ".join(content_type_label(c) for c in filters.content_types)
    if filters.section_id is not None:
        titles = {p.pk: p.title for p in pages.values()}
        labels["section"] = titles.get(filters.section_id, str(filters.section_id))
    if filters.document_type:
        labels["document_type"] = document_type_label(filters.document_type)
    if filters.year is not None:
        labels["year"] = str(filters.year)
    return labels


# -- a document number typed as the query -------------------------------------------------------


def _pinned(q: str, request: HttpRequest | None) -> list[PinnedDocument]:
    """The published entries the query's number names, when the index holds them; two queries."""
    if not symbol_query_terms(q):
        return []
    from congtin.documents.queries import documents_listing, documents_lookup
    from congtin.search.services import search_key

    documents = list(documents_lookup(q, queryset=documents_listing())[:PINNED_MAX])
    if not documents:
        return []
    keys = {search_key(d): d for d in documents}
    urls = dict(SearchEntry.objects.filter(key__in=keys).values_list("key", "url"))
    return [
        PinnedDocument(
            key=key,
            url=urls[key],
            title=document.title,
            symbol=document.canonical_symbol or document.printed_symbol,
            type_label=document.get_doc_type_display(),
            issuer=document.issuer.name if document.issuer_id else "",
            issued_on=document.issued_on,
            status_label=document.get_status_display(),
        )
        for key, document in keys.items()
        if urls.get(key)
    ]


def well_formed_symbol(q: str) -> str:
    """The canonical symbol ``q`` names in full ("9/2017/nd-cp" → "09/2017/NĐ-CP"), else ""."""
    text = nfc(q).strip()
    if not text or len(text) > 200:
        return ""
    try:
        return parse_symbol(text).canonical
    except SymbolError:
        pass
    citations = find_citations(text)
    if len(citations) == 1 and fold(citations[0].symbol.canonical) in symbol_query_terms(text):
        return citations[0].symbol.canonical
    return ""


def _unknown_symbol(q: str, request: HttpRequest | None) -> tuple[str, str]:
    symbol = well_formed_symbol(q)
    return (symbol, registry_url(request)) if symbol else ("", "")


def registry_url(request: HttpRequest | None) -> str:
    """The address of the site's Tiếp cận thông tin section (the registry's lookup), or ""."""
    from congtin.documents.pages import AccessToInformationPage

    registry = without_view_restrictions(AccessToInformationPage.objects.live()).order_by("path").first()
    return _page_url(registry, request) if registry is not None else ""


# -- "Có phải bạn muốn tìm" ------------------------------------------------------------------------


def _suggestion(q: str, hits: list[SearchHit], rows: dict[str, dict[str, Any]]) -> str | None:
    texts: list[str] = []
    for hit in hits:
        texts.append(hit.title)
        row = rows.get(hit.key)
        if row:
            texts += match_windows(row["body"], hit.body_matches, radius=40, limit=SUGGESTION_WINDOWS)
    suggestion = accented_suggestion(q, texts)
    return suggestion if suggestion and suggestion != q else None
