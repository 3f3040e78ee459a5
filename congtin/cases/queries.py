"""Reads on cases shared by views, commands and (next) the admin queues and reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from congtin.cases import clock
from congtin.cases.choices import DeadlineUnit, HolidayKind
from congtin.cases.models import (
    AnswerTemplate,
    Case,
    CaseEvent,
    CaseNote,
    CaseType,
    Holiday,
    QuestionAnswer,
)
from congtin.cases.roles import COORDINATOR, HANDLER
from congtin.documents.models import Field
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


# --- handling: queues, duplicates, published answers ------------------------------------------------


@dataclass(frozen=True)
class QueueCounts:
    by_state: list[tuple[str, str, int]]  # (state, label, count), in the order of ``CaseState``
    overdue: int
    due_soon: int
    total: int


def queue_counts(
    queryset: QuerySet[Case], *, now: datetime | None = None, due_soon_days: int = 2
) -> QueueCounts:
    """How many cases of a queue are in each state, overdue and due soon; three queries in all."""
    from django.db.models import Count, Q

    from congtin.cases.choices import OPEN_STATES, CaseState

    now = now or timezone.now()
    limit = due_soon_limit(days=due_soon_days, now=now, cal=work_calendar())
    rows = dict(queryset.order_by().values_list("state").annotate(n=Count("pk", distinct=True)))
    due = queryset.order_by().aggregate(
        overdue=Count("pk", filter=Q(state__in=OPEN_STATES, deadline_at__lt=now), distinct=True),
        due_soon=Count(
            "pk", filter=Q(state__in=OPEN_STATES, deadline_at__gte=now, deadline_at__lte=limit), distinct=True
        ),
    )
    by_state = [(state.value, str(state.label), rows.get(state.value, 0)) for state in CaseState]
    return QueueCounts(by_state, due["overdue"] or 0, due["due_soon"] or 0, sum(rows.values()))


def case_history(case: Case) -> QuerySet[CaseEvent]:
    return case.events.select_related("actor").order_by("at", "pk")


def case_notes(case: Case) -> QuerySet[CaseNote]:
    return case.notes.select_related("author").order_by("created_at", "pk")


def answer_templates_for(case: Case) -> QuerySet[AnswerTemplate]:
    """Active templates that fit the case: its type or any type, its field or any field."""
    from django.db.models import F, Q

    # The most specific first: for this type and field, then this type, then this field, then general.
    return AnswerTemplate.objects.filter(
        Q(case_type__isnull=True) | Q(case_type=case.case_type_id),
        Q(field__isnull=True) | Q(field=case.field_id),
        is_active=True,
    ).order_by(F("case_type").desc(nulls_last=True), F("field").desc(nulls_last=True), "name")


# How far back and how many cases the duplicate finder compares a case with.
DUPLICATE_WINDOW_DAYS = 180
DUPLICATE_CANDIDATES = 400


def case_duplicates(
    case: Case, *, user: User, limit: int = 5, threshold: float = 0.2
) -> list[tuple[Case, float]]:
    """Cases ``user`` can see that likely repeat ``case`` (text similarity), best first."""
    from congtin.cases.choices import CaseState
    from congtin.vietnamese.similarity import rank_similar

    window = timedelta(days=DUPLICATE_WINDOW_DAYS)
    candidates = (
        cases_for_user(user)
        .exclude(pk=case.pk)
        .exclude(state=CaseState.MERGED)
        .filter(submitted_at__gte=case.submitted_at - window, submitted_at__lte=case.submitted_at + window)
        .order_by("-submitted_at")[:DUPLICATE_CANDIDATES]
    )
    by_pk = {c.pk: c for c in candidates}
    ranked = rank_similar(
        f"{case.subject}\n{case.content}",
        ((pk, f"{c.subject}\n{c.content}") for pk, c in by_pk.items()),
        threshold=threshold,
        limit=limit,
    )
    return [(by_pk[int(str(m.key))], m.score) for m in ranked]


@dataclass(frozen=True)
class QaDraft:
    """The masked text proposed for publication; the handler reads and edits it before confirming."""

    title: str
    question: str
    answer: str


def qa_draft(case: Case) -> QaDraft:
    """The case's subject, letter and answer with personal data masked (``congtin.vietnamese.pii``)."""
    from congtin.vietnamese.pii import mask_pii

    contact = getattr(case, "contact", None)
    known = [contact.name] if contact is not None and contact.name and contact.erased_at is None else []
    return QaDraft(
        title=mask_pii(case.subject, known_names=known),
        question=mask_pii(case.content, known_names=known),
        answer=mask_pii(case.answer, known_names=known),
    )


def qa_public() -> QuerySet[QuestionAnswer]:
    """Published, not withdrawn Q&A, newest first, with their field: the only public read of Q&A."""
    return QuestionAnswer.objects.public().select_related("field").order_by("-published_at", "-pk")


def qa_fields() -> QuerySet[Field]:
    """Fields that have at least one public Q&A, for the listing's filter."""
    from django.db.models import Exists, OuterRef

    return Field.objects.filter(Exists(qa_public().filter(field=OuterRef("pk")))).order_by("name")
