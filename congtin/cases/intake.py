"""Taking in a case from the public forms: one transaction, then the confirmation mail.

``case_submit`` writes the case, its contact, the information-request details, the attachments and
the confirmation in the outbox, all or nothing; the mail goes out only after the commit
(``transaction.on_commit``), so a mail server that is down never loses a case and a database that
is down never sends a mail about a case that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from congtin.cases import emails
from congtin.cases.choices import Channel
from congtin.cases.models import AttachmentPurpose, Case, CaseRequestDetails, CaseType
from congtin.cases.services import ContactData, case_receive
from congtin.cases.uploads import case_attach_file
from congtin.documents.models import Field

FEEDBACK = "feedback"
INFORMATION_REQUEST = "information_request"
# The case type a web submission starts as; the coordinator corrects it when classifying
# (e.g. a simple information request that turns out complex, Luật TCTT Điều 31).
CASE_TYPE_CODES = {FEEDBACK: "phan-anh-kien-nghi", INFORMATION_REQUEST: "tctt-don-gian"}


def consent_purpose(kind: str) -> str:
    """The purpose of processing the requester agrees to, stored with their consent."""
    if kind == INFORMATION_REQUEST:
        return _(
            "Tiếp nhận, giải quyết yêu cầu cung cấp thông tin theo Luật Tiếp cận thông tin và gửi kết quả "
            "cho người yêu cầu; xoá sau thời hạn lưu giữ."
        )
    return _(
        "Tiếp nhận, xử lý, trả lời phản ánh, kiến nghị và thông báo kết quả cho người gửi; xoá sau thời hạn "
        "lưu giữ."
    )


def kind_label(kind: str) -> str:
    return _("yêu cầu cung cấp thông tin") if kind == INFORMATION_REQUEST else _("phản ánh, kiến nghị")


@dataclass(frozen=True)
class RequestDetails:
    id_number: str
    purpose: str
    delivery_form: str
    delivery_method: str
    copies: int


@dataclass(frozen=True)
class Submission:
    kind: str
    subject: str
    content: str
    contact: ContactData
    field: Field | None = None
    details: RequestDetails | None = None
    files: list[Any] = dc_field(default_factory=list)


def case_submit(*, submission: Submission) -> Case:
    """Save a public submission and queue its confirmation; returns the case (with its tracking code).

    Raises ``ValidationError`` for a refused attachment (nothing is saved then) and lets database
    errors through for the view to answer 503; files already written are deleted in both cases.
    """
    case_type = CaseType.objects.get(code=CASE_TYPE_CODES[submission.kind])
    written: list[Any] = []
    try:
        with transaction.atomic():
            case = case_receive(
                case_type=case_type,
                channel=Channel.WEB,
                subject=submission.subject,
                content=submission.content,
                contact=submission.contact,
            )
            if submission.field is not None:
                case.field = submission.field
                case.save(update_fields=["field"])
            if submission.details is not None:
                d = submission.details
                CaseRequestDetails.objects.create(
                    case=case,
                    id_number=d.id_number,
                    purpose=d.purpose,
                    delivery_form=d.delivery_form,
                    delivery_method=d.delivery_method,
                    copies=d.copies,
                )
            for uploaded in submission.files:
                attachment = case_attach_file(case, uploaded, purpose=AttachmentPurpose.SUBMISSION, by=None)
                written.append(attachment.file)
            if submission.contact.email:
                outgoing = emails.case_confirmation_queue(
                    case=case,
                    to=submission.contact.email,
                    name=submission.contact.name,
                    kind_label=kind_label(submission.kind),
                )
                transaction.on_commit(lambda: _send_after_commit(outgoing.pk))
    except BaseException:
        for stored in written:
            stored.storage.delete(stored.name)
        raise
    return case


def _send_after_commit(email_id: int) -> None:
    from congtin.cases.tasks import case_email_send_task

    try:
        case_email_send_task.enqueue(email_id)
    except Exception:
        emails.logger.exception("could not enqueue case email %s", email_id)
