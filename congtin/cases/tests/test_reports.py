"""Tổng hợp kiến nghị: the figures on a hand-made set, unit scoping, exports and their privacy, the public page."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from congtin.cases import clock, services
from congtin.cases.choices import CaseState, Channel
from congtin.cases.models import Case, CaseExport, CaseType
from congtin.cases.reports import access
from congtin.cases.reports.services import EXPORT_LOG_ACTION
from congtin.cases.services import ContactData
from congtin.cases.tests.conftest import CasePeople, Clock
from congtin.cases.tests.factories import CaseFactory
from congtin.documents.models import Field
from congtin.users.models import User
from congtin.users.services import user_assign_role
from congtin.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/tong-hop-kien-nghi/"
EXPORT = "/admin/tong-hop-kien-nghi/xuat/"
PUBLIC = "/tong-hop-phan-anh-kien-nghi/"
PERIOD = "tu=2026-01-01&den=2026-03-31"
# What must never appear without the privilege: the requesters' contact details, their text, the codes.
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường"]
PHONE, EMAIL = "0912345678", "an.nguyen@example.test"


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@dataclass
class Book:
    """The hand-made set: seven cases of early 2026, four of them handled across Tết Bính Ngọ."""

    people: CasePeople
    land: Field
    traffic: Field
    cases: dict[str, Case]


def _vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=clock.VIETNAM_TZ)


def _handled(
    frozen: Clock,
    people: CasePeople,
    case_type: CaseType,
    *,
    received: tuple[int, ...],
    unit_of: str,
    field: Field,
    channel: Channel = Channel.WEB,
    name: str = "",
) -> Case:
    frozen.set(*received)
    case = services.case_receive(
        case_type=case_type,
        channel=channel,
        subject=f"Phản ánh của {name or 'người dân'} về {field.name.lower()}",
        content=f"Tôi là {name or 'người dân'}, số điện thoại {PHONE}, đề nghị xem xét.",
        contact=ContactData(name=name, phone=PHONE, email=EMAIL, consent_purpose="Trả lời phản ánh"),
    )
    unit = people.unit if unit_of == "unit" else people.other_unit
    services.case_classify(case=case, actor=people.coordinator, unit=unit, field=field)
    assignee = people.handler if unit_of == "unit" else people.other_handler
    services.case_assign(case=case, actor=people.coordinator, assignee=assignee)
    services.case_start(case=case, actor=assignee)
    return case


@pytest.fixture
def book(people: CasePeople, frozen: Clock, feedback_type: CaseType) -> Book:
    land = Field.objects.create(name="Đất đai", slug="dat-dai")
    traffic = Field.objects.create(name="Giao thông", slug="giao-thong")
    cases: dict[str, Case] = {}

    def answer(key: str, *at: int) -> None:
        frozen.set(*at)
        case = cases[key]
        actor = people.handler if case.unit == people.unit else people.other_handler
        services.case_answer(case=case, actor=actor, answer="Cơ quan đã xem xét và trả lời như sau.")

    # A: Thu 12/02 → Tue 24/02: Fri 13/02, [Tết 14–22/02], Mon 23, Tue 24 = 3 working days, on time.
    cases["A"] = _handled(
        frozen, people, feedback_type, received=(2026, 2, 12, 9), unit_of="unit", field=land, name=NAMES[0]
    )
    answer("A", 2026, 2, 24, 10)
    # B: Mon 02/03 → Mon 23/03 = 15 working days; the deadline (10) was Mon 16/03: late.
    cases["B"] = _handled(
        frozen,
        people,
        feedback_type,
        received=(2026, 3, 2, 9),
        unit_of="unit",
        field=traffic,
        channel=Channel.EMAIL,
        name=NAMES[1],
    )
    answer("B", 2026, 3, 23, 15)
    # C: Mon 02/02 → Fri 13/02 = 9 working days, on time.
    cases["C"] = _handled(
        frozen, people, feedback_type, received=(2026, 2, 2, 8), unit_of="other", field=land, name=NAMES[2]
    )
    answer("C", 2026, 2, 13, 16)
    # D: Tue 10/02 → Wed 25/02: 15 calendar days but 6 working days across Tết, on time.
    cases["D"] = _handled(
        frozen,
        people,
        feedback_type,
        received=(2026, 2, 10, 14),
        unit_of="other",
        field=land,
        channel=Channel.POST,
    )
    answer("D", 2026, 2, 25, 9)
    # F: refused two working days after receipt: counted, on time.
    cases["F"] = _handled(
        frozen, people, feedback_type, received=(2026, 3, 2, 10), unit_of="other", field=traffic
    )
    frozen.set(2026, 3, 4, 11)
    services.case_refuse(
        case=cases["F"], actor=people.other_handler, ground="Luật Tiếp cận thông tin, Điều 6"
    )
    # E: received 05/01, still being handled on 30/03: overdue.
    cases["E"] = _handled(
        frozen,
        people,
        feedback_type,
        received=(2026, 1, 5, 9),
        unit_of="unit",
        field=traffic,
        channel=Channel.PHONE,
    )
    # G: a duplicate of E, merged: closed, but no handling figures of its own.
    cases["G"] = _handled(
        frozen, people, feedback_type, received=(2026, 1, 6, 9), unit_of="unit", field=traffic
    )
    frozen.set(2026, 1, 7, 9)
    services.case_merge(case=cases["G"], actor=people.handler, into=cases["E"])
    frozen.set(2026, 3, 30, 9)
    for case in cases.values():
        case.refresh_from_db()
    return Book(people, land, traffic, cases)


def _figure(html: str, name: str) -> str:
    marker = f'data-figure="{name}">'
    start = html.index(marker) + len(marker)
    return html[start : html.index("<", start)]


# --- the stored figures --------------------------------------------------------------------------


def test_closing_stores_working_days_taken_across_tet_and_whether_it_was_on_time(book: Book) -> None:
    got = {key: (case.working_days_taken, case.on_time) for key, case in book.cases.items()}
    assert got == {
        "A": (3, True),
        "B": (15, False),
        "C": (9, True),
        "D": (6, True),
        "F": (2, True),
        "E": (None, None),
        "G": (None, None),
    }


def test_days_waiting_for_the_requester_are_not_counted_as_handling_time(
    people: CasePeople, frozen: Clock, feedback_type: CaseType
) -> None:
    field = Field.objects.create(name="Môi trường", slug="moi-truong")
    case = _handled(frozen, people, feedback_type, received=(2026, 3, 2, 9), unit_of="unit", field=field)
    frozen.set(2026, 3, 3, 9)
    services.case_request_clarification(
        case=case, actor=people.handler, note="Bổ sung địa chỉ nơi xảy ra vụ việc"
    )
    frozen.set(2026, 3, 5, 9)
    services.case_resume(case=case, actor=None)
    frozen.set(2026, 3, 6, 9)
    services.case_answer(case=case, actor=people.handler, answer="Đã trả lời.")
    case.refresh_from_db()
    # Tue 3, Wed 4 and Thu 5 were touched by the pause; only Fri 6 counts.
    assert (case.working_days_taken, case.on_time) == (1, True)


# --- the report screen ---------------------------------------------------------------------------


def test_leaders_report_counts_on_time_rate_and_working_days_of_the_hand_made_set(
    client: Client, book: Book
) -> None:
    client.force_login(book.people.coordinator)
    response = client.get(f"{REPORT}?{PERIOD}")
    assert response.status_code == 200
    html = response.content.decode()
    assert _figure(html, "total") == "7"
    # A, B, C, D and F are measured (G is a merged duplicate, E is open); B was late.
    assert _figure(html, "measured") == "5"
    assert _figure(html, "on-time-rate") == "80,0 %"
    assert _figure(html, "mean-days") == "7,0"  # (3 + 15 + 9 + 6 + 2) / 5
    assert _figure(html, "median-days") == "6,0"
    assert _figure(html, "overdue") == "1"

    report = response.context["report"]
    assert {t.label: (t.total, t.measured, t.on_time) for t in report.by_field} == {
        "Đất đai": (3, 3, 3),
        "Giao thông": (4, 2, 1),
    }
    assert {t.label: t.total for t in report.by_unit} == {
        book.people.unit.name: 4,
        book.people.other_unit.name: 3,
    }
    assert {t.key: t.total for t in report.by_state} == {
        CaseState.ANSWERED: 4,
        CaseState.REFUSED: 1,
        CaseState.IN_PROGRESS: 1,
        CaseState.MERGED: 1,
    }
    assert {t.key: t.total for t in report.by_channel} == {
        Channel.WEB: 4,
        Channel.EMAIL: 1,
        Channel.POST: 1,
        Channel.PHONE: 1,
    }
    assert [(t.label, t.total) for t in report.by_period] == [("01/2026", 2), ("02/2026", 3), ("03/2026", 2)]
    assert [case.pk for case in report.overdue] == [book.cases["E"].pk]


def test_report_by_quarter_and_filtered_by_field(client: Client, book: Book) -> None:
    client.force_login(book.people.coordinator)
    response = client.get(f"{REPORT}?{PERIOD}&ky=quy&linh_vuc={book.land.pk}")
    report = response.context["report"]
    assert [(t.label, t.total, t.on_time) for t in report.by_period] == [("Quý 1/2026", 3, 3)]
    assert _figure(response.content.decode(), "on-time-rate") == "100,0 %"
    assert report.overdue == []  # E is about traffic


def test_report_draws_accessible_charts_with_their_data_beside_them(client: Client, book: Book) -> None:
    client.force_login(book.people.coordinator)
    html = client.get(f"{REPORT}?{PERIOD}").content.decode()
    assert html.count('role="img"') == 5
    assert '<title id="chart-field-title">Số hồ sơ theo lĩnh vực</title>' in html
    assert "<caption>Số hồ sơ theo lĩnh vực</caption>" in html
    points = html.split('<polyline points="', 1)[1].split('"', 1)[0].split()
    assert len(points) == 3 and all(len([float(v) for v in p.split(",")]) == 2 for p in points)


def test_a_period_ending_before_it_starts_is_refused_in_vietnamese(client: Client, book: Book) -> None:
    client.force_login(book.people.coordinator)
    response = client.get(f"{REPORT}?tu=2026-03-31&den=2026-01-01")
    assert response.status_code == 400
    assert "“Từ ngày” phải trước hoặc trùng “Đến ngày”" in response.content.decode()
    assert client.get(f"{REPORT}?tu=31-31-2026").status_code == 400


def test_a_handler_sees_only_their_units_cases(client: Client, book: Book) -> None:
    client.force_login(book.people.handler)
    response = client.get(f"{REPORT}?{PERIOD}")
    assert response.status_code == 200
    report = response.context["report"]
    assert report.total.total == 4  # A, B, E, G
    assert {t.label for t in report.by_unit} == {book.people.unit.name}
    assert book.people.other_unit.name not in response.content.decode()
    # Asking for the other unit by its id gives nothing either.
    response = client.get(f"{REPORT}?{PERIOD}&don_vi={book.people.other_unit.pk}")
    assert response.status_code == 400


def test_a_leader_sees_every_unit_and_other_staff_nothing(client: Client, book: Book) -> None:
    leader = UserFactory(username="lanhdao")
    user_assign_role(user=leader, role=access.LEADER)
    client.force_login(leader)
    assert client.get(f"{REPORT}?{PERIOD}").context["report"].total.total == 7

    # A member of staff with admin access but no case role sees no report, no menu item, no export.
    staff = book.people.outsider
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    response = client.get(f"{REPORT}?{PERIOD}")
    assert response.status_code == 403
    assert "Tổng hợp kiến nghị" not in client.get("/admin/").content.decode()
    assert client.get(f"{EXPORT}?{PERIOD}&noi_dung=ho-so").status_code == 403


def test_the_report_runs_the_same_number_of_queries_for_ten_times_the_cases(
    client: Client, book: Book
) -> None:
    client.force_login(book.people.coordinator)
    client.get(f"{REPORT}?{PERIOD}")  # warm the session and permission caches of the first request

    def count() -> tuple[int, int]:
        counted = []
        # Whole months (read from the roll-up), and odd dates (their edges counted from the cases).
        for period in (PERIOD, "tu=2026-01-10&den=2026-03-20&linh_vuc=" + str(book.land.pk)):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"{REPORT}?{period}").status_code == 200
            counted.append(len(queries))
        return counted[0], counted[1]

    before = count()
    fields = [book.land, book.traffic, Field.objects.create(name="Y tế", slug="y-te")]
    for i in range(63):
        CaseFactory(
            case_type=book.cases["A"].case_type,
            unit=[book.people.unit, book.people.other_unit][i % 2],
            field=fields[i % 3],
            state=[CaseState.IN_PROGRESS, CaseState.ANSWERED][i % 2],
            channel=Channel.values[i % 5],
            submitted_at=_vn(2026, 1 + i % 3, 1 + i % 27, 9),
            deadline_at=_vn(2026, 3, 1 + i % 27, 23),
            working_days_taken=(i % 12) if i % 2 else None,
            on_time=(i % 3 != 0) if i % 2 else None,
        )
    assert Case.objects.count() == 70
    assert count() == before


# --- exports -------------------------------------------------------------------------------------


def _csv(response: object) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")  # type: ignore[attr-defined]
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))


def _xlsx(response: object) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(io.BytesIO(response.content), read_only=True)  # type: ignore[attr-defined]
    return {
        sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets
    }


def _private_strings(book: Book) -> list[str]:
    codes = [case.tracking_code for case in book.cases.values()]
    subjects = [case.subject for case in book.cases.values()]
    return [*NAMES, PHONE, EMAIL, *codes, *subjects, "đề nghị xem xét"]


def test_report_exports_parse_back_to_the_figures_on_the_page(client: Client, book: Book) -> None:
    client.force_login(book.people.coordinator)
    page = client.get(f"{REPORT}?{PERIOD}").context["report"]

    rows = _csv(client.get(f"{EXPORT}?{PERIOD}&dang=csv&noi_dung=bao-cao"))
    assert rows[0][:3] == ["Bảng", "Nhóm", "Số hồ sơ"]
    by_field = {r[1]: (int(r[2]), int(r[3]), int(r[4]), r[5]) for r in rows if r[0] == "Theo lĩnh vực"}
    assert by_field == {
        t.label: (t.total, t.measured, t.on_time, f"{t.on_time_rate * 100:.1f}") for t in page.by_field
    }
    totals = next(r for r in rows if r[1] == "Tổng số")
    assert (int(totals[2]), totals[5]) == (7, "80.0")
    mean = next(r for r in rows if r[1] == "Số ngày làm việc xử lý trung bình")
    assert mean[6] == "7.0"
    days = {int(r[1]): int(r[2]) for r in rows if r[0] == "Số ngày làm việc đã dùng"}
    assert days == {2: 1, 3: 1, 6: 1, 9: 1, 15: 1}

    sheets = _xlsx(client.get(f"{EXPORT}?{PERIOD}&dang=xlsx&noi_dung=bao-cao"))
    assert {"Tổng hợp", "Theo lĩnh vực", "Theo đơn vị", "Theo kỳ"} <= set(sheets)
    by_unit = {r[1]: (r[2], r[4]) for r in sheets["Theo đơn vị"][1:]}
    assert by_unit == {t.label: (t.total, t.on_time) for t in page.by_unit}
    summary = {r[1]: r for r in sheets["Tổng hợp"][1:] if r[0] == "Tổng hợp"}
    assert summary["Tổng số"][2] == 7 and summary["Số ngày làm việc xử lý (trung vị)"][6] == 6.0


def test_case_list_exports_hold_no_personal_data_for_a_normal_user(client: Client, book: Book) -> None:
    for user in (book.people.coordinator, book.people.handler):
        client.force_login(user)
        csv_response = client.get(f"{EXPORT}?{PERIOD}&dang=csv&noi_dung=ho-so")
        xlsx_response = client.get(f"{EXPORT}?{PERIOD}&dang=xlsx&noi_dung=ho-so")
        rows = _csv(csv_response)
        sheet = next(iter(_xlsx(xlsx_response).values()))
        assert "Họ và tên" not in rows[0] and "Mã tra cứu" not in rows[0] and "Nội dung" not in rows[0]
        csv_text = "\n".join(",".join(r) for r in rows)
        xlsx_text = "\n".join(",".join(str(v) for v in r) for r in sheet)
        for secret in _private_strings(book):
            assert secret not in csv_text and secret not in xlsx_text
        visible = book.cases if user == book.people.coordinator else {k: book.cases[k] for k in "ABEG"}
        assert sorted(int(r[0]) for r in rows[1:]) == sorted(c.pk for c in visible.values())
        assert sorted(r[0] for r in sheet[1:]) == sorted(c.pk for c in visible.values())
        # Asking for personal data without the permission is refused, in every format and content.
        for query in ("dang=csv&noi_dung=ho-so", "dang=xlsx&noi_dung=ho-so", "dang=csv&noi_dung=bao-cao"):
            refused = client.get(f"{EXPORT}?{PERIOD}&{query}&ca_nhan=1")
            assert refused.status_code == 403
    assert not CaseExport.objects.filter(personal_data=True).exists()
    assert CaseExport.objects.filter(personal_data=False).count() == 4


def test_case_list_export_marks_overdue_and_on_time(client: Client, book: Book) -> None:
    client.force_login(book.people.coordinator)
    rows = _csv(client.get(f"{EXPORT}?{PERIOD}&dang=csv&noi_dung=ho-so"))
    header = rows[0]
    by_pk = {int(r[0]): dict(zip(header, r, strict=True)) for r in rows[1:]}
    b, e = by_pk[book.cases["B"].pk], by_pk[book.cases["E"].pk]
    assert (b["Số ngày làm việc đã dùng"], b["Đúng hạn"], b["Đang quá hạn"]) == ("15", "Không", "Không")
    assert (e["Đúng hạn"], e["Đang quá hạn"]) == ("", "Có")
    assert b["Thời điểm tiếp nhận"] == "02/03/2026 09:00"


def _privileged(people: CasePeople) -> User:
    user = UserFactory(username="lanhdao_vanphong")
    user_assign_role(user=user, role=access.LEADER)
    user.user_permissions.add(Permission.objects.get(codename="export_personal_data"))
    return User.objects.get(pk=user.pk)


def test_a_privileged_export_of_personal_data_is_logged_with_who_when_and_filters(
    client: Client, book: Book, frozen: Clock
) -> None:
    user = _privileged(book.people)
    client.force_login(user)
    response = client.get(f"{EXPORT}?{PERIOD}&linh_vuc={book.land.pk}&dang=xlsx&noi_dung=ho-so&ca_nhan=1")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    sheet = next(iter(_xlsx(response).values()))
    header = sheet[0]
    names = {row[header.index("Họ và tên")] for row in sheet[1:]}
    assert {NAMES[0], NAMES[2]} <= names
    assert {row[header.index("Điện thoại")] for row in sheet[1:]} == {PHONE}

    record = CaseExport.objects.get()
    assert (record.user, record.at, record.content, record.file_format, record.personal_data) == (
        user,
        frozen.now,
        "ho-so",
        "xlsx",
        True,
    )
    assert record.filters["linh_vuc"] == str(book.land.pk) and record.filters["tu"] == "2026-01-01"
    assert record.row_count == 3
    entry = ModelLogEntry.objects.get(action=EXPORT_LOG_ACTION)
    assert entry.user_id == user.pk and entry.data["filters"]["linh_vuc"] == str(book.land.pk)


def test_a_privileged_user_without_the_flag_gets_no_personal_data(client: Client, book: Book) -> None:
    client.force_login(_privileged(book.people))
    rows = _csv(client.get(f"{EXPORT}?{PERIOD}&dang=csv&noi_dung=ho-so"))
    assert "Họ và tên" not in rows[0]
    assert CaseExport.objects.get().personal_data is False


def test_spreadsheet_formulas_in_a_requesters_text_are_not_run(
    client: Client, people: CasePeople, frozen: Clock, feedback_type: CaseType
) -> None:
    frozen.set(2026, 3, 2, 9)
    services.case_receive(
        case_type=feedback_type,
        channel=Channel.WEB,
        subject='=HYPERLINK("http://example.test","bấm")',
        content="+1 nội dung",
        contact=ContactData(name="@Ai đó", phone="0900000000"),
    )
    client.force_login(_privileged(people))
    rows = _csv(client.get(f"{EXPORT}?{PERIOD}&dang=csv&noi_dung=ho-so&ca_nhan=1"))
    header = rows[0]
    assert rows[1][header.index("Tiêu đề")].startswith("'=")
    assert rows[1][header.index("Họ và tên")] == "'@Ai đó"
    sheet = next(iter(_xlsx(client.get(f"{EXPORT}?{PERIOD}&dang=xlsx&noi_dung=ho-so&ca_nhan=1")).values()))
    assert str(sheet[1][sheet[0].index("Tiêu đề")]).startswith("'=")


def test_unknown_export_format_is_a_clear_400(client: Client, book: Book) -> None:
    client.force_login(book.people.coordinator)
    response = client.get(f"{EXPORT}?{PERIOD}&dang=pdf")
    assert response.status_code == 400
    assert "không hợp lệ" in response.content.decode()
    assert not CaseExport.objects.exists()


# --- the public page -----------------------------------------------------------------------------


def test_public_page_shows_statistics_and_no_personal_data(client: Client, book: Book) -> None:
    response = client.get(f"{PUBLIC}?nam=2026")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tổng hợp kết quả tiếp nhận, xử lý phản ánh, kiến nghị" in html
    assert _figure(html, "total") == "7"
    assert _figure(html, "on-time-rate") == "80,0 %"
    assert "Đất đai" in html and "Giao thông" in html
    for secret in _private_strings(book):
        assert secret not in html
    assert "Cơ quan đã xem xét" not in html  # the answers' text either


def test_public_page_refuses_a_bad_or_future_year_in_vietnamese(client: Client, book: Book) -> None:
    assert client.get(f"{PUBLIC}?nam=abc").status_code == 400
    response = client.get(f"{PUBLIC}?nam=2027")
    assert response.status_code == 400
    assert "Chưa có số liệu của năm này." in response.content.decode()


def test_public_page_of_a_year_without_cases_shows_zero(client: Client, book: Book) -> None:
    response = client.get(f"{PUBLIC}?nam=2025")
    assert response.status_code == 200
    assert _figure(response.content.decode(), "total") == "0"
    assert _figure(response.content.decode(), "on-time-rate") == "—"


# --- the migration's backfill and the figures' arithmetic -----------------------------------------


def test_the_migration_backfills_the_figures_of_cases_closed_before_it(book: Book) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("congtin.cases.migrations.0005_case_report_figures")
    Case.objects.update(working_days_taken=None, on_time=None)
    migration.backfill_figures(apps, connection.schema_editor())
    got = {
        key: Case.objects.values_list("working_days_taken", "on_time").get(pk=case.pk)
        for key, case in book.cases.items()
    }
    assert got == {key: (case.working_days_taken, case.on_time) for key, case in book.cases.items()}
    assert got["D"] == (6, True) and got["G"] == (None, None)


def test_median_of_an_even_count_is_the_mean_of_the_middle_two() -> None:
    from congtin.cases.reports import figures

    assert figures.median({2: 1, 3: 1, 10: 2}) == 6.5
    assert figures.median({4: 3}) == 4.0
    assert figures.median({}) is None and figures.mean({}) is None
    assert figures.mean({2: 1, 3: 1, 10: 2}) == 6.25
