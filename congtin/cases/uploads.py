"""Files sent with a case or its answer: what they really are, and where they are kept.

The name and the browser's declared type are the sender's claims, so neither decides: the bytes
do. Four formats are taken — PDF, DOCX, JPEG, PNG — and a file is refused when

- its bytes are none of them, or its name's extension says another one (``anh.png`` holding a PDF);
- it is a polyglot: bytes that another reader would take for another format. A zip archive's
  directory at its end (a JPEG or PDF that is also a zip), ``%PDF-`` in the first kilobyte of a
  non-PDF (PDF readers look that far), HTML or script markup at its start, data after the end of a
  PNG or JPEG image, or data before or after a DOCX archive;
- a DOCX holds macros, or would unpack to more than 200 MB (a zip bomb);
- it is larger than 10 MB, or the files of one submission add up to more than 25 MB.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zipfile
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from congtin.cases.choices import EventKind
from congtin.cases.models import AttachmentPurpose, Case, CaseAttachment, CaseEvent
from congtin.users.models import User
from congtin.vietnamese import nfc

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
JPEG = "image/jpeg"
PNG = "image/png"
EXTENSIONS: dict[str, tuple[str, ...]] = {
    PDF: ("pdf",),
    DOCX: ("docx",),
    JPEG: ("jpg", "jpeg"),
    PNG: ("png",),
}

MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_TOTAL_SIZE = 25 * 1024 * 1024
MAX_FILES = 5
_MAX_UNPACKED = 200 * 1024 * 1024
_MAX_ZIP_MEMBERS = 2_000
_MARKUP = re.compile(rb"<\s*(?:!doctype|html|script|svg|body|iframe|\?xml-stylesheet)", re.IGNORECASE)
_EOCD = b"PK\x05\x06"


@dataclass(frozen=True)
class SniffedFile:
    content_type: str
    extension: str
    size: int


def _refuse_type() -> ValidationError:
    return ValidationError(
        _("Chỉ nhận tệp PDF, DOCX, JPG hoặc PNG; nội dung tệp này không phải một trong các loại đó."),
        code="file_type",
    )


def _refuse_polyglot() -> ValidationError:
    return ValidationError(
        _("Tệp này chứa dữ liệu của một loại tệp khác và không được nhận. Hãy lưu lại tệp rồi gửi lại."),
        code="file_polyglot",
    )


def _ends_with_zip_directory(data: bytes) -> bool:
    """True when a zip reader would find an archive directory at the end of ``data``."""
    window = data[-(65_535 + 22) :]
    start = len(data) - len(window)
    at = window.rfind(_EOCD)
    while at != -1:
        if at + 22 <= len(window):
            (comment_length,) = struct.unpack("<H", window[at + 20 : at + 22])
            if start + at + 22 + comment_length == len(data):
                return True
        at = window.rfind(_EOCD, 0, at)
    return False


def _png_end(data: bytes) -> int | None:
    """The offset just past the IEND chunk of a well-formed PNG, or None."""
    pos = 8
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        pos += 12 + length
        if kind == b"IEND":
            return pos if pos <= len(data) else None
    return None


def _jpeg_end(data: bytes) -> int | None:
    """The offset just past the end-of-image marker of a JPEG, walking its segments, or None."""
    pos = 2
    size = len(data)
    while pos + 2 <= size:
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:
            return pos + 2
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        if pos + 4 > size:
            return None
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next real marker
            while pos + 1 < size:
                if data[pos] == 0xFF and data[pos + 1] not in (0x00, *range(0xD0, 0xD8), 0xFF):
                    break
                pos += 1
            else:
                return None
    return None


def _check_docx(data: bytes) -> None:
    if _MARKUP.search(data[:1024]) or b"%PDF-" in data[:1024]:
        raise _refuse_polyglot()
    # The archive must fill the file exactly: its directory ends it and its first entry starts it.
    window_at = max(0, len(data) - (65_535 + 22))
    eocd = data.rfind(_EOCD, window_at)
    if eocd == -1 or eocd + 22 > len(data):
        raise _refuse_type()
    (cd_size, cd_offset, comment_length) = struct.unpack("<IIH", data[eocd + 12 : eocd + 22])
    if cd_offset + cd_size != eocd or eocd + 22 + comment_length != len(data):
        raise _refuse_polyglot()
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, struct.error) as exc:
        raise _refuse_type() from exc
    names = {member.filename for member in members}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise _refuse_type()
    if len(members) > _MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > _MAX_UNPACKED:
        raise _refuse_polyglot()
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise ValidationError(_("Tệp DOCX có chứa macro và không được nhận."), code="file_macro")


def sniff_case_file(data: bytes, name: str, *, size: int | None = None) -> SniffedFile:
    """The real type of an uploaded file from its bytes, or a ValidationError in Vietnamese.

    ``size`` is the file's full size when ``data`` was cut short at the limit (``read_upload``).
    """
    size = max(len(data), size or 0)
    if size == 0:
        raise ValidationError(_("Tệp %(name)s rỗng.") % {"name": name}, code="empty_file")
    if size > MAX_FILE_SIZE:
        raise ValidationError(
            _("Tệp %(name)s quá lớn (%(size)s); mỗi tệp tối đa %(limit)s.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(MAX_FILE_SIZE)},
            code="file_too_large",
        )
    head = data[:1024]
    if data.startswith(b"%PDF-"):
        content_type = PDF
        if _ends_with_zip_directory(data) or _MARKUP.search(head):
            raise _refuse_polyglot()
        if b"%%EOF" not in data[-1024:]:
            raise _refuse_type()
    elif data.startswith(b"PK\x03\x04"):
        content_type = DOCX
        _check_docx(data)
    elif data.startswith(b"\x89PNG\r\n\x1a\n"):
        content_type = PNG
        end = _png_end(data)
        if end is None:
            raise _refuse_type()
        if end != size or b"%PDF-" in head or _MARKUP.search(head) or _ends_with_zip_directory(data):
            raise _refuse_polyglot()
    elif data.startswith(b"\xff\xd8\xff"):
        content_type = JPEG
        end = _jpeg_end(data)
        if end is None:
            raise _refuse_type()
        if (
            data[end:].strip(b"\x00")
            or b"%PDF-" in head
            or _MARKUP.search(head)
            or _ends_with_zip_directory(data)
        ):
            raise _refuse_polyglot()
    else:
        raise _refuse_type()
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in EXTENSIONS[content_type]:
        raise ValidationError(
            _(
                "Tên tệp %(name)s không khớp với nội dung (nội dung là tệp %(kind)s). Hãy đổi tên tệp cho đúng."
            )
            % {"name": name, "kind": EXTENSIONS[content_type][0].upper()},
            code="file_extension",
        )
    return SniffedFile(content_type, EXTENSIONS[content_type][0], size)


def read_upload(uploaded_file: Any) -> bytes:
    """The whole of an uploaded file (at most a little over the size limit is ever read)."""
    uploaded_file.seek(0)
    data: bytes = uploaded_file.read(MAX_FILE_SIZE + 1)
    uploaded_file.seek(0)
    return data


def check_total_size(files: list[Any]) -> None:
    if len(files) > MAX_FILES:
        raise ValidationError(_("Chỉ gửi được tối đa %(n)s tệp.") % {"n": MAX_FILES}, code="too_many_files")
    total = sum(int(getattr(f, "size", 0) or 0) for f in files)
    if total > MAX_TOTAL_SIZE:
        raise ValidationError(
            _("Các tệp đính kèm cộng lại %(size)s; tổng dung lượng tối đa là %(limit)s.")
            % {"size": filesizeformat(total), "limit": filesizeformat(MAX_TOTAL_SIZE)},
            code="files_too_large",
        )


def case_attach_file(
    case: Case, uploaded_file: Any, *, purpose: AttachmentPurpose | str, by: User | None
) -> CaseAttachment:
    """Check ``uploaded_file`` and store it privately as an attachment of ``case``.

    ``purpose`` is ``AttachmentPurpose.SUBMISSION`` (from the requester; ``by`` is None) or
    ``ANSWER`` (a member of staff answering). Raises ``ValidationError`` for a refused file. The
    file is written to storage before its row; a caller whose transaction fails later deletes it
    (``intake.case_submit`` does).
    """
    purpose = AttachmentPurpose(purpose)
    name = nfc(str(getattr(uploaded_file, "name", "") or "tep")).rsplit("/", 1)[-1][:255]
    data = read_upload(uploaded_file)
    sniffed = sniff_case_file(data, name, size=getattr(uploaded_file, "size", None))
    now = timezone.now()
    attachment = CaseAttachment(
        case=case,
        purpose=purpose,
        original_name=name,
        content_type=sniffed.content_type,
        extension=sniffed.extension,
        size=sniffed.size,
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_at=now,
        uploaded_by=by,
    )
    attachment.file.save(name, ContentFile(data), save=False)
    try:
        attachment.save()
    except Exception:
        attachment.file.storage.delete(str(attachment.file.name))
        raise
    if purpose == AttachmentPurpose.ANSWER:
        CaseEvent.objects.create(
            case=case,
            kind=EventKind.NOTE,
            actor=by,
            at=now,
            from_state=case.state,
            to_state=case.state,
            note=_("Đính kèm tệp vào câu trả lời (%(kind)s, %(size)s).")
            % {"kind": sniffed.extension.upper(), "size": filesizeformat(sniffed.size)},
        )
    return attachment
