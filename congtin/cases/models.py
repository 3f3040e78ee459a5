"""One case engine for every kind of case: feedback (phản ánh, kiến nghị), information requests
(yêu cầu cung cấp thông tin) and, later, journalists' questions.

Writes go through ``services``; the state machine is ``choices.TRANSITIONS``; the working-day
arithmetic is ``clock``. Personal data sits apart in ``CaseContact`` so it can be erased without
touching the case's history.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
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

    # Bulk writes keep the report roll-up (CaseTally) in step, like Case.save and Case.delete.

    def update(self, **kwargs: Any) -> int:
        from congtin.cases.reports import tallies

        columns = tallies.attnames(self.model, kwargs)
        if not tallies.touches(columns):
            return super().update(**kwargs)
        with transaction.atomic(using=self.db, savepoint=False):
            before = tallies.locked_rows(self)
            updated = super().update(**kwargs)
            after = tallies.current_rows(before)
            tallies.case_tally_follow((row, after.get(pk)) for pk, row in before.items())
        return updated

    def delete(self) -> tuple[int, dict[str, int]]:
        from congtin.cases.reports import tallies

        with transaction.atomic(using=self.db, savepoint=False):
            before = tallies.locked_rows(self)
            deleted = super().delete()
            tallies.case_tally_follow((row, None) for row in before.values())
        return deleted

    def bulk_create(
        self,
        objs: Iterable[Any],
        batch_size: int | None = None,
        ignore_conflicts: bool = False,
        update_conflicts: bool = False,
        update_fields: Collection[str] | None = None,
        unique_fields: Collection[str] | None = None,
    ) -> list[Any]:
        from congtin.cases.reports import tallies

        if ignore_conflicts or update_conflicts:
            # Which rows went in is unknown then: the roll-up could not follow.
            raise ValueError(
                "bulk_create of cases with conflicts handling: insert, then rebuild_case_tallies"
            )
        with transaction.atomic(using=self.db, savepoint=False):
            created = super().bulk_create(objs, batch_size=batch_size)
            after = tallies.current_rows(case.pk for case in created)
            tallies.case_tally_follow((None, row) for row in after.values())
        return created


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

    def save(self, **kwargs: Any) -> None:
        """Save, and move the case in the report roll-up (``reports.tallies``) in the same transaction."""
        from congtin.cases.reports import tallies

        update_fields = kwargs.get("update_fields")
        columns = None if update_fields is None else tallies.attnames(Case, update_fields)
        if not tallies.touches(columns):
            super().save(**kwargs)
            return
        with transaction.atomic(savepoint=False):
            before = None if self._state.adding else tallies.locked_rows(Case.objects.filter(pk=self.pk))
            row = before.get(self.pk) if before else None
            super().save(**kwargs)
            tallies.case_tally_follow([(row, tallies.saved_row(self, row, columns))])

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        from congtin.cases.reports import tallies

        with transaction.atomic(savepoint=False):
            before = tallies.locked_rows(Case.objects.filter(pk=self.pk))
            deleted = super().delete(*args, **kwargs)
            tallies.case_tally_follow((row, None) for row in before.values())
        return deleted

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


# --- public intake (cases-intake): attachments, the confirmation outbox, Decree 13/2018 details ----


def _case_file_storage() -> Any:
    from congtin.cases.storage import case_file_storage

    return case_file_storage


def _case_file_name(instance: CaseAttachment, filename: str) -> str:
    # A random name: the uploader's file name may carry personal data and is kept apart (original_name).
    from secrets import token_hex

    return f"{instance.case_id}/{token_hex(16)}.{instance.extension}"


class AttachmentPurpose(models.TextChoices):
    SUBMISSION = "submission", _("Người gửi đính kèm")
    ANSWER = "answer", _("Đính kèm câu trả lời")


class CaseAttachment(models.Model):
    """A file sent with a case or with its answer, stored privately (never under MEDIA_URL)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    purpose = models.CharField(_("mục đích"), max_length=20, choices=AttachmentPurpose.choices)
    file = models.FileField(
        _("tệp"), storage=_case_file_storage, upload_to=_case_file_name, max_length=200, blank=True
    )
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    content_type = models.CharField(_("kiểu tệp"), max_length=100)
    extension = models.CharField(_("đuôi tệp"), max_length=10)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64, editable=False)
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người tải lên"),
    )
    erased_at = models.DateTimeField(_("thời điểm xoá tệp"), null=True, blank=True)

    class Meta:
        verbose_name = _("tệp đính kèm hồ sơ")
        verbose_name_plural = _("tệp đính kèm hồ sơ")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name or f"#{self.pk}"


class CaseEmail(models.Model):
    """An outbox row: a message to the requester, written in the submitting transaction and sent after it.

    The row is the message: if the mail server is down it stays unsent, with its attempts and the
    time of the next try, until ``send_case_emails`` (or the task that follows the commit) delivers it.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="emails")
    to = models.EmailField(_("người nhận"), blank=True)
    subject = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(_("thời điểm tạo"))
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    next_try_at = models.DateTimeField(_("lần gửi tiếp theo"), null=True, blank=True, db_index=True)
    sent_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("thư gửi người yêu cầu")
        verbose_name_plural = _("thư gửi người yêu cầu")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.subject


class DeliveryForm(models.TextChoices):
    """Hình thức cung cấp thông tin (Luật TCTT Điều 30–31; mẫu phiếu yêu cầu, Nghị định 13/2018)."""

    ELECTRONIC = "electronic", _("Tệp điện tử")
    PAPER_COPY = "paper_copy", _("Bản sao, bản chụp")
    READ_ON_SITE = "read_on_site", _("Đọc, xem, nghe, ghi chép tại trụ sở cơ quan")


class DeliveryMethod(models.TextChoices):
    """Phương thức nhận thông tin."""

    EMAIL = "email", _("Qua thư điện tử")
    POST = "post", _("Qua dịch vụ bưu chính")
    IN_PERSON = "in_person", _("Nhận trực tiếp tại cơ quan")
    FAX = "fax", _("Qua fax")


class CaseRequestDetails(models.Model):
    """What the information-request form (Luật TCTT Điều 24; Nghị định 13/2018 mẫu phiếu) adds to a case."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="request_details")
    id_number = models.CharField(_("số CMND, CCCD hoặc hộ chiếu"), max_length=20, blank=True)
    purpose = models.TextField(_("mục đích sử dụng thông tin"), blank=True)
    delivery_form = models.CharField(_("hình thức cung cấp"), max_length=20, choices=DeliveryForm.choices)
    delivery_method = models.CharField(_("phương thức nhận"), max_length=20, choices=DeliveryMethod.choices)
    copies = models.PositiveSmallIntegerField(_("số bản"), default=1)

    class Meta:
        verbose_name = _("phiếu yêu cầu cung cấp thông tin")
        verbose_name_plural = _("phiếu yêu cầu cung cấp thông tin")

    def __str__(self) -> str:
        return str(self.case_id)


# --- handling: notes, answer templates, published answers (hỏi đáp) --------------------------------


class CaseNote(models.Model):
    """A ghi chú nội bộ: staff talking to staff about a case. Never shown to the requester or the public."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người viết")
    )
    created_at = models.DateTimeField(_("thời điểm"))
    text = models.TextField(_("nội dung ghi chú"))

    class Meta:
        verbose_name = _("ghi chú nội bộ")
        verbose_name_plural = _("ghi chú nội bộ")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.text[:50]}"


class AnswerTemplate(models.Model):
    """A mẫu trả lời: a reusable answer for a case type and/or field, with placeholders filled per case."""

    name = models.CharField(_("tên mẫu"), max_length=200)
    case_type = models.ForeignKey(
        CaseType,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("loại hồ sơ"),
        help_text=_("Để trống: dùng cho mọi loại hồ sơ."),
    )
    field = models.ForeignKey(
        "documents.Field",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("lĩnh vực"),
        help_text=_("Để trống: dùng cho mọi lĩnh vực."),
    )
    body = models.TextField(
        _("nội dung mẫu"),
        help_text=_(
            "Có thể dùng: {ma_tra_cuu}, {ngay_tiep_nhan}, {ngay_tra_loi}, {tieu_de}, {don_vi}, "
            "{linh_vuc}, {can_bo}, {loai_ho_so}."
        ),
    )
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("mẫu trả lời")
        verbose_name_plural = _("mẫu trả lời")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from congtin.cases.handling import template_placeholder_errors

        unknown = template_placeholder_errors(self.body or "")
        if unknown:
            raise ValidationError(
                {"body": _("Mẫu có chỗ điền không hợp lệ: %(names)s.") % {"names": ", ".join(unknown)}}
            )


class QuestionAnswerQuerySet(models.QuerySet["QuestionAnswer"]):
    def public(self) -> QuestionAnswerQuerySet:
        """Published and not withdrawn: the only rows any public page, feed or index may read."""
        return self.filter(published_at__isnull=False, withdrawn_at__isnull=True)


class QuestionAnswer(models.Model):
    """A hỏi đáp: the confirmed, anonymised question and answer of a case, as the public sees them.

    Only the text the handler confirmed is stored here; public pages read this table alone, never
    the case, so nothing else about the case (requester, notes, history) can reach them.
    """

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="qa", verbose_name=_("hồ sơ"))
    title = models.CharField(_("tiêu đề công khai"), max_length=300)
    question = models.TextField(_("câu hỏi (đã ẩn danh)"))
    answer = models.TextField(_("trả lời (đã ẩn danh)"))
    field = models.ForeignKey(
        "documents.Field",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lĩnh vực"),
    )
    asked_on = models.DateField(_("ngày hỏi"))
    answered_on = models.DateField(_("ngày trả lời"))
    published_at = models.DateTimeField(_("thời điểm công khai"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người xác nhận"),
    )
    withdrawn_at = models.DateTimeField(_("thời điểm rút"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("lý do rút"), blank=True)

    objects = QuestionAnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("hỏi đáp")
        verbose_name_plural = _("hỏi đáp")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["withdrawn_at", "published_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.published_at is not None and self.withdrawn_at is None


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


class CaseTally(models.Model):
    """One row of the report roll-up (``reports.tallies``): counts of the cases received in ``month``
    whose ``dim`` is ``key``, among all cases (``slice_dim`` empty) or those whose ``slice_dim`` is
    ``slice_key``. Written only by ``reports.tallies``, never by hand."""

    slice_dim = models.CharField(max_length=10, blank=True)
    slice_key = models.CharField(max_length=30, blank=True)
    month = models.DateField()
    dim = models.CharField(max_length=10)
    key = models.CharField(max_length=30, blank=True)
    cases = models.IntegerField(default=0)
    measured = models.IntegerField(default=0)
    on_time = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu tổng hợp theo tháng")
        verbose_name_plural = _("số liệu tổng hợp theo tháng")
        constraints = [
            # Also the index a report reads: one slice, a range of months.
            models.UniqueConstraint(
                fields=["slice_dim", "slice_key", "month", "dim", "key"], name="cases_casetally_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%m/%Y} {self.slice_dim}={self.slice_key} {self.dim}={self.key}: {self.cases}"


class ReminderSent(models.Model):
    """One handler's daily reminder, by Vietnam date: a second run of the job the same day sends nothing."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("ngày"))
    sent_at = models.DateTimeField(_("thời điểm gửi"))

    class Meta:
        verbose_name = _("thư nhắc đã gửi")
        verbose_name_plural = _("thư nhắc đã gửi")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="cases_one_reminder_a_day")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day:%d/%m/%Y}"


from congtin.cases.pages import QuestionAnswerIndexPage  # noqa: E402, F401
