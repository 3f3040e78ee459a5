"""Public views of the "Hỏi đáp" section; ``pages.QuestionAnswerIndexPage`` routes to them.

They read ``queries.qa_public`` and nothing else: a case that is not published (or was withdrawn)
does not exist here, whatever its number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from congtin.cases import queries

if TYPE_CHECKING:
    from congtin.cases.pages import QuestionAnswerIndexPage

LISTING_PAGE_SIZE = 20


def _render(
    request: HttpRequest, page: QuestionAnswerIndexPage, template: str, context: dict[str, Any]
) -> TemplateResponse:
    return TemplateResponse(request, template, {"page": page, "self": page, **context})


def qa_listing(request: HttpRequest, *, page: QuestionAnswerIndexPage) -> HttpResponse:
    """Published answers, newest first, 20 a page, optionally of one field (``?linh-vuc=<slug>``)."""
    fields = list(queries.qa_fields())
    items = queries.qa_public()
    current = None
    slug = request.GET.get("linh-vuc", "").strip()
    if slug:
        current = next((f for f in fields if f.slug == slug), None)
        if current is None:
            raise Http404
        items = items.filter(field=current)
    paginator = Paginator(items, LISTING_PAGE_SIZE)
    return _render(
        request,
        page,
        "cases/qa/listing.html",
        {
            "items": paginator.get_page(request.GET.get("trang")),
            "fields": fields,
            "current_field": current,
            "pagination_query": f"linh-vuc={current.slug}" if current else "",
        },
    )


def qa_entry(request: HttpRequest, *, page: QuestionAnswerIndexPage, pk: int) -> HttpResponse:
    qa = queries.qa_public().filter(pk=pk).first()
    if qa is None:
        raise Http404
    return _render(request, page, "cases/qa/entry.html", {"qa": qa})
