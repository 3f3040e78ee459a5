"""Template filters that print dates the Vietnamese way whatever the active language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from wagtail.models import Page

from congtin.core import queries
from congtin.core.structure import StructurePage, request_structure
from congtin.vietnamese import dates

register = template.Library()


@register.filter
def vn_date(value: dt.date | None) -> str:
    return dates.format_date(value) if value else ""


@register.filter
def vn_datetime(value: dt.datetime | None) -> str:
    return dates.format_datetime(value) if value else ""


@register.simple_tag
def vn_dateline(place: str, value: dt.date | None) -> str:
    return dates.format_dateline(place, value) if value else place


@register.simple_tag(takes_context=True)
def main_sections(context: template.Context) -> list[StructurePage]:
    """The site's top-level sections for the navigation bar, from the cached structure."""
    snapshot = request_structure(context.get("request"))
    return snapshot.main_sections if snapshot is not None else []


@register.simple_tag(takes_context=True)
def page_breadcrumbs(context: template.Context, page: Page) -> list[StructurePage] | list[Page]:
    """The page's live ancestors, from the cached structure when it knows them all."""
    snapshot = request_structure(context.get("request"))
    trail = snapshot.ancestors(page) if snapshot is not None and page.path else None
    return trail if trail is not None else queries.breadcrumbs(page)


@register.simple_tag
def tag_url(tag: Any) -> str:
    """The topic listing served by the site root's HomePage at ``chu-de/<slug>/``."""
    return f"/chu-de/{tag.slug}/"
