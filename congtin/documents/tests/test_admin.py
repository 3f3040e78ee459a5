from __future__ import annotations

import datetime as dt
import html

import pytest
from django.urls import reverse

from congtin.documents import queries, services
from congtin.documents.choices import RelationKind
from congtin.documents.models import OfficialDocument
from congtin.documents.tests.factories import EXE, OfficialDocumentFactory, pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry_staff(staff):
    services.documents_permissions_setup()
    return staff


def _form(**overrides):
    government = services.organisation_ensure_known(abbreviation="CP")
    data = {
        "doc_type": "nghi_dinh",
        "printed_symbol": "09/2017/NĐ-CP",
        "issuer": government.pk,
        "summary": "Quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí",
        "signer": "",
        "signer_position": "",
        "issued_on": "09/02/2017",
        "year": "",
        "effective_on": "30/03/2017",
        "expires_on": "",
        "status": "con_hieu_luc",
        "full_text": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "relations_out-TOTAL_FORMS": "0",
        "relations_out-INITIAL_FORMS": "0",
        "relations_out-MIN_NUM_FORMS": "0",
        "relations_out-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def _with_attachment(content: bytes, name: str) -> dict:
    return {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Toàn văn",
        "attachments-0-file": upload(name, content),
        "attachments-0-ORDER": "1",
        "attachments-0-DELETE": "",
        "attachments-0-id": "",
    }


def test_an_editor_adds_a_draft_with_its_pdf_but_cannot_publish(client, registry_staff):
    client.force_login(registry_staff.editor)
    add_url = reverse("officialdocument:add")
    page = client.get(add_url)
    assert page.status_code == 200
    assert 'name="is_published"' not in page.content.decode()

    response = client.post(add_url, _form(is_published="on", **_with_attachment(pdf_bytes(), "toan-van.pdf")))
    assert response.status_code == 302, response.content.decode()[:2000]
    document = OfficialDocument.objects.get()
    assert (document.canonical_symbol, document.year, document.is_published) == ("09/2017/NĐ-CP", 2017, False)
    assert document.attachments.get().content_type == "application/pdf"


def test_the_editor_in_chief_publishes(client, registry_staff):
    client.force_login(registry_staff.editor_in_chief)
    response = client.post(reverse("officialdocument:add"), _form(is_published="on"))
    assert response.status_code == 302
    assert OfficialDocument.objects.get().is_published


def test_the_admin_form_refuses_a_duplicate_with_the_vietnamese_message(client, registry_staff):
    client.force_login(registry_staff.editor)
    client.post(reverse("officialdocument:add"), _form())
    response = client.post(reverse("officialdocument:add"), _form(printed_symbol="9/2017/nd-cp"))
    assert response.status_code == 200
    assert "Đã có văn bản số 09/2017/NĐ-CP của Chính phủ năm 2017" in html.unescape(response.content.decode())
    assert OfficialDocument.objects.count() == 1


def test_the_admin_form_refuses_a_program_disguised_as_a_pdf(client, registry_staff):
    client.force_login(registry_staff.editor)
    response = client.post(reverse("officialdocument:add"), _form(**_with_attachment(EXE, "quyet-dinh.pdf")))
    assert response.status_code == 200
    assert "Chỉ nhận tệp PDF hoặc DOCX" in html.unescape(response.content.decode())
    assert not OfficialDocument.objects.exists()


def test_the_admin_listing_finds_a_symbol_however_it_is_typed(client, registry_staff):
    OfficialDocumentFactory(printed_symbol="09/2021/NĐ-CP")
    OfficialDocumentFactory(printed_symbol="10/2021/NĐ-CP")
    client.force_login(registry_staff.editor)
    response = client.get(reverse("officialdocument:index"), {"q": "nghị định 9/2021"})
    text = response.content.decode()
    assert "09/2021/NĐ-CP" in text and "10/2021/NĐ-CP" not in text


def test_staff_without_registry_rights_are_kept_out(client, registry_staff):
    client.force_login(registry_staff.reporter)
    assert client.get(reverse("officialdocument:add")).status_code in (302, 403)


def test_the_edit_inspect_and_chooser_pages_render_for_an_entry_with_files_and_relations(
    client, registry_staff
):
    old = OfficialDocumentFactory(printed_symbol="43/2011/NĐ-CP", issued_on=dt.date(2011, 6, 13))
    new = OfficialDocumentFactory(printed_symbol="42/2022/NĐ-CP", issued_on=dt.date(2022, 6, 24))
    services.document_relate(source=new, target=old, kind=RelationKind.REPLACES)
    services.document_attach(document=new, file=upload("x.pdf", pdf_bytes()), title="Toàn văn")
    client.force_login(registry_staff.editor_in_chief)
    for url in (
        reverse("officialdocument:edit", args=[new.pk]),
        reverse("officialdocument:inspect", args=[new.pk]),
        reverse("organisation:index"),
        reverse("field:index"),
    ):
        assert client.get(url).status_code == 200, url
    chooser = client.get(reverse("documents_chooser:choose_results"), {"q": "43/2011/nd-cp"})
    assert chooser.status_code == 200
    assert "43/2011/NĐ-CP" in chooser.content.decode()
    assert "42/2022/NĐ-CP" not in chooser.content.decode()


def test_relations_are_added_in_the_edit_form_and_checked_for_chronology(client, registry_staff):
    old = OfficialDocumentFactory(
        printed_symbol="43/2011/NĐ-CP", issued_on=dt.date(2011, 6, 13), summary="Cũ"
    )
    client.force_login(registry_staff.editor)
    client.post(
        reverse("officialdocument:add"),
        _form(printed_symbol="42/2022/NĐ-CP", issued_on="24/06/2022", effective_on=""),
    )
    new = OfficialDocument.objects.get(canonical_symbol="42/2022/NĐ-CP")
    relation = {
        "relations_out-TOTAL_FORMS": "1",
        "relations_out-0-kind": "thay_the",
        "relations_out-0-target": str(old.pk),
        "relations_out-0-note": "",
        "relations_out-0-id": "",
        "relations_out-0-DELETE": "",
    }
    edit = reverse("officialdocument:edit", args=[new.pk])
    fields = {"printed_symbol": "42/2022/NĐ-CP", "issued_on": "24/06/2022", "effective_on": ""}
    response = client.post(edit, _form(**fields, **relation))
    assert response.status_code == 302, html.unescape(response.content.decode())[:3000]
    assert [r.label for r in queries.document_relations(old, public=False)] == ["bị thay thế bởi"]

    backwards = {**relation, "relations_out-0-target": str(new.pk)}
    response = client.post(
        reverse("officialdocument:edit", args=[old.pk]),
        _form(
            printed_symbol="43/2011/NĐ-CP", issued_on="13/06/2011", effective_on="", summary="Cũ", **backwards
        ),
    )
    assert response.status_code == 200
    assert "ban hành trước" in html.unescape(response.content.decode())

    to_itself = {**relation, "relations_out-0-target": str(old.pk), "relations_out-0-kind": "sua_doi_bo_sung"}
    response = client.post(
        reverse("officialdocument:edit", args=[old.pk]),
        _form(
            printed_symbol="43/2011/NĐ-CP", issued_on="13/06/2011", effective_on="", summary="Cũ", **to_itself
        ),
    )
    assert response.status_code == 200
    assert "không thể có quan hệ với chính nó" in html.unescape(response.content.decode())
