"""Attachments are recognised from their bytes: oversized, wrong-type, renamed and polyglot files are refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from conftest import SiteTree
from congtin.cases.models import Case, CaseAttachment
from congtin.cases.tests.intake_support import (
    case_files,
    docx_bytes,
    jpeg_bytes,
    pdf_bytes,
    png_bytes,
    png_chunk,
    upload,
    zip_bytes,
)
from congtin.cases.tests.test_intake import feedback
from congtin.cases.uploads import MAX_FILE_SIZE, sniff_case_file

__all__ = ["case_files"]
MB = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("don.pdf", pdf_bytes(), "application/pdf"),
        ("DON.PDF", pdf_bytes(), "application/pdf"),
        (
            "to-trinh.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("anh.jpg", jpeg_bytes(), "image/jpeg"),
        ("anh.jpeg", jpeg_bytes(), "image/jpeg"),
        ("anh.png", png_bytes(), "image/png"),
    ],
)
def test_the_four_formats_are_recognised_from_their_bytes(name: str, data: bytes, content_type: str) -> None:
    assert sniff_case_file(data, name).content_type == content_type


def _jpeg_with_comment(comment: bytes) -> bytes:
    data = jpeg_bytes()
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return data[:2] + segment + data[2:]


def _png_with_chunk_before_end(kind: bytes, payload: bytes) -> bytes:
    data = png_bytes()
    iend = data.rindex(b"IEND") - 4
    return data[:iend] + png_chunk(kind, payload) + data[iend:]


POLYGLOTS = {
    "jpeg-then-zip": ("anh.jpg", jpeg_bytes() + zip_bytes()),
    "png-then-zip": ("anh.png", png_bytes() + zip_bytes()),
    "png-with-trailing-bytes": ("anh.png", png_bytes() + b"<html><script>alert(1)</script></html>"),
    "pdf-then-zip": ("don.pdf", pdf_bytes() + zip_bytes()),
    "pdf-in-a-jpeg-comment": ("anh.jpg", _jpeg_with_comment(b"%PDF-1.4 1 0 obj<<>>endobj")),
    "html-in-a-jpeg-comment": ("anh.jpg", _jpeg_with_comment(b"<html><script>alert(1)</script>")),
    "pdf-in-a-png-chunk": ("anh.png", _png_with_chunk_before_end(b"tEXt", b"c\x00%PDF-1.4 trailer")),
    "docx-with-a-prefix": ("to-trinh.docx", b"PK\x03\x04" + b"\x00" * 26 + docx_bytes()),
    "docx-with-pdf-header": ("to-trinh.docx", docx_bytes()[:30] + b"%PDF-1.4" + docx_bytes()[38:]),
}


@pytest.mark.parametrize("case", list(POLYGLOTS), ids=list(POLYGLOTS))
def test_polyglots_are_refused(case: str) -> None:
    name, data = POLYGLOTS[case]
    with pytest.raises(ValidationError) as refused:
        sniff_case_file(data, name)
    assert refused.value.code in ("file_polyglot", "file_type")


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("don.pdf", b"MZ\x90\x00" + b"\x00" * 200, "file_type"),  # a Windows program
        ("anh.png", b"GIF89a" + b"\x00" * 100, "file_type"),
        ("bieu-mau.pdf", zip_bytes(), "file_type"),  # a zip that is not a document
        ("anh.pdf", png_bytes(), "file_extension"),  # a PNG named .pdf
        ("don.docx", pdf_bytes(), "file_extension"),
        ("anh", jpeg_bytes(), "file_extension"),
        ("rong.pdf", b"", "empty_file"),
        ("nua.png", png_bytes()[:40], "file_type"),  # cut short
    ],
)
def test_wrong_types_and_mismatched_names_are_refused(name: str, data: bytes, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        sniff_case_file(data, name)
    assert refused.value.code == code


def test_a_docx_with_macros_is_refused() -> None:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/vbaProject.bin", b"\x00" * 64)
    with pytest.raises(ValidationError) as refused:
        sniff_case_file(out.getvalue(), "bao-cao.docx")
    assert "macro" in refused.value.messages[0]


@pytest.mark.django_db
def test_an_oversized_file_is_refused_with_a_vietnamese_message_and_nothing_is_saved(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    data = feedback()
    data["attachments"] = [upload("ban-scan.pdf", pdf_bytes(pad=MAX_FILE_SIZE))]
    response = client.post("/gui-phan-anh/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tệp ban-scan.pdf quá lớn (10,0\xa0MB); mỗi tệp tối đa 10,0\xa0MB" in html
    assert "Đèn đường hỏng trên phố Hàng Bài" in html  # what was typed is still there
    assert not Case.objects.exists() and not CaseAttachment.objects.exists()
    assert not case_files.exists() or not any(case_files.rglob("*.pdf"))


@pytest.mark.django_db
def test_files_adding_up_to_more_than_25_mb_are_refused(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    data = feedback()
    data["attachments"] = [upload(f"phan-{n}.pdf", pdf_bytes(pad=9 * MB)) for n in range(3)]
    response = client.post("/gui-phan-anh/", data)
    assert response.status_code == 400
    assert "tổng dung lượng tối đa là 25,0\xa0MB" in response.content.decode()
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_a_renamed_or_polyglot_upload_through_the_form_is_refused(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    for attachment in (
        upload("anh.pdf", png_bytes(), "application/pdf"),
        upload("anh.jpg", jpeg_bytes() + zip_bytes(), "image/jpeg"),
    ):
        data = feedback()
        data["attachments"] = [attachment]
        response = client.post("/gui-phan-anh/", data)
        assert response.status_code == 400
        html = response.content.decode()
        assert "không khớp với nội dung" in html or "chứa dữ liệu của một loại tệp khác" in html
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_attachments_are_stored_outside_media_with_no_public_url(
    client: Client, site_tree: SiteTree, case_files: Any, settings: Any
) -> None:
    data = feedback()
    data["attachments"] = [upload("giay-to.png", png_bytes(), "image/png")]
    assert client.post("/gui-phan-anh/", data).status_code == 302
    attachment = CaseAttachment.objects.get()
    path = case_files / attachment.file.name
    assert path.read_bytes() == png_bytes()
    assert "giay-to" not in attachment.file.name  # the sender's file name is not the stored name
    with pytest.raises(ValueError, match="no public URL"):
        attachment.file.url  # noqa: B018
    assert client.get(settings.MEDIA_URL + attachment.file.name).status_code == 404
