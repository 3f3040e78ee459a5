"""Reads about the page tree that every page type shares."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

_QuerySet = TypeVar("_QuerySet", bound=QuerySet[Any])


def breadcrumbs(page: Page) -> list[Page]:
    """The page's live ancestors below the tree root, outermost first (home page included).

    Walks ``get_parent()``, which costs nothing after routing has cached each parent on its child
    (``TypedChildRouteMixin``), and one query a level otherwise.
    """
    trail: list[Page] = []
    parent = page.get_parent()
    while parent is not None and parent.depth > 1:
        if parent.live:
            trail.append(parent)
        parent = parent.get_parent()
    return trail[::-1]


def without_view_restrictions(queryset: _QuerySet) -> _QuerySet:
    """Pages that no view restriction covers (their own or an ancestor's), in the same query.

    Wagtail's ``.public()`` does the same but first runs a separate query for every restriction,
    once per listing; on a page with several listings that cost grows with the template.
    """
    covering = PageViewRestriction.objects.annotate(restricted_len=Length("page__path")).filter(
        page__path=Substr(OuterRef("path"), 1, F("restricted_len"))  # type: ignore[arg-type]
    )
    return queryset.exclude(Exists(covering))
