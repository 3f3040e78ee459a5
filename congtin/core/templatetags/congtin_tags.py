"""Template filters that print dates the Vietnamese way whatever the active language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from wagtail.models import Page, Site

from congtin.core import queries
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
def main_sections(context: template.Context) -> list[Page]:
    """The site's top-level sections for the navigation bar, once per request."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_congtin_main_sections", None)
    if cached is None:
        site = Site.find_for_request(request)
        cached = (
            list(queries.without_view_restrictions(site.root_page.get_children().live().in_menu()))
            if site
            else []
        )
        request._congtin_main_sections = cached
    return cached


@register.simple_tag
def page_breadcrumbs(page: Page) -> list[Page]:
    return queries.breadcrumbs(page)


@register.simple_tag
def tag_url(tag: Any) -> str:
    """The topic listing served by the site root's HomePage at ``chu-de/<slug>/``."""
    return f"/chu-de/{tag.slug}/"
