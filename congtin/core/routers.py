"""Reads to a PostgreSQL read replica, writes to the primary (docs/deployment.md).

Used only when ``DATABASE_REPLICA_URL`` is set (settings add the router and the middleware). Anonymous
GET and HEAD requests -- the public pages, which is nearly all the traffic -- read from the replica;
writes, and every request of someone with a session (editors in the admin, who must see what they
just saved) or that is not a GET/HEAD, use the primary (``PrimaryDatabaseMiddleware``, ``in_primary``).
Replication lag is hidden from readers by the front cache, which is purged after the publish commits;
a replica seconds behind could refill it with the old page, so keep lag monitored (docs/deployment.md).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponseBase

PRIMARY = "default"
REPLICA = "replica"

_state = threading.local()


@contextmanager
def in_primary() -> Iterator[None]:
    """Read from the primary inside the block (read-your-writes, e.g. right after a publish)."""
    depth = getattr(_state, "primary", 0)
    _state.primary = depth + 1
    try:
        yield
    finally:
        _state.primary = depth


class ReplicaRouter:
    def db_for_read(self, model: type[models.Model], **hints: Any) -> str:
        instance = hints.get("instance")
        if instance is not None and instance._state.db == PRIMARY:
            # Related objects of a row read from (or written to) the primary come from there too.
            return PRIMARY
        return PRIMARY if getattr(_state, "primary", 0) else REPLICA

    def db_for_write(self, model: type[models.Model], **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: models.Model, obj2: models.Model, **hints: Any) -> bool:
        # Both aliases are the same database, one a copy of the other.
        return True

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        return db == PRIMARY


class PrimaryDatabaseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method in ("GET", "HEAD") and not request.COOKIES.get(settings.SESSION_COOKIE_NAME):
            return self.get_response(request)
        with in_primary():
            return self.get_response(request)
