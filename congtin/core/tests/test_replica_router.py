"""Reads go to the replica only for anonymous GET/HEAD requests; writes and editors stay on the primary."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from congtin.core.routers import PrimaryDatabaseMiddleware, ReplicaRouter
from congtin.news.models import ArticlePage


def _read_alias_during(request: HttpRequest) -> str:
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(ReplicaRouter().db_for_read(ArticlePage))
        return HttpResponse()

    PrimaryDatabaseMiddleware(view)(request)
    return seen[0]


def test_anonymous_readers_read_from_the_replica() -> None:
    assert _read_alias_during(RequestFactory().get("/tin-tuc/")) == "replica"
    assert _read_alias_during(RequestFactory().head("/")) == "replica"


def test_editors_and_form_posts_read_their_own_writes_from_the_primary() -> None:
    signed_in = RequestFactory().get("/admin/pages/")
    signed_in.COOKIES["sessionid"] = "abc"

    assert _read_alias_during(signed_in) == "default"
    assert _read_alias_during(RequestFactory().post("/tinh-thoi-han/")) == "default"
    # And the choice does not leak into the next request on the same thread.
    assert _read_alias_during(RequestFactory().get("/")) == "replica"


def test_writes_and_migrations_go_to_the_primary_only() -> None:
    router = ReplicaRouter()

    assert router.db_for_write(ArticlePage) == "default"
    assert router.allow_migrate("default", "news") is True
    assert router.allow_migrate("replica", "news") is False
