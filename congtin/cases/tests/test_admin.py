"""The holiday calendar in Wagtail's admin: editing it re-times open cases."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from congtin.cases import clock, services
from congtin.cases.choices import Channel, HolidayKind
from congtin.cases.models import CaseType, Holiday
from congtin.cases.tests.conftest import Clock
from congtin.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_adding_a_holiday_in_the_admin_retimes_open_cases(
    client: Client, frozen: Clock, feedback_type: CaseType
) -> None:
    frozen.set(2026, 9, 7, 9)
    case = services.case_receive(
        case_type=feedback_type, channel=Channel.PHONE, subject="Hỏi lịch thu phí", content="Hỏi"
    )
    assert case.deadline_at is not None and clock.local_date(case.deadline_at) == date(2026, 9, 21)
    admin = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    client.force_login(admin)

    listing = client.get("/admin/snippets/cases/holiday/")
    assert listing.status_code == 200 and "Giỗ Tổ Hùng Vương" in listing.content.decode()
    response = client.post(
        "/admin/snippets/cases/holiday/add/",
        {"date": "08/09/2026", "name": "Nghỉ bù (thông báo bổ sung)", "kind": HolidayKind.BRIDGE},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Holiday.objects.get(date=date(2026, 9, 8)).year == 2026
    case.refresh_from_db()
    assert clock.local_date(case.deadline_at) == date(2026, 9, 22)

    holiday = Holiday.objects.get(date=date(2026, 9, 8))
    response = client.post(f"/admin/snippets/cases/holiday/delete/{holiday.pk}/")
    assert response.status_code == 302
    case.refresh_from_db()
    assert clock.local_date(case.deadline_at) == date(2026, 9, 21)


def test_a_make_up_day_on_a_weekday_is_refused(client: Client) -> None:
    client.force_login(UserFactory(username="quantri", is_superuser=True, is_staff=True))
    response = client.post(
        "/admin/snippets/cases/holiday/add/",
        {"date": "09/09/2026", "name": "Làm bù", "kind": HolidayKind.MAKEUP},
    )
    assert response.status_code == 200
    assert "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật" in response.content.decode()


def test_moving_a_holiday_in_the_admin_retimes_open_cases(
    client: Client, frozen: Clock, feedback_type: CaseType
) -> None:
    frozen.set(2026, 9, 7, 9)
    case = services.case_receive(case_type=feedback_type, channel=Channel.WEB, subject="Hỏi", content="Hỏi")
    holiday = Holiday.objects.create(date=date(2026, 10, 5), name="Nghỉ", kind=HolidayKind.BRIDGE, year=2026)
    client.force_login(UserFactory(username="quantri", is_superuser=True, is_staff=True))
    response = client.post(
        f"/admin/snippets/cases/holiday/edit/{holiday.pk}/",
        {"date": "10/09/2026", "name": "Nghỉ", "kind": HolidayKind.BRIDGE},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert clock.local_date(case.deadline_at) == date(2026, 9, 22)
