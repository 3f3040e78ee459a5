"""The report roll-up (CaseTally): always equal to a recount from the cases, whatever wrote to them, and
reports read from it give the same figures as reports counted from the cases."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date, datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congtin.cases import handling, privacy, services
from congtin.cases.choices import CaseState, Channel, HolidayKind
from congtin.cases.intake import FEEDBACK, Submission, case_submit
from congtin.cases.models import Case, CaseTally, CaseType, Holiday
from congtin.cases.reports import tallies
from congtin.cases.reports.access import PUBLIC_SCOPE, ReportScope
from congtin.cases.reports.queries import Period, ReportFilters, report_counts
from congtin.cases.services import CaseTransitionError, ContactData
from congtin.cases.tests.conftest import CasePeople, Clock
from congtin.cases.tests.factories import CaseFactory, UnitFactory
from congtin.documents.models import Field

pytestmark = pytest.mark.django_db


def _stored() -> dict[tallies.Cell, tuple[int, int, int]]:
    return {
        (t.slice_dim, t.slice_key, t.month, t.dim, t.key): (t.cases, t.measured, t.on_time)
        for t in CaseTally.objects.all()
        if (t.cases, t.measured, t.on_time) != (0, 0, 0)
    }


def _recounted() -> dict[tallies.Cell, tuple[int, int, int]]:
    """From scratch, one case at a time, in Python."""
    acc: dict[tallies.Cell, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in Case.objects.values(*tallies.COLUMNS):
        cells, counts = tallies.case_cells(row)
        for cell in cells:
            for i, count in enumerate(counts):
                acc[cell][i] += count
    return {cell: (n, m, o) for cell, (n, m, o) in acc.items()}


def assert_in_step() -> None:
    expected = _recounted()
    assert _stored() == expected
    # The rebuild's grouped queries count the same.
    assert dict(tallies.recount(Case)) == expected


def _vn(*args: int) -> datetime:
    from congtin.cases import clock

    return datetime(*args, tzinfo=clock.VIETNAM_TZ)


def test_the_rollup_follows_every_kind_of_write_even_after_the_month_closed(
    people: CasePeople, frozen: Clock, feedback_type: CaseType, complex_request: CaseType
) -> None:
    land = Field.objects.create(name="Đất đai", slug="dat-dai")
    traffic = Field.objects.create(name="Giao thông", slug="giao-thong")
    contact = ContactData(name="Nguyễn Văn An", phone="0912345678", consent_purpose="Trả lời")

    # January: a web submission with a field, and letters typed in by staff.
    frozen.set(2026, 1, 20, 9)
    a = case_submit(
        submission=Submission(
            kind=FEEDBACK, subject="Ngập nước", content="Ngõ 34 ngập sâu.", contact=contact, field=land
        )
    )
    assert_in_step()
    b, c, d, e = (
        services.case_receive(
            case_type=feedback_type, channel=channel, subject=f"Thư {i}", content="Nội dung.", contact=contact
        )
        for i, channel in enumerate([Channel.POST, Channel.EMAIL, Channel.PHONE, Channel.IN_PERSON])
    )
    assert_in_step()

    # Classified (a's type corrected), assigned, started, paused and resumed, extended.
    a = services.case_classify(
        case=a, actor=people.coordinator, unit=people.unit, field=traffic, case_type=complex_request
    )
    for case in (b, c, d):
        services.case_classify(case=case, actor=people.coordinator, unit=people.other_unit, field=land)
    assert_in_step()
    services.case_assign(case=a, actor=people.coordinator, assignee=people.handler)
    services.case_start(case=a, actor=people.handler)
    frozen.set(2026, 1, 22, 9)
    services.case_request_clarification(case=a, actor=people.handler, note="Bổ sung địa chỉ")
    assert_in_step()
    frozen.set(2026, 1, 26, 9)
    services.case_resume(case=a, actor=None)
    services.case_extend(case=a, actor=people.handler, days=5, reason="Phải xác minh tại chỗ")
    assert_in_step()

    # A transfer between units, and a bulk assignment.
    handling.case_transfer(case=b, actor=people.coordinator, unit=people.unit)
    handling.cases_bulk_assign(
        cases=[c, d], actor=people.coordinator, unit=people.unit, assignee=people.handler
    )
    assert_in_step()

    # March, January closed long ago: answers, publication, forwarding, merging, refusal.
    frozen.set(2026, 3, 10, 9)
    services.case_answer(case=a, actor=people.handler, answer="Đã xử lý.")
    assert a.working_days_taken is not None
    assert_in_step()
    services.case_start(case=c, actor=people.handler)
    services.case_answer(case=c, actor=people.handler, answer="Đã trả lời.")
    services.case_publish(case=c, actor=people.handler, public_question="Hỏi?", public_answer="Đáp.")
    assert_in_step()
    services.case_forward(case=b, actor=people.coordinator, forwarded_to="Sở Xây dựng")
    handling.case_merge_duplicate(case=d, into=c, actor=people.handler)
    services.case_refuse(case=e, actor=people.coordinator, ground="Luật Tiếp cận thông tin, Điều 6")
    assert_in_step()
    january = CaseTally.objects.get(
        slice_dim="", slice_key="", month=date(2026, 1, 1), dim="state", key=CaseState.ANSWERED
    )
    assert january.cases == 1  # a, received in January, answered in March

    # A refused move changes nothing; nor do a new holiday and an erasure.
    with pytest.raises(CaseTransitionError):
        services.case_start(case=e, actor=people.coordinator)
    Holiday.objects.create(date=date(2026, 4, 1), name="Nghỉ bù", kind=HolidayKind.BRIDGE, year=2026)
    services.case_retime_open_cases()
    privacy.case_erase_personal_data(case=a, reason="Hết thời hạn lưu giữ")
    assert_in_step()

    # Writes outside the services: a save of a stale copy, a queryset update, bulk writes, deletes.
    stale = Case.objects.get(pk=b.pk)
    stale.state = CaseState.IN_PROGRESS  # what a stale copy believes; only the unit is saved below
    stale.unit = people.unit
    stale.save(update_fields=["unit"])
    assert_in_step()
    Case.objects.filter(pk__in=[a.pk, c.pk]).update(field=land)
    Case.objects.filter(pk=b.pk).update(submitted_at=_vn(2026, 2, 27, 23))
    assert_in_step()
    extra = CaseFactory(case_type=feedback_type, submitted_at=_vn(2026, 2, 1, 0, 30), field=land)
    Case.objects.bulk_create(
        [
            CaseFactory.build(case_type=feedback_type, unit=people.unit, working_days_taken=4, on_time=False),
            CaseFactory.build(case_type=feedback_type, channel=Channel.EMAIL, state=CaseState.FORWARDED),
        ]
    )
    assert_in_step()
    extra.delete()
    Case.objects.filter(subject__startswith="Đề nghị cung cấp thông tin").delete()
    assert_in_step()
    assert CaseTally.objects.filter(cases__gt=0).exists()


def test_the_rebuild_command_puts_a_damaged_rollup_right(
    people: CasePeople, frozen: Clock, feedback_type: CaseType
) -> None:
    for i in range(3):
        CaseFactory(
            case_type=feedback_type,
            unit=people.unit,
            state=CaseState.ANSWERED,
            working_days_taken=i,
            on_time=True,
        )
    CaseTally.objects.filter(dim="days").delete()
    CaseTally.objects.filter(dim="state").update(cases=99)
    call_command("rebuild_case_tallies", verbosity=0)
    assert_in_step()


def test_conflicting_bulk_inserts_are_refused_rather_than_missed(feedback_type: CaseType) -> None:
    with pytest.raises(ValueError, match="rebuild_case_tallies"):
        Case.objects.bulk_create([CaseFactory.build(case_type=feedback_type)], ignore_conflicts=True)


# --- reports from the roll-up equal reports counted from the cases ------------------------------------


@pytest.fixture
def varied(people: CasePeople, feedback_type: CaseType, complex_request: CaseType) -> dict[str, Any]:
    """120 cases over 2025–2026, spread over fields, units, states, channels, types and handling figures."""
    fields = [Field.objects.create(name=f"Lĩnh vực {i}", slug=f"linh-vuc-{i}") for i in range(3)]
    units = [people.unit, people.other_unit, UnitFactory(name="Thanh tra", code="thanh-tra")]
    states = [
        CaseState.RECEIVED,
        CaseState.IN_PROGRESS,
        CaseState.ANSWERED,
        CaseState.MERGED,
        CaseState.REFUSED,
    ]
    for i in range(120):
        state = states[i % 5]
        measured = state in (CaseState.ANSWERED, CaseState.REFUSED)
        CaseFactory(
            case_type=[feedback_type, complex_request][i % 2],
            field=None if i % 7 == 0 else fields[i % 3],
            unit=None if state == CaseState.RECEIVED else units[i % 3],
            state=state,
            channel=Channel.values[i % 5],
            # The first and last hours of Vietnam days, which are the day before / the same day in UTC.
            submitted_at=_vn(2025 + i % 2, 1 + (i * 5) % 12, 1 + (i * 11) % 28, [0, 23, 9][i % 3], 30),
            working_days_taken=(i * 7) % 19 if measured else None,
            on_time=(i % 4 != 0) if measured else None,
        )
    return {"fields": fields, "units": units}


def _plain(counts: Any) -> tuple[Any, ...]:
    def drop_zero(mapping: dict[Any, Any]) -> dict[Any, Any]:
        return {k: tuple(v) if isinstance(v, list) else v for k, v in mapping.items() if v and v != [0, 0, 0]}

    return (
        {kind: drop_zero(by_key) for kind, by_key in counts.dims.items()},
        drop_zero(counts.periods),
        drop_zero(counts.histogram),
    )


RANGES = [
    (date(2025, 1, 1), date(2026, 12, 31)),  # whole months only
    (date(2025, 3, 15), date(2026, 2, 10)),  # days before the first whole month and after the last
    (date(2025, 5, 3), date(2025, 5, 20)),  # inside one month
    (date(2025, 2, 1), date(2025, 8, 17)),
    (date(2025, 11, 30), date(2026, 1, 31)),
]


def test_reports_from_the_rollup_equal_reports_counted_from_the_cases(
    varied: dict[str, Any], people: CasePeople
) -> None:
    unit, other = varied["units"][0], varied["units"][1]
    field = varied["fields"][1]
    handler_scope = ReportScope(all_units=False, unit_ids=frozenset({unit.pk, other.pk}))
    choices: list[tuple[ReportScope, dict[str, Any]]] = [
        (PUBLIC_SCOPE, {}),
        (PUBLIC_SCOPE, {"field_id": field.pk}),
        (PUBLIC_SCOPE, {"unit_id": other.pk}),
        (PUBLIC_SCOPE, {"state": CaseState.ANSWERED}),
        (PUBLIC_SCOPE, {"channel": Channel.EMAIL}),
        (PUBLIC_SCOPE, {"case_type_id": CaseType.objects.get(code="tctt-phuc-tap").pk}),
        (PUBLIC_SCOPE, {"field_id": field.pk, "channel": Channel.WEB}),  # two filters: cases only
        (handler_scope, {}),
        (handler_scope, {"unit_id": unit.pk}),
        (handler_scope, {"state": CaseState.REFUSED}),
    ]
    checked = 0
    for (scope, extra), (start, end), period in itertools.product(choices, RANGES, Period):
        filters = ReportFilters(start=start, end=end, period=period, **extra)
        from_rollup = _plain(report_counts(scope=scope, filters=filters))
        from_cases = _plain(report_counts(scope=scope, filters=filters, use_rollup=False))
        assert from_rollup == from_cases, (scope, extra, start, end, period)
        checked += bool(from_cases[0]["state"])
    assert checked > 80  # most combinations count something (150 in all)


def test_a_report_of_whole_months_does_not_read_the_cases(varied: dict[str, Any]) -> None:
    filters = ReportFilters(start=date(2025, 1, 1), end=date(2026, 12, 31), period=Period.QUARTER)
    with CaptureQueriesContext(connection) as queries:
        counts = report_counts(scope=PUBLIC_SCOPE, filters=filters)
    assert sum(n for n, _m, _o in counts.dims["state"].values()) == 120
    sql = [q["sql"] for q in queries.captured_queries]
    assert len(sql) == 1 and "cases_casetally" in sql[0] and '"cases_case"' not in sql[0]
