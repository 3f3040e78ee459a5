from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_django.live_server_helper import LiveServer

from congtin.frontcache.tests.stack import (
    REDIS_SERVER,
    VARNISHADM,
    VARNISHD,
    ClosingWSGIServer,
    Redis,
    Varnish,
    free_port,
)

needs_varnish = pytest.mark.skipif(
    not (VARNISHD and VARNISHADM), reason="varnishd is not installed (apt-get install varnish)"
)
needs_redis = pytest.mark.skipif(
    not REDIS_SERVER, reason="redis-server is not installed (apt-get install redis-server)"
)


@pytest.fixture
def app_server(transactional_db: None) -> Iterator[LiveServer]:
    """congtin in this process (test settings, the test database) on a free port.

    ``stop()`` takes the application down for its clients, kept-alive connections included, and
    returns once no request thread uses the test database any more.
    """
    server = LiveServer(f"127.0.0.1:{free_port()}", start=False)
    server.thread.server_class = ClosingWSGIServer
    server.start()
    server._live_server_modified_settings.enable()
    yield server
    if server.thread.is_alive():
        server.stop()
    server._live_server_modified_settings.disable()


@pytest.fixture
def varnish(app_server: LiveServer, settings: object) -> Iterator[Varnish]:
    """A private varnishd with deploy/varnish/congtin.vcl in front of ``app_server``; congtin bans on it."""
    front = Varnish(backend_port=app_server.thread.port).start()
    settings.CONGTIN_FRONTCACHE_HOSTS = [f"http://127.0.0.1:{front.port}"]  # type: ignore[attr-defined]
    yield front
    front.stop()


@pytest.fixture
def private_redis() -> Iterator[Redis]:
    server = Redis().start()
    yield server
    server.stop()
