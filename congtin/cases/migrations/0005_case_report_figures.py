"""Report figures stored on each closed case, the export audit log, and the report's index.

The backfill computes the figures of cases already closed with the same function the transition
services use (``cases.reports.figures``). On PostgreSQL a covering index lets the report's
aggregates read the index alone (docs/decisions/0017-case-reports.md); SQLite gets a plain index.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from congtin.cases import clock
from congtin.cases.reports import figures

REPORT_INDEX = "cases_case_report_cover"
REPORT_COLUMNS = "field_id, unit_id, state, channel, case_type_id, on_time, working_days_taken"
# The overdue list reads open cases in deadline order and stops at its limit.
OPEN_DEADLINE_INDEX = "cases_case_open_deadline"
OPEN_STATES_SQL = "'received', 'classified', 'assigned', 'in_progress', 'extended'"


def backfill_figures(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    CaseEvent = apps.get_model("cases", "CaseEvent")
    Holiday = apps.get_model("cases", "Holiday")
    holidays, makeup = set(), set()
    for day, kind in Holiday.objects.values_list("date", "kind"):
        (makeup if kind == "makeup" else holidays).add(day)
    cal = clock.WorkCalendar(holidays, makeup)
    todo = (
        Case.objects.filter(closed_at__isnull=False, working_days_taken__isnull=True)
        .exclude(state="merged")
        .select_related("case_type")
        .order_by("pk")
    )
    batch = []
    for case in todo.iterator(chunk_size=500):
        pauses, started = [], None
        for event in CaseEvent.objects.filter(case_id=case.pk, kind="transition").order_by("at", "pk"):
            if event.to_state == "clarification" and started is None:
                started = event.at
            elif event.from_state == "clarification" and started is not None:
                pauses.append(clock.Pause(started, event.at))
                started = None
        if started is not None:
            pauses.append(clock.Pause(started, case.closed_at))
        result = figures.handling_figures(
            submitted_at=case.submitted_at,
            closed_at=case.closed_at,
            deadline_unit=case.case_type.deadline_unit,
            deadline_amount=case.case_type.deadline_amount,
            extension_days=case.extension_days,
            cal=cal,
            pauses=pauses,
        )
        case.working_days_taken, case.on_time = result.working_days_taken, result.on_time
        batch.append(case)
        if len(batch) >= 500:
            Case.objects.bulk_update(batch, ["working_days_taken", "on_time"])
            batch = []
    if batch:
        Case.objects.bulk_update(batch, ["working_days_taken", "on_time"])


def create_report_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {REPORT_INDEX} ON cases_case (submitted_at) INCLUDE ({REPORT_COLUMNS})"
        )
    else:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {REPORT_INDEX} ON cases_case (submitted_at)")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OPEN_DEADLINE_INDEX} ON cases_case (deadline_at) "
        f"WHERE state IN ({OPEN_STATES_SQL})"
    )


def drop_report_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {REPORT_INDEX}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {OPEN_DEADLINE_INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0004_handling_notes_templates_qa'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='case',
            name='on_time',
            field=models.BooleanField(blank=True, editable=False, null=True, verbose_name='đúng hạn'),
        ),
        migrations.AddField(
            model_name='case',
            name='working_days_taken',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='số ngày làm việc đã dùng'),
        ),
        migrations.CreateModel(
            name='CaseExport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(verbose_name='thời điểm')),
                ('content', models.CharField(max_length=20, verbose_name='nội dung xuất')),
                ('file_format', models.CharField(max_length=10, verbose_name='định dạng')),
                ('personal_data', models.BooleanField(default=False, verbose_name='có dữ liệu cá nhân')),
                ('filters', models.JSONField(default=dict, verbose_name='bộ lọc')),
                ('row_count', models.PositiveIntegerField(default=0, verbose_name='số dòng')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người xuất')),
            ],
            options={
                'verbose_name': 'lần xuất dữ liệu hồ sơ',
                'verbose_name_plural': 'nhật ký xuất dữ liệu hồ sơ',
                'ordering': ['-at', '-pk'],
                'permissions': [('export_personal_data', 'Xuất dữ liệu cá nhân của người gửi phản ánh, yêu cầu'), ('view_all_case_reports', 'Xem báo cáo tổng hợp của mọi đơn vị')],
            },
        ),
        migrations.RunPython(backfill_figures, migrations.RunPython.noop),
        migrations.RunPython(create_report_index, drop_report_index),
    ]
