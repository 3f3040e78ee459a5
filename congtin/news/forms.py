from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label=_("Nội dung đính chính"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_(
            "Nêu rõ thông tin sai và thông tin đúng; đính chính được đăng ngay dưới bài, kèm ngày giờ."
        ),
        error_messages={"required": _("Nội dung đính chính không được để trống.")},
    )


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do gỡ bài"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_("Lý do được hiển thị công khai tại địa chỉ của bài. Bài vẫn được lưu trữ."),
        error_messages={"required": _("Phải nêu lý do gỡ bài.")},
    )
