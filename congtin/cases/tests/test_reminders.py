"""The daily reminder email, sent over real SMTP to an aiosmtpd server the test starts."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from congtin.cases import services
from congtin.cases.choices import Channel
from congtin.cases.models import CaseType
from congtin.cases.tests.conftest import CasePeople, Clock
from congtin.cases.tests.factories import CaseTypeFactory
from congtin.cases.tests.intake_support import Inbox, MailServer, mail_server, mail_subject, mail_text

__all__ = ["mail_server"]  # the fixture, used by name

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(mail_server: MailServer) -> Iterator[Inbox]:
    """A running aiosmtpd server that Django's SMTP backend sends to; its inbox."""
    mail_server.start()
    yield mail_server.inbox


def _receive(case_type: CaseType, people: CasePeople, subject: str, *, unit: Any = None) -> None:
    case = services.case_receive(
        case_type=case_type, channel=Channel.WEB, subject=subject, content="Nội dung"
    )
    services.case_classify(case=case, actor=people.coordinator, unit=unit or people.unit)


def test_each_handler_gets_one_vietnamese_email_listing_overdue_and_due_soon_cases(
    smtp: Inbox, frozen: Clock, people: CasePeople
) -> None:
    short = CaseTypeFactory(code="ba-ngay", deadline_amount=3)
    frozen.set(2026, 3, 2, 9)
    _receive(short, people, "Hỏi về lịch tiếp công dân")  # due 5/3: overdue on 6/3
    frozen.set(2026, 3, 5, 9)
    _receive(short, people, "Đề nghị sửa biển báo")  # due 10/3: due soon on 6/3
    _receive(CaseTypeFactory(code="muoi-ngay", deadline_amount=10), people, "Không gấp")
    _receive(short, people, "Việc của Văn phòng", unit=people.other_unit)
    frozen.set(2026, 3, 6, 7)

    out = StringIO()
    call_command("send_case_reminders", stdout=out)

    assert "Đã gửi 3 thư nhắc" in out.getvalue()
    by_recipient = {rcpts[0]: message for rcpts, message in smtp.received}
    assert set(by_recipient) == {
        people.handler.email,
        people.colleague.email,
        people.other_handler.email,
    }
    message = by_recipient[people.handler.email]
    subject = mail_subject(message)
    assert "1 hồ sơ quá hạn, 1 hồ sơ sắp đến hạn (06/03/2026)" in subject
    body = mail_text(message)
    overdue_part, soon_part = body.split("Hồ sơ sắp đến hạn:")
    assert "Hồ sơ đã quá hạn:" in overdue_part and "Hỏi về lịch tiếp công dân" in overdue_part
    assert "Đề nghị sửa biển báo" in soon_part and "10/03/2026 23:59" in soon_part
    assert "Không gấp" not in body and "Việc của Văn phòng" not in body
    assert "Việc của Văn phòng" in mail_text(by_recipient[people.other_handler.email])


def test_no_email_when_nothing_is_late_or_due(smtp: Inbox, frozen: Clock, people: CasePeople) -> None:
    _receive(CaseTypeFactory(code="muoi-ngay", deadline_amount=10), people, "Không gấp")
    assert services.case_reminders_send() == 0
    assert smtp.received == []


def test_reminder_queries_do_not_grow_with_cases_or_handlers(
    frozen: Clock, people: CasePeople, django_assert_max_num_queries: Any
) -> None:
    short = CaseTypeFactory(code="ba-ngay", deadline_amount=3)
    frozen.set(2026, 3, 2, 9)
    for n in range(6):
        _receive(short, people, f"Hồ sơ {n}", unit=people.unit if n % 2 else people.other_unit)
    frozen.set(2026, 3, 6, 7)
    # Overdue, due soon, the holiday table, the handlers (less those reminded today) and their units,
    # and one insert recording who was reminded (the test mail backend is locmem).
    with django_assert_max_num_queries(6):
        assert services.case_reminders_send() == 3


def test_a_second_run_the_same_day_sends_nothing_and_the_next_day_reminds_again(
    smtp: Inbox, frozen: Clock, people: CasePeople
) -> None:
    short = CaseTypeFactory(code="ba-ngay", deadline_amount=3)
    frozen.set(2026, 3, 2, 9)
    _receive(short, people, "Hỏi về lịch tiếp công dân")
    frozen.set(2026, 3, 6, 7)
    first = services.case_reminders_send()
    frozen.set(2026, 3, 6, 16)  # the cron retried, or a second server ran the job
    again = services.case_reminders_send()
    frozen.set(2026, 3, 9, 7)  # Monday
    next_day = services.case_reminders_send()

    assert first == 2 and again == 0 and next_day == 2
    assert len(smtp.received) == 4
