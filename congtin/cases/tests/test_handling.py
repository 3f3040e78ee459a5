"""The handling services: notes, transfers, bulk assignment, answer templates, duplicates, merging."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congtin.cases import handling, queries, services
from congtin.cases.choices import CaseState, EventKind
from congtin.cases.models import AnswerTemplate, CaseType
from congtin.cases.services import CaseTransitionError
from congtin.cases.tests.conftest import CasePeople, Clock
from congtin.cases.tests.handling_helpers import answered, in_unit, received
from congtin.documents.models import Field

pytestmark = pytest.mark.django_db


def test_internal_notes_are_kept_apart_from_the_history_and_only_the_units_staff_write_them(
    feedback_type: CaseType, people: CasePeople
) -> None:
    case = in_unit(feedback_type, people)
    note = handling.case_add_note(
        case=case, actor=people.handler, text="  Đã gọi điện cho tổ trưởng dân phố.  "
    )
    assert note.text == "Đã gọi điện cho tổ trưởng dân phố." and note.author == people.handler
    assert not case.events.filter(note__contains="tổ trưởng").exists()
    with pytest.raises(PermissionDenied):
        handling.case_add_note(case=case, actor=people.other_handler, text="Xem trộm")
    with pytest.raises(CaseTransitionError, match="không được để trống"):
        handling.case_add_note(case=case, actor=people.handler, text="   ")
    assert list(queries.case_notes(case).values_list("text", flat=True)) == [
        "Đã gọi điện cho tổ trưởng dân phố."
    ]


def test_bulk_assignment_gives_each_case_to_the_unit_and_handler_and_records_it_per_case(
    feedback_type: CaseType, people: CasePeople
) -> None:
    new_ones = [received(feedback_type, subject=f"Phản ánh {n}") for n in range(3)]
    result = handling.cases_bulk_assign(
        cases=new_ones, actor=people.coordinator, unit=people.unit, assignee=people.handler, note="Đợt 1"
    )
    assert (result.transferred, result.assigned) == (3, 3)
    for case in new_ones:
        case.refresh_from_db()
        assert (case.state, case.unit, case.assignee) == (CaseState.ASSIGNED, people.unit, people.handler)
        moves = list(case.events.values_list("to_state", "actor__username", "note"))
        assert moves[-2:] == [
            (CaseState.CLASSIFIED, "dieuphoi", "Đợt 1"),
            (CaseState.ASSIGNED, "dieuphoi", "Đợt 1"),
        ]


def test_bulk_assignment_is_all_or_nothing_and_names_the_case_that_cannot_move(
    feedback_type: CaseType, people: CasePeople
) -> None:
    fine = in_unit(feedback_type, people)
    done = answered(feedback_type, people)
    with pytest.raises(CaseTransitionError, match=done.tracking_code):
        handling.cases_bulk_assign(cases=[fine, done], actor=people.coordinator, assignee=people.colleague)
    fine.refresh_from_db()
    assert fine.state == CaseState.CLASSIFIED and fine.assignee is None


def test_a_handler_bulk_assigns_within_the_unit_but_cannot_move_cases_to_another_unit(
    feedback_type: CaseType, people: CasePeople
) -> None:
    cases = [in_unit(feedback_type, people) for _ in range(2)]
    handling.cases_bulk_assign(cases=cases, actor=people.handler, assignee=people.colleague)
    assert all(c.assignee == people.colleague for c in cases)
    with pytest.raises(PermissionDenied):
        handling.cases_bulk_assign(cases=cases, actor=people.handler, unit=people.other_unit)
    theirs = in_unit(feedback_type, people, unit=people.other_unit)
    with pytest.raises(PermissionDenied):
        handling.cases_bulk_assign(cases=[theirs], actor=people.handler, assignee=people.handler)


def test_transferring_to_another_unit_drops_an_assignee_from_the_old_unit_and_says_so(
    feedback_type: CaseType, people: CasePeople
) -> None:
    case = in_unit(feedback_type, people)
    services.case_assign(case=case, actor=people.coordinator, assignee=people.handler)
    handling.case_transfer(case=case, actor=people.coordinator, unit=people.other_unit)
    case.refresh_from_db()
    assert case.unit == people.other_unit and case.assignee is None
    last = case.events.last()
    assert last is not None and last.kind == EventKind.NOTE
    assert "Phòng Kế hoạch - Tài chính → Văn phòng" in last.note


def test_an_answer_template_is_filled_with_the_cases_values(
    feedback_type: CaseType, people: CasePeople, frozen: Clock
) -> None:
    frozen.set(2026, 3, 2, 9)
    roads = Field.objects.create(name="Giao thông", slug="giao-thong")
    case = in_unit(feedback_type, people)
    case.field = roads
    case.save()
    people.handler.last_name, people.handler.first_name = "Trần", "Thị Bình"
    people.handler.save()
    template = AnswerTemplate.objects.create(
        name="Tiếp thu",
        case_type=feedback_type,
        field=roads,
        body="Trả lời phản ánh mã {ma_tra_cuu} nhận ngày {ngay_tiep_nhan} ({linh_vuc}, {don_vi}): "
        "đã tiếp thu. Ngày {ngay_tra_loi}, {can_bo}.",
    )
    frozen.set(2026, 3, 10, 15)
    text = handling.answer_template_fill(template=template, case=case, actor=people.handler)
    assert text == (
        f"Trả lời phản ánh mã {case.tracking_code} nhận ngày 02/03/2026 (Giao thông, Phòng Kế hoạch - Tài chính): "
        "đã tiếp thu. Ngày 10/03/2026, Trần Thị Bình."
    )
    # Offered for its type and field, and a general template too; not one for another field.
    AnswerTemplate.objects.create(name="Chung", body="Cảm ơn ông/bà.")
    AnswerTemplate.objects.create(name="Y tế", field=Field.objects.create(name="Y tế", slug="y-te"), body="x")
    assert [t.name for t in queries.answer_templates_for(case)] == ["Tiếp thu", "Chung"]


def test_a_template_with_an_unknown_placeholder_is_refused() -> None:
    template = AnswerTemplate(name="Sai", body="Kính gửi {ho_ten}, mã {ma_tra_cuu}")
    with pytest.raises(ValidationError, match=r"\{ho_ten\}"):
        template.full_clean()
    with pytest.raises(ValidationError, match="ngoặc"):
        AnswerTemplate(name="Sai", body="Mã {ma_tra_cuu").full_clean()


def test_near_duplicates_are_proposed_among_the_cases_the_user_may_see(
    feedback_type: CaseType, people: CasePeople
) -> None:
    case = in_unit(feedback_type, people)
    again = in_unit(
        feedback_type,
        people,
        subject="Ngap nuoc ngo 34 Lang Ha",
        content="De nghi phuong khac phuc tinh trang ngap nuoc keo dai tai ngo 34, moi tran mua lon nuoc "
        "ngap sau nua met, xe may chet may.",
    )
    in_unit(
        feedback_type,
        people,
        subject="Karaoke gây ồn",
        content="Quán karaoke hát to đến 1 giờ sáng hằng đêm, đề nghị công an phường kiểm tra, xử lý.",
    )
    elsewhere = in_unit(feedback_type, people, unit=people.other_unit)  # the same letter, another unit
    found = [c for c, _score in queries.case_duplicates(case, user=people.handler)]
    assert found == [again]
    assert elsewhere in [c for c, _s in queries.case_duplicates(case, user=people.coordinator)]


def test_merging_a_duplicate_is_recorded_on_both_cases(feedback_type: CaseType, people: CasePeople) -> None:
    first, second = in_unit(feedback_type, people), in_unit(feedback_type, people)
    handling.case_merge_duplicate(case=second, into=first, actor=people.handler)
    second.refresh_from_db()
    assert second.state == CaseState.MERGED and second.merged_into == first
    assert second.events.last().note == first.tracking_code  # type: ignore[union-attr]
    assert second.tracking_code in first.events.last().note  # type: ignore[union-attr]
    assert first.state == CaseState.CLASSIFIED  # the surviving case carries on
    theirs = in_unit(feedback_type, people, unit=people.other_unit)
    with pytest.raises(PermissionDenied):
        handling.case_merge_duplicate(case=theirs, into=first, actor=people.handler)
