"""Withdrawn articles answer 410 Gone with the reason, instead of a bare 404 (Press Law, Art. 42)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from congtin.news.models import ArticleWithdrawal


def _path_and_parents(path: str) -> list[str]:
    """The path and the paths above it, longest first, so an article's print view is gone with it.

    "/a/b/ban-in/" → ["/a/b/ban-in/", "/a/b/", "/a/"].
    """
    segments = [segment for segment in path.split("/") if segment]
    return ["/" + "/".join(segments[:end]) + "/" for end in range(len(segments), 0, -1)]


class WithdrawnArticleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Only a miss costs a lookup; served pages never reach the query.
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        candidates = _path_and_parents(request.path)
        if not candidates:
            return response
        withdrawals = ArticleWithdrawal.objects.filter(
            url_path__in=candidates, article__live=False
        ).select_related("article")
        # The most specific path wins; among withdrawals of the same path, the latest.
        withdrawal = max(withdrawals, key=lambda w: (len(w.url_path), w.withdrawn_at), default=None)
        if withdrawal is None:
            return response
        gone = TemplateResponse(request, "news/withdrawn.html", {"withdrawal": withdrawal}, status=410)
        gone.render()
        return gone
