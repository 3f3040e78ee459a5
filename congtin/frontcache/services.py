"""Purging the front cache when what the public sees changes (decision 0018).

Each ``frontcache_purge_*`` names the cache tags (see ``policies``) of every response that shows the
changed item and schedules one ban for after the commit: a background task sends ``BAN /`` with those
tags to each front cache in ``CONGTIN_FRONTCACHE_HOSTS``. Nothing is scheduled when no front cache is
configured (development, tests); a front cache that cannot be reached is logged, and the publish it
follows has already committed.
"""

from __future__ import annotations

import http.client
import logging
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.encoding import iri_to_uri

from congtin.frontcache.policies import listing_tag

logger = logging.getLogger(__name__)

# What a change of any article can show up in, besides its own page and its sections' listings.
CONTENT_TAGS = ("home", "tags", "sitemap", "feeds", "search", "api", "notfound")
EVERYTHING = "site"
BAN_TIMEOUT = 2.0


def frontcache_hosts() -> list[str]:
    return list(getattr(settings, "CONGTIN_FRONTCACHE_HOSTS", []))


def page_purge_tags(page: Any) -> list[str]:
    """Tags of the responses that show ``page``: for an article its page, the listings of each of its
    ancestors, the home page, tags, feeds, sitemap, search; for any other page (a section, the home
    page, the registry section) everything, since menus and breadcrumbs on every page show them."""
    from congtin.news.models import ArticlePage

    if not issubclass(page.specific_class or type(page), ArticlePage):
        return [EVERYTHING]
    ancestors = [listing_tag(page.path[:end]) for end in range(page.steplen, len(page.path), page.steplen)]
    return [f"page-{page.pk}", *ancestors, *CONTENT_TAGS]


def page_purge_prefixes(page: Any) -> list[str]:
    """The page's own address, as a path prefix: its routes (print view) and a cached 404 or 410."""
    parts = page.get_url_parts()
    if not parts or not parts[2]:
        return []
    return [str(parts[2])]


def frontcache_purge_page(*, page: Any) -> None:
    frontcache_schedule(tags=page_purge_tags(page), url_prefixes=page_purge_prefixes(page))


def frontcache_purge_document(*, document: Any) -> None:
    """A registry entry: the registry's pages and API, its own page, and the articles that cite it."""
    from congtin.documents.models import DocumentCitation

    citing = (
        DocumentCitation.objects.filter(document=document, source_page__isnull=False)
        .values_list("source_page_id", flat=True)
        .distinct()
    )
    frontcache_schedule(
        tags=[
            "registry",
            f"document-{document.pk}",
            "sitemap",
            "search",
            "notfound",
            *(f"page-{pk}" for pk in citing),
        ]
    )


def frontcache_purge_all() -> None:
    frontcache_schedule(tags=[EVERYTHING])


class _PendingBan:
    """Every purge of one transaction, sent as one ban after it commits."""

    def __init__(self) -> None:
        self.tags: dict[str, None] = {}
        self.prefixes: dict[str, None] = {}

    def add(self, tags: Iterable[str], prefixes: Iterable[str]) -> None:
        self.tags.update(dict.fromkeys(tags))
        self.prefixes.update(dict.fromkeys(prefixes))

    def __call__(self) -> None:
        from congtin.frontcache.tasks import frontcache_ban_task

        try:
            frontcache_ban_task.enqueue(list(self.tags), list(self.prefixes))
        except Exception:
            # The publish has committed; a lost ban leaves pages stale until their TTL, never an error.
            logger.exception("Không xếp được lệnh xóa bộ đệm (could not enqueue the front cache ban)")


def frontcache_schedule(*, tags: Iterable[str], url_prefixes: Iterable[str] = ()) -> None:
    if not frontcache_hosts():
        return
    connection = transaction.get_connection()
    batch: _PendingBan | None = getattr(connection, "_frontcache_pending", None)
    if batch is None or not any(entry[1] is batch for entry in connection.run_on_commit):
        batch = _PendingBan()
        connection._frontcache_pending = batch
        batch.add(tags, url_prefixes)
        transaction.on_commit(batch, robust=True)
    else:
        batch.add(tags, url_prefixes)


def frontcache_ban(*, tags: list[str], url_prefixes: list[str]) -> int:
    """Send the ban to every configured front cache now; returns how many front caches accepted it."""
    requests: list[dict[str, str]] = []
    if tags:
        requests.append({"X-Cache-Tags": " ".join(tags)})
    requests.extend({"X-Ban-Url": iri_to_uri(prefix)} for prefix in url_prefixes)
    accepted = 0
    for host in frontcache_hosts():
        try:
            for headers in requests:
                _send(host, headers)
            accepted += 1
        except (OSError, http.client.HTTPException, BanRefused) as error:
            logger.warning("Bộ đệm %s không nhận lệnh xóa (front cache ban failed): %s", host, error)
    return accepted


class BanRefused(Exception):
    pass


def _send(host: str, headers: dict[str, str]) -> None:
    url = urlsplit(host if "://" in host else f"http://{host}")
    connection = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port or 80, timeout=BAN_TIMEOUT)
    try:
        connection.request("BAN", "/", headers=headers)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise BanRefused(f"HTTP {response.status} {response.reason}")
    finally:
        connection.close()
