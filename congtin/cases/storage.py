"""Where case attachments live: a private directory outside MEDIA_ROOT, with no public URL.

Requesters' files (complaints with ID card scans, medical papers…) must never be reachable by
guessing a /media/ address; they are read only through the views that check who is asking
(``congtin.cases.views``).
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class CaseFileStorage(FileSystemStorage):
    """``FileSystemStorage`` rooted at ``CONGTIN_CASE_FILES_ROOT``, read when needed so tests can move it."""

    @property
    def base_location(self) -> Any:
        return settings.CONGTIN_CASE_FILES_ROOT

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("case attachments have no public URL")


case_file_storage = CaseFileStorage(directory_permissions_mode=0o700, file_permissions_mode=0o600)
