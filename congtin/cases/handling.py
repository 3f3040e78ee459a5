"""Writes of the handling work in the admin: notes, transfers, bulk assignment, answer templates,
merging duplicates and publishing answers as "Hỏi đáp".

The state moves themselves stay in ``services`` (one function per transition); what is here
combines them, records on the cases what a transition alone does not say, and keeps the public
Q&A (``QuestionAnswer``) in step with the search index.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from congtin.cases import services
from congtin.cases.choices import CLOSED_STATES, CaseState, EventKind
from congtin.cases.models import (
    AnswerTemplate,
    AttachmentPurpose,
    Case,
    CaseAttachment,
    CaseEvent,
    CaseNote,
    QuestionAnswer,
    Unit,
)
from congtin.cases.services import CaseTransitionError
from congtin.cases.uploads import case_attach_file, check_total_size
from congtin.documents.models import Field
from congtin.users.models import User
from congtin.vietnamese.dates import format_date
from congtin.vietnamese.text import fold, nfc

NOTE_LOG_ACTION = "congtin.case.note"
TRANSFER_LOG_ACTION = "congtin.case.transfer"
QA_PUBLISH_LOG_ACTION = "congtin.case.qa_publish"
QA_WITHDRAW_LOG_ACTION = "congtin.case.qa_withdraw"


# --- answer templates ------------------------------------------------------------------------------

TEMPLATE_PLACEHOLDERS = (
    "ma_tra_cuu",
    "ngay_tiep_nhan",
    "ngay_tra_loi",
    "tieu_de",
    "don_vi",
    "linh_vuc",
    "can_bo",
    "loai_ho_so",
)


def template_placeholder_errors(body: str) -> list[str]:
    """The placeholders of ``body`` that are not known, or the whole body when its braces do not parse."""
    try:
        names = [name for _text, name, _spec, _conv in string.Formatter().parse(body) if name is not None]
    except ValueError:
        return [_("dấu ngoặc { } không khớp")]
    return sorted({f"{{{name}}}" for name in names if name not in TEMPLATE_PLACEHOLDERS})


def answer_template_fill(
    *, template: AnswerTemplate, case: Case, actor: User, now: datetime | None = None
) -> str:
    """The template's text with this case's values in its placeholders (a draft the handler edits)."""
    values = {
        "ma_tra_cuu": case.tracking_code,
        "ngay_tiep_nhan": format_date(case.submitted_at),
        "ngay_tra_loi": format_date(now or timezone.now()),
        "tieu_de": case.subject,
        "don_vi": case.unit.name if case.unit is not None else "",
        "linh_vuc": case.field.name if case.field is not None else "",
        "can_bo": actor.get_full_name() or actor.get_username(),
        "loai_ho_so": case.case_type.name,
    }
    if template_placeholder_errors(template.body):
        # A template saved before a placeholder was renamed: leave unknown ones as typed.
        return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template.body)
    return nfc(template.body.format(**values))


# --- notes and transfers ---------------------------------------------------------------------------


def case_answer_with_files(*, case: Case, actor: User, answer: str, files: Sequence[Any] = ()) -> Case:
    """Answer a case and attach files to the answer, all or nothing.

    Files are checked and stored first (``uploads.case_attach_file``, purpose answer); if a file is
    refused or the answer cannot be recorded, nothing is kept: no rows, and the stored files deleted.
    The requester downloads them from the lookup page once the case is answered.
    """
    check_total_size(list(files))
    stored: list[CaseAttachment] = []
    try:
        with transaction.atomic():
            for item in files:
                stored.append(case_attach_file(case, item, purpose=AttachmentPurpose.ANSWER, by=actor))
            return services.case_answer(case=case, actor=actor, answer=answer)
    except Exception:
        for attachment in stored:
            attachment.file.storage.delete(str(attachment.file.name))
        raise


@transaction.atomic
def case_add_note(*, case: Case, actor: User, text: str) -> CaseNote:
    """Ghi chú nội bộ: for the people handling the case only; never shown to the requester or the public."""
    services._require_actor(case, actor)
    text = nfc(text.strip())
    if not text:
        raise CaseTransitionError(_("Ghi chú không được để trống."))
    note = CaseNote.objects.create(case=case, author=actor, created_at=timezone.now(), text=text)
    log(instance=case, action=NOTE_LOG_ACTION, user=actor, data={})
    return note


def _record(case: Case, actor: User | None, note: str, *, now: datetime | None = None) -> CaseEvent:
    """A line in the case's history that is not a change of state."""
    return CaseEvent.objects.create(
        case=case,
        kind=EventKind.NOTE,
        actor=actor,
        at=now or timezone.now(),
        from_state=case.state,
        to_state=case.state,
        note=note,
    )


@transaction.atomic
def case_transfer(*, case: Case, actor: User, unit: Unit, field: Field | None = None, note: str = "") -> Case:
    """Give the case to another unit (coordinators): a received case is classified (with ``field``, or
    the one it has), a classified or assigned one changes unit and loses an assignee not in the new unit."""
    services._require_coordinator(actor)
    if case.state in CLOSED_STATES or case.state == CaseState.CLARIFICATION:
        raise CaseTransitionError(
            _("Hồ sơ %(code)s ở trạng thái “%(state)s”: không chuyển đơn vị được.")
            % {"code": case.tracking_code, "state": case.get_state_display()}
        )
    if case.state == CaseState.RECEIVED:
        return services.case_classify(case=case, actor=actor, unit=unit, field=field or case.field, note=note)
    if case.unit_id == unit.pk:
        return case
    before = case.unit.name if case.unit is not None else "—"
    case.unit = unit
    fields = ["unit"]
    if case.assignee_id and not unit.members.filter(pk=case.assignee_id).exists():
        case.assignee = None
        fields.append("assignee")
    case.save(update_fields=fields)
    text = _("Chuyển đơn vị xử lý: %(before)s → %(after)s.") % {"before": before, "after": unit.name}
    _record(case, actor, f"{text} {note}".strip())
    log(instance=case, action=TRANSFER_LOG_ACTION, user=actor, data={"note": text})
    return case


@dataclass(frozen=True)
class BulkAssignResult:
    transferred: int
    assigned: int


@transaction.atomic
def cases_bulk_assign(
    *,
    cases: Sequence[Case],
    actor: User,
    unit: Unit | None = None,
    assignee: User | None = None,
    note: str = "",
) -> BulkAssignResult:
    """Give several cases to a unit and/or a handler in one action, all or nothing.

    Each case goes through the same services as one at a time (so each is permission-checked and
    gets its own history line); if one cannot move, none does, and the error names it.
    """
    if unit is None and assignee is None:
        raise CaseTransitionError(_("Hãy chọn đơn vị hoặc cán bộ xử lý."))
    transferred = assigned = 0
    for case in cases:
        try:
            if (unit is not None and case.unit_id != unit.pk) or (
                unit is not None and case.state == CaseState.RECEIVED
            ):
                case_transfer(case=case, actor=actor, unit=unit, note=note)
                transferred += 1
            if assignee is not None:
                services.case_assign(case=case, actor=actor, assignee=assignee, note=note)
                assigned += 1
        except CaseTransitionError as error:
            raise CaseTransitionError(
                _("Hồ sơ %(code)s: %(error)s") % {"code": case.tracking_code, "error": error}
            ) from error
    return BulkAssignResult(transferred, assigned)


# --- duplicates ------------------------------------------------------------------------------------


@transaction.atomic
def case_merge_duplicate(*, case: Case, into: Case, actor: User, note: str = "") -> Case:
    """Trùng: close ``case`` as a repeat of ``into``, and say so in both histories."""
    services.case_merge(case=case, actor=actor, into=into, note=note or into.tracking_code)
    _record(
        into,
        actor,
        _("Hồ sơ %(code)s trùng nội dung, đã gộp vào hồ sơ này.") % {"code": case.tracking_code},
    )
    return case


# --- published answers (hỏi đáp) -------------------------------------------------------------------


@dataclass(frozen=True)
class QaText:
    """What the handler confirmed for one case: the public title, question and answer."""

    case: Case
    title: str
    question: str
    answer: str


def _leftover_contact(case: Case, texts: Iterable[str]) -> str | None:
    """The requester's own phone, e-mail or name if still in the text (the masking was undone)."""
    contact = getattr(case, "contact", None)
    if contact is None or contact.erased_at is not None:
        return None
    joined = fold(" ".join(texts))
    digits = re.sub(r"\D", "", " ".join(texts))
    phone = re.sub(r"\D", "", contact.phone)
    if len(phone) >= 8 and phone[-8:] in digits:
        return _("số điện thoại của người gửi")
    if contact.email and fold(contact.email) in joined:
        return _("thư điện tử của người gửi")
    name = fold(contact.name.strip())
    if len(name.split()) >= 2 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", joined):
        return _("họ tên người gửi")
    return None


def _clean_qa(item: QaText) -> tuple[str, str, str]:
    title = nfc(item.title.strip())
    question = nfc(item.question.strip())
    answer = nfc(item.answer.strip())
    if not title or not question or not answer:
        raise CaseTransitionError(
            _("Hồ sơ %(code)s: phải có tiêu đề, câu hỏi và câu trả lời công khai.")
            % {"code": item.case.tracking_code}
        )
    leftover = _leftover_contact(item.case, (title, question, answer))
    if leftover:
        raise CaseTransitionError(
            _("Hồ sơ %(code)s: nội dung công khai vẫn còn %(what)s.")
            % {"code": item.case.tracking_code, "what": leftover}
        )
    return title, question, answer


def _schedule_index(qa: QuestionAnswer) -> None:
    from congtin.search.services import search_key, search_schedule_update

    search_schedule_update(search_key(qa))


@transaction.atomic
def qa_publish(*, item: QaText, actor: User, confirmed: bool) -> QuestionAnswer:
    """Công khai: publish the text the handler read and confirmed as a Hỏi đáp page.

    Refused unless ``confirmed``: the masking (``congtin.vietnamese.pii``) is an aid, and a person
    must have read what goes out. A withdrawn answer may be published again the same way.
    """
    if not confirmed:
        raise CaseTransitionError(
            _("Hồ sơ %(code)s: hãy đọc và xác nhận nội dung đã ẩn thông tin cá nhân trước khi công khai.")
            % {"code": item.case.tracking_code}
        )
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("case_type", "unit", "field")
        .get(pk=item.case.pk)
    )
    services._require_actor(case, actor)
    title, question, answer = _clean_qa(QaText(case, item.title, item.question, item.answer))
    existing = QuestionAnswer.objects.filter(case=case).first()
    now = timezone.now()
    if case.state == CaseState.ANSWERED:
        services.case_publish(case=case, actor=actor, public_question=question, public_answer=answer)
    elif case.state == CaseState.PUBLISHED and existing is not None and not existing.is_public:
        case.public_question, case.public_answer, case.published_at = question, answer, now
        case.save(update_fields=["public_question", "public_answer", "published_at"])
        _record(case, actor, _("Công khai lại câu trả lời."), now=now)
    else:
        raise CaseTransitionError(
            _("Hồ sơ %(code)s chưa được trả lời hoặc đã công khai.") % {"code": case.tracking_code}
        )
    answered = case.answered_at or now
    qa, _created = QuestionAnswer.objects.update_or_create(
        case=case,
        defaults={
            "title": title,
            "question": question,
            "answer": answer,
            "field": case.field,
            "asked_on": timezone.localdate(case.submitted_at),
            "answered_on": timezone.localdate(answered),
            "published_at": case.published_at or now,
            "confirmed_by": actor,
            "withdrawn_at": None,
            "withdrawal_reason": "",
        },
    )
    log(instance=case, action=QA_PUBLISH_LOG_ACTION, user=actor, data={"qa": qa.pk})
    _schedule_index(qa)
    return qa


@transaction.atomic
def qa_publish_batch(*, items: Sequence[QaText], actor: User, confirmed: bool) -> list[QuestionAnswer]:
    """Publish several confirmed answers in one action, all or nothing."""
    if not items:
        raise CaseTransitionError(_("Chưa chọn hồ sơ nào để công khai."))
    return [qa_publish(item=item, actor=actor, confirmed=confirmed) for item in items]


@transaction.atomic
def qa_withdraw(*, qa: QuestionAnswer, actor: User, reason: str) -> QuestionAnswer:
    """Rút công khai: the Q&A leaves the public pages and the search index at once; the case keeps it."""
    from congtin.search.services import search_key, search_remove

    case = qa.case
    if not case_may_withdraw(case=case, actor=actor):
        raise PermissionDenied(_("Bạn không có quyền rút câu trả lời này."))
    reason = reason.strip()
    if not reason:
        raise CaseTransitionError(_("Phải nêu lý do rút câu trả lời khỏi Hỏi đáp."))
    if not qa.is_public:
        raise CaseTransitionError(_("Câu trả lời này không còn công khai."))
    qa.withdrawn_at = timezone.now()
    qa.withdrawal_reason = nfc(reason)
    qa.save(update_fields=["withdrawn_at", "withdrawal_reason"])
    _record(
        case, actor, _("Rút khỏi Hỏi đáp: %(reason)s") % {"reason": qa.withdrawal_reason}, now=qa.withdrawn_at
    )
    log(instance=case, action=QA_WITHDRAW_LOG_ACTION, user=actor, data={"reason": qa.withdrawal_reason})
    search_remove(search_key(qa))
    return qa


def case_may_withdraw(*, case: Case, actor: User) -> bool:
    return services.case_can_act(case=case, user=actor)


__all__ = [
    "BulkAssignResult",
    "QaText",
    "answer_template_fill",
    "case_add_note",
    "case_merge_duplicate",
    "case_transfer",
    "cases_bulk_assign",
    "qa_publish",
    "qa_publish_batch",
    "qa_withdraw",
    "template_placeholder_errors",
]
