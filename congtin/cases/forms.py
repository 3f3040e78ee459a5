from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from congtin.cases import uploads
from congtin.cases.codes import normalise_tracking_code
from congtin.cases.models import CaseType, DeliveryForm, DeliveryMethod
from congtin.documents.models import Field
from congtin.vietnamese import nfc


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


# --- public intake and lookup (cases-intake) -------------------------------------------------------


HONEYPOT_FIELD = "website"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        items = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(item, initial) for item in items if item]


def _text(label: Any, *, max_length: int, required: bool = True, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages={
            "required": _("Hãy điền mục này."),
            "max_length": _("Tối đa %(limit_value)d ký tự (đang có %(show_value)d)."),
        },
        **kwargs,
    )


class PublicCaseForm(forms.Form):
    """What both public forms ask; text comes back NFC-normalised and trimmed."""

    kind = ""
    name = _text(_("Họ và tên"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone = _text(
        _("Số điện thoại"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")},
    )
    address = _text(
        _("Địa chỉ"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=Field.objects.all(),
        required=False,
        empty_label=_("(Không rõ lĩnh vực)"),
        error_messages={"invalid_choice": _("Lĩnh vực không có trong danh sách.")},
    )
    subject = _text(_("Tiêu đề"), max_length=300)
    content = _text(_("Nội dung"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 8}))
    attachments = MultipleFileField(
        label=_("Tệp đính kèm"),
        required=False,
        help_text=_("PDF, DOCX, JPG hoặc PNG; mỗi tệp tối đa 10 MB, tổng cộng tối đa 25 MB, tối đa 5 tệp."),
    )
    consent = forms.BooleanField(
        label=_("Tôi đồng ý cho cơ quan xử lý dữ liệu cá nhân tôi khai ở trên cho mục đích nêu dưới đây."),
        error_messages={"required": _("Cần có sự đồng ý của ông/bà thì cơ quan mới xử lý được hồ sơ.")},
    )
    # The honeypot: hidden from people, filled by form-filling robots.
    website = forms.CharField(
        label=_("Không điền vào ô này"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: Any, offline: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if offline:
            # The database is down: keep the chosen field as it was sent, without reading the list.
            chosen = self.data.get("field", "") if self.is_bound else ""
            self.fields["field"] = forms.ChoiceField(
                label=_("Lĩnh vực"),
                required=False,
                choices=[(chosen, _("(Lĩnh vực đã chọn)") if chosen else _("(Không rõ lĩnh vực)"))],
            )

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip()) if self.is_bound else False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for key, value in list(data.items()):
            if isinstance(value, str):
                data[key] = nfc(value).strip()
        phone = data.get("phone", "")
        if phone:
            digits = "".join(ch for ch in phone if ch.isdigit())
            if not 9 <= len(digits) <= 12 or any(ch not in "0123456789 +-.()" for ch in phone):
                self.add_error("phone", _("Số điện thoại không hợp lệ."))
        if not phone and not data.get("email") and not self.has_error("email"):
            raise ValidationError(
                _(
                    "Hãy để lại số điện thoại hoặc địa chỉ thư điện tử (ít nhất một) để tra cứu và nhận kết quả."
                ),
                code="no_contact",
            )
        return data

    def clean_attachments(self) -> list[Any]:
        files: list[Any] = self.cleaned_data.get("attachments") or []
        errors: list[ValidationError] = []
        for item in files:
            try:
                uploads.sniff_case_file(uploads.read_upload(item), str(item.name), size=item.size)
            except ValidationError as exc:
                errors.append(exc)
        if not errors:
            try:
                uploads.check_total_size(files)
            except ValidationError as exc:
                errors.append(exc)
        if errors:
            raise ValidationError(errors)
        return files


class FeedbackForm(PublicCaseForm):
    kind = "feedback"


class InformationRequestForm(PublicCaseForm):
    """Luật TCTT Điều 24 and the request form of Nghị định 13/2018: who asks, what, why, and how to deliver."""

    kind = "information_request"
    field_order = [
        "name",
        "id_number",
        "address",
        "phone",
        "email",
        "field",
        "subject",
        "content",
        "purpose",
        "delivery_form",
        "delivery_method",
        "copies",
        "attachments",
        "consent",
        "website",
    ]
    id_number = _text(
        _("Số CMND, căn cước công dân hoặc hộ chiếu"),
        max_length=20,
        help_text=_("Luật Tiếp cận thông tin (Điều 24) yêu cầu ghi số giấy tờ tùy thân của người yêu cầu."),
    )
    purpose = _text(
        _("Mục đích sử dụng thông tin"), max_length=2_000, widget=forms.Textarea(attrs={"rows": 3})
    )
    delivery_form = forms.ChoiceField(
        label=_("Hình thức cung cấp thông tin"),
        choices=DeliveryForm.choices,
        initial=DeliveryForm.ELECTRONIC,
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn hình thức cung cấp.")},
    )
    delivery_method = forms.ChoiceField(
        label=_("Phương thức nhận thông tin"),
        choices=DeliveryMethod.choices,
        initial=DeliveryMethod.EMAIL,
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn phương thức nhận.")},
    )
    copies = forms.IntegerField(
        label=_("Số bản"),
        min_value=1,
        max_value=20,
        initial=1,
        error_messages={
            "min_value": _("Số bản từ 1 đến 20."),
            "max_value": _("Số bản từ 1 đến 20."),
            "invalid": _("Số bản phải là một số."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["address"].required = True
        self.fields["address"].label = _("Nơi cư trú, địa chỉ")
        self.fields["subject"].label = _("Tên văn bản, hồ sơ, tài liệu hoặc thông tin cần cung cấp")
        self.fields["content"].label = _("Mô tả cụ thể thông tin cần cung cấp")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        method = data.get("delivery_method")
        if method == DeliveryMethod.EMAIL and not data.get("email") and not self.has_error("email"):
            self.add_error("email", _("Để nhận thông tin qua thư điện tử, hãy ghi địa chỉ thư điện tử."))
        id_number = data.get("id_number", "")
        if id_number and not (6 <= len(id_number) <= 20 and id_number.replace(" ", "").isalnum()):
            self.add_error("id_number", _("Số giấy tờ tùy thân không hợp lệ."))
        return data


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=40,
        help_text=_(
            "16 ký tự trong thư xác nhận, ví dụ 7K3M-Q9XT-2HVA-0RPE; không phân biệt chữ hoa, chữ thường."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": _("Hãy nhập mã tra cứu.")},
    )
    factor = forms.CharField(
        label=_("4 số cuối số điện thoại, hoặc địa chỉ thư điện tử đã khai"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": _("Hãy nhập 4 số cuối số điện thoại hoặc địa chỉ thư điện tử.")},
    )

    def clean_code(self) -> str:
        code = normalise_tracking_code(self.cleaned_data["code"])
        if code is None:
            raise ValidationError(
                _("Mã tra cứu gồm 16 chữ và số (có thể viết thường, có hoặc không có dấu gạch)."),
                code="code_shape",
            )
        return code

    def clean_factor(self) -> str:
        return nfc(self.cleaned_data["factor"]).strip()
