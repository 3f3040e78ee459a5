"""Bulk creation of live Wagtail pages under one parent: rows, not one ``save()`` per page.

Wagtail's ``add_child`` + ``save_revision().publish()`` costs tens of queries per page (tree locking,
revisions, signals, the reference index); a 1,000,000-article corpus would take hours. Here the
treebeard paths are computed (``MP_Node._get_path``), the base ``wagtailcore_page`` rows go in with
``bulk_create`` and the specific model's own rows with one multi-row INSERT per batch. The pages are
live with their publication dates set, have no revisions (nothing reads them to serve a page) and
send no signals: the bench rebuilds the search index afterwards. Used for both congtin's and the
vanilla site's page models.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Page

BATCH = 1000


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def pages_bulk_create(
    *,
    parent: Page,
    model: type[Page],
    rows: Iterable[tuple[dict[str, Any], dict[str, Any]]],
    batch: int = BATCH,
) -> int:
    """Append live children of ``model`` to ``parent``; return how many.

    ``rows`` yields ``(page_fields, specific_fields)``: ``page_fields`` needs ``title``, ``slug`` and
    ``first_published_at`` (slugs must be unique among the parent's children); ``specific_fields``
    are the model's own fields.
    """
    parent = Page.objects.get(pk=parent.pk)  # fresh numchild and path
    content_type = ContentType.objects.get_for_model(model)
    depth = parent.depth + 1
    last = parent.get_last_child()
    position = Page._str2int(last.path[-Page.steplen :]) if last else 0
    specific_fields = list(model._meta.local_concrete_fields)
    created = 0
    for chunk in _batches(rows, batch):
        with transaction.atomic():
            pages = []
            for page_fields, _ in chunk:
                position += 1
                published = page_fields["first_published_at"]
                pages.append(
                    Page(
                        content_type=content_type,
                        title=page_fields["title"],
                        draft_title=page_fields["title"],
                        slug=page_fields["slug"],
                        url_path=f"{parent.url_path}{page_fields['slug']}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        latest_revision_created_at=published,
                        show_in_menus=page_fields.get("show_in_menus", False),
                        locale_id=parent.locale_id,
                        translation_key=uuid.uuid4(),
                        path=Page._get_path(parent.path, depth, position),
                        depth=depth,
                        numchild=0,
                    )
                )
            Page.objects.bulk_create(pages)
            if connection.vendor != "postgresql" and any(p.pk is None for p in pages):
                # Backends that return no ids from a multi-row INSERT: read them back by path.
                ids = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
                for page in pages:
                    page.pk = page.id = ids[page.path]
            specifics = [
                model(page_ptr_id=page.pk, **own) for page, (_, own) in zip(pages, chunk, strict=True)
            ]
            model._base_manager._insert(specifics, fields=specific_fields, using=connection.alias)
            created += len(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + created)
    return created
