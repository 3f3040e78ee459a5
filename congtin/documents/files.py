"""What an uploaded attachment really is, read from its bytes rather than its name.

A file called ``quyet-dinh.pdf`` may be a Windows program; the name and the browser's declared type
are the uploader's claims, so neither is trusted. Only two formats are accepted, the two agencies
publish documents in: PDF (``%PDF-`` at the start) and DOCX (a zip archive holding
``word/document.xml``). Everything else is refused, including old binary ``.doc`` files, which
cannot be told apart from other OLE containers without parsing them.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = {PDF: "pdf", DOCX: "docx"}
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024

_ZIP_MAGIC = b"PK\x03\x04"
# A DOCX file is a zip archive; past this many members it is not a document but a zip bomb probe.
_MAX_ZIP_MEMBERS = 10_000


@dataclass(frozen=True)
class SniffedFile:
    content_type: str
    size: int

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]


def max_upload_size() -> int:
    """``CONGTIN_DOCUMENT_MAX_UPLOAD`` in bytes, read when needed so tests and settings can change it."""
    return int(getattr(settings, "CONGTIN_DOCUMENT_MAX_UPLOAD", DEFAULT_MAX_UPLOAD))


def _size(file: Any) -> int:
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        file.seek(0, 2)
        size = file.tell()
        file.seek(position)
    return int(size)


def _is_docx(file: IO[bytes]) -> bool:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False
    return len(names) <= _MAX_ZIP_MEMBERS and "word/document.xml" in names


def sniff_document_file(file: Any) -> SniffedFile:
    """Return the real type and size of ``file``, or raise a ValidationError in Vietnamese.

    ``file`` is an uploaded file or a stored ``FieldFile``; its read position is restored afterwards.
    """
    size = _size(file)
    limit = max_upload_size()
    if size > limit:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s); giới hạn là %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    if size == 0:
        raise ValidationError(_("Tệp rỗng."), code="empty_file")
    if hasattr(file, "open") and getattr(file, "closed", False):
        file.open("rb")
    position = file.tell()
    try:
        file.seek(0)
        head = file.read(8)
        if head.startswith(b"%PDF-"):
            return SniffedFile(PDF, size)
        if head.startswith(_ZIP_MAGIC) and _is_docx(file):
            return SniffedFile(DOCX, size)
    finally:
        file.seek(position)
    raise ValidationError(
        _("Chỉ nhận tệp PDF hoặc DOCX; nội dung tệp này không phải PDF hay DOCX (bất kể tên tệp)."),
        code="file_type",
    )


def validate_document_file(file: Any) -> None:
    """Field validator: size and real type, so the admin form refuses bad uploads before saving."""
    sniff_document_file(file)
