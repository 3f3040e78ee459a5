"""The report screen in Wagtail's admin: its URLs, its menu item (shown to leaders and handlers), and
the audit-log action of personal-data exports. Imported from ``cases/wagtail_hooks.py``."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from congtin.cases.reports import access, services, views


@hooks.register("register_admin_urls")
def register_case_report_urls() -> list[Any]:
    return [
        path("tong-hop-kien-nghi/", views.case_report, name="case_report"),
        path("tong-hop-kien-nghi/xuat/", views.case_report_export, name="case_report_export"),
    ]


class _CaseReportMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return access.report_scope(request.user).allowed


@hooks.register("register_admin_menu_item")
def register_case_report_menu_item() -> MenuItem:
    return _CaseReportMenuItem(_("Tổng hợp kiến nghị"), reverse("case_report"), icon_name="table", order=310)


class CaseExportLogFormatter(LogFormatter):
    label = _("Xuất dữ liệu cá nhân của hồ sơ")

    def format_message(self, log_entry: Any) -> str:
        data = log_entry.data or {}
        return str(
            _("Xuất %(content)s (%(format)s) có dữ liệu cá nhân; bộ lọc: %(filters)s")
            % {
                "content": data.get("content", ""),
                "format": data.get("format", ""),
                "filters": ", ".join(f"{k}={v}" for k, v in (data.get("filters") or {}).items()),
            }
        )


@hooks.register("register_log_actions")
def register_case_export_log_action(actions: Any) -> None:
    actions.register_action(services.EXPORT_LOG_ACTION)(CaseExportLogFormatter)
