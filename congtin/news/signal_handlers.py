"""Keep the citation index in step with what is live; each handler calls one named service.

Wagtail sends ``page_published`` from every path that makes a revision live -- the publish button,
the last workflow approval, bulk actions, ``publish_scheduled`` -- and ``page_unpublished`` from
unpublishing, withdrawal and expiry, so these two signals are the only places that see them all.
The index is written inside the publishing transaction: it commits or rolls back with the page
(decision 0008).
"""

from __future__ import annotations

from typing import Any

from wagtail.signals import page_published, page_unpublished

from congtin.documents import services
from congtin.news.models import ArticlePage


def index_citations_on_publish(sender: type[ArticlePage], instance: ArticlePage, **kwargs: Any) -> None:
    # Approving a revision scheduled for later also sends the signal, before the page goes live; the
    # scheduled publication sends it again when it does.
    if instance.live:
        services.citations_index(source=instance)


def clear_citations_on_unpublish(sender: type[ArticlePage], instance: ArticlePage, **kwargs: Any) -> None:
    services.citations_clear(source=instance)


def connect() -> None:
    page_published.connect(
        index_citations_on_publish, sender=ArticlePage, dispatch_uid="news_citations_index"
    )
    page_unpublished.connect(
        clear_citations_on_unpublish, sender=ArticlePage, dispatch_uid="news_citations_clear"
    )
