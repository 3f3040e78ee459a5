"""The registry's forms: the admin form for an entry, and the public section's filters and verification."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from congtin.documents.choices import DocumentStatus, DocumentType
from congtin.documents.importing import RowError, parse_date
from congtin.documents.queries import FilterOptions


class OfficialDocumentForm(WagtailAdminModelForm):
    """Check each relation row against the document being saved, with its values as edited.

    A relation row is validated by ``DocumentRelation.clean``, which needs its source; the inline
    formset validates rows before the parent is known to them, so the check runs here, once the
    parent instance holds the submitted values (a self-relation, or acting on a later document).
    """

    def _post_clean(self) -> None:
        super()._post_clean()
        relations = self.formsets.get("relations_out")
        if relations is None:
            return
        for form in relations.forms:
            if not form.is_valid() or not form.has_changed():
                continue
            if relations.can_delete and relations._should_delete_form(form):
                continue
            form.instance.source = self.instance
            try:
                form.instance.clean()
            except ValidationError as error:
                form.add_error(None, error)


# -- the public section ---------------------------------------------------------------------------

MAX_VERIFY_TEXT = 200_000


class RegistryFilterForm(forms.Form):
    """The listing's filters and lookup box; GET parameters in Vietnamese so the URLs read well."""

    q = forms.CharField(
        label=_("Số ký hiệu hoặc từ khóa"),
        required=False,
        max_length=200,
        help_text=_("Ví dụ: 09/2017/NĐ-CP, nđ 09/2017, nghị định 09, 12 ct ttg, báo chí."),
    )
    loai = forms.ChoiceField(label=_("Loại văn bản"), required=False)
    co_quan = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False)
    linh_vuc = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    nam = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int, empty_value=None)
    tinh_trang = forms.ChoiceField(label=_("Tình trạng hiệu lực"), required=False)

    def __init__(self, *args: Any, options: FilterOptions, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything: list[tuple[str, Any]] = [("", _("Tất cả"))]
        choices: dict[str, list[tuple[str, Any]]] = {
            "loai": list(DocumentType.choices),
            "co_quan": [(o.abbreviation, o.name) for o in options.issuers],
            "linh_vuc": [(f.slug, f.name) for f in options.fields],
            "nam": [(str(year), str(year)) for year in options.years],
            "tinh_trang": list(DocumentStatus.choices),
        }
        for name, values in choices.items():
            field = self.fields[name]
            if isinstance(field, forms.ChoiceField):
                field.choices = everything + values

    @property
    def filters(self) -> dict[str, Any]:
        """The chosen filters as ``queries.documents_filter`` names them (call after ``is_valid``)."""
        data = self.cleaned_data
        return {
            "doc_type": data.get("loai") or None,
            "issuer": data.get("co_quan") or None,
            "field": data.get("linh_vuc") or None,
            "year": data.get("nam") or None,
            "status": data.get("tinh_trang") or None,
            "q": data.get("q") or None,
        }

    @property
    def is_lookup_only(self) -> bool:
        """Only the box was filled: a number typed there may lead straight to its document."""
        filters = self.filters
        return bool(filters["q"]) and not any(value for name, value in filters.items() if name != "q")


class VerifyForm(forms.Form):
    """Xác thực văn bản: a number with what the reader's copy says, or the copy's text pasted."""

    so = forms.CharField(
        label=_("Số, ký hiệu"),
        required=False,
        max_length=200,
        help_text=_("Như in trên văn bản, ví dụ 12/CT-TTg."),
    )
    ngay = forms.CharField(
        label=_("Ngày ban hành"),
        required=False,
        max_length=20,
        help_text=_("Ngày/tháng/năm, ví dụ 12/05/2021."),
    )
    co_quan = forms.CharField(label=_("Cơ quan ban hành"), required=False, max_length=255)
    nguoi_ky = forms.CharField(label=_("Người ký"), required=False, max_length=200)
    van_ban = forms.CharField(
        label=_("Hoặc dán nội dung văn bản"),
        required=False,
        max_length=MAX_VERIFY_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Số ký hiệu, ngày, cơ quan ban hành và người ký được đọc từ phần đầu và phần ký."),
    )

    def clean_ngay(self) -> dt.date | None:
        try:
            return parse_date(self.cleaned_data["ngay"], gettext("Ngày ban hành"))
        except RowError as error:
            reasons = "; ".join(error.reasons)
            raise forms.ValidationError(
                gettext("%(reasons)s. Hãy ghi ngày theo dạng ngày/tháng/năm, ví dụ 12/05/2021.")
                % {"reasons": reasons[:1].upper() + reasons[1:]}
            ) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("so", "").strip() and not data.get("van_ban", "").strip():
            raise forms.ValidationError(
                _("Hãy nhập số ký hiệu của văn bản, hoặc dán nội dung văn bản cần xác thực.")
            )
        return data
