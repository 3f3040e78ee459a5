"""The lean path for a reader's article, section and home page (decision 0026).

An anonymous GET for a page of the news tree does not need sessions, messages, users, Wagtail's
routing through three page objects or Django's template engine walking the whole page: the site
comes from the cached site list, the section (or home page) from the cached site structure, the
article from one query, and the page is assembled from parts:

- the *chrome* -- everything the page template prints around its content (head, masthead, navigation,
  footer) -- rendered by the page's own template with markers in place of the page's blocks, once per
  structure version, language and highlighted section (``_chrome``);
- the article's text with its citation links (``news.texts``), rendered by the page's own include
  templates when published and kept under a stamp of everything it was made from;
- the rest, which changes with every article published (dates, "Tin tức cùng chuyên mục", listings),
  printed here from a few queries.

Nothing is a stored copy of an earlier response: every request reads the page, its listings, its
corrections and tags, and the versions of what the kept parts were made from. Whatever this path does
not know how to serve -- a signed-in reader or any cookie other than the CSRF one, English, a query
string, a view restriction, a page not live or not found (404, 410, redirects), a print view, a feed,
an alias, a page type other than these three, a thumbnail -- goes on to Django and Wagtail as before.
``tests/test_fastpath.py`` checks that both paths print the same page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.middleware.csrf import get_token
from django.template import engines
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from congtin.core import structure
from congtin.frontcache import policies
from congtin.news import texts
from congtin.news.structured_data import news_article_json_ld
from congtin.search import fastpath as search_fastpath
from congtin.vietnamese import dates

SLOT = "\x00congtin-slot\x00"
RELATED_LIMIT = 5
TOP_STORIES = 5  # news.queries.TOP_STORIES
SECTION_MODEL = "news.sectionpage"
HOME_MODEL = "news.homepage"
CHROME_ENTRIES = 256
_chrome_kept: dict[tuple[Any, ...], _Chrome] = {}  # filled by _chrome
# Cookies that make a page personal (a session, messages) or not Vietnamese (the language switch's);
# the CSRF cookie does neither.
_MESSAGES_COOKIE = "messages"

_ARTICLE_SQL = """
SELECT p.id, p.path, p.title, p.seo_title, p.search_description, p.first_published_at,
       p.last_published_at, p.live_revision_id, p.alias_of_id, p.url_path,
       a.dateline_place, a.dateline_date, a.summary, a.byline, a.author_id, a.feed_image_id,
       (SELECT COUNT(*) FROM news_articlecorrection c WHERE c.article_id = p.id),
       (SELECT COUNT(*) FROM news_articlepagetag t WHERE t.content_object_id = p.id),
       (SELECT v.counter FROM core_dataversion v WHERE v.name = 'registry'),
       (SELECT v.counter FROM core_dataversion v WHERE v.name = 'links')
FROM wagtailcore_page p JOIN news_articlepage a ON a.page_ptr_id = p.id
WHERE p.slug = %s AND p.depth = %s AND p.path LIKE %s AND p.live
"""
_RELATED_SQL = """
SELECT p.url_path, p.title, p.first_published_at, a.summary
FROM wagtailcore_page p JOIN news_articlepage a ON a.page_ptr_id = p.id
WHERE p.live AND p.depth = %s AND p.path LIKE %s AND p.id <> %s
ORDER BY p.first_published_at DESC, p.id DESC
LIMIT %s
"""


class FastPageMiddleware:
    """Serves what it can of the news tree; hands everything else on unchanged."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = None
        if request.method in ("GET", "HEAD") and _plain(request):
            response = _serve(request)
        elif request.path_info == search_fastpath.search_url():
            response = search_fastpath.serve(request)
        return response if response is not None else self.get_response(request)


def _plain(request: HttpRequest) -> bool:
    if request.META.get("QUERY_STRING") or not request.path_info.endswith("/"):
        return False
    cookies = request.COOKIES
    if not cookies:
        return True
    return not any(
        name in cookies
        for name in (settings.SESSION_COOKIE_NAME, _MESSAGES_COOKIE, settings.LANGUAGE_COOKIE_NAME)
    )


def _serve(request: HttpRequest) -> HttpResponse | None:
    # Only what the URLconf hands to Wagtail's page tree; every other view runs as before.
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name != "wagtail_serve":
        return None
    request.get_host()  # the same DisallowedHost (400) as Django when the host is not allowed
    # As Wagtail's Site.find_for_request does.
    hostname = split_domain_port(request._get_raw_host())[0]  # type: ignore[attr-defined]
    port = request.get_port()
    current = structure.request_version(request)
    site = structure.site_for_host(current, hostname, int(port) if port.isdigit() else 0)
    if site is None:
        return None
    request._wagtail_site = site  # type: ignore[attr-defined]
    request._congtin_structure_version = current  # type: ignore[attr-defined]
    snapshot = structure.request_structure(request)
    if snapshot is None or not snapshot.complete:
        return None
    root_url_path = site.root_page.url_path
    url_path = root_url_path + request.path_info[1:]
    with translation.override(settings.LANGUAGE_CODE):
        page = snapshot.by_url_path.get(url_path)
        if page is not None:
            if page.restricted:
                return None
            if page.model == HOME_MODEL:
                return _respond(request, _home(request, page, snapshot, root_url_path), page, "home")
            if page.model == SECTION_MODEL:
                return _respond(request, _section(request, page, snapshot, root_url_path), page, "section")
            return None
        parent_url_path, _slash, slug = url_path[:-1].rpartition("/")
        parent = snapshot.by_url_path.get(parent_url_path + "/")
        if parent is None or parent.model != SECTION_MODEL or parent.restricted:
            return None
        return _article(request, parent, slug, snapshot, site, current, root_url_path)


def _connection() -> Any:
    """The database the router reads pages from (the replica for anonymous readers)."""
    from wagtail.models import Page

    return connections[router.db_for_read(Page)]


def _cursor() -> Any:
    return _connection().cursor()


def _respond(request: HttpRequest, html: str | None, page: Any, kind: str) -> HttpResponse | None:
    if html is None:
        return None
    response = HttpResponse(html)
    own = f"page-{page.pk}"
    if kind == "article":
        tags: tuple[str, ...] = (own, policies.listing_tag(page.path[:-4]))
    elif kind == "section":
        tags = (own, policies.listing_tag(page.path))
    else:
        tags = (own, policies.listing_tag(page.path), "home")
    policies.policy_set(request, policies.CachePolicy(kind, tags))
    return _finish(response)


def _finish(response: HttpResponse) -> HttpResponse:
    """What the middleware a lean path skips would have added to its page."""
    response["Content-Length"] = str(len(response.content))
    response.headers.setdefault("X-Frame-Options", getattr(settings, "X_FRAME_OPTIONS", "DENY").upper())
    response.headers.setdefault("Content-Language", translation.get_language() or settings.LANGUAGE_CODE)
    patch_vary_headers(response, ("Cookie",))
    return response


# -- the parts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Chrome:
    chunks: list[str]
    extras: dict[str, Any]  # what the page's own parts need of the page, read with it


def _chrome(
    request: HttpRequest,
    template_name: str,
    blocks: tuple[str, ...],
    key: str,
    load: Callable[[], tuple[Any, dict[str, Any]]],
    context: dict[str, Any] | None = None,
) -> _Chrome:
    """The page template's output around ``blocks``, split at them, for this structure version and
    language; the language switch's CSRF token and return path are slots too. ``load`` gives the page
    to render it with (a section or the home page is read only here, once per structure version: any
    change to one starts a new version) and what else the parts need of it; ``context``, more of the
    template's variables (slots, filled by ``_assemble`` in the order the page prints them)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    site_pk = request._wagtail_site.pk  # type: ignore[attr-defined]

    def build() -> _Chrome:
        from django.contrib.auth.models import AnonymousUser

        page, extras = load()
        source = "{% extends template_name %}" + "".join(
            f"{{% block {name} %}}{SLOT}{{% endblock %}}" for name in blocks
        )
        template = engines["django"].from_string(source)
        stand_in = _StandInRequest(request)
        stand_in.user = AnonymousUser()
        html = template.render(
            {
                "template_name": template_name,
                "page": page,
                "self": page,
                "csrf_token": SLOT,
                **(context or {}),
            },
            stand_in,
        )
        return _Chrome(html.split(SLOT), extras)

    # In this process only: the chrome holds the static files' hashed names, which a deployment changes
    # without a new structure version.
    local_key = (site_pk, request._congtin_structure_version, language, template_name, key)  # type: ignore[attr-defined]
    chrome = _chrome_kept.get(local_key)
    if chrome is None:
        if len(_chrome_kept) >= CHROME_ENTRIES:
            _chrome_kept.clear()
        chrome = _chrome_kept[local_key] = build()
    return chrome


class _StandInRequest(HttpRequest):
    """The reader's request for rendering the chrome, with its return path left as a slot."""

    def __init__(self, request: HttpRequest) -> None:
        self.__dict__.update(request.__dict__)

    def get_full_path(self, force_append_slash: bool = False) -> str:
        return SLOT


def _assemble(request: HttpRequest, chunks: list[str], parts: list[str]) -> str:
    """The chrome's chunks with the page's blocks, then the CSRF token and the return path, in order."""
    fills = [*parts, get_token(request), escape(request.get_full_path())]
    out = [chunks[0]]
    for fill, chunk in zip(fills, chunks[1:], strict=True):
        out.append(fill)
        out.append(chunk)
    return "".join(out)


def _breadcrumbs(snapshot: structure.SiteStructure, path: str, title: str) -> str | None:
    trail = snapshot.ancestors(SimpleNamespace(path=path, steplen=4))
    if trail is None:
        return None
    items = "".join(
        f'<li><a href="/">{_("Trang chủ")}</a></li>'
        if crumb.depth == 2
        else f'<li><a href="{escape(crumb.url)}">{escape(crumb.title)}</a></li>'
        for crumb in trail
    )
    return (
        f'\n<nav class="breadcrumbs" aria-label="{_("Đường dẫn")}">\n  <ol>\n    {items}\n'
        f'    <li aria-current="page">{escape(title)}</li>\n  </ol>\n</nav>\n'
    )


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """A timestamp read by raw SQL: SQLite's come back naive, in UTC (USE_TZ)."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _iso(value: dt.datetime) -> str:
    return timezone.localtime(value).isoformat()


def _item(url: str, title: str, published: dt.datetime | None, summary: str, css: str = "") -> str:
    """``includes/article_item.html`` for an article without a thumbnail."""
    iso = _iso(published) if published else ""
    day = dates.format_date(published) if published else ""
    summary = escape(Truncator(summary).words(60, truncate=" …"))
    return (
        f'\n<article class="item{" " + css if css else ""}">\n  \n'
        f'  <h3 class="item-title"><a href="{escape(url)}">{escape(title)}</a></h3>\n'
        f'  <p class="item-date">{_("Ngày đăng")} <time datetime="{iso}">{day}</time></p>\n'
        f'  <p class="item-summary">{summary}</p>\n</article>\n'
    )


def _relative(url_path: str, root_url_path: str) -> str:
    return "/" + url_path[len(root_url_path) :]


# -- article --------------------------------------------------------------------------------------


def _article(
    request: HttpRequest,
    section: structure.StructurePage,
    slug: str,
    snapshot: structure.SiteStructure,
    site: Any,
    structure_version: str,
    root_url_path: str,
) -> HttpResponse | None:
    with _cursor() as cursor:
        cursor.execute(_ARTICLE_SQL, [slug, section.depth + 1, section.path + "%"])
        row = cursor.fetchone()
    if row is None:
        return None
    (pk, path, title, seo_title, search_description, first_published, last_published, revision, alias_of,
     url_path, dateline_place, dateline_date, summary, byline, author_id, feed_image_id, corrections,
     tags, registry_version, links_version) = row  # fmt: skip
    # Read with the article, in one statement: a change and its version are seen together.
    versions = {
        texts.STRUCTURE: structure_version,
        texts.REGISTRY: str(registry_version),
        texts.LINKS: str(links_version),
    }
    first_published, last_published = _aware(first_published), _aware(last_published)
    # An alias or a restricted article goes the normal way.
    if alias_of is not None or snapshot.is_restricted(path):
        return None
    related = _related(pk, path, snapshot, root_url_path)
    if related is None:
        return None
    record = SimpleNamespace(pk=pk, path=path)
    language = translation.get_language() or settings.LANGUAGE_CODE
    stamp = texts.stamp_of(pk, revision, last_published)
    kept = cache.get(texts.text_key(pk, language))
    page = None
    if not texts.is_current(kept, stamp, versions):
        from congtin.news.models import ArticlePage

        page = ArticlePage.objects.select_related("feed_image", "author").filter(pk=pk).first()
        if page is None:
            return None
        kept = texts.article_text_render(page, request=request, versions=versions)
    if not byline and author_id is not None:
        if page is None:
            from congtin.users.models import User

            author = User.objects.filter(pk=author_id).first()
        else:
            author = page.author
        byline = author.display_name if author is not None else ""
    full_url = site.root_url + _relative(url_path, root_url_path)
    relative_url = _relative(url_path, root_url_path)
    published_iso = _iso(first_published) if first_published else ""
    description = search_description or summary
    meta = (
        f'\n  <meta name="description" content="{escape(Truncator(description).chars(300))}">\n'
        f'  <link rel="canonical" href="{escape(full_url)}">\n'
        '  <meta property="og:type" content="article">\n'
        f'  <meta property="og:title" content="{escape(seo_title or title)}">\n'
        f'  <meta property="og:description" content="{escape(Truncator(summary).chars(300))}">\n'
        f'  <meta property="og:url" content="{escape(full_url)}">\n'
        '  <meta property="og:locale" content="vi_VN">\n  '
        + (_og_image(request, feed_image_id) if feed_image_id else "")
        + "\n"
        + (
            f'  <meta property="article:published_time" content="{published_iso}">\n'
            if first_published
            else "  \n"
        )
        + f'  <script type="application/ld+json">{news_article_json_ld(title=title, description=description, url=full_url, published=first_published, modified=last_published, byline=byline)}</script>\n'
    )
    crumbs = _breadcrumbs(snapshot, path, title)
    if crumbs is None:
        return None
    header = (
        (
            f'<p class="dateline">{escape(dates.format_dateline(dateline_place, dateline_date))}</p>'
            if dateline_date
            else ""
        )
        + f'\n  <h1 id="article-title">{escape(title)}</h1>\n  <div class="article-meta">\n    '
        + (
            f'<p class="published">{_("Ngày đăng")}: <time datetime="{published_iso}">'
            f"{dates.format_datetime(first_published)}</time></p>"
            if first_published
            else ""
        )
    )
    parts = [
        "\n\n",
        crumbs,
        '\n<article class="article" aria-labelledby="article-title">\n  ',
        header,
        _font_size(),
        f'\n    <a class="print-link" href="{escape(relative_url)}ban-in/" rel="nofollow">{_("In bài")}</a>\n  </div>\n'
        '  <div class="article-text" data-article-text>\n    ',
        kept.text,
        "\n    ",
        f'<p class="byline">{escape(byline)}</p>' if byline else "",
        "\n  </div>\n  ",
        _corrections(pk) if corrections else "",
        "\n  ",
        _tags(pk) if tags else "",
        "\n  ",
        kept.related_documents,
        "\n  ",
        _share(full_url, title),
        "\n</article>\n",
        related,
        "\n",
    ]
    chrome = _chrome(
        request,
        "news/article_page.html",
        ("title", "meta", "content"),
        path[:12],
        lambda: (SimpleNamespace(path=path), {}),
    )
    title_text = escape(seo_title or title)
    html = _assemble(request, chrome.chunks, [title_text, meta, "".join(parts)])
    return _respond(request, html, record, "article")


def _font_size() -> str:
    return (
        "\n"
        f'    <div class="font-size" role="group" aria-label="{_("Cỡ chữ")}" data-font-size-control>\n'
        f'      <span class="label">{_("Cỡ chữ")}:</span>\n'
        f'      <button type="button" data-font-step="-1">A−<span class="visually-hidden"> ({_("chữ nhỏ hơn")})</span></button>\n'
        f'      <button type="button" data-font-step="0">{_("Mặc định")}</button>\n'
        f'      <button type="button" data-font-step="1">A+<span class="visually-hidden"> ({_("chữ lớn hơn")})</span></button>\n'
        "    </div>"
    )


def _og_image(request: HttpRequest, image_id: int) -> str:
    """``{% image page.feed_image fill-1200x630 as og_image %}`` and its meta tag."""
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return ""
    url = image.get_rendition("fill-1200x630").url
    return f'<meta property="og:image" content="{escape(request.scheme)}://{escape(request.get_host())}{escape(url)}">'


def _corrections(pk: int) -> str:
    from congtin.news.models import ArticleCorrection

    rows = (
        ArticleCorrection.objects.filter(article_id=pk)
        .order_by("published_at")
        .values_list("published_at", "text")
    )
    items = "".join(
        f'<p><time datetime="{_iso(when)}">{dates.format_datetime(when)}</time>: {_linebreaksbr(text)}</p>'
        for when, text in rows
    )
    return (
        '\n  <aside class="corrections" aria-labelledby="dinh-chinh">\n'
        f'    <h2 id="dinh-chinh">{_("Đính chính")}</h2>\n    {items}\n  </aside>\n  '
    )


def _linebreaksbr(text: str) -> str:
    from django.template.defaultfilters import linebreaksbr

    return str(linebreaksbr(text, autoescape=True))


def _tags(pk: int) -> str:
    from congtin.news.models import ArticlePageTag

    rows = (
        ArticlePageTag.objects.filter(content_object_id=pk)
        .order_by("pk")
        .values_list("tag__name", "tag__slug")
    )
    links = ", ".join(
        f'<a href="/chu-de/{escape(slug)}/" rel="tag">{escape(name)}</a>' for name, slug in rows
    )
    return f'\n  <p class="tags">{_("Từ khóa")}: {links}</p>\n  '


def _share(url: str, title: str) -> str:
    u, t = quote(url, safe=""), quote(title, safe="")
    return (
        f'\n<div class="share" aria-label="{_("Chia sẻ")}" role="group">\n'
        f"  <span>{_('Chia sẻ')}:</span>\n"
        f'  <a href="https://www.facebook.com/sharer/sharer.php?u={u}" rel="noopener noreferrer" target="_blank">Facebook</a>\n'
        f'  <a href="https://sp.zalo.me/share_to_zalo?u={u}" rel="noopener noreferrer" target="_blank">Zalo</a>\n'
        f'  <a href="https://twitter.com/intent/tweet?url={u}&amp;text={t}" rel="noopener noreferrer" target="_blank">X</a>\n'
        f'  <a href="mailto:?subject={t}&amp;body={u}">{_("Thư điện tử")}</a>\n</div>\n'
    )


def _related(pk: int, path: str, snapshot: structure.SiteStructure, root_url_path: str) -> str | None:
    """ "Tin tức cùng chuyên mục" (``news.queries.related_in_section``), or None to go the normal way."""
    section_path = path[:-4]
    if any(r.startswith(section_path) for r in snapshot.restricted_paths):
        return None  # an article of the section is restricted: leave it to the normal way
    with _cursor() as cursor:
        cursor.execute(_RELATED_SQL, [len(path) // 4, section_path + "%", pk, RELATED_LIMIT])
        rows = cursor.fetchall()
    if not rows:
        return ""
    items = "".join(
        _item(_relative(url_path, root_url_path), title, _aware(published), summary)
        for url_path, title, published, summary in rows
    )
    return (
        '\n<section class="related" aria-labelledby="cung-chuyen-muc">\n'
        f'  <h2 id="cung-chuyen-muc">{_("Tin tức cùng chuyên mục")}</h2>\n  {items}\n</section>\n'
    )


# -- listings (section and home) ---------------------------------------------------------------

# How the listings are read, on PostgreSQL and on SQLite alike (``tests/test_fastpath_plans.py`` holds
# SQLite's plans): the newest articles by walking the publication date index from its end, keeping the
# rows under the section's path, until the LIMIT is reached -- no sort. SQLite's LIKE ignores case, so it
# never uses the path index for ``path LIKE 'prefix%'``, and has no statistics unless someone runs
# ANALYZE; PostgreSQL picks the same walk from its statistics.
_LISTING_COLUMNS = "p.id, p.url_path, p.title, p.first_published_at, a.summary, a.feed_image_id"
_LISTING_FROM = "FROM wagtailcore_page p JOIN news_articlepage a ON a.page_ptr_id = p.id"
_LISTING_WHERE = "WHERE p.live AND p.path LIKE %s AND p.depth > %s"
_NEWEST = "ORDER BY p.first_published_at DESC, p.id DESC"
# The top stories from their partial index (migration news 0003), the few of them sorted; the newest
# others by the date index. ``CROSS JOIN`` makes SQLite read the article rows first (its documented way
# to fix a join order; PostgreSQL treats it as a plain join): joined the other way round SQLite walks
# the date index down to the oldest top story, every article of the site when one of them is old.
HOME_TOP_SQL = (
    f"SELECT * FROM (SELECT {_LISTING_COLUMNS}, 1 AS arm "  # noqa: S608 - constants
    "FROM news_articlepage a CROSS JOIN wagtailcore_page p "
    f"{_LISTING_WHERE} AND a.page_ptr_id = p.id AND a.is_top_story {_NEWEST} LIMIT %s) AS top_stories "
    f"UNION ALL SELECT * FROM (SELECT {_LISTING_COLUMNS}, 2 AS arm {_LISTING_FROM} {_LISTING_WHERE} "
    f"AND NOT a.is_top_story {_NEWEST} LIMIT %s) AS newest"
)


def _prefix_wildcard(vendor: str) -> str:
    return "*" if vendor == "sqlite" else "%"


def section_listing_sql(vendor: str) -> str:
    """A section's newest articles with the count of all of them (for the pagination) in one statement;
    parameters: the article content type, the count's path pattern (the path and ``_prefix_wildcard``),
    the section's depth, the listing's path pattern (the path and "%"), the depth again, the limit.

    The count reads one index only: ``news_page_listing`` (migration news 0005; content type, path,
    depth, live). SQLite reaches its path range through ``GLOB``, which is case-sensitive and so may use
    an index on a column of the binary collation, where LIKE may not; PostgreSQL through LIKE."""
    operator = "GLOB" if vendor == "sqlite" else "LIKE"
    count_sql = (
        "SELECT COUNT(*) FROM wagtailcore_page q "  # noqa: S608 - constants
        f"WHERE q.content_type_id = %s AND q.path {operator} %s AND q.depth > %s AND q.live"
    )
    return f"SELECT {_LISTING_COLUMNS}, ({count_sql}) {_LISTING_FROM} {_LISTING_WHERE} {_NEWEST} LIMIT %s"


@dataclass(frozen=True)
class _Listed:
    pk: int
    url_path: str
    title: str
    published: dt.datetime | None
    summary: str
    feed_image_id: int | None


def _article_type_id() -> int:
    from django.contrib.contenttypes.models import ContentType

    from congtin.news.models import ArticlePage

    return ContentType.objects.get_for_model(ArticlePage).pk  # cached by Django after the first call


def _listed(rows: list[tuple[Any, ...]]) -> list[_Listed]:
    return [
        _Listed(pk, url, title, _aware(when), summary, image) for pk, url, title, when, summary, image in rows
    ]


def _news_restricted(snapshot: structure.SiteStructure, under: str) -> bool:
    """Whether a view restriction may hide articles below ``under`` (listings then go the normal way)."""
    for restricted in snapshot.restricted_paths:
        if restricted.startswith(under) or under.startswith(restricted):
            page = snapshot.pages.get(restricted)
            if page is None or page.model in (SECTION_MODEL, HOME_MODEL):
                return True
    return False


def _items(
    request: HttpRequest,
    articles: list[_Listed],
    root_url_path: str,
    *,
    with_image: bool,
    css: Callable[[int], str],
) -> str:
    """``includes/article_item.html`` for each article; one with a thumbnail is rendered by that template
    (its rendition), the others here."""
    with_thumbnail = [a.pk for a in articles if with_image and a.feed_image_id is not None]
    pages: dict[int, Any] = {}
    if with_thumbnail:
        from django.template import Context

        from congtin.news.queries import articles_public

        pages = {page.pk: page for page in articles_public().filter(pk__in=with_thumbnail)}
        template = engines["django"].get_template("includes/article_item.html").template  # type: ignore[attr-defined]
    out = []
    for index, article in enumerate(articles):
        page = pages.get(article.pk)
        if page is not None:
            context = Context({"article": page, "with_image": True, "class": css(index), "request": request})
            out.append(template.render(context))
        else:
            url = _relative(article.url_path, root_url_path)
            out.append(_item(url, article.title, article.published, article.summary, css(index)))
    return "".join(out)


def _section(
    request: HttpRequest,
    section: structure.StructurePage,
    snapshot: structure.SiteStructure,
    root_url_path: str,
) -> str | None:
    if _news_restricted(snapshot, section.path):
        return None
    crumbs = _breadcrumbs(snapshot, section.path, section.title)
    if crumbs is None:
        return None

    def load() -> tuple[Any, dict[str, Any]]:
        from congtin.news.models import SectionPage

        page = SectionPage.objects.get(pk=section.pk)
        return page, {"intro": page.intro, "featured_id": page.featured_article_id}

    chrome = _chrome(request, "news/section_page.html", ("content",), section.path, load)
    page_size = 20  # news.models.SECTION_PAGE_SIZE
    where = _LISTING_WHERE
    connection = _connection()
    with connection.cursor() as cursor:
        cursor.execute(
            section_listing_sql(connection.vendor),
            [
                _article_type_id(),
                section.path + _prefix_wildcard(connection.vendor),
                section.depth,
                section.path + "%",
                section.depth,
                page_size + 1,
            ],
        )
        rows = cursor.fetchall()
        total = rows[0][-1] if rows else 0
        articles = _listed([row[:-1] for row in rows])
        featured_id = chrome.extras["featured_id"]
        featured = next((a for a in articles if a.pk == featured_id), None)
        if featured is None and featured_id is not None:
            cursor.execute(
                f"SELECT {_LISTING_COLUMNS} {_LISTING_FROM} {where} AND p.id = %s",
                [section.path + "%", section.depth, featured_id],
            )
            chosen = _listed(cursor.fetchall())
            featured = chosen[0] if chosen else None
    if featured is None and articles:
        featured = articles[0]
    listing = [a for a in articles if featured is None or a.pk != featured.pk][:page_size]
    count = total - (1 if featured is not None else 0)
    pages = max(1, -(-count // page_size))
    subsections = [
        page
        for page in snapshot.pages.values()
        if page.model == SECTION_MODEL
        and page.depth == section.depth + 1
        and page.path.startswith(section.path)
        and not page.restricted
    ]
    intro = chrome.extras["intro"]
    parts = [
        "\n",
        crumbs,
        f"\n<h1>{escape(section.title)}</h1>\n",
        f'<p class="section-intro">{escape(intro)}</p>' if intro else "",
        "\n",
    ]
    if subsections:
        links = "".join(
            f'<li><a href="{escape(sub.url)}">{escape(sub.title)}</a></li>' for sub in subsections
        )
        parts.append(
            f'\n<nav class="subsections" aria-label="{_("Chuyên mục con")}"><ul>\n  {links}\n</ul></nav>\n'
        )
    parts.append("\n")
    if featured is not None:
        lead = _items(request, [featured], root_url_path, with_image=True, css=lambda _i: "lead")
        parts.append(
            '\n<section class="featured" aria-labelledby="bai-noi-bat">\n'
            f'  <h2 id="bai-noi-bat" class="visually-hidden">{_("Bài nổi bật")}</h2>\n  {lead}\n</section>\n'
        )
    items = _items(request, listing, root_url_path, with_image=True, css=lambda _i: "")
    if not listing:
        items = f"<p>{_('Chuyên mục chưa có bài viết.')}</p>"
    parts.append(
        '\n<section class="listing" aria-labelledby="danh-sach-bai">\n'
        f'  <h2 id="danh-sach-bai" class="visually-hidden">{_("Danh sách bài viết")}</h2>\n  {items}\n</section>\n'
    )
    if pages > 1:
        parts.append(
            f'\n<nav class="pagination" aria-label="{_("Phân trang")}">\n  \n'
            f"  <span>{_('Trang %(n)s/%(total)s') % {'n': 1, 'total': pages}}</span>\n"
            f'  <a href="?trang=2" rel="next">{_("Trang sau")} »</a>\n</nav>\n'
        )
    parts.append("\n\n")
    return _assemble(request, chrome.chunks, ["".join(parts)])


def _home(
    request: HttpRequest, home: structure.StructurePage, snapshot: structure.SiteStructure, root_url_path: str
) -> str | None:
    if _news_restricted(snapshot, home.path):
        return None

    def load() -> tuple[Any, dict[str, Any]]:
        from django.template.loader import get_template

        from congtin.core.models import JournalSettings
        from congtin.news.models import HomePage

        page = HomePage.objects.get(pk=home.pk)
        journal = JournalSettings.for_request(request)
        masthead = get_template("includes/masthead.html").render({"journal": journal}, request)
        return page, {"heading": journal.journal_name or page.title, "masthead": masthead}

    chrome = _chrome(request, "news/home_page.html", ("content",), "", load)
    sections = [
        page
        for page in snapshot.pages.values()
        if page.model == SECTION_MODEL and page.depth == home.depth + 1 and not page.restricted
    ]
    where = _LISTING_WHERE
    with _cursor() as cursor:
        # Top stories first, newest first; the newest other articles fill the places left
        # (news.queries.top_stories).
        cursor.execute(
            HOME_TOP_SQL, [home.path + "%", home.depth, TOP_STORIES, home.path + "%", home.depth, TOP_STORIES]
        )
        rows = cursor.fetchall()
        top = _listed([row[:-1] for row in rows if row[-1] == 1])
        top += _listed([row[:-1] for row in rows if row[-1] == 2])[: TOP_STORIES - len(top)]
        by_section: dict[str, list[_Listed]] = {}
        if sections:
            arms, params = [], []
            for n, section in enumerate(sections):
                arms.append(
                    f"SELECT * FROM (SELECT {_LISTING_COLUMNS}, p.path {_LISTING_FROM} {where} {_NEWEST} LIMIT %s) AS newest_{n}"  # noqa: S608
                )
                params += [section.path + "%", section.depth, 5]
            cursor.execute(" UNION ALL ".join(arms), params)
            for row in cursor.fetchall():
                by_section.setdefault(row[-1][: len(home.path) + 4], []).extend(_listed([row[:-1]]))
    parts = [f'\n<h1 class="visually-hidden">{escape(chrome.extras["heading"])}</h1>\n']
    if top:
        items = _items(request, top, root_url_path, with_image=True, css=lambda i: "" if i else "lead")
        parts.append(
            '\n<section class="top-stories" aria-labelledby="tin-noi-bat">\n'
            f'  <h2 id="tin-noi-bat">{_("Tin nổi bật")}</h2>\n  <div class="top-grid">\n    {items}\n  </div>\n</section>\n'
        )
    parts.append("\n")
    for section in sections:
        listed = by_section.get(section.path, [])
        items = _items(request, listed, root_url_path, with_image=False, css=lambda _i: "")
        if not listed:
            items = f"<p>{_('Chưa có bài.')}</p>"
        parts.append(
            f'\n<section class="home-section" aria-labelledby="cm-{section.pk}">\n'
            f'  <h2 id="cm-{section.pk}"><a href="{escape(section.url)}">{escape(section.title)}</a></h2>\n'
            f"  {items}\n</section>\n"
        )
    parts.append(
        f'\n<section class="home-masthead" aria-label="{_("Thông tin cơ quan báo chí")}">\n'
        f"  {chrome.extras['masthead']}\n</section>\n"
    )
    return _assemble(request, chrome.chunks, ["".join(parts)])
