"""Which responses the front cache may keep, for how long, and under which cache tags (decision 0018).

A response is cached only when it was classified here; everything else (the admin, forms, lookups, any
view nobody classified) reaches Varnish without ``Cache-Control`` and is never stored. Classification
comes from the page being served (``frontcache.wagtail_hooks``), the ``cache_public``/``cache_never``
decorators, or the URL name of a few plain views (``policy_for_view``).

Cache tags name what a response shows, so a publish bans exactly the responses that show the item:

``page-<id>``      the page itself (and its routes: print view, registry entries' pages)
``listing-<path>`` a list of the articles below the page at tree path <path> (a section page, the home
                   page, an article's "same section"): an article's ancestors are prefixes of its path,
                   so its listings are known without a query
``home``           the home page
``tags``           the tag listing pages (/chu-de/<tag>/)
``sitemap``        /sitemap.xml        ``feeds``   (RSS feeds carry their page's listing tag)  ``search``  search results
``registry``       the registry's pages and API   ``document-<id>`` one registry entry
``api``            the pages API       ``notfound``  a 404/410, so a page published at that address shows
``site``           every cached response: a change of structure (sections, menus, masthead) bans all
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control

REQUEST_ATTRIBUTE = "frontcache_policy"

DEFAULT_TTLS = {
    "home": 300,
    "section": 600,
    "article": 3600,
    "tags": 600,
    "registry": 3600,
    "sitemap": 3600,
    "feeds": 600,
    "search": 60,
    "api": 300,
    "notfound": 60,
}
# While the application is down the front cache serves a stale copy for this long (seconds).
STALE_IF_ERROR = 86400
STALE_WHILE_REVALIDATE = 10


@dataclass(frozen=True)
class CachePolicy:
    """``kind`` picks the TTL; ``never`` marks responses that must not be stored anywhere."""

    kind: str
    tags: tuple[str, ...] = field(default=())
    never: bool = False


NEVER = CachePolicy(kind="never", never=True)


def ttl_for(kind: str) -> int:
    ttls = {**DEFAULT_TTLS, **getattr(settings, "CONGTIN_FRONTCACHE_TTLS", {})}
    return int(ttls.get(kind, 0))


def listing_tag(tree_path: str) -> str:
    return f"listing-{tree_path}"


def policy_set(request: HttpRequest, policy: CachePolicy) -> None:
    setattr(request, REQUEST_ATTRIBUTE, policy)


def policy_for_page(page: Any, view_name: str = "") -> CachePolicy | None:
    """The policy of a public page of a known type, or None (not cached) for any other page type."""
    from congtin.documents.pages import AccessToInformationPage
    from congtin.news.models import ArticlePage, HomePage, SectionPage

    own = f"page-{page.pk}"
    if isinstance(page, ArticlePage):
        return CachePolicy("article", (own, listing_tag(page.path[: -page.steplen])))
    if isinstance(page, SectionPage):
        return CachePolicy("section", (own, listing_tag(page.path)))
    if isinstance(page, HomePage):
        if view_name == "tag_listing":
            return CachePolicy("tags", (own, "tags"))
        return CachePolicy("home", (own, listing_tag(page.path), "home"))
    if isinstance(page, AccessToInformationPage):
        # Verification answers a citizen holding a paper: always fresh, never stored.
        if view_name == "verify":
            return NEVER
        return CachePolicy("registry", (own, "registry"))
    return None


_VIEW_POLICIES = {
    "sitemap": CachePolicy("sitemap", ("sitemap",)),
    "documents:api_list": CachePolicy("registry", ("registry",)),
    "documents:api_detail": CachePolicy("registry", ("registry",)),
    "documents:export_csv": CachePolicy("registry", ("registry",)),
    "documents:attachment": CachePolicy("registry", ("registry",)),
    "documents:api_verify": NEVER,
    "wagtailapi_v2:pages:listing": CachePolicy("api", ("api",)),
    "wagtailapi_v2:pages:detail": CachePolicy("api", ("api",)),
}
_NEVER_NAMESPACES = ("cases",)


def policy_for_view(request: HttpRequest) -> CachePolicy | None:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    if any(namespace in _NEVER_NAMESPACES for namespace in match.namespaces):
        return NEVER
    return _VIEW_POLICIES.get(match.view_name)


def apply(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """Set Cache-Control and X-Cache-Tags on the way out; see the module docstring."""
    if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
        return response
    policy: CachePolicy | None = getattr(request, REQUEST_ATTRIBUTE, None) or policy_for_view(request)
    if policy is None and response.status_code in (404, 410):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "wagtail_serve":
            policy = CachePolicy("notfound", ("notfound",))
    if policy is None:
        return response
    if policy.never:
        patch_cache_control(response, private=True, no_cache=True, no_store=True)
        return response
    if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        # Someone signed in (or with a session): the page may be personal.
        patch_cache_control(response, private=True, no_cache=True)
        return response
    if response.status_code not in (200, 404, 410):
        return response
    # A cached page must not hand every reader one CSRF secret: the only form on a public page is the
    # language switch, which does not need it (congtin/urls.py).
    if settings.CSRF_COOKIE_NAME in response.cookies:
        del response.cookies[settings.CSRF_COOKIE_NAME]
    if response.cookies:
        patch_cache_control(response, private=True, no_cache=True)
        return response
    ttl = ttl_for(policy.kind)
    if ttl <= 0:
        return response
    # Browsers revalidate every time (max-age=0), so a purge reaches every reader; the front cache
    # keeps the page for s-maxage.
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=ttl,
        stale_while_revalidate=STALE_WHILE_REVALIDATE,
        stale_if_error=STALE_IF_ERROR,
    )
    response["X-Cache-Tags"] = " ".join(_unique((*policy.tags, "site")))
    return response


def _unique(tags: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(tags))


View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def cache_public(kind: str, *tags: str) -> Callable[[View], View]:
    """Mark a plain Django view's responses cacheable by the front cache under ``kind``'s TTL."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            policy_set(request, CachePolicy(kind, tags))
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def cache_never(view: View) -> View:
    """Mark a view's responses as never stored by any cache (forms, lookups, anything personal)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        policy_set(request, NEVER)
        return view(request, *args, **kwargs)

    return wrapped  # type: ignore[return-value]
