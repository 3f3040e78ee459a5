"""What the database backends store: one row per public item, with its text in the original form.

The engine-specific part (an FTS5 table on SQLite, a ``tsvector`` column and GIN index on
PostgreSQL) is created by migration 0002 for the running database only, and written by the backend.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from congtin.search.backends.base import SearchDocument


class SearchEntry(models.Model):
    key = models.CharField(_("khóa"), max_length=120, unique=True)
    content_type = models.CharField(_("loại nội dung"), max_length=100, db_index=True)
    title = models.TextField(_("tiêu đề"))
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("địa chỉ"), max_length=1000, blank=True)
    published_at = models.DateTimeField(_("thời điểm đăng"), null=True, blank=True)
    path = models.CharField(_("vị trí trong cây trang"), max_length=255, blank=True, db_index=True)
    section_id = models.BigIntegerField(_("chuyên mục"), null=True, blank=True)
    document_type = models.CharField(_("loại văn bản"), max_length=30, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)

    class Meta:
        verbose_name = _("mục chỉ mục tìm kiếm")
        verbose_name_plural = _("chỉ mục tìm kiếm")

    def __str__(self) -> str:
        return self.key

    @classmethod
    def for_document(cls, document: SearchDocument) -> SearchEntry:
        """The stored row of an item; each backend adds its own engine columns."""
        return cls(
            key=document.key,
            content_type=document.content_type,
            title=document.title,
            body=document.body,
            url=document.url,
            published_at=document.published_at,
            path=document.path,
            section_id=document.section_id,
            document_type=document.document_type,
            year=document.year,
        )
