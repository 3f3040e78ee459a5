"""Cases in Wagtail's admin: the holiday calendar, case types (the agency's deadline settings) and units.

Saving or deleting a holiday calls ``case_retime_open_cases`` so that in-flight deadlines follow
a newly announced holiday or make-up day. The case queues themselves come with the intake work.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from congtin.cases import services
from congtin.cases.models import CaseType, Holiday, Unit


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Lịch nghỉ lễ, Tết")
    list_display = ["date", "name", "kind"]
    list_filter = ["year", "kind"]
    search_fields = ["name"]
    ordering = ["-date"]
    copy_view_enabled = False


class CaseTypeViewSet(SnippetViewSet):
    model = CaseType
    icon = "list-ul"
    menu_label = _("Loại hồ sơ và thời hạn")
    list_display = ["name", "code", "deadline_amount", "deadline_unit", "max_extension_days", "is_active"]
    copy_view_enabled = False


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Đơn vị xử lý")
    list_display = ["name", "code", "is_active"]
    search_fields = ["name", "code"]
    copy_view_enabled = False


class CasesViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Phản ánh, yêu cầu")
    menu_icon = "mail"
    menu_order = 300
    items = (HolidayViewSet, CaseTypeViewSet, UnitViewSet)


register_snippet(CasesViewSetGroup)


def _retime_after_holiday_change(request: HttpRequest, instance: Any) -> None:
    if isinstance(instance, Holiday):
        services.case_retime_open_cases()


@hooks.register("after_create_snippet")
def retime_after_holiday_created(request: HttpRequest, instance: Any) -> None:
    _retime_after_holiday_change(request, instance)


@hooks.register("after_edit_snippet")
def retime_after_holiday_edited(request: HttpRequest, instance: Any) -> None:
    _retime_after_holiday_change(request, instance)


@hooks.register("after_delete_snippet")
def retime_after_holidays_deleted(request: HttpRequest, instances: Any) -> None:
    if any(isinstance(instance, Holiday) for instance in instances):
        services.case_retime_open_cases()


class CaseTransitionLogFormatter(LogFormatter):
    label = _("Chuyển trạng thái hồ sơ")

    def format_message(self, log_entry: Any) -> str:
        data = log_entry.data or {}
        return str(_("Hồ sơ: %(from)s → %(to)s") % {"from": data.get("from", ""), "to": data.get("to", "")})


class CaseRetimeLogFormatter(LogFormatter):
    label = _("Tính lại thời hạn hồ sơ")

    def format_message(self, log_entry: Any) -> str:
        return str((log_entry.data or {}).get("note", ""))


@hooks.register("register_log_actions")
def register_case_log_actions(actions: Any) -> None:
    actions.register_action(services.TRANSITION_LOG_ACTION)(CaseTransitionLogFormatter)
    actions.register_action(services.RETIME_LOG_ACTION)(CaseRetimeLogFormatter)


from congtin.cases.reports import hooks as _report_hooks  # noqa: E402, F401
