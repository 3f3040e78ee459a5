"""The public search page (``/tim-kiem/``), its OpenSearch description and its JSON twin (``/api/search/``).

Thin: ``forms.read_params`` reads the address, ``results.search_page`` does the reading, and the
view builds the links (facets, chips, pages, suggestion) that keep the other parameters.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from congtin.frontcache.policies import cache_public
from congtin.search.backends.base import TOTAL_LIMIT
from congtin.search.forms import FILTER_PARAMS, MAX_QUERY_LENGTH, PARAM_PAGE, PARAM_QUERY, read_params
from congtin.search.queries import DEFAULT_PER_PAGE
from congtin.search.results import SearchPage, facet_labels, search_page

# Page links shown either side of the current one.
PAGE_WINDOW = 2
NOINDEX = "noindex, follow"


def _link(base: str, params: dict[str, str]) -> str:
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{base}?{query}" if query else base


@require_GET
@cache_public("search", "search")
def search(request: HttpRequest) -> HttpResponse:
    params = read_params(request.GET)
    base = reverse("search:search")
    context: dict[str, Any] = {
        "search_query": params.query,
        "too_long": params.too_long,
        "max_query_length": MAX_QUERY_LENGTH,
        "kept_filters": params.filter_params,
    }
    if not params.query:
        response = render(request, "search/search.html", context)
    else:
        data = search_page(params.query, filters=params.filters, page=params.page, request=request)
        kept = {PARAM_QUERY: params.query, **params.filter_params}
        context.update(_results_context(data, base, kept))
        response = render(request, "search/search.html", context)
    response["X-Robots-Tag"] = NOINDEX
    return response


def _results_context(data: SearchPage, base: str, kept: dict[str, str]) -> dict[str, Any]:
    labels = facet_labels()
    facets = []
    for facet in data.facets:
        param = FILTER_PARAMS[facet.name]
        values = []
        for value in facet.values:
            selected = kept.get(param) == value.value
            link_params = {**kept, param: "" if selected else value.value}
            values.append(
                {
                    "label": value.label,
                    "count": value.count,
                    "selected": selected,
                    "url": _link(base, link_params),
                }
            )
        facets.append({"name": facet.name, "label": facet.label, "values": values})
    chips = [
        {"facet": labels[name], "label": label, "url": _link(base, {**kept, FILTER_PARAMS[name]: ""})}
        for name, label in data.filter_labels.items()
    ]
    first = max(1, data.page - PAGE_WINDOW)
    last = min(data.num_pages, data.page + PAGE_WINDOW)
    pages = [
        {
            "number": n,
            "url": _link(base, {**kept, PARAM_PAGE: str(n) if n > 1 else ""}),
            "current": n == data.page,
        }
        for n in range(first, last + 1)
    ]
    registry_lookup = (
        _link(data.registry_url, {"q": data.unknown_symbol})
        if data.registry_url and data.unknown_symbol
        else ""
    )
    return {
        "data": data,
        "results": data.results,
        "items": data.items,
        "facets": facets,
        "chips": chips,
        "clear_filters_url": _link(base, {PARAM_QUERY: kept[PARAM_QUERY]}) if chips else "",
        "pages": pages if data.num_pages > 1 else [],
        "previous_url": _link(base, {**kept, PARAM_PAGE: str(data.page - 1)}) if data.page > 1 else "",
        "next_url": _link(base, {**kept, PARAM_PAGE: str(data.page + 1)})
        if data.page < data.num_pages
        else "",
        "suggestion_url": _link(base, {**kept, PARAM_QUERY: data.suggestion}) if data.suggestion else "",
        "registry_lookup_url": registry_lookup,
        "first_index": (data.page - 1) * DEFAULT_PER_PAGE + 1 if data.results.hits else 0,
        # Backends stop counting past TOTAL_LIMIT: say "more than", not a made-up exact figure.
        "total_capped": data.results.total > TOTAL_LIMIT,
        "facet_counts_exact": data.facet_counts_exact,
    }


@require_GET
@cache_public("search", "search")
def opensearch_description(request: HttpRequest) -> HttpResponse:
    """The OpenSearch description that lets a browser add the site's search (linked from every page)."""
    site = Site.find_for_request(request)
    name = ""
    if site is not None:
        from congtin.core.models import JournalSettings

        name = JournalSettings.for_site(site).journal_name or site.site_name or ""
    context = {
        "short_name": (name or "congtin")[:16].strip(),  # the format allows 16 characters
        "description": name or "congtin",
        "search_url": request.build_absolute_uri(reverse("search:search")),
    }
    return render(
        request, "search/opensearch.xml", context, content_type="application/opensearchdescription+xml"
    )


@require_GET
@cache_public("search", "search")
def search_api(request: HttpRequest) -> JsonResponse:
    """``/api/search/?q=``: the page's results as JSON (same parameters, same rules, no HTML around)."""
    params = read_params(request.GET)
    payload: dict[str, Any] = {"query": params.query, "truncated": params.too_long, "total": 0, "results": []}
    if params.query:
        data = search_page(params.query, filters=params.filters, page=params.page, request=request)
        payload.update(
            {
                # Above TOTAL_LIMIT the total is TOTAL_LIMIT + 1 and means "more than TOTAL_LIMIT".
                "total": data.results.total,
                "total_capped": data.results.total > TOTAL_LIMIT,
                "relaxed": data.results.relaxed,
                "page": data.page,
                "pages": data.num_pages,
                "suggestion": data.suggestion,
                "pinned": [
                    {"title": p.title, "url": request.build_absolute_uri(p.url), "symbol": p.symbol}
                    for p in data.pinned
                ],
                "unknown_symbol": data.unknown_symbol or None,
                "results": [
                    {
                        "type": item.content_type,
                        "type_label": item.type_label,
                        "title": item.title,
                        "title_html": str(item.title_html),
                        "snippet_html": str(item.snippet_html),
                        "url": request.build_absolute_uri(item.url) if item.url else "",
                        "date": item.date_text or None,
                        "breadcrumb": [c.title for c in item.breadcrumb],
                    }
                    for item in data.items
                ],
                "facets": {
                    f.name: [
                        {
                            "value": v.value,
                            "label": v.label,
                            "count": v.count if data.facet_counts_exact else None,
                        }
                        for v in f.values
                    ]
                    for f in data.facets
                },
            }
        )
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["X-Robots-Tag"] = NOINDEX
    return response
