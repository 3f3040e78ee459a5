"""The one write of the reports: recording an export in the audit log (who, when, what, which filters)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from congtin.cases.models import CaseExport
from congtin.cases.reports.queries import ReportFilters
from congtin.users.models import User

EXPORT_LOG_ACTION = "congtin.case.export"


@transaction.atomic
def case_export_record(
    *,
    user: User,
    content: str,
    file_format: str,
    personal_data: bool,
    filters: ReportFilters,
    row_count: int,
    now: datetime | None = None,
) -> CaseExport:
    """Record an export before its file is sent; personal-data exports also go to Wagtail's audit log."""
    record = CaseExport.objects.create(
        user=user,
        at=now or timezone.now(),
        content=content,
        file_format=file_format,
        personal_data=personal_data,
        filters=filters.as_params(),
        row_count=row_count,
    )
    if personal_data:
        log(
            instance=record,
            action=EXPORT_LOG_ACTION,
            user=user,
            data={"content": content, "format": file_format, "filters": record.filters},
        )
    return record
