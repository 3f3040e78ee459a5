"""Published answers (Hỏi đáp): masked, confirmed, public only while published, searchable, withdrawable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import SiteTree
from congtin.cases import handling, queries
from congtin.cases.choices import CaseState
from congtin.cases.models import Case, CaseType, QuestionAnswer
from congtin.cases.pages import QuestionAnswerIndexPage
from congtin.cases.services import CaseTransitionError
from congtin.cases.tests.conftest import CasePeople
from congtin.cases.tests.handling_helpers import answered
from congtin.documents.models import Field
from congtin.search.queries import search_public

pytestmark = pytest.mark.django_db


@pytest.fixture
def publishable(feedback_type: CaseType) -> CaseType:
    feedback_type.publishable = True
    feedback_type.save()
    return feedback_type


@pytest.fixture
def qa_page(site_tree: SiteTree) -> QuestionAnswerIndexPage:
    page = QuestionAnswerIndexPage(title="Hỏi đáp", slug="hoi-dap")
    site_tree.home.add_child(instance=page)
    return page


def confirmed_item(case: Case) -> handling.QaText:
    draft = queries.qa_draft(case)
    return handling.QaText(case, draft.title, draft.question, draft.answer)


def test_the_draft_masks_the_requesters_personal_data(publishable: CaseType, people: CasePeople) -> None:
    draft = queries.qa_draft(answered(publishable, people))
    for secret in ("Nguyễn Văn An", "0912 345 678", "an.nguyen@example.test", "số 12 ngõ 34"):
        assert secret not in draft.question and secret not in draft.answer, secret
    assert (
        "[họ tên]" in draft.question and "[số điện thoại]" in draft.question and "[email]" in draft.question
    )
    assert "[họ tên]" in draft.answer  # the answer named the requester too
    assert "ngập nước" in draft.question  # the matter itself stays


def test_nothing_is_published_without_confirmation(
    publishable: CaseType, people: CasePeople, qa_page: QuestionAnswerIndexPage
) -> None:
    case = answered(publishable, people)
    with pytest.raises(CaseTransitionError, match="xác nhận"):
        handling.qa_publish(item=confirmed_item(case), actor=people.handler, confirmed=False)
    case.refresh_from_db()
    assert case.state == CaseState.ANSWERED and not QuestionAnswer.objects.exists()


def test_the_published_text_is_the_confirmed_one(
    publishable: CaseType, people: CasePeople, qa_page: QuestionAnswerIndexPage, client: Client
) -> None:
    case = answered(publishable, people)
    item = handling.QaText(
        case,
        "Ngập nước kéo dài ở ngõ 34",
        "Một người dân phường Láng phản ánh ngõ 34 ngập sâu sau mưa lớn.",
        "Phường đã giao nạo vét cống ngõ 34 trong tháng 10.",
    )
    qa = handling.qa_publish(item=item, actor=people.handler, confirmed=True)
    case.refresh_from_db()
    assert case.state == CaseState.PUBLISHED
    assert (qa.title, qa.question, qa.answer) == (item.title, item.question, item.answer)
    assert (case.public_question, case.public_answer) == (item.question, item.answer)
    assert qa.confirmed_by == people.handler
    page = client.get(f"/hoi-dap/{qa.pk}/").content.decode()
    assert item.question in page and item.answer in page
    assert LETTER_WORDS not in page and case.tracking_code not in page and "Nguyễn Văn An" not in page


LETTER_WORDS = "xe máy chết máy"  # in the citizen's letter, not in the confirmed question


def test_a_confirmed_text_that_still_names_the_requester_is_refused(
    publishable: CaseType, people: CasePeople, qa_page: QuestionAnswerIndexPage
) -> None:
    case = answered(publishable, people)
    for question in (
        "Ông Nguyễn Văn An hỏi về ngập nước.",
        "Gọi 0912.345.678 về ngập nước.",
        "Thư AN.NGUYEN@example.test",
    ):
        item = handling.QaText(case, "Ngập nước", question, "Đã nạo vét.")
        with pytest.raises(CaseTransitionError, match="vẫn còn"):
            handling.qa_publish(item=item, actor=people.handler, confirmed=True)
    assert not QuestionAnswer.objects.exists()


def test_a_handler_of_another_unit_cannot_publish(
    publishable: CaseType, people: CasePeople, qa_page: QuestionAnswerIndexPage
) -> None:
    case = answered(publishable, people)
    with pytest.raises(PermissionDenied):
        handling.qa_publish(item=confirmed_item(case), actor=people.other_handler, confirmed=True)


def test_publishing_several_is_all_or_nothing(
    publishable: CaseType, people: CasePeople, qa_page: QuestionAnswerIndexPage
) -> None:
    first, second = answered(publishable, people), answered(publishable, people)
    bad = handling.QaText(second, "Tiêu đề", " ", "Trả lời")
    with pytest.raises(CaseTransitionError, match=second.tracking_code):
        handling.qa_publish_batch(items=[confirmed_item(first), bad], actor=people.handler, confirmed=True)
    assert not QuestionAnswer.objects.exists()
    first.refresh_from_db()
    assert first.state == CaseState.ANSWERED
    published = handling.qa_publish_batch(
        items=[confirmed_item(first), confirmed_item(second)], actor=people.coordinator, confirmed=True
    )
    assert len(published) == 2 and QuestionAnswer.objects.public().count() == 2


def test_public_pages_show_only_published_answers_and_nothing_of_the_case(
    publishable: CaseType,
    people: CasePeople,
    qa_page: QuestionAnswerIndexPage,
    client: Client,
) -> None:
    roads = Field.objects.create(name="Giao thông", slug="giao-thong")
    shown = answered(publishable, people, field=roads)
    qa = handling.qa_publish(item=confirmed_item(shown), actor=people.handler, confirmed=True)
    unpublished = answered(publishable, people, subject="Đèn đường hỏng ở ngõ 50")
    handling.case_add_note(case=shown, actor=people.handler, text="Ghi chú nội bộ bí mật")

    listing = client.get("/hoi-dap/")
    body = listing.content.decode()
    assert listing.status_code == 200
    assert qa.title in body and "Giao thông" in body
    assert "Đèn đường hỏng" not in body
    for secret in ("Nguyễn Văn An", "0912", "an.nguyen", shown.tracking_code, "bí mật"):
        assert secret not in body, secret
    entry = client.get(f"/hoi-dap/{qa.pk}/").content.decode()
    for secret in ("Nguyễn Văn An", "0912", "an.nguyen", shown.tracking_code, "bí mật", "Phòng Kế hoạch"):
        assert secret not in entry, secret
    assert client.get("/hoi-dap/?linh-vuc=giao-thong").content.decode().count(qa.title) >= 1
    assert client.get("/hoi-dap/?linh-vuc=khong-co").status_code == 404
    # An answered case that was never published has no page, whatever number is tried.
    assert client.get(f"/hoi-dap/{unpublished.pk}/").status_code == 404
    assert client.get(f"/hoi-dap/{qa.pk + 1000}/").status_code == 404


def test_withdrawing_takes_the_answer_off_the_pages_and_out_of_search_at_once(
    publishable: CaseType,
    people: CasePeople,
    qa_page: QuestionAnswerIndexPage,
    client: Client,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    case = answered(publishable, people)
    with django_capture_on_commit_callbacks(execute=True):
        qa = handling.qa_publish(
            item=handling.QaText(case, "Nạo vét cống ngõ 34", "Ngõ 34 ngập sâu sau mưa.", "Đã nạo vét."),
            actor=people.handler,
            confirmed=True,
        )
    assert f"/hoi-dap/{qa.pk}/" in client.get("/sitemap.xml").content.decode()
    hits = search_public("nao vet cong").hits
    assert [h.key for h in hits] == [f"cases.questionanswer:{qa.pk}"]
    assert hits[0].url == f"/hoi-dap/{qa.pk}/"
    assert "Ngõ 34 ngập sâu" not in str(search_public("Nguyen Van An").hits)

    with pytest.raises(CaseTransitionError, match="lý do"):
        handling.qa_withdraw(qa=qa, actor=people.handler, reason=" ")
    with pytest.raises(PermissionDenied):
        handling.qa_withdraw(qa=qa, actor=people.other_handler, reason="Sai")
    handling.qa_withdraw(qa=qa, actor=people.handler, reason="Người hỏi đề nghị gỡ")
    assert search_public("nao vet cong").hits == []
    assert client.get(f"/hoi-dap/{qa.pk}/").status_code == 404
    assert "Nạo vét cống" not in client.get("/hoi-dap/").content.decode()
    assert f"/hoi-dap/{qa.pk}/" not in client.get("/sitemap.xml").content.decode()
    assert "Người hỏi đề nghị gỡ" in case.events.last().note  # type: ignore[union-attr]

    # Published again, after a new confirmation: back on the pages and in search.
    with django_capture_on_commit_callbacks(execute=True):
        handling.qa_publish(
            item=handling.QaText(case, "Nạo vét cống ngõ 34", "Ngõ 34 ngập sau mưa.", "Đã nạo vét xong."),
            actor=people.handler,
            confirmed=True,
        )
    assert client.get(f"/hoi-dap/{qa.pk}/").status_code == 200
    assert len(search_public("nao vet cong").hits) == 1


def test_the_listing_runs_the_same_number_of_queries_for_2_or_25_answers(
    publishable: CaseType, people: CasePeople, qa_page: QuestionAnswerIndexPage, client: Client
) -> None:
    fields = [Field.objects.create(name=f"Lĩnh vực {n}", slug=f"linh-vuc-{n}") for n in range(3)]

    def publish(n: int) -> None:
        for i in range(n):
            case = answered(publishable, people, field=fields[i % 3], subject=f"Câu hỏi {i}")
            handling.qa_publish(item=confirmed_item(case), actor=people.handler, confirmed=True)

    def count() -> int:
        client.get("/hoi-dap/")  # warm the site and settings caches
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/hoi-dap/").status_code == 200
        return len(ctx.captured_queries)

    publish(2)
    few = count()
    publish(23)
    assert count() == few
    assert few <= 15  # the budget of the site's other listings
