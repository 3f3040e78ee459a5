"""Background work for cases. Tasks take ids, never objects: they re-read the database."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import default_task_backend, task

from congtin.cases import emails
from congtin.cases.models import CaseEmail


@task()
def case_email_send_task(email_id: int) -> None:
    """Send one outbox row; when it fails and the backend can wait, try again at its next try time.

    The immediate backend (development, tests) cannot wait: there ``send_case_emails`` retries.
    """
    if emails.case_email_send(email_id=email_id):
        return
    row = CaseEmail.objects.filter(pk=email_id, sent_at__isnull=True).first()
    if row is not None and row.next_try_at is not None and default_task_backend.supports_defer:
        case_email_send_task.using(run_after=max(row.next_try_at, timezone.now())).enqueue(email_id)
