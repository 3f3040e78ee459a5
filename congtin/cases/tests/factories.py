from __future__ import annotations

from datetime import date as date_
from datetime import datetime

import factory

from congtin.cases import clock
from congtin.cases.choices import CaseState, Channel, HolidayKind
from congtin.cases.codes import generate_tracking_code
from congtin.cases.models import Case, CaseContact, CaseEvent, CaseType, Holiday, Unit


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Phòng nghiệp vụ {n}")
    code = factory.Sequence(lambda n: f"phong-{n}")


class CaseTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"loai-{n}")
    name = factory.Sequence(lambda n: f"Loại hồ sơ {n}")
    deadline_amount = 10
    max_extension_days = 15


class CaseFactory(factory.django.DjangoModelFactory):
    """A bare case row; tests of behaviour create cases through ``services.case_receive`` instead."""

    class Meta:
        model = Case

    case_type = factory.SubFactory(CaseTypeFactory)
    tracking_code = factory.LazyFunction(generate_tracking_code)
    state = CaseState.RECEIVED
    channel = Channel.WEB
    subject = factory.Sequence(lambda n: f"Đề nghị cung cấp thông tin số {n}")
    content = "Đề nghị cơ quan cung cấp kế hoạch đầu tư công năm 2026."
    submitted_at = datetime(2026, 3, 2, 9, 0, tzinfo=clock.VIETNAM_TZ)


class CaseContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseContact

    case = factory.SubFactory(CaseFactory)
    name = "Trần Thị Bình"
    email = "binh@example.test"


class CaseEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseEvent

    case = factory.SubFactory(CaseFactory)
    at = factory.LazyAttribute(lambda e: e.case.submitted_at)
    to_state = CaseState.RECEIVED


class HolidayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Holiday
        django_get_or_create = ("date",)

    date = factory.Sequence(lambda n: date_(2030, 1, 1 + n % 28))
    name = "Ngày nghỉ"
    kind = HolidayKind.HOLIDAY
    year = factory.LazyAttribute(lambda h: h.date.year)
