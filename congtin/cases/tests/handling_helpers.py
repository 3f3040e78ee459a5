"""Cases at the points of their life the handling tests start from."""

from __future__ import annotations

from congtin.cases import services
from congtin.cases.choices import Channel
from congtin.cases.models import Case, CaseType, Unit
from congtin.cases.services import ContactData
from congtin.cases.tests.conftest import CasePeople
from congtin.documents.models import Field

LETTER = (
    "Tôi tên là Nguyễn Văn An, ở số 12 ngõ 34 phố Láng Hạ, phường Láng, số điện thoại 0912 345 678, "
    "email an.nguyen@example.test. Đề nghị phường sớm khắc phục tình trạng ngập nước kéo dài tại ngõ 34 "
    "sau mỗi trận mưa lớn, nước ngập sâu nửa mét, xe máy chết máy."
)
ANSWER = (
    "Ủy ban nhân dân phường đã giao đơn vị thoát nước nạo vét cống ngõ 34 trong tháng 10; "
    "ông Nguyễn Văn An có thể liên hệ bộ phận một cửa để biết thêm."
)


def received(
    case_type: CaseType,
    *,
    subject: str = "Ngập nước tại ngõ 34 phố Láng Hạ",
    content: str = LETTER,
    contact: ContactData | None = None,
) -> Case:
    return services.case_receive(
        case_type=case_type,
        channel=Channel.WEB,
        subject=subject,
        content=content,
        contact=contact
        or ContactData(
            name="Nguyễn Văn An",
            phone="0912 345 678",
            email="an.nguyen@example.test",
            consent_purpose="Trả lời phản ánh",
        ),
    )


def in_unit(case_type: CaseType, people: CasePeople, unit: Unit | None = None, **kwargs: object) -> Case:
    case = received(case_type, **kwargs)  # type: ignore[arg-type]
    return services.case_classify(case=case, actor=people.coordinator, unit=unit or people.unit)


def answered(
    case_type: CaseType,
    people: CasePeople,
    *,
    field: Field | None = None,
    answer: str = ANSWER,
    **kwargs: object,
) -> Case:
    case = in_unit(case_type, people, **kwargs)
    if field is not None:
        case.field = field
        case.save(update_fields=["field"])
    services.case_assign(case=case, actor=people.coordinator, assignee=people.handler)
    services.case_start(case=case, actor=people.handler)
    return services.case_answer(case=case, actor=people.handler, answer=answer)
