"""A new web worker serves its first pages to itself before it takes a reader's request.

gunicorn recycles every worker after some thousands of requests (``max_requests`` in
deploy/gunicorn.conf.py), so a slow leak never grows into an outage. A fresh worker starts with empty
per-process state: no database or Redis connection, no compiled templates, no chrome of the lean path
(decision 0026). Its first readers paid for all of it: at 10,000 articles and about 800 home pages a
second, the recycling of the five workers took the home page's p99 at 16 connections from 26 ms to
450–710 ms (docs/benchmarks/2026-11-29-web.md). gunicorn's ``post_worker_init`` hook calls
``warm_worker`` after the worker has loaded the application and before it accepts connections: the
worker serves the home page and the main menu's sections to itself through the WSGI application, as
an anonymous reader's GET, while the other workers keep answering. Nothing is sent anywhere; the
responses are dropped. A page that fails is logged and skipped: a worker always starts.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any
from wsgiref.util import setup_testing_defaults

logger = logging.getLogger(__name__)

# The main menu's first sections are enough: each costs a request's time (a few milliseconds).
MAX_SECTIONS = 12


def _host() -> str:
    """A host name the site answers to: the first plain entry of ALLOWED_HOSTS."""
    from django.conf import settings

    for host in settings.ALLOWED_HOSTS:
        if host and not host.startswith((".", "*")):
            return host
    return "localhost"


def _environ(path: str, host: str) -> dict[str, Any]:
    """An anonymous reader's GET of ``path``; the standard WSGI keys from the standard library."""
    environ: dict[str, Any] = {"PATH_INFO": path, "HTTP_HOST": host, "SERVER_NAME": host}
    setup_testing_defaults(environ)
    return environ


def _serve(application: Callable[..., Iterable[bytes]], path: str, host: str) -> str:
    status: list[str] = []

    def start_response(
        line: str, headers: list[tuple[str, str]], exc_info: Any = None
    ) -> Callable[..., None]:
        status.append(line)
        return lambda _data: None

    body = application(_environ(path, host), start_response)
    try:
        for _chunk in body:
            pass
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()
    return status[0] if status else "no response"


def _main_sections(host: str) -> list[str]:
    from wagtail.models import Site

    from congtin.core import structure

    site = (
        structure.site_for_host(structure.version(), host, 80)
        or Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return []
    return [page.url for page in structure.site_structure(site).main_sections[:MAX_SECTIONS]]


def warm_worker(application: Callable[..., Iterable[bytes]]) -> list[tuple[str, str]]:
    """Serve the home page and the main menu's sections to this process; ``(path, status)`` of each."""
    started = time.monotonic()
    host = _host()
    served: list[tuple[str, str]] = []
    try:
        served.append(("/", _serve(application, "/", host)))
        for path in _main_sections(host):
            served.append((path, _serve(application, path, host)))
    except Exception:  # a worker must start even when the database is away: it warms on its first readers
        logger.exception("Warming the worker stopped after %d page(s)", len(served))
    logger.info("Worker warmed with %d page(s) in %.0f ms", len(served), (time.monotonic() - started) * 1000)
    return served


def when_ready(server: Any) -> None:
    """gunicorn's hook in the master, before it forks a worker (with ``preload_app``): the pages served
    once here leave the lazily imported code, the compiled templates and the translations in the master's
    memory, which every worker forked later, recycled ones included, inherits; then the master's database
    and cache connections are closed, as a forked worker must open its own."""
    if not server.cfg.preload_app:
        return
    from django.core.cache import caches
    from django.db import connections

    try:
        warm_worker(server.app.wsgi())
    finally:
        connections.close_all()
        for cache in caches.all(initialized_only=True):
            cache.close()


def post_worker_init(worker: Any) -> None:
    """gunicorn's hook (deploy/gunicorn.conf.py): warm the worker with the application it has loaded (its
    own connections, its prepared statements, the chrome if the site changed since the master warmed)."""
    warm_worker(worker.wsgi)
