"""The requester's rights over their data, and its erasure when it is no longer needed.

Law 91/2025/QH15 on personal data protection and Decree 13/2023/NĐ-CP: a requester who proves
they hold the case (tracking code and second factor) can look it up, take a copy of their data
and have it erased; and personal data of cases closed longer than ``CONGTIN_CASE_RETENTION_DAYS``
is erased by ``manage.py erase_expired_case_data``. Erasure keeps what the statistics need
(type, state, dates, field, unit, channel) and the history, without personal data.
"""

from __future__ import annotations

import hmac
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from congtin.cases.choices import CLOSED_STATES, EventKind
from congtin.cases.models import AttachmentPurpose, Case, CaseContact, CaseEvent
from congtin.vietnamese import mask_pii

ERASED_BY_REQUEST = "request"
ERASED_BY_RETENTION = "retention"
# Compared against when a case has no such contact detail, so every lookup does the same work.
_NOTHING = "\x00no-factor\x00"


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def _contact(case: Case) -> CaseContact | None:
    try:
        return case.contact
    except CaseContact.DoesNotExist:
        return None


def case_find_for_requester(*, code: str, factor: str) -> Case | None:
    """The case with tracking code ``code`` if ``factor`` is the last 4 digits of its phone or its email.

    One query and the same comparisons whether the code exists or not, so a wrong code and a wrong
    factor cannot be told apart. Erased contact details match nothing.
    """
    case = (
        Case.objects.select_related("contact", "case_type", "field", "request_details")
        .filter(tracking_code=code)
        .first()
    )
    contact = _contact(case) if case is not None else None
    phone_digits = _digits(contact.phone) if contact and not contact.erased_at else ""
    email = contact.email.lower() if contact and not contact.erased_at else ""
    typed = factor.strip().lower()
    typed_digits = _digits(typed) if typed.replace(" ", "").replace(".", "").isdigit() else ""
    by_phone = hmac.compare_digest(
        typed_digits.encode() or b"-", (phone_digits[-4:] if len(phone_digits) >= 4 else _NOTHING).encode()
    )
    by_email = hmac.compare_digest(typed.encode(), (email or _NOTHING).encode())
    return case if (by_phone or by_email) and case is not None else None


def _iso(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def case_personal_data(*, case: Case) -> dict[str, Any]:
    """Everything the agency holds about the requester in this case, for the copy they download."""
    contact = _contact(case)
    details = getattr(case, "request_details", None)
    return {
        "tracking_code": case.tracking_code,
        "case_type": case.case_type.name,
        "state": case.get_state_display(),
        "channel": case.get_channel_display(),
        "submitted_at": _iso(case.submitted_at),
        "deadline_at": _iso(case.deadline_at),
        "closed_at": _iso(case.closed_at),
        "field": case.field.name if case.field else None,
        "subject": case.subject,
        "content": case.content,
        "contact": None
        if contact is None
        else {
            "name": contact.name,
            "phone": contact.phone,
            "email": contact.email,
            "address": contact.address,
            "consent_at": _iso(contact.consent_at),
            "consent_purpose": contact.consent_purpose,
            "erased_at": _iso(contact.erased_at),
        },
        "information_request": None
        if details is None
        else {
            "id_number": details.id_number,
            "purpose": details.purpose,
            "delivery_form": details.get_delivery_form_display(),
            "delivery_method": details.get_delivery_method_display(),
            "copies": details.copies,
        },
        "attachments": [
            {
                "name": a.original_name,
                "purpose": a.get_purpose_display(),
                "content_type": a.content_type,
                "size": a.size,
                "sha256": a.sha256,
                "uploaded_at": _iso(a.uploaded_at),
                "erased_at": _iso(a.erased_at),
            }
            for a in case.attachments.all()
        ],
        "answer": case.answer if case.answered_at else None,
        "answered_at": _iso(case.answered_at),
        "emails": [
            {"to": e.to, "subject": e.subject, "sent_at": _iso(e.sent_at), "created_at": _iso(e.created_at)}
            for e in case.emails.all()
        ],
        "history": [
            {"at": _iso(e.at), "from": e.get_from_state_display(), "to": e.get_to_state_display()}
            for e in case.events.filter(kind=EventKind.TRANSITION)
        ],
        "retention": _(
            "Dữ liệu cá nhân được xoá %(days)s ngày sau khi hồ sơ kết thúc, hoặc ngay khi người gửi yêu cầu."
        )
        % {"days": settings.CONGTIN_CASE_RETENTION_DAYS},
    }


@transaction.atomic
def case_erase_personal_data(*, case: Case, reason: str, now: datetime | None = None) -> bool:
    """Erase the requester's personal data from ``case``; False when there was nothing left to erase.

    Blanks the contact (keeping when consent was given and for what, as proof it was lawful), the
    identity number and purpose of an information request, the files the requester sent, the
    addresses and bodies of mails to them; masks personal data (names, numbers, addresses) in the
    subject, content and answer. Keeps the type, state, dates, field, unit and history, and records
    the erasure as a case event without any personal data.
    """
    now = now or timezone.now()
    case = Case.objects.select_for_update().get(pk=case.pk)
    contact = CaseContact.objects.filter(case=case).first()
    names = [contact.name] if contact and contact.name else []
    changed = False
    if contact is not None and contact.erased_at is None:
        contact.name = contact.phone = contact.email = contact.address = ""
        contact.erased_at = now
        contact.save(update_fields=["name", "phone", "email", "address", "erased_at"])
        changed = True
    details = getattr(case, "request_details", None)
    if details is not None and (details.id_number or details.purpose):
        details.id_number, details.purpose = "", ""
        details.save(update_fields=["id_number", "purpose"])
        changed = True
    for attachment in case.attachments.filter(purpose=AttachmentPurpose.SUBMISSION, erased_at__isnull=True):
        if attachment.file:
            attachment.file.storage.delete(str(attachment.file.name))
        attachment.file = ""
        attachment.original_name = ""
        attachment.erased_at = now
        attachment.save(update_fields=["file", "original_name", "erased_at"])
        changed = True
    if case.emails.exclude(to="", body="").update(to="", body="", next_try_at=None):
        changed = True
    masked = {
        "subject": mask_pii(case.subject, known_names=names)[:300],
        "content": mask_pii(case.content, known_names=names),
        "answer": mask_pii(case.answer, known_names=names) if case.answer else "",
    }
    if any(getattr(case, key) != value for key, value in masked.items()):
        for key, value in masked.items():
            setattr(case, key, value)
        case.save(update_fields=list(masked))
        changed = True
    if changed:
        note = (
            _("Đã xoá dữ liệu cá nhân theo yêu cầu của người gửi.")
            if reason == ERASED_BY_REQUEST
            else _("Đã xoá dữ liệu cá nhân do hết thời hạn lưu giữ.")
        )
        CaseEvent.objects.create(
            case=case, kind=EventKind.NOTE, at=now, from_state=case.state, to_state=case.state, note=note
        )
    return changed


def cases_with_expired_personal_data(*, now: datetime | None = None) -> Any:
    """Closed cases past the retention period that still hold personal data."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.CONGTIN_CASE_RETENTION_DAYS)
    holding = Q(contact__isnull=False, contact__erased_at__isnull=True) | Q(
        attachments__purpose=AttachmentPurpose.SUBMISSION, attachments__erased_at__isnull=True
    )
    return Case.objects.filter(holding, state__in=CLOSED_STATES, closed_at__lte=cutoff).distinct()


def erase_expired_case_data(*, now: datetime | None = None) -> int:
    """Erase the personal data of every case closed longer than the retention period; returns how many."""
    now = now or timezone.now()
    erased = 0
    for case_id in list(cases_with_expired_personal_data(now=now).values_list("pk", flat=True)):
        if case_erase_personal_data(case=Case(pk=case_id), reason=ERASED_BY_RETENTION, now=now):
            erased += 1
    return erased
