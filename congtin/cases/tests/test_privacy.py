"""The requester's copy of their data, erasure on request, and erasure when the retention period ends."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from conftest import SiteTree
from congtin.cases import services
from congtin.cases.choices import CaseState, EventKind
from congtin.cases.models import Case, CaseAttachment, CaseContact, CaseEmail, CaseEvent
from congtin.cases.tests.conftest import CasePeople, Clock
from congtin.cases.tests.intake_support import case_files, pdf_bytes, upload
from congtin.cases.tests.test_intake import information_request
from congtin.documents.models import Field

pytestmark = pytest.mark.django_db
__all__ = ["case_files"]

PERSONAL = ("Nguyễn Văn An", "0912 345 678", "an.nguyen@example.test", "079090001234", "15 Lê Lợi")


def _submit(client: Client, ip: str = "192.0.2.50", **overrides: Any) -> Case:
    data = information_request(
        content="Tôi là Nguyễn Văn An, nhà ở 15 Lê Lợi; đề nghị cung cấp bản kế hoạch và các phụ lục.",
        **overrides,
    )
    data["attachments"] = [upload("giay-uy-quyen.pdf", pdf_bytes())]
    assert client.post("/yeu-cau-cung-cap-thong-tin/", data, REMOTE_ADDR=ip).status_code == 302
    return Case.objects.latest("pk")


def _look_up(client: Client, case: Case) -> None:
    assert client.post("/tra-cuu-ho-so/", {"code": case.tracking_code, "factor": "5678"}).status_code == 302


def _close(case: Case, people: CasePeople) -> Case:
    services.case_classify(case=case, actor=people.coordinator, unit=people.unit, field=Field.objects.first())
    services.case_assign(case=case, actor=people.coordinator, assignee=people.handler)
    services.case_start(case=case, actor=people.handler)
    return services.case_answer(case=case, actor=people.handler, answer="Gửi kèm bản kế hoạch cho ông An.")


def test_after_a_lookup_the_requester_downloads_their_data_as_json_and_as_a_printable_page(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    case = _submit(client)
    assert client.get("/tra-cuu-ho-so/du-lieu.json").status_code == 404  # not without the code
    _look_up(client, case)
    response = client.get("/tra-cuu-ho-so/du-lieu.json")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["tracking_code"] == case.tracking_code
    assert data["contact"]["name"] == "Nguyễn Văn An" and data["contact"]["email"] == "an.nguyen@example.test"
    assert data["information_request"]["id_number"] == "079090001234"
    assert data["attachments"][0]["name"] == "giay-uy-quyen.pdf"
    assert data["contact"]["consent_purpose"].startswith("Tiếp nhận, giải quyết yêu cầu cung cấp thông tin")
    html = client.get("/tra-cuu-ho-so/du-lieu/").content.decode()
    for value in PERSONAL:
        assert value in html
    assert "window.print()" in html


def test_erasure_on_request_removes_personal_data_and_keeps_the_statistics(
    client: Client, site_tree: SiteTree, case_files: Any, people: CasePeople
) -> None:
    Field.objects.create(name="Đầu tư", slug="dau-tu")
    case = _close(_submit(client), people)
    stored = case_files / CaseAttachment.objects.get(case=case).file.name
    assert stored.exists()
    _look_up(client, case)
    page = client.get("/tra-cuu-ho-so/xoa-du-lieu/").content.decode()
    assert "sẽ bị xoá ngay" in page
    assert client.post("/tra-cuu-ho-so/xoa-du-lieu/", {}).status_code == 400  # not confirmed
    response = client.post("/tra-cuu-ho-so/xoa-du-lieu/", {"confirm": "yes"})
    assert response.status_code == 200 and "Đã xoá dữ liệu cá nhân" in response.content.decode()

    case.refresh_from_db()
    contact = CaseContact.objects.get(case=case)
    assert (contact.name, contact.phone, contact.email, contact.address) == ("", "", "", "")
    assert contact.erased_at is not None and contact.consent_at is not None
    assert case.request_details.id_number == "" and case.request_details.purpose == ""
    attachment = CaseAttachment.objects.get(case=case)
    assert not stored.exists() and attachment.erased_at is not None and attachment.original_name == ""
    assert CaseEmail.objects.filter(case=case).exclude(to="").count() == 0
    assert "Nguyễn Văn An" not in case.content and "15 Lê Lợi" not in case.content
    assert "kế hoạch" in case.content and "ông An" not in case.answer
    # What the statistics need is still there.
    assert case.state == CaseState.ANSWERED and case.unit == people.unit and case.field is not None
    assert case.submitted_at and case.closed_at and case.deadline_at
    event = CaseEvent.objects.filter(case=case, kind=EventKind.NOTE).latest("pk")
    assert "theo yêu cầu của người gửi" in event.note
    assert not any(value in event.note for value in PERSONAL)
    # The session's access ended, and the code with the old phone no longer opens anything.
    assert client.get("/tra-cuu-ho-so/du-lieu.json").status_code == 404
    assert client.post("/tra-cuu-ho-so/", {"code": case.tracking_code, "factor": "5678"}).status_code == 404


def test_an_open_case_is_erased_at_once_and_stays_open_for_the_agency(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    case = _submit(client)
    _look_up(client, case)
    assert "chưa được giải quyết xong" in client.get("/tra-cuu-ho-so/xoa-du-lieu/").content.decode()
    client.post("/tra-cuu-ho-so/xoa-du-lieu/", {"confirm": "yes"})
    case.refresh_from_db()
    assert case.state == CaseState.RECEIVED and case.contact.erased_at is not None and case.contact.name == ""


def test_personal_data_is_erased_once_the_retention_period_after_closing_has_passed(
    client: Client, site_tree: SiteTree, case_files: Any, people: CasePeople, frozen: Clock, settings: Any
) -> None:
    settings.CONGTIN_CASE_RETENTION_DAYS = 365
    frozen.set(2026, 3, 2, 9)
    old = _close(_submit(client, ip="192.0.2.1"), people)
    frozen.set(2026, 6, 1, 9)
    recent = _close(_submit(client, ip="192.0.2.2", email="binh@example.test", phone="0987 000 111"), people)
    still_open = _submit(client, ip="192.0.2.3", email="chi@example.test", phone="0903 222 333")
    old_file = case_files / CaseAttachment.objects.get(case=old).file.name

    frozen.set(2027, 3, 1, 9)  # 364 days after the first closed: nothing yet
    out = StringIO()
    call_command("erase_expired_case_data", stdout=out)
    assert "Đã xoá dữ liệu cá nhân của 0 hồ sơ" in out.getvalue()

    frozen.set(2027, 3, 3, 9)  # 366 days
    out = StringIO()
    call_command("erase_expired_case_data", stdout=out)
    assert "Đã xoá dữ liệu cá nhân của 1 hồ sơ kết thúc quá 365 ngày" in out.getvalue()
    old.refresh_from_db()
    assert old.contact.name == "" and old.contact.erased_at == frozen.now and not old_file.exists()
    assert old.state == CaseState.ANSWERED and old.unit == people.unit
    assert "hết thời hạn lưu giữ" in CaseEvent.objects.filter(case=old, kind=EventKind.NOTE).latest("pk").note
    assert CaseContact.objects.get(case=recent).name == "Nguyễn Văn An"
    assert CaseContact.objects.get(case=still_open).email == "chi@example.test"

    # Running again finds nothing left; a shorter setting reaches the more recent case.
    assert "của 0 hồ sơ" in _run()
    settings.CONGTIN_CASE_RETENTION_DAYS = 30
    assert "của 1 hồ sơ kết thúc quá 30 ngày" in _run()
    assert CaseContact.objects.get(case=recent).name == ""
    assert CaseContact.objects.get(case=still_open).email == "chi@example.test"


def _run() -> str:
    out = StringIO()
    call_command("erase_expired_case_data", stdout=out)
    return out.getvalue()
