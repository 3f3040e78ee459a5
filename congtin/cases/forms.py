from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from congtin.cases.models import CaseType


class DeadlineCalculatorForm(forms.Form):
    received_on = forms.DateField(
        label=_("Ngày tiếp nhận"),
        input_formats=["%d/%m/%Y"],
        help_text=_("Ngày cơ quan nhận được yêu cầu hợp lệ, dạng ngày/tháng/năm, ví dụ 13/02/2026."),
        widget=forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}),
        error_messages={
            "required": _("Hãy nhập ngày tiếp nhận."),
            "invalid": _("Ngày tiếp nhận không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 13/02/2026."),
        },
    )
    case_type = forms.ModelChoiceField(
        label=_("Loại yêu cầu"),
        queryset=CaseType.objects.filter(is_active=True),
        empty_label=None,
        error_messages={
            "required": _("Hãy chọn loại yêu cầu."),
            "invalid_choice": _("Loại yêu cầu không có trong danh sách."),
        },
    )
