"""People and a settable clock for the case tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from unittest import mock

import pytest

from congtin.cases import clock
from congtin.cases.models import CaseType, Unit
from congtin.cases.services import case_roles_setup
from congtin.cases.tests.factories import UnitFactory
from congtin.users.models import User
from congtin.users.tests.factories import UserFactory


@dataclass
class CasePeople:
    coordinator: User
    handler: User
    colleague: User
    other_handler: User
    outsider: User
    unit: Unit
    other_unit: Unit


@pytest.fixture
def people(db: None) -> CasePeople:
    unit = UnitFactory(name="Phòng Kế hoạch - Tài chính", code="ke-hoach")
    other_unit = UnitFactory(name="Văn phòng", code="van-phong")
    coordinator = UserFactory(username="dieuphoi")
    handler = UserFactory(username="canbo")
    colleague = UserFactory(username="dongnghiep")
    other_handler = UserFactory(username="canbo_khac")
    outsider = UserFactory(username="nguoingoai")
    case_roles_setup(handlers=[handler, colleague, other_handler], coordinators=[coordinator])
    unit.members.add(handler, colleague)
    other_unit.members.add(other_handler)
    return CasePeople(coordinator, handler, colleague, other_handler, outsider, unit, other_unit)


class Clock:
    """Sets what ``django.utils.timezone.now`` returns, in Vietnam time."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=clock.VIETNAM_TZ)

    def set(self, *args: int) -> datetime:
        self.now = datetime(*args, tzinfo=clock.VIETNAM_TZ)
        return self.now


@pytest.fixture
def frozen() -> Iterator[Clock]:
    state = Clock()
    with mock.patch("django.utils.timezone.now", side_effect=lambda: state.now):
        yield state


@pytest.fixture
def complex_request(db: None) -> CaseType:
    """Luật TCTT Điều 31: notify within 3, answer within 15, extend once by up to 15 working days."""
    return CaseType.objects.get(code="tctt-phuc-tap")


@pytest.fixture
def feedback_type(db: None) -> CaseType:
    return CaseType.objects.get(code="phan-anh-kien-nghi")
