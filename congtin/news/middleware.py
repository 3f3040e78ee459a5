"""Withdrawn articles answer 410 Gone with the reason, instead of a bare 404 (Press Law, Art. 42)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from congtin.news.models import ArticleWithdrawal


class WithdrawnArticleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Only a miss costs a lookup; served pages never reach the query.
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        withdrawal = (
            ArticleWithdrawal.objects.filter(url_path=request.path, article__live=False)
            .select_related("article")
            .first()
        )
        if withdrawal is None:
            return response
        gone = TemplateResponse(request, "news/withdrawn.html", {"withdrawal": withdrawal}, status=410)
        gone.render()
        return gone
