"""Signals that only call a named front-cache service.

``page_published`` and ``page_unpublished`` cover every way an article goes live or leaves (publish
button, workflow approval, bulk actions, scheduled publishing and expiry, withdrawal); a correction is a
new ``ArticleCorrection`` row; registry entries are saved through ``documents.services``.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from congtin.frontcache import services

UID = "congtin.frontcache"


def _on_page_changed(sender: Any, instance: Page, **kwargs: Any) -> None:
    services.frontcache_purge_page(page=instance)


def _on_tree_changed(sender: Any, **kwargs: Any) -> None:
    services.frontcache_purge_all()


def _on_page_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page) and instance.live:
        services.frontcache_purge_all()


def _on_correction_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        services.frontcache_purge_page(page=instance.article)


def _on_document_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        services.frontcache_purge_document(document=instance)


def _on_settings_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        services.frontcache_purge_all()


def connect() -> None:
    from congtin.core.models import JournalSettings
    from congtin.documents.models import OfficialDocument
    from congtin.news.models import ArticleCorrection

    page_published.connect(_on_page_changed, dispatch_uid=f"{UID}.page_published")
    page_unpublished.connect(_on_page_changed, dispatch_uid=f"{UID}.page_unpublished")
    post_page_move.connect(_on_tree_changed, dispatch_uid=f"{UID}.page_moved")
    page_slug_changed.connect(_on_tree_changed, dispatch_uid=f"{UID}.page_slug_changed")
    post_delete.connect(_on_page_deleted, dispatch_uid=f"{UID}.page_deleted")
    post_save.connect(_on_correction_saved, sender=ArticleCorrection, dispatch_uid=f"{UID}.correction")
    post_save.connect(_on_document_changed, sender=OfficialDocument, dispatch_uid=f"{UID}.document_saved")
    post_delete.connect(_on_document_changed, sender=OfficialDocument, dispatch_uid=f"{UID}.document_deleted")
    post_save.connect(_on_settings_saved, sender=JournalSettings, dispatch_uid=f"{UID}.settings")
