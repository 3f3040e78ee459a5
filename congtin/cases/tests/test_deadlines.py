"""Deadlines on real cases: the seeded calendar, pauses, extensions, retiming and the due states."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.core.management import call_command

from congtin.cases import clock, queries, services
from congtin.cases.choices import CaseState, Channel, EventKind, HolidayKind
from congtin.cases.models import Case, CaseType, Holiday
from congtin.cases.tests.conftest import CasePeople, Clock
from congtin.cases.tests.factories import CaseTypeFactory

pytestmark = pytest.mark.django_db


def receive(case_type: CaseType, people: CasePeople | None = None, *, at: datetime | None = None) -> Case:
    case = services.case_receive(
        case_type=case_type,
        channel=Channel.EMAIL,
        subject="Phản ánh đèn đường hỏng",
        content="Đèn đường trên phố Hàng Bài hỏng đã hai tuần.",
        submitted_at=at,
    )
    if people is not None:
        services.case_classify(case=case, actor=people.coordinator, unit=people.unit)
    return case


def due(case: Case) -> date:
    case.refresh_from_db()
    assert case.deadline_at is not None
    return clock.local_date(case.deadline_at)


def test_the_seeded_calendar_holds_tet_2026_and_the_2025_make_up_saturday() -> None:
    cal = queries.work_calendar()
    assert all(not cal.is_working_day(date(2026, 2, d)) for d in range(16, 21))
    assert cal.is_working_day(date(2025, 4, 26))
    assert not cal.is_working_day(date(2025, 5, 2))
    assert not cal.is_working_day(date(2026, 4, 27))


def test_a_simple_electronic_request_received_before_tet_2026_is_due_after_it(frozen: Clock) -> None:
    simple = CaseType.objects.get(code="tctt-don-gian")
    frozen.set(2026, 2, 13, 16, 30)
    assert due(receive(simple)) == date(2026, 2, 25)


def test_a_feedback_case_across_30_4_and_1_5_2026(frozen: Clock, feedback_type: CaseType) -> None:
    frozen.set(2026, 4, 24, 9)
    # 28, 29/4, 4–8/5, 11, 12, 13/5: ten working days.
    assert due(receive(feedback_type)) == date(2026, 5, 13)


def test_the_pause_for_clarification_moves_the_deadline_by_the_paused_working_days(
    frozen: Clock, feedback_type: CaseType, people: CasePeople
) -> None:
    frozen.set(2026, 3, 2, 9)
    case = receive(feedback_type, people)
    assert due(case) == date(2026, 3, 16)
    frozen.set(2026, 3, 3, 10)
    services.case_request_clarification(case=case, actor=people.coordinator, note="Thiếu vị trí cụ thể")
    frozen.set(2026, 3, 5, 16)
    services.case_resume(case=case, actor=None)
    # 3, 4 and 5 March were paused: three working days later.
    assert due(case) == date(2026, 3, 19)
    assert case.paused_total == timedelta(days=2, hours=6)


def test_a_paused_case_is_neither_overdue_nor_due_soon(
    frozen: Clock, feedback_type: CaseType, people: CasePeople
) -> None:
    frozen.set(2026, 3, 2, 9)
    case = receive(feedback_type, people)
    services.case_request_clarification(case=case, actor=people.coordinator, note="Thiếu ảnh chụp")
    frozen.set(2026, 6, 1, 9)
    assert case not in queries.cases_overdue()
    assert case not in queries.cases_due_soon()


def test_extension_adds_working_days_to_the_deadline(
    frozen: Clock, complex_request: CaseType, people: CasePeople
) -> None:
    frozen.set(2026, 3, 2, 9)
    case = receive(complex_request, people)
    services.case_assign(case=case, actor=people.coordinator, assignee=people.handler)
    services.case_start(case=case, actor=people.handler)
    assert due(case) == date(2026, 3, 23)
    services.case_extend(case=case, actor=people.handler, days=15, reason="Phải tổng hợp từ 12 đơn vị")
    # Fifteen more working days: 24/3 … 13/4 (no holiday in between).
    assert due(case) == date(2026, 4, 13)


def test_hour_counted_types_run_on_elapsed_time(frozen: Clock) -> None:
    urgent = CaseTypeFactory(code="du-lieu-ca-nhan", deadline_unit="hours", deadline_amount=72)
    frozen.set(2026, 2, 13, 10)
    case = receive(urgent)
    assert case.deadline_at == frozen.now + timedelta(hours=72)


def test_adding_a_holiday_retimes_open_cases_and_records_why(
    frozen: Clock, feedback_type: CaseType, people: CasePeople
) -> None:
    frozen.set(2026, 9, 7, 9)
    open_case = receive(feedback_type, people)
    closed_case = receive(feedback_type, people)
    services.case_forward(case=closed_case, actor=people.coordinator, forwarded_to="UBND quận")
    assert due(open_case) == date(2026, 9, 21)
    closed_deadline = due(closed_case)
    Holiday.objects.create(date=date(2026, 9, 8), name="Nghỉ đột xuất", kind=HolidayKind.BRIDGE, year=2026)
    assert services.case_retime_open_cases() == 1
    assert due(open_case) == date(2026, 9, 22)
    assert due(closed_case) == closed_deadline
    event = open_case.events.get(kind=EventKind.RETIME)
    assert "21/09/2026 → 22/09/2026" in event.note
    # Nothing changed: nothing recorded.
    assert services.case_retime_open_cases() == 0


def test_a_new_make_up_day_brings_a_deadline_forward_through_the_command(
    frozen: Clock, feedback_type: CaseType, people: CasePeople
) -> None:
    frozen.set(2026, 9, 7, 9)
    case = receive(feedback_type, people)
    Holiday.objects.create(date=date(2026, 9, 12), name="Làm bù", kind=HolidayKind.MAKEUP, year=2026)
    call_command("retime_cases", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert due(case) == date(2026, 9, 18)


def test_overdue_and_due_soon(frozen: Clock, people: CasePeople) -> None:
    short = CaseTypeFactory(code="ngan", deadline_amount=3)
    frozen.set(2026, 3, 2, 9)
    late = receive(short, people)  # due 5/3
    frozen.set(2026, 3, 5, 9)
    soon = receive(short, people)  # due 10/3
    later = receive(CaseTypeFactory(code="dai", deadline_amount=10), people)  # due 19/3
    answered = receive(short, people)
    Case.objects.filter(pk=answered.pk).update(state=CaseState.ANSWERED)
    frozen.set(2026, 3, 6, 8)  # Friday: 9 and 10 March are the next two working days
    assert list(queries.cases_overdue()) == [late]
    assert list(queries.cases_due_soon(days=2)) == [soon]
    assert later not in queries.cases_due_soon(days=2)
    assert later in queries.cases_due_soon(days=10)


def test_cases_for_user_shows_a_handler_only_their_units_cases(
    feedback_type: CaseType, people: CasePeople
) -> None:
    mine = receive(feedback_type, people)
    theirs = receive(feedback_type)
    services.case_classify(case=theirs, actor=people.coordinator, unit=people.other_unit)
    unclassified = receive(feedback_type)
    assert set(queries.cases_for_user(people.handler)) == {mine}
    assert set(queries.cases_for_user(people.other_handler)) == {theirs}
    assert set(queries.cases_for_user(people.coordinator)) == {mine, theirs, unclassified}
    assert list(queries.cases_for_user(people.outsider)) == []
