"""schema.org data that an article page carries in its <head>, built from plain values.

One builder for both ways an article is printed: ``ArticlePage.json_ld`` (the normal page) and the lean
path (``news.fastpath``), which has only the row's values, not the page object.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.utils import timezone


def news_article_json_ld(
    *,
    title: str,
    description: str,
    url: str,
    published: dt.datetime | None,
    modified: dt.datetime | None,
    byline: str,
) -> str:
    """schema.org ``NewsArticle``, escaped for inline ``<script>`` use."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title[:110],
        "description": description,
        "mainEntityOfPage": url,
        "url": url,
        "inLanguage": "vi",
    }
    if published:
        data["datePublished"] = timezone.localtime(published).isoformat()
    if modified:
        data["dateModified"] = timezone.localtime(modified).isoformat()
    if byline:
        data["author"] = {"@type": "Person", "name": byline}
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
