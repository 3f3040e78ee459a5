"""Seed the holidays of 2025–2027 that are fixed by law or were announced, and the legal case types.

Only facts go in: days fixed by the Labour Code 2019 (Art. 112) and the announced schedules
(Tết Ất Tỵ 25/1–2/2/2025; 30/4–4/5/2025 with Friday 2/5 swapped for Saturday 26/4; Quốc khánh
30/8–2/9/2025; Tết Bính Ngọ 14/2–22/2/2026; nghỉ bù for holidays falling on a weekend, Art. 111(3)).
Days not yet announced — Tết 2027, the day beside 2/9 in 2026 and 2027, any bridging of 1/1 — are
left out: a missing day off only makes a deadline earlier, a wrong one could make the agency late.
Admins enter each year's announcement in "Phản ánh, yêu cầu → Lịch nghỉ lễ, Tết".
"""

from datetime import date, timedelta

from django.db import migrations

H, B, M = "holiday", "bridge", "makeup"


def _span(first, last, name, kind=H):
    day = first
    while day <= last:
        yield day, name, kind
        day += timedelta(days=1)


HOLIDAYS = [
    (date(2025, 1, 1), "Tết Dương lịch", H),
    *_span(date(2025, 1, 25), date(2025, 2, 2), "Tết Nguyên đán Ất Tỵ"),
    (date(2025, 4, 7), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", H),
    (date(2025, 4, 26), "Làm bù cho ngày nghỉ hoán đổi 02/5/2025", M),
    (date(2025, 4, 30), "Ngày Chiến thắng (30/4)", H),
    (date(2025, 5, 1), "Ngày Quốc tế Lao động (1/5)", H),
    (date(2025, 5, 2), "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)", B),
    (date(2025, 9, 1), "Quốc khánh (ngày liền kề)", H),
    (date(2025, 9, 2), "Quốc khánh (2/9)", H),
    (date(2026, 1, 1), "Tết Dương lịch", H),
    *_span(date(2026, 2, 14), date(2026, 2, 22), "Tết Nguyên đán Bính Ngọ"),
    (date(2026, 4, 26), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", H),
    (date(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)", B),
    (date(2026, 4, 30), "Ngày Chiến thắng (30/4)", H),
    (date(2026, 5, 1), "Ngày Quốc tế Lao động (1/5)", H),
    (date(2026, 9, 2), "Quốc khánh (2/9)", H),
    (date(2027, 1, 1), "Tết Dương lịch", H),
    (date(2027, 4, 16), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", H),
    (date(2027, 4, 30), "Ngày Chiến thắng (30/4)", H),
    (date(2027, 5, 1), "Ngày Quốc tế Lao động (1/5)", H),
    (date(2027, 5, 3), "Nghỉ bù Quốc tế Lao động (trùng thứ Bảy)", B),
    (date(2027, 9, 2), "Quốc khánh (2/9)", H),
]

CASE_TYPES = [
    {
        "code": "tctt-don-gian",
        "name": "Yêu cầu cung cấp thông tin đơn giản (qua mạng)",
        "legal_basis": "Luật Tiếp cận thông tin 2016, Điều 30",
        "deadline_amount": 3,
        "max_extension_days": 0,
        "publishable": False,
    },
    {
        "code": "tctt-don-gian-buu-chinh",
        "name": "Yêu cầu cung cấp thông tin đơn giản (bưu chính, fax)",
        "legal_basis": "Luật Tiếp cận thông tin 2016, Điều 31",
        "deadline_amount": 5,
        "max_extension_days": 0,
        "publishable": False,
    },
    {
        "code": "tctt-phuc-tap",
        "name": "Yêu cầu cung cấp thông tin phức tạp",
        "legal_basis": "Luật Tiếp cận thông tin 2016, Điều 31",
        "deadline_amount": 15,
        "notice_days": 3,
        "max_extension_days": 15,
        "publishable": False,
    },
    {
        "code": "phan-anh-kien-nghi",
        "name": "Phản ánh, kiến nghị",
        "legal_basis": "Nghị định 20/2008/NĐ-CP; thời hạn theo quy chế của cơ quan",
        "deadline_amount": 10,
        "max_extension_days": 0,
        "publishable": True,
    },
]


def seed(apps, schema_editor):
    Holiday = apps.get_model("cases", "Holiday")
    CaseType = apps.get_model("cases", "CaseType")
    for day, name, kind in HOLIDAYS:
        Holiday.objects.get_or_create(date=day, defaults={"name": name, "kind": kind, "year": day.year})
    for values in CASE_TYPES:
        code = values["code"]
        CaseType.objects.get_or_create(code=code, defaults={k: v for k, v in values.items() if k != "code"})


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
