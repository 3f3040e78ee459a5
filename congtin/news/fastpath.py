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
import functools
import logging
import math
import os
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from html import escape as html_escape
from types import SimpleNamespace
from typing import Any, Protocol, TypeVar
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.template import engines
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext

from congtin.core import structure
from congtin.frontcache import policies
from congtin.news import texts
from congtin.news.queries import LISTINGS_VERSION_SQL, page_connection, section_article_count
from congtin.news.structured_data import news_article_json_ld
from congtin.search import fastpath as search_fastpath
from congtin.vietnamese import dates

logger = logging.getLogger(__name__)
T = TypeVar("T")
Row = tuple[Any, ...]

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

# The page's labels, translated once per language in each process: a page prints some fifteen, and each
# gettext() finds the active language through asgiref's Local and asks the catalogs in turn.
_labels: dict[tuple[str, str], str] = {}


def _language() -> str:
    """The active language. The lean pages (and the lean search page) are the site's own language only
    and run under ``translation.override(settings.LANGUAGE_CODE)``, so it is read from the settings, not
    through the translation machinery's thread-local: that costs 4.7 µs a call, and a page asked
    eighteen times."""
    return str(settings.LANGUAGE_CODE)


def _(message: str) -> str:
    key = (_language(), message)
    label = _labels.get(key)
    if label is None:
        label = _labels[key] = gettext(message)
    return label


# An article and its section's newest articles ("Tin tức cùng chuyên mục"), read in one statement: one
# round trip to the database instead of two (each cost some 0.3 ms of the web process's CPU on the bench
# machine). Arm 0 is the article, arm 1 its section's newest, one more than are shown (the reader's own
# article is dropped from them), in the columns of the article's that hold the same values, the others
# NULL of the column's type (PostgreSQL types a bare NULL in a subquery as text).
_ARTICLE_SQL = """
SELECT * FROM (SELECT 0 AS arm, p.id, p.path, p.title, p.seo_title, p.search_description,
       p.first_published_at, p.last_published_at, p.live_revision_id, p.alias_of_id, p.url_path,
       a.dateline_place, a.dateline_date, a.summary, a.byline, a.author_id, a.feed_image_id,
       (SELECT COUNT(*) FROM news_articlecorrection c WHERE c.article_id = p.id),
       (SELECT COUNT(*) FROM news_articlepagetag t WHERE t.content_object_id = p.id),
       (SELECT v.counter FROM core_dataversion v WHERE v.name = 'registry'),
       (SELECT v.counter FROM core_dataversion v WHERE v.name = 'links')
FROM wagtailcore_page p JOIN news_articlepage a ON a.page_ptr_id = p.id
WHERE p.slug = {slug} AND p.depth = %s AND p.path LIKE %s AND p.live) AS article
UNION ALL
SELECT * FROM (SELECT 1 AS arm, p.id, CAST(NULL AS text), p.title, CAST(NULL AS text), CAST(NULL AS text),
       p.first_published_at, CAST(NULL AS timestamp with time zone), CAST(NULL AS bigint),
       CAST(NULL AS bigint), p.url_path, CAST(NULL AS text), CAST(NULL AS date), a.summary, CAST(NULL AS text),
       CAST(NULL AS bigint), CAST(NULL AS bigint), CAST(NULL AS bigint), CAST(NULL AS bigint),
       CAST(NULL AS bigint), CAST(NULL AS bigint)
FROM wagtailcore_page p JOIN news_articlepage a ON a.page_ptr_id = p.id
WHERE p.live AND p.depth = %s AND p.path LIKE %s
ORDER BY p.first_published_at DESC, p.id DESC
LIMIT %s) AS related
"""


class FastPageMiddleware:
    """Serves what it can of the news tree; hands everything else on unchanged."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = None
        try:
            if request.method in ("GET", "HEAD") and _plain(request):
                response = _serve(request)
            elif request.path_info == search_fastpath.search_url():
                response = search_fastpath.serve(request)
        except StaleStructure:
            response = None  # Django and Wagtail answer from the database as it is now
        return response if response is not None else self.get_response(request)


class StaleStructure(Exception):
    """A page of the site structure this process read is no longer in the database: the structure
    changed since (``_structure_version`` reads it at most every ``CONGTIN_LEAN_VERSION_MAX_AGE``
    seconds), and the page goes the normal way."""


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


@functools.lru_cache(maxsize=4096)
def _to_wagtail(urlconf: Any, path_info: str) -> bool:
    """Whether the URLconf sends ``path_info`` to Wagtail's page serving: the same answer for the same
    URLconf and path, so remembered for the paths most read (the home page, the sections) instead of
    trying a dozen URL patterns on every request."""
    try:
        match = resolve(path_info, urlconf)
    except Resolver404:
        return False
    return bool(match.url_name == "wagtail_serve")


# The structure version this process read last, and when (``time.monotonic()``).
_version_read: tuple[float, str] = (-math.inf, "")


def _structure_version(request: HttpRequest) -> str:
    """The structure version for a reader's lean page, read from the cache at most once every
    ``CONGTIN_LEAN_VERSION_MAX_AGE`` seconds in each process (decision 0026, session 8): the read was a
    round trip to Redis on every page, 0.3 ms of the web process's CPU, a sixth of a page. A change to
    the structure (a section renamed, moved, unpublished or restricted, a site's host) reaches the lean
    pages of a process that read the version just before it that much later; the article, its section's
    listing and the home page's are read from the database on every request all the same."""
    global _version_read
    read_at, current = _version_read
    now = time.monotonic()
    if not current or now - read_at >= settings.CONGTIN_LEAN_VERSION_MAX_AGE:
        current = structure.version()
        _version_read = (now, current)
    request._congtin_structure_version = current  # type: ignore[attr-defined]
    return current


def forget_structure_version() -> None:
    """Read the structure version again on the next lean page (tests: an earlier test's version names
    rows that were rolled back)."""
    global _version_read
    _version_read = (-math.inf, "")


def site_and_structure(request: HttpRequest) -> tuple[Any, structure.SiteStructure] | None:
    """The request's site among the cached sites (as Wagtail's ``Site.find_for_request`` chooses) and its
    complete structure, both set on the request for what runs after; None to let Django answer."""
    request.get_host()  # the same DisallowedHost (400) as Django when the host is not allowed
    hostname = split_domain_port(request._get_raw_host())[0]  # type: ignore[attr-defined]
    port = request.get_port()
    current = _structure_version(request)
    site = structure.site_for_host(current, hostname, int(port) if port.isdigit() else 0)
    if site is None:
        return None
    request._wagtail_site = site  # type: ignore[attr-defined]
    request._congtin_structure_version = current  # type: ignore[attr-defined]
    snapshot = structure.request_structure(request)
    if snapshot is None or not snapshot.complete:
        return None
    return site, snapshot


def _serve(request: HttpRequest) -> HttpResponse | None:
    # Only what the URLconf hands to Wagtail's page tree; every other view runs as before.
    if not _to_wagtail(get_urlconf() or settings.ROOT_URLCONF, request.path_info):
        return None
    found = site_and_structure(request)
    if found is None:
        return None
    site, snapshot = found
    current: str = request._congtin_structure_version  # type: ignore[attr-defined]
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


def _cursor() -> Any:
    return page_connection().cursor()


NEVER_BY_COUNT = 2**31 - 1


def _prepares(connection: Any) -> bool:
    return bool(
        connection.vendor == "postgresql"
        and settings.CONGTIN_PREPARED_LISTINGS
        and _preparing_cursor_class() is not None
    )


def _statement(sql: str, params: tuple[Any, ...]) -> tuple[str, tuple[Any, ...] | None]:
    """A listing's statement, made once per structure version: on PostgreSQL with its values written
    in (quoted by the driver), so that its text is the whole statement and ``_listing_cursor`` can
    prepare it; elsewhere the SQL and its parameters."""
    connection = page_connection()
    if not _prepares(connection):
        return sql, params
    connection.ensure_connection()
    return str(connection.ops.compose_sql(sql, params)), None


def _listing_cursor() -> Any:
    """A cursor for the listings' statements. On PostgreSQL they are prepared on the server, once per
    connection, instead of planned on every request: their text changes only with the site structure
    (``_statement``), and planning the home page's took 1.4 ms of PostgreSQL CPU at 10,000 articles,
    three times its execution. ``CONGTIN_PREPARED_LISTINGS = False`` turns this off, for a connection
    pooler in transaction mode that does not carry prepared statements (PgBouncer before 1.21)."""
    connection = page_connection()
    if not _prepares(connection):
        return connection.cursor()
    # BaseDatabaseWrapper._cursor(), with a cursor that prepares what it executes.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:
        # Django sets None, which turns psycopg's preparing off altogether, explicit requests
        # included. A threshold never reached prepares only what asks for it: Django's own
        # (client-binding) cursors never prepare.
        raw.prepare_threshold = NEVER_BY_COUNT
    with connection.wrap_database_errors:
        return connection._prepare_cursor(_preparing_cursor_class()(raw))


def _read(run: Callable[[Any], T]) -> T:
    """``run(cursor)``: the page's first reads, on the page connection.

    With ``CONN_HEALTH_CHECKS`` Django checks a connection kept from an earlier request with a
    ``SELECT 1`` before the request's first statement: a round trip to the database on every page. Here
    the page's own statements are the check: when they fail on a kept connection that turns out broken
    (the server restarted, a firewall or pooler dropped the connection), it is closed and the reads run
    again on a new one, as the check would have done before them. They only read, so running them again
    changes nothing."""
    connection = page_connection()
    kept = (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
        and not connection.in_atomic_block
    )
    if kept:
        connection.health_check_done = True
    try:
        with _listing_cursor() as cursor:
            return run(cursor)
    except (OperationalError, InterfaceError):
        if not kept or connection.is_usable():
            raise
        logger.warning(
            "Kết nối cơ sở dữ liệu đã đứt, mở kết nối mới (database connection lost, reconnecting)"
        )
        connection.close()
    with _listing_cursor() as cursor:
        return run(cursor)


@functools.cache
def _preparing_cursor_class() -> Any:
    """Django's server-binding psycopg cursor, preparing every statement it executes (psycopg 3 only)."""
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    if not is_psycopg3:
        return None
    from django.db.backends.postgresql.base import ServerBindingCursor
    from psycopg.types.datetime import TimestamptzLoader

    class PreparingCursor(ServerBindingCursor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # psycopg's own reading of a timestamptz, in C, in the session's time zone (UTC, as Django
            # sets it), where Django's loader is a Python subclass that reads each in Python: 35 of
            # them on the home page.
            self.adapters.register_loader("timestamptz", TimestamptzLoader)  # type: ignore[attr-defined]

        def execute(
            self, query: Any, params: Any = None, *, prepare: bool | None = None, binary: Any = None
        ) -> Any:
            return super().execute(query, params, prepare=True, binary=binary)  # type: ignore[misc]

    return PreparingCursor


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
    response.headers.setdefault("Content-Language", _language())
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
    language = _language()
    site_pk = request._wagtail_site.pk  # type: ignore[attr-defined]

    def build() -> _Chrome:
        from django.contrib.auth.models import AnonymousUser

        try:
            page, extras = load()
        except ObjectDoesNotExist as gone:
            raise StaleStructure from gone
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


def _csrf_token() -> str:
    """What ``get_token`` prints for a request that carries no CSRF secret, as every request here does
    (``CsrfViewMiddleware`` has not run, and the front cache drops the cookie anyway, 0018): a new
    secret masked by a new mask, which is 64 characters drawn uniformly and independently from
    ``CSRF_ALLOWED_CHARS``. Drawn here from one read of the system's random source (bytes below the
    largest multiple of 62, the rest rejected) instead of 64 calls of ``secrets.choice``."""
    chars, size = CSRF_ALLOWED_CHARS, len(CSRF_ALLOWED_CHARS)
    limit = 256 - 256 % size
    drawn: list[str] = []
    while len(drawn) < 2 * CSRF_SECRET_LENGTH:
        drawn += [chars[byte % size] for byte in os.urandom(96) if byte < limit]
    return "".join(drawn[: 2 * CSRF_SECRET_LENGTH])


def _assemble(request: HttpRequest, chunks: list[str], parts: list[str]) -> str:
    """The chrome's chunks with the page's blocks, then the CSRF token and the return path, in order."""
    fills = [*parts, _csrf_token(), escape(request.get_full_path())]
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
    sql, params = _article_statement(section)

    def read(cursor: Any) -> list[Row]:
        cursor.execute(sql, [slug, *params])
        return list(cursor.fetchall())

    rows = _read(read)
    if not rows or rows[0][0] != 0:
        return None
    (_arm, pk, path, title, seo_title, search_description, first_published, last_published, revision, alias_of,
     url_path, dateline_place, dateline_date, summary, byline, author_id, feed_image_id, corrections,
     tags, registry_version, links_version) = rows[0]  # fmt: skip
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
    related = _related(pk, path, rows, snapshot, root_url_path)
    if related is None:
        return None
    record = SimpleNamespace(pk=pk, path=path)
    language = _language()
    stamp = texts.stamp_of(pk, revision, last_published)
    kept = texts.kept_text(pk, language, stamp, versions)
    page = None
    if kept is None:
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
    og_description = _chars(summary, 300)
    meta_description = _chars(search_description, 300) if search_description else og_description
    meta = (
        f'\n  <meta name="description" content="{escape(meta_description)}">\n'
        f'  <link rel="canonical" href="{escape(full_url)}">\n'
        '  <meta property="og:type" content="article">\n'
        f'  <meta property="og:title" content="{escape(seo_title or title)}">\n'
        f'  <meta property="og:description" content="{escape(og_description)}">\n'
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
    return _share_links(url, title, _language())


@functools.lru_cache(maxsize=2048)
def _share_links(url: str, title: str, language: str) -> str:
    """The share links of an article's address and title, made once for the articles read most:
    percent-encoding a title took some 17 µs."""
    u, t = quote(url, safe=""), quote(title, safe="")
    return (
        f'\n<div class="share" aria-label="{_("Chia sẻ")}" role="group">\n'
        f"  <span>{_('Chia sẻ')}:</span>\n"
        f'  <a href="https://www.facebook.com/sharer/sharer.php?u={u}" rel="noopener noreferrer" target="_blank">Facebook</a>\n'
        f'  <a href="https://sp.zalo.me/share_to_zalo?u={u}" rel="noopener noreferrer" target="_blank">Zalo</a>\n'
        f'  <a href="https://twitter.com/intent/tweet?url={u}&amp;text={t}" rel="noopener noreferrer" target="_blank">X</a>\n'
        f'  <a href="mailto:?subject={t}&amp;body={u}">{_("Thư điện tử")}</a>\n</div>\n'
    )


_article_statements: dict[tuple[str, str], tuple[str, tuple[Any, ...]]] = {}


def _article_statement(section: structure.StructurePage) -> tuple[str, tuple[Any, ...]]:
    """The statement that reads an article of ``section`` by its slug, with the section's newest, and
    its parameters after the slug. On PostgreSQL it names the section's values in its text, the slug its
    only parameter, so that PostgreSQL prepares one plan per section and reuses it for every article in
    it (``_listing_cursor``); elsewhere every value is a parameter."""
    key = (page_connection().alias, section.path)
    statement = _article_statements.get(key)
    if statement is None:
        if len(_article_statements) > 1000:  # sections deleted or moved leave keys behind
            _article_statements.clear()
        depth, under = section.depth + 1, section.path + "%"
        params = (depth, under, depth, under, RELATED_LIMIT + 1)
        if _prepares(page_connection()):
            # The others written in, then the text's own "%" (in LIKE '...%') doubled, as a statement
            # run with a parameter must have them, and the slug's placeholder put in.
            text, _none = _statement(_ARTICLE_SQL, params)
            statement = (text.replace("%", "%%").replace("{slug}", "%s"), ())
        else:
            statement = (_ARTICLE_SQL.replace("{slug}", "%s"), params)
        _article_statements[key] = statement
    return statement


def _related(
    pk: int, path: str, rows: list[Row], snapshot: structure.SiteStructure, root_url_path: str
) -> str | None:
    """ "Tin tức cùng chuyên mục" (``news.queries.related_in_section``) from the article statement's arm
    1, or None to go the normal way."""
    section_path = path[:-4]
    if any(r.startswith(section_path) for r in snapshot.restricted_paths):
        return None  # an article of the section is restricted: leave it to the normal way
    # (id, url_path, title, first_published_at, summary), as the listings print them.
    rows = [(r[1], r[10], r[3], r[6], r[13]) for r in rows if r[0] == 1 and r[1] != pk][:RELATED_LIMIT]
    if not rows:
        return ""
    item = _printer(root_url_path)
    items = "".join([item(row) for row in rows])
    return (
        '\n<section class="related" aria-labelledby="cung-chuyen-muc">\n'
        f'  <h2 id="cung-chuyen-muc">{_("Tin tức cùng chuyên mục")}</h2>\n  {items}\n</section>\n'
    )


# -- listings (section and home) ---------------------------------------------------------------
#
# A listing's rows are the columns below, in this order: (id, url_path, title, first_published_at,
# summary, feed_image_id), plus what the query adds after them. Everything a listing prints that
# depends only on the site structure (breadcrumbs, headings, subsections, the statements themselves)
# is prepared with the chrome, once per structure version and language; per request only the rows
# read from the database are printed.

# How the listings are read, on PostgreSQL and on SQLite alike (``tests/test_fastpath_plans.py`` holds
# SQLite's plans): the newest articles by walking the publication date index from its end, keeping the
# rows under the section's path, until the LIMIT is reached -- no sort. SQLite's LIKE ignores case, so it
# never uses the path index for ``path LIKE 'prefix%'``, and has no statistics unless someone runs
# ANALYZE; PostgreSQL picks the same walk from its statistics.
_LISTING_COLUMNS = "p.id, p.url_path, p.title, p.first_published_at, a.summary, a.feed_image_id"
_LISTING_FROM = "FROM wagtailcore_page p JOIN news_articlepage a ON a.page_ptr_id = p.id"
_LISTING_WHERE = "WHERE p.live AND p.path LIKE %s AND p.depth > %s"
_NEWEST = "ORDER BY p.first_published_at DESC, p.id DESC"
# The top stories are read from their partial index (migration news 0003), the few of them sorted; the
# newest others by the date index. ``CROSS JOIN`` makes SQLite read the article rows first (its
# documented way to fix a join order; PostgreSQL treats it as a plain join): joined the other way round
# SQLite walks the date index down to the oldest top story, every article of the site when one is old.
_TOP_STORIES_FROM = "FROM news_articlepage a CROSS JOIN wagtailcore_page p"
SECTION_PAGE_SIZE = 20  # news.models.SECTION_PAGE_SIZE
HOME_SECTION_ITEMS = 5  # news.queries.sections_with_articles


def _chars(text: str, length: int) -> str:
    """The template's ``truncatechars``: a text no longer than ``length`` comes back whole (NFC, as
    Truncator gives it) without Truncator's walk through it, which counts no more characters than
    ``len`` does."""
    if len(text) <= length:
        return unicodedata.normalize("NFC", text)
    return Truncator(text).chars(length)


SUMMARY_WORDS = 60  # includes/article_item.html: truncatewords:60
_words_kept: dict[str, dict[str, str]] = {}


class _Printer(Protocol):
    def __call__(self, row: Row, css: str = "") -> str: ...


def _words() -> dict[str, str]:
    """The interface words a listing prints per request, translated once per process and language."""
    language = _language()
    words = _words_kept.get(language)
    if words is None:
        words = _words_kept[language] = {
            "published": _("Ngày đăng"),
            "no_articles": _("Chưa có bài."),
            "section_empty": _("Chuyên mục chưa có bài viết."),
            "pages": _("Phân trang"),
            "page_n": _("Trang %(n)s/%(total)s"),
            "next": _("Trang sau"),
        }
    return words


def _printer(root_url_path: str) -> _Printer:
    """``includes/article_item.html`` for a listed article without a thumbnail, as the template prints
    it (``pageurl``, ``date:'c'``, ``vn_date``, ``truncatewords:60``, autoescaping); what every item
    shares -- the time zone, the translated label, the site's root -- is looked up once per listing."""
    zone = timezone.get_current_timezone()
    vietnam = dates.VIETNAM_TZ
    cut = len(root_url_path)
    date_open = f'  <p class="item-date">{_words()["published"]} <time datetime="'

    def item(row: Row, css: str = "") -> str:
        url_path, title, published, summary = row[1], row[2], row[3], row[4]
        if published is None:
            iso = day = ""
        else:
            if published.tzinfo is None:  # SQLite: naive, in UTC (USE_TZ)
                published = published.replace(tzinfo=dt.UTC)
            local = published.astimezone(zone)
            iso = local.isoformat()
            if zone is not vietnam:
                local = published.astimezone(vietnam)
            day = f"{local.day:02d}/{local.month:02d}/{local.year:04d}"
        words = summary.split()
        if len(words) > SUMMARY_WORDS:
            summary = " ".join(words[:SUMMARY_WORDS])
            if not summary.endswith(" …"):  # as Django's add_truncation_text
                summary += " …"
        else:
            summary = " ".join(words)
        return (
            f'\n<article class="item{" " + css if css else ""}">\n  \n'
            f'  <h3 class="item-title"><a href="{html_escape("/" + url_path[cut:])}">{html_escape(title)}</a></h3>\n'
            f'{date_open}{iso}">{day}</time></p>\n'
            f'  <p class="item-summary">{html_escape(summary)}</p>\n</article>\n'
        )

    return item


def _news_restricted(snapshot: structure.SiteStructure, under: str) -> bool:
    """Whether a view restriction may hide articles below ``under`` (listings then go the normal way)."""
    for restricted in snapshot.restricted_paths:
        if restricted.startswith(under) or under.startswith(restricted):
            page = snapshot.pages.get(restricted)
            if page is None or page.model in (SECTION_MODEL, HOME_MODEL):
                return True
    return False


def _items(request: HttpRequest, rows: list[Row], item: _Printer, *, with_image: bool, lead: bool) -> str:
    """``includes/article_item.html`` for each row, the first with the class "lead" when ``lead``; one
    with a thumbnail is rendered by that template (its rendition), the others by ``item``."""
    if not (with_image and any(row[5] is not None for row in rows)):
        if lead:
            return item(rows[0], "lead") + "".join([item(row) for row in rows[1:]])
        return "".join([item(row) for row in rows])
    from django.template import Context

    from congtin.news.queries import articles_public

    pages = {
        page.pk: page for page in articles_public().filter(pk__in=[r[0] for r in rows if r[5] is not None])
    }
    template = engines["django"].get_template("includes/article_item.html").template  # type: ignore[attr-defined]
    out = []
    for index, row in enumerate(rows):
        css = "lead" if lead and index == 0 else ""
        page = pages.get(row[0])
        if page is not None:
            context = Context({"article": page, "with_image": True, "class": css, "request": request})
            out.append(template.render(context))
        else:
            out.append(item(row, css))
    return "".join(out)


def _section(
    request: HttpRequest,
    section: structure.StructurePage,
    snapshot: structure.SiteStructure,
    root_url_path: str,
) -> str | None:
    if _news_restricted(snapshot, section.path):
        return None

    def load() -> tuple[Any, dict[str, Any]]:
        """The section and what its listing prints around the rows, for this structure version."""
        from congtin.news.models import SectionPage

        page = SectionPage.objects.get(pk=section.pk)
        crumbs = _breadcrumbs(snapshot, section.path, section.title)
        subsections = [
            sub
            for sub in snapshot.pages.values()
            if sub.model == SECTION_MODEL
            and sub.depth == section.depth + 1
            and sub.path.startswith(section.path)
            and not sub.restricted
        ]
        nav = ""
        if subsections:
            links = "".join(
                f'<li><a href="{escape(sub.url)}">{escape(sub.title)}</a></li>' for sub in subsections
            )
            nav = f'\n<nav class="subsections" aria-label="{_("Chuyên mục con")}"><ul>\n  {links}\n</ul></nav>\n'
        intro = f'<p class="section-intro">{escape(page.intro)}</p>' if page.intro else ""
        head = (
            f"\n{crumbs}\n<h1>{escape(section.title)}</h1>\n{intro}\n{nav}\n" if crumbs is not None else None
        )
        like = section.path + "%"
        # The newest by the publication date index, each row with the listings version its count is
        # kept under (``news.queries.section_article_count``).
        return page, {
            "head": head,
            "featured_id": page.featured_article_id,
            "statement": _statement(
                f"SELECT {_LISTING_COLUMNS}, {LISTINGS_VERSION_SQL} {_LISTING_FROM} {_LISTING_WHERE} {_NEWEST} LIMIT %s",
                (like, section.depth, SECTION_PAGE_SIZE + 1),
            ),
            "featured_statement": _statement(
                f"SELECT {_LISTING_COLUMNS} {_LISTING_FROM} {_LISTING_WHERE} AND p.id = %s",
                (like, section.depth, page.featured_article_id),
            ),
            "featured_open": (
                '\n<section class="featured" aria-labelledby="bai-noi-bat">\n'
                f'  <h2 id="bai-noi-bat" class="visually-hidden">{_("Bài nổi bật")}</h2>\n  '
            ),
            "listing_open": (
                '\n<section class="listing" aria-labelledby="danh-sach-bai">\n'
                f'  <h2 id="danh-sach-bai" class="visually-hidden">{_("Danh sách bài viết")}</h2>\n  '
            ),
        }

    chrome = _chrome(request, "news/section_page.html", ("content",), section.path, load)
    extras = chrome.extras
    if extras["head"] is None:
        return None
    featured_id = extras["featured_id"]

    def read(cursor: Any) -> tuple[list[Row], Row | None]:
        cursor.execute(*extras["statement"])
        rows = cursor.fetchall()
        featured = next((row for row in rows if row[0] == featured_id), None)
        if featured is None and featured_id is not None:
            cursor.execute(*extras["featured_statement"])
            featured = cursor.fetchone()
        return rows, featured

    rows, featured = _read(read)
    if len(rows) <= SECTION_PAGE_SIZE:
        total = len(rows)  # all of them: nothing to count
    else:
        # Counted once per listings version, read with the rows, so a count and the rows it goes with
        # are of the same data (decision 0026).
        total = section_article_count(
            section_id=section.pk,
            path=section.path,
            depth=section.depth,
            version=rows[0][-1],
            structure_version=request._congtin_structure_version,  # type: ignore[attr-defined]
        )
    if featured is None and rows:
        featured = rows[0]
    listing = [row for row in rows if featured is None or row[0] != featured[0]][:SECTION_PAGE_SIZE]
    count = total - (1 if featured is not None else 0)
    pages = max(1, -(-count // SECTION_PAGE_SIZE))
    item = _printer(root_url_path)
    words = _words()
    parts = [extras["head"]]
    if featured is not None:
        lead = _items(request, [featured], item, with_image=True, lead=True)
        parts.append(f"{extras['featured_open']}{lead}\n</section>\n")
    if listing:
        items = _items(request, listing, item, with_image=True, lead=False)
    else:
        items = f"<p>{words['section_empty']}</p>"
    parts.append(f"{extras['listing_open']}{items}\n</section>\n")
    if pages > 1:
        parts.append(
            f'\n<nav class="pagination" aria-label="{words["pages"]}">\n  \n'
            f"  <span>{words['page_n'] % {'n': 1, 'total': pages}}</span>\n"
            f'  <a href="?trang=2" rel="next">{words["next"]} »</a>\n</nav>\n'
        )
    parts.append("\n\n")
    return _assemble(request, chrome.chunks, ["".join(parts)])


def _home(
    request: HttpRequest, home: structure.StructurePage, snapshot: structure.SiteStructure, root_url_path: str
) -> str | None:
    if _news_restricted(snapshot, home.path):
        return None

    def load() -> tuple[Any, dict[str, Any]]:
        """The home page and what it prints around the rows, for this structure version: its sections'
        headings and the one statement that reads every listing."""
        from django.template.loader import get_template

        from congtin.core.models import JournalSettings
        from congtin.news.models import HomePage

        page = HomePage.objects.get(pk=home.pk)
        journal = JournalSettings.for_request(request)
        masthead = get_template("includes/masthead.html").render({"journal": journal}, request)
        sections = [
            section
            for section in snapshot.pages.values()
            if section.model == SECTION_MODEL and section.depth == home.depth + 1 and not section.restricted
        ]
        # Arm 0: the top stories, newest first (their partial index); arm 1: the newest others, which
        # fill the places left (news.queries.top_stories); arm 2 + n: section n's newest
        # (news.queries.sections_with_articles). Each arm is served by an index.
        arm = "SELECT * FROM (SELECT {columns}, {n} AS arm {source} {where}{extra} {newest} LIMIT %s) AS arm_{n}"
        arms, params = [], []
        for n, (under, depth, source, extra, limit) in enumerate(
            [
                (
                    home.path,
                    home.depth,
                    _TOP_STORIES_FROM,
                    " AND a.page_ptr_id = p.id AND a.is_top_story",
                    TOP_STORIES,
                ),
                (home.path, home.depth, _LISTING_FROM, " AND NOT a.is_top_story", TOP_STORIES),
                *(
                    (section.path, section.depth, _LISTING_FROM, "", HOME_SECTION_ITEMS)
                    for section in sections
                ),
            ]
        ):
            arms.append(
                arm.format(
                    columns=_LISTING_COLUMNS,
                    n=n,
                    source=source,
                    where=_LISTING_WHERE,
                    extra=extra,
                    newest=_NEWEST,
                )
            )
            params += [under + "%", depth, limit]
        heading = journal.journal_name or page.title
        return page, {
            "head": f'\n<h1 class="visually-hidden">{escape(heading)}</h1>\n',
            "top_open": (
                '\n<section class="top-stories" aria-labelledby="tin-noi-bat">\n'
                f'  <h2 id="tin-noi-bat">{_("Tin nổi bật")}</h2>\n  <div class="top-grid">\n    '
            ),
            "sections": [
                f'\n<section class="home-section" aria-labelledby="cm-{section.pk}">\n'
                f'  <h2 id="cm-{section.pk}"><a href="{escape(section.url)}">{escape(section.title)}</a></h2>\n  '
                for section in sections
            ],
            "tail": (
                f'\n<section class="home-masthead" aria-label="{_("Thông tin cơ quan báo chí")}">\n'
                f"  {masthead}\n</section>\n"
            ),
            "statement": _statement(" UNION ALL ".join(arms), tuple(params)),
        }

    chrome = _chrome(request, "news/home_page.html", ("content",), "", load)
    extras = chrome.extras
    sections: list[str] = extras["sections"]

    def read(cursor: Any) -> list[Row]:
        cursor.execute(*extras["statement"])
        return list(cursor.fetchall())

    rows = _read(read)
    # The arms in order, each newest first (UNION ALL appends its arms; an arm's rows keep their order).
    arms: list[list[Row]] = [[] for _n in range(2 + len(sections))]
    for row in rows:
        arms[row[-1]].append(row)
    top = arms[0] + arms[1][: TOP_STORIES - len(arms[0])]
    item = _printer(root_url_path)
    parts = [extras["head"]]
    if top:
        items = _items(request, top, item, with_image=True, lead=True)
        parts.append(f"{extras['top_open']}{items}\n  </div>\n</section>\n")
    parts.append("\n")
    empty = f"<p>{_words()['no_articles']}</p>"
    for opening, listed in zip(sections, arms[2:], strict=True):
        parts.append(opening)
        parts.append("".join([item(row) for row in listed]) if listed else empty)
        parts.append("\n</section>\n")
    parts.append(extras["tail"])
    return _assemble(request, chrome.chunks, ["".join(parts)])
