"""Redis down must never take a page down: the cache answers like a miss."""

from __future__ import annotations

import logging

import pytest

from congtin.core.cache import ResilientRedisCache
from congtin.frontcache.tests.conftest import needs_redis
from congtin.frontcache.tests.stack import Redis, free_port


def test_an_unreachable_redis_behaves_like_an_empty_cache(caplog: pytest.LogCaptureFixture) -> None:
    cache = ResilientRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})

    with caplog.at_level(logging.WARNING, logger="congtin.core.cache"):
        cache.set("menu", "cached")
        assert cache.get("menu", "fallback") == "fallback"
        assert cache.add("menu", "cached") is False
        assert cache.get_many(["menu"]) == {}
        with pytest.raises(ValueError):
            cache.incr("counter")

    # One warning for the outage, not one per call.
    assert [r.getMessage() for r in caplog.records].count(caplog.records[0].getMessage()) == 1
    assert "Redis unavailable" in caplog.records[0].getMessage()


@needs_redis
def test_the_cache_works_while_redis_runs_and_recovers_after_a_restart() -> None:
    server = Redis().start()
    try:
        cache = ResilientRedisCache(server.url, {})
        cache.set("menu", "cached")
        assert cache.get("menu") == "cached"

        server.kill()
        assert cache.get("menu") is None

        restarted = Redis(port=server.port).start()
        try:
            cache.set("menu", "again")
            assert cache.get("menu") == "again"
        finally:
            restarted.stop()
    finally:
        server.stop()
