"""The public deadline calculator (tính thời hạn): which day a request received on a given day is due."""

from __future__ import annotations

import json
import logging
import time
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import DatabaseError, InterfaceError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from congtin.cases import intake, privacy, queries, ratelimit
from congtin.cases.codes import generate_tracking_code
from congtin.cases.forms import (
    DeadlineCalculatorForm,
    FeedbackForm,
    InformationRequestForm,
    LookupForm,
    PublicCaseForm,
)
from congtin.cases.models import AttachmentPurpose, Case, CaseAttachment
from congtin.cases.services import ContactData
from congtin.vietnamese.dates import weekday_name


@require_GET
def deadline_calculator(request: HttpRequest) -> HttpResponse:
    if not request.GET:
        return render(request, "cases/deadline_calculator.html", {"form": DeadlineCalculatorForm()})
    form = DeadlineCalculatorForm(request.GET)
    if not form.is_valid():
        return render(request, "cases/deadline_calculator.html", {"form": form}, status=400)
    preview = queries.deadline_preview(
        case_type=form.cleaned_data["case_type"], received_on=form.cleaned_data["received_on"]
    )
    context = {
        "form": form,
        "preview": preview,
        "case_type": form.cleaned_data["case_type"],
        "due_weekday": weekday_name(preview.due_on).lower() if preview.due_on else "",
    }
    return render(request, "cases/deadline_calculator.html", context)


# --- public intake, lookup and the requester's rights (cases-intake) -------------------------------


logger = logging.getLogger(__name__)
_R = TypeVar("_R", bound=HttpResponseBase)

_SUBMITTED = "cases_submitted"
_GRANT = "cases_lookup"
GRANT_SECONDS = 30 * 60
ATTACHMENT_LINK_SECONDS = 15 * 60
_ATTACHMENT_SALT = "congtin.cases.attachment"


def _too_many(request: HttpRequest, wait: int) -> HttpResponse:
    response = render(
        request, "cases/public/too_many_requests.html", {"minutes": max(1, wait // 60)}, status=429
    )
    response["Retry-After"] = str(wait)
    return response


def _unavailable(request: HttpRequest, form_class: type[PublicCaseForm], title: str) -> HttpResponse:
    """503 with the form as it was sent, rendered without touching the database."""
    context = {
        "form": form_class(request.POST, offline=True),
        "title": title,
        "purpose": intake.consent_purpose(form_class.kind),
        "retention_days": settings.CONGTIN_CASE_RETENTION_DAYS,
    }
    response = render(request, "cases/public/unavailable.html", context, status=503)
    response["Retry-After"] = "120"
    add_never_cache_headers(response)
    return response


def _submission(form: PublicCaseForm) -> intake.Submission:
    data = form.cleaned_data
    details = None
    if form.kind == intake.INFORMATION_REQUEST:
        details = intake.RequestDetails(
            id_number=data["id_number"],
            purpose=data["purpose"],
            delivery_form=data["delivery_form"],
            delivery_method=data["delivery_method"],
            copies=data["copies"],
        )
    return intake.Submission(
        kind=form.kind,
        subject=data["subject"],
        content=data["content"],
        contact=ContactData(
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            address=data["address"],
            consent_purpose=intake.consent_purpose(form.kind),
        ),
        field=data.get("field"),
        details=details,
        files=list(data.get("attachments") or []),
    )


def _public_form(request: HttpRequest, form_class: type[PublicCaseForm], title: str) -> HttpResponse:
    context: dict[str, Any] = {"title": title, "purpose": intake.consent_purpose(form_class.kind)}
    context["retention_days"] = settings.CONGTIN_CASE_RETENTION_DAYS
    if request.method != "POST":
        context["form"] = form_class()
        return render(request, "cases/public/case_form.html", context)
    ip = ratelimit.client_ip(request)
    wait = ratelimit.take(ratelimit.INTAKE_PER_IP, ip)
    if wait is not None:
        return _too_many(request, wait)
    form = form_class(request.POST, request.FILES)
    if form.is_spam:
        # A robot filled the hidden field: answer as if accepted, keep nothing (docs/decisions/0015).
        logger.info("honeypot filled on %s", request.path)
        request.session[_SUBMITTED] = {"code": generate_tracking_code(), "email": False, "kind": form.kind}
        return HttpResponseRedirect(reverse("cases:submitted"))
    try:
        if not form.is_valid():
            context["form"] = form
            return render(request, "cases/public/case_form.html", context, status=400)
        contact_keys = ratelimit.contact_keys(
            phone=form.cleaned_data["phone"], email=form.cleaned_data["email"]
        )
        for key in contact_keys:
            wait = ratelimit.exceeded(ratelimit.INTAKE_PER_CONTACT, key)
            if wait is not None:
                return _too_many(request, wait)
        try:
            case = intake.case_submit(submission=_submission(form))
        except ValidationError as exc:
            form.add_error("attachments", exc)
            context["form"] = form
            return render(request, "cases/public/case_form.html", context, status=400)
    except (DatabaseError, InterfaceError):
        logger.exception("database unavailable while taking in a case")
        return _unavailable(request, form_class, title)
    for key in contact_keys:
        ratelimit.hit(ratelimit.INTAKE_PER_CONTACT, key)
    request.session[_SUBMITTED] = {
        "code": case.tracking_code,
        "email": bool(form.cleaned_data["email"]),
        "kind": form.kind,
    }
    return HttpResponseRedirect(reverse("cases:submitted"))


@require_http_methods(["GET", "HEAD", "POST"])
def feedback_form(request: HttpRequest) -> HttpResponse:
    return _public_form(request, FeedbackForm, _("Gửi phản ánh, kiến nghị"))


@require_http_methods(["GET", "HEAD", "POST"])
def information_request_form(request: HttpRequest) -> HttpResponse:
    return _public_form(request, InformationRequestForm, _("Yêu cầu cung cấp thông tin"))


@require_GET
def submitted(request: HttpRequest) -> HttpResponse:
    """The confirmation with the tracking code, shown once: it is taken out of the session here."""
    shown = request.session.pop(_SUBMITTED, None)
    response = render(request, "cases/public/submitted.html", {"shown": shown})
    add_never_cache_headers(response)
    return response


# --- lookup ---------------------------------------------------------------------------------------


def _granted_case(request: HttpRequest) -> Case:
    grant = request.session.get(_GRANT)
    if not grant or grant.get("until", 0) < time.time():
        raise Http404
    case = (
        Case.objects.select_related("case_type", "field", "contact", "request_details")
        .filter(pk=grant["case"])
        .first()
    )
    if case is None:
        raise Http404
    return case


def _attachment_link(case: Case, attachment: CaseAttachment) -> str:
    token = signing.TimestampSigner(salt=_ATTACHMENT_SALT).sign(f"{case.pk}.{attachment.pk}")
    return reverse("cases:attachment", args=[token])


@require_http_methods(["GET", "HEAD", "POST"])
def lookup(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _no_store(render(request, "cases/public/lookup.html", {"form": LookupForm()}))
    ip = ratelimit.client_ip(request)
    wait = ratelimit.take(ratelimit.LOOKUP_PER_IP, ip)
    if wait is not None:
        return _too_many(request, wait)
    form = LookupForm(request.POST)
    if not form.is_valid():
        return _no_store(render(request, "cases/public/lookup.html", {"form": form}, status=400))
    code = form.cleaned_data["code"]
    wait = ratelimit.exceeded(ratelimit.LOOKUP_FAILURES_PER_CODE, code)
    if wait is not None:
        return _too_many(request, wait)
    case = privacy.case_find_for_requester(code=code, factor=form.cleaned_data["factor"])
    if case is None:
        ratelimit.hit(ratelimit.LOOKUP_FAILURES_PER_CODE, code)
        form.add_error(
            None,
            _(
                "Không tìm thấy hồ sơ với mã tra cứu và thông tin xác minh này. Hãy kiểm tra lại mã trong "
                "thư xác nhận và 4 số cuối số điện thoại hoặc địa chỉ thư điện tử đã khai."
            ),
        )
        return _no_store(render(request, "cases/public/lookup.html", {"form": form}, status=404))
    request.session.cycle_key()
    request.session[_GRANT] = {"case": case.pk, "until": time.time() + GRANT_SECONDS}
    return HttpResponseRedirect(reverse("cases:lookup_result"))


def _no_store(response: _R) -> _R:
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private"
    return response


@require_GET
def lookup_result(request: HttpRequest) -> HttpResponse:
    try:
        case = _granted_case(request)
    except Http404:
        return HttpResponseRedirect(reverse("cases:lookup"))
    attachments = [
        (a, _attachment_link(case, a))
        for a in case.attachments.filter(erased_at__isnull=True).exclude(file="")
    ]
    answered = case.answered_at is not None
    context = {
        "case": case,
        "answered": answered,
        "submitted_files": [pair for pair in attachments if pair[0].purpose == AttachmentPurpose.SUBMISSION],
        "answer_files": [pair for pair in attachments if pair[0].purpose == AttachmentPurpose.ANSWER]
        if answered
        else [],
    }
    return _no_store(render(request, "cases/public/lookup_result.html", context))


@require_GET
def attachment_download(request: HttpRequest, token: str) -> HttpResponseBase:
    """A file of the case looked up in this session, through a signed link valid for 15 minutes."""
    try:
        value = signing.TimestampSigner(salt=_ATTACHMENT_SALT).unsign(token, max_age=ATTACHMENT_LINK_SECONDS)
        case_id, attachment_id = (int(part) for part in value.split("."))
    except (signing.BadSignature, ValueError) as exc:
        raise Http404 from exc
    case = _granted_case(request)
    if case.pk != case_id:
        raise Http404
    attachment = CaseAttachment.objects.filter(pk=attachment_id, case=case, erased_at__isnull=True).first()
    if attachment is None or not attachment.file:
        raise Http404
    if attachment.purpose == AttachmentPurpose.ANSWER and case.answered_at is None:
        raise Http404
    return _file_response(attachment)


@login_required(login_url="wagtailadmin_login")
@require_GET
def staff_attachment_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A case's file for the staff who may see the case: coordinators, and handlers of its unit."""
    attachment = CaseAttachment.objects.filter(pk=pk, erased_at__isnull=True).first()
    if attachment is None or not attachment.file:
        raise Http404
    if not queries.cases_for_user(request.user).filter(pk=attachment.case_id).exists():  # type: ignore[arg-type]
        raise Http404
    return _file_response(attachment)


def _file_response(attachment: CaseAttachment) -> FileResponse:
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name or f"tep-{attachment.pk}.{attachment.extension}",
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return _no_store(response)


# --- the requester's rights -----------------------------------------------------------------------


@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    case = _granted_case(request)
    data = privacy.case_personal_data(case=case)
    return _no_store(render(request, "cases/public/my_data.html", {"case": case, "data": data}))


@require_GET
def my_data_json(request: HttpRequest) -> HttpResponse:
    case = _granted_case(request)
    body = json.dumps(privacy.case_personal_data(case=case), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="du-lieu-{case.tracking_code}.json"'
    return _no_store(response)


@require_http_methods(["GET", "HEAD", "POST"])
def erase_my_data(request: HttpRequest) -> HttpResponse:
    case = _granted_case(request)
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            context = {"case": case, "error": _("Hãy đánh dấu ô xác nhận để xoá dữ liệu.")}
            return _no_store(render(request, "cases/public/erase.html", context, status=400))
        privacy.case_erase_personal_data(case=case, reason=privacy.ERASED_BY_REQUEST)
        request.session.pop(_GRANT, None)
        return _no_store(render(request, "cases/public/erased.html", {"case": case}))
    return _no_store(render(request, "cases/public/erase.html", {"case": case}))
