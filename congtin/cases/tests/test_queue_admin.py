"""The handling screens in the admin: who sees what, the case screen's actions, bulk actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from congtin.cases import services
from congtin.cases.choices import CaseState
from congtin.cases.models import (
    AnswerTemplate,
    AttachmentPurpose,
    Case,
    CaseAttachment,
    CaseNote,
    CaseType,
    QuestionAnswer,
)
from congtin.cases.tests.conftest import CasePeople
from congtin.cases.tests.handling_helpers import answered, in_unit, received
from congtin.cases.tests.intake_support import case_files, pdf_bytes, png_bytes, upload
from congtin.users.roles import REPORTER
from congtin.users.services import user_assign_role

pytestmark = pytest.mark.django_db
__all__ = ["case_files"]  # the fixture, used by name


def login(client: Client, user: object) -> Client:
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_handler_sees_only_their_units_queue_with_counts(
    client: Client, feedback_type: CaseType, people: CasePeople
) -> None:
    mine = in_unit(feedback_type, people, subject="Ngập nước ngõ 34")
    theirs = in_unit(feedback_type, people, unit=people.other_unit, subject="Đèn đường hỏng ngõ 50")
    assert "/admin/ho-so/" in login(client, people.handler).get("/admin/").content.decode()  # the menu
    user_assign_role(user=people.outsider, role=REPORTER)  # in the admin, but not a case handler
    reporter_home = login(Client(), people.outsider).get("/admin/")
    assert reporter_home.status_code == 200 and "/admin/ho-so/" not in reporter_home.content.decode()
    page = client.get("/admin/ho-so/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Ngập nước ngõ 34" in body and "Đèn đường hỏng" not in body
    assert 'data-count="classified"><strong>1</strong>' in body
    coordinator_view = login(Client(), people.coordinator).get("/admin/ho-so/").content.decode()
    assert mine.subject in coordinator_view and theirs.subject in coordinator_view


def test_queue_filters_and_search(client: Client, feedback_type: CaseType, people: CasePeople) -> None:
    in_unit(feedback_type, people, subject="Ngập nước ngõ 34")
    fresh = received(feedback_type, subject="Xin cấp bản sao quyết định")
    login(client, people.coordinator)
    by_state = client.get("/admin/ho-so/", {"state": CaseState.RECEIVED}).content.decode()
    assert fresh.subject in by_state and "Ngập nước" not in by_state
    by_text = client.get("/admin/ho-so/", {"q": "bản sao"}).content.decode()
    assert fresh.subject in by_text and "Ngập nước" not in by_text
    assert client.get("/admin/ho-so/", {"due": "qua-han"}).status_code == 200


def test_the_case_screen_answers_404_to_a_handler_of_another_unit_and_to_outsiders(
    client: Client, feedback_type: CaseType, people: CasePeople
) -> None:
    case = in_unit(feedback_type, people)
    assert login(client, people.handler).get(f"/admin/ho-so/{case.pk}/").status_code == 200
    other = login(Client(), people.other_handler)
    assert other.get(f"/admin/ho-so/{case.pk}/").status_code == 404
    response = other.post(f"/admin/ho-so/{case.pk}/", {"action": "note", "text": "xâm nhập"})
    assert response.status_code == 404 and not CaseNote.objects.exists()
    outsider = login(Client(), people.outsider)
    assert outsider.get(f"/admin/ho-so/{case.pk}/").status_code in (302, 403, 404)
    assert outsider.get("/admin/ho-so/").status_code in (302, 403)


def test_working_a_case_through_its_screen(
    client: Client, feedback_type: CaseType, people: CasePeople
) -> None:
    case = in_unit(feedback_type, people)
    url = f"/admin/ho-so/{case.pk}/"
    login(client, people.handler)
    assert client.post(url, {"action": "assign", "assignee": people.handler.pk}).status_code == 302
    assert client.post(url, {"action": "start"}).status_code == 302
    assert client.post(url, {"action": "note", "text": "Đã xác minh tại hiện trường."}).status_code == 302
    template = AnswerTemplate.objects.create(name="Tiếp thu", body="Trả lời hồ sơ {ma_tra_cuu}: đã tiếp thu.")
    screen = client.get(url, {"mau": template.pk}).content.decode()
    assert f"Trả lời hồ sơ {case.tracking_code}: đã tiếp thu." in screen
    assert "Đã xác minh tại hiện trường." in screen
    bad = client.post(url, {"action": "answer", "answer": "  "})
    assert bad.status_code == 400
    assert client.post(url, {"action": "answer", "answer": "Đã tiếp thu và xử lý."}).status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.ANSWERED and case.answer == "Đã tiếp thu và xử lý."
    history = client.get(url).content.decode()
    assert "Đang xử lý" in history and "Đã trả lời" in history
    # An illegal move is refused with a Vietnamese message and changes nothing.
    refused = client.post(url, {"action": "start"})
    assert refused.status_code == 400 and "Không thể chuyển hồ sơ" in refused.content.decode()


def test_merging_from_the_proposed_duplicates(
    client: Client, feedback_type: CaseType, people: CasePeople
) -> None:
    first, second = in_unit(feedback_type, people), in_unit(feedback_type, people)
    login(client, people.handler)
    screen = client.get(f"/admin/ho-so/{second.pk}/").content.decode()
    assert "Hồ sơ có thể trùng" in screen and first.tracking_code in screen
    response = client.post(f"/admin/ho-so/{second.pk}/", {"action": "merge", "into": first.pk})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.state == CaseState.MERGED and second.merged_into == first
    theirs = in_unit(feedback_type, people, unit=people.other_unit)
    third = in_unit(feedback_type, people)
    assert client.post(f"/admin/ho-so/{third.pk}/", {"action": "merge", "into": theirs.pk}).status_code == 404


def test_bulk_assignment_from_the_queue(client: Client, feedback_type: CaseType, people: CasePeople) -> None:
    cases = [in_unit(feedback_type, people) for _ in range(3)]
    login(client, people.handler)
    ids = "&".join(f"id={c.pk}" for c in cases)
    url = f"/admin/bulk/cases/case/assign/?{ids}&next=/admin/ho-so/"
    confirm = client.get(url)
    assert confirm.status_code == 200 and cases[0].tracking_code in confirm.content.decode()
    response = client.post(url, {"assignee": people.colleague.pk})
    assert response.status_code == 302
    for case in cases:
        case.refresh_from_db()
        assert case.assignee == people.colleague
        assert case.events.filter(to_state=CaseState.ASSIGNED, actor=people.handler).count() == 1
    assert client.post(url, {}).status_code == 400  # neither unit nor handler chosen


def test_bulk_actions_refuse_cases_of_another_unit(
    client: Client, feedback_type: CaseType, people: CasePeople
) -> None:
    mine = in_unit(feedback_type, people)
    theirs = in_unit(feedback_type, people, unit=people.other_unit)
    login(client, people.handler)
    url = f"/admin/bulk/cases/case/assign/?id={mine.pk}&id={theirs.pk}"
    assert client.get(url).status_code == 404
    assert client.post(url, {"assignee": people.handler.pk}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.assignee is None
    assert client.get(f"/admin/ho-so/cong-khai/?id={theirs.pk}").status_code == 404


def test_batch_publishing_shows_each_masked_text_and_needs_confirmation(
    client: Client, feedback_type: CaseType, people: CasePeople
) -> None:
    feedback_type.publishable = True
    feedback_type.save()
    cases = [answered(feedback_type, people) for _ in range(2)]
    login(client, people.handler)
    start = client.get(f"/admin/bulk/cases/case/publish_qa/?id={cases[0].pk}&id={cases[1].pk}")
    assert start.status_code == 302
    url = start["Location"]
    screen = client.get(url).content.decode()
    assert screen.count("[số điện thoại]") >= 2 and "0912 345 678" not in screen
    data = {}
    for case in cases:
        data |= {
            f"title_{case.pk}": f"Ngập nước ngõ 34 ({case.pk})",
            f"question_{case.pk}": "Một người dân hỏi về ngập nước ở ngõ 34.",
            f"answer_{case.pk}": "Phường đã nạo vét cống.",
        }
    unconfirmed = client.post(url, data)
    assert unconfirmed.status_code == 400 and "xác nhận" in unconfirmed.content.decode()
    assert not QuestionAnswer.objects.exists()
    assert client.post(url, data | {"confirm": "on"}).status_code == 302
    assert QuestionAnswer.objects.public().count() == 2
    assert set(QuestionAnswer.objects.values_list("answer", flat=True)) == {"Phường đã nạo vét cống."}


def test_a_coordinator_classifies_from_the_case_screen_and_a_handler_cannot(
    client: Client, feedback_type: CaseType, people: CasePeople
) -> None:
    from congtin.documents.models import Field

    roads = Field.objects.create(name="Giao thông", slug="giao-thong")
    case = received(feedback_type)
    data = {"action": "transfer", "unit": people.unit.pk, "field": roads.pk}
    mine = in_unit(feedback_type, people)
    refused = login(Client(), people.handler).post(f"/admin/ho-so/{mine.pk}/", data)
    assert refused.status_code == 403 and "Chỉ cán bộ điều phối" in refused.content.decode()
    assert login(client, people.coordinator).post(f"/admin/ho-so/{case.pk}/", data).status_code == 302
    case.refresh_from_db()
    assert (case.state, case.unit, case.field) == (CaseState.CLASSIFIED, people.unit, roads)
    by_field = client.get("/admin/ho-so/", {"field": roads.pk}).content.decode()
    assert case.tracking_code in by_field and mine.tracking_code not in by_field


def _in_progress(case_type: CaseType, people: CasePeople) -> Case:
    case = in_unit(case_type, people)
    services.case_assign(case=case, actor=people.coordinator, assignee=people.handler)
    return services.case_start(case=case, actor=people.handler)


def test_an_answer_carries_files_the_staff_can_open_and_the_requester_will_download(
    client: Client, feedback_type: CaseType, people: CasePeople, case_files: Path
) -> None:
    case = _in_progress(feedback_type, people)
    login(client, people.handler)
    response = client.post(
        f"/admin/ho-so/{case.pk}/",
        {
            "action": "answer",
            "answer": "Đã sửa ba cột đèn.",
            "answer_files": [upload("ket-qua.pdf", pdf_bytes()), upload("anh.png", png_bytes())],
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.ANSWERED
    files = list(CaseAttachment.objects.filter(case=case).order_by("pk"))
    assert [(f.original_name, f.purpose) for f in files] == [
        ("ket-qua.pdf", AttachmentPurpose.ANSWER),
        ("anh.png", AttachmentPurpose.ANSWER),
    ]
    screen = client.get(f"/admin/ho-so/{case.pk}/").content.decode()
    assert f'href="/ho-so/tep/{files[0].pk}/">ket-qua.pdf' in screen
    download = client.get(f"/ho-so/tep/{files[0].pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf_bytes()


def test_a_refused_answer_file_keeps_the_case_unanswered_and_stores_nothing(
    client: Client, feedback_type: CaseType, people: CasePeople, case_files: Path
) -> None:
    case = _in_progress(feedback_type, people)
    login(client, people.handler)
    response = client.post(
        f"/admin/ho-so/{case.pk}/",
        {
            "action": "answer",
            "answer": "Nội dung trả lời vẫn còn trong ô.",
            "answer_files": [upload("ket-qua.pdf", pdf_bytes()), upload("bang.pdf", b"MZ\x90\x00 not a pdf")],
        },
    )
    assert response.status_code == 400
    assert "Nội dung trả lời vẫn còn trong ô." in response.content.decode()
    case.refresh_from_db()
    assert case.state == CaseState.IN_PROGRESS and not case.answer
    assert not CaseAttachment.objects.filter(case=case).exists()
    assert not any(p.is_file() for p in case_files.rglob("*"))
