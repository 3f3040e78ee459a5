from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from congtin.documents import services
from congtin.documents.files import DOCX, PDF
from congtin.documents.tests.factories import EXE, OfficialDocumentFactory, docx_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def test_a_pdf_is_stored_with_the_type_read_from_its_bytes():
    document = OfficialDocumentFactory()
    attachment = services.document_attach(
        document=document,
        file=upload("van-ban.bin", pdf_bytes(), "application/octet-stream"),
        title="Toàn văn",
    )
    assert attachment.content_type == PDF
    assert attachment.file.name.endswith(".pdf")
    assert attachment.size == len(pdf_bytes())


def test_a_docx_is_recognised_by_its_word_document_part():
    attachment = services.document_attach(
        document=OfficialDocumentFactory(), file=upload("du-thao.docx", docx_bytes()), title="Dự thảo"
    )
    assert attachment.content_type == DOCX
    assert attachment.file.name.endswith(".docx")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("quyet-dinh.pdf", EXE),
        ("quyet-dinh.docx", b"PK\x03\x04" + b"\x00" * 100),  # a zip that is not a Word document
        ("trang.pdf", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_a_file_that_is_not_really_pdf_or_docx_is_refused_whatever_its_name(name, content):
    document = OfficialDocumentFactory()
    with pytest.raises(ValidationError) as error:
        services.document_attach(document=document, file=upload(name, content), title="Toàn văn")
    assert "Chỉ nhận tệp PDF hoặc DOCX" in error.value.messages[0]
    assert not document.attachments.exists()


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.CONGTIN_DOCUMENT_MAX_UPLOAD = 1024
    with pytest.raises(ValidationError) as error:
        services.document_attach(
            document=OfficialDocumentFactory(), file=upload("lon.pdf", pdf_bytes(2048)), title="Toàn văn"
        )
    assert error.value.messages[0].startswith("Tệp quá lớn")


def test_attachments_are_served_as_downloads_with_safe_headers(client):
    document = OfficialDocumentFactory(printed_symbol="09/2021/NĐ-CP")
    attachment = services.document_attach(
        document=document, file=upload("x.pdf", pdf_bytes()), title="Toàn văn"
    )
    response = client.get(reverse("documents:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == PDF
    assert response["Content-Disposition"] == 'attachment; filename="09-2021-nd-cp-toan-van.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert b"".join(response.streaming_content) == pdf_bytes()


def test_attachments_of_drafts_are_not_served_to_the_public(client):
    document = OfficialDocumentFactory(is_published=False)
    attachment = services.document_attach(
        document=document, file=upload("x.pdf", pdf_bytes()), title="Toàn văn"
    )
    assert client.get(reverse("documents:attachment", args=[attachment.pk])).status_code == 404
