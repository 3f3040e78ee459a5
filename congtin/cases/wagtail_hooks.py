"""Cases in Wagtail's admin: the holiday calendar, case types (the agency's deadline settings), units,
answer templates, and the handling queue with its bulk actions (``admin_views``).

Saving or deleting a holiday calls ``case_retime_open_cases`` so that in-flight deadlines follow
a newly announced holiday or make-up day.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from congtin.cases import admin_views, handling, services
from congtin.cases.models import AnswerTemplate, Case, CaseType, Holiday, Unit


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


class AnswerTemplateViewSet(SnippetViewSet):
    model = AnswerTemplate
    icon = "doc-full"
    menu_label = _("Mẫu trả lời")
    list_display = ["name", "case_type", "field", "is_active"]
    list_filter = ["case_type", "field", "is_active"]
    search_fields = ["name", "body"]


class CasesViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Phản ánh, yêu cầu")
    menu_icon = "mail"
    menu_order = 300
    items = (HolidayViewSet, CaseTypeViewSet, UnitViewSet, AnswerTemplateViewSet)


register_snippet(CasesViewSetGroup)

# The handling queue: a handler sees their units' cases, a coordinator all (``CasePermissionPolicy``).
register_permission_policy(Case, admin_views.CasePermissionPolicy(Case))


@hooks.register("register_admin_viewset")
def register_case_queue() -> admin_views.CaseViewSet:
    return admin_views.CaseViewSet()


for _action in (admin_views.BulkAssignAction, admin_views.BulkPublishAction):
    hooks.register("register_bulk_action", _action)


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


class CaseNoteLogFormatter(LogFormatter):
    label = _("Ghi chú nội bộ hồ sơ")

    def format_message(self, log_entry: Any) -> str:
        # The note itself stays on the case: the audit log is read more widely.
        return str(_("Thêm ghi chú nội bộ"))


class CaseNoteTextLogFormatter(LogFormatter):
    def format_message(self, log_entry: Any) -> str:
        return str((log_entry.data or {}).get("note", "") or (log_entry.data or {}).get("reason", ""))


class CaseTransferLogFormatter(CaseNoteTextLogFormatter):
    label = _("Chuyển đơn vị xử lý")


class QaPublishLogFormatter(LogFormatter):
    label = _("Công khai trong Hỏi đáp")

    def format_message(self, log_entry: Any) -> str:
        return str(_("Công khai câu hỏi và trả lời đã ẩn thông tin cá nhân"))


class QaWithdrawLogFormatter(CaseNoteTextLogFormatter):
    label = _("Rút khỏi Hỏi đáp")


@hooks.register("register_log_actions")
def register_case_log_actions(actions: Any) -> None:
    actions.register_action(services.TRANSITION_LOG_ACTION)(CaseTransitionLogFormatter)
    actions.register_action(services.RETIME_LOG_ACTION)(CaseRetimeLogFormatter)
    actions.register_action(handling.NOTE_LOG_ACTION)(CaseNoteLogFormatter)
    actions.register_action(handling.TRANSFER_LOG_ACTION)(CaseTransferLogFormatter)
    actions.register_action(handling.QA_PUBLISH_LOG_ACTION)(QaPublishLogFormatter)
    actions.register_action(handling.QA_WITHDRAW_LOG_ACTION)(QaWithdrawLogFormatter)


from congtin.cases.reports import hooks as _report_hooks  # noqa: E402, F401
