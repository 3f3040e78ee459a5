"""The report's filters, read from the URL so that a report can be bookmarked and shared."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from congtin.cases.choices import CaseState, Channel
from congtin.cases.reports.queries import Choices, Period, ReportFilters, default_filters

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
MAX_YEARS = 20
EXPORT_FORMATS = (("csv", "CSV"), ("xlsx", "XLSX"))


def _blank(label: Any) -> list[tuple[Any, Any]]:
    return [("", label)]


class ReportFilterForm(forms.Form):
    tu = forms.DateField(
        label=_("Từ ngày"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    den = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    ky = forms.ChoiceField(
        label=_("Tổng hợp theo"),
        required=False,
        choices=[(Period.MONTH, _("Tháng")), (Period.QUARTER, _("Quý")), (Period.YEAR, _("Năm"))],
    )
    linh_vuc = forms.TypedChoiceField(label=_("Lĩnh vực"), required=False, coerce=int, empty_value=None)
    don_vi = forms.TypedChoiceField(label=_("Đơn vị"), required=False, coerce=int, empty_value=None)
    loai = forms.TypedChoiceField(label=_("Loại hồ sơ"), required=False, coerce=int, empty_value=None)
    trang_thai = forms.ChoiceField(label=_("Trạng thái"), required=False)
    kenh = forms.ChoiceField(label=_("Kênh tiếp nhận"), required=False)

    def __init__(self, data: Any, *, choices: Choices, today: date) -> None:
        super().__init__(data)
        self.today = today
        self.fields["linh_vuc"].choices = _blank(_("Tất cả lĩnh vực")) + choices.fields  # type: ignore[attr-defined]
        self.fields["don_vi"].choices = _blank(_("Tất cả đơn vị")) + choices.units  # type: ignore[attr-defined]
        self.fields["loai"].choices = _blank(_("Tất cả loại hồ sơ")) + choices.case_types  # type: ignore[attr-defined]
        self.fields["trang_thai"].choices = _blank(_("Mọi trạng thái")) + list(CaseState.choices)  # type: ignore[attr-defined]
        self.fields["kenh"].choices = _blank(_("Mọi kênh")) + list(Channel.choices)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        default = default_filters(self.today)
        start = data.get("tu") or default.start
        end = data.get("den") or (default.end if start <= default.end else start)
        if start > end:
            raise forms.ValidationError(_("“Từ ngày” phải trước hoặc trùng “Đến ngày”."))
        if end.year - start.year > MAX_YEARS:
            raise forms.ValidationError(_("Khoảng thời gian tối đa là %(years)s năm.") % {"years": MAX_YEARS})
        data["tu"], data["den"] = start, end
        return data

    def filters(self) -> ReportFilters:
        data = self.cleaned_data
        return ReportFilters(
            start=data["tu"],
            end=data["den"],
            period=Period(data.get("ky") or Period.MONTH),
            field_id=data.get("linh_vuc"),
            unit_id=data.get("don_vi"),
            case_type_id=data.get("loai"),
            state=data.get("trang_thai") or "",
            channel=data.get("kenh") or "",
        )


class PublicReportForm(forms.Form):
    """The public page shows one year at a time."""

    nam = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)
