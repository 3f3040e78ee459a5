"""One case engine for every kind of case: feedback (phản ánh, kiến nghị), information requests
(yêu cầu cung cấp thông tin) and, later, journalists' questions.

Writes go through ``services``; the state machine is ``choices.TRANSITIONS``; the working-day
arithmetic is ``clock``. Personal data sits apart in ``CaseContact`` so it can be erased without
touching the case's history.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from congtin.cases.choices import (
    CLOSED_STATES,
    OPEN_STATES,
    CaseState,
    Channel,
    DeadlineUnit,
    EventKind,
    HolidayKind,
)


class Unit(models.Model):
    """An đơn vị xử lý: a department of the agency that handles cases; its members are the handlers."""

    name = models.CharField(_("tên đơn vị"), max_length=200, unique=True)
    code = models.SlugField(_("mã đơn vị"), max_length=50, unique=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="case_units", blank=True, verbose_name=_("cán bộ")
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("đơn vị xử lý")
        verbose_name_plural = _("đơn vị xử lý")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CaseType(models.Model):
    """A kind of case and its clock. The agency edits these rows: they are its deadline settings."""

    code = models.SlugField(_("mã loại"), max_length=50, unique=True)
    name = models.CharField(_("tên loại"), max_length=200)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300, blank=True)
    deadline_unit = models.CharField(
        _("đơn vị thời hạn"), max_length=20, choices=DeadlineUnit.choices, default=DeadlineUnit.WORKING_DAYS
    )
    deadline_amount = models.PositiveSmallIntegerField(
        _("thời hạn giải quyết"), help_text=_("Số ngày làm việc (hoặc số giờ) kể từ khi tiếp nhận.")
    )
    notice_days = models.PositiveSmallIntegerField(
        _("thời hạn thông báo"),
        null=True,
        blank=True,
        help_text=_("Số ngày làm việc để thông báo thời hạn cho người yêu cầu (Điều 31 Luật TCTT)."),
    )
    max_extension_days = models.PositiveSmallIntegerField(
        _("gia hạn tối đa (ngày làm việc)"), default=0, help_text=_("0: không được gia hạn.")
    )
    requires_unit = models.BooleanField(_("phải giao đơn vị xử lý"), default=True)
    publishable = models.BooleanField(_("được công khai câu trả lời"), default=False)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("loại hồ sơ")
        verbose_name_plural = _("loại hồ sơ")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CaseQuerySet(models.QuerySet["Case"]):
    def open(self) -> CaseQuerySet:
        """Cases whose clock is running (not paused, not finished)."""
        return self.filter(state__in=OPEN_STATES)

    def unfinished(self) -> CaseQuerySet:
        """Cases still needing the agency or the requester: open or paused."""
        return self.exclude(state__in=CLOSED_STATES)


class Case(models.Model):
    case_type = models.ForeignKey(CaseType, on_delete=models.PROTECT, verbose_name=_("loại hồ sơ"))
    tracking_code = models.CharField(_("mã tra cứu"), max_length=19, unique=True, editable=False)
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=CaseState.choices, default=CaseState.RECEIVED
    )
    # The state to go back to when the requester completes the request (yêu cầu bổ sung).
    resume_state = models.CharField(max_length=20, choices=CaseState.choices, blank=True, editable=False)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="cases", verbose_name=_("đơn vị")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("cán bộ xử lý"),
    )
    field = models.ForeignKey(
        "documents.Field", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("lĩnh vực")
    )
    channel = models.CharField(_("kênh tiếp nhận"), max_length=20, choices=Channel.choices)
    subject = models.CharField(_("tiêu đề"), max_length=300)
    content = models.TextField(_("nội dung"))

    submitted_at = models.DateTimeField(_("thời điểm tiếp nhận"))
    deadline_at = models.DateTimeField(_("hạn giải quyết"), null=True, blank=True)
    notice_due_at = models.DateTimeField(_("hạn thông báo thời hạn"), null=True, blank=True)
    paused_total = models.DurationField(_("tổng thời gian tạm dừng"), default=timedelta)
    extension_days = models.PositiveSmallIntegerField(_("số ngày gia hạn"), default=0)
    extension_reason = models.TextField(_("lý do gia hạn"), blank=True)
    extended_at = models.DateTimeField(_("thời điểm gia hạn"), null=True, blank=True)

    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_at = models.DateTimeField(_("thời điểm trả lời"), null=True, blank=True)
    # What the public sees: written (anonymised) by the agency, never copied from the request itself.
    public_question = models.TextField(_("nội dung công khai (đã ẩn danh)"), blank=True)
    public_answer = models.TextField(_("trả lời công khai"), blank=True)
    published_at = models.DateTimeField(_("thời điểm công khai"), null=True, blank=True)

    forwarded_to = models.CharField(_("chuyển tới cơ quan"), max_length=300, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("trùng với hồ sơ"),
    )
    refusal_ground = models.TextField(_("căn cứ từ chối"), blank=True)
    closed_at = models.DateTimeField(_("thời điểm kết thúc"), null=True, blank=True)

    # Handling figures, stored when the case closes (reports.figures) so reports never run the clock
    # per row: counted working days from receipt to closing, and whether it closed by its deadline.
    # Empty while open and for a merged duplicate (the surviving case carries the figures).
    working_days_taken = models.PositiveIntegerField(
        _("số ngày làm việc đã dùng"), null=True, blank=True, editable=False
    )
    on_time = models.BooleanField(_("đúng hạn"), null=True, blank=True, editable=False)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        ordering = ["deadline_at", "pk"]
        indexes = [models.Index(fields=["state", "deadline_at"])]

    def __str__(self) -> str:
        return f"{self.tracking_code} — {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_paused(self) -> bool:
        return self.state == CaseState.CLARIFICATION


class CaseContact(models.Model):
    """The requester's personal data, kept apart so it can be erased (Decree 13/2023) on its own."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="contact")
    name = models.CharField(_("họ và tên"), max_length=200, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    consent_at = models.DateTimeField(_("thời điểm đồng ý"), null=True, blank=True)
    consent_purpose = models.CharField(_("mục đích xử lý dữ liệu"), max_length=300, blank=True)
    erased_at = models.DateTimeField(_("thời điểm xoá dữ liệu"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông tin liên hệ")
        verbose_name_plural = _("thông tin liên hệ")

    def __str__(self) -> str:
        return self.name or str(_("(ẩn danh)"))


class CaseEvent(models.Model):
    """One line of a case's history: every transition and every recomputed deadline."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("loại"), max_length=20, choices=EventKind.choices, default=EventKind.TRANSITION)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    at = models.DateTimeField(_("thời điểm"))
    from_state = models.CharField(_("từ trạng thái"), max_length=20, choices=CaseState.choices, blank=True)
    to_state = models.CharField(_("sang trạng thái"), max_length=20, choices=CaseState.choices, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("diễn biến hồ sơ")
        verbose_name_plural = _("diễn biến hồ sơ")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_state} → {self.to_state}"


class Holiday(models.Model):
    """A day off (lễ, Tết, hoán đổi, nghỉ bù) or a make-up working day (làm bù), as announced each year."""

    date = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại ngày"), max_length=20, choices=HolidayKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"), editable=False)

    class Meta:
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("lịch nghỉ lễ, Tết")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} — {self.name}"

    def clean(self) -> None:
        if self.date is None:
            return
        self.year = self.date.year
        weekend = self.date.weekday() >= 5
        if self.kind == HolidayKind.MAKEUP and not weekend:
            raise ValidationError({"kind": _("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.")})


class CaseExport(models.Model):
    """The audit record of one export of case reports or case lists: who, when, which filters.

    Every export is recorded; ``personal_data`` marks the ones that carried requesters' personal data,
    which only holders of ``cases.export_personal_data`` may ask for.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người xuất")
    )
    at = models.DateTimeField(_("thời điểm"))
    content = models.CharField(_("nội dung xuất"), max_length=20)
    file_format = models.CharField(_("định dạng"), max_length=10)
    personal_data = models.BooleanField(_("có dữ liệu cá nhân"), default=False)
    filters = models.JSONField(_("bộ lọc"), default=dict)
    row_count = models.PositiveIntegerField(_("số dòng"), default=0)

    class Meta:
        verbose_name = _("lần xuất dữ liệu hồ sơ")
        verbose_name_plural = _("nhật ký xuất dữ liệu hồ sơ")
        ordering = ["-at", "-pk"]
        permissions = [
            ("export_personal_data", _("Xuất dữ liệu cá nhân của người gửi phản ánh, yêu cầu")),
            ("view_all_case_reports", _("Xem báo cáo tổng hợp của mọi đơn vị")),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.at:%d/%m/%Y %H:%M} {self.content}.{self.file_format}"
