"""The confirmation mail over real SMTP: sent after the commit, kept and retried while the server is down."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from conftest import SiteTree
from congtin.cases.emails import case_email_send
from congtin.cases.models import Case, CaseEmail
from congtin.cases.tests.conftest import Clock
from congtin.cases.tests.intake_support import MailServer, case_files, mail_server, mail_subject, mail_text
from congtin.cases.tests.test_intake import feedback

pytestmark = pytest.mark.django_db
__all__ = ["case_files", "mail_server"]


def _submit(client: Client, on_commit: Any, **overrides: Any) -> Case:
    with on_commit(execute=True):
        assert client.post("/gui-phan-anh/", feedback(**overrides)).status_code == 302
    return Case.objects.latest("pk")


def test_the_confirmation_reaches_a_real_mail_server_with_the_code_and_how_to_look_up(
    client: Client,
    site_tree: SiteTree,
    case_files: Any,
    mail_server: MailServer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    mail_server.start()
    case = _submit(client, django_capture_on_commit_callbacks)
    [(recipients, message)] = mail_server.inbox.received
    assert recipients == ["an.nguyen@example.test"]
    assert case.tracking_code in mail_subject(message)
    body = mail_text(message)
    assert f"Mã tra cứu: {case.tracking_code}" in body and "http://testserver/tra-cuu-ho-so/" in body
    assert "Kính gửi Nguyễn Văn An" in body and "4 số cuối số điện thoại" in body
    row = CaseEmail.objects.get(case=case)
    assert row.sent_at is not None and row.attempts == 1


def test_with_smtp_down_the_case_is_saved_and_the_mail_is_retried_once_the_server_is_back(
    client: Client,
    site_tree: SiteTree,
    case_files: Any,
    mail_server: MailServer,
    frozen: Clock,
    django_capture_on_commit_callbacks: Any,
) -> None:
    submitted = frozen.set(2026, 3, 2, 9, 0)
    case = _submit(client, django_capture_on_commit_callbacks)  # nothing listens on the port
    row = CaseEmail.objects.get(case=case)
    assert (row.sent_at, row.attempts) == (None, 1)
    assert row.next_try_at == submitted + timedelta(minutes=1)
    assert "ConnectionRefusedError" in row.last_error
    assert Case.objects.filter(pk=case.pk, contact__email="an.nguyen@example.test").exists()

    # Still down a minute later: a second failure waits longer.
    frozen.set(2026, 3, 2, 9, 1)
    out = StringIO()
    call_command("send_case_emails", stdout=out)
    assert "Đã gửi 0 thư; 1 thư chưa gửi được" in out.getvalue()
    row.refresh_from_db()
    assert row.attempts == 2 and row.next_try_at == frozen.now + timedelta(minutes=5)

    mail_server.start()
    frozen.set(2026, 3, 2, 9, 3)  # before the next try: nothing is sent yet
    call_command("send_case_emails", stdout=StringIO())
    assert mail_server.inbox.received == []

    frozen.set(2026, 3, 2, 9, 7)
    out = StringIO()
    call_command("send_case_emails", stdout=out)
    assert "Đã gửi 1 thư; 0 thư chưa gửi được" in out.getvalue()
    [(recipients, message)] = mail_server.inbox.received
    assert recipients == ["an.nguyen@example.test"] and case.tracking_code in mail_text(message)
    row.refresh_from_db()
    assert row.sent_at == frozen.now and row.attempts == 3 and row.last_error == ""

    # Sent once: running again sends nothing more.
    call_command("send_case_emails", stdout=StringIO())
    assert len(mail_server.inbox.received) == 1


def test_a_row_being_sent_by_one_sender_is_not_sent_by_another(
    client: Client,
    site_tree: SiteTree,
    case_files: Any,
    mail_server: MailServer,
    frozen: Clock,
    django_capture_on_commit_callbacks: Any,
) -> None:
    case = _submit(client, django_capture_on_commit_callbacks)
    row = CaseEmail.objects.get(case=case)
    mail_server.start()
    frozen.now = row.next_try_at
    # Another sender claimed the row a moment ago (its lease moved the next try).
    CaseEmail.objects.filter(pk=row.pk).update(next_try_at=frozen.now + timedelta(minutes=5))
    assert case_email_send(email_id=row.pk) is False
    assert mail_server.inbox.received == []


def test_no_mail_is_queued_for_a_sender_who_left_only_a_phone(
    client: Client, site_tree: SiteTree, case_files: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _submit(client, django_capture_on_commit_callbacks, email="")
    assert not CaseEmail.objects.exists()
