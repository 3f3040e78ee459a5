"""Rate limits for the public forms and the lookup, counted in Django's cache (Redis in production).

Fixed windows: the first hit of a window creates a counter that expires with it (``cache.add``),
every hit adds one (``cache.incr``, atomic in Redis and in the local-memory cache). Keys are keyed
hashes, so neither addresses, phone numbers, emails nor tracking codes sit in the cache in clear.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.http import HttpRequest


@dataclass(frozen=True)
class Limit:
    scope: str
    count: int
    seconds: int


# Every POST to an intake form from one address (errors included: a burst of anything is stopped).
INTAKE_PER_IP = (Limit("intake-ip-10m", 10, 600), Limit("intake-ip-day", 30, 86_400))
# Cases accepted from one phone number or email address.
INTAKE_PER_CONTACT = (Limit("intake-contact-h", 3, 3_600), Limit("intake-contact-day", 10, 86_400))
# Every lookup from one address, and the failed lookups of one code (existing or not).
LOOKUP_PER_IP = (Limit("lookup-ip-15m", 20, 900), Limit("lookup-ip-day", 100, 86_400))
LOOKUP_FAILURES_PER_CODE = (Limit("lookup-code-h", 10, 3_600),)


def client_ip(request: HttpRequest) -> str:
    """The client's address, IPv6 cut to its /64 (one household or phone has a whole /64)."""
    header = settings.CONGTIN_CLIENT_IP_HEADER
    raw = (request.META.get(header, "") if header else "") or request.META.get("REMOTE_ADDR", "")
    raw = raw.split(",")[0].strip()
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def _key(limit: Limit, value: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]
    return f"congtin:rl:{limit.scope}:{digest}"


def _cache() -> BaseCache:
    return caches[settings.CONGTIN_RATELIMIT_CACHE]


def exceeded(limits: tuple[Limit, ...], value: str) -> int | None:
    """Seconds to wait when ``value`` has used up one of ``limits`` already, else None. Counts nothing."""
    cache = _cache()
    for limit in limits:
        if int(cache.get(_key(limit, value), 0)) >= limit.count:
            return limit.seconds
    return None


def hit(limits: tuple[Limit, ...], value: str) -> None:
    """Count one use of each of ``limits`` for ``value``."""
    cache = _cache()
    for limit in limits:
        key = _key(limit, value)
        if not cache.add(key, 1, timeout=limit.seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=limit.seconds)


def take(limits: tuple[Limit, ...], value: str) -> int | None:
    """Count one use; seconds to wait when this use goes over a limit, else None."""
    wait = exceeded(limits, value)
    if wait is None:
        hit(limits, value)
    return wait


def contact_keys(*, phone: str, email: str) -> list[str]:
    """What identifies a sender across submissions: the phone's digits and the lower-cased email."""
    keys = []
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits:
        if digits.startswith("84") and len(digits) > 9:
            digits = "0" + digits[2:]
        keys.append("phone:" + digits)
    if email:
        keys.append("email:" + email.strip().lower())
    return keys
