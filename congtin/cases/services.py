"""Every write on a case: one function per transition, each permission-checked and recorded.

Each transition checks the move against ``choices.TRANSITIONS`` (an illegal move raises
``CaseTransitionError`` with a Vietnamese message), checks who is acting (``PermissionDenied``),
writes a ``CaseEvent`` (who, when, from, to, note) and the Wagtail audit log, and recomputes the
deadline when the clock changes.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from congtin.cases import clock, queries
from congtin.cases.choices import OPEN_STATES, TRANSITIONS, CaseState, Channel, DeadlineUnit, EventKind
from congtin.cases.codes import generate_tracking_code
from congtin.cases.models import Case, CaseContact, CaseEvent, CaseType, ReminderSent, Unit
from congtin.cases.reports import figures
from congtin.cases.roles import COORDINATOR, HANDLER
from congtin.documents.models import Field
from congtin.users.models import User
from congtin.users.services import user_assign_role
from congtin.vietnamese.dates import format_date, format_datetime

TRANSITION_LOG_ACTION = "congtin.case.transition"
RETIME_LOG_ACTION = "congtin.case.retime"

logger = logging.getLogger(__name__)


class CaseTransitionError(ValueError):
    """A move the state machine or the case's rules do not allow; the message is for the user."""


@dataclass(frozen=True)
class ContactData:
    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    consent_purpose: str = ""


# --- permissions ---------------------------------------------------------------------------------


def case_can_act(*, case: Case, user: User) -> bool:
    """A coordinator acts on any case; a handler only on the cases of a unit they belong to."""
    if queries.user_is_coordinator(user):
        return True
    return (
        case.unit is not None
        and queries.user_is_handler(user)
        and case.unit.members.filter(pk=user.pk).exists()
    )


def _require_actor(case: Case, user: User) -> None:
    if not case_can_act(case=case, user=user):
        raise PermissionDenied(_("Bạn không có quyền xử lý hồ sơ này."))


def _require_coordinator(user: User) -> None:
    if not queries.user_is_coordinator(user):
        raise PermissionDenied(_("Chỉ cán bộ điều phối được phân loại và giao hồ sơ giữa các đơn vị."))


def _require_text(value: str, message: str) -> str:
    value = value.strip()
    if not value:
        raise CaseTransitionError(message)
    return value


# --- the clock -----------------------------------------------------------------------------------


def case_pauses(*, case: Case, now: datetime | None = None) -> list[clock.Pause]:
    """The intervals the clock stood still (yêu cầu bổ sung), read from the case's history."""
    pauses: list[clock.Pause] = []
    started: datetime | None = None
    for event in case.events.filter(kind=EventKind.TRANSITION).order_by("at", "pk"):
        if event.to_state == CaseState.CLARIFICATION and started is None:
            started = event.at
        elif event.from_state == CaseState.CLARIFICATION and started is not None:
            pauses.append(clock.Pause(started, event.at))
            started = None
    if started is not None:
        pauses.append(clock.Pause(started, now or timezone.now()))
    return pauses


def _compute_deadlines(case: Case, cal: clock.WorkCalendar) -> tuple[datetime, datetime | None]:
    case_type = case.case_type
    if case_type.deadline_unit == DeadlineUnit.HOURS:
        # Hour-counted clocks (e.g. 72 hours) run on elapsed time, less the time spent paused.
        return case.submitted_at + timedelta(hours=case_type.deadline_amount) + case.paused_total, None
    pauses = case_pauses(case=case)
    due = clock.add_working_days(
        case.submitted_at, case_type.deadline_amount + case.extension_days, cal, pauses=pauses
    )
    notice = None
    if case_type.notice_days:
        notice_day = clock.add_working_days(case.submitted_at, case_type.notice_days, cal, pauses=pauses)
        notice = clock.deadline_end(notice_day)
    return clock.deadline_end(due), notice


def _retime(case: Case, cal: clock.WorkCalendar | None = None) -> bool:
    """Recompute the deadlines of an open case; True when they changed. Paused cases keep theirs."""
    if not case.is_open:
        return False
    deadline_at, notice_due_at = _compute_deadlines(case, cal or queries.work_calendar())
    if (deadline_at, notice_due_at) == (case.deadline_at, case.notice_due_at):
        return False
    case.deadline_at, case.notice_due_at = deadline_at, notice_due_at
    case.save(update_fields=["deadline_at", "notice_due_at"])
    return True


@transaction.atomic
def case_retime_open_cases(*, now: datetime | None = None) -> int:
    """Recompute every open case's deadline against the holiday table; returns how many moved.

    Run when the calendar changes (the holiday admin calls it on every save and delete) and by
    ``manage.py retime_cases``: a newly announced holiday must move in-flight deadlines too.
    """
    now = now or timezone.now()
    cal = queries.work_calendar()
    moved = 0
    for case in Case.objects.open().select_related("case_type").select_for_update():
        before = case.deadline_at
        if _retime(case, cal):
            moved += 1
            note = _("Lịch nghỉ thay đổi: hạn giải quyết %(before)s → %(after)s.") % {
                "before": format_date(before) if before else "—",
                "after": format_date(case.deadline_at) if case.deadline_at else "—",
            }
            CaseEvent.objects.create(
                case=case,
                kind=EventKind.RETIME,
                at=now,
                from_state=case.state,
                to_state=case.state,
                note=note,
            )
            log(instance=case, action=RETIME_LOG_ACTION, data={"note": note})
    return moved


def _record_figures(case: Case, to: CaseState, now: datetime) -> list[str]:
    """Store the report figures of a closing case (docs/decisions/0017); a merged duplicate has none."""
    if to == CaseState.MERGED:
        return []
    result = figures.handling_figures(
        submitted_at=case.submitted_at,
        closed_at=now,
        deadline_unit=case.case_type.deadline_unit,
        deadline_amount=case.case_type.deadline_amount,
        extension_days=case.extension_days,
        cal=queries.work_calendar(),
        pauses=case_pauses(case=case, now=now),
    )
    case.working_days_taken, case.on_time = result.working_days_taken, result.on_time
    return ["working_days_taken", "on_time"]


# --- transitions ---------------------------------------------------------------------------------


def _move(
    case: Case,
    to: CaseState,
    *,
    actor: User | None,
    note: str = "",
    now: datetime | None = None,
    fields: Iterable[str] = (),
    resuming: bool = False,
) -> CaseEvent:
    current = CaseState(case.state)
    if current == CaseState.CLARIFICATION and to in OPEN_STATES and not resuming:
        # Only ``case_resume`` restarts the clock: it also adds up the time paused.
        raise CaseTransitionError(
            _("Hồ sơ đang chờ người yêu cầu bổ sung: phải ghi nhận việc bổ sung trước.")
        )
    if to not in TRANSITIONS[current]:
        raise CaseTransitionError(
            _("Không thể chuyển hồ sơ từ trạng thái “%(from)s” sang “%(to)s”.")
            % {"from": current.label, "to": to.label}
        )
    now = now or timezone.now()
    case.state = to
    if to in (CaseState.ANSWERED, CaseState.FORWARDED, CaseState.MERGED, CaseState.REFUSED):
        case.closed_at = now
        fields = [*fields, *_record_figures(case, to, now)]
    case.save(update_fields=["state", "closed_at", *fields])
    event = CaseEvent.objects.create(
        case=case, actor=actor, at=now, from_state=current, to_state=to, note=note
    )
    log(
        instance=case,
        action=TRANSITION_LOG_ACTION,
        user=actor,
        data={"from": current.value, "to": to.value, "note": note},
    )
    return event


@transaction.atomic
def case_receive(
    *,
    case_type: CaseType,
    channel: Channel,
    subject: str,
    content: str,
    contact: ContactData | None = None,
    submitted_at: datetime | None = None,
    actor: User | None = None,
) -> Case:
    """Take in a case (tiếp nhận): issue its tracking code and start its clock.

    ``actor`` is the member of staff who typed in a letter or a call; None for the public web form.
    """
    subject = _require_text(subject, _("Phải có tiêu đề."))
    content = _require_text(content, _("Phải có nội dung."))
    now = timezone.now()
    case = Case(
        case_type=case_type,
        channel=channel,
        subject=subject,
        content=content,
        submitted_at=submitted_at or now,
        state=CaseState.RECEIVED,
    )
    for _attempt in range(5):
        case.tracking_code = generate_tracking_code()
        try:
            with transaction.atomic():
                case.save()
            break
        except IntegrityError:
            # 80 random bits: a collision is all but impossible, but never fatal.
            case.pk = None
    else:  # pragma: no cover
        raise RuntimeError("could not issue a unique tracking code")
    if contact is not None:
        CaseContact.objects.create(
            case=case,
            name=contact.name.strip(),
            phone=contact.phone.strip(),
            email=contact.email.strip(),
            address=contact.address.strip(),
            consent_purpose=contact.consent_purpose.strip(),
            consent_at=now if contact.consent_purpose.strip() else None,
        )
    CaseEvent.objects.create(case=case, actor=actor, at=now, to_state=CaseState.RECEIVED)
    log(instance=case, action=TRANSITION_LOG_ACTION, user=actor, data={"from": "", "to": CaseState.RECEIVED})
    _retime(case)
    return case


@transaction.atomic
def case_classify(
    *,
    case: Case,
    actor: User,
    unit: Unit | None,
    field: Field | None = None,
    case_type: CaseType | None = None,
    note: str = "",
) -> Case:
    """Phân loại: set the field and the handling unit, and correct the case type (e.g. simple → complex)."""
    _require_coordinator(actor)
    new_type = case_type or case.case_type
    if unit is None and new_type.requires_unit:
        raise CaseTransitionError(_("Phải chọn đơn vị xử lý cho loại hồ sơ này."))
    case.unit, case.field, case.case_type = unit, field, new_type
    _move(case, CaseState.CLASSIFIED, actor=actor, note=note, fields=["unit", "field", "case_type"])
    _retime(case)
    return case


@transaction.atomic
def case_assign(*, case: Case, actor: User, assignee: User, note: str = "") -> Case:
    """Chuyển xử lý: give the case to a handler of its unit (by a coordinator or a handler of that unit)."""
    _require_actor(case, actor)
    if case.unit is None:
        raise CaseTransitionError(_("Hồ sơ chưa có đơn vị xử lý."))
    if not (queries.user_is_handler(assignee) and case.unit.members.filter(pk=assignee.pk).exists()):
        raise CaseTransitionError(
            _("Chỉ giao được cho cán bộ xử lý của %(unit)s.") % {"unit": case.unit.name}
        )
    case.assignee = assignee
    _move(case, CaseState.ASSIGNED, actor=actor, note=note, fields=["assignee"])
    return case


@transaction.atomic
def case_start(*, case: Case, actor: User, note: str = "") -> Case:
    _require_actor(case, actor)
    _move(case, CaseState.IN_PROGRESS, actor=actor, note=note)
    return case


@transaction.atomic
def case_request_clarification(*, case: Case, actor: User, note: str) -> Case:
    """Yêu cầu bổ sung: ask the requester for what is missing; the clock stops until they answer."""
    _require_actor(case, actor)
    note = _require_text(note, _("Phải nêu nội dung cần bổ sung."))
    case.resume_state = case.state
    _move(case, CaseState.CLARIFICATION, actor=actor, note=note, fields=["resume_state"])
    return case


@transaction.atomic
def case_resume(*, case: Case, actor: User | None, note: str = "") -> Case:
    """The requester completed the request: the clock runs again from the next working day."""
    if actor is not None:
        _require_actor(case, actor)
    if case.state != CaseState.CLARIFICATION:
        raise CaseTransitionError(_("Hồ sơ không ở trạng thái chờ bổ sung."))
    now = timezone.now()
    pause_start = case.events.filter(to_state=CaseState.CLARIFICATION).order_by("-at", "-pk").first()
    if pause_start is not None:
        case.paused_total += now - pause_start.at
    back_to = CaseState(case.resume_state or CaseState.RECEIVED)
    case.resume_state = ""
    _move(
        case,
        back_to,
        actor=actor,
        note=note,
        now=now,
        fields=["resume_state", "paused_total"],
        resuming=True,
    )
    _retime(case)
    return case


@transaction.atomic
def case_extend(*, case: Case, actor: User, days: int, reason: str) -> Case:
    """Gia hạn: once, with a reason, by at most the case type's limit (Art. 31: 15 working days)."""
    _require_actor(case, actor)
    reason = _require_text(reason, _("Phải nêu lý do gia hạn."))
    if case.extended_at is not None:
        raise CaseTransitionError(_("Hồ sơ chỉ được gia hạn một lần."))
    limit = case.case_type.max_extension_days
    if limit == 0:
        raise CaseTransitionError(_("Loại hồ sơ này không được gia hạn."))
    if not 1 <= days <= limit:
        raise CaseTransitionError(
            _("Số ngày gia hạn phải từ 1 đến %(limit)s ngày làm việc.") % {"limit": limit}
        )
    now = timezone.now()
    case.extension_days, case.extension_reason, case.extended_at = days, reason, now
    _move(
        case,
        CaseState.EXTENDED,
        actor=actor,
        note=reason,
        now=now,
        fields=["extension_days", "extension_reason", "extended_at"],
    )
    _retime(case)
    return case


@transaction.atomic
def case_answer(*, case: Case, actor: User, answer: str) -> Case:
    _require_actor(case, actor)
    case.answer = _require_text(answer, _("Phải có nội dung trả lời."))
    case.answered_at = timezone.now()
    _move(case, CaseState.ANSWERED, actor=actor, now=case.answered_at, fields=["answer", "answered_at"])
    return case


@transaction.atomic
def case_publish(*, case: Case, actor: User, public_question: str, public_answer: str) -> Case:
    """Công khai: publish an anonymised question and answer (a handler of the case's unit, or a
    coordinator; ``handling.qa_publish`` makes them confirm the masked text first)."""
    _require_actor(case, actor)
    if not case.case_type.publishable:
        raise CaseTransitionError(_("Loại hồ sơ này không công khai câu trả lời."))
    case.public_question = _require_text(public_question, _("Phải có nội dung công khai đã ẩn danh."))
    case.public_answer = _require_text(public_answer, _("Phải có nội dung trả lời công khai."))
    case.published_at = timezone.now()
    _move(
        case,
        CaseState.PUBLISHED,
        actor=actor,
        now=case.published_at,
        fields=["public_question", "public_answer", "published_at"],
    )
    return case


@transaction.atomic
def case_forward(*, case: Case, actor: User, forwarded_to: str, note: str = "") -> Case:
    """Chuyển cơ quan khác: the request belongs to another agency (e.g. a complaint, ND 20/2008)."""
    _require_actor(case, actor)
    case.forwarded_to = _require_text(forwarded_to, _("Phải nêu cơ quan được chuyển tới."))
    _move(case, CaseState.FORWARDED, actor=actor, note=note, fields=["forwarded_to"])
    return case


@transaction.atomic
def case_merge(*, case: Case, actor: User, into: Case, note: str = "") -> Case:
    """Trùng: the case repeats ``into``, which carries on; this one closes."""
    _require_actor(case, actor)
    _require_actor(into, actor)
    if into.pk == case.pk:
        raise CaseTransitionError(_("Không thể gộp hồ sơ vào chính nó."))
    if into.state == CaseState.MERGED:
        raise CaseTransitionError(_("Hồ sơ đích đã được gộp vào hồ sơ khác."))
    case.merged_into = into
    _move(case, CaseState.MERGED, actor=actor, note=note or into.tracking_code, fields=["merged_into"])
    return case


@transaction.atomic
def case_refuse(*, case: Case, actor: User, ground: str) -> Case:
    """Từ chối: refuse, stating the legal ground (e.g. Luật TCTT Điều 6, 7 or 28)."""
    _require_actor(case, actor)
    case.refusal_ground = _require_text(ground, _("Phải nêu căn cứ pháp lý của việc từ chối."))
    _move(case, CaseState.REFUSED, actor=actor, note=case.refusal_ground, fields=["refusal_ground"])
    return case


# --- roles and reminders -------------------------------------------------------------------------


@transaction.atomic
def case_roles_setup(*, handlers: Iterable[User] = (), coordinators: Iterable[User] = ()) -> None:
    """Create the two case groups (idempotent) and put the given people in them."""
    for role, people in ((HANDLER, handlers), (COORDINATOR, coordinators)):
        for user in people:
            user_assign_role(user=user, role=role)


def _reminder_body(user: User, overdue: list[Case], due_soon: list[Case]) -> str:
    lines = [_("Kính gửi %(name)s,") % {"name": user.get_full_name() or user.get_username()}, ""]
    for heading, cases in (
        (_("Hồ sơ đã quá hạn:"), overdue),
        (_("Hồ sơ sắp đến hạn:"), due_soon),
    ):
        if not cases:
            continue
        lines.append(heading)
        for case in cases:
            deadline = format_datetime(case.deadline_at) if case.deadline_at else "—"
            lines.append(
                _("- %(code)s — %(subject)s (hạn: %(deadline)s)")
                % {"code": case.tracking_code, "subject": case.subject, "deadline": deadline}
            )
        lines.append("")
    lines.append(_("Thư này được gửi tự động mỗi ngày từ %(site)s.") % {"site": settings.WAGTAIL_SITE_NAME})
    return "\n".join(lines)


def case_reminders_send(*, now: datetime | None = None, due_soon_days: int = 2) -> int:
    """Send each handler one email listing their units' overdue and due-soon cases; returns how many.

    Once a day: a handler already reminded on this Vietnam date is skipped, so a job run twice (a
    retried cron, two servers) sends nothing more. Sends outside any transaction, one message at a
    time: one failing mailbox must not undo or block the others, and only delivered ones are recorded.
    """
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    overdue = list(queries.cases_overdue(now=now))
    due_soon = list(queries.cases_due_soon(days=due_soon_days, now=now))
    if not overdue and not due_soon:
        return 0
    handlers = (
        User.objects.filter(is_active=True, groups__name=HANDLER.group_name, case_units__isnull=False)
        .exclude(email="")
        .exclude(pk__in=ReminderSent.objects.filter(day=today).values("user_id"))
        .prefetch_related("case_units")
        .distinct()
    )
    messages: list[tuple[User, EmailMessage]] = []
    for user in handlers:
        unit_ids = {unit.pk for unit in user.case_units.all()}
        mine_overdue = [c for c in overdue if c.unit_id in unit_ids]
        mine_due = [c for c in due_soon if c.unit_id in unit_ids]
        if not mine_overdue and not mine_due:
            continue
        subject = _("[%(site)s] %(overdue)s hồ sơ quá hạn, %(soon)s hồ sơ sắp đến hạn (%(day)s)") % {
            "site": settings.WAGTAIL_SITE_NAME,
            "overdue": len(mine_overdue),
            "soon": len(mine_due),
            "day": format_date(now),
        }
        body = _reminder_body(user, mine_overdue, mine_due)
        messages.append((user, EmailMessage(subject=subject, body=body, to=[user.email])))
    if not messages:
        return 0
    sent: list[ReminderSent] = []
    try:
        with get_connection() as connection:
            for user, message in messages:
                try:
                    delivered = connection.send_messages([message])
                except smtplib.SMTPRecipientsRefused:
                    logger.warning("Reminder to handler %s refused by the mail server", user.pk)
                    continue
                if delivered:
                    sent.append(ReminderSent(user=user, day=today, sent_at=timezone.now()))
    finally:
        ReminderSent.objects.bulk_create(sent, ignore_conflicts=True)
    return len(sent)
