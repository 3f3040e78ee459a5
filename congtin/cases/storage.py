"""Where case attachments live: a private directory outside MEDIA_ROOT, with no public URL.

Requesters' files (complaints with ID card scans, medical papers…) must never be reachable by
guessing a /media/ address; they are read only through the views that check who is asking
(``congtin.cases.views``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks
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


@checks.register(checks.Tags.security)
def check_case_files_are_private(**kwargs: Any) -> list[checks.CheckMessage]:
    """Refuse a case-file directory the web server would publish (inside MEDIA_ROOT or STATIC_ROOT)."""
    private = Path(settings.CONGTIN_CASE_FILES_ROOT).resolve()
    errors: list[checks.CheckMessage] = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = getattr(settings, name, None)
        if public and private.is_relative_to(Path(public).resolve()):
            errors.append(
                checks.Error(
                    f"CONGTIN_CASE_FILES_ROOT ({private}) is inside {name}: requesters' files would be public.",
                    hint="Point CONGTIN_CASE_FILES_ROOT at a directory the web server does not serve.",
                    id="cases.E001",
                )
            )
    return errors
