"""The lean path for a reader's search page, ``/tim-kiem/?q=…`` (decision 0027).

The search itself -- the statements, the ranking, the hits, the facets, the snippets -- runs for every
request exactly as on the normal path (``results.search_page``); what this path leaves out is what a
reader's search does not need: sessions, messages, users, the site lookup in the database, and
Django's template engine walking the whole page. The page is the search template's own output around
its content (the *chrome*, ``news.fastpath._chrome``: rendered once per structure version and kept in
process memory), with the results printed here. Nothing is a stored copy of an earlier response or
result list.

It declines (the request goes on to the view unchanged) a request with a session, messages or language
cookie, a method other than GET, an empty query (the tips page), a query cut for length, a document
number (the pinned entry and the registry lookup), a site the cached site list does not hold or whose
structure is incomplete. ``tests/test_page_lean.py`` checks that both paths print the same page.

The markup printed here lives twice: in ``search/search.html`` and below. The test fails when they
differ; a change to the template needs the same change here.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from congtin.frontcache import policies
from congtin.news import fastpath
from congtin.search.forms import MAX_QUERY_LENGTH, PARAM_QUERY, read_params
from congtin.search.results import SearchPage, search_page
from congtin.vietnamese.tokens import symbol_query_terms

TEMPLATE = "search/search.html"
_url: dict[str, str] = {}


def search_url() -> str:
    url = _url.get("search")
    if url is None:
        url = _url["search"] = reverse("search:search")
    return url


def serve(request: HttpRequest) -> HttpResponse | None:
    """The search page for ``request``, or None to let the view answer it."""
    if request.method != "GET" or not _cookies_plain(request):
        return None
    typed = request.GET.get(PARAM_QUERY, "")
    if not typed.strip() or len(typed.strip()) > MAX_QUERY_LENGTH or symbol_query_terms(typed):
        return None
    if fastpath.site_and_structure(request) is None:
        return None
    params = read_params(request.GET)
    if not params.query or params.too_long:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        data = search_page(params.query, filters=params.filters, page=params.page, request=request)
        if data.pinned or data.unknown_symbol:
            return None  # typed numbers are declined above; this is the safety net
        from congtin.search.views import NOINDEX, _results_context

        base = search_url()
        kept = {PARAM_QUERY: params.query, **params.filter_params}
        context = _results_context(data, base, kept)
        chrome = fastpath._chrome(
            request,
            TEMPLATE,
            ("title", "content"),
            "search",
            lambda: (None, {}),
            {"search_query": fastpath.SLOT},
        )
        query = escape(params.query)
        title = _("Tìm kiếm: %(q)s") % {"q": query}
        content = _content(params.query, params.filter_params, base, data, context)
        html = fastpath._assemble(request, chrome.chunks, [title, query, content])
        response = HttpResponse(html)
        response["X-Robots-Tag"] = NOINDEX
        policies.policy_set(request, policies.CachePolicy("search", ("search",)))
        return fastpath._finish(response)


def escape(value: Any) -> str:
    """``django.utils.html.escape`` without its lazy-string wrapper (the same characters escaped)."""
    return html.escape(str(value))


def _cookies_plain(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return not cookies or not any(
        name in cookies
        for name in (settings.SESSION_COOKIE_NAME, fastpath._MESSAGES_COOKIE, settings.LANGUAGE_COOKIE_NAME)
    )


def _iso(value: dt.datetime, *, date_only: bool) -> str:
    local = timezone.localtime(value)
    return local.strftime("%Y-%m-%d") if date_only else local.isoformat()


def _content(
    q: str, filter_params: dict[str, str], base: str, data: SearchPage, context: dict[str, Any]
) -> str:
    """``search/search.html``'s content block for a query with something to search."""
    out: list[str] = [
        '\n<section class="search" aria-labelledby="search-title">\n'
        f'  <h1 id="search-title">{_("Tìm kiếm")}</h1>\n'
        f'  <form class="search-form" role="search" aria-labelledby="search-title" method="get" action="{base}">\n'
        f'    <label for="search-q">{_("Từ khóa, cụm từ hoặc số ký hiệu văn bản")}</label>\n'
        '    <div class="search-form-row">\n'
        f'      <input type="search" id="search-q" name="q" value="{escape(q)}" autocomplete="off" enterkeyhint="search">\n'
        "      "
    ]
    for name, value in filter_params.items():
        out.append(f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">')
    out.append(
        f'\n      <button type="submit">{_("Tìm kiếm")}</button>\n    </div>\n  </form>\n  \n\n  \n\n  '
    )
    results = data.results
    if data.suggestion:
        out.append(
            f'<p class="search-suggestion">{_("Có phải bạn muốn tìm:")} '
            f'<a href="{escape(context["suggestion_url"])}" lang="vi">{escape(data.suggestion)}</a></p>'
        )
    out.append('\n\n  <p class="search-count" role="status">')
    quoted = escape(q)
    if context["total_capped"]:
        out.append(_("Tìm thấy hơn 1.000 kết quả cho “%(q)s”") % {"q": quoted})
    elif results.total:
        out.append(
            ngettext(
                "Tìm thấy %(n)s kết quả cho “%(q)s”", "Tìm thấy %(n)s kết quả cho “%(q)s”", results.total
            )
            % {"n": results.total, "q": quoted}
        )
        if data.num_pages > 1:
            out.append(" · " + _("trang %(n)s/%(total)s") % {"n": data.page, "total": data.num_pages})
    else:
        out.append(_("Không tìm thấy kết quả nào cho “%(q)s”.") % {"q": quoted})
    out.append("</p>\n\n  ")
    if results.relaxed:
        out.append(
            '<p class="search-notice search-relaxed" role="note">'
            f"{_('Không tìm thấy kết quả chứa đủ mọi từ; dưới đây là kết quả gần đúng')}</p>"
        )
    out.append("\n\n  ")
    chips = context["chips"]
    if chips:
        out.append(f'\n  <ul class="search-chips" aria-label="{_("Bộ lọc đang dùng")}">\n    ')
        for chip in chips:
            out.append(
                f'<li><a class="search-chip" href="{escape(chip["url"])}">{escape(chip["facet"])}: '
                f'{escape(chip["label"])} <span aria-hidden="true">×</span><span class="visually-hidden"> '
                f"({_('bỏ lọc')})</span></a></li>"
            )
        out.append(
            f'\n    <li><a class="search-chips-clear" href="{escape(context["clear_filters_url"])}">'
            f"{_('Bỏ mọi bộ lọc')}</a></li>\n  </ul>\n  "
        )
    out.append("\n\n  \n\n  \n\n  ")
    items, facets = data.items, context["facets"]
    if items or facets:
        out.append('\n  <div class="search-layout">\n    ')
        if facets:
            out.append(f'\n    <aside class="search-facets" aria-label="{_("Lọc kết quả")}">\n      ')
            exact = context["facet_counts_exact"]
            for facet in facets:
                out.append(
                    f'\n      <section class="search-facet" data-facet="{escape(facet["name"])}">\n'
                    f"        <h2>{escape(facet['label'])}</h2>\n        <ul>\n          "
                )
                for value in facet["values"]:
                    selected = ' aria-current="true" class="selected"' if value["selected"] else ""
                    count = f' <span class="search-facet-count">({value["count"]})</span>' if exact else ""
                    out.append(
                        f'<li><a href="{escape(value["url"])}"{selected}>{escape(value["label"])}{count}</a></li>'
                    )
                out.append("\n        </ul>\n      </section>\n      ")
            out.append("\n    </aside>\n    ")
        out.append(f'\n    <ol class="search-results" start="{context["first_index"]}">\n      ')
        posted, issued = _("Ngày đăng"), _("Ngày ban hành")
        for item in items:
            meta = [f'<span class="search-type">{escape(item.type_label)}</span>']
            if item.document_type_label:
                meta.append(f" · {escape(item.document_type_label)}")
            if item.breadcrumb:
                crumbs = " › ".join(
                    f'<a href="{escape(crumb.url)}">{escape(crumb.title)}</a>' for crumb in item.breadcrumb
                )
                meta.append(f' · <span class="search-breadcrumb">{crumbs}</span>')
            date = ""
            if item.date_text:
                stamp = _iso(item.published_at, date_only=item.date_only) if item.published_at else ""
                date = (
                    f'<p class="search-result-date">{issued if item.date_only else posted} '
                    f'<time datetime="{stamp}">{escape(item.date_text)}</time></p>'
                )
            snippet = f'<p class="search-snippet">{item.snippet_html}</p>' if item.snippet_html else ""
            out.append(
                f'\n      <li class="search-result" data-type="{escape(item.content_type)}">\n'
                f'        <p class="search-result-meta">{"".join(meta)}</p>\n'
                f'        <h2 class="search-result-title"><a href="{escape(item.url)}">{item.title_html}</a></h2>\n'
                f"        {date}\n        {snippet}\n      </li>\n      "
            )
        out.append("\n    </ol>\n  </div>\n  ")
    out.append("\n\n  ")
    if not results.total:
        out.append(_empty(context))
    out.append("\n\n  ")
    pages = context["pages"]
    if pages:
        out.append(f'\n  <nav class="pagination search-pagination" aria-label="{_("Phân trang")}">\n    ')
        if context["previous_url"]:
            out.append(f'<a href="{escape(context["previous_url"])}" rel="prev">« {_("Trang trước")}</a>')
        out.append("\n    ")
        for p in pages:
            if p["current"]:
                out.append(f'<span aria-current="page">{p["number"]}</span>')
            else:
                out.append(f'<a href="{escape(p["url"])}">{p["number"]}</a>')
        out.append("\n    ")
        if context["next_url"]:
            out.append(f'<a href="{escape(context["next_url"])}" rel="next">{_("Trang sau")} »</a>')
        out.append("\n  </nav>\n  ")
    out.append("\n  \n</section>\n")
    return "".join(out)


def _empty(context: dict[str, Any]) -> str:
    """The "no results" part: what to try, and the search tips."""
    from django.template.loader import render_to_string

    data = context["data"]
    clear = (
        f'<li><a href="{escape(context["clear_filters_url"])}">{_("Tìm lại mà không dùng bộ lọc")}</a></li>'
        if context["chips"]
        else ""
    )
    registry = (
        f"<li>{_('Tìm văn bản theo số ký hiệu, loại, cơ quan ban hành hoặc năm trong')} "
        f'<a href="{escape(data.registry_url)}">{_("cơ sở dữ liệu văn bản (Tiếp cận thông tin)")}</a>.</li>'
        if data.registry_url
        else ""
    )
    return (
        '\n  <section class="search-empty" aria-labelledby="search-empty-title">\n'
        f'    <h2 id="search-empty-title">{_("Gợi ý")}</h2>\n    <ul>\n'
        f"      <li>{_('Kiểm tra lại chính tả; có thể gõ không dấu.')}</li>\n"
        f"      <li>{_('Dùng ít từ hơn hoặc từ khác phổ biến hơn; bỏ dấu ngoặc kép nếu đang tìm cả cụm từ.')}</li>\n"
        f"      {clear}\n      {registry}\n    </ul>\n  </section>\n  "
        + render_to_string("search/includes/tips.html")
        + "\n  "
    )
