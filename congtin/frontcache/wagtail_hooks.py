from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from wagtail import hooks

from congtin.frontcache import policies


# After Wagtail's own view-restriction check (order 0): a password or login form it returns is never
# classified, so it is never cached.
@hooks.register("before_serve_page", order=100)
def classify_served_page(page: Any, request: HttpRequest, serve_args: Any, serve_kwargs: Any) -> None:
    view = serve_args[0] if serve_args and callable(serve_args[0]) else None
    policy = policies.policy_for_page(page, getattr(view, "__name__", ""))
    if policy is not None:
        policies.policy_set(request, policy)
