"""The monthly roll-up of the reports (docs/decisions/0020-case-report-rollup.md), counted from the cases.

Reversing drops the table; nothing else depends on it.
"""

from django.db import migrations, models

from congtin.cases.reports import tallies


def count_existing_cases(apps, schema_editor):
    tallies.rebuild(apps.get_model("cases", "Case"), apps.get_model("cases", "CaseTally"))


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0006_reminder_once_a_day'),
    ]

    operations = [
        migrations.CreateModel(
            name='CaseTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slice_dim', models.CharField(blank=True, max_length=10)),
                ('slice_key', models.CharField(blank=True, max_length=30)),
                ('month', models.DateField()),
                ('dim', models.CharField(max_length=10)),
                ('key', models.CharField(blank=True, max_length=30)),
                ('cases', models.IntegerField(default=0)),
                ('measured', models.IntegerField(default=0)),
                ('on_time', models.IntegerField(default=0)),
            ],
            options={
                'verbose_name': 'số liệu tổng hợp theo tháng',
                'verbose_name_plural': 'số liệu tổng hợp theo tháng',
                'constraints': [models.UniqueConstraint(fields=('slice_dim', 'slice_key', 'month', 'dim', 'key'), name='cases_casetally_cell')],
            },
        ),
        migrations.RunPython(count_existing_cases, migrations.RunPython.noop),
    ]
