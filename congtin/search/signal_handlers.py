"""Signals that only call a named search service (STYLE: "may call a named service, nothing more").

Adding is deferred to a background task after commit; taking out happens at once, inside the
transaction that unpublishes, restricts or deletes, so there is no moment when a page that is no
longer public can still be found.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from congtin.search import services

UID = "congtin.search"


def _on_page_published(sender: Any, instance: Page, **kwargs: Any) -> None:
    services.search_schedule_update(services.search_key(instance.specific_deferred))


def _on_page_unpublished(sender: Any, instance: Page, **kwargs: Any) -> None:
    services.search_remove(services.search_key(instance.specific_deferred))


def _on_page_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        services.search_remove(f"{type(instance)._meta.label_lower}:{instance.pk}")


def _on_page_moved(sender: Any, instance: Page, **kwargs: Any) -> None:
    _schedule_subtree(instance.pk)


def _on_restriction_saved(
    sender: Any, instance: PageViewRestriction, raw: bool = False, **kwargs: Any
) -> None:
    if not raw:
        services.search_remove_subtree(instance.page)


def _on_restriction_deleted(sender: Any, instance: PageViewRestriction, **kwargs: Any) -> None:
    _schedule_subtree(instance.page_id)


def _schedule_subtree(page_id: int) -> None:
    from congtin.search.tasks import search_update_subtree_task

    transaction.on_commit(lambda: search_update_subtree_task.enqueue(page_id))


def _on_document_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    key = services.search_key(instance)
    if not instance.is_published:
        services.search_remove(key)
    services.search_schedule_update(key)


def _on_document_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    services.search_remove(services.search_key(instance))


def connect() -> None:
    from congtin.documents.models import OfficialDocument

    page_published.connect(_on_page_published, dispatch_uid=f"{UID}.page_published")
    page_unpublished.connect(_on_page_unpublished, dispatch_uid=f"{UID}.page_unpublished")
    post_delete.connect(_on_page_deleted, dispatch_uid=f"{UID}.page_deleted")
    # A new path or slug changes the address of every page below: re-check the whole subtree.
    post_page_move.connect(_on_page_moved, dispatch_uid=f"{UID}.page_moved")
    page_slug_changed.connect(_on_page_moved, dispatch_uid=f"{UID}.page_slug_changed")
    post_save.connect(
        _on_restriction_saved, sender=PageViewRestriction, dispatch_uid=f"{UID}.restriction_saved"
    )
    post_delete.connect(
        _on_restriction_deleted, sender=PageViewRestriction, dispatch_uid=f"{UID}.restriction_deleted"
    )
    post_save.connect(_on_document_saved, sender=OfficialDocument, dispatch_uid=f"{UID}.document_saved")
    post_delete.connect(_on_document_deleted, sender=OfficialDocument, dispatch_uid=f"{UID}.document_deleted")
