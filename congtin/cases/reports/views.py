"""The report screen in the admin, its exports, and the public statistics page. Thin: parse, query, render."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET

from congtin.cases import clock
from congtin.cases.reports import access, charts, exports, services
from congtin.cases.reports.forms import PublicReportForm, ReportFilterForm
from congtin.cases.reports.queries import (
    CaseReport,
    Period,
    ReportFilters,
    default_filters,
    format_percent,
    report_build,
    report_case_rows,
    report_choices,
)
from congtin.users.models import User

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PUBLIC_CACHE_SECONDS = 600
CONTENT_REPORT, CONTENT_CASES = "bao-cao", "ho-so"


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - the admin's login_required guarantees it
    return user


# Chart name → the report's breakdown and the bar chart's title.
BREAKDOWN_CHARTS = (
    ("field", "by_field", _lazy("Số hồ sơ theo lĩnh vực")),
    ("unit", "by_unit", _lazy("Số hồ sơ theo đơn vị")),
    ("state", "by_state", _lazy("Số hồ sơ theo trạng thái")),
    ("channel", "by_channel", _lazy("Số hồ sơ theo kênh tiếp nhận")),
)


def _charts(report: CaseReport) -> dict[str, Any]:
    rate = report.total.on_time_rate
    summary = _("%(n)s hồ sơ; tỷ lệ đúng hạn %(rate)s.") % {
        "n": charts.format_int(report.total.total),
        "rate": "—" if rate is None else format_percent(rate),
    }
    drawn: dict[str, Any] = {
        "period": charts.line_chart(
            [(t.label, t.total) for t in report.by_period],
            title=_("Số hồ sơ tiếp nhận theo kỳ"),
            description=summary,
        )
    }
    for name, breakdown, title in BREAKDOWN_CHARTS:
        rows = getattr(report, breakdown)
        drawn[name] = charts.bar_chart(
            [(t.label, t.total) for t in rows], title=str(title), description=summary
        )
    return drawn


# The case pages belong to the handling screens; link to whichever of them this installation has.
CASE_ADMIN_URL_NAMES = (
    "cases_case_detail",
    "wagtailsnippets_cases_case:inspect",
    "wagtailsnippets_cases_case:edit",
)


def _case_admin_url(pk: int) -> str:
    for name in CASE_ADMIN_URL_NAMES:
        try:
            return reverse(name, args=[pk])
        except NoReverseMatch:
            continue
    return ""


class _Refused(Exception):
    """A request the user may not make; answered with 403 and the message (not Wagtail's redirect)."""


def _scope_or_refuse(request: HttpRequest) -> access.ReportScope:
    scope = access.report_scope(_user(request))
    if not scope.allowed:
        raise _Refused(_("Bạn không có quyền xem báo cáo tổng hợp phản ánh, kiến nghị."))
    return scope


def _refused(request: HttpRequest, message: str, *, page: bool) -> HttpResponse:
    if page:
        context = {"page_title": _("Tổng hợp kiến nghị"), "header_icon": "table", "refused": message}
        return TemplateResponse(request, "cases/reports/admin_report.html", context, status=403)
    return HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")


def _today() -> date:
    return clock.local_date(timezone.now())


@require_GET
def case_report(request: HttpRequest) -> HttpResponse:
    try:
        scope = _scope_or_refuse(request)
    except _Refused as refusal:
        return _refused(request, str(refusal), page=True)
    choices = report_choices(scope)
    # The default period is filled in so that the form shows the dates the report covers.
    data = {**default_filters(_today()).as_params(), **request.GET.dict()}
    form = ReportFilterForm(data, choices=choices, today=_today())
    context: dict[str, Any] = {
        "form": form,
        "page_title": _("Tổng hợp kiến nghị"),
        "header_icon": "table",
        "all_units": scope.all_units,
        "can_export_personal_data": access.can_export_personal_data(_user(request)),
    }
    if not form.is_valid():
        return TemplateResponse(request, "cases/reports/admin_report.html", context, status=400)
    filters = form.filters()
    report = report_build(scope=scope, filters=filters, choices=choices)
    for case in report.overdue:
        case.admin_url = _case_admin_url(case.pk)  # type: ignore[attr-defined]
    context |= {
        "report": report,
        "charts": _charts(report),
        "query": urlencode(filters.as_params()),
    }
    return TemplateResponse(request, "cases/reports/admin_report.html", context)


@require_GET
def case_report_export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """?dang=csv|xlsx&noi_dung=bao-cao|ho-so[&ca_nhan=1] plus the report's filters."""
    user = _user(request)
    try:
        scope = _scope_or_refuse(request)
    except _Refused as refusal:
        return _refused(request, str(refusal), page=False)
    file_format = request.GET.get("dang", "csv")
    content = request.GET.get("noi_dung", CONTENT_REPORT)
    personal = request.GET.get("ca_nhan") == "1"
    if file_format not in ("csv", "xlsx") or content not in (CONTENT_REPORT, CONTENT_CASES):
        return HttpResponse(
            _("Định dạng hoặc nội dung xuất không hợp lệ."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    if personal and not access.can_export_personal_data(user):
        return _refused(request, _("Bạn không có quyền xuất dữ liệu cá nhân của người gửi."), page=False)
    # The aggregated report never holds personal data: only the case list can carry it.
    personal = personal and content == CONTENT_CASES
    choices = report_choices(scope)
    form = ReportFilterForm(request.GET, choices=choices, today=_today())
    if not form.is_valid():
        errors = " ".join(str(e) for errs in form.errors.values() for e in errs)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    filters = form.filters()
    now = timezone.now()
    stamp = f"{clock.local_date(now):%Y%m%d}"
    if content == CONTENT_REPORT:
        report = report_build(scope=scope, filters=filters, choices=choices, now=now, with_overdue_list=False)
        services.case_export_record(
            user=user,
            content=content,
            file_format=file_format,
            personal_data=False,
            filters=filters,
            row_count=report.total.total,
            now=now,
        )
        name = f"tong-hop-kien-nghi-{stamp}.{file_format}"
        if file_format == "csv":
            response: HttpResponse | StreamingHttpResponse = StreamingHttpResponse(
                exports.report_csv(report), content_type="text/csv; charset=utf-8"
            )
        else:
            response = HttpResponse(exports.report_xlsx(report), content_type=XLSX_TYPE)
    else:
        cases = report_case_rows(scope=scope, filters=filters, personal_data=personal)
        services.case_export_record(
            user=user,
            content=content,
            file_format=file_format,
            personal_data=personal,
            filters=filters,
            row_count=cases.count(),
            now=now,
        )
        header = exports.case_list_header(personal_data=personal)
        rows = exports.case_list_rows(cases, personal_data=personal, now=now)
        name = f"danh-sach-ho-so-{stamp}.{file_format}"
        if file_format == "csv":
            response = StreamingHttpResponse(
                exports.csv_lines(header, rows), content_type="text/csv; charset=utf-8"
            )
        else:
            response = HttpResponse(
                exports.xlsx_bytes([(_("Danh sách hồ sơ"), header, rows)]), content_type=XLSX_TYPE
            )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def public_report(request: HttpRequest) -> HttpResponse:
    """Tổng hợp kết quả tiếp nhận, xử lý phản ánh, kiến nghị: figures only, one year at a time."""
    today = _today()
    form = PublicReportForm(request.GET)
    if not form.is_valid():
        return TemplateResponse(request, "cases/reports/public_report.html", {"form": form}, status=400)
    year = form.cleaned_data.get("nam") or today.year
    if year > today.year:
        form.add_error("nam", _("Chưa có số liệu của năm này."))
        return TemplateResponse(request, "cases/reports/public_report.html", {"form": form}, status=400)
    end = today if year == today.year else date(year, 12, 31)
    filters = ReportFilters(start=date(year, 1, 1), end=end, period=Period.MONTH)
    key = f"cases:public-report:{year}:{end.isoformat()}"
    report = cache.get(key)
    if report is None:
        choices = report_choices(access.PUBLIC_SCOPE)
        report = report_build(
            scope=access.PUBLIC_SCOPE, filters=filters, choices=choices, with_overdue_list=False
        )
        cache.set(key, report, PUBLIC_CACHE_SECONDS)
    context = {
        "form": form,
        "year": year,
        "report": report,
        "charts": _charts(report),
        "years": list(range(today.year, today.year - 6, -1)),
    }
    return TemplateResponse(request, "cases/reports/public_report.html", context)
