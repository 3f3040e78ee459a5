"""The state machine: every legal move, the illegal ones, and who may make them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied

from congtin.cases import services
from congtin.cases.choices import OPEN_STATES, TRANSITIONS, CaseState, Channel, EventKind
from congtin.cases.models import Case, CaseType
from congtin.cases.services import CaseTransitionError, ContactData
from congtin.cases.tests.conftest import CasePeople, Clock
from congtin.cases.tests.factories import CaseTypeFactory

pytestmark = pytest.mark.django_db


def receive(case_type: CaseType, **kwargs: object) -> Case:
    return services.case_receive(
        case_type=case_type,
        channel=Channel.WEB,
        subject="Đề nghị cung cấp dự toán ngân sách 2026",
        content="Tôi đề nghị được cung cấp dự toán ngân sách năm 2026 của Sở.",
        **kwargs,  # type: ignore[arg-type]
    )


def classified(case_type: CaseType, people: CasePeople) -> Case:
    case = receive(case_type)
    return services.case_classify(case=case, actor=people.coordinator, unit=people.unit)


def in_progress(case_type: CaseType, people: CasePeople) -> Case:
    case = classified(case_type, people)
    services.case_assign(case=case, actor=people.coordinator, assignee=people.handler)
    return services.case_start(case=case, actor=people.handler)


def test_receiving_issues_a_tracking_code_records_the_event_and_keeps_contact_apart(
    complex_request: CaseType, frozen: Clock
) -> None:
    case = receive(
        complex_request,
        contact=ContactData(
            name="Lê Văn Cường", email="cuong@example.test", consent_purpose="Trả lời yêu cầu"
        ),
    )
    assert case.state == CaseState.RECEIVED
    assert len(case.tracking_code) == 19
    assert case.contact.name == "Lê Văn Cường"
    assert case.contact.consent_at == frozen.now
    event = case.events.get()
    assert (event.from_state, event.to_state, event.actor, event.at) == (
        "",
        CaseState.RECEIVED,
        None,
        frozen.now,
    )
    # Received Monday 2/3/2026: notice by Thursday 5/3, answer by 23/3 (15 working days).
    assert case.notice_due_at is not None and case.notice_due_at.date() == date(2026, 3, 5)
    assert case.deadline_at is not None and case.deadline_at.date() == date(2026, 3, 23)


def test_a_case_without_subject_is_refused(feedback_type: CaseType) -> None:
    with pytest.raises(CaseTransitionError, match="tiêu đề"):
        services.case_receive(case_type=feedback_type, channel=Channel.POST, subject=" ", content="x")


def test_full_path_to_publication_records_who_when_from_and_to(
    feedback_type: CaseType, people: CasePeople, frozen: Clock
) -> None:
    case = in_progress(feedback_type, people)
    services.case_answer(case=case, actor=people.handler, answer="Sở đã tiếp thu và sẽ sửa đổi quy trình.")
    services.case_publish(
        case=case,
        actor=people.coordinator,
        public_question="Một công dân kiến nghị rút ngắn quy trình.",
        public_answer="Sở đã tiếp thu và sẽ sửa đổi quy trình.",
    )
    moves = list(case.events.values_list("from_state", "to_state", "actor__username"))
    assert moves == [
        ("", "received", None),
        ("received", "classified", "dieuphoi"),
        ("classified", "assigned", "dieuphoi"),
        ("assigned", "in_progress", "canbo"),
        ("in_progress", "answered", "canbo"),
        ("answered", "published", "dieuphoi"),
    ]
    case.refresh_from_db()
    assert case.state == CaseState.PUBLISHED
    assert case.answered_at == frozen.now and case.published_at == frozen.now


def _service_for(target: CaseState, people: CasePeople, other: Case) -> Callable[[Case], object]:
    """The public service whose move ends in ``target``."""
    coordinator = people.coordinator
    calls: dict[CaseState, Callable[[Case], object]] = {
        CaseState.CLASSIFIED: lambda c: services.case_classify(case=c, actor=coordinator, unit=people.unit),
        CaseState.ASSIGNED: lambda c: services.case_assign(
            case=c, actor=coordinator, assignee=people.handler
        ),
        CaseState.IN_PROGRESS: lambda c: services.case_start(case=c, actor=coordinator),
        CaseState.CLARIFICATION: lambda c: services.case_request_clarification(
            case=c, actor=coordinator, note="Thiếu địa chỉ"
        ),
        CaseState.EXTENDED: lambda c: services.case_extend(
            case=c, actor=coordinator, days=5, reason="Nhiều việc"
        ),
        CaseState.ANSWERED: lambda c: services.case_answer(case=c, actor=coordinator, answer="Trả lời"),
        CaseState.PUBLISHED: lambda c: services.case_publish(
            case=c, actor=coordinator, public_question="Hỏi", public_answer="Đáp"
        ),
        CaseState.FORWARDED: lambda c: services.case_forward(
            case=c, actor=coordinator, forwarded_to="Sở Y tế"
        ),
        CaseState.MERGED: lambda c: services.case_merge(case=c, actor=coordinator, into=other),
        CaseState.REFUSED: lambda c: services.case_refuse(
            case=c, actor=coordinator, ground="Điều 6 Luật TCTT"
        ),
    }
    return calls[target]


@pytest.mark.parametrize("source", list(CaseState))
def test_every_service_moves_exactly_as_the_transition_table_allows(
    source: CaseState, people: CasePeople
) -> None:
    both_ways = CaseTypeFactory(code="day-du", publishable=True, max_extension_days=15)
    other = classified(both_ways, people)
    for target in CaseState:
        if target == CaseState.RECEIVED:
            continue  # only reached by resuming, tested below
        case = classified(both_ways, people)
        Case.objects.filter(pk=case.pk).update(state=source, assignee=people.handler, resume_state="")
        case.refresh_from_db()
        move = _service_for(target, people, other)
        allowed = target in TRANSITIONS[source] and not (
            source == CaseState.CLARIFICATION and target in OPEN_STATES
        )
        if allowed:
            move(case)
            case.refresh_from_db()
            assert case.state == target, (source, target)
            assert case.events.last().from_state == source  # type: ignore[union-attr]
        else:
            with pytest.raises(
                CaseTransitionError, match=r"Không thể chuyển hồ sơ|chờ người yêu cầu bổ sung"
            ):
                move(case)
            case.refresh_from_db()
            assert case.state == source, (source, target)


@pytest.mark.parametrize("paused_from", sorted(OPEN_STATES))
def test_resuming_returns_to_each_open_state_it_was_paused_from(
    paused_from: CaseState, feedback_type: CaseType, people: CasePeople
) -> None:
    case = classified(feedback_type, people)
    Case.objects.filter(pk=case.pk).update(state=paused_from)
    case.refresh_from_db()
    services.case_request_clarification(case=case, actor=people.coordinator, note="Thiếu số điện thoại")
    services.case_resume(case=case, actor=people.handler)
    assert case.state == paused_from


def test_terminal_states_allow_no_further_move() -> None:
    for state in (CaseState.PUBLISHED, CaseState.FORWARDED, CaseState.MERGED, CaseState.REFUSED):
        assert TRANSITIONS[state] == frozenset()


def test_answering_a_case_not_yet_started_is_refused(feedback_type: CaseType, people: CasePeople) -> None:
    case = classified(feedback_type, people)
    with pytest.raises(CaseTransitionError, match="“Phân loại” sang “Đã trả lời”"):
        services.case_answer(case=case, actor=people.coordinator, answer="Trả lời")


def test_only_a_coordinator_classifies(feedback_type: CaseType, people: CasePeople) -> None:
    case = receive(feedback_type)
    with pytest.raises(PermissionDenied):
        services.case_classify(case=case, actor=people.handler, unit=people.unit)


def test_classifying_requires_a_unit_when_the_case_type_does(
    feedback_type: CaseType, people: CasePeople
) -> None:
    with pytest.raises(CaseTransitionError, match="đơn vị"):
        services.case_classify(case=receive(feedback_type), actor=people.coordinator, unit=None)


def test_a_handler_acts_only_on_their_units_cases(feedback_type: CaseType, people: CasePeople) -> None:
    case = classified(feedback_type, people)
    services.case_assign(case=case, actor=people.coordinator, assignee=people.handler)
    for stranger in (people.other_handler, people.outsider):
        with pytest.raises(PermissionDenied):
            services.case_start(case=case, actor=stranger)
    # A colleague of the same unit may take over.
    services.case_start(case=case, actor=people.colleague)


def test_a_handler_reassigns_within_their_unit_only(feedback_type: CaseType, people: CasePeople) -> None:
    case = classified(feedback_type, people)
    services.case_assign(case=case, actor=people.coordinator, assignee=people.handler)
    services.case_assign(case=case, actor=people.handler, assignee=people.colleague)
    assert case.assignee == people.colleague
    with pytest.raises(CaseTransitionError, match="Phòng Kế hoạch"):
        services.case_assign(case=case, actor=people.handler, assignee=people.other_handler)


def test_a_handler_outside_any_group_is_not_a_handler(feedback_type: CaseType, people: CasePeople) -> None:
    case = classified(feedback_type, people)
    people.unit.members.add(people.outsider)  # member of the unit but not in "Cán bộ xử lý"
    with pytest.raises(CaseTransitionError):
        services.case_assign(case=case, actor=people.coordinator, assignee=people.outsider)


def test_only_the_units_handlers_or_a_coordinator_publish_and_only_publishable_types(
    feedback_type: CaseType, complex_request: CaseType, people: CasePeople
) -> None:
    case = in_progress(feedback_type, people)
    services.case_answer(case=case, actor=people.handler, answer="Đã trả lời")
    for stranger in (people.other_handler, people.outsider):
        with pytest.raises(PermissionDenied):
            services.case_publish(case=case, actor=stranger, public_question="q", public_answer="a")
    with pytest.raises(CaseTransitionError, match="ẩn danh"):
        services.case_publish(case=case, actor=people.coordinator, public_question=" ", public_answer="a")
    request = in_progress(complex_request, people)
    services.case_answer(case=request, actor=people.handler, answer="Gửi kèm tài liệu")
    with pytest.raises(CaseTransitionError, match="không công khai"):
        services.case_publish(case=request, actor=people.coordinator, public_question="q", public_answer="a")


def test_refusal_requires_the_legal_ground(complex_request: CaseType, people: CasePeople) -> None:
    case = in_progress(complex_request, people)
    with pytest.raises(CaseTransitionError, match="căn cứ pháp lý"):
        services.case_refuse(case=case, actor=people.handler, ground="  ")
    services.case_refuse(
        case=case, actor=people.handler, ground="Điều 6 Luật Tiếp cận thông tin: bí mật nhà nước"
    )
    case.refresh_from_db()
    assert case.state == CaseState.REFUSED and case.closed_at is not None
    assert case.events.last().note.startswith("Điều 6")  # type: ignore[union-attr]


def test_forwarding_names_the_other_agency(feedback_type: CaseType, people: CasePeople) -> None:
    case = receive(feedback_type)
    with pytest.raises(CaseTransitionError):
        services.case_forward(case=case, actor=people.coordinator, forwarded_to="")
    services.case_forward(case=case, actor=people.coordinator, forwarded_to="Thanh tra tỉnh (khiếu nại)")
    assert case.state == CaseState.FORWARDED and case.forwarded_to.startswith("Thanh tra")


def test_merging_points_to_the_surviving_case(feedback_type: CaseType, people: CasePeople) -> None:
    first, second = classified(feedback_type, people), classified(feedback_type, people)
    with pytest.raises(CaseTransitionError, match="chính nó"):
        services.case_merge(case=first, actor=people.handler, into=first)
    services.case_merge(case=second, actor=people.handler, into=first)
    assert second.state == CaseState.MERGED and second.merged_into == first
    third = classified(feedback_type, people)
    with pytest.raises(CaseTransitionError, match="đã được gộp"):
        services.case_merge(case=third, actor=people.handler, into=second)


def test_a_handler_cannot_merge_into_another_units_case(feedback_type: CaseType, people: CasePeople) -> None:
    mine = classified(feedback_type, people)
    theirs = services.case_classify(
        case=receive(feedback_type), actor=people.coordinator, unit=people.other_unit
    )
    with pytest.raises(PermissionDenied):
        services.case_merge(case=mine, actor=people.handler, into=theirs)


def test_clarification_returns_to_the_state_it_was_asked_from(
    feedback_type: CaseType, people: CasePeople
) -> None:
    case = in_progress(feedback_type, people)
    with pytest.raises(CaseTransitionError, match="cần bổ sung"):
        services.case_request_clarification(case=case, actor=people.handler, note="")
    services.case_request_clarification(case=case, actor=people.handler, note="Thiếu địa chỉ liên hệ")
    assert case.state == CaseState.CLARIFICATION
    services.case_resume(case=case, actor=None, note="Người yêu cầu đã bổ sung")
    assert case.state == CaseState.IN_PROGRESS and case.resume_state == ""
    with pytest.raises(CaseTransitionError, match="chờ bổ sung"):
        services.case_resume(case=case, actor=people.handler)


def test_extension_once_with_reason_within_the_limit(complex_request: CaseType, people: CasePeople) -> None:
    case = in_progress(complex_request, people)
    with pytest.raises(CaseTransitionError, match="lý do"):
        services.case_extend(case=case, actor=people.handler, days=5, reason="")
    with pytest.raises(CaseTransitionError, match="từ 1 đến 15"):
        services.case_extend(case=case, actor=people.handler, days=16, reason="Khối lượng lớn")
    services.case_extend(case=case, actor=people.handler, days=15, reason="Thông tin ở nhiều đơn vị")
    assert case.state == CaseState.EXTENDED
    with pytest.raises(CaseTransitionError):
        services.case_extend(case=case, actor=people.handler, days=1, reason="Lần nữa")
    # A pause and resume after the extension must not open a second one.
    services.case_request_clarification(case=case, actor=people.handler, note="Làm rõ phạm vi")
    services.case_resume(case=case, actor=people.handler)
    assert case.state == CaseState.EXTENDED
    Case.objects.filter(pk=case.pk).update(state=CaseState.IN_PROGRESS)
    case.refresh_from_db()
    with pytest.raises(CaseTransitionError, match="một lần"):
        services.case_extend(case=case, actor=people.handler, days=1, reason="Lần nữa")


def test_a_type_without_extension_cannot_be_extended(feedback_type: CaseType, people: CasePeople) -> None:
    case = in_progress(feedback_type, people)
    with pytest.raises(CaseTransitionError, match="không được gia hạn"):
        services.case_extend(case=case, actor=people.handler, days=1, reason="Cần thêm thời gian")


def test_every_transition_is_also_in_the_wagtail_audit_log(
    feedback_type: CaseType, people: CasePeople
) -> None:
    from wagtail.models import ModelLogEntry

    case = classified(feedback_type, people)
    actions = ModelLogEntry.objects.filter(object_id=str(case.pk)).values_list("action", flat=True)
    assert list(actions).count(services.TRANSITION_LOG_ACTION) == 2
    assert case.events.filter(kind=EventKind.TRANSITION).count() == 2


def test_a_tracking_code_collision_draws_a_new_code(feedback_type: CaseType) -> None:
    first = receive(feedback_type)
    codes = iter([first.tracking_code, "ABCD-EFGH-JKMN-PQRS"])
    with mock.patch("congtin.cases.services.generate_tracking_code", side_effect=lambda: next(codes)):
        second = receive(feedback_type)
    assert second.tracking_code == "ABCD-EFGH-JKMN-PQRS"
    assert Case.objects.count() == 2 and second.events.count() == 1
