"""The site's structure -- its live pages other than articles -- read once and kept in the cache.

Every public page prints the navigation bar and a breadcrumb trail, and an article's citations link
into the site's registry page. Those come from a handful of section-like pages that change a few
times a year, while articles are published every hour. Reading them from the database on each
request cost three queries and about a fifth of an article page's CPU (decision 0023), so they are
read here once per *structure version* and shared by every worker through the cache.

The version changes whenever what the snapshot holds could change: a page is published, unpublished,
moved, renamed or deleted, a view restriction, a site or the masthead settings are saved or deleted
(``congtin.core.signal_handlers``). It changes at once and again after the transaction commits, so a
request that rebuilt the snapshot from data not yet committed cannot keep it. With several
application processes the cache must be shared (Redis, as in ``make run-prod``); the per-process
default cache suits one process (``make run``).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models import BigIntegerField, F, Q, Value
from django.db.models.functions import Greatest
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction, Site

VERSION_KEY = "core:structure-version"
# Kinds of derived data kept in the cache (decision 0026), counted in ``core.models.DataVersion``: what
# the kept article texts show of other things (``news.texts``) -- the registry's entries, issuers and
# citation links; the addresses of pages, documents and images -- and which articles are live under
# which section (``news.queries.section_article_count``).
REGISTRY_DATA = "registry"
LINKS_DATA = "links"
LISTINGS_DATA = "listings"
DATA_KINDS = (REGISTRY_DATA, LINKS_DATA, LISTINGS_DATA)
SNAPSHOT_TIMEOUT = 24 * 60 * 60
# Past this many non-article pages the snapshot stops growing; breadcrumbs then read the database.
MAX_PAGES = 5000
ARTICLE_MODELS = ("news.articlepage",)
# This process keeps the snapshots of the versions it last saw, so a request costs one cache read (the
# version) instead of unpickling the structure; a new version makes the old entries unreachable, and the
# oldest entry makes way when the process holds this many.
LOCAL_ENTRIES = 64
# Part of every snapshot's cache key: a release that changes what a snapshot holds never reads an
# older release's snapshots, which outlive it in the shared cache under the same structure version.
FORMAT = 2
_local: dict[tuple[str, int, str], Any] = {}
T = TypeVar("T")


@dataclass(frozen=True)
class StructurePage:
    """What menus, breadcrumbs and links need of a page, without loading the page."""

    pk: int
    path: str
    depth: int
    title: str
    url: str
    url_path: str
    model: str
    show_in_menus: bool
    restricted: bool


@dataclass
class SiteStructure:
    site_pk: int
    root_depth: int
    pages: dict[str, StructurePage] = field(default_factory=dict)
    complete: bool = True
    # Tree paths of every page under the root that a view restriction is set on, articles included.
    restricted_paths: tuple[str, ...] = ()
    by_url_path: dict[str, StructurePage] = field(default_factory=dict)

    def restricts_within(self, path: str) -> bool:
        """Whether a view restriction covers the page at tree path ``path`` or any page below it."""
        return any(path.startswith(r) or r.startswith(path) for r in self.restricted_paths)

    def is_restricted(self, path: str) -> bool:
        """Whether a view restriction covers the page at tree path ``path`` (its own or an ancestor's)."""
        return any(path.startswith(restricted) for restricted in self.restricted_paths)

    @property
    def main_sections(self) -> list[StructurePage]:
        """The root's children shown in menus and open to everyone, in tree order."""
        return [
            page
            for page in self.pages.values()
            if page.depth == self.root_depth + 1 and page.show_in_menus and not page.restricted
        ]

    def ancestors(self, page: Page) -> list[StructurePage] | None:
        """The page's live ancestors below the tree root, outermost first; None when unknown here."""
        steplen = page.steplen
        trail: list[StructurePage] = []
        for end in range(2 * steplen, len(page.path), steplen):
            ancestor = self.pages.get(page.path[:end])
            if ancestor is None:
                if self.complete and end > (self.root_depth - 1) * steplen:
                    continue  # below the root and not live: left out, as Wagtail's parent walk would
                return None
            trail.append(ancestor)
        return trail

    def first_public(self, model: str, *, under: str = "") -> StructurePage | None:
        """The first unrestricted page of ``model`` (``app_label.modelname``) below the path ``under``."""
        return next(
            (
                page
                for page in self.pages.values()
                if page.model == model and not page.restricted and page.path.startswith(under)
            ),
            None,
        )


def structure_changed() -> None:
    """Start a new structure version now and again once the current transaction commits."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> str:
    current = uuid.uuid4().hex
    cache.set(VERSION_KEY, current, None)
    return current


def data_changed(name: str) -> None:
    """Raise the counter of ``name`` (``REGISTRY_DATA``, ``LINKS_DATA``, ``LISTINGS_DATA``) in the current
    transaction, to the clock if it is behind it (``_raised``)."""
    from congtin.core.models import DataVersion

    if not DataVersion.objects.filter(name=name).update(counter=_raised()):
        DataVersion.objects.get_or_create(name=name)
        DataVersion.objects.filter(name=name).update(counter=_raised())


def _raised() -> Greatest:
    """The counter's next value: one more, or the time in microseconds since the epoch when that is more.

    A restored database takes its counters back to values already used since the backup, which the
    cache and every process's memory still hold values of the other timeline under. Raised to the clock,
    the next change after a restore gets a value no change before the restore had (as long as the clock
    does not go back), so those are never read again (decision 0026, amendment of 2026-11-29, session 7).
    The ``+ 1`` keeps the counter rising when two changes fall in the same microsecond, or when one
    application server's clock is behind another's."""
    now = time.time_ns() // 1000
    return Greatest(F("counter") + 1, Value(now), output_field=BigIntegerField())


def data_versions() -> dict[str, str]:
    """The counters of every kind of derived data (one query)."""
    from congtin.core.models import DataVersion

    found = dict(DataVersion.objects.values_list("name", "counter"))
    return {name: str(found.get(name)) for name in (REGISTRY_DATA, LINKS_DATA)}


@dataclass(frozen=True)
class DerivedDataReset:
    counters: dict[str, int]
    structure_version: str
    # Whether the cache kept the new structure version (it does not when Redis cannot be reached).
    cache_kept: bool


def derived_data_reset() -> DerivedDataReset:
    """Make every copy of derived data a miss, in the cache and in every process's memory: raise every
    counter past the clock (creating missing rows) and start a new structure version. After a database
    restore (docs/deployment.md), or whenever kept counts, texts or the structure are suspected stale."""
    from congtin.core.models import DataVersion

    with transaction.atomic():
        for name in DATA_KINDS:
            data_changed(name)
        counters = dict(DataVersion.objects.filter(name__in=DATA_KINDS).values_list("name", "counter"))
    current = _new_version()
    return DerivedDataReset(
        counters={name: counters[name] for name in DATA_KINDS},
        structure_version=current,
        cache_kept=cache.get(VERSION_KEY) == current,
    )


def version() -> str:
    """The current structure version; other site-wide snapshots (the masthead) key on it too."""
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        # Another process may have started one meanwhile: keep whichever came first.
        if not cache.add(VERSION_KEY, current, None):
            current = cache.get(VERSION_KEY) or current
    return str(current)


def request_version(request: HttpRequest | None) -> str:
    """The structure version, read from the cache once per request."""
    if request is None:
        return version()
    current: str | None = getattr(request, "_congtin_structure_version", None)
    if current is None:
        current = version()
        request._congtin_structure_version = current  # type: ignore[attr-defined]
    return current


def cached_for_version(kind: str, site_pk: int, current: str, build: Callable[[], T]) -> T:
    """What ``build`` returns for this site at version ``current``: from this process's memory, the
    shared cache, or built (and stored in both). Old versions are never read again."""
    local_key = (kind, site_pk, current)
    value = _local.get(local_key)
    if value is None:
        cache_key = f"core:{kind}:{FORMAT}:{site_pk}:{current}"
        value = cache.get(cache_key)
        if value is None:
            value = build()
            cache.set(cache_key, value, SNAPSHOT_TIMEOUT)
        while len(_local) >= LOCAL_ENTRIES:
            # The oldest goes (dicts keep insertion order), not the whole memory: emptying it dropped the
            # entries this request had just read, and the next request unpickled them again.
            del _local[next(iter(_local))]
        _local[local_key] = value
    return value


def forget_in_process() -> None:
    """Drop this process's snapshots (tests: an earlier test's snapshots name rows that were rolled back)."""
    _local.clear()


def site_structure(site: Site, *, current: str | None = None) -> SiteStructure:
    """The structure of ``site`` at the current version: from memory, the cache, or read (two queries)."""
    return cached_for_version("structure", site.pk, current or version(), lambda: _read(site))


def request_structure(request: HttpRequest | None) -> SiteStructure | None:
    """The structure of the request's site, looked up once per request."""
    if request is None:
        return None
    snapshot: SiteStructure | None = getattr(request, "_congtin_structure", None)
    if snapshot is None:
        site = Site.find_for_request(request)
        if site is None:
            return None
        snapshot = site_structure(site, current=request_version(request))
        request._congtin_structure = snapshot  # type: ignore[attr-defined]
    return snapshot


def _read(site: Site) -> SiteStructure:
    root = site.root_page
    root_url_path = root.url_path
    articles = Q()
    for label in ARTICLE_MODELS:
        app_label, model = label.split(".")
        articles |= Q(content_type__app_label=app_label, content_type__model=model)
    rows = list(
        Page.objects.live()
        .descendant_of(root, inclusive=True)
        .exclude(articles)
        .order_by("path")
        .values_list(
            "pk",
            "path",
            "depth",
            "title",
            "url_path",
            "content_type__app_label",
            "content_type__model",
            "show_in_menus",
        )[: MAX_PAGES + 1]
    )
    restricted_paths = tuple(
        PageViewRestriction.objects.filter(page__path__startswith=root.path).values_list(
            "page__path", flat=True
        )
    )
    snapshot = SiteStructure(
        site_pk=site.pk,
        root_depth=root.depth,
        complete=len(rows) <= MAX_PAGES,
        restricted_paths=restricted_paths,
    )
    for pk, path, depth, title, url_path, app_label, model, show_in_menus in rows[:MAX_PAGES]:
        snapshot.pages[path] = StructurePage(
            pk=pk,
            path=path,
            depth=depth,
            title=title,
            url="/" + url_path[len(root_url_path) :] if url_path.startswith(root_url_path) else url_path,
            url_path=url_path,
            model=f"{app_label}.{model}",
            show_in_menus=show_in_menus,
            restricted=any(path.startswith(r) for r in restricted_paths),
        )
        snapshot.by_url_path[url_path] = snapshot.pages[path]
    return snapshot


def sites_snapshot(current: str) -> list[Site]:
    """Every site, with its root page's tree path and URL path, at structure version ``current``."""

    def build() -> list[Site]:
        return list(Site.objects.select_related("root_page").order_by("-is_default_site", "pk"))

    return cached_for_version("sites", 0, current, build)


def site_for_host(current: str, hostname: str, port: int) -> Site | None:
    """The site Wagtail's ``Site.find_for_request`` picks for ``hostname`` and ``port``, without its query
    (``wagtail.models.sites.get_site_for_hostname``, the same order of preference)."""

    def rank(site: Site) -> int:
        if site.hostname == hostname and site.port == port:
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        return 2 if site.is_default_site else 3

    matches = sorted(
        (site for site in sites_snapshot(current) if site.hostname == hostname or site.is_default_site),
        key=rank,
    )
    if not matches:
        return None
    if len(matches) == 1 or rank(matches[0]) in (0, 1):
        return matches[0]
    return matches[len(matches) == 2]
