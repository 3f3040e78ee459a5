"""Reads on cases shared by views, commands and (next) the admin queues and reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from congtin.cases import clock
from congtin.cases.choices import DeadlineUnit, HolidayKind
from congtin.cases.models import Case, CaseType, Holiday
from congtin.cases.roles import COORDINATOR, HANDLER
from congtin.users.models import User


def work_calendar() -> clock.WorkCalendar:
    """The working-day calendar built from the holiday table the admins keep."""
    holidays: set[date] = set()
    makeup: set[date] = set()
    for day, kind in Holiday.objects.values_list("date", "kind"):
        (makeup if kind == HolidayKind.MAKEUP else holidays).add(day)
    return clock.WorkCalendar(holidays, makeup)


def user_is_coordinator(user: User) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=COORDINATOR.group_name).exists())


def user_is_handler(user: User) -> bool:
    return user.is_active and user.groups.filter(name=HANDLER.group_name).exists()


def _with_relations(queryset: QuerySet[Case]) -> QuerySet[Case]:
    return queryset.select_related("case_type", "unit", "assignee", "field")


def cases_for_user(user: User) -> QuerySet[Case]:
    """The cases ``user`` may see: all for a coordinator, their units' cases for a handler, else none."""
    if user_is_coordinator(user):
        return _with_relations(Case.objects.all())
    if user_is_handler(user):
        return _with_relations(Case.objects.filter(unit__members=user, unit__isnull=False)).distinct()
    return Case.objects.none()


def cases_overdue(*, now: datetime | None = None) -> QuerySet[Case]:
    """Open cases whose deadline has passed (a paused case is waiting for the requester, not late)."""
    now = now or timezone.now()
    return _with_relations(Case.objects.open().filter(deadline_at__lt=now))


def due_soon_limit(*, days: int, now: datetime, cal: clock.WorkCalendar) -> datetime:
    """The end of the ``days``-th working day after today: deadlines up to then are due soon."""
    return clock.deadline_end(clock.add_working_days(now, days, cal))


def cases_due_soon(*, days: int = 2, now: datetime | None = None) -> QuerySet[Case]:
    """Open cases not yet late whose deadline falls within the next ``days`` working days."""
    now = now or timezone.now()
    limit = due_soon_limit(days=days, now=now, cal=work_calendar())
    return _with_relations(Case.objects.open().filter(deadline_at__gte=now, deadline_at__lte=limit))


@dataclass(frozen=True)
class DeadlinePreview:
    received_on: date
    due_on: date | None
    due_at: datetime
    days_off: list[Holiday]
    makeup_days: list[Holiday]


def deadline_preview(*, case_type: CaseType, received_on: date) -> DeadlinePreview:
    """The deadline of a request of ``case_type`` received on ``received_on``, and the days not counted."""
    cal = work_calendar()
    if case_type.deadline_unit == DeadlineUnit.HOURS:
        # Counted in hours from the start of the day of receipt: the earliest possible deadline.
        start = datetime.combine(received_on, datetime.min.time(), tzinfo=clock.VIETNAM_TZ)
        due_at = start + timedelta(hours=case_type.deadline_amount)
        return DeadlinePreview(received_on, None, due_at, [], [])
    due_on = clock.add_working_days(received_on, case_type.deadline_amount, cal)
    skipped = set(clock.days_off_between(received_on, due_on, cal))
    in_range = Holiday.objects.filter(date__gt=received_on, date__lte=due_on)
    return DeadlinePreview(
        received_on=received_on,
        due_on=due_on,
        due_at=clock.deadline_end(due_on),
        days_off=[h for h in in_range if h.date in skipped],
        makeup_days=[h for h in in_range if h.kind == HolidayKind.MAKEUP],
    )
