"""The case engine's vocabularies: states, the legal moves between them, channels and event kinds."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseState(models.TextChoices):
    RECEIVED = "received", _("Tiếp nhận")
    CLASSIFIED = "classified", _("Phân loại")
    ASSIGNED = "assigned", _("Chuyển xử lý")
    IN_PROGRESS = "in_progress", _("Đang xử lý")
    CLARIFICATION = "clarification", _("Yêu cầu bổ sung")
    EXTENDED = "extended", _("Gia hạn")
    ANSWERED = "answered", _("Đã trả lời")
    PUBLISHED = "published", _("Công khai")
    FORWARDED = "forwarded", _("Chuyển cơ quan khác")
    MERGED = "merged", _("Trùng")
    REFUSED = "refused", _("Từ chối")


S = CaseState
# Every legal move; a service refuses anything else. Yêu cầu bổ sung goes back to the state it was
# requested from (``Case.resume_state``) through ``case_resume`` only, which also adds up the pause;
# the other moves out of it close the case.
_CLOSE_EARLY = {S.CLARIFICATION, S.FORWARDED, S.MERGED, S.REFUSED}
TRANSITIONS: dict[CaseState, frozenset[CaseState]] = {
    S.RECEIVED: frozenset({S.CLASSIFIED, *_CLOSE_EARLY}),
    S.CLASSIFIED: frozenset({S.ASSIGNED, *_CLOSE_EARLY}),
    S.ASSIGNED: frozenset({S.ASSIGNED, S.IN_PROGRESS, *_CLOSE_EARLY}),
    S.IN_PROGRESS: frozenset({S.EXTENDED, S.ANSWERED, *_CLOSE_EARLY}),
    S.EXTENDED: frozenset({S.ANSWERED, *_CLOSE_EARLY}),
    S.CLARIFICATION: frozenset({S.RECEIVED, S.CLASSIFIED, S.ASSIGNED, S.IN_PROGRESS, S.EXTENDED}),
    S.ANSWERED: frozenset({S.PUBLISHED}),
    S.PUBLISHED: frozenset(),
    S.FORWARDED: frozenset(),
    S.MERGED: frozenset(),
    S.REFUSED: frozenset(),
}
# The clock runs in these states; it is stopped in CLARIFICATION and finished in the rest.
OPEN_STATES = frozenset({S.RECEIVED, S.CLASSIFIED, S.ASSIGNED, S.IN_PROGRESS, S.EXTENDED})
CLOSED_STATES = frozenset({S.ANSWERED, S.PUBLISHED, S.FORWARDED, S.MERGED, S.REFUSED})


class Channel(models.TextChoices):
    WEB = "web", _("Cổng thông tin")
    EMAIL = "email", _("Thư điện tử")
    POST = "post", _("Bưu chính")
    IN_PERSON = "in_person", _("Trực tiếp")
    PHONE = "phone", _("Điện thoại")


class DeadlineUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("Ngày làm việc")
    HOURS = "hours", _("Giờ")


class EventKind(models.TextChoices):
    TRANSITION = "transition", _("Chuyển trạng thái")
    RETIME = "retime", _("Tính lại thời hạn")
    NOTE = "note", _("Ghi chú")


class HolidayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Ngày lễ, Tết")
    BRIDGE = "bridge", _("Ngày nghỉ hoán đổi, nghỉ bù")
    MAKEUP = "makeup", _("Ngày làm bù")
