"""The handling screens in Wagtail's admin: the queue ("Hồ sơ cần xử lý"), a case's screen, and the
bulk actions (assign, publish as Hỏi đáp).

Every screen reads through ``queries.cases_for_user``: a handler sees their units' cases only, a
coordinator all. A case outside that set answers 404, whatever its number. Every write calls one
service of ``services`` or ``handling``, which check the actor again.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from congtin.cases import handling, queries, services
from congtin.cases.choices import OPEN_STATES, CaseState, Channel
from congtin.cases.forms import MultipleFileField
from congtin.cases.models import Case, CaseType, QuestionAnswer, Unit
from congtin.cases.roles import HANDLER
from congtin.cases.services import CaseTransitionError
from congtin.documents.models import Field
from congtin.users.models import User


class CasePermissionPolicy(BasePermissionPolicy):
    """Handlers and coordinators may view and change (handle) cases; nobody adds or deletes them here."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action not in ("view", "change") or not user.is_authenticated:
            return False
        return queries.user_is_coordinator(user) or queries.user_is_handler(user)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        return self.user_has_permission(user, action) and services.case_can_act(case=instance, user=user)

    def instances_user_has_permission_for(self, user: Any, action: str) -> QuerySet[Case]:
        if not self.user_has_permission(user, action):
            return Case.objects.none()
        return queries.cases_for_user(user)


# --- the queue -------------------------------------------------------------------------------------

DUE_OVERDUE = "qua-han"
DUE_SOON = "sap-den-han"


def _handlers() -> QuerySet[User]:
    return (
        User.objects.filter(is_active=True, groups__name=HANDLER.group_name).distinct().order_by("username")
    )


class CaseFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=gettext_lazy("Trạng thái"), choices=CaseState.choices)
    due = django_filters.ChoiceFilter(
        label=gettext_lazy("Thời hạn"),
        choices=[(DUE_OVERDUE, gettext_lazy("Quá hạn")), (DUE_SOON, gettext_lazy("Sắp đến hạn"))],
        method="filter_due",
    )
    case_type = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Loại hồ sơ"), queryset=CaseType.objects.all()
    )
    field = django_filters.ModelChoiceFilter(label=gettext_lazy("Lĩnh vực"), queryset=Field.objects.all())
    channel = django_filters.ChoiceFilter(label=gettext_lazy("Kênh tiếp nhận"), choices=Channel.choices)
    unit = django_filters.ModelChoiceFilter(label=gettext_lazy("Đơn vị"), queryset=Unit.objects.all())
    assignee = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Cán bộ xử lý"), queryset=lambda request: _handlers()
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Ngày tiếp nhận"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Case
        fields: list[str] = []

    def filter_due(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        now = timezone.now()
        if value == DUE_OVERDUE:
            return queryset.filter(state__in=OPEN_STATES, deadline_at__lt=now)
        if value == DUE_SOON:
            limit = queries.due_soon_limit(days=2, now=now, cal=queries.work_calendar())
            return queryset.filter(state__in=OPEN_STATES, deadline_at__gte=now, deadline_at__lte=limit)
        return queryset


class StateColumn(Column):
    def get_value(self, instance: Case) -> str:
        return str(instance.get_state_display())


class DeadlineColumn(DateColumn):
    """The deadline, flagged when the case is open and late."""

    def get_value(self, instance: Case) -> Any:
        return instance.deadline_at


class CaseIndexView(IndexView):
    page_title = gettext_lazy("Hồ sơ cần xử lý")
    template_name = "cases/admin/queue.html"
    results_template_name = "cases/admin/queue_results.html"
    default_ordering = "deadline_at"
    search_fields = ["tracking_code", "subject", "content"]
    filterset_class = CaseFilterSet
    paginate_by = 50

    def get_base_queryset(self) -> QuerySet[Case]:
        return queries.cases_for_user(self.request.user)

    @cached_property
    def columns(self) -> list[Column]:
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="case"),
            TitleColumn(
                "subject",
                label=_("Hồ sơ"),
                get_url=lambda case: reverse("cases_case:edit", args=(case.pk,)),
                get_title_id=lambda case: f"case_{case.pk}_title",
            ),
            Column("tracking_code", label=_("Mã tra cứu")),
            StateColumn("state", label=_("Trạng thái"), sort_key="state"),
            Column("case_type", label=_("Loại")),
            Column("unit", label=_("Đơn vị")),
            Column("assignee", label=_("Cán bộ xử lý")),
            DateColumn("submitted_at", label=_("Tiếp nhận"), sort_key="submitted_at"),
            DeadlineColumn("deadline_at", label=_("Hạn giải quyết"), sort_key="deadline_at"),
        ]

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        if not self.results_only:
            context["counts"] = queries.queue_counts(self.get_base_queryset())
            context["index_url"] = reverse("cases_case:index")
        return context


# --- one case --------------------------------------------------------------------------------------


class NoteForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Ghi chú nội bộ"), widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 10})
    )
    answer_files = MultipleFileField(
        label=gettext_lazy("Tệp đính kèm câu trả lời"),
        required=False,
        help_text=gettext_lazy("PDF, DOCX, JPG hoặc PNG; mỗi tệp tối đa 10 MB, tổng cộng tối đa 25 MB."),
    )


class TextForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


# The moves offered on a case's screen: action name, target state, label, whether text is needed.
MOVES: list[tuple[str, CaseState, Any, Any]] = [
    ("start", CaseState.IN_PROGRESS, gettext_lazy("Bắt đầu xử lý"), None),
    (
        "clarify",
        CaseState.CLARIFICATION,
        gettext_lazy("Yêu cầu bổ sung"),
        gettext_lazy("Nội dung cần bổ sung"),
    ),
    ("resume", CaseState.RECEIVED, gettext_lazy("Đã nhận bổ sung"), None),
    (
        "forward",
        CaseState.FORWARDED,
        gettext_lazy("Chuyển cơ quan khác"),
        gettext_lazy("Cơ quan được chuyển tới"),
    ),
    ("refuse", CaseState.REFUSED, gettext_lazy("Từ chối"), gettext_lazy("Căn cứ pháp lý")),
]


def _available_moves(case: Case) -> list[dict[str, Any]]:
    from congtin.cases.choices import TRANSITIONS

    allowed = TRANSITIONS[CaseState(case.state)]
    moves = []
    for action, target, label, text_label in MOVES:
        if action == "resume":
            ok = case.state == CaseState.CLARIFICATION
        elif case.state == CaseState.CLARIFICATION:
            ok = target in allowed and target not in OPEN_STATES
        else:
            ok = target in allowed
        if ok:
            moves.append({"action": action, "label": label, "text_label": text_label})
    return moves


def _visible_case(request: HttpRequest, pk: int) -> Case:
    """The case if this user may see it; 404 otherwise (never tell a stranger the case exists)."""
    case = queries.cases_for_user(request.user).filter(pk=pk).first()  # type: ignore[arg-type]
    if case is None:
        raise Http404
    return case


def case_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A case's screen: its content, history, notes, moves, answer with templates, duplicates, Q&A."""
    case = _visible_case(request, pk)
    user: User = request.user  # type: ignore[assignment]
    if request.method == "POST":
        return _case_post(request, case, user)
    return _render_case(request, case, user)


def _render_case(
    request: HttpRequest, case: Case, user: User, *, answer_form: AnswerForm | None = None, status: int = 200
) -> TemplateResponse:
    templates = list(queries.answer_templates_for(case))
    template_id = request.GET.get("mau")
    if answer_form is None:
        initial = case.answer
        chosen = next((t for t in templates if str(t.pk) == template_id), None)
        if chosen is not None:
            initial = handling.answer_template_fill(template=chosen, case=case, actor=user)
        answer_form = AnswerForm(initial={"answer": initial})
    can_act = services.case_can_act(case=case, user=user)
    coordinator = queries.user_is_coordinator(user)
    qa = QuestionAnswer.objects.filter(case=case).first()
    context = {
        "case": case,
        "contact": getattr(case, "contact", None),
        "attachments": list(case.attachments.filter(erased_at__isnull=True)),
        "events": queries.case_history(case),
        "notes": queries.case_notes(case),
        "can_act": can_act,
        "is_coordinator": coordinator,
        "moves": _available_moves(case) if can_act else [],
        "can_answer": can_act and case.state in (CaseState.IN_PROGRESS, CaseState.EXTENDED),
        "can_extend": can_act
        and case.state == CaseState.IN_PROGRESS
        and case.case_type.max_extension_days > 0,
        "can_assign": can_act and case.state in (CaseState.CLASSIFIED, CaseState.ASSIGNED),
        "can_transfer": coordinator and case.state in OPEN_STATES,
        "assignees": _handlers().filter(case_units=case.unit_id) if case.unit_id else User.objects.none(),
        "units": Unit.objects.filter(is_active=True),
        "fields": Field.objects.all(),
        "answer_form": answer_form,
        "answer_templates": templates,
        "duplicates": queries.case_duplicates(case, user=user)
        if case.state not in (CaseState.MERGED,)
        else [],
        "qa": qa,
        "can_publish": can_act
        and case.case_type.publishable
        and (case.state == CaseState.ANSWERED or (qa is not None and not qa.is_public)),
        "publish_url": _publish_url([case.pk]),
        "index_url": reverse("cases_case:index"),
        "page_title": case.tracking_code,
        "header_title": f"{case.tracking_code} — {case.subject}",
    }
    return TemplateResponse(request, "cases/admin/case.html", context, status=status)


def _case_post(request: HttpRequest, case: Case, user: User) -> HttpResponseBase:
    action = request.POST.get("action", "")
    text = request.POST.get("text", "")
    here = reverse("cases_case:edit", args=(case.pk,))
    try:
        if action == "note":
            handling.case_add_note(case=case, actor=user, text=text)
            messages.success(request, _("Đã thêm ghi chú nội bộ."))
        elif action == "answer":
            form = AnswerForm(request.POST, request.FILES)
            if not form.is_valid():
                messages.error(request, _("Phải có nội dung trả lời."))
                return _render_case(request, case, user, answer_form=form, status=400)
            try:
                handling.case_answer_with_files(
                    case=case,
                    actor=user,
                    answer=form.cleaned_data["answer"],
                    files=form.cleaned_data["answer_files"],
                )
            except ValidationError as error:
                case.refresh_from_db()
                form.add_error("answer_files", error)
                messages.error(request, _("Tệp đính kèm không được chấp nhận; câu trả lời chưa được gửi."))
                return _render_case(request, case, user, answer_form=form, status=400)
            messages.success(request, _("Đã ghi nhận câu trả lời."))
        elif action == "assign":
            assignee = get_object_or_404(_handlers(), pk=request.POST.get("assignee") or 0)
            services.case_assign(case=case, actor=user, assignee=assignee, note=text)
            messages.success(request, _("Đã giao hồ sơ cho %(name)s.") % {"name": assignee})
        elif action == "transfer":
            unit = get_object_or_404(Unit, pk=request.POST.get("unit") or 0)
            field_id = request.POST.get("field") or ""
            field = get_object_or_404(Field, pk=field_id) if field_id.isdigit() else None
            handling.case_transfer(case=case, actor=user, unit=unit, field=field, note=text)
            messages.success(request, _("Đã chuyển hồ sơ cho %(unit)s.") % {"unit": unit.name})
        elif action == "extend":
            try:
                days = int(request.POST.get("days", ""))
            except ValueError:
                raise CaseTransitionError(_("Số ngày gia hạn phải là một số.")) from None
            services.case_extend(case=case, actor=user, days=days, reason=text)
            messages.success(request, _("Đã gia hạn hồ sơ."))
        elif action == "merge":
            into = _visible_case(request, int(request.POST.get("into") or 0))
            handling.case_merge_duplicate(case=case, into=into, actor=user, note=text)
            messages.success(request, _("Đã gộp hồ sơ vào %(code)s.") % {"code": into.tracking_code})
        elif action == "withdraw_qa":
            qa = get_object_or_404(QuestionAnswer, case=case)
            handling.qa_withdraw(qa=qa, actor=user, reason=text)
            messages.success(request, _("Đã rút câu trả lời khỏi Hỏi đáp."))
        elif action == "start":
            services.case_start(case=case, actor=user, note=text)
            messages.success(request, _("Hồ sơ đang được xử lý."))
        elif action == "clarify":
            services.case_request_clarification(case=case, actor=user, note=text)
            messages.success(request, _("Đã yêu cầu bổ sung; thời hạn tạm dừng."))
        elif action == "resume":
            services.case_resume(case=case, actor=user, note=text)
            messages.success(request, _("Đã ghi nhận việc bổ sung; thời hạn tiếp tục."))
        elif action == "forward":
            services.case_forward(case=case, actor=user, forwarded_to=text)
            messages.success(request, _("Đã chuyển hồ sơ sang cơ quan khác."))
        elif action == "refuse":
            services.case_refuse(case=case, actor=user, ground=text)
            messages.success(request, _("Đã từ chối hồ sơ."))
        else:
            messages.error(request, _("Thao tác không hợp lệ."))
            return _render_case(request, case, user, status=400)
    except PermissionDenied as error:
        # Wagtail would turn this into a redirect to the dashboard; say why, here, with a 403.
        case.refresh_from_db()
        messages.error(request, str(error) or _("Bạn không có quyền thực hiện thao tác này."))
        return _render_case(request, case, user, status=403)
    except CaseTransitionError as error:
        case.refresh_from_db()
        messages.error(request, str(error))
        failed_form = AnswerForm(request.POST) if action == "answer" else None
        return _render_case(request, case, user, answer_form=failed_form, status=400)
    return redirect(here)


# --- publishing answers (one or several, after confirming the masked text) ------------------------


def _publish_url(pks: list[int]) -> str:
    return reverse("cases_case:publish") + "?" + "&".join(f"id={pk}" for pk in pks)


class PublishForm(forms.Form):
    """One title, question and answer per case, prefilled with the masked text, and one confirmation."""

    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Tôi đã đọc từng nội dung dưới đây và xác nhận không còn thông tin cá nhân của người hỏi."
        ),
        required=False,
    )

    def __init__(self, *args: Any, cases: list[Case], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cases = cases
        for case in cases:
            draft = queries.qa_draft(case)
            self.fields[f"title_{case.pk}"] = forms.CharField(
                label=gettext_lazy("Tiêu đề công khai"), initial=draft.title, max_length=300
            )
            self.fields[f"question_{case.pk}"] = forms.CharField(
                label=gettext_lazy("Câu hỏi (đã ẩn thông tin cá nhân)"),
                initial=draft.question,
                widget=forms.Textarea(attrs={"rows": 6}),
            )
            self.fields[f"answer_{case.pk}"] = forms.CharField(
                label=gettext_lazy("Trả lời (đã ẩn thông tin cá nhân)"),
                initial=draft.answer,
                widget=forms.Textarea(attrs={"rows": 6}),
            )

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "case": case,
                "title": self[f"title_{case.pk}"],
                "question": self[f"question_{case.pk}"],
                "answer": self[f"answer_{case.pk}"],
            }
            for case in self.cases
        ]

    def items(self) -> list[handling.QaText]:
        data = self.cleaned_data
        return [
            handling.QaText(
                case, data[f"title_{case.pk}"], data[f"question_{case.pk}"], data[f"answer_{case.pk}"]
            )
            for case in self.cases
        ]


def _publishable(request: HttpRequest) -> list[Case]:
    ids = [int(i) for i in request.GET.getlist("id") if i.isdigit()]
    if not ids:
        raise Http404
    cases = list(
        queries.cases_for_user(request.user)  # type: ignore[arg-type]
        .filter(pk__in=ids)
        .select_related("contact")
        .order_by("pk")
    )
    if len(cases) != len(set(ids)):
        raise Http404
    return cases


def qa_publish_view(request: HttpRequest) -> HttpResponseBase:
    """The confirm screen: each selected case's masked text, editable; nothing goes out unconfirmed."""
    cases = _publishable(request)
    user: User = request.user  # type: ignore[assignment]
    for case in cases:
        if not services.case_can_act(case=case, user=user):
            raise PermissionDenied
    form = PublishForm(request.POST or None, cases=cases)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                published = handling.qa_publish_batch(
                    items=form.items(), actor=user, confirmed=form.cleaned_data["confirm"]
                )
            except CaseTransitionError as error:
                messages.error(request, str(error))
                status = 400
            else:
                messages.success(
                    request,
                    ngettext(
                        "Đã công khai %(count)d câu trả lời trong Hỏi đáp.",
                        "Đã công khai %(count)d câu trả lời trong Hỏi đáp.",
                        len(published),
                    )
                    % {"count": len(published)},
                )
                if len(cases) == 1:
                    return redirect("cases_case:edit", cases[0].pk)
                return redirect("cases_case:index")
        else:
            messages.error(request, _("Hãy điền đủ tiêu đề, câu hỏi và câu trả lời của từng hồ sơ."))
            status = 400
    return TemplateResponse(
        request,
        "cases/admin/publish.html",
        {"form": form, "rows": form.rows(), "index_url": reverse("cases_case:index")},
        status=status,
    )


# --- bulk actions on the queue ---------------------------------------------------------------------


class CaseBulkAction(BulkAction):
    models = [Case]

    def get_actionable_objects(self) -> tuple[list[Case], dict[str, Any]]:
        ids = [i for i in self.request.GET.getlist("id") if i.isdigit()]
        visible = list(
            queries.cases_for_user(self.request.user).filter(pk__in=ids).order_by("deadline_at", "pk")
        )
        if len(visible) != len(set(ids)):
            raise Http404
        user: User = self.request.user
        objects = [c for c in visible if services.case_can_act(case=c, user=user)]
        return objects, {"items_with_no_access": [c for c in visible if c not in objects]}


class BulkAssignForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Đơn vị xử lý"), queryset=Unit.objects.filter(is_active=True), required=False
    )
    assignee = forms.ModelChoiceField(
        label=gettext_lazy("Cán bộ xử lý"), queryset=User.objects.none(), required=False
    )
    note = forms.CharField(label=gettext_lazy("Ghi chú"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = _handlers()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("unit") and not data.get("assignee"):
            raise forms.ValidationError(_("Hãy chọn đơn vị hoặc cán bộ xử lý."))
        return data


class BulkAssignAction(CaseBulkAction):
    display_name = gettext_lazy("Giao xử lý")
    action_type = "assign"
    aria_label = gettext_lazy("Giao các hồ sơ đã chọn cho đơn vị hoặc cán bộ")
    template_name = "cases/admin/bulk_assign.html"
    action_priority = 10
    form_class = BulkAssignForm

    def form_valid(self, form: BulkAssignForm) -> HttpResponse:
        objects, _rest = self.get_actionable_objects()
        try:
            result = handling.cases_bulk_assign(
                cases=objects,
                actor=self.request.user,
                unit=form.cleaned_data["unit"],
                assignee=form.cleaned_data["assignee"],
                note=form.cleaned_data["note"],
            )
        except CaseTransitionError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Đã giao %(count)d hồ sơ.") % {"count": max(result.transferred, result.assigned)},
        )
        return redirect(self.next_url)

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class BulkPublishAction(CaseBulkAction):
    """Leads to the confirm screen, where each masked text is read and confirmed."""

    display_name = gettext_lazy("Công khai (Hỏi đáp)")
    action_type = "publish_qa"
    aria_label = gettext_lazy("Công khai câu trả lời của các hồ sơ đã chọn")
    template_name = "cases/admin/bulk_assign.html"
    action_priority = 20

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        objects, _rest = self.get_actionable_objects()
        if not objects:
            raise PermissionDenied
        return redirect(_publish_url([c.pk for c in objects]))


# --- the viewset ------------------------------------------------------------------------------------


class CaseViewSet(ModelViewSet):
    model = Case
    icon = "mail"
    name = "cases_case"
    url_prefix = "ho-so"
    menu_label = gettext_lazy("Hồ sơ cần xử lý")
    menu_order = 100
    index_view_class = CaseIndexView
    add_to_admin_menu = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 50

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", case_detail, name="edit"),
            path("cong-khai/", qa_publish_view, name="publish"),
        ]

    def get_permissions_to_register(self) -> Any:
        from django.contrib.auth.models import Permission

        return Permission.objects.none()


__all__ = [
    "BulkAssignAction",
    "BulkPublishAction",
    "CasePermissionPolicy",
    "CaseViewSet",
]
