"""The public forms: what is stored, consent, honeypot, spam bursts, a database that is down."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from conftest import SiteTree
from congtin.cases.choices import CaseState, Channel
from congtin.cases.models import Case, CaseAttachment, CaseContact, CaseEmail, CaseEvent, CaseRequestDetails
from congtin.cases.tests.intake_support import DatabaseDown, case_files, jpeg_bytes, pdf_bytes, upload
from congtin.documents.models import Field

pytestmark = pytest.mark.django_db
__all__ = ["case_files"]


def feedback(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "Nguyễn Văn An",
        "phone": "0912 345 678",
        "email": "an.nguyen@example.test",
        "address": "",
        "subject": "Đèn đường hỏng trên phố Hàng Bài",
        "content": "Ba cột đèn trước số 12 không sáng từ đầu tháng.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def information_request(**overrides: Any) -> dict[str, Any]:
    data = feedback(
        subject="Kế hoạch đầu tư công trung hạn 2026-2030 của tỉnh",
        content="Đề nghị cung cấp bản kế hoạch và các phụ lục kèm theo.",
        address="15 Lê Lợi, phường Bến Nghé, TP Hồ Chí Minh",
        id_number="079090001234",
        purpose="Nghiên cứu phục vụ luận văn thạc sĩ.",
        delivery_form="electronic",
        delivery_method="email",
        copies="1",
    )
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_both_forms_show_their_fields_and_the_purpose_of_processing(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    html = client.get("/gui-phan-anh/").content.decode()
    assert "Gửi phản ánh, kiến nghị" in html and "Số điện thoại" in html and "Lĩnh vực" in html
    assert "Mục đích xử lý:" in html and "Tiếp nhận, xử lý, trả lời phản ánh, kiến nghị" in html
    html = client.get("/yeu-cau-cung-cap-thong-tin/").content.decode()
    for label in ("Số CMND, căn cước công dân hoặc hộ chiếu", "Mục đích sử dụng thông tin", "Số bản"):
        assert label in html
    assert "Qua dịch vụ bưu chính" in html and "Bản sao, bản chụp" in html


def test_a_feedback_is_stored_with_its_contact_files_and_event_then_the_code_is_shown_once(
    client: Client, site_tree: SiteTree, case_files: Any, django_capture_on_commit_callbacks: Any
) -> None:
    field = Field.objects.create(name="Giao thông", slug="giao-thong")
    data = feedback(field=str(field.pk))
    data["attachments"] = [upload("anh-den.jpg", jpeg_bytes(), "image/jpeg"), upload("don.pdf", pdf_bytes())]
    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        response = client.post("/gui-phan-anh/", data)
    assert response.status_code == 302 and response["Location"] == "/da-tiep-nhan/"
    # Nothing is mailed before the commit; the mail is what the commit sets off.
    assert len(mail.outbox) == 0 and len(after_commit) == 1
    after_commit[0]()

    case = Case.objects.get()
    assert (case.state, case.channel, case.field) == (CaseState.RECEIVED, Channel.WEB, field)
    assert case.case_type.code == "phan-anh-kien-nghi" and case.deadline_at is not None
    contact = CaseContact.objects.get(case=case)
    assert (contact.name, contact.email, contact.phone) == (
        "Nguyễn Văn An",
        "an.nguyen@example.test",
        "0912 345 678",
    )
    assert contact.consent_at is not None and "phản ánh, kiến nghị" in contact.consent_purpose
    assert sorted(CaseAttachment.objects.values_list("original_name", "content_type")) == [
        ("anh-den.jpg", "image/jpeg"),
        ("don.pdf", "application/pdf"),
    ]
    stored = CaseAttachment.objects.get(original_name="don.pdf")
    assert (case_files / stored.file.name).read_bytes() == pdf_bytes()
    assert CaseEvent.objects.filter(case=case, to_state=CaseState.RECEIVED).count() == 1

    page = client.get("/da-tiep-nhan/")
    html = page.content.decode()
    assert case.tracking_code in html and "chỉ hiện mã một lần" in html and "/tra-cuu-ho-so/" in html
    assert "no-store" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    assert case.tracking_code not in client.get("/da-tiep-nhan/").content.decode()

    # The confirmation went out after the commit (locmem backend here; real SMTP in test_case_emails).
    assert len(mail.outbox) == 1 and case.tracking_code in mail.outbox[0].body
    assert mail.outbox[0].to == ["an.nguyen@example.test"]
    assert CaseEmail.objects.get(case=case).sent_at is not None


def test_an_information_request_keeps_the_decree_13_2018_fields(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    response = client.post(
        "/yeu-cau-cung-cap-thong-tin/", information_request(delivery_form="paper_copy", copies="3")
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.case_type.code == "tctt-don-gian"
    details = CaseRequestDetails.objects.get(case=case)
    assert (details.id_number, details.delivery_form, details.delivery_method, details.copies) == (
        "079090001234",
        "paper_copy",
        "email",
        3,
    )
    assert details.purpose == "Nghiên cứu phục vụ luận văn thạc sĩ."
    assert case.contact.address.startswith("15 Lê Lợi")


@pytest.mark.parametrize("missing", ["id_number", "address", "purpose"])
def test_an_information_request_needs_what_article_24_asks(
    client: Client, site_tree: SiteTree, case_files: Any, missing: str
) -> None:
    response = client.post("/yeu-cau-cung-cap-thong-tin/", information_request(**{missing: ""}))
    assert response.status_code == 400
    assert "Hãy điền mục này." in response.content.decode()
    assert not Case.objects.exists()


def test_without_consent_nothing_is_stored_and_the_text_stays_in_the_form(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    response = client.post("/gui-phan-anh/", feedback(consent=None))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cần có sự đồng ý của ông/bà" in html
    assert "Ba cột đèn trước số 12 không sáng từ đầu tháng." in html
    assert 'value="Đèn đường hỏng trên phố Hàng Bài"' in html
    assert not Case.objects.exists() and not CaseContact.objects.exists()


def test_a_phone_or_an_email_is_required(client: Client, site_tree: SiteTree, case_files: Any) -> None:
    response = client.post("/gui-phan-anh/", feedback(phone="", email=""))
    assert response.status_code == 400
    assert "Hãy để lại số điện thoại hoặc địa chỉ thư điện tử" in response.content.decode()
    assert client.post("/gui-phan-anh/", feedback(email="")).status_code == 302
    assert Case.objects.get().contact.email == ""
    assert len(mail.outbox) == 0


def test_decomposed_input_is_stored_composed(client: Client, site_tree: SiteTree, case_files: Any) -> None:
    name, subject = "Nguyễn Thị Hường", "Đường ngập nước ở phường Thủy Xuân"
    nfd = {"name": unicodedata.normalize("NFD", name), "subject": unicodedata.normalize("NFD", subject)}
    assert nfd["name"] != name
    assert client.post("/gui-phan-anh/", feedback(**nfd)).status_code == 302
    case = Case.objects.get()
    assert case.subject == subject and case.contact.name == name
    assert unicodedata.is_normalized("NFC", case.content)


def test_the_honeypot_looks_like_success_to_a_robot_but_stores_nothing(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    response = client.post("/gui-phan-anh/", feedback(website="http://spam.example"))
    assert response.status_code == 302 and response["Location"] == "/da-tiep-nhan/"
    html = client.get("/da-tiep-nhan/").content.decode()
    assert "Mã tra cứu của ông/bà là:" in html
    assert not Case.objects.exists() and not CaseEmail.objects.exists() and len(mail.outbox) == 0


def test_a_spam_burst_from_one_address_gets_429_and_others_are_not_affected(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    statuses = []
    for n in range(14):
        response = client.post(
            "/gui-phan-anh/",
            feedback(email=f"bot{n}@example.test", phone="", subject=f"Quảng cáo {n}"),
            REMOTE_ADDR="203.0.113.9",
        )
        statuses.append(response.status_code)
    assert statuses == [302] * 10 + [429] * 4
    assert Case.objects.count() == 10
    refused = client.post("/gui-phan-anh/", feedback(), REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    html = refused.content.decode()
    assert "Quá nhiều yêu cầu" in html and "Xin vui lòng thử lại sau khoảng" in html
    # Someone else, the lookup page and the rest of the site carry on.
    assert client.post("/gui-phan-anh/", feedback(), REMOTE_ADDR="198.51.100.7").status_code == 302
    assert client.get("/tra-cuu-ho-so/", REMOTE_ADDR="203.0.113.9").status_code == 200
    assert client.get("/tinh-thoi-han/", REMOTE_ADDR="203.0.113.9").status_code == 200
    assert Case.objects.count() == 11


def test_the_429_page_renders_with_the_database_down(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    from congtin.cases import ratelimit

    client.get("/gui-phan-anh/")  # the CSRF cookie, as a browser would have it
    for limits in (ratelimit.INTAKE_PER_IP, ratelimit.LOOKUP_PER_IP):
        for _n in range(limits[0].count):
            ratelimit.hit(limits, "203.0.113.9")
    with DatabaseDown():
        sent = client.post("/gui-phan-anh/", feedback(), REMOTE_ADDR="203.0.113.9")
        looked_up = client.post(
            "/tra-cuu-ho-so/", {"code": "AAAA-AAAA-AAAA-AAAA", "factor": "1234"}, REMOTE_ADDR="203.0.113.9"
        )
    for response, minutes in ((sent, 10), (looked_up, 15)):
        assert response.status_code == 429 and response["Retry-After"] == str(minutes * 60)
        html = response.content.decode()
        assert "Quá nhiều yêu cầu" in html and f"Xin vui lòng thử lại sau khoảng {minutes} phút" in html
        assert '<a href="/">Về trang chủ</a>' in html
    assert not Case.objects.exists()


def test_one_contact_from_many_addresses_is_limited_too(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    statuses = [
        client.post(
            "/gui-phan-anh/", feedback(phone="", email="Same@Example.test"), REMOTE_ADDR=f"192.0.2.{n}"
        ).status_code
        for n in range(1, 6)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert Case.objects.count() == 3
    # The same phone written another way is the same contact.
    for n, phone in enumerate(["0912345678", "+84 912 345 678", "0912.345.678", "84912345678"]):
        client.post("/gui-phan-anh/", feedback(phone=phone, email=""), REMOTE_ADDR=f"198.18.0.{n}")
    assert CaseContact.objects.filter(phone__contains="345").count() == 3


def test_with_the_database_down_the_form_answers_503_and_keeps_every_typed_word(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    Field.objects.create(name="Môi trường", slug="moi-truong")
    field = Field.objects.get()
    client.get("/gui-phan-anh/")  # the CSRF cookie, as a browser would have it
    data = feedback(field=str(field.pk), address="Ngõ 5 Phố Huế")
    with DatabaseDown():
        response = client.post("/gui-phan-anh/", data)
    assert response.status_code == 503
    html = response.content.decode()
    assert "Hệ thống đang tạm thời gián đoạn nên chưa nhận được hồ sơ" in html
    for typed in ("Nguyễn Văn An", "0912 345 678", "an.nguyen@example.test", "Ngõ 5 Phố Huế"):
        assert f'value="{typed}"' in html
    assert "Ba cột đèn trước số 12 không sáng từ đầu tháng." in html
    assert "Tiếp nhận, xử lý, trả lời phản ánh, kiến nghị" in html  # the purpose consented to, still stated
    assert f'<option value="{field.pk}" selected>' in html and 'id="id_consent" checked' in html
    assert not Case.objects.exists() and len(mail.outbox) == 0
    # Once the database is back, sending again works.
    assert client.post("/gui-phan-anh/", data).status_code == 302
    assert Case.objects.count() == 1
