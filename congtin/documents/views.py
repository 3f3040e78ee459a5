"""Public views of the registry: its files, and the "Tiếp cận thông tin" section's pages.

Each view parses the request, calls ``documents.queries`` and renders; the section's page model
(``pages.AccessToInformationPage``) only routes to them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from congtin.documents import queries
from congtin.documents.choices import DocumentStatus
from congtin.documents.forms import RegistryFilterForm, VerifyForm
from congtin.documents.models import DocumentAttachment, OfficialDocument
from congtin.vietnamese import format_date
from congtin.vietnamese.symbols import ISSUERS as SYMBOL_ISSUERS
from congtin.vietnamese.symbols import DocumentSymbol, SymbolError, canonical_symbol, parse_symbol

if TYPE_CHECKING:
    from congtin.documents.pages import AccessToInformationPage


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """Send an attachment as a download, never as a page the browser might run.

    The content type is the one read from the file's bytes at upload; ``nosniff`` stops the
    browser from guessing another, and the ``sandbox`` policy strips scripts and same-origin rights
    should a browser display the file anyway. Files of unpublished entries are for staff only.
    """
    attachment = get_object_or_404(DocumentAttachment.objects.select_related("document"), pk=pk)
    if not attachment.document.is_published and not request.user.has_perm(
        "documents.change_officialdocument"
    ):
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.download_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = (
        "private, no-cache" if not attachment.document.is_published else "public, max-age=3600"
    )
    return response


# -- the public section (Tiếp cận thông tin) ------------------------------------------------------

LISTING_PAGE_SIZE = 20
DISCLOSURE_PAGE_SIZE = 100
DISCLOSURE_COLUMNS = (
    _("STT"),
    _("Tên văn bản, thông tin"),
    _("Số, ký hiệu"),
    _("Ngày ban hành"),
    _("Thời điểm, thời hạn công khai"),
    _("Hình thức công khai"),
    _("Địa chỉ"),
)


def _render(
    request: HttpRequest,
    page: AccessToInformationPage,
    template: str,
    context: dict[str, Any],
    status: int = 200,
) -> TemplateResponse:
    return TemplateResponse(request, template, {"page": page, "self": page, **context}, status=status)


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("trang", None)
    return params.urlencode()


def registry_listing(request: HttpRequest, *, page: AccessToInformationPage) -> HttpResponse:
    """The listing: filters, and a lookup box that goes straight to the one document a number names."""
    form = RegistryFilterForm(request.GET or None, options=queries.registry_filter_options())
    if form.is_bound and not form.is_valid():
        return _render(
            request,
            page,
            "documents/registry_listing.html",
            {"form": form, "documents": None, "query": ""},
            status=400,
        )
    filters = form.filters if form.is_bound else {}
    q = filters.pop("q", None)
    base = queries.documents_filter(**filters, queryset=queries.documents_listing())
    documents = base
    unknown_symbol = None
    if q:
        by_number = queries.documents_lookup(q, queryset=base)
        first_two = list(by_number[:2])
        if len(first_two) == 1 and form.is_lookup_only:
            return redirect(page.document_url(first_two[0], request))
        if first_two:
            documents = by_number
        else:
            documents = queries.documents_filter(q=q, queryset=base)
            unknown_symbol = canonical_symbol(q)
    paginator = Paginator(documents, LISTING_PAGE_SIZE)
    return _render(
        request,
        page,
        "documents/registry_listing.html",
        {
            "form": form,
            "documents": paginator.get_page(request.GET.get("trang")),
            "query": _query_without_page(request),
            "filtered": bool(q) or any(filters.values()),
            "unknown_symbol": unknown_symbol,
        },
    )


def registry_document(request: HttpRequest, *, page: AccessToInformationPage, slug: str) -> HttpResponse:
    """An entry's page: every field, its files, relations both ways, and what cites it."""
    document = queries.document_by_slug(slug)
    if document is None:
        raise Http404
    if slug != document.url_slug:
        return redirect(page.document_url(document, request), permanent=True)
    return _render(
        request,
        page,
        "documents/registry_document.html",
        {
            "document": document,
            "relation_groups": queries.document_relation_groups(document),
            "citing_pages": list(queries.document_citing_pages(document)),
            "citing_documents": list(queries.document_citing_documents(document)),
            "citations": queries.document_citations(document, registry=page, request=request),
        },
    )


def _issuer_names(symbol: DocumentSymbol) -> list[str]:
    names = []
    for code in symbol.issuers:
        match = re.fullmatch(r"(.*?)([0-9]+)", code)
        base, term = (match.group(1), match.group(2)) if match else (code, "")
        name = SYMBOL_ISSUERS.get(base)
        if name and term:
            names.append(
                gettext("%(code)s: %(name)s khóa %(term)s") % {"code": code, "name": name, "term": term}
            )
        elif name:
            names.append(f"{code}: {name}")
        else:
            names.append(code)
    return names


def registry_symbol(request: HttpRequest, *, page: AccessToInformationPage) -> HttpResponse:
    """A cited number the registry lacks: what was read from it, marked ``noindex``.

    A number the registry does hold (perhaps added since the citing article was published) leads to
    its entry.
    """
    text = request.GET.get("so", "").strip()[:200]
    found = list(queries.documents_by_symbol(text)[:2]) if text else []
    if len(found) == 1:
        return redirect(page.document_url(found[0], request))
    symbol, error = None, None
    try:
        symbol = parse_symbol(text)
    except SymbolError as exc:
        error = str(exc)
    return _render(
        request,
        page,
        "documents/registry_symbol.html",
        {
            "text": text,
            "symbol": symbol,
            "error": error,
            "issuers": _issuer_names(symbol) if symbol is not None else [],
            "candidates": found,
        },
        status=200 if symbol is not None else 404,
    )


_VERIFY_FIELDS = ("so", "ngay", "co_quan", "nguoi_ky")


def registry_verify(request: HttpRequest, *, page: AccessToInformationPage) -> HttpResponse:
    """Xác thực văn bản: by number and details (GET, a shareable address) or by pasted text (POST)."""
    if request.method == "POST":
        form = VerifyForm(request.POST)
    elif any(name in request.GET for name in _VERIFY_FIELDS):
        form = VerifyForm(request.GET)
    else:
        form = VerifyForm()
    result = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        result = queries.document_verify(
            symbol=data["so"],
            issued_on=data["ngay"],
            issuer=data["co_quan"] or None,
            signer=data["nguoi_ky"] or None,
            text=data["van_ban"] or None,
        )
    return _render(
        request,
        page,
        "documents/registry_verify.html",
        {"form": form, "result": result, "pasted": request.method == "POST"},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def disclosure_period(document: OfficialDocument) -> str:
    """The "thời điểm, thời hạn công khai" column: since when, and for how long, the entry is public."""
    since = document.first_published_at
    start = (
        gettext("Công khai từ ngày %(date)s") % {"date": format_date(timezone.localtime(since).date())}
        if since is not None
        else gettext("Đang công khai")
    )
    if document.status == DocumentStatus.EXPIRED and document.expires_on is not None:
        return gettext("%(start)s; văn bản hết hiệu lực từ ngày %(date)s") % {
            "start": start,
            "date": format_date(document.expires_on),
        }
    return gettext("%(start)s; trong thời gian văn bản còn hiệu lực") % {"start": start}


def disclosure_form(document: OfficialDocument, page: AccessToInformationPage) -> str:
    if any(True for _attachment in document.attachments.all()):
        return gettext("%(form)s; toàn văn tải về được") % {"form": page.publication_form}
    return str(page.publication_form)


def registry_disclosure(request: HttpRequest, *, page: AccessToInformationPage) -> HttpResponse:
    """Danh mục thông tin phải công khai, generated from the published entries."""
    paginator = Paginator(queries.disclosure_list(), DISCLOSURE_PAGE_SIZE)
    entries = paginator.get_page(request.GET.get("trang"))
    first = entries.start_index()
    rows = [
        {
            "number": first + index,
            "document": document,
            "period": disclosure_period(document),
            "form": disclosure_form(document, page),
        }
        for index, document in enumerate(entries.object_list)
    ]
    return _render(
        request,
        page,
        "documents/registry_disclosure.html",
        {"entries": entries, "rows": rows, "columns": DISCLOSURE_COLUMNS},
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


def registry_disclosure_csv(request: HttpRequest, *, page: AccessToInformationPage) -> HttpResponseBase:
    """The danh mục as CSV, every published entry, for the agency's own records and reports."""

    def rows() -> Iterator[str]:
        writer = csv.writer(_Echo())
        yield "\ufeff"  # so spreadsheet programs read the file as UTF-8
        yield writer.writerow([str(column) for column in DISCLOSURE_COLUMNS])
        for number, document in enumerate(queries.disclosure_list().iterator(chunk_size=500), start=1):
            yield writer.writerow(
                [
                    number,
                    document.title,
                    document.canonical_symbol,
                    format_date(document.issued_on) if document.issued_on else "",
                    disclosure_period(document),
                    disclosure_form(document, page),
                    request.build_absolute_uri(page.document_url(document, request)),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="danh-muc-thong-tin-phai-cong-khai.csv"'
    return response
