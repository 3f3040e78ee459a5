from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import factory
import wagtail_factories
from django.core.files.uploadedfile import SimpleUploadedFile

from congtin.documents.choices import DocumentStatus, DocumentType, RelationKind
from congtin.documents.models import (
    DocumentAttachment,
    DocumentRelation,
    Field,
    OfficialDocument,
    Organisation,
)
from congtin.documents.pages import AccessToInformationPage


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("abbreviation",)

    abbreviation = "CP"
    name = "Chính phủ"
    kind = "state"


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    slug = factory.Sequence(lambda n: f"linh-vuc-{n}")


class OfficialDocumentFactory(factory.django.DjangoModelFactory):
    """A published decree of the Government, validated like every write ("<n>/2021/NĐ-CP")."""

    class Meta:
        model = OfficialDocument
        skip_postgeneration_save = True

    doc_type = DocumentType.NGHI_DINH
    printed_symbol = factory.Sequence(lambda n: f"{n + 100}/2021/NĐ-CP")
    issuer = factory.SubFactory(OrganisationFactory)
    issued_on = dt.date(2021, 3, 15)
    status = DocumentStatus.IN_FORCE
    summary = factory.Sequence(lambda n: f"Quy định về công tác số {n}")
    is_published = True

    @classmethod
    def _create(cls, model_class: type[OfficialDocument], *args: Any, **kwargs: Any) -> OfficialDocument:
        document = model_class(*args, **kwargs)
        document.full_clean(validate_constraints=False)
        document.save()
        return document

    @factory.post_generation
    def fields(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.fields.set(extracted)


class DocumentRelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentRelation

    source = factory.SubFactory(OfficialDocumentFactory, issued_on=dt.date(2021, 6, 1))
    target = factory.SubFactory(OfficialDocumentFactory, issued_on=dt.date(2021, 1, 5))
    kind = RelationKind.REPLACES


# The first bytes of a Windows program ("MZ" header), whatever its name claims.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def pdf_bytes(size: int = 0) -> bytes:
    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    return body + b"\n" * max(size - len(body), 0)


def docx_bytes() -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return stream.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


class DocumentAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentAttachment

    document = factory.SubFactory(OfficialDocumentFactory)
    title = "Toàn văn"
    file = factory.LazyFunction(lambda: upload("toan-van.pdf", pdf_bytes()))
    content_type = "application/pdf"
    size = factory.LazyAttribute(lambda a: a.file.size)


class AccessToInformationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AccessToInformationPage

    title = "Tiếp cận thông tin"
    slug = "tiep-can-thong-tin"
    show_in_menus = True
