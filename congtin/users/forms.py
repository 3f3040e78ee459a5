from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class CollaboratorSectionsForm(forms.Form):
    sections = forms.ModelMultipleChoiceField(
        label=_("Chuyên mục được viết bài"),
        queryset=Page.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Cộng tác viên chỉ tạo được bản nháp trong các chuyên mục này (và chuyên mục con)."),
    )

    def __init__(self, *args: Any, sections: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["sections"]
        field.queryset = sections  # type: ignore[attr-defined]
        field.label_from_instance = lambda page: ("— " * max(page.depth - 3, 0)) + page.title  # type: ignore[attr-defined]
