"""A Redis cache that degrades instead of failing (decision 0018).

The cache only ever holds copies, so when Redis is down or slow a page must still be served: every
operation that cannot reach Redis is logged once per outage and answers like a miss (``get`` returns
the default, ``add``/``set`` report nothing stored). Connection and read timeouts are short, so a
stuck Redis costs a request milliseconds, not the worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

DEFAULT_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5, "retry_on_timeout": False}

Result = TypeVar("Result")


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's client, with one ``redis.Redis`` per connection pool instead of a new one for every
    operation: building one fills its table of some 170 response callbacks, a tenth of the CPU of a lean
    page (0026). A ``redis.Redis`` only borrows connections from its pool, so threads may share it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
        self._down = threading.Event()

    def _guard(self, call: Callable[[], Result], fallback: Result) -> Result:
        try:
            result = call()
        except RedisError as error:
            if not self._down.is_set():
                self._down.set()
                logger.warning(
                    "Redis không trả lời, bỏ qua bộ đệm (Redis unavailable, cache bypassed): %s", error
                )
            return fallback
        if self._down.is_set():
            self._down.clear()
            logger.warning("Redis trả lời trở lại (Redis is back)")
        return result

    def add(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> bool:
        return self._guard(lambda: super(ResilientRedisCache, self).add(key, value, timeout, version), False)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._guard(lambda: super(ResilientRedisCache, self).get(key, default, version), default)

    def set(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> None:
        self._guard(lambda: super(ResilientRedisCache, self).set(key, value, timeout, version), None)

    def touch(self, key: Any, timeout: Any = None, version: int | None = None) -> bool:
        return self._guard(lambda: super(ResilientRedisCache, self).touch(key, timeout, version), False)

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._guard(lambda: super(ResilientRedisCache, self).delete(key, version), False)

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return self._guard(lambda: super(ResilientRedisCache, self).get_many(keys, version), {})

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._guard(lambda: super(ResilientRedisCache, self).has_key(key, version), False)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        # Django's contract: a missing key raises ValueError; an unreachable one is treated as missing.
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            raise ValueError(f"Key {key!r} not found (Redis unavailable)") from error

    def set_many(self, data: dict[Any, Any], timeout: Any = None, version: int | None = None) -> list[Any]:
        return self._guard(
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version), list(data)
        )

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._guard(lambda: super(ResilientRedisCache, self).delete_many(keys, version), None)

    def clear(self) -> None:
        self._guard(lambda: super(ResilientRedisCache, self).clear(), None)
