"""Background work of the front cache: the ban after a publish, outside the publishing request."""

from __future__ import annotations

from django_tasks import task

from congtin.frontcache import services


# Ahead of other queued work (search indexing, Wagtail jobs): readers are waiting on it.
@task(priority=50)
def frontcache_ban_task(tags: list[str], url_prefixes: list[str]) -> int:
    return services.frontcache_ban(tags=tags, url_prefixes=url_prefixes)
