"""Signals that only call ``congtin.core.structure.structure_changed`` (decision 0023).

Articles are left out on purpose: they are not part of the structure, and publishing one must not
throw away the snapshot every worker shares.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from congtin.core import structure

UID = "congtin.core.structure"


def _is_structure_page(instance: Any) -> bool:
    if not isinstance(instance, Page):
        return False
    return f"{instance._meta.app_label}.{instance._meta.model_name}" not in structure.ARTICLE_MODELS


def _on_page_saved_or_deleted(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw and _is_structure_page(instance):
        structure.structure_changed()


def _on_changed(sender: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        structure.structure_changed()


def connect() -> None:
    from congtin.core.models import JournalSettings

    post_save.connect(_on_page_saved_or_deleted, dispatch_uid=f"{UID}.page_saved")
    post_delete.connect(_on_page_saved_or_deleted, dispatch_uid=f"{UID}.page_deleted")
    post_page_move.connect(_on_changed, dispatch_uid=f"{UID}.page_moved")
    for model in (PageViewRestriction, Site, JournalSettings):
        post_save.connect(_on_changed, sender=model, dispatch_uid=f"{UID}.{model.__name__}.saved")
        post_delete.connect(_on_changed, sender=model, dispatch_uid=f"{UID}.{model.__name__}.deleted")
