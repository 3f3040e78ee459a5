"""Keep the citation index in step with what is live; each handler calls one named service.

Wagtail sends ``page_published`` from every path that makes a revision live -- the publish button,
the last workflow approval, bulk actions, ``publish_scheduled`` -- and ``page_unpublished`` from
unpublishing, withdrawal and expiry, so these two signals are the only places that see them all.
The index is written inside the publishing transaction: it commits or rolls back with the page
(decision 0008).

A section's kept count of its articles (``news.queries.section_article_count``, decision 0026) goes by
the listings version, raised whenever a page is saved with what places it in a listing (created,
published, unpublished -- by hand, by withdrawal or by expiry -- moved) or deleted. ``post_save`` and
``post_delete`` are the signals for it because they are sent inside the change's transaction: Wagtail's
``Page.save`` is atomic (a move saves the moved page inside the move's transaction) and so is Django's
deletion, while ``page_published`` and ``post_page_move`` are sent after those transactions (and
``publish_scheduled`` opens none around them), where a reader could see the new rows with the old
version between the two commits.

The kept article texts (``news.texts``, decision 0026) go stale by version when what they show of
other things changes: a registry entry or an issuer (their cards and links), another page's address,
a document or an image.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from congtin.documents import services
from congtin.news import services as news_services
from congtin.news import texts
from congtin.news.models import ArticlePage

UID = "congtin.news.texts"
# A page saved with only other fields (a draft: ``latest_revision``, ``has_unpublished_changes``; a lock)
# lists no article anywhere else.
LISTED_FIELDS = frozenset({"live", "path", "depth", "content_type"})


def index_citations_on_publish(sender: type[ArticlePage], instance: ArticlePage, **kwargs: Any) -> None:
    # Approving a revision scheduled for later also sends the signal, before the page goes live; the
    # scheduled publication sends it again when it does.
    if instance.live:
        services.citations_index(source=instance)


def clear_citations_on_unpublish(sender: type[ArticlePage], instance: ArticlePage, **kwargs: Any) -> None:
    services.citations_clear(source=instance)


def registry_changed(sender: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        texts.registry_changed()


def links_changed(sender: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        texts.links_changed()


def page_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        texts.links_changed()


def listings_changed_on_save(
    sender: Any, instance: Any, raw: bool = False, update_fields: Any = None, **kwargs: Any
) -> None:
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None and LISTED_FIELDS.isdisjoint(update_fields):
        return
    news_services.listings_changed()


def listings_changed_on_delete(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        news_services.listings_changed()


def connect() -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from congtin.documents.models import OfficialDocument, Organisation

    page_published.connect(
        index_citations_on_publish, sender=ArticlePage, dispatch_uid="news_citations_index"
    )
    page_unpublished.connect(
        clear_citations_on_unpublish, sender=ArticlePage, dispatch_uid="news_citations_clear"
    )
    for model in (OfficialDocument, Organisation):
        post_save.connect(registry_changed, sender=model, dispatch_uid=f"{UID}.{model.__name__}.saved")
        post_delete.connect(registry_changed, sender=model, dispatch_uid=f"{UID}.{model.__name__}.deleted")
    # Any page's address: published, unpublished, moved, renamed, deleted.
    page_published.connect(links_changed, dispatch_uid=f"{UID}.page_published")
    page_unpublished.connect(links_changed, dispatch_uid=f"{UID}.page_unpublished")
    post_page_move.connect(links_changed, dispatch_uid=f"{UID}.page_moved")
    page_slug_changed.connect(links_changed, dispatch_uid=f"{UID}.page_slug_changed")
    post_delete.connect(page_deleted, dispatch_uid=f"{UID}.page_deleted")
    post_save.connect(listings_changed_on_save, dispatch_uid="congtin.news.listings.page_saved")
    post_delete.connect(listings_changed_on_delete, dispatch_uid="congtin.news.listings.page_deleted")
    for model in (get_document_model(), get_image_model()):
        post_save.connect(links_changed, sender=model, dispatch_uid=f"{UID}.{model.__name__}.saved")
        post_delete.connect(links_changed, sender=model, dispatch_uid=f"{UID}.{model.__name__}.deleted")
