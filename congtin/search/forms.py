"""Reading the search page's GET parameters.

The rule for bad values (decision 0014): a parameter that cannot be read — a page that is not a
number, an unknown content type or document type, a year out of range, a section that is not an
id — is ignored, as if it were absent, and the page answers 200. Nothing a reader or a crawler puts
in the address produces an error page; a filter that matches nothing gives the "no results" page,
and a page past the last shows the last one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.http import QueryDict

from congtin.documents.choices import DocumentType
from congtin.search.backends.base import SearchFilters
from congtin.search.results import is_content_type
from congtin.vietnamese import parse_query

#: Characters of a query that are searched; the rest is cut, with a notice.
MAX_QUERY_LENGTH = 256

# Parameter names, in Vietnamese like the rest of the site's addresses (``trang`` as in listings).
PARAM_QUERY = "q"
PARAM_PAGE = "trang"
FILTER_PARAMS = {
    "content_type": "loai",
    "section": "chuyen_muc",
    "document_type": "loai_van_ban",
    "year": "nam",
}


class SearchForm(forms.Form):
    loai = forms.CharField(required=False, max_length=100)
    chuyen_muc = forms.IntegerField(required=False, min_value=1, max_value=2**62)
    loai_van_ban = forms.ChoiceField(required=False, choices=DocumentType.choices)
    nam = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    trang = forms.IntegerField(required=False, min_value=1, max_value=10**6)

    def clean_loai(self) -> str:
        value: str = self.cleaned_data.get("loai") or ""
        return value if value and is_content_type(value) else ""


_NO_FILTERS = SearchFilters()


@dataclass(frozen=True)
class SearchParams:
    query: str  # as it will be searched: NFC, control characters removed, cut to MAX_QUERY_LENGTH
    too_long: bool
    filters: SearchFilters
    page: int
    # The filters as URL parameters ({"loai": "news.articlepage", …}), for links that keep them.
    filter_params: dict[str, str]


def read_params(data: QueryDict) -> SearchParams:
    """The search the address asks for; unreadable values are dropped (see the module docstring)."""
    typed = data.get(PARAM_QUERY, "")
    query = parse_query(typed, max_length=MAX_QUERY_LENGTH).raw.strip()
    too_long = len(typed.strip()) > MAX_QUERY_LENGTH
    if all(name == PARAM_QUERY for name in data):
        # Only a query, as a reader types it: what the form would give, without the form.
        return SearchParams(query=query, too_long=too_long, filters=_NO_FILTERS, page=1, filter_params={})
    form = SearchForm(data)
    form.is_valid()  # invalid fields are simply missing from cleaned_data
    cleaned = {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}
    filters = SearchFilters(
        content_types=(cleaned["loai"],) if "loai" in cleaned else (),
        section_id=cleaned.get("chuyen_muc"),
        document_type=cleaned.get("loai_van_ban", ""),
        year=cleaned.get("nam"),
    )
    filter_params = {param: str(cleaned[param]) for param in FILTER_PARAMS.values() if param in cleaned}
    return SearchParams(
        query=query,
        too_long=too_long,
        filters=filters,
        page=cleaned.get("trang", 1),
        filter_params=filter_params,
    )
