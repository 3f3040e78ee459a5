from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from congtin.vietnamese import slugify, unique_slug

FALLBACK_SLUG = "trang"


class VietnamesePageForm(WagtailAdminPageForm):
    """The page editor's slug: optional, and always turned into a Vietnamese-aware ASCII slug.

    Left blank, it is made from the title and kept unique among siblings; typed with accents
    ("bộ-nội-vụ"), it is folded instead of refused.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].validators = []

    def clean_slug(self) -> str:
        typed = self.cleaned_data.get("slug") or ""
        if typed:
            return slugify(typed, max_length=255) or FALLBACK_SLUG
        base = slugify(self.cleaned_data.get("title") or "") or FALLBACK_SLUG
        return unique_slug(
            base,
            taken=lambda candidate: not Page._slug_is_available(candidate, self.parent_page, self.instance),
        )
