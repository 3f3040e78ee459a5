"""Mail to requesters through an outbox: written with the case, sent after the commit, retried.

A submission writes its confirmation as a ``CaseEmail`` row in the same transaction as the case,
so nothing is mailed about a case that was never saved, and a mail server that is down loses
nothing: the row keeps its attempts and the time of its next try, and is sent by the task that
follows the commit or, later, by ``manage.py send_case_emails`` (run every few minutes).
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congtin.cases.models import Case, CaseEmail
from congtin.vietnamese.dates import format_datetime

logger = logging.getLogger(__name__)

# Minutes to wait after the n-th failed attempt; the last figure repeats until MAX_ATTEMPTS.
RETRY_MINUTES = (1, 5, 15, 60, 180, 360, 720)
MAX_ATTEMPTS = 12
# A sender claims a row for this long, so the task and the command never send it twice at once.
_LEASE = timedelta(minutes=5)


def lookup_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("cases:lookup")


def case_confirmation_queue(*, case: Case, to: str, name: str, kind_label: str) -> CaseEmail:
    """Write the confirmation with the tracking code to the outbox (inside the submitting transaction)."""
    now = timezone.now()
    lines = [
        _("Kính gửi %(name)s,") % {"name": name or _("ông/bà")},
        "",
        _("%(site)s đã tiếp nhận %(kind)s của ông/bà lúc %(at)s.")
        % {"site": settings.WAGTAIL_SITE_NAME, "kind": kind_label, "at": format_datetime(case.submitted_at)},
        _("Tiêu đề: %(subject)s") % {"subject": case.subject},
        "",
        _("Mã tra cứu: %(code)s") % {"code": case.tracking_code},
    ]
    if case.deadline_at:
        lines.append(_("Hạn giải quyết: %(deadline)s") % {"deadline": format_datetime(case.deadline_at)})
    lines += [
        "",
        _(
            "Để xem tình trạng xử lý và câu trả lời, vào %(url)s, nhập mã tra cứu cùng 4 số cuối số điện "
            "thoại hoặc địa chỉ thư điện tử đã khai. Hãy giữ kín mã tra cứu."
        )
        % {"url": lookup_url()},
        "",
        _("Thư này được gửi tự động; xin đừng trả lời thư này."),
    ]
    return CaseEmail.objects.create(
        case=case,
        to=to,
        subject=_("[%(site)s] Đã tiếp nhận: mã tra cứu %(code)s")
        % {"site": settings.WAGTAIL_SITE_NAME, "code": case.tracking_code},
        body="\n".join(lines),
        created_at=now,
        next_try_at=now,
    )


def _retry_delay(attempts: int) -> timedelta:
    return timedelta(minutes=RETRY_MINUTES[min(attempts, len(RETRY_MINUTES)) - 1])


def case_email_send(*, email_id: int, now: datetime | None = None) -> bool:
    """Try to send one outbox row now; True when it went out. Failures are recorded, never raised."""
    now = now or timezone.now()
    row = CaseEmail.objects.filter(pk=email_id, sent_at__isnull=True).first()
    if row is None or row.next_try_at is None or row.next_try_at > now or not row.to:
        return False
    # Claim the row (compare-and-set on its next try): a second sender finds it taken and skips it.
    claimed = CaseEmail.objects.filter(pk=row.pk, sent_at__isnull=True, next_try_at=row.next_try_at).update(
        next_try_at=now + _LEASE
    )
    if not claimed:
        return False
    message = EmailMessage(subject=row.subject, body=row.body, to=[row.to])
    attempts = row.attempts + 1
    try:
        with get_connection() as connection:
            connection.send_messages([message])
    except (OSError, smtplib.SMTPException) as exc:
        gave_up = attempts >= MAX_ATTEMPTS
        CaseEmail.objects.filter(pk=row.pk).update(
            attempts=attempts,
            last_error=f"{type(exc).__name__}: {exc}"[:300],
            next_try_at=None if gave_up else now + _retry_delay(attempts),
        )
        logger.warning("case email %s not sent (attempt %s): %s", row.pk, attempts, type(exc).__name__)
        return False
    CaseEmail.objects.filter(pk=row.pk).update(
        attempts=attempts, sent_at=now, next_try_at=None, last_error=""
    )
    return True


def case_emails_due(*, now: datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        CaseEmail.objects.filter(Q(next_try_at__lte=now), sent_at__isnull=True)
        .exclude(to="")
        .order_by("next_try_at", "pk")
        .values_list("pk", flat=True)
    )


def case_emails_send_due(*, now: datetime | None = None) -> tuple[int, int]:
    """Send every outbox row whose time has come; returns (sent, still waiting)."""
    sent = failed = 0
    for email_id in case_emails_due(now=now):
        if case_email_send(email_id=email_id, now=now):
            sent += 1
        else:
            failed += 1
    return sent, failed
